using System.Data.Common;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace SalesKpi.Cli.Tests;

/// <summary><c>report --engine</c>: the KPIs computed inside DuckDB, SQLite or PostgreSQL give the output of the memory engine.</summary>
public sealed class ReportCommandEngineTests
{
    private static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "Sample");

    private static readonly string[] LayoutFiles = ["reps", "leads", "opportunities", "stage-changes", "deals", "activities", "spend"];

    public static TheoryData<string, string, string> Reports => new()
    {
        { "table", "rep", "quarter" },
        { "json", "team", "month" },
        { "csv", "source", "week" },
        { "table", "none", "none" },
        { "json", "none", "quarter" },
        { "csv", "rep", "none" },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void Report_DuckDbOverTheEmbeddedSample_WritesWhatTheMemoryEngineWrites(string format, string by, string per)
    {
        var memory = Cli.Run("report", "--format", format, "--by", by, "--per", per);
        var duckdb = Cli.Run("report", "--engine", "duckdb", "--format", format, "--by", by, "--per", per);

        Assert.Equal(0, memory.ExitCode);
        Assert.Equal((0, string.Empty), (duckdb.ExitCode, duckdb.Error));
        // Every byte: the heading (data set, range, record counts), the values, and in JSON the import's files.
        Assert.Equal(memory.Output, duckdb.Output);
        Assert.Contains(format == "json" ? "\"file\": \"sample/stage-changes.csv\"" : "2025", duckdb.Output);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    public void Report_DuckDbOverADataDirectory_WritesWhatTheMemoryEngineWrites(string format)
    {
        var memory = Cli.Run("report", "--data", SampleDirectory, "--format", format, "--by", "rep", "--per", "month", "--zone", "Europe/Istanbul");
        var duckdb = Cli.Run("report", "--engine", "duckdb", "--data", SampleDirectory, "--format", format, "--by", "rep", "--per", "month", "--zone", "Europe/Istanbul");

        Assert.Equal(0, memory.ExitCode);
        Assert.Equal((0, string.Empty), (duckdb.ExitCode, duckdb.Error));
        Assert.Equal(memory.Output, duckdb.Output);
    }

    [Fact]
    public void Report_DuckDbOverParquetFiles_GivesTheSampleReport()
    {
        using var directory = new TempDirectory();
        using (var duck = new DuckDBConnection("Data Source=:memory:"))
        {
            duck.Open();
            foreach (var file in LayoutFiles)
            {
                Execute(duck, $"COPY (SELECT * FROM read_csv('{Path.Combine(SampleDirectory, file + ".csv")}')) TO '{Path.Combine(directory.Path, file + ".parquet")}' (FORMAT parquet)");
            }
        }

        var fromParquet = Cli.Json("report", "--engine", "duckdb", "--data", directory.Path, "--by", "team", "--per", "quarter");
        var fromSample = Cli.Json("report", "--by", "team", "--per", "quarter");

        Assert.Equal(fromSample.GetProperty("results").GetRawText(), fromParquet.GetProperty("results").GetRawText());
        Assert.Equal(Path.Combine(directory.Path, "leads.parquet"), fromParquet.GetProperty("import").GetProperty("files")[1].GetProperty("file").GetString());
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    public void Report_DuckDbDatabaseFile_WritesWhatTheMemoryEngineReadsFromIt(string format)
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "crm.duckdb");
        using (var duck = new DuckDBConnection($"Data Source={database}"))
        {
            duck.Open();
            var files = Sql.DuckDbFiles.Mapping(SampleDirectory);
            // The tables of the sample's files (it has no opportunity-history.csv, whose table stays unmapped).
            foreach (var table in Sql.SqlTableMapping.TableNames.Where(t => files.SourceOf(t) != t))
            {
                // Typed columns (TIMESTAMPTZ, DECIMAL, DATE), as a database built for SalesKpi would have them.
                Execute(duck, $"CREATE TABLE {table} AS {files.SourceOf(table)}");
            }
        }

        var memory = Cli.Run("report", "--connection", database, "--format", format, "--by", "team", "--per", "quarter");
        var duckdb = Cli.Run("report", "--engine", "duckdb", "--connection", database, "--format", format, "--by", "team", "--per", "quarter");

        Assert.Equal(0, memory.ExitCode);
        Assert.Equal((0, string.Empty), (duckdb.ExitCode, duckdb.Error));
        Assert.Equal(memory.Output, duckdb.Output);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    public void Report_SqliteDatabaseFile_WritesWhatTheMemoryEngineReadsFromIt(string format)
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "crm.db");
        WriteSampleToSqlite(database);

        var memory = Cli.Run("report", "--connection", database, "--format", format, "--by", "rep", "--per", "month", "--zone", "America/New_York");
        var sqlite = Cli.Run("report", "--engine", "sqlite", "--connection", "sqlite:" + database, "--format", format, "--by", "rep", "--per", "month", "--zone", "America/New_York");

        Assert.Equal(0, memory.ExitCode);
        Assert.Equal((0, string.Empty), (sqlite.ExitCode, sqlite.Error));
        Assert.Equal(memory.Output, sqlite.Output);
        // And the memory engine over that database gives the sample's numbers: the copy lost nothing.
        Assert.Equal(
            Cli.Json("report", "--by", "rep", "--per", "month", "--zone", "America/New_York").GetProperty("results").GetRawText(),
            Cli.Json("report", "--engine", "sqlite", "--connection", database, "--by", "rep", "--per", "month", "--zone", "America/New_York").GetProperty("results").GetRawText());
    }

    [Theory]
    [InlineData(new[] { "--engine", "duckdbb" }, "--engine: unknown engine 'duckdbb'; did you mean 'duckdb'? (the engines are memory, duckdb, sqlite, postgres).")]
    [InlineData(new[] { "--engine", "postgresql" }, "--engine: unknown engine 'postgresql'; did you mean 'postgres'?")]
    [InlineData(new[] { "--engine", "sqlite", "--connection", "crm.db", "--mapping", "mapping.json" }, "--mapping with --engine sqlite: a database engine reads a mapping of --data files with --engine duckdb only; a mapping of database tables is read by --engine memory (the default).")]
    [InlineData(new[] { "--engine", "duckdb", "--connection", "crm.duckdb", "--mapping", "mapping.json" }, "--mapping with --engine duckdb: a database engine reads a mapping of --data files with --engine duckdb only;")]
    [InlineData(new[] { "--engine", "duckdb", "--on-error", "report" }, "--on-error report needs --engine memory (the default): inside the database a bad value fails the report, it cannot be left out.")]
    [InlineData(new[] { "--engine", "sqlite" }, "--engine sqlite needs --connection: a SQLite database file (crm.db) or connection string.")]
    [InlineData(new[] { "--engine", "postgres" }, "--engine postgres needs --connection: an Npgsql connection string, such as \"Host=localhost;Database=crm;Username=report\".")]
    [InlineData(new[] { "--engine", "sqlite", "--data", "." }, "--engine sqlite reads a database, not --data: give --connection, or read the files in place with --engine duckdb.")]
    [InlineData(new[] { "--engine", "sqlite", "--connection", "crm.duckdb" }, "--connection: 'crm.duckdb' is a duckdb database; use --engine duckdb.")]
    [InlineData(new[] { "--engine", "duckdb", "--connection", "sqlite:crm.db" }, "--connection: 'sqlite:crm.db' is a sqlite database; use --engine sqlite.")]
    [InlineData(new[] { "--engine", "duckdb", "--connection", "no/such.duckdb" }, "--connection: the database file 'no/such.duckdb' does not exist.")]
    [InlineData(new[] { "--engine", "postgres", "--connection", "Hots=localhost" }, "--connection: 'Hots=localhost' is not a PostgreSQL connection string (Host=…;Database=…):")]
    public void Report_EngineMisused_IsBadUsageWithAHint(string[] args, string expected)
    {
        using var directory = new TempDirectory();
        directory.Write("mapping.json", "{\"files\": []}");
        var arguments = args.Select(a => a == "mapping.json" ? Path.Combine(directory.Path, a) : a).ToArray();

        var result = Cli.Run(["report", .. arguments]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("saleskpi: bad usage: " + expected, result.Error);
        Assert.Contains("Run 'saleskpi report --help' for the options.", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Report_DuckDbMappingOfAFileOutsideTheDirectory_IsBadDataAsInMemory()
    {
        using var directory = new TempDirectory();
        var data = Directory.CreateDirectory(Path.Combine(directory.Path, "data")).FullName;
        directory.Write("secret.csv", "id,name,team\nr1,Ana,north\n");
        directory.Write("mapping.json", """{"files": [{"source": "../secret.csv", "target": "reps.csv", "columns": {"id": "id", "name": "name", "team": "team"}}]}""");
        string[] args = ["report", "--data", data, "--mapping", Path.Combine(directory.Path, "mapping.json")];

        var memory = Cli.Run(args);
        var duckdb = Cli.Run([.. args, "--engine", "duckdb"]);

        Assert.Equal(1, memory.ExitCode);
        Assert.Equal(memory, duckdb);
        Assert.Contains("reads '../secret.csv', which is outside the data directory", duckdb.Error);
    }

    [Fact]
    public void Report_DuckDbOverFilesWithABadStatus_IsBadDataNamingTableColumnAndValue()
    {
        using var directory = new TempDirectory();
        directory.Write("opportunities.csv", "id,account,owner,created_at,amount,currency,status,closed_at\nO1,acme,ana,2025-01-06T09:00:00Z,100.00,USD,won,2025-02-01T10:00:00Z\nO2,acme,ana,2025-01-07T09:00:00Z,50.00,USD,pending,2025-02-03T10:00:00Z\n");

        var result = Cli.Run("report", "--engine", "duckdb", "--data", directory.Path, "--kpi", "close-rate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("saleskpi: bad data: ", result.Error);
        Assert.Contains("status: 'pending' (1 row) is not an opportunity status; use open, won or lost", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Report_DuckDbOverFilesWithAnUnreadableTimestamp_IsBadDataWithDuckDbsMessage()
    {
        using var directory = new TempDirectory();
        directory.Write("leads.csv", "id,created_at,source\nL1,2025-01-06T09:00:00Z,web\nL2,yesterday,web\n");

        var result = Cli.Run("report", "--engine", "duckdb", "--data", directory.Path, "--kpi", "new-leads", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"saleskpi: bad data: {directory.Path} (DuckDB): ", result.Error, StringComparison.Ordinal);
        Assert.Contains("yesterday", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        // With --format json, the failure is a document too.
        Assert.Contains("\"exitCode\": 1", result.Output);
    }

    [Fact]
    public void Report_SqliteTableWithoutARequiredColumn_IsBadDataNamingIt()
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "crm.db");
        using (var sqlite = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            sqlite.Open();
            Execute(sqlite, "CREATE TABLE deals (id TEXT, account TEXT, owner TEXT, closed_at TEXT, currency TEXT, kind TEXT); INSERT INTO deals VALUES ('D1', 'acme', 'ana', '2025-01-06T09:00:00Z', 'USD', 'renewal');");
        }

        var result = Cli.Run("report", "--engine", "sqlite", "--connection", database, "--kpi", "revenue");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"saleskpi: bad data: {database}/deals has no column 'amount', which the table deals needs", result.Error);
    }

    [Fact]
    public void Report_DuckDbOverADirectoryWithoutSalesKpiFiles_IsBadUsage()
    {
        using var directory = new TempDirectory();
        directory.Write("export.csv", "a\n1\n");

        var result = Cli.Run("report", "--engine", "duckdb", "--data", directory.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"saleskpi: bad usage: --data: '{directory.Path}' has none of the SalesKpi files (reps.csv, leads.csv, opportunities.csv, stage-changes.csv, opportunity-history.csv, deals.csv, activities.csv, spend.csv), nor Parquet files of the same names.", result.Error);
    }

    [Fact]
    public void Report_DuckDbConnectionToAFileThatIsNotADatabase_IsBadData()
    {
        using var directory = new TempDirectory();
        directory.Write("crm.duckdb", "id,name\nr1,Ana\n");

        var result = Cli.Run("report", "--engine", "duckdb", "--connection", Path.Combine(directory.Path, "crm.duckdb"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"saleskpi: bad data: {Path.Combine(directory.Path, "crm.duckdb")} (DuckDB): ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Report_DuckDbDataLinkOutsideTheDirectory_IsBadData()
    {
        using var directory = new TempDirectory();
        var data = Directory.CreateDirectory(Path.Combine(directory.Path, "data")).FullName;
        directory.Write("secret.csv", "id,name,team\nr1,Ana,north\n");
        File.CreateSymbolicLink(Path.Combine(data, "reps.csv"), Path.Combine(directory.Path, "secret.csv"));

        var result = Cli.Run("report", "--engine", "duckdb", "--data", data);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("which is outside the data directory", result.Error);
    }

    [Theory]
    [InlineData("deals.csv", "id,opportunity_id,account,owner,closed_at,amount,currency,kind\nD1,,acme,ana,2025-01-06T09:00:00Z,10.00,USD,new-business\nD2,,acme,ana,2025-01-07T09:00:00Z,20.00,EUR,new-business\n", "table")]
    [InlineData("deals.csv", "id,opportunity_id,account,owner,closed_at,amount,currency,kind\nD1,,acme,ana,2025-01-06T09:00:00Z,10.00,USD,new-business\nD2,,acme,ana,2025-01-07T09:00:00Z,20.00,EUR,new-business\n", "json")]
    [InlineData("reps.csv", "id,name,team\nr1,Ana,north\n", "table")]
    [InlineData("reps.csv", "id,name,team\nr1,Ana,north\n", "json")]
    public void Report_DataThatFailsAfterReading_FailsAsTheMemoryEngineFails(string file, string content, string format)
    {
        // Amounts in USD and EUR summed by revenue; a roster alone, with no dated record for a default range.
        using var directory = new TempDirectory();
        directory.Write(file, content);

        var memory = Cli.Run("report", "--data", directory.Path, "--kpi", "revenue", "--format", format);
        var duckdb = Cli.Run("report", "--engine", "duckdb", "--data", directory.Path, "--kpi", "revenue", "--format", format);

        Assert.Equal(1, memory.ExitCode);
        Assert.Equal(memory, duckdb);
        Assert.Contains(file == "deals.csv" ? "saleskpi does not convert currencies" : "holds no dated records, so there is no default range", duckdb.Error);
    }

    [Fact]
    public void Report_DuckDbWatchedOnATerminal_ShowsItsWorkOnStderrAndTheSameReportOnStdout()
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };

        var code = CliApp.Run(["report", "--engine", "duckdb", "--format", "csv"], new CliConsole(output, error, IsInteractive: true, Width: CliConsole.DefaultWidth));

        Assert.Equal(0, code);
        Assert.Equal(Cli.Run("report", "--format", "csv").Output, output.ToString());
        Assert.Contains("DuckDB", error.ToString());
    }

    [Fact]
    public void Report_MemoryEngineNamedExplicitly_IsTheDefault()
    {
        Assert.Equal(Cli.Run("report", "--format", "csv").Output, Cli.Run("report", "--engine", "memory", "--format", "csv").Output);
    }

    /// <summary>Writes the sample's files into SQLite tables of text, as the CSV files hold them.</summary>
    internal static void WriteSampleToSqlite(string database)
    {
        using var sqlite = new SqliteConnection($"Data Source={database};Pooling=False");
        sqlite.Open();
        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using var transaction = sqlite.BeginTransaction();
        foreach (var file in LayoutFiles)
        {
            using var read = duck.CreateCommand();
            read.CommandText = $"SELECT * FROM read_csv('{Path.Combine(SampleDirectory, file + ".csv")}', all_varchar = true)";
            using var reader = read.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var table = file.Replace('-', '_');
            using (var create = sqlite.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = $"CREATE TABLE {table} ({string.Join(", ", columns.Select(c => $"\"{c}\" TEXT"))})";
                create.ExecuteNonQuery();
            }

            using var insert = sqlite.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add($"$p{i}", SqliteType.Text)).ToArray();
            while (reader.Read())
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    parameters[i].Value = reader.IsDBNull(i) ? DBNull.Value : reader.GetString(i);
                }

                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
