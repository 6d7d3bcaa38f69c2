using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The weighted pipeline of 2025 by team and month on the reference data given a pipeline history (every opportunity
/// with an expected close date, two stages and a field history of three entries): evaluated on the snapshot as it is
/// (the baseline), as of 1 October 2025 through <c>WeightedPipelineOptions.AsOf</c> (the histories read in the scan), and
/// on the snapshot as of 1 October 2025, rebuilt from the histories in the measured call (docs/performance.md, "The
/// pipeline as of an instant").
/// </summary>
/// <remarks><para><c>dotnet run -c Release --project benchmarks/SalesKpi.Benchmarks -- --filter '*AsOfPipelineBenchmarks*'</c> (add <c>--job short</c> for a quick look).</para></remarks>
[MemoryDiagnoser]
public class AsOfPipelineBenchmarks
{
    /// <summary>The instant the pipeline is rebuilt as of.</summary>
    public static readonly Instant October1 = Instant.FromUtc(2025, 10, 1, 0, 0);

    private static readonly KpiQuery Query = new(ReferenceData.Year, [SalesKpi.Reporting.Kpis.WeightedPipeline], KpiGrouping.ByTeam, PeriodUnit.Month);

    private static readonly KpiQuery AsOfQuery = new(
        ReferenceData.Year,
        [new SalesKpi.BuiltIn.WeightedPipelineCalculator(new SalesKpi.BuiltIn.WeightedPipelineOptions { AsOf = October1 })],
        KpiGrouping.ByTeam,
        PeriodUnit.Month);

    private SalesData _data = SalesData.Empty;
    private KpiEvaluator _evaluator = new();

    /// <summary>Gets or sets the number of opportunities (leads 2×, activities 10×, deals 0.2×).</summary>
    [ParamsSource(nameof(Scales))]
    public int Opportunities { get; set; }

    /// <summary>Gets the scales: 100,000, or <see cref="BenchmarkScales.Variable"/>.</summary>
    public static IEnumerable<int> Scales => BenchmarkScales.Or(100_000);

    [GlobalSetup]
    public void Setup()
    {
        _data = WithPipelineHistory(ReferenceData.Generate(Opportunities));
        _evaluator = new KpiEvaluator(ReferenceReport.Settings("Europe/Istanbul"), maxDegreeOfParallelism: 1);
        _data.Prepare();
    }

    [Benchmark(Baseline = true, Description = "weighted pipeline")]
    public KpiReport Current() => _evaluator.Evaluate(_data, Query);

    [Benchmark(Description = "as of 1 Oct (WeightedPipelineOptions.AsOf)")]
    public KpiReport AsOfOption() => _evaluator.Evaluate(_data, AsOfQuery);

    [Benchmark(Description = "as of 1 Oct (SalesData.AsOf, any KPI)")]
    public KpiReport AsOfSnapshot() => _evaluator.Evaluate(_data.AsOf(October1), Query);

    /// <summary>
    /// Gives every opportunity an expected close 30 to 120 days after its creation, the stages Prospecting (at creation)
    /// and Proposal (up to 20 days later), and a field history: its first values at creation, an amount change up to 30
    /// days later, and an expected close moved by a month and a commit up to 60 days later (open ones end committed).
    /// </summary>
    public static SalesData WithPipelineHistory(SalesData data)
    {
        var random = new Random(20251001);
        var opportunities = ImmutableArray.CreateBuilder<Opportunity>(data.Opportunities.Length);
        foreach (var o in data.Opportunities)
        {
            var firstClose = o.CreatedAt.InUtc().Date.PlusDays(random.Next(30, 121));
            var finalClose = firstClose.PlusMonths(1);
            var firstAmount = new Money(Math.Round(o.Amount.Amount * (0.5m + (random.Next(100) / 100m)), 2), o.Amount.Currency);
            var grown = o.CreatedAt.Plus(Duration.FromSeconds(random.NextInt64(1, 30 * 86_400L)));
            var moved = grown.Plus(Duration.FromSeconds(random.NextInt64(1, 30 * 86_400L)));
            var proposal = o.CreatedAt.Plus(Duration.FromSeconds(random.NextInt64(1, 20 * 86_400L)));
            OpportunityChange[] history =
            [
                new(o.CreatedAt, amount: firstAmount, expectedClose: firstClose, forecastCategory: ForecastCategory.Pipeline),
                new(grown, amount: o.Amount),
                new(moved, expectedClose: finalClose, forecastCategory: ForecastCategory.Commit),
            ];
            opportunities.Add(new Opportunity(
                o.Id,
                o.Account,
                o.Owner,
                o.CreatedAt,
                o.Amount,
                o.Status,
                o.ClosedAt,
                o.Lead,
                [new StageEntry(OpportunityStage.Prospecting, o.CreatedAt), new StageEntry(OpportunityStage.Proposal, proposal)],
                finalClose,
                o.LostReason,
                o.Dimensions,
                o.IsClosed ? null : ForecastCategory.Commit,
                history));
        }

        return data.WithOpportunities(opportunities.DrainToImmutable());
    }
}
