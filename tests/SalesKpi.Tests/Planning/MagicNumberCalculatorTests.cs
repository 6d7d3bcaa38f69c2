using SalesKpi.Planning;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

public class MagicNumberCalculatorTests
{
    private static MagicNumberCalculator Create() => new(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 50m });

    [Fact]
    public void Evaluate_ByRepOverTheTrailingWindow_GivesEachRepsMagicNumber()
    {
        // ayse: 1,000,000 / 10,000 / 0.25 / 0.5 / 50 = 16; bora: 600,000 / 10,000 / 0.75 / 0.8 / 50 = 2 (CoachingData).
        var report = Create().Evaluate(CoachingData.Create(), CoachingData.Window, KpiGrouping.ByRep);

        Assert.Equal(16m, report.Get(KpiIds.MagicNumber, "ayse").Value);
        Assert.Equal(2m, report.Get(KpiIds.MagicNumber, "bora").Value);
    }

    [Fact]
    public void Evaluate_MatchesMagicNumberFromData()
    {
        var data = CoachingData.Create();
        var calculator = Create();
        var report = calculator.Evaluate(data, CoachingData.Window, KpiGrouping.ByRep);
        var explained = MagicNumber.FromData(new KpiEvaluator(), data, CoachingData.Window, new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 50m });

        Assert.All(explained, r => Assert.Equal(r.Value, report.Get(KpiIds.MagicNumber, r.Group)));
    }

    [Fact]
    public void Evaluate_Ungrouped_LooksUpTheGoalOfTheAllGroup()
    {
        // The whole team: 50,000 USD over 5 deals = 10,000; close 5 / 12; stage 8 / 13 (CoachingData).
        // Goal 1,000,000 over 50 weeks: 100 sales × 12 / 5 = 240 proposals × 13 / 8 = 390 first appointments / 50 = 7.8.
        var calculator = new MagicNumberCalculator(new MagicNumberOptions { Goal = g => g == KpiGrouping.AllKey ? Usd(1_000_000m) : null, Weeks = 50m });

        var value = calculator.Evaluate(CoachingData.Create(), CoachingData.Window);

        Assert.Equal(7.8m, value.Value);
    }

    [Fact]
    public void Evaluate_GroupWithoutGoal_IsUndefined()
    {
        var calculator = new MagicNumberCalculator(new MagicNumberOptions { Goal = _ => null, Weeks = 50m });
        var value = calculator.Evaluate(CoachingData.Create(), CoachingData.Window);
        Assert.Equal("the revenue goal (given) is undefined: no revenue goal is set for group 'all'", value.UndefinedReason);
    }

    [Fact]
    public void Properties()
    {
        var calculator = Create();
        Assert.Equal(KpiIds.MagicNumber, calculator.Id);
        Assert.Equal(KpiUnit.Number, calculator.Unit);
        Assert.Equal(KpiDirection.LowerIsBetter, calculator.Direction);
        Assert.Equal(50m, calculator.Weeks);
        Assert.Equal([KpiIds.AverageDealSize, KpiIds.CloseRate, KpiIds.StageConversion], calculator.Components.Select(c => c.Id));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throw()
    {
        Assert.Throws<ArgumentNullException>("options", () => new MagicNumberCalculator(null!));
        Assert.Throws<ArgumentNullException>("options.Goal", () => new MagicNumberCalculator(new MagicNumberOptions { Weeks = 50m }));
        Assert.Throws<ArgumentOutOfRangeException>("options.Weeks", () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal }));
        Assert.Throws<ArgumentException>("id", () => new MagicNumberCalculator(new MagicNumberOptions { Id = "Magic Number", Goal = CoachingData.Goal, Weeks = 1m }));
        Assert.Throws<ArgumentException>("options.CloseRatioKpi", () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, CloseRatioKpi = Kpis.Revenue }));
        Assert.Throws<ArgumentException>("options.AverageRevenuePerSaleKpi", () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, AverageRevenuePerSaleKpi = Kpis.CloseRate }));
        Assert.Throws<ArgumentException>("options.FirstAppointmentToProposalKpi", () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, FirstAppointmentToProposalKpi = Kpis.CloseRate }));
        Assert.Throws<ArgumentOutOfRangeException>("options.GivenCloseRatio", () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, GivenCloseRatio = -0.1m }));
        Assert.Throws<ArgumentOutOfRangeException>("options.GivenFirstAppointmentToProposal", () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, GivenFirstAppointmentToProposal = -0.1m }));
        Assert.Throws<ArgumentOutOfRangeException>("options.GivenAverageRevenuePerSale", () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, GivenAverageRevenuePerSale = Usd(-1m) }));
    }
}
