using System.Data.Common;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using NodaTime;
using SalesKpi.Opportunities;

namespace SalesKpi.Csv.Tests;

/// <summary>The ADO.NET source, against real engines: SQLite and DuckDB, both in process.</summary>
public sealed class DataReaderImporterTests : IDisposable
{
    private readonly SqliteConnection _sqlite = new("Data Source=:memory:");

    public DataReaderImporterTests() => _sqlite.Open();

    public void Dispose() => _sqlite.Dispose();

    [Fact]
    public async Task Import_SampleAsSqliteTables_GivesTheRecordsOfTheCsvImport()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Sample");
        foreach (var file in Directory.GetFiles(directory, "*.csv"))
        {
            LoadAsTextTable(_sqlite, Path.GetFileNameWithoutExtension(file).Replace('-', '_'), file);
        }

        var fromCsv = new CsvImporter().ImportDirectory(directory);
        var fromDb = await new DataReaderImporter().ImportAsync(DataReaderSource.FromConnection(_sqlite, "crm.db"), CancellationToken.None);

        Assert.Empty(fromDb.Rejections);
        AssertSame(fromCsv.Data.Leads, fromDb.Data.Leads);
        AssertSame(fromCsv.Data.Opportunities, fromDb.Data.Opportunities);
        AssertSame(fromCsv.Data.Deals, fromDb.Data.Deals);
        AssertSame(fromCsv.Data.Activities, fromDb.Data.Activities);
        AssertSame(fromCsv.Data.Spend, fromDb.Data.Spend);
        AssertSame(fromCsv.Data.Roster.Reps, fromDb.Data.Roster.Reps);
        Assert.Equal(
            ["crm.db/reps", "crm.db/leads", "crm.db/opportunities", "crm.db/stage_changes", "crm.db/deals", "crm.db/activities", "crm.db/spend"],
            fromDb.Files.Select(f => f.File));
        Assert.Equal(fromCsv.Files.Select(f => f.Rows), fromDb.Files.Select(f => f.Rows));
    }

    [Fact]
    public async Task Import_DuckDbTypedColumns_KeepTheirTypes()
    {
        await using var duck = new DuckDBConnection("Data Source=:memory:");
        await duck.OpenAsync(CancellationToken.None);
        Execute(duck, """
            CREATE TABLE opportunities (id VARCHAR, account VARCHAR, owner VARCHAR, created_at TIMESTAMPTZ, amount DECIMAL(18, 2),
                currency VARCHAR, status VARCHAR, closed_at TIMESTAMP, lead_id VARCHAR, expected_close DATE);
            INSERT INTO opportunities VALUES
                ('O1', 'acme', 'r1', TIMESTAMPTZ '2025-03-30 00:30:00+00', 1250.50, 'EUR', 'won', TIMESTAMP '2025-03-30 03:30:00', NULL, DATE '2025-04-01'),
                ('O2', 'acme', 'r1', TIMESTAMPTZ '2025-03-01 09:00:00+00', 99, 'EUR', 'open', NULL, NULL, NULL);
            """);

        // closed_at has no zone: 03:30 in Berlin on 30 March 2025 is summer time (UTC+2), so 01:30Z.
        var options = new CsvImportOptions { Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"] };
        var result = await new DataReaderImporter(options).ImportAsync(DataReaderSource.FromConnection(duck, "duck"), CancellationToken.None);

        var won = result.Data.Opportunities.Single(o => o.Id.Value == "O1");
        Assert.Equal(Instant.FromUtc(2025, 3, 30, 0, 30), won.CreatedAt);
        Assert.Equal(Instant.FromUtc(2025, 3, 30, 1, 30), won.ClosedAt);
        Assert.Equal(new Money(1250.50m, Currency.EUR), won.Amount);
        Assert.Equal(new LocalDate(2025, 4, 1), won.ExpectedClose);
        Assert.Equal(OpportunityStatus.Open, result.Data.Opportunities.Single(o => o.Id.Value == "O2").Status);
    }

    [Fact]
    public async Task Import_NestedValue_IsReadAsWhatItHolds()
    {
        await using var duck = new DuckDBConnection("Data Source=:memory:");
        await duck.OpenAsync(CancellationToken.None);
        Execute(duck, """
            CREATE TABLE reps (id VARCHAR, name STRUCT(first VARCHAR, last VARCHAR), team VARCHAR);
            INSERT INTO reps VALUES ('r1', {'first': 'Ana', 'last': 'Lima'}, 'north');
            """);

        var result = await new DataReaderImporter().ImportAsync(DataReaderSource.FromConnection(duck, "duck"), CancellationToken.None);

        // A struct is not a text column: it is read as what it holds, visibly, not as the name of a .NET type.
        Assert.Equal("{first: Ana, last: Lima}", result.Data.Roster.Reps.Single().Name);
    }

    [Fact]
    public async Task Import_BadRow_IsRejectedAtItsRowAndColumn()
    {
        Execute(_sqlite, """
            CREATE TABLE leads (id TEXT, created_at TEXT, owner TEXT, source TEXT);
            INSERT INTO leads VALUES ('L1', '2025-01-06T09:00:00Z', NULL, 'web'), ('L2', 'yesterday', NULL, 'web'), ('L1', '2025-01-07T09:00:00Z', NULL, 'web');
            CREATE TABLE opportunities (id TEXT, account TEXT, owner TEXT, created_at TEXT, amount REAL, currency TEXT, status TEXT);
            INSERT INTO opportunities VALUES ('O1', 'acme', 'r1', '2025-01-10T09:00:00Z', -5.0, 'EUR', 'open'), ('O2', 'acme', 'r1', '2025-01-10T09:00:00Z', 1250.5, 'EUR', 'open');
            """);

        var result = await new DataReaderImporter(new CsvImportOptions { OnError = CsvErrorMode.Report })
            .ImportAsync(DataReaderSource.FromConnection(_sqlite, "crm.db"), CancellationToken.None);

        Assert.Equal(
            [
                "crm.db/leads:2:2: created_at: 'yesterday' is not an ISO-8601 instant such as 2026-03-01T09:15:00Z or 2026-03-01T12:15:00+03:00",
                "crm.db/leads:3:1: id: duplicate id 'L1' (first on row 1)",
                "crm.db/opportunities:1:5: amount: the amount -5 is negative",
            ],
            result.Rejections.Select(r => r.ToString()));

        // A REAL goes through its shortest text: 1250.5, not 1250.49999999999.
        Assert.Equal(1250.5m, result.Data.Opportunities.Single().Amount.Amount);
    }

    [Fact]
    public async Task Import_MappingOfQueriesAndTables_ReadsAnotherSchema()
    {
        Execute(_sqlite, """
            CREATE TABLE crm_users (login TEXT, full_name TEXT, region TEXT);
            INSERT INTO crm_users VALUES ('ana', 'Ana Lima', 'West'), ('bo', 'Bo Berg', 'East');
            CREATE TABLE crm_deals (deal_id INTEGER, account TEXT, rep TEXT, opened TEXT, closed TEXT, value NUMERIC, stage TEXT);
            INSERT INTO crm_deals VALUES (1, 'acme', 'ana', '2025-01-02', '2025-02-03', 1000, 'Won'), (2, 'zeta', 'bo', '2025-01-05', NULL, 500, 'Open'),
                (3, 'old', 'bo', '2024-01-05', '2024-02-01', 10, 'Won');
            """);
        var mapping = CsvMapping.Parse("""
            {
              "defaultCurrency": "USD",
              "dateFormat": "yyyy-MM-dd",
              "files": [
                { "source": "crm_users", "target": "reps", "columns": { "id": "login", "name": "full_name", "team": "region" } },
                {
                  "source": "SELECT deal_id, account, rep, opened, closed, value, stage FROM crm_deals WHERE opened >= '2025-01-01'",
                  "target": "opportunities",
                  "columns": {
                    "id": "deal_id", "account": "account", "owner": "rep", "created_at": "opened", "closed_at": "closed", "amount": "value",
                    "status": { "column": "stage", "values": { "Won": "won", "Open": "open" } }
                  }
                }
              ]
            }
            """);

        var result = await new DataReaderImporter(new CsvImportOptions { Mapping = mapping })
            .ImportAsync(DataReaderSource.FromConnection(_sqlite, "crm.db"), CancellationToken.None);

        // The query leaves out deal 3 (opened in 2024); the integer ids are read as their text.
        Assert.Equal(["1", "2"], result.Data.Opportunities.Select(o => o.Id.Value));
        Assert.Equal(Instant.FromUtc(2025, 2, 3, 0, 0), result.Data.Opportunities[0].ClosedAt);
        Assert.Equal(new Money(1000m, Currency.USD), result.Data.Opportunities[0].Amount);
        Assert.Equal("West", result.Data.Roster.TeamOf(new Reps.RepId("ana"))!.Value.Value);
        Assert.Equal("crm.db (query 'SELECT deal_id, account, rep, opened, closed, va…')", result.Files[1].File);
    }

    [Fact]
    public async Task Import_MappingNamesAMissingTable_FailsNamingIt()
    {
        var mapping = CsvMapping.Parse("""{ "files": [ { "source": "crm_userz", "target": "reps", "columns": { "id": "a", "name": "b", "team": "c" } } ] }""", "m.json");

        var e = await Assert.ThrowsAsync<CsvImportException>(() =>
            new DataReaderImporter(new CsvImportOptions { Mapping = mapping }).ImportAsync(DataReaderSource.FromConnection(_sqlite, "crm.db"), CancellationToken.None));

        Assert.Equal("the mapping m.json reads 'crm_userz', which is not in crm.db", e.Message);
    }

    [Fact]
    public async Task Import_QueryTheDatabaseRefuses_FailsWithItsMessage()
    {
        var mapping = CsvMapping.Parse("""{ "files": [ { "source": "SELECT a, b, c FROM nowhere", "target": "reps", "columns": { "id": "a", "name": "b", "team": "c" } } ] }""", "m.json");

        var e = await Assert.ThrowsAsync<CsvImportException>(() =>
            new DataReaderImporter(new CsvImportOptions { Mapping = mapping }).ImportAsync(DataReaderSource.FromConnection(_sqlite, "crm.db"), CancellationToken.None));

        Assert.Equal("cannot read crm.db (query 'SELECT a, b, c FROM nowhere'): SQLite Error 1: 'no such table: nowhere'.", e.Message);
    }

    [Fact]
    public async Task Import_TableWithoutARequiredColumn_FailsNamingTheColumn()
    {
        Execute(_sqlite, "CREATE TABLE reps (id TEXT, name TEXT); INSERT INTO reps VALUES ('r1', 'Ana');");

        var e = await Assert.ThrowsAsync<CsvImportException>(() =>
            new DataReaderImporter().ImportAsync(DataReaderSource.FromConnection(_sqlite, "crm.db"), CancellationToken.None));

        Assert.StartsWith("crm.db/reps:1:1: the header has no 'team' column, which reps.csv requires", e.Message);
    }

    [Fact]
    public async Task Import_ClosedConnection_IsOpenedForEachTableAndClosedAgain()
    {
        var path = Path.Combine(Path.GetTempPath(), $"saleskpi-{Guid.NewGuid():N}.db");
        try
        {
            await using (var setup = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                setup.Open();
                Execute(setup, "CREATE TABLE reps (id TEXT, name TEXT, team TEXT); INSERT INTO reps VALUES ('r1', 'Ana', 'north');");
            }

            var cancellationToken = CancellationToken.None;
            var progress = new SynchronousProgress(_ => { });

            // <snippet:sources-database>
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            var options = new CsvImportOptions { OnError = CsvErrorMode.Report, Progress = progress };
            CsvImportResult result = await new DataReaderImporter(options).ImportAsync(DataReaderSource.FromConnection(connection), cancellationToken);
            // </snippet:sources-database>

            Assert.Single(result.Data.Roster.Reps);
            Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Import_Progress_IsReportedPerTable()
    {
        Execute(_sqlite, "CREATE TABLE reps (id TEXT, name TEXT, team TEXT); INSERT INTO reps VALUES ('r1', 'Ana', 'north'), ('r2', 'Bo', 'north');");
        var reports = new List<CsvImportProgress>();

        await new DataReaderImporter(new CsvImportOptions { Progress = new SynchronousProgress(reports.Add) })
            .ImportAsync(DataReaderSource.FromConnection(_sqlite, "crm.db"), CancellationToken.None);

        Assert.Equal(["crm.db/reps: 0 rows, 0/? bytes", "crm.db/reps: 2 rows, 0/? bytes, done"], reports.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Import_Cancelled_Throws()
    {
        Execute(_sqlite, "CREATE TABLE reps (id TEXT, name TEXT, team TEXT);");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new DataReaderImporter().ImportAsync(DataReaderSource.FromConnection(_sqlite), new CancellationToken(canceled: true)));
    }

    /// <summary>Asserts equal records, naming the first that differs (a collection's message shows only its first five).</summary>
    private static void AssertSame<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Equals(expected[i], actual[i]), $"record {i}: {expected[i]} (CSV) is not {actual[i]} (database)");
        }
    }

    /// <summary>Loads a CSV file into a table of TEXT columns, an empty cell as NULL, as a CRM's database would hold it.</summary>
    private static void LoadAsTextTable(SqliteConnection connection, string table, string file)
    {
        using var reader = new CsvRecordReader(new StringReader(File.ReadAllText(file)));
        reader.Read();
        var columns = Enumerable.Range(0, reader.Count).Select(i => reader[i]).ToArray();
        Execute(connection, $"CREATE TABLE \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\" TEXT"))})");
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"{table}\" VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
        while (reader.Read())
        {
            for (var i = 0; i < columns.Length; i++)
            {
                parameters[i].Value = reader[i].Length == 0 ? DBNull.Value : reader[i];
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class SynchronousProgress(Action<CsvImportProgress> report) : IProgress<CsvImportProgress>
    {
        public void Report(CsvImportProgress value) => report(value);
    }
}
