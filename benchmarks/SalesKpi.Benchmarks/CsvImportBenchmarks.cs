using BenchmarkDotNet.Attributes;
using nietras.SeparatedValues;
using SalesKpi.Csv;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The per-record cost of importing the reference data from CSV (SalesKpi.Csv): reps, leads, opportunities, deals,
/// activities and spend, written once in the setup into memory (<see cref="CsvExport"/>), so the figure is parsing,
/// validation and building the records, not the disk. Divide by <see cref="Rows"/> for the cost per row.
/// </summary>
/// <remarks>
/// <para>The baseline only reads every byte of the same files (a checksum), the floor of any importer. The raw Sep scan
/// decodes the same bytes and visits every field of every row with Sep, as an importer on Sep does before it parses
/// anything: the floor of this one (issue #18 asks for an import within 3× of it). The import runs twice: on the calling
/// thread alone (<see cref="CsvImportOptions.ReadAhead"/> false) and as by default, with a second thread reading ahead.</para>
/// <para>Quick look: <c>dotnet run -c Release --project benchmarks/SalesKpi.Benchmarks -- --filter '*CsvImportBenchmarks*' --job short</c>.</para>
/// </remarks>
[MemoryDiagnoser]
public class CsvImportBenchmarks
{
    private IReadOnlyDictionary<string, byte[]> _files = new Dictionary<string, byte[]>();
    private CsvImporter _importer = new();
    private CsvImporter _oneThread = new();

    /// <summary>Gets or sets the number of opportunities (leads 2×, activities 10×, deals 0.2×).</summary>
    [ParamsSource(nameof(Scales))]
    public int Opportunities { get; set; }

    /// <summary>Gets the scales: 10,000 and 100,000 (132,000 and 1,320,000 rows), or <see cref="BenchmarkScales.Variable"/>.</summary>
    public static IEnumerable<int> Scales => BenchmarkScales.Or(10_000, 100_000);

    /// <summary>Gets the number of data rows in the files.</summary>
    public long Rows => CsvExport.Rows(_files);

    [GlobalSetup]
    public void Setup()
    {
        _files = CsvExport.Write(ReferenceData.Generate(Opportunities));
        _importer = new CsvImporter();
        _oneThread = new CsvImporter(new CsvImportOptions { ReadAhead = false });
        Console.WriteLine($"// CSV rows: {Rows:N0}, bytes: {_files.Values.Sum(f => (long)f.Length):N0}");
    }

    [Benchmark(Baseline = true, Description = "Read every byte")]
    public long ReadBytes()
    {
        long sum = 0;
        foreach (var bytes in _files.Values)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                foreach (var b in buffer.AsSpan(0, read))
                {
                    sum += b;
                }
            }
        }

        return sum;
    }

    [Benchmark(Description = "Raw Sep scan")]
    public long SepScan()
    {
        long sum = 0;
        foreach (var bytes in _files.Values)
        {
            using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(new MemoryStream(bytes, writable: false));
            foreach (var row in reader)
            {
                for (var i = 0; i < row.ColCount; i++)
                {
                    sum += row[i].Span.Length;
                }
            }
        }

        return sum;
    }

    [Benchmark(Description = "CsvImporter.Import, one thread")]
    public SalesData ImportOnOneThread() => _oneThread.Import(new CsvExport.MemorySource(_files)).Data;

    [Benchmark(Description = "CsvImporter.Import")]
    public SalesData Import() => _importer.Import(new CsvExport.MemorySource(_files)).Data;
}
