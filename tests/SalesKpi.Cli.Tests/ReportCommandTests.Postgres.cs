using Npgsql;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Cli.Tests;

/// <summary><c>report --engine postgres</c> on a real PostgreSQL server holding the embedded sample in typed tables.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class ReportCommandPostgresTests(PostgresServer server)
{
    private static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "Sample");

    // The layout's typed columns; every other one stays text.
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["created_at"] = "timestamptz", ["qualified_at"] = "timestamptz", ["converted_at"] = "timestamptz", ["closed_at"] = "timestamptz",
        ["occurred_at"] = "timestamptz", ["entered_at"] = "timestamptz", ["expected_close"] = "date", ["term_start"] = "date",
        ["term_end"] = "date", ["start"] = "date", ["end"] = "date", ["amount"] = "numeric", ["recurring_monthly"] = "numeric",
    };

    [Theory]
    [InlineData("rep", "quarter")]
    [InlineData("source", "month")]
    public void Report_PostgresDatabaseOfTheSample_GivesTheSampleReport(string by, string per)
    {
        var connection = server.CreateDatabase("cli_sample_" + by);
        Load(connection);

        var memory = Cli.Run("report", "--format", "csv", "--by", by, "--per", per);
        var postgres = Cli.Run("report", "--engine", "postgres", "--connection", connection, "--format", "csv", "--by", by, "--per", per);
        var json = Cli.Json("report", "--engine", "postgres", "--connection", connection, "--by", by, "--per", per);

        Assert.Equal(0, memory.ExitCode);
        Assert.Equal((0, string.Empty), (postgres.ExitCode, postgres.Error));
        Assert.Equal(memory.Output, postgres.Output);
        Assert.Equal(Cli.Json("report", "--by", by, "--per", per).GetProperty("results").GetRawText(), json.GetProperty("results").GetRawText());
        // Named by host and database, never by the whole connection string.
        Assert.Equal($"postgres:127.0.0.1/cli_sample_{by}", json.GetProperty("settings").GetProperty("data").GetString());
    }

    [Fact]
    public void Report_PostgresServerThatRefuses_IsBadDataWithoutAStackTrace()
    {
        var result = Cli.Run("report", "--engine", "postgres", "--connection", $"Host=127.0.0.1;Port={server.Port};Database=no_such_database;Username=postgres");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("saleskpi: bad data: postgres:127.0.0.1/no_such_database (PostgreSQL): ", result.Error, StringComparison.Ordinal);
        Assert.Contains("no_such_database", result.Error[60..]);
        Assert.DoesNotContain("   at ", result.Error);
    }

    /// <summary>Copies each sample file into a table of text columns, then gives the layout's columns their types.</summary>
    private static void Load(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        foreach (var file in Directory.GetFiles(SampleDirectory, "*.csv"))
        {
            var table = Path.GetFileNameWithoutExtension(file).Replace('-', '_');
            var columns = File.ReadLines(file).First().Split(',');
            Execute(connection, $"CREATE TABLE {table} ({string.Join(", ", columns.Select(c => $"\"{c}\" text"))})");
            using (var import = connection.BeginTextImport($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)"))
            {
                import.Write(File.ReadAllText(file));
            }

            foreach (var column in columns.Where(Types.ContainsKey))
            {
                Execute(connection, $"ALTER TABLE {table} ALTER \"{column}\" TYPE {Types[column]} USING \"{column}\"::{Types[column]}");
            }
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
