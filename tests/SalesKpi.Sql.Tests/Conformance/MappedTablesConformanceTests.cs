using System.Data.Common;
using Npgsql;
using SalesKpi.Reporting;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>
/// Records under other names, read through a <see cref="SqlTableMapping"/> — every table renamed (<c>crm_leads</c>),
/// every column renamed (<c>c_created_at</c>), the deals read through a query — give the in-memory report: both the SQL
/// of the pushed-down KPIs and the import of the in-memory ones read through the mapping. The layout's own tables are
/// dropped, so that nothing can be read around it.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class MappedTablesConformanceTests(PostgresServer server)
{
    public static TheoryData<SqlEngine> Engines => [SqlEngine.DuckDb, SqlEngine.Sqlite, SqlEngine.PostgreSql];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task EvaluateAsync_EveryTableAndColumnMapped_EqualsInMemory(SqlEngine engine)
    {
        var set = ConformanceDataSets.Get("generated_mixed");
        await using var connection = await OpenAsync(engine, set.Data);
        await RenameAsync(connection);
        var tables = SqlTestDatabase.TableNames.Aggregate(
            SqlTableMapping.Default,
            (mapping, table) => SqlTestDatabase.ColumnNames(table).Aggregate(
                mapping.MapTable(table, table == "deals" ? "SELECT * FROM crm_deals WHERE 1 = 1" : "crm_" + table),
                (m, column) => m.MapColumn(table, column, $"\"c_{column}\"")));
        var source = new SqlKpiSource(connection, Dialect(engine), tables);
        var evaluator = new KpiEvaluator(set.Settings(ConformanceDataSets.Berlin));

        // Without the mapping the database has none of the layout's tables: no records, no groups.
        var byTeam = new KpiQuery(set.Range, [Kpis.NewLeads, Kpis.DealsWon], KpiGrouping.ByTeam, PeriodUnit.Month);
        Assert.Empty((await evaluator.EvaluateAsync(new SqlKpiSource(connection, Dialect(engine)), byTeam)).Groups);
        var expected = evaluator.Evaluate(set.Data, byTeam);
        Assert.Equal<string>(["team-east", "team-west", "(none)"], expected.Groups);
        ReportComparison.AssertSame(expected, await evaluator.EvaluateAsync(source, byTeam), $"{engine} through a mapping, by team");

        foreach (var query in new[]
        {
            new KpiQuery(set.Range, [.. Kpis.All, .. ConformanceQueries.Custom], KpiGrouping.ByRep, PeriodUnit.Week),
            new KpiQuery(set.Range, [.. Kpis.All, .. ConformanceQueries.Custom], KpiGrouping.BySource, PeriodUnit.Month),
        })
        {
            var plan = await evaluator.ExplainAsync(source, query);
            Assert.Contains(KpiIds.NewLeads, plan.PushedDown);
            Assert.Contains("reps", plan.FetchedTables);
            ReportComparison.AssertSame(evaluator.Evaluate(set.Data, query), await evaluator.EvaluateAsync(source, query), $"{engine} through a mapping, by {query.GroupBy.Dimension}");
        }
    }

    private static SqlDialect Dialect(SqlEngine engine) =>
        engine switch { SqlEngine.DuckDb => SqlDialect.DuckDb, SqlEngine.Sqlite => SqlDialect.Sqlite, _ => SqlDialect.PostgreSql };

    private async Task<DbConnection> OpenAsync(SqlEngine engine, SalesData data)
    {
        switch (engine)
        {
            case SqlEngine.DuckDb:
                return SqlTestDatabase.OpenDuckDb(data);
            case SqlEngine.Sqlite:
                return SqlTestDatabase.OpenSqlite(data);
            default:
                var database = server.CreateDatabase("conformance_mapped");
                await SqlTestDatabase.LoadPostgresAsync(database, data);
                var connection = new NpgsqlConnection(database);
                await connection.OpenAsync();
                return connection;
        }
    }

    /// <summary>Copies each layout table to <c>crm_</c>table with each column prefixed <c>c_</c>, and drops the original.</summary>
    private static async Task RenameAsync(DbConnection connection)
    {
        foreach (var table in SqlTestDatabase.TableNames)
        {
            await using var command = connection.CreateCommand();
            var columns = string.Join(", ", SqlTestDatabase.ColumnNames(table).Select(c => $"\"{c}\" AS \"c_{c}\""));
            command.CommandText = $"CREATE TABLE crm_{table} AS SELECT {columns} FROM {table}; DROP TABLE {table};";
            await command.ExecuteNonQueryAsync();
        }
    }
}
