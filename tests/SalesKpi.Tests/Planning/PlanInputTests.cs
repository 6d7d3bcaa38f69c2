using SalesKpi.Planning;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

public class PlanInputTests
{
    [Fact]
    public void Given_RecordsTheValueAndNoKpi()
    {
        var goal = PlanInput.Given(Usd(1_000_000m));
        Assert.Equal(PlanInputSource.Given, goal.Source);
        Assert.Equal(KpiUnit.Money, goal.Value.Unit);
        Assert.Equal(1_000_000m, goal.Value.Value);
        Assert.Null(goal.KpiId);
        Assert.Null(goal.Window);
        Assert.Equal("1,000,000.00 USD, given", goal.ToString());

        Assert.Equal(KpiUnit.Number, PlanInput.Given(50m).Value.Unit);
    }

    [Fact]
    public void GivenRatio_KeepsTheExactFraction()
    {
        var oneInThree = PlanInput.GivenRatio(1m, 3m);
        Assert.Equal(KpiUnit.Ratio, oneInThree.Value.Unit);
        Assert.Equal((1m, 3m), (oneInThree.Value.Numerator, oneInThree.Value.Denominator));
        Assert.Equal((0.15m, 1m), (PlanInput.GivenRatio(0.15m).Value.Numerator, PlanInput.GivenRatio(0.15m).Value.Denominator));
    }

    [Fact]
    public void FromData_EvaluatesTheKpiOverTheWindow()
    {
        // ayse and bora closed 12 opportunities in the window, 5 won: 5 / 12.
        var input = PlanInput.FromData(Kpis.CloseRate, CoachingData.Create(), CoachingData.Window);
        Assert.Equal(PlanInputSource.FromData, input.Source);
        Assert.Equal(KpiIds.CloseRate, input.KpiId);
        Assert.Equal(CoachingData.Window, input.Window);
        Assert.Equal((5m, 12m), (input.Value.Numerator, input.Value.Denominator));
        Assert.True(input.IsDefined);
    }

    [Fact]
    public void InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("amount", () => PlanInput.Given(Usd(-1m)));
        Assert.Throws<ArgumentOutOfRangeException>("count", () => PlanInput.Given(-1m));
        Assert.Throws<ArgumentOutOfRangeException>("numerator", () => PlanInput.GivenRatio(-0.1m));
        Assert.Throws<ArgumentOutOfRangeException>("denominator", () => PlanInput.GivenRatio(1m, 0m));
        Assert.Throws<ArgumentException>("kpiId", () => PlanInput.FromData("Close Rate", CoachingData.Window, KpiValue.Number(1m)));
        Assert.Throws<ArgumentNullException>("window", () => PlanInput.FromData(KpiIds.CloseRate, null!, KpiValue.Number(1m)));
        Assert.Throws<ArgumentNullException>("value", () => PlanInput.FromData(KpiIds.CloseRate, CoachingData.Window, null!));
        Assert.Throws<ArgumentNullException>("kpi", () => PlanInput.FromData(null!, SalesData.Empty, CoachingData.Window));
    }

    [Fact]
    public void Equality_ComparesValueSourceKpiAndWindow()
    {
        var a = PlanInput.FromData(KpiIds.CloseRate, CoachingData.Window, KpiValue.Ratio(2m, 8m));
        var b = PlanInput.FromData(KpiIds.CloseRate, CoachingData.Window, KpiValue.Ratio(2m, 8m));
        var given = PlanInput.GivenRatio(2m, 8m);
        Assert.True(a == b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != given);
        Assert.False(a.Equals(null));
    }
}
