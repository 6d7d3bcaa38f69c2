using DuckDB.NET.Data;
using NodaTime;
using SalesKpi.Csv;

namespace SalesKpi.Parquet.Tests;

/// <summary>Parquet files written by a real engine (DuckDB), read back through the import's checks.</summary>
public sealed class ParquetSourceTests : IDisposable
{
    private static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "Sample");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "saleskpi-parquet-" + Guid.NewGuid().ToString("N"));
    private readonly DuckDBConnection _duck = new("Data Source=:memory:");

    public ParquetSourceTests()
    {
        Directory.CreateDirectory(_directory);
        _duck.Open();
    }

    public void Dispose()
    {
        _duck.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Import_SampleWrittenAsTypedParquet_GivesTheRecordsOfTheCsvImport()
    {
        foreach (var file in Directory.GetFiles(SampleDirectory, "*.csv"))
        {
            // DuckDB's own types: TIMESTAMPTZ for the instants, DATE, DOUBLE for the amounts, VARCHAR for the rest.
            var table = Path.GetFileNameWithoutExtension(file);
            Execute($"COPY (SELECT * FROM read_csv('{file}')) TO '{Path.Combine(_directory, table + ".parquet")}' (FORMAT parquet)");
        }

        var fromCsv = new CsvImporter().ImportDirectory(SampleDirectory);
        var directory = _directory;
        var cancellationToken = CancellationToken.None;

        // <snippet:sources-parquet>
        CsvImportResult fromParquet = await new DataReaderImporter().ImportAsync(ParquetSource.FromDirectory(directory), cancellationToken);
        // </snippet:sources-parquet>

        Assert.Empty(fromParquet.Rejections);
        AssertSame(fromCsv.Data.Leads, fromParquet.Data.Leads);
        AssertSame(fromCsv.Data.Opportunities, fromParquet.Data.Opportunities);
        AssertSame(fromCsv.Data.Deals, fromParquet.Data.Deals);
        AssertSame(fromCsv.Data.Activities, fromParquet.Data.Activities);
        AssertSame(fromCsv.Data.Spend, fromParquet.Data.Spend);
        AssertSame(fromCsv.Data.Roster.Reps, fromParquet.Data.Roster.Reps);
        Assert.Equal(Path.Combine(_directory, "stage-changes.parquet"), fromParquet.Files[3].File);
    }

    [Fact]
    public async Task Import_TableAsADirectoryOfParts_ReadsThePartsInNameOrder()
    {
        var activities = Path.Combine(SampleDirectory, "activities.csv");
        var parts = Directory.CreateDirectory(Path.Combine(_directory, "activities"));
        Execute($"COPY (SELECT * FROM read_csv('{activities}') WHERE id < 'a001000' ORDER BY id) TO '{Path.Combine(parts.FullName, "part-0.parquet")}' (FORMAT parquet)");
        Execute($"COPY (SELECT * FROM read_csv('{activities}') WHERE id >= 'a001000' ORDER BY id) TO '{Path.Combine(parts.FullName, "part-1.parquet")}' (FORMAT parquet)");

        var fromCsv = new CsvImporter().ImportDirectory(SampleDirectory);
        var fromParquet = await new DataReaderImporter().ImportAsync(ParquetSource.FromDirectory(_directory));

        AssertSame(fromCsv.Data.Activities, fromParquet.Data.Activities);
    }

    [Fact]
    public async Task Import_TimestampNotAdjustedToUtc_IsAWallClockTimeInTheImportZone()
    {
        Execute($"""
            COPY (SELECT 'L1' AS id, TIMESTAMP '2025-03-30 03:30:00' AS created_at, 'web' AS source)
            TO '{Path.Combine(_directory, "leads.parquet")}' (FORMAT parquet)
            """);

        var options = new CsvImportOptions { Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"] };
        var result = await new DataReaderImporter(options).ImportAsync(ParquetSource.FromDirectory(_directory));

        // 03:30 in Berlin on 30 March 2025 is summer time (UTC+2): 01:30Z.
        Assert.Equal(Instant.FromUtc(2025, 3, 30, 1, 30), result.Data.Leads.Single().CreatedAt);
    }

    [Fact]
    public async Task Import_BadRow_IsRejectedAtItsFileRowAndColumn()
    {
        Execute($"""
            COPY (SELECT * FROM (VALUES ('D1', 'acme', 'r1', TIMESTAMPTZ '2025-02-09 09:00:00+00', 10.00::DECIMAL(18, 2), 'EUR', 'new-business'),
                                        ('D2', 'acme', 'r1', TIMESTAMPTZ '2025-02-10 09:00:00+00', -5.00::DECIMAL(18, 2), 'EUR', 'new-business'))
                  t(id, account, owner, closed_at, amount, currency, kind))
            TO '{Path.Combine(_directory, "deals.parquet")}' (FORMAT parquet)
            """);

        var result = await new DataReaderImporter(new CsvImportOptions { OnError = CsvErrorMode.Report }).ImportAsync(ParquetSource.FromDirectory(_directory));

        Assert.Equal([$"{Path.Combine(_directory, "deals.parquet")}:2:5: amount: the amount -5.00 is negative"], result.Rejections.Select(r => r.ToString()));
        Assert.Equal(10.00m, result.Data.Deals.Single().Value.Amount);
    }

    [Fact]
    public async Task Import_FileThatIsNotParquet_FailsNamingIt()
    {
        File.WriteAllText(Path.Combine(_directory, "leads.parquet"), "id,created_at,source\nL1,2025-01-06T09:00:00Z,web\n");

        var e = await Assert.ThrowsAsync<CsvImportException>(() => new DataReaderImporter().ImportAsync(ParquetSource.FromDirectory(_directory)));

        var file = Path.Combine(_directory, "leads.parquet");
        Assert.StartsWith($"cannot read {file}: {file} is not a Parquet file that can be read: not a parquet file", e.Message);
    }

    [Fact]
    public async Task Import_PartsWithDifferentColumns_FailNamingBoth()
    {
        var parts = Directory.CreateDirectory(Path.Combine(_directory, "reps"));
        Execute($"COPY (SELECT 'r1' AS id, 'Ana' AS name, 'north' AS team) TO '{Path.Combine(parts.FullName, "a.parquet")}' (FORMAT parquet)");
        Execute($"COPY (SELECT 'r2' AS id, 'Bo' AS name) TO '{Path.Combine(parts.FullName, "b.parquet")}' (FORMAT parquet)");

        var e = await Assert.ThrowsAsync<CsvImportException>(() => new DataReaderImporter().ImportAsync(ParquetSource.FromDirectory(_directory)));

        Assert.Contains($"{Path.Combine(_directory, "reps", "b.parquet")} has the columns id, name, but {Path.Combine(_directory, "reps", "a.parquet")} has id, name, team", e.Message);
    }

    [Fact]
    public async Task Import_MappingSourceOutsideTheDirectory_IsRefusedBeforeAnythingIsRead()
    {
        var mapping = CsvMapping.Parse("""{ "files": [ { "source": "../elsewhere.parquet", "target": "reps", "columns": { "id": "a", "name": "b", "team": "c" } } ] }""", "m.json");

        var e = await Assert.ThrowsAsync<CsvImportException>(() =>
            new DataReaderImporter(new CsvImportOptions { Mapping = mapping }).ImportAsync(ParquetSource.FromDirectory(_directory)));

        Assert.Equal($"'../elsewhere.parquet' is outside the data directory '{_directory}'; only files inside it are read", e.Message);
    }

    [Fact]
    public void HasTables_SaysWhetherADirectoryHoldsSalesKpiTables()
    {
        Assert.False(ParquetSource.HasTables(_directory));

        Execute($"COPY (SELECT 'r1' AS id, 'Ana' AS name, 'north' AS team) TO '{Path.Combine(_directory, "reps.parquet")}' (FORMAT parquet)");

        Assert.True(ParquetSource.HasTables(_directory));
    }

    private static void AssertSame<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Equals(expected[i], actual[i]), $"record {i}: {expected[i]} (CSV) is not {actual[i]} (Parquet)");
        }
    }

    private void Execute(string sql)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
