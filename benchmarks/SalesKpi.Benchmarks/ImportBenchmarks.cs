using BenchmarkDotNet.Attributes;
using SalesKpi.Engine;
namespace SalesKpi.Benchmarks;

/// <summary>
/// The per-record cost of getting data ready for reports: building the <see cref="SalesData"/> snapshot from record
/// arrays, and building its compact columns (what the first evaluation, or <see cref="SalesData.Prepare"/>, does once).
/// Divide by <see cref="Records"/> for the cost per record.
/// </summary>
/// <remarks>
/// <para>Importing from CSV is measured by <see cref="CsvImportBenchmarks"/>.</para>
/// <para>Quick look: <c>dotnet run -c Release --project benchmarks/SalesKpi.Benchmarks -- --filter '*ImportBenchmarks*' --job short</c>.</para>
/// </remarks>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private SalesData _data = SalesData.Empty;

    /// <summary>Gets or sets the number of opportunities (leads 2×, activities 10×, deals 0.2×).</summary>
    [ParamsSource(nameof(Scales))]
    public int Opportunities { get; set; }

    /// <summary>Gets the scales: 100,000, 1,000,000, or <see cref="BenchmarkScales.Variable"/>.</summary>
    public static IEnumerable<int> Scales => BenchmarkScales.Or(100_000, 1_000_000);

    /// <summary>Gets the number of records (leads, opportunities, deals and activities): 13.2 × <see cref="Opportunities"/>.</summary>
    public int Records => _data.Leads.Length + _data.Opportunities.Length + _data.Deals.Length + _data.Activities.Length;

    [GlobalSetup]
    public void Setup() => _data = ReferenceData.Generate(Opportunities);

    /// <summary>Creates a snapshot from the record arrays (no copy: they are immutable arrays; each element is checked for null).</summary>
    [Benchmark(Baseline = true, Description = "SalesData.Create")]
    public SalesData CreateSnapshot() =>
        SalesData.Create(_data.Leads, _data.Opportunities, _data.Deals, _data.Activities, _data.Spend, _data.Roster);

    /// <summary>Builds the compact columns of every collection, as the first evaluation does.</summary>
    [Benchmark(Description = "Build compact columns")]
    public int BuildColumns() =>
        LeadColumns.Build(_data.Leads).Count + OpportunityColumns.Build(_data.Opportunities).Count
        + DealColumns.Build(_data.Deals).Count + ActivityColumns.Build(_data.Activities).Count;
}
