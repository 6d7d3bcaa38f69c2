using System.Data.Common;
using Npgsql;
using SalesKpi.Reporting;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>
/// Timestamps stored without a time zone (DuckDB <c>TIMESTAMP</c>, PostgreSQL <c>timestamp</c>) are read as UTC, as
/// docs/sql.md says: both by the SQL of the pushed-down KPIs and by the import of the in-memory ones (whose default
/// zone is UTC), so the report is the in-memory report of the same instants.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class TimestampWithoutZoneConformanceTests(PostgresServer server)
{
    private static readonly (string Table, string Column)[] Instants =
    [
        ("leads", "created_at"), ("leads", "qualified_at"), ("leads", "converted_at"), ("opportunities", "created_at"), ("opportunities", "closed_at"),
        ("stage_changes", "entered_at"), ("deals", "closed_at"), ("activities", "occurred_at"),
    ];

    public static TheoryData<SqlEngine> Engines => [SqlEngine.DuckDb, SqlEngine.PostgreSql];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task EvaluateAsync_TimestampsWithoutZone_AreReadAsUtc(SqlEngine engine)
    {
        var set = ConformanceDataSets.Get("generated_autumn");
        await using var connection = await OpenAsync(engine, set.Data);
        var source = new SqlKpiSource(connection, engine == SqlEngine.DuckDb ? SqlDialect.DuckDb : SqlDialect.PostgreSql);

        Assert.Equal(engine == SqlEngine.DuckDb ? "TIMESTAMP" : "timestamp without time zone", await TypeOfAsync(connection));
        foreach (var zone in new[] { ConformanceDataSets.Utc, ConformanceDataSets.Berlin })
        {
            var evaluator = new KpiEvaluator(set.Settings(zone));
            foreach (var query in new[]
            {
                new KpiQuery(set.Range, [.. Kpis.All, .. ConformanceQueries.Custom], KpiGrouping.ByRep, PeriodUnit.Week),
                new KpiQuery(set.Range, [.. Kpis.All, .. ConformanceQueries.Custom], KpiGrouping.BySource, PeriodUnit.Month),
            })
            {
                ReportComparison.AssertSame(evaluator.Evaluate(set.Data, query), await evaluator.EvaluateAsync(source, query), $"{engine} with timestamps without a zone, in {zone}");
            }
        }
    }

    private async Task<DbConnection> OpenAsync(SqlEngine engine, SalesData data)
    {
        DbConnection connection;
        string alter;
        if (engine == SqlEngine.DuckDb)
        {
            connection = SqlTestDatabase.OpenDuckDb(data);

            // The conversion from TIMESTAMPTZ takes the session's zone: UTC, so that the wall times are the UTC times.
            alter = "SET TimeZone = 'UTC';" + string.Concat(Instants.Select(i => $"ALTER TABLE {i.Table} ALTER \"{i.Column}\" TYPE TIMESTAMP;"));
        }
        else
        {
            var database = server.CreateDatabase("conformance_timestamp");
            await SqlTestDatabase.LoadPostgresAsync(database, data);
            connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            alter = string.Concat(Instants.Select(i => $"ALTER TABLE {i.Table} ALTER COLUMN \"{i.Column}\" TYPE timestamp USING \"{i.Column}\" AT TIME ZONE 'UTC';"));
        }

        await using var command = connection.CreateCommand();
        command.CommandText = alter;
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<object?> TypeOfAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data_type FROM information_schema.columns WHERE table_name = 'deals' AND column_name = 'closed_at'";
        return await command.ExecuteScalarAsync();
    }
}
