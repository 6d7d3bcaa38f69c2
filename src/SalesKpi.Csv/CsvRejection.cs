using System.Globalization;

namespace SalesKpi.Csv;

/// <summary>A row that could not become a record: where it is and why.</summary>
/// <remarks>
/// <para>Lines and columns are 1-based; the line is the physical line of the file (the header is line 1) and the column
/// counts characters from the start of that line to the start of the offending field. A problem with the whole row (a
/// wrong number of fields) points at its first field.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class CsvRejection
{
    /// <summary>Initializes a rejection.</summary>
    /// <param name="file">The file, as shown to the user (a path).</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <param name="field">The name of the column at fault, or null when the whole row is.</param>
    /// <param name="reason">Why the row was rejected.</param>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> or <paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> or <paramref name="column"/> is less than 1.</exception>
    public CsvRejection(string file, long line, int column, string? field, string reason)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        File = file;
        Line = line;
        Column = column;
        Field = field;
        Reason = reason;
    }

    /// <summary>Gets the file, as shown to the user.</summary>
    public string File { get; }

    /// <summary>Gets the 1-based line.</summary>
    public long Line { get; }

    /// <summary>Gets the 1-based column.</summary>
    public int Column { get; }

    /// <summary>Gets the name of the column at fault.</summary>
    /// <value>The column name, or null when the whole row is at fault.</value>
    public string? Field { get; }

    /// <summary>Gets why the row was rejected.</summary>
    public string Reason { get; }

    /// <summary>Returns <c>file:line:column: reason</c>, the form compilers use, such as
    /// <c>data/leads.csv:7:23: created_at: '2025-13-01T09:00:00Z' is not an ISO-8601 instant</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {(Field is null ? string.Empty : Field + ": ")}{Reason}");
}
