using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Npgsql;
using SalesKpi.Reporting;
using SalesKpi.Sql;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The reference report (by rep and ISO week in Europe/Istanbul) over the reference data in PostgreSQL: computed inside
/// the database by SalesKpi.Sql (push-down), against the way without it, the baseline — every row of the tables selected
/// through Npgsql, imported (<see cref="Csv.DataReaderImporter"/>) and evaluated in memory on all cores.
/// </summary>
/// <remarks>
/// <para>The setup starts a PostgreSQL server of its own (<see cref="PostgresServer"/>: Debian's PostgreSQL 15, initdb
/// in a temporary folder, default memory settings, parallel query on), loads the data in the SalesKpi layout by binary
/// COPY (<see cref="SqlTestDatabase"/>), vacuums and analyzes it, and forgets the snapshot: the benchmarks start from
/// tables, as an application does. The tables are in the page cache, not in PostgreSQL's 128 MB of shared buffers.</para>
/// <para>Quick look: <c>SALESKPI_BENCH_SCALES=100000 dotnet run -c Release --project benchmarks/SalesKpi.Benchmarks -- --filter '*PushDownPostgresBenchmarks*' --job short</c>.</para>
/// </remarks>
[MemoryDiagnoser]
public class PushDownPostgresBenchmarks
{
    private const string Zone = "Europe/Istanbul";
    private readonly KpiEvaluator _evaluator = new(ReferenceReport.Settings(Zone));
    private PostgresServer? _server;
    private NpgsqlConnection? _connection;
    private SqlKpiSource? _source;

    /// <summary>Gets or sets the number of opportunities (leads 2×, activities 10×, deals 0.2×).</summary>
    [ParamsSource(nameof(Scales))]
    public int Opportunities { get; set; }

    /// <summary>Gets the scales: 100,000 and 1,000,000 (1.32 and 13.2 million records), or <see cref="BenchmarkScales.Variable"/>.</summary>
    public static IEnumerable<int> Scales => BenchmarkScales.Or(100_000, 1_000_000);

    [GlobalSetup]
    public void Setup()
    {
        _server = new PostgresServer();
        SqlTestDatabase.LoadPostgresAsync(_server.ConnectionString, ReferenceData.Generate(Opportunities)).GetAwaiter().GetResult();
        _connection = new NpgsqlConnection(_server.ConnectionString);
        _connection.Open();
        using (var vacuum = new NpgsqlCommand("VACUUM (FREEZE, ANALYZE)", _connection))
        {
            vacuum.CommandTimeout = 0;
            vacuum.ExecuteNonQuery();
        }

        _source = new SqlKpiSource(_connection, SqlDialect.PostgreSql);
        GC.Collect();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection?.Dispose();
        _server?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "PostgreSQL: SELECT the rows, then SalesKpi in memory")]
    public Task<KpiReport> SelectThenEvaluate() => PushDown.SelectThenEvaluateAsync(_evaluator, _connection!);

    [Benchmark(Description = "PostgreSQL: SalesKpi.Sql push-down")]
    public Task<KpiReport> PushDownReport() => PushDown.EvaluateAsync(_evaluator, _source!);
}

/// <summary>
/// The reference report (by rep and ISO week in Europe/Istanbul) over the reference data in in-memory DuckDB tables, on
/// all cores: DuckDB's hand-tuned SQL (<see cref="DuckDbReport.TunedQueries"/>, the baseline) against the SQL SalesKpi.Sql
/// generates — over the same tables (mapped with <see cref="PushDown.DuckDbReportTables"/>: text reps and kinds,
/// TIMESTAMPTZ, DECIMAL(18,2), outcomes as integer flags) and over tables in the SalesKpi layout
/// (<see cref="SqlTestDatabase"/>: outcomes as text, DECIMAL(38,10)) — and against the in-memory engine on the
/// snapshot (compact columns built in the setup, as in <see cref="ReportBenchmarks"/>).
/// </summary>
/// <remarks>
/// <para>Quick look: <c>SALESKPI_BENCH_SCALES=100000 dotnet run -c Release --project benchmarks/SalesKpi.Benchmarks -- --filter '*PushDownDuckDbBenchmarks*' --job short</c>.</para>
/// </remarks>
[MemoryDiagnoser]
public class PushDownDuckDbBenchmarks
{
    private const string Zone = "Europe/Istanbul";
    private readonly KpiEvaluator _evaluator = new(ReferenceReport.Settings(Zone));
    private SalesData _data = SalesData.Empty;
    private DuckDbReport? _duckDb;
    private DuckDBConnection? _layout;
    private SqlKpiSource? _sameTables;
    private SqlKpiSource? _layoutTables;

    /// <summary>Gets or sets the number of opportunities (leads 2×, activities 10×, deals 0.2×).</summary>
    [ParamsSource(nameof(Scales))]
    public int Opportunities { get; set; }

    /// <summary>Gets the scales: 100,000 and 1,000,000 (1.32 and 13.2 million records), or <see cref="BenchmarkScales.Variable"/>.</summary>
    public static IEnumerable<int> Scales => BenchmarkScales.Or(100_000, 1_000_000);

    [GlobalSetup(Targets = [nameof(DuckDbTuned), nameof(PushDownSameTables)])]
    public void SetupDuckDbReport()
    {
        var data = ReferenceData.Generate(Opportunities);
        _duckDb = DuckDbReport.Load(data, Zone, Environment.ProcessorCount);
        PushDown.AddRoster(_duckDb, data);
        _sameTables = new SqlKpiSource(_duckDb.Connection, SqlDialect.DuckDb, PushDown.DuckDbReportTables);
        GC.Collect();
    }

    [GlobalSetup(Target = nameof(PushDownLayoutTables))]
    public void SetupLayout()
    {
        _layout = SqlTestDatabase.OpenDuckDb(ReferenceData.Generate(Opportunities));
        PushDown.SetThreads(_layout, Environment.ProcessorCount);
        _layoutTables = new SqlKpiSource(_layout, SqlDialect.DuckDb);
        GC.Collect();
    }

    [GlobalSetup(Target = nameof(InMemory))]
    public void SetupInMemory()
    {
        _data = ReferenceData.Generate(Opportunities);
        _data.Prepare();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _duckDb?.Dispose();
        _layout?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "DuckDB, tuned SQL, all cores")]
    public DuckDbReport.Result DuckDbTuned() => _duckDb!.Run(tuned: true);

    [Benchmark(Description = "DuckDB, SalesKpi.Sql push-down, the same tables")]
    public Task<KpiReport> PushDownSameTables() => PushDown.EvaluateAsync(_evaluator, _sameTables!);

    [Benchmark(Description = "DuckDB, SalesKpi.Sql push-down, layout tables")]
    public Task<KpiReport> PushDownLayoutTables() => PushDown.EvaluateAsync(_evaluator, _layoutTables!);

    [Benchmark(Description = "SalesKpi in memory, all cores (data loaded)")]
    public KpiReport InMemory() => _evaluator.Evaluate(_data, ReferenceReport.Query);
}
