namespace SalesKpi.Sql;

/// <summary>
/// A KPI could not be computed inside the database as asked (<see cref="SqlPushDown.Required"/> and a KPI the SQL
/// cannot express), or the database holds a value SalesKpi cannot read (an unknown status, deal kind, outcome or
/// currency), or a table lacks a required column. The message names the KPI, or the table, column and value, and the fix.
/// </summary>
/// <remarks>The database's own errors (a missing table named in a mapping, a syntax error in a mapped expression) are
/// thrown as the provider's <see cref="System.Data.Common.DbException"/>.</remarks>
public sealed class SqlKpiException : Exception
{
    /// <summary>Initializes an exception with no message.</summary>
    public SqlKpiException()
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SqlKpiException(string? message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SqlKpiException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the id of the KPI that could not be pushed down, or null when the error is about the data.</summary>
    public string? KpiId { get; init; }

    /// <summary>Gets the layout table the error is about (such as <c>opportunities</c>), or null.</summary>
    public string? Table { get; init; }

    /// <summary>Gets the layout column the error is about (such as <c>status</c>), or null.</summary>
    public string? Column { get; init; }
}
