using System.Data.Common;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace SalesKpi.Cli;

/// <summary>The SQLite or DuckDB connection a <c>--connection</c> value names: a connection string, or a database file opened read-only.</summary>
internal static class DatabaseFiles
{
    /// <summary>Returns the connection and how the report names it, or null with a bad-usage message.</summary>
    /// <param name="engine"><c>sqlite</c> or <c>duckdb</c>.</param>
    /// <param name="value">The connection string or the file's path, without its engine prefix.</param>
    /// <param name="directoryHint">What to say after "is a directory, not a database file", such as where a directory of files goes.</param>
    /// <param name="error">Why the value names no database.</param>
    public static (DbConnection Connection, string Description)? Open(string engine, string value, string directoryHint, out string? error)
    {
        error = null;
        if (value.Contains('=', StringComparison.Ordinal))
        {
            // A connection string, used as the user wrote it.
            try
            {
                DbConnection connection = engine == "sqlite" ? new SqliteConnection(value) : new DuckDBConnection(value);
                return (connection, engine + ":" + (string.IsNullOrEmpty(connection.DataSource) ? "database" : connection.DataSource));
            }
            catch (ArgumentException e)
            {
                error = $"--connection: '{value}' is not a {engine} connection string: {e.Message}";
                return null;
            }
        }

        if (Directory.Exists(value))
        {
            error = $"--connection: '{value}' is a directory, not a database file{directoryHint}.";
            return null;
        }

        if (!File.Exists(value))
        {
            error = $"--connection: the database file '{value}' does not exist.";
            return null;
        }

        DbConnection file = engine == "sqlite"
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = value, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString())
            : new DuckDBConnection($"Data Source={value};ACCESS_MODE=READ_ONLY");
        return (file, value);
    }
}
