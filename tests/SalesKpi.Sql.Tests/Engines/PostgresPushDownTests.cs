using Npgsql;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Engines;

/// <summary>The cases worked by hand in <see cref="PushDownByHandTests"/>, on a real PostgreSQL server.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresPushDownTests(PostgresServer server)
{
    [Fact]
    public async Task NewYork_PeriodsAndCycleDays_FollowTheLocalCalendar()
    {
        await using var connection = await OpenAsync("byhand_new_york");
        await PushDownByHandTests.AssertNewYorkAsync(connection, SqlDialect.PostgreSql);
    }

    [Fact]
    public async Task ExchangeRates_ConvertEachDaysSum_AtThatDaysRate()
    {
        await using var connection = await OpenAsync("byhand_rates");
        await PushDownByHandTests.AssertExchangeRatesAsync(connection, SqlDialect.PostgreSql);
    }

    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connectionString = server.CreateDatabase(database);
        await SqlTestDatabase.LoadPostgresAsync(connectionString, PushDownByHandTests.Data());
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
