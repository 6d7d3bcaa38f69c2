using Microsoft.Data.Sqlite;
using NodaTime;
using SalesKpi.Csv;
using SalesKpi.Leads;

namespace SalesKpi.Sql.Tests.Infrastructure;

/// <summary>The in-process engines hold a snapshot loaded by <see cref="SqlTestDatabase"/> exactly: read back, it is the same records.</summary>
public sealed class SqlTestDatabaseTests
{
    [Fact]
    public async Task OpenDuckDb_Sample_ReadsBackAsTheSameRecords()
    {
        await using var connection = SqlTestDatabase.OpenDuckDb(SqlTestDatabase.Sample);

        RoundTrip.AssertSameRecords(SqlTestDatabase.Sample, await RoundTrip.ReadBackAsync(connection));
    }

    [Fact]
    public async Task OpenSqlite_Sample_ReadsBackAsTheSameRecords()
    {
        await using var connection = SqlTestDatabase.OpenSqlite(SqlTestDatabase.Sample);

        RoundTrip.AssertSameRecords(SqlTestDatabase.Sample, await RoundTrip.ReadBackAsync(connection));
    }

    [Fact]
    public async Task OpenDuckDb_Edges_ReadsBackAsTheSameRecords()
    {
        await using var connection = SqlTestDatabase.OpenDuckDb(RoundTrip.Edges());

        RoundTrip.AssertSameRecords(RoundTrip.Edges(), await RoundTrip.ReadBackAsync(connection));
    }

    [Fact]
    public async Task OpenSqlite_Edges_ReadsBackAsTheSameRecords()
    {
        await using var connection = SqlTestDatabase.OpenSqlite(RoundTrip.Edges());

        RoundTrip.AssertSameRecords(RoundTrip.Edges(), await RoundTrip.ReadBackAsync(connection));
    }

    [Fact]
    public void Sample_IsTheCsvImportOfTheSampleFiles()
    {
        var imported = new CsvImporter().ImportDirectory(SqlTestDatabase.SampleDirectory);

        Assert.Empty(imported.Rejections);
        Assert.Equal(imported.Data, SqlTestDatabase.Sample);
        Assert.Equal(7, Directory.GetFiles(SqlTestDatabase.SampleDirectory, "*.csv").Length);
    }

    [Fact]
    public void TableNames_AreThoseTheImporterAsksFor()
    {
        Assert.Equal(SqlTableMapping.TableNames, SqlTestDatabase.TableNames);
        Assert.Equal(["channel", "start", "end", "amount", "currency"], SqlTestDatabase.ColumnNames("spend"));
    }

    [Fact]
    public void OpenSqlite_Sample_HoldsTheCsvText()
    {
        using var connection = SqlTestDatabase.OpenSqlite(SqlTestDatabase.Sample);

        // The first rows of the sample files, as the CSV writes them (an empty cell is NULL).
        Assert.Equal("lead-00001|2025-01-02T09:22:00Z|r06|paid-search||", Row(connection, "SELECT * FROM leads LIMIT 1"));
        Assert.Equal("deal-00001||acc-0001|r06|2024-01-10T10:22:00Z|55300.00|USD|new-business|2024-01-10|2025-01-09|4608.33", Row(connection, "SELECT * FROM deals LIMIT 1"));
        Assert.Equal("outbound|2025-01-01|2025-03-31|7500.00|USD", Row(connection, "SELECT * FROM spend LIMIT 1"));
        Assert.Equal("a000001|email|r01|2025-01-02T08:19:00Z|delivered|||", Row(connection, "SELECT * FROM activities LIMIT 1"));
        Assert.Equal("opp-00001|acc-0048|r03|2025-01-03T14:30:00Z|23400.00|USD|lost|2025-01-24T08:16:00Z|||omitted", Row(connection, "SELECT * FROM opportunities LIMIT 1"));
        Assert.Equal("opp-00001|Prospecting|2025-01-03T14:30:00Z", Row(connection, "SELECT * FROM stage_changes LIMIT 1"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM activities WHERE outcomes = ''"));
    }

    [Fact]
    public void OpenSqlite_Edges_WritesFractionsOnlyWhereThereAreSome()
    {
        using var connection = SqlTestDatabase.OpenSqlite(RoundTrip.Edges());

        Assert.Equal("L1|2025-01-06T09:00:00.123456Z||web, paid|2025-01-07T09:00:30Z|", Row(connection, "SELECT * FROM leads"));
        Assert.Equal("connected;delivered;opened;replied;positive;next-appointment", Scalar(connection, "SELECT outcomes FROM activities WHERE id = 'A2'"));
        Assert.Equal("1000000000000000000|0.0000000001", Row(connection, "SELECT amount, recurring_monthly FROM deals"));

        // O1's history: its first entry gives every field; the second only the amount and category, the rest NULL.
        Assert.Equal("O1|2025-01-08T09:00:00Z|1000|EUR|2025-03-31|pipeline|ana", Row(connection, "SELECT * FROM opportunity_history ORDER BY changed_at LIMIT 1"));
        Assert.Equal("O1|2025-01-20T09:00:00.000007Z|1234.5678901234|EUR||commit|", Row(connection, "SELECT * FROM opportunity_history ORDER BY changed_at LIMIT 1 OFFSET 1"));
        Assert.Equal("best-case", Scalar(connection, "SELECT forecast_category FROM opportunities WHERE id = 'O2'"));
    }

    [Fact]
    public void OpenDuckDb_FinerThanAMicrosecond_IsRefusedNotRounded()
    {
        var lead = new Lead(new LeadId("L1"), Instant.FromUtc(2025, 1, 6, 9, 0).PlusNanoseconds(1), "web");

        var error = Assert.Throws<NotSupportedException>(() => SqlTestDatabase.OpenDuckDb(SalesData.Create(leads: [lead])));

        Assert.Equal("leads.created_at: the instant 2025-01-06T09:00:00.000000001Z is finer than a microsecond, which the database cannot hold.", error.Message);
    }

    [Fact]
    public void Schema_DuckDb_UsesTheTypesOfTheLayout()
    {
        var schema = SqlTestDatabase.Schema(SqlEngine.DuckDb);

        Assert.Contains("CREATE TABLE spend (\"channel\" VARCHAR NOT NULL, \"start\" DATE NOT NULL, \"end\" DATE NOT NULL, \"amount\" DECIMAL(38,10) NOT NULL, \"currency\" VARCHAR NOT NULL);", schema, StringComparison.Ordinal);
        Assert.Contains("\"closed_at\" TIMESTAMPTZ,", schema, StringComparison.Ordinal);
    }

    private static string Row(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : reader.GetString(i)));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
