using BenchmarkDotNet.Attributes;
using SalesKpi.Reporting;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The reference work (docs/performance.md): 15 KPIs of 2025 by rep and ISO week over 50 reps, N opportunities, 2N
/// leads, 10N activities and 0.2N deals, in a non-UTC zone and in UTC, computed six ways in one run: one LINQ query per
/// KPI (the baseline), the SalesKpi report on one thread and on every core, the report hand-written over the same
/// compact columns (<see cref="HandWrittenReport"/>), DuckDB with the same KPIs in SQL over in-memory tables (loaded in
/// the setup, with as many threads as cores; the SQL as written and tuned over the plain schema, and its own SQL over a
/// schema a DuckDB expert picks, see <see cref="DuckDbReport"/>), and the floor — a loop that only reads one field of
/// every record, over the library's record objects and over the snapshot's compact columns. Beside the report, single
/// KPIs on one thread: built-in ones and their custom twins (<see cref="CustomKpis"/>).
/// </summary>
/// <remarks>
/// <para>The snapshot's compact columns are built in the setup (<see cref="SalesData.Prepare"/>): the report measures
/// evaluation, and <see cref="ImportBenchmarks"/> measures building the columns.</para>
/// <para>Quick look: <c>dotnet run -c Release --project benchmarks/SalesKpi.Benchmarks -- --filter '*ReportBenchmarks*' --job short</c>.</para>
/// </remarks>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private static readonly KpiQuery BuiltInCallToMeetingQuery = CustomKpis.Query(Kpis.CallToMeetingRate);
    private static readonly KpiQuery CustomCallToMeetingQuery = CustomKpis.Query(CustomKpis.CallToMeetingMeasure);
    private static readonly KpiQuery BuiltInCallsQuery = CustomKpis.Query(Kpis.Calls);
    private static readonly KpiQuery CustomCallsQuery = CustomKpis.Query(CustomKpis.CallsMeasure);
    private static readonly KpiQuery CustomCallsAccumulatorQuery = CustomKpis.Query(CustomKpis.CallsAccumulator);
    private SalesData _data = SalesData.Empty;
    private KpiEvaluator _oneThread = new();
    private KpiEvaluator _allCores = new();
    private DuckDbReport? _duckDb;

    /// <summary>Gets or sets the number of opportunities (leads 2×, activities 10×, deals 0.2×).</summary>
    [ParamsSource(nameof(Scales))]
    public int Opportunities { get; set; }

    /// <summary>Gets the scales: 100,000, 1,000,000, or <see cref="BenchmarkScales.Variable"/>.</summary>
    public static IEnumerable<int> Scales => BenchmarkScales.Or(100_000, 1_000_000);

    /// <summary>Gets or sets the time zone of the periods.</summary>
    [Params("Europe/Istanbul", "UTC")]
    public string Zone { get; set; } = "UTC";

    [GlobalSetup]
    public void Setup()
    {
        _data = ReferenceData.Generate(Opportunities);
        var settings = ReferenceReport.Settings(Zone);
        _oneThread = new KpiEvaluator(settings, maxDegreeOfParallelism: 1);
        _allCores = new KpiEvaluator(settings);
        _data.Prepare();
    }

    [GlobalSetup(Targets = [nameof(DuckDb), nameof(DuckDbTuned), nameof(DuckDbExpert)])]
    public void SetupDuckDb()
    {
        _data = ReferenceData.Generate(Opportunities);
        _duckDb = DuckDbReport.Load(_data, Zone, Environment.ProcessorCount);
    }

    [GlobalCleanup]
    public void Cleanup() => _duckDb?.Dispose();

    [Benchmark(Baseline = true, Description = "LINQ, one query per KPI")]
    public LinqReport.Result Linq() => LinqReport.Run(_data, _oneThread.Settings.Zone);

    [Benchmark(Description = "SalesKpi, 1 thread")]
    public KpiReport SalesKpiOneThread() => _oneThread.Evaluate(_data, ReferenceReport.Query);

    [Benchmark(Description = "SalesKpi, all cores")]
    public KpiReport SalesKpiAllCores() => _allCores.Evaluate(_data, ReferenceReport.Query);

    [Benchmark(Description = "Hand-written, flat arrays, 1 thread")]
    public HandWrittenReport.Result HandWritten() => HandWrittenReport.Run(_data, _oneThread.Settings.Zone);

    // The finishing step alone: the reference query accumulated once in the setup, finished into a report each time,
    // its accumulation left as it was (ToReportAgain). The cost per value is the time divided by ReferenceReport.Values.
    private KpiAccumulation? _accumulatedOneThread;
    private KpiAccumulation? _accumulatedAllCores;

    [GlobalSetup(Targets = [nameof(SalesKpiFinishingOneThread), nameof(SalesKpiFinishingAllCores)])]
    public void SetupFinishing()
    {
        Setup();
        _accumulatedOneThread = _oneThread.Accumulate(_data, ReferenceReport.Query);
        _accumulatedAllCores = _allCores.Accumulate(_data, ReferenceReport.Query);
    }

    [Benchmark(Description = "SalesKpi, finishing only, 1 thread")]
    public KpiReport SalesKpiFinishingOneThread() => _accumulatedOneThread!.ToReportAgain();

    [Benchmark(Description = "SalesKpi, finishing only, all cores")]
    public KpiReport SalesKpiFinishingAllCores() => _accumulatedAllCores!.ToReportAgain();

    [Benchmark(Description = "DuckDB, SQL, all cores")]
    public DuckDbReport.Result DuckDb() => _duckDb!.Run();

    [Benchmark(Description = "DuckDB, tuned SQL, all cores")]
    public DuckDbReport.Result DuckDbTuned() => _duckDb!.Run(tuned: true);

    [Benchmark(Description = "DuckDB, expert schema, all cores")]
    public DuckDbReport.Result DuckDbExpert() => _duckDb!.RunExpert();

    [Benchmark(Description = "Floor: records")]
    public long FloorRecords() => FloorLoops.Records(_data);

    [Benchmark(Description = "Floor: columns")]
    public long FloorColumns() => FloorLoops.Columns(_data);

    [Benchmark(Description = "Built-in: call-to-meeting rate")]
    public KpiReport BuiltInCallToMeeting() => _oneThread.Evaluate(_data, BuiltInCallToMeetingQuery);

    [Benchmark(Description = "Custom: call-to-meeting rate (measure)")]
    public KpiReport CustomCallToMeeting() => _oneThread.Evaluate(_data, CustomCallToMeetingQuery);

    [Benchmark(Description = "Built-in: calls")]
    public KpiReport BuiltInCalls() => _oneThread.Evaluate(_data, BuiltInCallsQuery);

    [Benchmark(Description = "Custom: calls (measure)")]
    public KpiReport CustomCalls() => _oneThread.Evaluate(_data, CustomCallsQuery);

    [Benchmark(Description = "Custom: calls (accumulator)")]
    public KpiReport CustomCallsAccumulator() => _oneThread.Evaluate(_data, CustomCallsAccumulatorQuery);
}
