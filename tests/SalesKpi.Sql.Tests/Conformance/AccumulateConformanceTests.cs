using SalesKpi.Reporting;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>
/// <see cref="SqlKpiEvaluatorExtensions.AccumulateAsync"/>: the records split between two databases of different
/// engines, each accumulated where it is and merged, give the in-memory report of all the records.
/// </summary>
public sealed class AccumulateConformanceTests
{
    [Theory]
    [InlineData("generated_mixed", ConformanceDataSets.Berlin)]
    [InlineData("generated_spring", ConformanceDataSets.NewYork)]
    [InlineData("reference", ConformanceDataSets.NewYork)]
    public async Task AccumulateAsync_HalvesInDuckDbAndSqlite_MergeToTheReportOfTheWhole(string dataSet, string zone)
    {
        var set = ConformanceDataSets.Get(dataSet);
        var (first, second) = Halves(set.Data);
        await using var duckDb = SqlTestDatabase.OpenDuckDb(first);
        await using var sqlite = SqlTestDatabase.OpenSqlite(second);
        var evaluator = new KpiEvaluator(set.Settings(zone));

        // By rep: no KPI follows a link between records (a deal's opportunity), which the split may cut. The custom
        // KPIs include some computed in memory from the tables they read.
        var query = new KpiQuery(set.Range, [.. Kpis.All, .. ConformanceQueries.Custom.Where(k => k.Id != "web-deals-won")], KpiGrouping.ByRep, PeriodUnit.Month);
        var merged = await evaluator.AccumulateAsync(new SqlKpiSource(duckDb, SqlDialect.DuckDb), query);
        merged.Merge(await evaluator.AccumulateAsync(new SqlKpiSource(sqlite, SqlDialect.Sqlite), query));

        // Each engine holds at least a quarter of the activities and of the deals.
        Assert.True(4 * Math.Min(first.Activities.Length, second.Activities.Length) >= set.Data.Activities.Length, $"{first} and {second}");
        Assert.True(4 * Math.Min(first.Deals.Length, second.Deals.Length) >= set.Data.Deals.Length, $"{first} and {second}");
        ReportComparison.AssertSame(evaluator.Evaluate(set.Data, query), merged.ToReport(), $"{dataSet} split between DuckDB and SQLite in {zone}");
    }

    /// <summary>
    /// Splits the records into two snapshots, each with the whole roster (the spend in the first): records linked to one
    /// another (a deal to its opportunity, an opportunity to its lead, an activity to either) stay together, as the
    /// import that reads the in-memory KPIs' tables checks the links; the groups of linked records alternate.
    /// </summary>
    private static (SalesData First, SalesData Second) Halves(SalesData data)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Root(string node)
        {
            while (parent.TryGetValue(node, out var up) && up != node)
            {
                node = up;
            }

            return node;
        }

        void Link(string a, string? b)
        {
            parent.TryAdd(a, a);
            if (b is not null)
            {
                parent.TryAdd(b, b);
                parent[Root(a)] = Root(b);
            }
        }

        foreach (var lead in data.Leads)
        {
            Link("L" + lead.Id.Value, null);
        }

        foreach (var opportunity in data.Opportunities)
        {
            Link("O" + opportunity.Id.Value, opportunity.Lead is { } lead ? "L" + lead.Value : null);
        }

        foreach (var deal in data.Deals)
        {
            Link("D" + deal.Id.Value, deal.Opportunity is { } opportunity ? "O" + opportunity.Value : null);
        }

        foreach (var activity in data.Activities)
        {
            Link("A" + activity.Id.Value, activity.Lead is { } lead ? "L" + lead.Value : null);
            Link("A" + activity.Id.Value, activity.Opportunity is { } opportunity ? "O" + opportunity.Value : null);
        }

        var parts = new Dictionary<string, int>(StringComparer.Ordinal);
        bool InFirst(string node) => (parts.TryGetValue(Root(node), out var part) ? part : parts[Root(node)] = parts.Count) % 2 == 0;

        var leads = data.Leads.ToLookup(l => InFirst("L" + l.Id.Value));
        var opportunities = data.Opportunities.ToLookup(o => InFirst("O" + o.Id.Value));
        var deals = data.Deals.ToLookup(d => InFirst("D" + d.Id.Value));
        var activities = data.Activities.ToLookup(a => InFirst("A" + a.Id.Value));
        return (
            SalesData.Create(leads[true], opportunities[true], deals[true], activities[true], data.Spend, data.Roster),
            SalesData.Create(leads[false], opportunities[false], deals[false], activities[false], [], data.Roster));
    }
}
