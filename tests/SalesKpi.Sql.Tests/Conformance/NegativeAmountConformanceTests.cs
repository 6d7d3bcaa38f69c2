using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>
/// An opportunity's amount may be negative in a snapshot made in code (a credit), and the database does not check rows
/// as an import does (docs/sql.md): summed in the database, negative amounts give the in-memory sums on every engine.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class NegativeAmountConformanceTests(PostgresServer server)
{
    public static TheoryData<SqlEngine> Engines => [SqlEngine.DuckDb, SqlEngine.Sqlite, SqlEngine.PostgreSql];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task EvaluateAsync_NegativeOpportunityAmounts_SumAsInMemory(SqlEngine engine)
    {
        var rep = new RepId("r1");
        var at = Instant.FromUtc(2025, 3, 3, 9, 0);
        decimal[] amounts = [-1.50m, -0.25m, 1_000.10m, -0.0000000001m, -7m];
        var data = SalesData.Create(opportunities: amounts.Select((a, i) => new Opportunity(new OpportunityId($"O{i}"), new AccountId("acc1"), rep, at, new Money(a, Currency.USD))));
        var database = engine == SqlEngine.PostgreSql ? server.CreateDatabase("conformance_negative") : null;
        if (database is not null)
        {
            await SqlTestDatabase.LoadPostgresAsync(database, data);
        }

        await using System.Data.Common.DbConnection connection = engine switch
        {
            SqlEngine.DuckDb => SqlTestDatabase.OpenDuckDb(data),
            SqlEngine.Sqlite => SqlTestDatabase.OpenSqlite(data),
            _ => new Npgsql.NpgsqlConnection(database),
        };
        var dialect = engine switch { SqlEngine.DuckDb => SqlDialect.DuckDb, SqlEngine.Sqlite => SqlDialect.Sqlite, _ => SqlDialect.PostgreSql };
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)), [Kpis.NewOpportunities]);

        var report = await new KpiEvaluator().EvaluateAsync(new SqlKpiSource(connection, dialect) { PushDown = SqlPushDown.Required }, query);

        // -1.50 - 0.25 + 1,000.10 - 0.0000000001 - 7 = 991.3499999999 USD over 5 opportunities.
        var value = Assert.Single(report.Rows).Value;
        Assert.Equal(5m, value.Value);
        Assert.Equal(new Money(991.3499999999m, Currency.USD), value.Amount);
        ReportComparison.AssertSame(new KpiEvaluator().Evaluate(data, query), report, $"negative amounts in {engine}");
    }
}
