using BenchmarkDotNet.Attributes;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The reference report (<see cref="ReferenceReport"/>, 2025 by ISO week) grouped by team (the baseline), by a rep-level
/// dimension (office, from the roster), by a record-level dimension (product, on every opportunity, deal, lead and
/// activity) and by team under a filter by office, on one thread: a dimension costs what a team does when the scan reads
/// group codes resolved once per snapshot (docs/performance.md, "Grouping by a dimension").
/// </summary>
/// <remarks><para><c>dotnet run -c Release --project benchmarks/SalesKpi.Benchmarks -- --filter '*DimensionBenchmarks*'</c> (add <c>--job short</c> for a quick look).</para></remarks>
[MemoryDiagnoser]
public class DimensionBenchmarks
{
    private static readonly KpiQuery ByTeamQuery = new(ReferenceData.Year, ReferenceReport.Kpis, KpiGrouping.ByTeam, PeriodUnit.Week);
    private static readonly KpiQuery ByOfficeQuery = new(ReferenceData.Year, ReferenceReport.Kpis, KpiGrouping.ByDimension("office"), PeriodUnit.Week);
    private static readonly KpiQuery ByProductQuery = new(ReferenceData.Year, ReferenceReport.Kpis, KpiGrouping.ByDimension("product"), PeriodUnit.Week);
    private static readonly KpiQuery FilteredQuery = new(
        ReferenceData.Year,
        [.. ReferenceReport.Kpis.Select(k => k.Where(KpiFilter.Dimension("office", "West"), k.Id))],
        KpiGrouping.ByTeam,
        PeriodUnit.Week);

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
        _data = WithDimensions(ReferenceData.Generate(Opportunities));
        _evaluator = new KpiEvaluator(ReferenceReport.Settings("Europe/Istanbul"), maxDegreeOfParallelism: 1);
        _data.Prepare();

        // The dimension columns are resolved once per snapshot, as the compact columns are built once: not measured.
        foreach (var query in new[] { ByOfficeQuery, ByProductQuery, FilteredQuery })
        {
            _evaluator.Evaluate(_data, query);
        }
    }

    [Benchmark(Baseline = true, Description = "by team")]
    public KpiReport ByTeam() => _evaluator.Evaluate(_data, ByTeamQuery);

    [Benchmark(Description = "by office (rep dimension)")]
    public KpiReport ByOffice() => _evaluator.Evaluate(_data, ByOfficeQuery);

    [Benchmark(Description = "by product (record dimension)")]
    public KpiReport ByProduct() => _evaluator.Evaluate(_data, ByProductQuery);

    [Benchmark(Description = "by team, office=West")]
    public KpiReport FilteredByOffice() => _evaluator.Evaluate(_data, FilteredQuery);

    /// <summary>Gives each rep one of four offices and each record one of five products, in turn.</summary>
    internal static SalesData WithDimensions(SalesData data)
    {
        Dimensions[] offices = [.. new[] { "West", "East", "Central", "North" }.Select(o => Dimensions.Of("office", o))];
        Dimensions[] products = [.. new[] { "GTX Basic", "GTX Pro", "MG Special", "MG Advanced", "GTK 500" }.Select(p => Dimensions.Of("product", p))];
        return SalesData.Create(
            data.Leads.Select((l, i) => l.WithDimensions(products[i % products.Length])),
            data.Opportunities.Select((o, i) => o.WithDimensions(products[i % products.Length])),
            data.Deals.Select((d, i) => d.WithDimensions(products[i % products.Length])),
            data.Activities.Select((a, i) => a.WithDimensions(products[i % products.Length])),
            data.Spend,
            new Roster(data.Roster.Reps.Select((r, i) => r.WithDimensions(offices[i % offices.Length]))));
    }
}
