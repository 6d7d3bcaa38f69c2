using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Benchmarks.Tests;

/// <summary>
/// The as-of benchmark measures the right thing: on a small data set with a pipeline history, the weighted pipeline of
/// the snapshot as of 1 October 2025, and that of WeightedPipelineOptions.AsOf, equal a hand-written pass that reads the histories itself, team by team and month by
/// month, and differs from the weighted pipeline of the snapshot as it is (else the history would change nothing).
/// </summary>
public sealed class AsOfPipelineEquivalenceTests
{
    private static readonly Dictionary<OpportunityStage, decimal> Probabilities = new()
    {
        [OpportunityStage.Prospecting] = 0.1m,
        [OpportunityStage.Qualification] = 0.2m,
        [OpportunityStage.FirstAppointment] = 0.3m,
        [OpportunityStage.Proposal] = 0.5m,
        [OpportunityStage.Negotiation] = 0.7m,
    };

    [Fact]
    public void AsOf_EqualsAHandWrittenPassOverTheHistories()
    {
        var data = AsOfPipelineBenchmarks.WithPipelineHistory(ReferenceData.Generate(3_000, seed: 7));
        var t = AsOfPipelineBenchmarks.October1;
        var query = new KpiQuery(ReferenceData.Year, [Kpis.WeightedPipeline], KpiGrouping.ByTeam, PeriodUnit.Month);
        var evaluator = new KpiEvaluator(ReferenceReport.Settings("UTC"), maxDegreeOfParallelism: 1);

        var asOf = Totals(evaluator.Evaluate(data.AsOf(t), query));
        var option = Totals(evaluator.Evaluate(data, new KpiQuery(ReferenceData.Year, [new BuiltIn.WeightedPipelineCalculator(new BuiltIn.WeightedPipelineOptions { AsOf = t })], KpiGrouping.ByTeam, PeriodUnit.Month)));
        var now = Totals(evaluator.Evaluate(data, query));
        var expected = HandWritten(data, t);

        Assert.True(expected.Count > 50, $"Only {expected.Count} team-months: the check would prove little.");
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), asOf.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), option.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.NotEqual(now.OrderBy(e => e.Key, StringComparer.Ordinal), asOf.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    private static Dictionary<string, decimal> Totals(KpiReport report) =>
        report.Rows.Where(r => r.Value.Value is > 0m).ToDictionary(r => $"{r.Group} | {r.Period.Dates.Start:yyyy-MM}", r => r.Value.Value!.Value, StringComparer.Ordinal);

    /// <summary>Open at t (created before, not closed before), the latest amount and expected close of the history before t
    /// (or the first entry's), the last stage entered before t; summed by the owner's team and the expected close month.</summary>
    private static Dictionary<string, decimal> HandWritten(SalesData data, Instant t)
    {
        var teams = data.Roster.Reps.ToDictionary(r => r.Id, r => r.Team);
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var o in data.Opportunities)
        {
            if (o.CreatedAt >= t || o.ClosedAt is { } closed && closed < t)
            {
                continue;
            }

            var seen = o.History.Where(c => c.ChangedAt < t).ToList();
            var amount = seen.LastOrDefault(c => c.Amount is not null)?.Amount ?? o.History.First(c => c.Amount is not null).Amount!.Value;
            var close = seen.LastOrDefault(c => c.ExpectedClose is not null)?.ExpectedClose ?? o.History.First(c => c.ExpectedClose is not null).ExpectedClose!.Value;
            var stage = o.StageHistory.Where(s => s.EnteredAt < t).Select(s => (OpportunityStage?)s.Stage).LastOrDefault();
            var p = stage is { } s2 && Probabilities.TryGetValue(s2, out var known) ? known : 0m;
            if (close.Year != 2025 || amount.Amount * p == 0m)
            {
                continue;
            }

            var key = $"{teams[o.Owner]} | {close:yyyy-MM}";
            totals[key] = totals.GetValueOrDefault(key) + (amount.Amount * p);
        }

        return totals;
    }
}
