using SalesKpi.Planning;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Planning;

public class ActivityBarometerCalculatorTests
{
    private static readonly MagicNumberCalculator Magic = new(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 50m });

    [Fact]
    public void Evaluate_ByRep_DividesTheActualWeeklyRateByTheMagicNumber()
    {
        // Over the 91-day window: ayse created 156 opportunities = 156 × 7 / 91 = 12 a week, magic number 16: 12 / 16 = 0.75.
        // bora created 26 = 26 × 7 / 91 = 2 a week, magic number 2: 2 / 2 = 1.
        var barometer = new ActivityBarometerCalculator(Magic);
        var report = new KpiEvaluator().Evaluate(CoachingData.Create(), new KpiQuery(CoachingData.Window, [Magic, barometer], KpiGrouping.ByRep));

        var ayse = report.Get(KpiIds.ActivityBarometer, "ayse");
        Assert.Equal(0.75m, ayse.Value);
        Assert.Equal((12m, 16m), (ayse.Numerator, ayse.Denominator));
        Assert.Equal(1m, report.Get(KpiIds.ActivityBarometer, "bora").Value);
    }

    [Fact]
    public void Evaluate_MagicNumberUndefined_IsUndefinedWithItsReason()
    {
        var magic = new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 50m, GivenCloseRatio = 0m });
        var value = new ActivityBarometerCalculator(magic).Evaluate(CoachingData.Create(), CoachingData.Window, KpiGrouping.ByRep).Get(KpiIds.ActivityBarometer, "ayse");

        Assert.Equal("the magic number is undefined: the close ratio (given) is zero", value.UndefinedReason);
    }

    [Fact]
    public void Calculate_TwelveAgainstSixteen_Is75Percent()
    {
        // 12 / 16 = 0.75.
        var value = ActivityBarometerCalculator.Calculate(12m, KpiValue.Number(16m));
        Assert.Equal(0.75m, value.Value);
        Assert.Equal(KpiUnit.Ratio, value.Unit);
    }

    [Fact]
    public void Calculate_ZeroMagicNumber_IsUndefined()
    {
        var value = ActivityBarometerCalculator.Calculate(3m, KpiValue.Number(0m));
        Assert.Equal("the magic number is zero: the goal needs no new opportunities", value.UndefinedReason);
    }

    [Fact]
    public void Calculate_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("actualPerWeek", () => ActivityBarometerCalculator.Calculate(-1m, KpiValue.Number(16m)));
        Assert.Throws<ArgumentNullException>("magicNumber", () => ActivityBarometerCalculator.Calculate(1m, null!));
    }

    [Fact]
    public void Constructor_Validates()
    {
        Assert.Throws<ArgumentNullException>("magicNumber", () => new ActivityBarometerCalculator(null!));
        Assert.Throws<ArgumentException>("actual", () => new ActivityBarometerCalculator(Magic, Kpis.CloseRate));
        var barometer = new ActivityBarometerCalculator(Magic);
        Assert.Same(Kpis.NewOpportunities, barometer.Actual);
        Assert.Same(Magic, barometer.MagicNumber);
        Assert.Equal("new-opportunities per week / magic-number", barometer.Description);
    }
}
