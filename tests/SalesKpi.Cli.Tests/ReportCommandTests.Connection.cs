using System.Data.Common;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace SalesKpi.Cli.Tests;

/// <summary><c>report --connection</c>: the data set read from a real DuckDB or SQLite database file.</summary>
public sealed class ReportCommandConnectionTests
{
    private static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "Sample");

    [Fact]
    public void Report_DuckDbFileOfTheSample_GivesTheSampleReport()
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "crm.duckdb");
        using (var duck = new DuckDBConnection($"Data Source={database}"))
        {
            duck.Open();
            foreach (var file in Directory.GetFiles(SampleDirectory, "*.csv"))
            {
                // Every column as text, as a CRM's database would hold the export: the values go through the CSV rules.
                Execute(duck, $"CREATE TABLE {Path.GetFileNameWithoutExtension(file).Replace('-', '_')} AS SELECT * FROM read_csv('{file}', all_varchar = true)");
            }
        }

        var fromDatabase = Cli.Json("report", "--connection", database, "--by", "rep", "--per", "quarter");
        var fromSample = Cli.Json("report", "--by", "rep", "--per", "quarter");

        Assert.Equal(fromSample.GetProperty("results").GetRawText(), fromDatabase.GetProperty("results").GetRawText());
    }

    [Fact]
    public void Report_SqliteFileThroughAMappingOfAQuery_ReadsIt()
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "crm.db");
        WriteSqlite(database, """
                CREATE TABLE deals (deal_id INTEGER, rep TEXT, closed TEXT, value NUMERIC, stage TEXT);
                INSERT INTO deals VALUES (1, 'ana', '2025-02-03', 1000, 'Won'), (2, 'ana', '2025-03-05', 500, 'Won'), (3, 'bo', '2025-03-06', 10, 'Lost');
                """);

        directory.Write("mapping.json", """
            {
              "defaultCurrency": "USD",
              "dateFormat": "yyyy-MM-dd",
              "files": [
                {
                  "source": "SELECT deal_id, rep, closed, value FROM deals WHERE stage = 'Won'",
                  "target": "deals",
                  "columns": { "id": "deal_id", "account": { "value": "acme" }, "owner": "rep", "closed_at": "closed", "amount": "value", "kind": { "value": "new-business" } }
                }
              ]
            }
            """);

        var report = Cli.Json("report", "--connection", "sqlite:" + database, "--mapping", Path.Combine(directory.Path, "mapping.json"), "--kpi", "revenue,average-deal-size", "--from", "2025-01-01", "--to", "2025-12-31");

        // Two won deals of the query: 1000 + 500 = 1500 USD, 1500 / 2 = 750 USD each on average.
        Assert.Equal(1500m, report.Value("revenue").Number());
        Assert.Equal(750m, report.Value("average-deal-size").Number());
    }

    [Fact]
    public void Report_DuckDbConnectionString_IsUsedAsWritten()
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "crm.duckdb");
        using (var duck = new DuckDBConnection($"Data Source={database}"))
        {
            duck.Open();
            Execute(duck, "CREATE TABLE reps (id VARCHAR, name VARCHAR, team VARCHAR); INSERT INTO reps VALUES ('r1', 'Ana', 'north'), ('r2', 'Bo', 'south');");
        }

        var report = Cli.Json("report", "--connection", $"duckdb:Data Source={database};ACCESS_MODE=READ_ONLY", "--by", "team", "--kpi", "calls", "--from", "2025-01-01", "--to", "2025-12-31");

        // Two teams from the roster, each with no activity: 0 calls.
        Assert.Equal(0m, report.Value("calls", "north").Number());
        Assert.Equal(0m, report.Value("calls", "south").Number());
    }

    [Fact]
    public void Report_BadRowInADatabase_ExitsWithOneNamingTableRowAndColumn()
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "crm.db");
        WriteSqlite(database, """
                CREATE TABLE leads (id TEXT, created_at TEXT, source TEXT);
                INSERT INTO leads VALUES ('L1', '2025-01-06T09:00:00Z', 'web'), ('L2', 'yesterday', 'web');
                """);

        var result = Cli.Run("report", "--connection", database);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{database}/leads:2:2: created_at: 'yesterday' is not an ISO-8601 instant", result.Error);
    }

    [Fact]
    public void Report_DatabaseWithoutSalesKpiTables_IsBadUsage()
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "crm.db");
        WriteSqlite(database, "CREATE TABLE export (a TEXT)");

        var result = Cli.Run("report", "--connection", database);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has none of the SalesKpi tables (reps, accounts, leads, opportunities, stage_changes, opportunity_history, deals, activities, spend); to read other tables or queries, give a --mapping.", result.Error);
    }

    [Fact]
    public void Report_ConnectionToAFileThatIsNotADatabase_IsBadData()
    {
        using var directory = new TempDirectory();
        directory.Write("crm.db", "id,name\nr1,Ana");

        var result = Cli.Run("report", "--connection", Path.Combine(directory.Path, "crm.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("file is not a database", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Theory]
    [InlineData("crm.csv", "--connection: cannot tell which database 'crm.csv' is; write sqlite:PATH or duckdb:PATH")]
    [InlineData("no/such.duckdb", "--connection: the database file 'no/such.duckdb' does not exist.")]
    [InlineData("sqlite:no/such.db", "--connection: the database file 'no/such.db' does not exist.")]
    public void Report_ConnectionNamingNoDatabase_IsBadUsage(string connection, string expected)
    {
        var result = Cli.Run("report", "--connection", connection);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public void Report_DataAndConnection_IsBadUsage()
    {
        var result = Cli.Run("report", "--data", SampleDirectory, "--connection", "crm.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--data and --connection both name the data: give one of them.", result.Error);
    }

    [Fact]
    public void Report_MissingDatabaseFile_IsNotCreated()
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "typo.db");

        Cli.Run("report", "--connection", database);

        Assert.False(File.Exists(database));
    }

    /// <summary>Creates a SQLite database file and runs the SQL in it.</summary>
    private static void WriteSqlite(string path, string sql)
    {
        using var sqlite = new SqliteConnection($"Data Source={path};Pooling=False");
        sqlite.Open();
        Execute(sqlite, sql);
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary><c>report --data</c> on a directory of Parquet files written by DuckDB.</summary>
public sealed class ReportCommandParquetTests
{
    [Fact]
    public void Report_DirectoryOfParquetFiles_GivesTheSampleReport()
    {
        using var directory = new TempDirectory();
        using (var duck = new DuckDBConnection("Data Source=:memory:"))
        {
            duck.Open();
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Sample"), "*.csv"))
            {
                using var command = duck.CreateCommand();
                command.CommandText = $"COPY (SELECT * FROM read_csv('{file}')) TO '{Path.Combine(directory.Path, Path.GetFileNameWithoutExtension(file) + ".parquet")}' (FORMAT parquet)";
                command.ExecuteNonQuery();
            }
        }

        var fromParquet = Cli.Json("report", "--data", directory.Path, "--by", "team", "--per", "month");
        var fromSample = Cli.Json("report", "--by", "team", "--per", "month");

        Assert.Equal(fromSample.GetProperty("results").GetRawText(), fromParquet.GetProperty("results").GetRawText());
    }
}
