using Npgsql;
using SalesKpi.Reporting;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>
/// The database's own time zone does not matter (<see cref="SqlDialect"/>: periods and local dates are computed by
/// SalesKpi and passed as epoch numbers): a session in another zone than the report's, with DST changes of its own,
/// gives the in-memory report.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class SessionZoneConformanceTests(PostgresServer server)
{
    private const string SessionZone = "Asia/Tehran"; // +03:30, no DST since 2022: not a whole hour from any report zone.

    [Fact]
    public async Task EvaluateAsync_DuckDbSessionInAnotherZone_EqualsInMemory()
    {
        var set = ConformanceDataSets.Get("generated_spring");
        await using var connection = SqlTestDatabase.OpenDuckDb(set.Data);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SET TimeZone = '{SessionZone}'";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(SessionZone, await ScalarAsync(connection, "SELECT current_setting('TimeZone')"));
        await AssertSameAsync(new SqlKpiSource(connection, SqlDialect.DuckDb), set);
    }

    [Fact]
    public async Task EvaluateAsync_PostgreSqlSessionInAnotherZone_EqualsInMemory()
    {
        var set = ConformanceDataSets.Get("generated_spring");
        var database = server.CreateDatabase("conformance_session_zone");
        await SqlTestDatabase.LoadPostgresAsync(database, set.Data);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Timezone = SessionZone }.ConnectionString);
        await connection.OpenAsync();

        Assert.Equal(SessionZone, await ScalarAsync(connection, "SHOW TimeZone"));
        await AssertSameAsync(new SqlKpiSource(connection, SqlDialect.PostgreSql), set);
    }

    private static async Task AssertSameAsync(SqlKpiSource source, ConformanceDataSet set)
    {
        foreach (var zone in new[] { ConformanceDataSets.NewYork, ConformanceDataSets.Berlin })
        {
            var evaluator = new KpiEvaluator(set.Settings(zone));
            foreach (var query in new[]
            {
                new KpiQuery(set.Range, Kpis.All, KpiGrouping.ByRep, PeriodUnit.Week),
                new KpiQuery(set.Range, ConformanceQueries.Custom, KpiGrouping.None, PeriodUnit.Month),
            })
            {
                ReportComparison.AssertSame(evaluator.Evaluate(set.Data, query), await evaluator.EvaluateAsync(source, query), $"{source} in a {SessionZone} session, reported in {zone}");
            }
        }
    }

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
