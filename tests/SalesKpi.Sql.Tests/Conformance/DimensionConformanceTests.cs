using SalesKpi.Reporting;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>
/// Groupings and filters by dimensions are not pushed down (the tables have no dimension columns): the executor declines
/// them and they are evaluated in memory, giving the in-memory report.
/// </summary>
public sealed class DimensionConformanceTests
{
    [Fact]
    public async Task EvaluateAsync_DimensionGroupingsAndFilters_EqualInMemory()
    {
        var set = ConformanceDataSets.Get("generated_spring");
        await using var connection = SqlTestDatabase.OpenSqlite(set.Data);
        var source = new SqlKpiSource(connection, SqlDialect.Sqlite);
        var evaluator = new KpiEvaluator(set.Settings(ConformanceDataSets.Utc));
        var west = KpiFilter.Parse("office=West");
        foreach (var query in new[]
        {
            new KpiQuery(set.Range, [.. Kpis.All], KpiGrouping.ByDimension("office"), PeriodUnit.Month),
            new KpiQuery(set.Range, [.. Kpis.All], KpiGrouping.FromName("office/rep"), PeriodUnit.Month),
            new KpiQuery(set.Range, [Kpis.Calls.Where(west, "west-calls"), Kpis.Revenue.Where(west, "west-revenue"), Kpis.Calls], KpiGrouping.ByTeam, PeriodUnit.Month),
        })
        {
            var expected = evaluator.Evaluate(set.Data, query);
            ReportComparison.AssertSame(expected, await evaluator.EvaluateAsync(source, query), $"SQLite, by {query.GroupBy}");
        }
    }
}
