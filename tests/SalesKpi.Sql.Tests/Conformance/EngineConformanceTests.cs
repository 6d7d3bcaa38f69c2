using Npgsql;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>
/// Issue #20's conformance suite on DuckDB: every data set of <see cref="ConformanceDataSets"/> in every zone, every
/// query of <see cref="ConformanceQueries"/>, computed in the database gives the in-memory report value by value.
/// </summary>
public sealed class DuckDbConformanceTests(InProcessDatabases databases) : IClassFixture<InProcessDatabases>
{
    public static TheoryData<string, string> Cases => ConformanceDataSets.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryQuery_InDuckDb_EqualsInMemory(string dataSet, string zone)
    {
        var set = ConformanceDataSets.Get(dataSet);
        var source = new SqlKpiSource(databases.Get(SqlEngine.DuckDb, set), SqlDialect.DuckDb);

        await ConformanceRunner.AssertPushedDownAsync(source, set, zone);
        await ConformanceRunner.AssertConformsAsync(source, set, zone);
    }
}

/// <summary>The conformance suite on SQLite, whose timestamps and amounts are text: see <see cref="DuckDbConformanceTests"/>.</summary>
public sealed class SqliteConformanceTests(InProcessDatabases databases) : IClassFixture<InProcessDatabases>
{
    public static TheoryData<string, string> Cases => ConformanceDataSets.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryQuery_InSqlite_EqualsInMemory(string dataSet, string zone)
    {
        var set = ConformanceDataSets.Get(dataSet);
        var source = new SqlKpiSource(databases.Get(SqlEngine.Sqlite, set), SqlDialect.Sqlite);

        await ConformanceRunner.AssertPushedDownAsync(source, set, zone);
        await ConformanceRunner.AssertConformsAsync(source, set, zone);
    }
}

/// <summary>
/// The conformance suite on the PostgreSQL test server: a database per data set, loaded on its first case; each case
/// evaluates through a closed connection, which the source opens and closes.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresConformanceTests(PostgresServer server, PostgresConformanceTests.Databases databases) : IClassFixture<PostgresConformanceTests.Databases>
{
    public static TheoryData<string, string> Cases => ConformanceDataSets.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryQuery_InPostgreSql_EqualsInMemory(string dataSet, string zone)
    {
        var set = ConformanceDataSets.Get(dataSet);
        await using var connection = new NpgsqlConnection(await databases.GetAsync(server, set));
        var source = new SqlKpiSource(connection, SqlDialect.PostgreSql);

        await ConformanceRunner.AssertPushedDownAsync(source, set, zone);
        await ConformanceRunner.AssertConformsAsync(source, set, zone);
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    /// <summary>The connection strings of the class's databases, one per data set, created and loaded on first use.</summary>
    public sealed class Databases
    {
        private readonly Dictionary<string, string> _connectionStrings = [];

        public async Task<string> GetAsync(PostgresServer server, ConformanceDataSet dataSet)
        {
            ArgumentNullException.ThrowIfNull(server);
            ArgumentNullException.ThrowIfNull(dataSet);
            if (!_connectionStrings.TryGetValue(dataSet.Name, out var connectionString))
            {
                connectionString = server.CreateDatabase("conformance_" + dataSet.Name);
                await SqlTestDatabase.LoadPostgresAsync(connectionString, dataSet.Data);
                _connectionStrings.Add(dataSet.Name, connectionString);
            }

            return connectionString;
        }
    }
}
