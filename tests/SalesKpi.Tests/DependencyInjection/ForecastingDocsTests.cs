using System.Text.Json;
using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Serialization;

namespace SalesKpi.Tests.DependencyInjection;

/// <summary>The worked example of docs/forecasting.md: its code is the snippets, its figures are checked here.</summary>
public sealed class ForecastingDocsTests
{
    [Fact]
    public void WorkedExample_AccuracyErrorBiasCategoriesAndProjection()
    {
        // <snippet:forecasting-data>
        var q1 = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));
        var ayse = new RepId("ayse");
        var bora = new RepId("bora");
        var roster = new Roster([new Rep(ayse, "Ayşe", new TeamId("north")), new Rep(bora, "Bora", new TeamId("north"))]);
        Money Usd(decimal amount) => new(amount, Currency.USD);
        Deal Won(string id, RepId rep, Instant at, decimal amount) => new(new DealId(id), new AccountId("acc-" + id), rep, at, Usd(amount));
        Opportunity Open(string id, RepId rep, decimal amount, OpportunityStage stage, LocalDate due, ForecastCategory category) =>
            new(new OpportunityId(id), new AccountId("acc-" + id), rep, Instant.FromUtc(2025, 1, 10, 9, 0), Usd(amount),
                stageHistory: [new StageEntry(stage, Instant.FromUtc(2025, 1, 10, 9, 0))], expectedClose: due, forecastCategory: category);
        var data = SalesData.Create(
            opportunities:
            [
                Open("o1", bora, 40_000m, OpportunityStage.Proposal, new LocalDate(2025, 3, 20), ForecastCategory.Commit),
                Open("o2", ayse, 20_000m, OpportunityStage.Negotiation, new LocalDate(2025, 3, 25), ForecastCategory.BestCase),
            ],
            deals:
            [
                Won("d1", ayse, Instant.FromUtc(2025, 1, 20, 12, 0), 70_000m),
                Won("d2", bora, Instant.FromUtc(2025, 2, 14, 12, 0), 30_000m),
                Won("d3", ayse, Instant.FromUtc(2025, 3, 3, 12, 0), 50_000m),
            ],
            roster: roster);
        ForecastSubmission[] submissions =
        [
            new(KpiGrouping.ByRep, "ayse", q1, Usd(150_000m), Instant.FromUtc(2024, 12, 28, 9, 0)) { PeriodLabel = "2025-Q1" },
            new(KpiGrouping.ByRep, "bora", q1, Usd(40_000m), Instant.FromUtc(2024, 12, 20, 9, 0)) { PeriodLabel = "2025-Q1" },
            new(KpiGrouping.ByTeam, "north", q1, Usd(200_000m), Instant.FromUtc(2024, 12, 30, 9, 0)) { PeriodLabel = "2025-Q1" },
        ];
        // </snippet:forecasting-data>

        // <snippet:forecasting-evaluate>
        var evaluator = new KpiEvaluator(KpiSettings.Default.WithReportingCurrency(Currency.USD));
        ForecastAccuracyResult accuracy = new ForecastAccuracyCalculator().Evaluate(evaluator, data, submissions);
        KpiReport categories = evaluator.Evaluate(data, new KpiQuery(q1, [Kpis.WeightedPipeline], KpiGrouping.ByForecastCategory));
        var projection = new AttainmentProjectionCalculator(new AttainmentProjectionOptions
        {
            Quota = (team, period) => team == "north" ? Usd(180_000m) : null,
        });
        var endOfFebruary15 = Instant.FromUtc(2025, 2, 16, 0, 0);
        AttainmentProjection north = projection.Evaluate(evaluator, data, q1, KpiGrouping.ByTeam, endOfFebruary15).Single();
        // </snippet:forecasting-evaluate>

        // <snippet:forecasting-json>
        string accuracyJson = JsonSerializer.Serialize(accuracy, SalesKpiJsonContext.Default.ForecastAccuracyResult);
        string northJson = JsonSerializer.Serialize(north, SalesKpiJsonContext.Default.AttainmentProjection);
        // </snippet:forecasting-json>

        // The team's row is written with its grouping's dimension; north's 46 elapsed days as computed below.
        Assert.Contains("{\"grouping\":\"team\",\"submitter\":\"north\",", accuracyJson, StringComparison.Ordinal);
        Assert.Contains("\"elapsedDays\":46,\"periodDays\":90,", northJson, StringComparison.Ordinal);

        // ayse: 70,000 + 50,000 = 120,000 won against 150,000: 0.8, error 30,000 / 120,000 = 0.25.
        // bora: 30,000 against 40,000: 0.75, error 10,000 / 30,000 = 0.333333.
        var (a, b, team) = (accuracy.Submitters[0], accuracy.Submitters[1], accuracy.Submitters[2]);
        Assert.Equal(("ayse", 0.8m, 0.25m), (a.Submitter, a.Accuracy.Value, a.AbsolutePercentageError.Value));
        Assert.Equal(("bora", 0.75m, 0.333333m), (b.Submitter, b.Accuracy.Value, Math.Round(b.AbsolutePercentageError.Value!.Value, 6)));
        // Reps: MAPE (0.25 + 0.333333) / 2 = 0.291667; bias (30,000 + 10,000) / 150,000 = 0.266667.
        var reps = accuracy.Periods.Single(p => p.Grouping == KpiGrouping.ByRep);
        Assert.Equal((0.291667m, 0.266667m), (Math.Round(reps.Mape.Value!.Value, 6), Math.Round(reps.Bias.Value!.Value, 6)));
        // north: 150,000 against 200,000: 0.75; bias 50,000 / 150,000 = 0.333333.
        Assert.Equal(("north", 0.75m), (team.Submitter, team.Accuracy.Value));
        Assert.Equal(0.333333m, Math.Round(accuracy.Periods.Single(p => p.Grouping == KpiGrouping.ByTeam).Bias.Value!.Value, 6));
        // Categories: commit o1 40,000 × 0.5 = 20,000; best case o2 20,000 × 0.7 = 14,000.
        Assert.Equal((20_000m, 14_000m), (categories.Get(KpiIds.WeightedPipeline, "commit").Value, categories.Get(KpiIds.WeightedPipeline, "best-case").Value));
        // Projection at the end of 15 February: 31 + 15 = 46 of 90 days; won 70,000 + 30,000 = 100,000; pipeline due from
        // 16 February 20,000 + 14,000 = 34,000; projected 134,000 / 180,000 = 0.744444; run rate 100,000 × 90 / 46 =
        // 195,652.17, / 180,000 = 1.086957.
        Assert.Equal((46, 90), (north.ElapsedDays, north.PeriodDays));
        Assert.Equal((100_000m, 34_000m, 134_000m), (north.WonSoFar.Value, north.WeightedPipeline.Value, north.Projected.Value));
        Assert.Equal(0.744444m, Math.Round(north.ProjectedAttainment.Value!.Value, 6));
        Assert.Equal(195_652.17m, Math.Round(north.RunRate.Value!.Value, 2));
        Assert.Equal(1.086957m, Math.Round(north.RunRateAttainment.Value!.Value, 6));
    }
}
