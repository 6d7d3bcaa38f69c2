using System.Data.Common;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Engines;

/// <summary>
/// Small data sets worked by hand, evaluated inside each embedded engine: periods and cycle days across a change to
/// daylight-saving time in New York, money in two currencies with exchange rates by date, and the KPIs that stay in memory.
/// </summary>
public sealed class PushDownByHandTests
{
    private static readonly RepId Ana = new("ana");
    private static readonly RepId Ben = new("ben");
    private static readonly AccountId Acme = new("acme");

    public static TheoryData<SqlEngine> Engines => [SqlEngine.DuckDb, SqlEngine.Sqlite];

    internal static SalesData Data()
    {
        var builder = new SalesDataBuilder()
            .Add(new Rep(Ana, "Ana", new TeamId("north")))
            .Add(new Rep(Ben, "Ben", new TeamId("south")));

        // New York moves to daylight-saving time on 2025-03-09 at 02:00 local (07:00Z).
        // O1: created 2025-03-08T04:30Z = 03-07 23:30 EST, won 2025-03-10T04:30Z = 03-10 00:30 EDT: 3 local days (2 in UTC).
        builder.Add(new Opportunity(new OpportunityId("O1"), Acme, Ana, Instant.FromUtc(2025, 3, 8, 4, 30), new Money(1000m, Currency.USD), OpportunityStatus.Won, Instant.FromUtc(2025, 3, 10, 4, 30)));

        // O2: created 2025-03-01T12:00Z, lost 2025-03-05T12:00Z: 4 days everywhere.
        builder.Add(new Opportunity(new OpportunityId("O2"), Acme, Ana, Instant.FromUtc(2025, 3, 1, 12, 0), new Money(500m, Currency.USD), OpportunityStatus.Lost, Instant.FromUtc(2025, 3, 5, 12, 0)));

        // O3: created 2025-02-01T12:00Z, won 2025-03-31T23:30Z = 03-31 19:30 EDT (March in New York, March in UTC): 58 days.
        builder.Add(new Opportunity(new OpportunityId("O3"), Acme, Ben, Instant.FromUtc(2025, 2, 1, 12, 0), new Money(3000m, Currency.USD), OpportunityStatus.Won, Instant.FromUtc(2025, 3, 31, 23, 30)));

        // Deals: D1 closes 2025-03-01T04:30Z = 02-28 23:30 EST, February in New York but March in UTC.
        builder.Add(new Deal(new DealId("D1"), Acme, Ana, Instant.FromUtc(2025, 3, 1, 4, 30), new Money(1000.25m, Currency.USD)));
        builder.Add(new Deal(new DealId("D2"), Acme, Ana, Instant.FromUtc(2025, 3, 10, 15, 0), new Money(200.10m, Currency.EUR), DealKind.Renewal));
        builder.Add(new Deal(new DealId("D3"), Acme, Ben, Instant.FromUtc(2025, 3, 11, 15, 0), new Money(300.05m, Currency.EUR), DealKind.Renewal));

        // Calls: one on each side of the New York midnight that starts March (05:00Z).
        builder.AddActivity(new ActivityId("A1"), SalesActivityKind.Call, Ana, Instant.FromUtc(2025, 3, 1, 4, 59), ActivityOutcomes.Connected);
        builder.AddActivity(new ActivityId("A2"), SalesActivityKind.Call, Ana, Instant.FromUtc(2025, 3, 1, 5, 0));
        builder.AddActivity(new ActivityId("A3"), SalesActivityKind.Email, Ben, Instant.FromUtc(2025, 3, 2, 9, 0), ActivityOutcomes.Delivered | ActivityOutcomes.Opened);
        return builder.Build();
    }

    private static DbConnection Open(SqlEngine engine, SalesData data) => engine switch
    {
        SqlEngine.DuckDb => SqlTestDatabase.OpenDuckDb(data),
        _ => SqlTestDatabase.OpenSqlite(data),
    };

    private static SqlDialect DialectOf(SqlEngine engine) => engine == SqlEngine.DuckDb ? SqlDialect.DuckDb : SqlDialect.Sqlite;

    private static KpiQuery Months(params KpiCalculator[] kpis) =>
        new(new DateInterval(new LocalDate(2025, 2, 1), new LocalDate(2025, 3, 31)), kpis, KpiGrouping.ByTeam, PeriodUnit.Month);

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task NewYork_PeriodsAndCycleDays_FollowTheLocalCalendar(SqlEngine engine)
    {
        await using var connection = Open(engine, Data());
        await AssertNewYorkAsync(connection, DialectOf(engine));
    }

    internal static async Task AssertNewYorkAsync(DbConnection connection, SqlDialect dialect)
    {
        var evaluator = new KpiEvaluator(KpiSettings.Default.WithZone("America/New_York"));
        var report = await evaluator.EvaluateAsync(new SqlKpiSource(connection, dialect), Months(Kpis.Calls, Kpis.SalesCycleLength, Kpis.CloseRate, Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.NewBusiness), "new-revenue")));

        KpiValue Value(string team, string month, string kpi) => report.Rows.Single(r => r.Group == team && r.Period.Label == month && r.KpiId == kpi).Value;

        // Calls of north: A1 at 04:59Z is 23:59 EST on 02-28 (February); A2 at 05:00Z is midnight of 03-01 (March).
        Assert.Equal(1m, Value("north", "2025-02", KpiIds.Calls).Value);
        Assert.Equal(1m, Value("north", "2025-03", KpiIds.Calls).Value);

        // Sales cycle of north in March: O1 only (won), 3 local days; of south: O3, from 02-01 to 03-31 = 28 + 30 = 58 days.
        Assert.Equal(3m, Value("north", "2025-03", KpiIds.SalesCycleLength).Value);
        Assert.Equal(58m, Value("south", "2025-03", KpiIds.SalesCycleLength).Value);

        // Close rate of north in March: O1 won of O1, O2 closed = 1 / 2.
        Assert.Equal(0.5m, Value("north", "2025-03", KpiIds.CloseRate).Value);

        // New business of north: D1 (1,000.25 USD) closed on 02-28 in New York: February, and nothing in March.
        Assert.Equal(1000.25m, Value("north", "2025-02", "new-revenue").Value);
        Assert.Equal(0m, Value("north", "2025-03", "new-revenue").Value);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Utc_TheSameRecords_FallInOtherPeriodsAndDays(SqlEngine engine)
    {
        await using var connection = Open(engine, Data());
        var evaluator = new KpiEvaluator(KpiSettings.Default);
        var report = await evaluator.EvaluateAsync(new SqlKpiSource(connection, DialectOf(engine)), Months(Kpis.Calls, Kpis.SalesCycleLength));

        KpiValue Value(string team, string month, string kpi) => report.Rows.Single(r => r.Group == team && r.Period.Label == month && r.KpiId == kpi).Value;

        // In UTC both calls are on 03-01, and O1's cycle is 03-08 to 03-10: 2 days.
        Assert.Equal(0m, Value("north", "2025-02", KpiIds.Calls).Value);
        Assert.Equal(2m, Value("north", "2025-03", KpiIds.Calls).Value);
        Assert.Equal(2m, Value("north", "2025-03", KpiIds.SalesCycleLength).Value);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task ExchangeRates_ConvertEachDaysSum_AtThatDaysRate(SqlEngine engine)
    {
        await using var connection = Open(engine, Data());
        await AssertExchangeRatesAsync(connection, DialectOf(engine));
    }

    internal static async Task AssertExchangeRatesAsync(DbConnection connection, SqlDialect dialect)
    {
        // EUR at 1.10 USD on 2025-03-10 and 1.20 on 2025-03-11 (UTC dates); D2 and D3 are renewals of 200.10 and 300.05 EUR.
        var rates = new Rates();
        var evaluator = new KpiEvaluator(KpiSettings.Default.WithReportingCurrency(Currency.USD, rates));
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)), [Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewals")]);
        var report = await evaluator.EvaluateAsync(new SqlKpiSource(connection, dialect), query);

        // 200.10 × 1.10 + 300.05 × 1.20 = 220.110 + 360.060 = 580.170 USD.
        var value = Assert.Single(report.Rows).Value;
        Assert.Equal(580.17m, value.Value);
        Assert.Equal(Currency.USD, value.Currency);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AnUnpricedDay_IsCountedApart(SqlEngine engine)
    {
        await using var connection = Open(engine, Data());

        // No rate on 2025-03-11: D3 (300.05 EUR) is unpriced; D2 is 200.10 × 1.10 = 220.11 USD.
        var evaluator = new KpiEvaluator(KpiSettings.Default.WithReportingCurrency(Currency.USD, new Rates(withoutMarch11: true)));
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)), [Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewals")]);
        var report = await evaluator.EvaluateAsync(new SqlKpiSource(connection, DialectOf(engine)), query);

        var value = Assert.Single(report.Rows).Value;
        Assert.Equal(220.11m, value.Value);
        Assert.Equal(1, value.UnpricedCount);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AKpiWithItsOwnAccumulator_IsComputedInMemory_FromItsTableOnly(SqlEngine engine)
    {
        await using var connection = Open(engine, Data());
        var evaluator = new KpiEvaluator(KpiSettings.Default);
        var emails = new MeasureKpiCalculator("opened-emails", KpiMeasure.Count(KpiRecords.Activities.Where<SalesActivity>(a => a.Outcomes.HasFlag(ActivityOutcomes.Opened), "opened")));
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)), [emails, Kpis.Calls]);
        var source = new SqlKpiSource(connection, DialectOf(engine));

        var plan = await evaluator.ExplainAsync(source, query);
        var report = await evaluator.EvaluateAsync(source, query);

        // The predicate reads whole activities: computed in memory over the activities table (and the roster), calls in SQL.
        Assert.Equal(["calls"], plan.PushedDown.ToArray());
        Assert.Equal("opened-emails", Assert.Single(plan.InMemory).Key);
        Assert.Equal(["reps", "activities"], plan.FetchedTables.ToArray());

        // In March (UTC): A3 is the one opened email; A1 and A2 are the calls.
        Assert.Equal(1m, report.Rows.Single(r => r.KpiId == "opened-emails").Value.Value);
        Assert.Equal(2m, report.Rows.Single(r => r.KpiId == KpiIds.Calls).Value.Value);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task PushDownRequired_AKpiThatCannotBe_FailsBeforeAnyQuery_NamingIt(SqlEngine engine)
    {
        await using var connection = Open(engine, Data());
        var evaluator = new KpiEvaluator(KpiSettings.Default);
        var emails = new MeasureKpiCalculator("opened-emails", KpiMeasure.Count(KpiRecords.Activities.Where<SalesActivity>(a => a.Outcomes.HasFlag(ActivityOutcomes.Opened), "opened")));
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)), [Kpis.Calls, emails]);

        var error = await Assert.ThrowsAsync<SqlKpiException>(() => evaluator.EvaluateAsync(new SqlKpiSource(connection, DialectOf(engine)) { PushDown = SqlPushDown.Required }, query));

        Assert.Equal("opened-emails", error.KpiId);
        Assert.StartsWith("KPI 'opened-emails' cannot be computed in the database", error.Message, StringComparison.Ordinal);
        Assert.Contains("KpiRecords.Where<TRecord>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AnUnknownStatus_IsAnErrorNamingTheTableColumnAndValue(SqlEngine engine)
    {
        await using var connection = Open(engine, Data());
        await using (var update = connection.CreateCommand())
        {
            update.CommandText = "UPDATE opportunities SET status = 'closed-won' WHERE id = 'O1'";
            await update.ExecuteNonQueryAsync();
        }

        var evaluator = new KpiEvaluator(KpiSettings.Default);
        var error = await Assert.ThrowsAsync<SqlKpiException>(() => evaluator.EvaluateAsync(new SqlKpiSource(connection, DialectOf(engine), SqlTableMapping.Default) { Description = "crm" }, Months(Kpis.CloseRate)));

        Assert.Equal("crm/opportunities: status: 'closed-won' (1 row) is not an opportunity status; use open, won or lost; fix the rows, or map the column to an expression that gives one (SqlTableMapping.MapColumn).", error.Message);
        Assert.Equal(("opportunities", "status"), (error.Table, error.Column));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AMissingTable_HasNoRecords_AsAMissingFileHasNone(SqlEngine engine)
    {
        await using var connection = Open(engine, Data());
        await using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP TABLE activities";
            await drop.ExecuteNonQueryAsync();
        }

        var report = await new KpiEvaluator(KpiSettings.Default).EvaluateAsync(new SqlKpiSource(connection, DialectOf(engine)), Months(Kpis.Calls, Kpis.CloseRate));

        // No activities: no calls in any group; the close rate of north in March is still 1 / 2.
        Assert.All(report.Rows.Where(r => r.KpiId == KpiIds.Calls), r => Assert.Equal(0m, r.Value.Value));
        Assert.Equal(0.5m, report.Rows.Single(r => r.Group == "north" && r.Period.Label == "2025-03" && r.KpiId == KpiIds.CloseRate).Value.Value);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AMappedTableAndColumns_AreRead(SqlEngine engine)
    {
        await using var connection = Open(engine, Data());
        await using (var rename = connection.CreateCommand())
        {
            rename.CommandText = "CREATE TABLE crm_calls AS SELECT id AS call_id, owner AS agent, kind AS channel, occurred_at AS at_time FROM activities; DROP TABLE activities";
            await rename.ExecuteNonQueryAsync();
        }

        var tables = SqlTableMapping.Default
            .MapTable("activities", "crm_calls")
            .MapColumn("activities", "id", "call_id")
            .MapColumn("activities", "owner", "agent")
            .MapColumn("activities", "kind", "channel")
            .MapColumn("activities", "occurred_at", "at_time");
        var report = await new KpiEvaluator(KpiSettings.Default).EvaluateAsync(new SqlKpiSource(connection, DialectOf(engine), tables), Months(Kpis.Calls));

        // A1 and A2 of Ana (north) in March (UTC); the mapped table has no outcomes column, which is optional.
        Assert.Equal(2m, report.Rows.Single(r => r.Group == "north" && r.Period.Label == "2025-03").Value.Value);
    }

    [Fact]
    public void ImportOptions_InAZoneOtherThanUtc_AreRefused_AsTheDatabaseReadsZonelessTimestampsAsUtc()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqlKpiSource(new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:"), SqlDialect.Sqlite)
        {
            ImportOptions = new Csv.CsvImportOptions { Zone = DateTimeZoneProviders.Tzdb["America/New_York"] },
        });

        Assert.StartsWith("ImportOptions.Zone is America/New_York; with a database it must be UTC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_RealAmounts_AreSummedAsTheirTenDecimals()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            // REAL amounts whose text has an exponent: 0.00001 is '1.0e-05', 1e15 is '1.0e+15'.
            create.CommandText = """
                CREATE TABLE deals (id TEXT, account TEXT, owner TEXT, closed_at TEXT, amount REAL, currency TEXT, kind TEXT);
                INSERT INTO deals VALUES ('d1', 'acme', 'ana', '2025-03-03T10:00:00Z', 0.00001, 'USD', 'new-business'),
                                         ('d2', 'acme', 'ana', '2025-03-04T10:00:00Z', 1e15, 'USD', 'new-business'),
                                         ('d3', 'acme', 'ana', '2025-03-05T10:00:00Z', 2.5, 'USD', 'new-business');
                """;
            await create.ExecuteNonQueryAsync();
        }

        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)), [Kpis.Revenue]);
        var report = await new KpiEvaluator().EvaluateAsync(new SqlKpiSource(connection, SqlDialect.Sqlite) { PushDown = SqlPushDown.Required }, query);

        // 0.00001 + 1,000,000,000,000,000 + 2.5 = 1,000,000,000,000,002.50001.
        Assert.Equal(1_000_000_000_000_002.50001m, Assert.Single(report.Rows).Value.Value);
    }

    [Fact]
    public void Mapping_AMisspeltTable_SuggestsTheNearest()
    {
        var error = Assert.Throws<ArgumentException>(() => SqlTableMapping.Default.MapTable("leds", "crm.leads"));

        Assert.Equal("'leds' is not a table of the SalesKpi layout; did you mean 'leads' or 'reps'? The tables are reps, leads, opportunities, stage_changes, opportunity_history, deals, activities, spend. (Parameter 'table')", error.Message);
    }

    [Fact]
    public void Mapping_AMisspeltColumn_SuggestsTheNearest()
    {
        var error = Assert.Throws<ArgumentException>(() => SqlTableMapping.Default.MapColumn("leads", "ownr", "lead_owner"));

        Assert.StartsWith("The table 'leads' has no column 'ownr'; did you mean 'owner'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duckdb", "DuckDB")]
    [InlineData(" PostgreSQL ", "PostgreSQL")]
    [InlineData("postgres", "PostgreSQL")]
    [InlineData("SQLite", "SQLite")]
    public void Dialect_FromName_AcceptsEveryEngineInAnyCase(string name, string expected) => Assert.Equal(expected, SqlDialect.FromName(name).Name);

    [Fact]
    public void Dialect_FromName_AnUnknownName_ListsTheNames() =>
        Assert.StartsWith("'mysql' is not a SQL dialect; use duckdb, postgres or sqlite.", Assert.Throws<ArgumentException>(() => SqlDialect.FromName("mysql")).Message, StringComparison.Ordinal);

    /// <summary>EUR to USD at 1.10 on 2025-03-10 and 1.20 on 2025-03-11 (or no rate that day).</summary>
    private sealed class Rates(bool withoutMarch11 = false) : IExchangeRateProvider
    {
        public bool TryGetRate(Currency source, Currency target, LocalDate rateDate, out decimal rate)
        {
            rate = rateDate == new LocalDate(2025, 3, 10) ? 1.10m : rateDate == new LocalDate(2025, 3, 11) && !withoutMarch11 ? 1.20m : 0m;
            return source == Currency.EUR && target == Currency.USD && rate > 0m;
        }
    }
}
