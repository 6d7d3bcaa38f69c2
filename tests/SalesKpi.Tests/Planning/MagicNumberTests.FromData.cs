using SalesKpi.Planning;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

public partial class MagicNumberTests
{
    private static MagicNumberOptions CoachingOptions() => new() { Goal = CoachingData.Goal, Weeks = 50m };

    [Fact]
    public void FromData_TrailingThirteenWeeks_MatchesTheSameInputsGiven()
    {
        // ayse over [2024-12-30, 2025-03-30] (CoachingData): 20,000 USD / 2 deals = 10,000 a sale; close 2 / 8 = 0.25;
        // first appointment to proposal 4 / 8 = 0.5. With 1,000,000 USD over 50 weeks: 16 a week, as from the given inputs.
        var window = MagicNumber.TrailingWeeks(CoachingData.AsOf, 13);
        var results = MagicNumber.FromData(new KpiEvaluator(), CoachingData.Create(), window, CoachingOptions());

        var ayse = Assert.Single(results, r => r.Group == "ayse");
        var given = Seed004Example();
        Assert.Equal(given.Value.Value, ayse.Value.Value);
        Assert.Equal(16m, ayse.Value.Value);
        Assert.Equal(given.Sales, ayse.Sales);
        Assert.Equal(given.Proposals, ayse.Proposals);
        Assert.Equal(given.FirstAppointments, ayse.FirstAppointments);
    }

    [Fact]
    public void FromData_RecordsWhichKpiAndWindowEachInputCameFrom()
    {
        var window = MagicNumber.TrailingWeeks(CoachingData.AsOf, 13);
        var ayse = MagicNumber.FromData(new KpiEvaluator(), CoachingData.Create(), window, CoachingOptions()).Single(r => r.Group == "ayse");

        Assert.Equal(PlanInputSource.Given, ayse.RevenueGoal.Source);
        Assert.Equal(PlanInputSource.Given, ayse.Weeks.Source);
        Assert.Equal((PlanInputSource.FromData, "average-deal-size", window), (ayse.AverageRevenuePerSale.Source, ayse.AverageRevenuePerSale.KpiId, ayse.AverageRevenuePerSale.Window));
        Assert.Equal((PlanInputSource.FromData, "close-rate", window), (ayse.CloseRatio.Source, ayse.CloseRatio.KpiId, ayse.CloseRatio.Window));
        Assert.Equal((PlanInputSource.FromData, "stage-conversion", window), (ayse.FirstAppointmentToProposal.Source, ayse.FirstAppointmentToProposal.KpiId, ayse.FirstAppointmentToProposal.Window));

        // The data's own working: 20,000 over 2 deals (the 100,000 USD deal of December is outside the window), 2 of 8, 4 of 8.
        Assert.Equal((20_000m, 2m), (ayse.AverageRevenuePerSale.Value.Numerator, ayse.AverageRevenuePerSale.Value.Denominator));
        Assert.Equal((2m, 8m), (ayse.CloseRatio.Value.Numerator, ayse.CloseRatio.Value.Denominator));
        Assert.Equal((4m, 8m), (ayse.FirstAppointmentToProposal.Value.Numerator, ayse.FirstAppointmentToProposal.Value.Denominator));
        Assert.Equal("0.25 (2 / 8), close-rate over [2024-12-30, 2025-03-30]", ayse.CloseRatio.ToString());
    }

    [Fact]
    public void FromData_EveryRepGetsItsOwnMagicNumber()
    {
        // bora: 600,000 / 10,000 = 60 sales; / 0.75 = 80 proposals; / 0.8 = 100 first appointments; / 50 = 2 a week.
        var results = MagicNumber.FromData(new KpiEvaluator(), CoachingData.Create(), CoachingData.Window, CoachingOptions());

        Assert.Equal(["ayse", "bora"], results.Select(r => r.Group));
        var bora = results[1];
        Assert.Equal(60m, bora.Sales);
        Assert.Equal(80m, bora.Proposals);
        Assert.Equal(100m, bora.FirstAppointments);
        Assert.Equal(2m, bora.Value.Value);
    }

    [Fact]
    public void FromData_GivenValuesReplaceTheData()
    {
        // ayse with a given close ratio of 0.5: 100 sales / 0.5 = 200 proposals; / 0.5 = 400; / 50 = 8 a week.
        var options = CoachingOptions();
        options.GivenCloseRatio = 0.5m;
        var ayse = MagicNumber.FromData(new KpiEvaluator(), CoachingData.Create(), CoachingData.Window, options).Single(r => r.Group == "ayse");

        Assert.Equal(8m, ayse.Value.Value);
        Assert.Equal(PlanInputSource.Given, ayse.CloseRatio.Source);
        Assert.Equal(PlanInputSource.FromData, ayse.AverageRevenuePerSale.Source);
    }

    [Fact]
    public void FromData_NoWonDealsInTheWindow_IsUndefinedWithTheReason()
    {
        // A window of January alone: ayse and bora won nothing before February.
        var january = Dates(Date(2025, 1, 1), Date(2025, 1, 31));
        var results = MagicNumber.FromData(new KpiEvaluator(), CoachingData.Create(), january, CoachingOptions());

        Assert.All(results, r => Assert.False(r.IsDefined));
        Assert.Equal(
            "the average revenue per sale (average-deal-size over [2025-01-01, 2025-01-31]) is undefined: no deals won in the period",
            results[0].Value.UndefinedReason);
    }

    [Fact]
    public void FromData_RepWithoutGoal_IsUndefinedWithTheReason()
    {
        var options = CoachingOptions();
        options.Goal = rep => rep == "ayse" ? Usd(1_000_000m) : null;
        var bora = MagicNumber.FromData(new KpiEvaluator(), CoachingData.Create(), CoachingData.Window, options).Single(r => r.Group == "bora");

        Assert.Equal("the revenue goal (given) is undefined: no revenue goal is set for group 'bora'", bora.Value.UndefinedReason);
    }

    [Fact]
    public void FromData_GoalInAnotherCurrency_Throws()
    {
        var options = CoachingOptions();
        options.Goal = _ => new Money(1_000_000m, Currency.EUR);
        Assert.Throws<InvalidOperationException>(() => MagicNumber.FromData(new KpiEvaluator(), CoachingData.Create(), CoachingData.Window, options));
    }

    [Fact]
    public void FromData_NullArguments_Throw()
    {
        var data = CoachingData.Create();
        Assert.Throws<ArgumentNullException>("evaluator", () => MagicNumber.FromData(null!, data, CoachingData.Window, CoachingOptions()));
        Assert.Throws<ArgumentNullException>("data", () => MagicNumber.FromData(new KpiEvaluator(), null!, CoachingData.Window, CoachingOptions()));
        Assert.Throws<ArgumentNullException>("window", () => MagicNumber.FromData(new KpiEvaluator(), data, null!, CoachingOptions()));
        Assert.Throws<ArgumentNullException>("options", () => MagicNumber.FromData(new KpiEvaluator(), data, CoachingData.Window, null!));
    }
}
