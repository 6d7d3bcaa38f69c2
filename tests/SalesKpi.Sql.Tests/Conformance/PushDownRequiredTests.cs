using Microsoft.Data.Sqlite;
using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Reporting;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>
/// <see cref="SqlPushDown.Required"/>: a KPI the SQL cannot express fails the evaluation before any query runs, with a
/// <see cref="SqlKpiException"/> that names it; a query the SQL can express is computed wholly in the database.
/// </summary>
public sealed class PushDownRequiredTests
{
    private const string Accumulator = "it has its own accumulator, which reads whole records (give it a KpiMeasure to compute it in the database)";

    private static readonly DateInterval Year = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));

    public static TheoryData<string, string, string, string> Refused => new()
    {
        // A query of a KPI the database computes and one it cannot: the second is named.
        { ConformanceQueries.LargeDealsCalculator.KpiId, "none", "revenue large-deals", Accumulator },
        {
            "large-deals-where", "none", "new-leads large-deals-where",
            "a condition reads whole records (KpiRecords.Where<TRecord>); conditions on traits (kind, outcomes, source, status) can be computed in the database"
        },
        { KpiIds.Calls, "source", "new-leads calls", "grouping activities by source follows the links between records (an opportunity's lead, a deal's opportunity)" },
        { ConformanceQueries.LargeDealsCalculator.KpiId, "rep", "large-deals large-deals-where", Accumulator },

        // A filtered KPI is named by its own id, not by the KPI it filters (deals-won, which the database computes).
        { "web-deals-won", "none", "deals-won web-deals-won", "the filter 'source web' reads whole deals (a predicate of its own, or a link to another collection)" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task EvaluateAsync_Required_KpiTheSqlCannotExpress_ThrowsNamingItBeforeOpeningTheConnection(string kpiId, string groupBy, string kpis, string reason)
    {
        // A database that cannot be opened: any attempt to query it would throw SqliteException, not SqlKpiException.
        await using var connection = Unopenable();
        var source = new SqlKpiSource(connection, SqlDialect.Sqlite) { PushDown = SqlPushDown.Required };
        var query = Query(kpis, groupBy);

        var error = await Assert.ThrowsAsync<SqlKpiException>(() => new KpiEvaluator().EvaluateAsync(source, query));

        Assert.Equal(kpiId, error.KpiId);
        Assert.Equal(
            $"KPI '{kpiId}' cannot be computed in the database (SQLite): {reason}. Evaluate it in memory (SqlPushDown.WhenPossible) or leave it out of the query.",
            error.Message);
        Assert.Null(error.Table);
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        Assert.Throws<SqliteException>(connection.Open);
    }

    [Fact]
    public async Task AccumulateAndExplain_Required_KpiWithItsOwnAccumulator_ThrowNamingIt()
    {
        await using var connection = Unopenable();
        var source = new SqlKpiSource(connection, SqlDialect.Sqlite) { PushDown = SqlPushDown.Required };
        var query = Query("deals-won large-deals", "team");
        var evaluator = new KpiEvaluator();

        var accumulate = await Assert.ThrowsAsync<SqlKpiException>(() => evaluator.AccumulateAsync(source, query));
        var explain = await Assert.ThrowsAsync<SqlKpiException>(() => evaluator.ExplainAsync(source, query));

        Assert.Equal(ConformanceQueries.LargeDealsCalculator.KpiId, accumulate.KpiId);
        Assert.Equal(ConformanceQueries.LargeDealsCalculator.KpiId, explain.KpiId);
        Assert.StartsWith("KPI 'large-deals' cannot be computed in the database (SQLite): " + Accumulator, explain.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_Required_SameKpiUnderWhenPossible_IsComputedInMemory()
    {
        await using var connection = SqlTestDatabase.OpenDuckDb(SqlTestDatabase.Sample);
        var query = Query("revenue large-deals", "rep");
        var evaluator = new KpiEvaluator();

        var plan = await evaluator.ExplainAsync(new SqlKpiSource(connection, SqlDialect.DuckDb), query);
        var report = await evaluator.EvaluateAsync(new SqlKpiSource(connection, SqlDialect.DuckDb), query);

        Assert.Equal<string>([KpiIds.Revenue], plan.PushedDown);
        Assert.Equal<KeyValuePair<string, string>>([new(ConformanceQueries.LargeDealsCalculator.KpiId, Accumulator)], plan.InMemory);
        ReportComparison.AssertSame(evaluator.Evaluate(SqlTestDatabase.Sample, query), report, "revenue and large-deals by rep");
    }

    [Fact]
    public async Task ExplainAsync_AKpiAndTheSameKpiFiltered_ListsEachUnderItsOwnId()
    {
        await using var connection = SqlTestDatabase.OpenSqlite(SqlTestDatabase.Sample);
        var renewals = Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue");
        var webDeals = Kpis.DealsWon.Where(KpiFilter.Source("web"), "web-deals-won");
        var query = new KpiQuery(Year, [Kpis.Revenue, renewals, Kpis.DealsWon, webDeals, renewals.PeriodOverPeriod("renewal-revenue-growth")], KpiGrouping.ByRep, PeriodUnit.Quarter);

        var plan = await new KpiEvaluator().ExplainAsync(new SqlKpiSource(connection, SqlDialect.Sqlite), query);

        // The growth is computed from its part, renewal-revenue, as a KPI made of others is.
        Assert.Equal<string>([KpiIds.Revenue, "renewal-revenue", KpiIds.DealsWon], plan.PushedDown);
        Assert.Equal("web-deals-won", Assert.Single(plan.InMemory).Key);
    }

    [Theory]
    [InlineData(SqlEngine.DuckDb)]
    [InlineData(SqlEngine.Sqlite)]
    public async Task EvaluateAsync_Required_EveryBuiltInTheSqlExpresses_IsComputedInTheDatabaseAlone(SqlEngine engine)
    {
        var data = SqlTestDatabase.Sample;
        await using var connection = engine == SqlEngine.DuckDb ? (System.Data.Common.DbConnection)SqlTestDatabase.OpenDuckDb(data) : SqlTestDatabase.OpenSqlite(data);
        var source = new SqlKpiSource(connection, engine == SqlEngine.DuckDb ? SqlDialect.DuckDb : SqlDialect.Sqlite) { PushDown = SqlPushDown.Required };
        var query = new KpiQuery(Year, [.. Kpis.All.Where(k => ConformanceRunner.PushedBuiltInIds.Contains(k.Id))], KpiGrouping.ByTeam, PeriodUnit.Month);
        var evaluator = new KpiEvaluator(KpiSettings.Default.WithZone(ConformanceDataSets.NewYork));

        var plan = await evaluator.ExplainAsync(source, query);
        var report = await evaluator.EvaluateAsync(source, query);

        Assert.Equal(ConformanceRunner.PushedBuiltInIds.Count, plan.PushedDown.Length);
        Assert.Empty(plan.InMemory);
        Assert.Equal<string>(["reps"], plan.FetchedTables); // The roster only: no records are read into memory.
        ReportComparison.AssertSame(evaluator.Evaluate(data, query), report, $"the pushed-down built-ins in {engine}");
    }

    private static SqliteConnection Unopenable() =>
        new($"Data Source={Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "crm.db")};Mode=ReadOnly");

    [Fact]
    public async Task EvaluateAsync_Required_TimeWindow_ThrowsNamingIt()
    {
        // A window's queries run in memory over the fetched tables: a query that must run wholly in the database refuses it.
        await using var connection = Unopenable();
        var source = new SqlKpiSource(connection, SqlDialect.Sqlite) { PushDown = SqlPushDown.Required };
        var query = new KpiQuery(Year, [Kpis.Revenue, Kpis.Revenue.Rolling(Period.FromDays(90))], per: PeriodUnit.Month);

        var error = await Assert.ThrowsAsync<SqlKpiException>(() => new KpiEvaluator().EvaluateAsync(source, query));

        Assert.Equal("revenue-rolling-90d", error.KpiId);
        Assert.Equal(
            "KPI 'revenue-rolling-90d' cannot be computed in the database (SQLite): time windows (rolling, to-date, cumulative, last year) are evaluated in memory. Evaluate it in memory (SqlPushDown.WhenPossible) or leave it out of the query.",
            error.Message);
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    private static KpiQuery Query(string kpis, string groupBy) => new(
        Year,
        [.. kpis.Split(' ').Select(Kpi)],
        ConformanceQueries.Groupings.Single(g => g.Name == groupBy).Grouping,
        PeriodUnit.Month);

    private static KpiCalculator Kpi(string id) =>
        Kpis.All.FirstOrDefault(k => k.Id == id) ?? ConformanceQueries.Custom.Single(k => k.Id == id);
}
