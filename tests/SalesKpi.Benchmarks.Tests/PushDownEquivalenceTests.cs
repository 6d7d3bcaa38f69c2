using Npgsql;
using SalesKpi.Reporting;
using SalesKpi.Sql;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Benchmarks.Tests;

/// <summary>
/// The push-down benchmarks' contenders compute the same report: on a small generated data set, the reference report
/// computed inside DuckDB (over <see cref="DuckDbReport"/>'s tables through <see cref="PushDown.DuckDbReportTables"/>, and
/// over tables in the SalesKpi layout) and inside PostgreSQL, and PostgreSQL's rows selected and evaluated in memory (the
/// baseline), each equal the in-memory report row by row — every group, week and KPI, values compared by value (a
/// database's <c>numeric</c> or <c>DECIMAL(38,10)</c> sum may carry more zeros than the snapshot's amounts) — and every
/// KPI but cost per lead (undefined by rep) is computed in the database, only the roster read into memory.
/// </summary>
public sealed class PushDownEquivalenceTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Theory]
    [InlineData("Europe/Istanbul")]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    public async Task DuckDb_PushDown_EqualsTheInMemoryReport(string zone)
    {
        var data = ReferenceData.Generate(3_000, seed: 7);
        var evaluator = new KpiEvaluator(ReferenceReport.Settings(zone), maxDegreeOfParallelism: 1);
        var inMemory = evaluator.Evaluate(data, ReferenceReport.Query);

        using var duckDb = DuckDbReport.Load(data, zone, threads: 2);
        PushDown.AddRoster(duckDb, data);
        var sameTables = new SqlKpiSource(duckDb.Connection, SqlDialect.DuckDb, PushDown.DuckDbReportTables);
        using var layout = SqlTestDatabase.OpenDuckDb(data);
        var layoutTables = new SqlKpiSource(layout, SqlDialect.DuckDb);

        AssertPushedDown(await evaluator.ExplainAsync(sameTables, ReferenceReport.Query));
        AssertPushedDown(await evaluator.ExplainAsync(layoutTables, ReferenceReport.Query));
        AssertSameReport(inMemory, await PushDown.EvaluateAsync(evaluator, sameTables));
        AssertSameReport(inMemory, await PushDown.EvaluateAsync(evaluator, layoutTables));
    }

    [Theory]
    [InlineData("Europe/Istanbul", "pushdown_istanbul")]
    [InlineData("America/New_York", "pushdown_new_york")]
    public async Task PostgreSql_PushDownAndSelectThenEvaluate_EqualTheInMemoryReport(string zone, string database)
    {
        var data = ReferenceData.Generate(3_000, seed: 7);
        var evaluator = new KpiEvaluator(ReferenceReport.Settings(zone), maxDegreeOfParallelism: 1);
        var inMemory = evaluator.Evaluate(data, ReferenceReport.Query);
        var connectionString = server.CreateDatabase(database);
        await SqlTestDatabase.LoadPostgresAsync(connectionString, data);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var source = new SqlKpiSource(connection, SqlDialect.PostgreSql);

        AssertPushedDown(await evaluator.ExplainAsync(source, ReferenceReport.Query));
        AssertSameReport(inMemory, await PushDown.EvaluateAsync(evaluator, source));
        AssertSameReport(inMemory, await PushDown.SelectThenEvaluateAsync(evaluator, connection));
    }

    private static void AssertPushedDown(SqlKpiPlan plan)
    {
        // Nothing is computed in memory (the plan names the computed measures, not the KPIs: call-to-meeting is two of them).
        Assert.Empty(plan.InMemory);
        Assert.Contains(ReferenceReport.Ids.Calls, plan.PushedDown);
        Assert.Contains(ReferenceReport.Ids.SalesCycle, plan.PushedDown);
        Assert.Equal("reps", Assert.Single(plan.FetchedTables));

        // One statement per table and timestamp: activities, leads created and qualified, opportunities and deals closed.
        Assert.Equal(["activities", "leads", "leads", "opportunities", "deals"], plan.Statements.Select(s => s.Table));
    }

    private static void AssertSameReport(KpiReport expected, KpiReport actual)
    {
        // The comparable form first, for a readable message; then every row, values by value.
        var table = ReferenceReport.ToTable(expected);
        Assert.True(table.Entries.Count > 1_000, $"Only {table.Entries.Count} entries: the check would prove little.");
        Assert.Empty(table.Differences(ReferenceReport.ToTable(actual)));

        Assert.Equal(expected.Groups.ToArray(), actual.Groups.ToArray());
        Assert.Equal(expected.Rows.Length, actual.Rows.Length);
        var differences = new List<string>();
        for (var i = 0; i < expected.Rows.Length; i++)
        {
            var (e, a) = (expected.Rows[i], actual.Rows[i]);
            if (e.Group != a.Group || e.Period.Label != a.Period.Label || e.KpiId != a.KpiId || e.Value != a.Value)
            {
                differences.Add($"{e.Group} | {e.Period.Label} | {e.KpiId}: {e.Value} vs {a.Group} | {a.Period.Label} | {a.KpiId}: {a.Value}");
            }
        }

        Assert.Empty(differences.Take(20));
    }
}
