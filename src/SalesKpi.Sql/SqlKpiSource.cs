using System.Data.Common;
using SalesKpi.Csv;

namespace SalesKpi.Sql;

/// <summary>
/// Records that stay in a database: an open (or openable) ADO.NET connection, the engine's <see cref="SqlDialect"/>, the
/// <see cref="SqlTableMapping"/> that says where each record kind is, and what to do with a KPI the database cannot compute.
/// </summary>
/// <example>
/// <code>
/// await using var connection = new DuckDBConnection("Data Source=crm.duckdb");
/// var source = new SqlKpiSource(connection, SqlDialect.DuckDb);
/// KpiReport report = await new KpiEvaluator(settings).EvaluateAsync(source, query, cancellationToken);
/// </code>
/// </example>
/// <threadsafety>The source is immutable, but an ADO.NET connection runs one command at a time: evaluate one query at a time per source.</threadsafety>
public sealed class SqlKpiSource
{
    /// <summary>Initializes a source.</summary>
    /// <param name="connection">The connection; opened for an evaluation and closed after it when it was closed before.</param>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="tables">Where the records are; <see cref="SqlTableMapping.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or <paramref name="dialect"/> is null.</exception>
    public SqlKpiSource(DbConnection connection, SqlDialect dialect, SqlTableMapping? tables = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        Connection = connection;
        Dialect = dialect;
        Tables = tables ?? SqlTableMapping.Default;
    }

    /// <summary>Gets the connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>Gets the dialect.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>Gets the table mapping.</summary>
    public SqlTableMapping Tables { get; }

    /// <summary>Gets what to do with a KPI that cannot be computed in the database; <see cref="SqlPushDown.WhenPossible"/> by default.</summary>
    public SqlPushDown PushDown { get; init; }

    /// <summary>Gets the options of the import that reads what is evaluated in memory (the roster, and the tables of KPIs that are not pushed down); <see cref="CsvImportOptions.Default"/> by default.</summary>
    /// <remarks>Its <see cref="CsvImportOptions.Zone"/> must be UTC: a timestamp stored without a zone is read as UTC
    /// inside the database (placing it in another zone would take the database's time-zone functions, which SalesKpi
    /// never uses), so the tables read into memory must read it the same way.</remarks>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The options' zone is not UTC.</exception>
    public CsvImportOptions ImportOptions
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Zone.MinOffset != NodaTime.Offset.Zero || value.Zone.MaxOffset != NodaTime.Offset.Zero)
            {
                throw new ArgumentException(
                    $"ImportOptions.Zone is {value.Zone.Id}; with a database it must be UTC, because a timestamp stored without a zone is read as UTC inside the database, and the tables read into memory must read it the same way.",
                    nameof(value));
            }

            field = value;
        }
    }

    = CsvImportOptions.Default;

    /// <summary>Gets how messages name the database, such as <c>crm.duckdb</c>; the connection's data source when null.</summary>
    public string? Description { get; init; }

    /// <summary>Gets how messages name the database.</summary>
    internal string Name => Description ?? (string.IsNullOrEmpty(Connection.DataSource) ? Dialect.Name : Connection.DataSource);

    /// <summary>Returns a description of the source.</summary>
    /// <returns>The engine and the database.</returns>
    public override string ToString() => $"{Dialect.Name} ({Name})";
}
