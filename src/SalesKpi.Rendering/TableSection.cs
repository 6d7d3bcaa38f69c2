using System.Collections.Immutable;

namespace SalesKpi.Rendering;

/// <summary>How the cells of a <see cref="TableColumn"/> are aligned.</summary>
public enum ColumnAlignment
{
    /// <summary>Left-aligned, for labels and text.</summary>
    Left,

    /// <summary>Right-aligned, for numbers.</summary>
    Right,
}

/// <summary>A column of a <see cref="TableSection"/>.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class TableColumn
{
    /// <summary>Initializes a new instance of the <see cref="TableColumn"/> class.</summary>
    /// <param name="header">The header cell.</param>
    /// <param name="alignment">How the cells are aligned.</param>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alignment"/> is not a defined value.</exception>
    public TableColumn(string header, ColumnAlignment alignment = ColumnAlignment.Left)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (alignment is not (ColumnAlignment.Left or ColumnAlignment.Right))
        {
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "Unknown alignment.");
        }

        Header = header;
        Alignment = alignment;
    }

    /// <summary>Gets the header cell.</summary>
    public string Header { get; }

    /// <summary>Gets how the cells are aligned.</summary>
    public ColumnAlignment Alignment { get; }
}

/// <summary>
/// A table: columns, rows of text cells, and footnotes under it. The first column labels the rows: a text table too wide
/// for <see cref="RenderOptions.Width"/> is split into several, each repeating it.
/// </summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class TableSection : DocumentSection
{
    /// <summary>Initializes a new instance of the <see cref="TableSection"/> class.</summary>
    /// <param name="heading">The heading, or null for none.</param>
    /// <param name="columns">The columns; at least one.</param>
    /// <param name="rows">The rows, each with one cell per column.</param>
    /// <param name="footnotes">The lines written under the table, or null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/>, <paramref name="rows"/>, a column, a row, a cell or a footnote is null.</exception>
    /// <exception cref="ArgumentException">There is no column, or a row does not have one cell per column.</exception>
    public TableSection(string? heading, IEnumerable<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, IEnumerable<string>? footnotes = null)
        : base(heading)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Columns = Checks.Items(columns, nameof(columns));
        if (Columns.IsEmpty)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        var checkedRows = Checks.Items(rows, nameof(rows));
        var builder = ImmutableArray.CreateBuilder<ImmutableArray<string>>(checkedRows.Length);
        for (var r = 0; r < checkedRows.Length; r++)
        {
            var row = checkedRows[r];
            if (row.Count != Columns.Length)
            {
                throw new ArgumentException($"Row {r} has {row.Count} cells; the table has {Columns.Length} columns.", nameof(rows));
            }

            var cells = row.ToImmutableArray();
            if (cells.Any(c => c is null))
            {
                throw new ArgumentNullException(nameof(rows), $"Row {r} has a null cell.");
            }

            builder.Add(cells);
        }

        Rows = builder.MoveToImmutable();
        Footnotes = footnotes is null ? [] : Checks.Items(footnotes, nameof(footnotes));
    }

    /// <summary>Gets the columns.</summary>
    public ImmutableArray<TableColumn> Columns { get; }

    /// <summary>Gets the rows, each with one cell per column.</summary>
    public ImmutableArray<ImmutableArray<string>> Rows { get; }

    /// <summary>Gets the lines written under the table.</summary>
    public ImmutableArray<string> Footnotes { get; }
}
