using System.Net.Sockets;
using Npgsql;

namespace SalesKpi.Sql.Tests.Infrastructure;

/// <summary>The PostgreSQL server of the tests runs, keeps test classes apart in databases of their own, and holds a snapshot exactly.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task ConnectionString_AnswersAsPostgreSql15()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version()", connection);

        var version = (string?)await command.ExecuteScalarAsync();

        Assert.StartsWith("PostgreSQL 15.", version, StringComparison.Ordinal);
        Assert.Equal("saleskpi", connection.Database);
    }

    [Fact]
    public async Task LoadPostgresAsync_Sample_ReadsBackAsTheSameRecords()
    {
        var database = server.CreateDatabase("roundtrip_sample");
        await SqlTestDatabase.LoadPostgresAsync(database, SqlTestDatabase.Sample);
        await using var connection = new NpgsqlConnection(database);

        RoundTrip.AssertSameRecords(SqlTestDatabase.Sample, await RoundTrip.ReadBackAsync(connection));
    }

    [Fact]
    public async Task LoadPostgresAsync_Edges_ReadsBackAsTheSameRecords()
    {
        var database = server.CreateDatabase("roundtrip_edges");
        await SqlTestDatabase.LoadPostgresAsync(database, RoundTrip.Edges());
        await using var connection = new NpgsqlConnection(database);

        RoundTrip.AssertSameRecords(RoundTrip.Edges(), await RoundTrip.ReadBackAsync(connection));
    }

    [Fact]
    public async Task LoadPostgresAsync_Sample_StoresTheTypesOfTheLayout()
    {
        var database = server.CreateDatabase("layout_types");
        await SqlTestDatabase.LoadPostgresAsync(database, SqlTestDatabase.Sample);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)
            FROM information_schema.columns WHERE table_name = 'deals'
            """,
            connection);

        Assert.Equal(
            "id text, opportunity_id text, account text, owner text, closed_at timestamp with time zone, amount numeric, currency text, kind text, " +
            "term_start date, term_end date, recurring_monthly numeric",
            await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task CreateDatabase_GivesAnEmptyDatabaseOfItsOwn()
    {
        var first = server.CreateDatabase("apart_one");
        var second = server.CreateDatabase("apart_two");
        await SqlTestDatabase.LoadPostgresAsync(first, RoundTrip.Edges());

        await using var connection = new NpgsqlConnection(second);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);

        Assert.Equal(0L, await command.ExecuteScalarAsync());
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void CreateDatabase_NameThatIsNoPlainIdentifier_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => server.CreateDatabase("x\"; DROP DATABASE saleskpi; --"));

        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public async Task Dispose_StopsTheServerAndDeletesItsFolder()
    {
        // A server of its own, beside the shared one.
        var other = new PostgresServer();
        await using (var connection = new NpgsqlConnection(other.ConnectionString))
        {
            await connection.OpenAsync();
        }

        Assert.NotEqual(server.Port, other.Port);
        Assert.True(Directory.Exists(other.Folder));

        other.Dispose();

        Assert.False(Directory.Exists(other.Folder));
        using var client = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", other.Port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
