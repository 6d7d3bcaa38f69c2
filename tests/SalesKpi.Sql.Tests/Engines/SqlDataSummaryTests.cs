using Microsoft.Data.Sqlite;
using NodaTime;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Engines;

/// <summary><see cref="SqlDataSummary"/> over SQLite: counts, the latest instant in whole seconds, currencies, and what a missing table or a bad currency gives.</summary>
public sealed class SqlDataSummaryTests
{
    [Fact]
    public async Task Sample_InSqlite_EqualsTheSnapshot()
    {
        var data = SqlTestDatabase.Sample;
        await using var connection = SqlTestDatabase.OpenSqlite(data);

        var summary = await SqlDataSummary.ReadAsync(new SqlKpiSource(connection, SqlDialect.Sqlite));

        // The sample has no field history: its opportunity_history table is there, empty.
        Assert.Equal(
            $"reps {data.Counts.Reps}, leads {data.Counts.Leads}, opportunities {data.Counts.Opportunities}, stage_changes {data.Counts.StageChanges}, opportunity_history 0, deals {data.Counts.Deals}, activities {data.Counts.Activities}, spend {data.Counts.Spend}",
            string.Join(", ", summary.Rows.Select(r => $"{r.Key} {r.Value}")));
        // The sample's instants are whole minutes: SQLite's whole seconds lose nothing.
        Assert.Equal(data.LatestInstant, summary.LatestInstant);
        Assert.Equal(["USD"], summary.Currencies.Select(c => c.Code));
        Assert.Equal(data.Roster.Reps.ToArray(), summary.Roster.Reps.ToArray());
    }

    [Fact]
    public async Task OnlySomeTables_TheOthersAreNotListed_AndAFractionalSecondIsRoundedDown()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText =
                "CREATE TABLE deals (id TEXT, account TEXT, owner TEXT, closed_at TEXT, amount TEXT, currency TEXT, kind TEXT);" +
                "INSERT INTO deals VALUES ('D1', 'acme', 'ana', '2025-03-01T10:00:00Z', '10.00', 'EUR', 'new-business');" +
                "INSERT INTO deals VALUES ('D2', 'acme', 'ana', '2025-06-30T23:59:59.900+02:00', '20.00', 'USD', 'renewal');";
            await create.ExecuteNonQueryAsync();
        }

        var summary = await SqlDataSummary.ReadAsync(new SqlKpiSource(connection, SqlDialect.Sqlite));

        Assert.Equal("deals 2", string.Join(", ", summary.Rows.Select(r => $"{r.Key} {r.Value}")));
        Assert.Equal(0, summary.RowsOf("leads"));
        // 23:59:59.9 at +02:00 is 21:59:59.9 UTC, in whole seconds 21:59:59.
        Assert.Equal(Instant.FromUtc(2025, 6, 30, 21, 59, 59), summary.LatestInstant);
        Assert.Equal(["EUR", "USD"], summary.Currencies.Select(c => c.Code));
        Assert.Empty(summary.Roster.Reps);
        Assert.Throws<ArgumentException>(() => summary.RowsOf("deal"));
    }

    [Fact]
    public async Task BadCurrency_NamesTableColumnAndValue()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText =
                "CREATE TABLE spend (channel TEXT, start TEXT, \"end\" TEXT, amount TEXT, currency TEXT);" +
                "INSERT INTO spend VALUES ('web', '2025-01-01', '2025-01-31', '5.00', 'usd');";
            await create.ExecuteNonQueryAsync();
        }

        var e = await Assert.ThrowsAsync<SqlKpiException>(() => SqlDataSummary.ReadAsync(new SqlKpiSource(connection, SqlDialect.Sqlite, SqlTableMapping.Default), CancellationToken.None));
        Assert.Equal("spend", e.Table);
        Assert.Equal("currency", e.Column);
        Assert.StartsWith("spend: currency: 'usd' is not an ISO 4217 currency code in upper case", e.Message[(e.Message.IndexOf('/', StringComparison.Ordinal) + 1)..], StringComparison.Ordinal);
    }
}
