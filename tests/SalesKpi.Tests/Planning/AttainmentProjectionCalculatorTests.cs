using NodaTime;
using SalesKpi.BuiltIn;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using static SalesKpi.Opportunities.OpportunityStage;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

/// <summary>
/// April 2025 (30 days, UTC) projected at the end of 10 April (2025-04-11T00:00Z): 10 days elapsed, 20 to go.
/// </summary>
/// <remarks>
/// <para>Won before then: ayse 30,000 (04-03), bora 10,000 (04-08); ayse's 10,000 of 04-12 (p2) and March's 99,000 are not.</para>
/// <para>Open then, with the default probabilities: p1 ayse 20,000 Proposal (0.5) due 04-20 → 10,000; p2 ayse 10,000
/// Negotiation (0.7) due 04-25, won only on 04-12 → 7,000; p3 bora 50,000 Prospecting due 04-05 (overdue: left out); p4 bora
/// 40,000 due 05-10 (May); p5 bora 10,000 Proposal due 04-30 → 5,000; p6 (ayse 100,000 Negotiation due 04-28) was created on
/// 04-15, after.</para>
/// </remarks>
public class AttainmentProjectionCalculatorTests
{
    private static readonly DateInterval April = Dates(Date(2025, 4, 1), Date(2025, 4, 30));
    private static readonly Instant EndOfApril10 = Instant.FromUtc(2025, 4, 11, 0, 0);
    private static readonly KpiEvaluator Evaluator = new(KpiSettings.Default.WithReportingCurrency(Currency.USD));

    private static SalesData Data() => SalesData.Create(
        opportunities:
        [
            Opportunity("p1", "ayse", At(2025, 4, 1), 20_000m, expectedClose: Date(2025, 4, 20), stages: [(Proposal, At(2025, 4, 1))]),
            Opportunity("p2", "ayse", At(2025, 4, 1), 10_000m, OpportunityStatus.Won, Instant.FromUtc(2025, 4, 12, 10, 0), Date(2025, 4, 25), (Negotiation, At(2025, 4, 2))),
            Opportunity("p3", "bora", At(2025, 3, 1), 50_000m, expectedClose: Date(2025, 4, 5), stages: [(Prospecting, At(2025, 3, 1))]),
            Opportunity("p4", "bora", At(2025, 3, 1), 40_000m, expectedClose: Date(2025, 5, 10), stages: [(Qualification, At(2025, 3, 1))]),
            Opportunity("p5", "bora", At(2025, 3, 1), 10_000m, expectedClose: Date(2025, 4, 30), stages: [(Proposal, At(2025, 3, 2))]),
            Opportunity("p6", "ayse", At(2025, 4, 15), 100_000m, expectedClose: Date(2025, 4, 28), stages: [(Negotiation, At(2025, 4, 15))]),
        ],
        deals:
        [
            Deal("m1", "ayse", At(2025, 3, 12), 99_000m), Deal("a1", "ayse", At(2025, 4, 3), 30_000m),
            Deal("p2", "ayse", Instant.FromUtc(2025, 4, 12, 10, 0), 10_000m), Deal("b1", "bora", At(2025, 4, 8), 10_000m),
        ]);

    private static AttainmentProjectionCalculator Calculator() => new(new AttainmentProjectionOptions
    {
        Quota = (rep, period) => rep == "ayse" ? Usd(90_000m) : null,
    });

    [Fact]
    public void Evaluate_PartWayThroughApril_WonSoFarPlusTheWeightedRestOfThePipeline()
    {
        var rows = Calculator().Evaluate(Evaluator, Data(), April, KpiGrouping.ByRep, EndOfApril10);

        Assert.Equal(["ayse", "bora"], rows.Select(r => r.Group));
        var ayse = rows[0];
        Assert.Equal((10, 30), (ayse.ElapsedDays, ayse.PeriodDays));
        // Won 30,000; pipeline p1 10,000 + p2 7,000 = 17,000; projected 47,000 of a 90,000 quota = 0.522222.
        Assert.Equal(30_000m, ayse.WonSoFar.Value);
        Assert.Equal(17_000m, ayse.WeightedPipeline.Value);
        Assert.Equal(47_000m, ayse.Projected.Value);
        Assert.Equal(0.522222m, Math.Round(ayse.ProjectedAttainment.Value!.Value, 6));
        // Run rate: 30,000 × 30 / 10 = 90,000; 90,000 / 90,000 = 1.
        Assert.Equal(90_000m, ayse.RunRate.Value);
        Assert.Equal(1m, ayse.RunRateAttainment.Value);
        Assert.Equal(Usd(90_000m), ayse.Quota);
    }

    [Fact]
    public void Evaluate_AGroupWithoutQuota_HasItsProjection_AndUndefinedAttainments()
    {
        var bora = Calculator().Evaluate(Evaluator, Data(), April, KpiGrouping.ByRep, EndOfApril10)[1];

        // Won 10,000; pipeline p5 5,000 (p3 is overdue, p4 due in May) = 15,000; run rate 10,000 × 30 / 10 = 30,000.
        Assert.Equal(15_000m, bora.Projected.Value);
        Assert.Equal(30_000m, bora.RunRate.Value);
        Assert.Null(bora.Quota);
        Assert.Equal("no quota is set for group 'bora' in 2025-04-01..2025-04-30", bora.ProjectedAttainment.UndefinedReason);
    }

    [Fact]
    public void Evaluate_Ungrouped_AddsEveryRep()
    {
        var all = Assert.Single(new AttainmentProjectionCalculator().Evaluate(Evaluator, Data(), April, KpiGrouping.None, EndOfApril10));

        // Won 30,000 + 10,000 = 40,000; pipeline 17,000 + 5,000 = 22,000; projected 62,000; run rate 40,000 × 3 = 120,000.
        Assert.Equal(KpiGrouping.AllKey, all.Group);
        Assert.Equal(62_000m, all.Projected.Value);
        Assert.Equal(120_000m, all.RunRate.Value);
    }

    [Fact]
    public void Evaluate_BeforeThePeriod_NothingWon_TheWholePipeline_AndNoRunRate()
    {
        var rows = Calculator().Evaluate(Evaluator, Data(), April, KpiGrouping.ByRep, Instant.FromUtc(2025, 4, 1, 0, 0));

        // As of the start of April ayse's p1, p2 and a1 did not exist yet, so only bora has records (there is no roster).
        // bora: nothing won; the whole of April is to come, so p3 (due 04-05) counts: 50,000 × 0.1 = 5,000, + p5 5,000 = 10,000.
        var bora = Assert.Single(rows);
        Assert.Equal("bora", bora.Group);
        Assert.Equal(0, bora.ElapsedDays);
        Assert.Equal(0m, bora.WonSoFar.Value);
        Assert.Equal(10_000m, bora.Projected.Value);
        Assert.Equal("the period has not started: no day has elapsed", bora.RunRate.UndefinedReason);
    }

    [Fact]
    public void Evaluate_AfterThePeriod_TheProjectionIsWhatWasWon()
    {
        var ayse = Calculator().Evaluate(Evaluator, Data(), April, KpiGrouping.ByRep, Instant.FromUtc(2025, 5, 3, 0, 0))[0];

        // Won in April: 30,000 + 10,000 = 40,000; nothing left to project; run rate 40,000 × 30 / 30.
        Assert.Equal(30, ayse.ElapsedDays);
        Assert.Equal(40_000m, ayse.Projected.Value);
        Assert.Equal(40_000m, ayse.RunRate.Value);
        Assert.Equal(0m, ayse.WeightedPipeline.Value);
    }

    [Fact]
    public void Evaluate_OwnProbabilities_WeighThePipeline()
    {
        var calculator = new AttainmentProjectionCalculator(new AttainmentProjectionOptions
        {
            WeightedPipeline = new WeightedPipelineCalculator(new WeightedPipelineOptions { Probabilities = new Dictionary<OpportunityStage, decimal> { [Proposal] = 1m } }),
        });

        var ayse = calculator.Evaluate(Evaluator, Data(), April, KpiGrouping.ByRep, EndOfApril10)[0];

        // p1 20,000 × 1 + p2 in Negotiation × 0 (not listed, default 0) = 20,000; 30,000 + 20,000 = 50,000.
        Assert.Equal(50_000m, ayse.Projected.Value);
    }

    [Fact]
    public void RunRate_IsWonTimesPeriodDaysOverElapsedDays()
    {
        // 12,000 × 90 / 30 = 36,000.
        Assert.Equal(36_000m, AttainmentProjectionCalculator.RunRate(Usd(12_000m), 30, 90).Value);
        Assert.Throws<ArgumentOutOfRangeException>("elapsedDays", () => AttainmentProjectionCalculator.RunRate(Usd(1m), 91, 90));
        Assert.Throws<ArgumentException>("options.Won", () => new AttainmentProjectionCalculator(new AttainmentProjectionOptions { Won = Kpis.DealsWon }));
    }
}
