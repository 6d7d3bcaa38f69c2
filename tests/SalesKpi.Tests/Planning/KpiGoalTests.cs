using NodaTime;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Planning;

public class KpiGoalTests
{
    private static readonly DateInterval April = new(new LocalDate(2025, 4, 1), new LocalDate(2025, 4, 30));

    [Fact]
    public void Evaluate_RevenueHalfwayThroughThePeriod_IsJudgedOnItsPace()
    {
        // 120,000 of a 300,000 target with half of April gone: attainment 120,000 / 300,000 = 0.4, pace 0.4 / 0.5 = 0.8;
        // judged on 120,000 / 0.5 = 240,000: below the target, at the warning threshold (240,000 is not past it).
        var goal = new KpiGoal(Kpis.Revenue, KpiGrouping.ByRep, "ayse", April, 300_000m, warning: 240_000m, critical: 180_000m);

        var result = goal.Evaluate(KpiValue.FromMoney(TestData.Usd(120_000m)), 0.5m);

        Assert.Equal(0.4m, result.Attainment.Value);
        Assert.Equal(0.8m, result.Pacing.Value);
        Assert.Equal(KpiGoalStatus.BelowTarget, result.Status);
        Assert.Equal(CoachingThresholds.GenericHint, result.Hint);
    }

    [Theory]
    // 100,000 / 0.5 = 200,000 < 240,000 (warning), ≥ 180,000 (critical): warning.
    [InlineData(100_000, 0.5, KpiGoalStatus.Warning)]
    // 80,000 / 0.5 = 160,000 < 180,000: critical.
    [InlineData(80_000, 0.5, KpiGoalStatus.Critical)]
    // 160,000 / 0.5 = 320,000 ≥ 300,000: on track though not yet reached.
    [InlineData(160_000, 0.5, KpiGoalStatus.OnTrack)]
    // The period is over: 290,000 / 1 < 300,000.
    [InlineData(290_000, 1, KpiGoalStatus.BelowTarget)]
    public void Evaluate_Revenue_StatusFollowsThePaceAndThresholds(int revenue, double elapsed, KpiGoalStatus expected)
    {
        var goal = new KpiGoal(Kpis.Revenue, KpiGrouping.None, KpiGrouping.AllKey, April, 300_000m, 240_000m, 180_000m);

        Assert.Equal(expected, goal.Evaluate(KpiValue.FromMoney(TestData.Usd(revenue)), (decimal)elapsed).Status);
    }

    [Fact]
    public void Evaluate_ARatio_IsJudgedOnItsValueWithNoPace()
    {
        // close-rate 0.4 against 0.65 (warning 0.45, critical 0.3): 0.4 < 0.45, ≥ 0.3: warning, whatever has elapsed.
        var goal = new KpiGoal(Kpis.CloseRate, KpiGrouping.ByRep, "ayse", April, 0.65m, 0.45m, 0.3m);

        var result = goal.Evaluate(KpiValue.Ratio(2m, 5m), 0.1m);

        Assert.Equal(KpiGoalStatus.Warning, result.Status);
        Assert.Equal((2m / 5m) / 0.65m, result.Attainment.Value);
        Assert.False(result.Pacing.IsDefined);
        Assert.Equal(CoachingThresholds.HintFor(KpiIds.CloseRate), result.Hint);
        Assert.StartsWith("Map the decision process", result.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LowerIsBetter_ReversesTheThresholds()
    {
        // sales-cycle-length: at most 30 days, warning above 40, critical above 50. 45 days: past 40, not past 50.
        var goal = new KpiGoal(Kpis.SalesCycleLength, KpiGrouping.None, KpiGrouping.AllKey, April, 30m, 40m, 50m);

        var result = goal.Evaluate(KpiValue.Number(45m, KpiUnit.Days), 1m);

        Assert.Equal(KpiGoalStatus.Warning, result.Status);
        // Attainment target / value = 30 / 45.
        Assert.Equal(30m / 45m, result.Attainment.Value);
        Assert.Equal(KpiGoalStatus.OnTrack, goal.Evaluate(KpiValue.Number(30m, KpiUnit.Days), 1m).Status);
        Assert.Equal(KpiGoalStatus.Critical, goal.Evaluate(KpiValue.Number(51m, KpiUnit.Days), 1m).Status);
    }

    [Fact]
    public void Evaluate_BeforeThePeriodOrUndefined_IsUndefinedWithNoHint()
    {
        var goal = new KpiGoal(Kpis.DealsWon, KpiGrouping.None, KpiGrouping.AllKey, April, 10m);

        var early = goal.Evaluate(KpiValue.Number(0m, KpiUnit.Count), new Instant(), DateTimeZone.Utc);
        var undefined = goal.Evaluate(KpiValue.Undefined(KpiUnit.Count, "no data"), 1m);

        Assert.Equal(KpiGoalStatus.Undefined, early.Status);
        Assert.Equal(0m, early.ElapsedShare);
        Assert.Equal(KpiGoalStatus.Undefined, undefined.Status);
        Assert.Null(undefined.Hint);
    }

    [Fact]
    public void Evaluate_AtAnInstant_MeasuresTheElapsedShareOfThePeriodsDays()
    {
        // April has 30 days; at 16 April 00:00 UTC, 15 have passed: 15 / 30 = 0.5.
        var goal = new KpiGoal(Kpis.DealsWon, KpiGrouping.None, KpiGrouping.AllKey, April, 10m);

        var result = goal.Evaluate(KpiValue.Number(4m, KpiUnit.Count), Instant.FromUtc(2025, 4, 16, 0, 0), DateTimeZone.Utc);

        Assert.Equal(0.5m, result.ElapsedShare);
        // 4 / 10 = 0.4; 0.4 / 0.5 = 0.8.
        Assert.Equal(0.8m, result.Pacing.Value);
    }

    [Fact]
    public void Constructor_ThresholdsOutOfOrder_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new KpiGoal(Kpis.Revenue, KpiGrouping.None, KpiGrouping.AllKey, April, 100m, warning: 120m));
        Assert.Contains("critical ≤ warning ≤ target", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new KpiGoal(Kpis.SalesCycleLength, KpiGrouping.None, KpiGrouping.AllKey, April, 30m, warning: 20m));
        Assert.Throws<ArgumentException>(() => new KpiGoal(Kpis.Revenue, KpiGrouping.None, "ayse", April, 100m));
    }

    [Fact]
    public void EvaluateAll_JudgesEachGoalAgainstItsGroupAndPeriod()
    {
        // r01 wins 2 deals in April (1,000 USD each), r02 one; 30 April is the last day, so April is over at 1 May.
        var data = SalesData.Create(deals:
        [
            TestData.CreateDeal("D-1", owner: "r01", closedAt: Instant.FromUtc(2025, 4, 3, 9, 0)),
            TestData.CreateDeal("D-2", owner: "r01", closedAt: Instant.FromUtc(2025, 4, 20, 9, 0)),
            TestData.CreateDeal("D-3", owner: "r02", closedAt: Instant.FromUtc(2025, 4, 21, 9, 0)),
        ]);
        KpiGoal[] goals =
        [
            new(Kpis.DealsWon, KpiGrouping.ByRep, "r01", April, 2m),
            new(Kpis.DealsWon, KpiGrouping.ByRep, "r02", April, 2m, warning: 1m),
            new(Kpis.Revenue, KpiGrouping.None, KpiGrouping.AllKey, April, 4000m),
            new(Kpis.DealsWon, KpiGrouping.ByRep, "nobody", April, 1m),
        ];

        var results = KpiGoal.EvaluateAll(new KpiEvaluator(), data, goals, Instant.FromUtc(2025, 5, 1, 0, 0));

        // r01: 2 ≥ 2; r02: 1 < 2, not past the warning 1; all: 3,000 < 4,000; nobody: no such rep.
        Assert.Equal([KpiGoalStatus.OnTrack, KpiGoalStatus.BelowTarget, KpiGoalStatus.BelowTarget, KpiGoalStatus.Undefined], results.Select(r => r.Status));
        Assert.Equal(3000m, results[2].Value.Value);
        Assert.Contains("no rep 'nobody'", results[3].Value.UndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void HintFor_GivesTheSeedsCoachingOrTheGenericHint()
    {
        Assert.StartsWith("Define the next step", CoachingThresholds.HintFor(KpiIds.StageConversion), StringComparison.Ordinal);
        Assert.StartsWith("Train appointment setting", CoachingThresholds.HintFor(KpiIds.ActivityBarometer), StringComparison.Ordinal);
        Assert.Equal(CoachingThresholds.GenericHint, CoachingThresholds.HintFor("revenue"));
        Assert.Throws<ArgumentNullException>(() => CoachingThresholds.HintFor(null!));
    }

    [Fact]
    public void ToString_NamesTheGoal()
    {
        var goal = new KpiGoal(Kpis.Revenue, KpiGrouping.ByTeam, "north", April, 300_000m, 240_000m) { PeriodLabel = "2025-04" };

        Assert.Equal("revenue of north in 2025-04: at least 300000 (warning 240000)", goal.ToString());
        Assert.Equal("below target", KpiGoalResult.StatusText(KpiGoalStatus.BelowTarget));
    }
}
