using System.Globalization;
using DuckDB.NET.Data;
using NodaTime;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Sql.Tests.Engines;

/// <summary>DuckDB over a directory of files read in place (<see cref="DuckDbFiles.Mapping"/>): the same report as the in-memory import of the files.</summary>
public sealed class DuckDbFilesTests : IDisposable
{
    private static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "Sample");

    private readonly string _temp = Directory.CreateTempSubdirectory("saleskpi-duckdb-files-").FullName;

    public static TheoryData<string, string, string> Queries => new()
    {
        { "UTC", "rep", "month" },
        { "Europe/Istanbul", "team", "quarter" },
        { "America/New_York", "source", "week" },
        { "Europe/Berlin", "deal-kind", "month" },
        { "UTC", "none", "quarter" },
    };

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task SampleDirectory_ReadInPlace_EqualsInMemoryImport(string zone, string groupBy, string per)
    {
        var (evaluator, query) = Query(zone, groupBy, per);
        var expected = evaluator.Evaluate(new CsvImporter().ImportDirectory(SampleDirectory).Data, query);

        await using var connection = new DuckDBConnection("DataSource=:memory:");
        var source = new SqlKpiSource(connection, SqlDialect.DuckDb, DuckDbFiles.Mapping(SampleDirectory));
        var plan = await evaluator.ExplainAsync(source, query);
        var actual = await evaluator.EvaluateAsync(source, query);

        Assert.NotEmpty(plan.PushedDown);
        Assert.Equal(Lines(expected), Lines(actual));
    }

    [Fact]
    public async Task DocumentedUse_ComputesTheKpisOverTheFilesInPlace()
    {
        var directory = SampleDirectory;
        var evaluator = new KpiEvaluator();
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)), [Kpis.DealsWon]);

        // <snippet:sql-duckdb-files>
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        var source = new SqlKpiSource(connection, SqlDialect.DuckDb, DuckDbFiles.Mapping(directory));
        KpiReport report = await evaluator.EvaluateAsync(source, query);
        // </snippet:sql-duckdb-files>

        // The sample's deals won in 2025: 126 in team-east and 84 in team-west (saleskpi report --by team), 210 in all.
        Assert.Equal(210m, Assert.Single(report.Rows).Value.Value);
    }

    [Fact]
    public async Task ParquetFiles_ReadInPlace_EqualsInMemoryImport()
    {
        // Every sample file written as Parquet by DuckDB from the CSV read in place: the same records, other files.
        await using (var writer = new DuckDBConnection("DataSource=:memory:"))
        {
            await writer.OpenAsync();
            var csv = DuckDbFiles.Mapping(SampleDirectory);
            foreach (var (table, file) in Files)
            {
                await using var copy = writer.CreateCommand();
                copy.CommandText = $"COPY ({csv.SourceOf(table)}) TO {DuckDbFiles.Literal(Path.Combine(_temp, file + ".parquet"))} (FORMAT parquet)";
                await copy.ExecuteNonQueryAsync();
            }
        }

        var mapping = DuckDbFiles.Mapping(_temp);
        Assert.All(Files, f => Assert.StartsWith("SELECT * FROM read_parquet(", mapping.SourceOf(f.Table), StringComparison.Ordinal));

        var (evaluator, query) = Query("UTC", "rep", "quarter");
        var expected = evaluator.Evaluate(new CsvImporter().ImportDirectory(SampleDirectory).Data, query);
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        var actual = await evaluator.EvaluateAsync(new SqlKpiSource(connection, SqlDialect.DuckDb, mapping), query);
        Assert.Equal(Lines(expected), Lines(actual));
    }

    [Fact]
    public async Task OpportunityHistoryFile_ReadInPlace_IsTypedAndImportedAsTheFile()
    {
        await File.WriteAllTextAsync(
            Path.Combine(_temp, "opportunities.csv"),
            "id,account,owner,created_at,amount,currency,status,expected_close,forecast_category\nO1,acme,ana,2025-01-10T09:00:00Z,12000.50,USD,open,2025-06-30,commit\n");
        await File.WriteAllTextAsync(
            Path.Combine(_temp, "opportunity-history.csv"),
            "opportunity_id,changed_at,amount,currency,expected_close,forecast_category,owner\nO1,2025-03-01T12:00:00+02:00,12000.50,,2025-06-30,commit,\nO1,2025-01-10T09:00:00Z,9999.99,USD,2025-05-31,pipeline,ana\n");

        var mapping = DuckDbFiles.Mapping(_temp);
        Assert.StartsWith(
            "SELECT * REPLACE (CAST(\"changed_at\" AS TIMESTAMPTZ) AS \"changed_at\", CAST(\"amount\" AS DECIMAL(38,10)) AS \"amount\", CAST(\"expected_close\" AS DATE) AS \"expected_close\") FROM read_csv(",
            mapping.SourceOf("opportunity_history"),
            StringComparison.Ordinal);

        // The layout's views over the files, read back by the database import: the history arrives typed (an instant,
        // a decimal, a date) and becomes the same field history as the CSV import's.
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        foreach (var table in new[] { "opportunities", "opportunity_history" })
        {
            await using var view = connection.CreateCommand();
            view.CommandText = $"CREATE VIEW {table} AS {mapping.SourceOf(table)}";
            await view.ExecuteNonQueryAsync();
        }

        var imported = await new DataReaderImporter().ImportAsync(DataReaderSource.FromConnection(connection, "duck"), CancellationToken.None);
        var opportunity = Assert.Single(imported.Data.Opportunities);
        Assert.Equal(new CsvImporter().ImportDirectory(_temp).Data.Opportunities.Single().History.ToArray(), opportunity.History.ToArray());

        // 12:00 at +02:00 is 10:00 UTC: just before it the amount is still the 9,999.99 of 10 January; after it 12,000.50.
        Assert.Equal(9999.99m, opportunity.AsOf(Instant.FromUtc(2025, 3, 1, 10, 0))!.Amount.Amount);
        Assert.Equal(12000.50m, opportunity.AsOf(Instant.FromUtc(2025, 3, 1, 10, 1))!.Amount.Amount);
    }

    [Fact]
    public async Task Header_WithoutOptionalColumns_TypesOnlyItsColumns()
    {
        // A directory with a quote in its name, a leads.csv without owner, qualified_at or converted_at, and an extra
        // column: DuckDB would fail on a type for a column the file lacks.
        var directory = Directory.CreateDirectory(Path.Combine(_temp, "it's here")).FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "leads.csv"), "\uFEFFid,\"created_at\",source,note\r\nL1,2025-03-01T10:00:00Z,web,\"a, b\"\r\nL2,2025-03-02T23:30:00Z,web,\r\nL3,2025-04-01T08:00:00Z,event,\r\n");

        var mapping = DuckDbFiles.Mapping(directory);
        Assert.Equal(
            $"SELECT * REPLACE (CAST(\"created_at\" AS TIMESTAMPTZ) AS \"created_at\") FROM read_csv('{Path.Combine(directory, "leads.csv").Replace("'", "''", StringComparison.Ordinal)}', header = true, delim = ',', quote = '\"', escape = '\"', types = {{'id': 'VARCHAR', 'created_at': 'VARCHAR', 'source': 'VARCHAR'}})",
            mapping.SourceOf("leads"));
        Assert.Equal("opportunities", mapping.SourceOf("opportunities")); // No file: not mapped.

        var evaluator = new KpiEvaluator(KpiSettings.Default);
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 4, 30)), [Kpis.NewLeads], KpiGrouping.BySource, PeriodUnit.Month);
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        var report = await evaluator.EvaluateAsync(new SqlKpiSource(connection, SqlDialect.DuckDb, mapping), query);

        // March: L1 and L2 from web (2 leads); April: L3 from event (1 lead); no web lead in April, no event lead in March.
        Assert.Equal(
            ["event | 2025-03 | 0", "event | 2025-04 | 1", "web | 2025-03 | 2", "web | 2025-04 | 0"],
            report.Rows.Select(r => $"{r.Group} | {r.Period.Label} | {N(r.Value.Value)}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BadInstant_FailsTheQuery_RatherThanBecomingNull()
    {
        // read_csv typing created_at itself would make 'yesterday' NULL, and the lead would silently have no date.
        await File.WriteAllTextAsync(Path.Combine(_temp, "leads.csv"), "id,created_at,source\nL1,2025-03-01T10:00:00Z,web\nL2,yesterday,web\n");
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        var source = new SqlKpiSource(connection, SqlDialect.DuckDb, DuckDbFiles.Mapping(_temp));
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)), [Kpis.NewLeads]);

        var e = await Assert.ThrowsAsync<DuckDBException>(() => new KpiEvaluator().EvaluateAsync(source, query));
        Assert.Contains("yesterday", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_OfTheSampleFiles_CountsRowsLatestInstantCurrenciesAndRoster()
    {
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        var summary = await SqlDataSummary.ReadAsync(new SqlKpiSource(connection, SqlDialect.DuckDb, DuckDbFiles.Mapping(SampleDirectory)));
        var data = new CsvImporter().ImportDirectory(SampleDirectory).Data;

        // The data rows of each file: its lines (wc -l) less the header.
        Assert.Equal(
            "reps 10, leads 2475, opportunities 649, stage_changes 2137, deals 261, activities 17843, spend 33",
            string.Join(", ", summary.Rows.Select(r => $"{r.Key} {r.Value}")));
        Assert.Equal(data.Counts.Leads, summary.RowsOf("leads"));
        Assert.Equal(data.LatestInstant, summary.LatestInstant);
        Assert.Equal([Currency.USD], summary.Currencies.ToArray());
        Assert.Equal(data.Roster.Reps.ToArray(), summary.Roster.Reps.ToArray());
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Mapping_LinkOutsideTheDirectory_IsRefused()
    {
        var outside = Path.Combine(_temp, "outside.csv");
        File.WriteAllText(outside, "id,name,team\nr1,Ana,north\n");
        var directory = Directory.CreateDirectory(Path.Combine(_temp, "data")).FullName;
        File.CreateSymbolicLink(Path.Combine(directory, "reps.csv"), outside);

        var e = Assert.Throws<CsvImportException>(() => DuckDbFiles.Mapping(directory));
        Assert.Contains("reps.csv: it resolves to", e.Message, StringComparison.Ordinal);
        Assert.Contains("which is outside the data directory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_LinkInsideTheDirectory_ReadsTheResolvedFile()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_temp, "data")).FullName;
        var real = Path.Combine(directory, "roster-2025.csv");
        File.WriteAllText(real, "id,name,team\nr1,Ana,north\n");
        File.CreateSymbolicLink(Path.Combine(directory, "reps.csv"), "roster-2025.csv");

        Assert.StartsWith($"SELECT * FROM read_csv('{real}',", DuckDbFiles.Mapping(directory).SourceOf("reps"), StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_BothCsvAndParquet_IsRefused()
    {
        File.WriteAllText(Path.Combine(_temp, "deals.csv"), "id\n");
        File.WriteAllText(Path.Combine(_temp, "deals.parquet"), "PAR1");

        var e = Assert.Throws<CsvImportException>(() => DuckDbFiles.Mapping(_temp));
        Assert.EndsWith("has both deals.csv and deals.parquet: keep one of them, so that the table deals is read from one file.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_EmptyFileOrDirectory_IsRefused()
    {
        File.WriteAllText(Path.Combine(_temp, "spend.csv"), string.Empty);
        Assert.Contains("spend.csv: it is empty or not a regular file", Assert.Throws<CsvImportException>(() => DuckDbFiles.Mapping(_temp)).Message, StringComparison.Ordinal);

        File.Delete(Path.Combine(_temp, "spend.csv"));
        Directory.CreateDirectory(Path.Combine(_temp, "spend.csv"));
        Assert.EndsWith("spend.csv: it is a directory", Assert.Throws<CsvImportException>(() => DuckDbFiles.Mapping(_temp)).Message, StringComparison.Ordinal);
        Assert.Throws<DirectoryNotFoundException>(() => DuckDbFiles.Mapping(Path.Combine(_temp, "missing")));
    }

    private static readonly (string Table, string File)[] Files =
    [
        ("reps", "reps"), ("leads", "leads"), ("opportunities", "opportunities"), ("stage_changes", "stage-changes"),
        ("deals", "deals"), ("activities", "activities"), ("spend", "spend"),
    ];

    private static (KpiEvaluator Evaluator, KpiQuery Query) Query(string zone, string groupBy, string per) =>
        (new KpiEvaluator(KpiSettings.Default.WithZone(zone)),
         new KpiQuery(
            new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)),
            [.. Kpis.All],
            groupBy switch { "rep" => KpiGrouping.ByRep, "team" => KpiGrouping.ByTeam, "source" => KpiGrouping.BySource, "deal-kind" => KpiGrouping.ByDealKind, _ => KpiGrouping.None },
            per switch { "week" => PeriodUnit.Week, "month" => PeriodUnit.Month, _ => PeriodUnit.Quarter }));

    // Decimals compared by value: DuckDB hands 45000.00 back as 45000.
    private static string? N(decimal? value) => value?.ToString("G29", CultureInfo.InvariantCulture);

    private static List<string> Lines(KpiReport report) =>
        [.. report.Rows.Select(r => $"{r.Group} | {r.Period.Label} | {r.KpiId} | {N(r.Value.Value)} | {N(r.Value.Numerator)} / {N(r.Value.Denominator)} | {r.Value.Currency} | {N(r.Value.Amount?.Amount)} | {r.Value.SampleSize} | {N(r.Value.Median)} | {r.Value.UnpricedCount} | {r.Value.UndefinedReason}")];
}
