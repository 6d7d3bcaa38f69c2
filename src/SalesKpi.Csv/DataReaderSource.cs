using System.Collections.Immutable;
using System.Data;
using System.Data.Common;
using System.Globalization;

namespace SalesKpi.Csv;

/// <summary>
/// Where the tables of a data set come from when they are not CSV files: any ADO.NET database
/// (<see cref="FromConnection"/>), or any other store that can hand its tables over as a <see cref="DbDataReader"/>,
/// through a subclass (the Parquet files of SalesKpi.Parquet).
/// </summary>
/// <remarks>
/// <para>An import asks for each table by name and reads it to the end, once. Without a mapping the names are those of
/// the SalesKpi files without <c>.csv</c>, with <c>_</c> for <c>-</c>: <c>reps</c>, <c>leads</c>, <c>opportunities</c>,
/// <c>stage_changes</c>, <c>opportunity_history</c>, <c>deals</c>, <c>activities</c>, <c>spend</c>, each optional, and their columns those of the
/// files (<c>id</c>, <c>created_at</c>, …). With a <see cref="CsvMapping"/>, each entry's <c>source</c> is a name this
/// source understands: for a database, a table, a view or a query.</para>
/// </remarks>
/// <threadsafety>Implementations must be safe to use from one import at a time.</threadsafety>
public abstract class DataReaderSource
{
    /// <summary>Initializes a source.</summary>
    protected DataReaderSource()
    {
    }

    /// <summary>
    /// Gets the names an import asks a source for when there is no mapping, in the order it reads them: <c>reps</c>,
    /// <c>leads</c>, <c>opportunities</c>, <c>stage_changes</c>, <c>opportunity_history</c>, <c>deals</c>, <c>activities</c>, <c>spend</c>.
    /// </summary>
    public static ImmutableArray<string> TableNames { get; } = [.. CsvTable.All.Select(TableName)];

    /// <summary>Gets a short description of the source for messages, such as the database file.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// Returns a source that reads the tables, views and queries of a database. A name with white space in it is a
    /// query (<c>SELECT id, created_at … FROM crm_leads WHERE …</c>), run as it is; any other name is a table or view,
    /// read as <c>SELECT * FROM "name"</c> (a schema-qualified <c>crm.leads</c> is quoted part by part).
    /// </summary>
    /// <param name="connection">The connection. A closed connection is opened for each table and closed when the table
    /// has been read; an open one is left open.</param>
    /// <param name="description">How the database is named in messages; by default the connection's data source.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is null.</exception>
    /// <remarks>
    /// <para>Names are quoted with <c>"</c>, as standard SQL (PostgreSQL, SQLite, DuckDB, SQL Server, Oracle) writes them;
    /// for a database that quotes otherwise (MySQL), give a query. Values keep their type where it says what they are: a
    /// timestamp with a time zone (<see cref="DateTimeOffset"/>, or <see cref="DateTime"/> of kind UTC) is that instant,
    /// a timestamp without one is a wall-clock time in <see cref="CsvImportOptions.Zone"/>, a date is a date and an
    /// integer or decimal an exact amount. A value of any other type (text, a binary floating-point number) is read as
    /// its invariant text, with the rules of a CSV cell.</para>
    /// </remarks>
    public static DataReaderSource FromConnection(DbConnection connection, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new ConnectionSource(connection, description);
    }

    /// <summary>Returns true when the source has a table.</summary>
    /// <param name="name">The table's name, or a mapping's <c>source</c>.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>True when present.</returns>
    public abstract ValueTask<bool> ExistsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Opens a table for reading.</summary>
    /// <param name="name">The table's name, or a mapping's <c>source</c>.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>A reader positioned before the first row, which the caller disposes.</returns>
    /// <exception cref="DbException">The database refuses (no such table, a syntax error in a query); the import turns
    /// it into a <see cref="CsvImportException"/> that names the table.</exception>
    public abstract ValueTask<DbDataReader> OpenAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Returns how a table is named in messages, such as <c>crm.db/leads</c>.</summary>
    /// <param name="name">The table's name, or a mapping's <c>source</c>.</param>
    /// <returns>The name to show.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public virtual string Describe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return $"{Description}/{name}";
    }

    /// <summary>Returns <see cref="Description"/>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;

    /// <summary>Returns the name of a SalesKpi table in a source: its file's name without <c>.csv</c>, with <c>_</c> for <c>-</c>.</summary>
    internal static string TableName(CsvTable table) => table.FileName[..^".csv".Length].Replace('-', '_');

    /// <summary>The tables, views and queries of an ADO.NET connection.</summary>
    private sealed class ConnectionSource(DbConnection connection, string? description) : DataReaderSource
    {
        private const int ShownQueryLength = 48;

        public override string Description =>
            description ?? (string.IsNullOrEmpty(connection.DataSource) ? connection.GetType().Name : connection.DataSource);

        public override ValueTask<bool> ExistsAsync(string name, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(name);
            return IsQuery(name) ? new(true) : TableExistsAsync(name, cancellationToken);
        }

        private async ValueTask<bool> TableExistsAsync(string name, CancellationToken cancellationToken)
        {
            // Opened outside the question, so that a database that cannot be opened says so instead of having no tables.
            var opened = await OpenIfClosedAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // A portable question: every database answers a query that selects no row, and refuses one of a table
                // it does not have.
                await using var reader = await ExecuteAsync($"SELECT * FROM {Quote(name)} WHERE 1 = 0", cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DbException)
            {
                // Either the table is not there, or the database cannot answer anything (a file that is not a
                // database): a question about no table tells which, and throws in the second case.
                await using var reader = await ExecuteAsync("SELECT 1", cancellationToken).ConfigureAwait(false);
                return false;
            }
            finally
            {
                if (opened)
                {
                    await connection.CloseAsync().ConfigureAwait(false);
                }
            }
        }

        public override ValueTask<DbDataReader> OpenAsync(string name, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(name);
            return new(ExecuteAsync(IsQuery(name) ? name : $"SELECT * FROM {Quote(name)}", cancellationToken));
        }

        public override string Describe(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            if (!IsQuery(name))
            {
                return $"{Description}/{name}";
            }

            var query = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return string.Create(CultureInfo.InvariantCulture, $"{Description} (query '{(query.Length <= ShownQueryLength ? query : query[..ShownQueryLength] + "…")}')");
        }

        private static bool IsQuery(string name) => name.AsSpan().IndexOfAny(" \t\r\n") >= 0;

        private static string Quote(string name) =>
            string.Join('.', name.Split('.').Select(part => "\"" + part.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

        private async ValueTask<bool> OpenIfClosedAsync(CancellationToken cancellationToken)
        {
            if (connection.State != ConnectionState.Closed)
            {
                return false;
            }

            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        private async Task<DbDataReader> ExecuteAsync(string sql, CancellationToken cancellationToken)
        {
            var opened = await OpenIfClosedAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Not disposed here: a provider may close the command's reader with it (SQLite does). The reader
                // keeps it reachable while it is read, and it holds nothing once the reader is closed.
#pragma warning disable CA2000
                var command = connection.CreateCommand();
#pragma warning restore CA2000
#pragma warning disable CA2100 // The SQL is the user's own query, or a quoted table name: it is what the user asked to read.
                command.CommandText = sql;
#pragma warning restore CA2100
                return await command.ExecuteReaderAsync(opened ? CommandBehavior.CloseConnection : CommandBehavior.Default, cancellationToken).ConfigureAwait(false);
            }
            catch when (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
                throw;
            }
        }
    }
}

/// <summary>The tables of a <see cref="DataReaderSource"/>, as <see cref="ImportSession"/> reads them.</summary>
internal sealed class DataReaderImportSource(DataReaderSource source) : ImportSource
{
    public override string Description => source.Description;

    public override string LineWord => "row";

    public override string NativeName(CsvTable table) => DataReaderSource.TableName(table);

    public override async ValueTask<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ExistsAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
        {
            throw new CsvImportException($"cannot read {source.Describe(name)}: {MessageText.OfMessage(e.Message)}", e);
        }
    }

    public override string Describe(string name) => source.Describe(name);

    public override async ValueTask<RowReader> OpenAsync(string name, string described, CsvImportOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return new DataRowReader(await source.OpenAsync(name, cancellationToken).ConfigureAwait(false), described);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
        {
            throw new CsvImportException($"cannot read {described}: {MessageText.OfMessage(e.Message)}", e);
        }
    }
}
