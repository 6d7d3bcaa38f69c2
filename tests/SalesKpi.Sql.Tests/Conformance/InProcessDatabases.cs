using System.Data.Common;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>The in-process databases of one test class: each data set loaded once into an in-memory DuckDB or SQLite database, kept open for every zone.</summary>
public sealed class InProcessDatabases : IDisposable
{
    private readonly Dictionary<(SqlEngine Engine, string DataSet), DbConnection> _connections = [];
    private readonly Lock _lock = new();

    /// <summary>Returns the open connection to the database holding a data set, loading it on the first call.</summary>
    public DbConnection Get(SqlEngine engine, ConformanceDataSet dataSet)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        lock (_lock)
        {
            if (!_connections.TryGetValue((engine, dataSet.Name), out var connection))
            {
                connection = engine switch
                {
                    SqlEngine.DuckDb => SqlTestDatabase.OpenDuckDb(dataSet.Data),
                    SqlEngine.Sqlite => SqlTestDatabase.OpenSqlite(dataSet.Data),
                    _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "not an in-process engine"),
                };
                _connections.Add((engine, dataSet.Name), connection);
            }

            return connection;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var connection in _connections.Values)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }
    }
}
