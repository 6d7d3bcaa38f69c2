using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using SalesKpi.Csv;
using SalesKpi.Parquet;
using SalesKpi.Reporting;

namespace SalesKpi.Benchmarks;

/// <summary>
/// From files to the reference report (by rep and ISO week in Europe/Istanbul), as a user runs it: the reference data
/// written as CSV files (and as Parquet files, by DuckDB) in a temporary directory, read, checked and reported by
/// SalesKpi, against DuckDB reading the same files into tables (<c>read_csv</c>, <c>read_parquet</c>) and running the
/// benchmark's SQL as a user writes it (<see cref="DuckDbReport.Queries"/>), on 2 threads.
/// </summary>
/// <remarks>
/// <para>The files are written once in the setup and are in the page cache: the figures are parsing, checking and
/// reporting, not the disk. Peak memory is not something BenchmarkDotNet measures (DuckDB's is native memory):
/// <c>benchmarks/end-to-end-memory.sh</c> measures the peak resident set of the <c>saleskpi</c> tool and of a DuckDB
/// process doing the same, on the same files.</para>
/// <para>Quick look: <c>SALESKPI_BENCH_SCALES=100000 dotnet run -c Release --project benchmarks/SalesKpi.Benchmarks -- --filter '*EndToEndBenchmarks*' --job short</c>.</para>
/// </remarks>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private const string Zone = "Europe/Istanbul";
    private string _directory = string.Empty;

    /// <summary>Gets or sets the number of opportunities (leads 2×, activities 10×, deals 0.2×).</summary>
    [ParamsSource(nameof(Scales))]
    public int Opportunities { get; set; }

    /// <summary>Gets the scales: 100,000 and 1,000,000 (1.32 and 13.2 million records), or <see cref="BenchmarkScales.Variable"/>.</summary>
    public static IEnumerable<int> Scales => BenchmarkScales.Or(100_000, 1_000_000);

    private string CsvDirectory => Path.Combine(_directory, "csv");

    private string ParquetDirectory => Path.Combine(_directory, "parquet");

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "saleskpi-e2e-" + Opportunities);
        Write(_directory, Opportunities);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>Writes the reference data at a scale as CSV files (<c>DIR/csv</c>) and Parquet files (<c>DIR/parquet</c>).</summary>
    public static void Write(string directory, int opportunities)
    {
        var csv = Directory.CreateDirectory(Path.Combine(directory, "csv")).FullName;
        var parquet = Directory.CreateDirectory(Path.Combine(directory, "parquet")).FullName;
        foreach (var (name, bytes) in CsvExport.Write(ReferenceData.Generate(opportunities)))
        {
            File.WriteAllBytes(Path.Combine(csv, name), bytes);
        }

        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        foreach (var file in Directory.GetFiles(csv, "*.csv"))
        {
            Execute(duck, $"COPY (SELECT * FROM read_csv('{file}', header = true, all_varchar = false)) TO '{Path.Combine(parquet, Path.GetFileNameWithoutExtension(file) + ".parquet")}' (FORMAT parquet)");
        }

        Console.WriteLine($"// {directory}: CSV {Directory.GetFiles(csv).Sum(f => new FileInfo(f).Length):N0} bytes, Parquet {Directory.GetFiles(parquet).Sum(f => new FileInfo(f).Length):N0} bytes");
    }

    [Benchmark(Baseline = true, Description = "DuckDB: read_csv into tables + report SQL")]
    public long DuckDbCsv() => DuckDbEndToEnd(CsvDirectory, "read_csv", Zone);

    [Benchmark(Description = "SalesKpi: CSV import + report")]
    public KpiReport SalesKpiCsv() => Report(new CsvImporter().ImportDirectory(CsvDirectory).Data);

    [Benchmark(Description = "DuckDB: read_parquet into tables + report SQL")]
    public long DuckDbParquet() => DuckDbEndToEnd(ParquetDirectory, "read_parquet", Zone);

    [Benchmark(Description = "SalesKpi: Parquet import + report")]
    public KpiReport SalesKpiParquet() =>
        Report(new DataReaderImporter().ImportAsync(ParquetSource.FromDirectory(ParquetDirectory)).GetAwaiter().GetResult().Data);

    /// <summary>
    /// Reads the files into DuckDB tables (the columns the report's SQL reads, with the names it uses) and runs the
    /// report's queries, reading every row; returns the number of rows.
    /// </summary>
    public static long DuckDbEndToEnd(string directory, string reader, string zone)
    {
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        string From(string table) => $"{reader}('{Path.Combine(directory, table + (reader == "read_csv" ? ".csv" : ".parquet"))}')";

        // A user's SQL over the CSV columns: the owner is the rep, and "connected" among the outcomes is bit 1.
        Execute(duck, $"""
            SET threads = 2;
            SET TimeZone = '{zone}';
            CREATE TABLE activities AS SELECT owner AS rep, kind, CAST(CASE WHEN contains(coalesce(outcomes, ''), 'connected') THEN 1 ELSE 0 END AS UTINYINT) AS outcomes,
                CAST(occurred_at AS TIMESTAMPTZ) AS occurred_at FROM {From("activities")};
            CREATE TABLE leads AS SELECT owner AS rep, source, CAST(created_at AS TIMESTAMPTZ) AS created_at,
                CAST(qualified_at AS TIMESTAMPTZ) AS qualified_at, CAST(converted_at AS TIMESTAMPTZ) AS converted_at FROM {From("leads")};
            CREATE TABLE opportunities AS SELECT owner AS rep, status, CAST(amount AS DECIMAL(18, 2)) AS amount, CAST(created_at AS TIMESTAMPTZ) AS created_at,
                CAST(closed_at AS TIMESTAMPTZ) AS closed_at FROM {From("opportunities")};
            CREATE TABLE deals AS SELECT owner AS rep, kind, CAST(amount AS DECIMAL(18, 2)) AS value, CAST(closed_at AS TIMESTAMPTZ) AS closed_at FROM {From("deals")};
            """);
        long rows = 0;
        foreach (var query in DuckDbReport.Queries)
        {
            using var command = duck.CreateCommand();
            command.CommandText = query;
            using var result = command.ExecuteReader();
            while (result.Read())
            {
                rows++;
            }
        }

        return rows;
    }

    private static KpiReport Report(SalesData data) => new KpiEvaluator(ReferenceReport.Settings(Zone)).Evaluate(data, ReferenceReport.Query);

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
