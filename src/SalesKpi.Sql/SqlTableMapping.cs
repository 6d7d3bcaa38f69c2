using System.Collections.Immutable;
using SalesKpi.Csv;

namespace SalesKpi.Sql;

/// <summary>
/// Where the records are in a database: for each table of the SalesKpi layout (<c>reps</c>, <c>leads</c>,
/// <c>opportunities</c>, <c>stage_changes</c>, <c>opportunity_history</c>, <c>deals</c>, <c>activities</c>, <c>spend</c>), the table, view or query
/// that holds it, and for each of its columns the SQL expression that gives it — as a CSV mapping does for files.
/// </summary>
/// <remarks>
/// <para><see cref="Default"/> reads tables named and laid out as the CSV files (docs/csv-format.md): a table
/// <c>leads</c> with columns <c>id</c>, <c>created_at</c>, <c>owner</c>, … A column the mapping does not name is read
/// by its layout name; an optional column the table does not have is absent, a required one is an error that names it.
/// A table the database does not have is empty, as a missing CSV file is.</para>
/// <para>A source with white space in it is a query (<c>SELECT … FROM crm.leads WHERE …</c>), read as a subquery; any
/// other is a table or view name, quoted part by part (<c>crm.leads</c>). A column expression is SQL over the source's
/// columns, such as <c>"LeadOwner"</c> or <c>lower(stage_name)</c>; it is put in the generated SQL as it is, so it must
/// come from the application, never from its users.</para>
/// </remarks>
/// <example>
/// <code>
/// var tables = SqlTableMapping.Default
///     .MapTable("opportunities", "crm.deals_pipeline")
///     .MapColumn("opportunities", "owner", "sales_agent")
///     .MapColumn("opportunities", "status", "lower(deal_stage)");
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class SqlTableMapping
{
    private readonly ImmutableDictionary<string, string> _sources;
    private readonly ImmutableDictionary<(string Table, string Column), string> _columns;

    private SqlTableMapping(ImmutableDictionary<string, string> sources, ImmutableDictionary<(string Table, string Column), string> columns)
    {
        _sources = sources;
        _columns = columns;
    }

    /// <summary>Gets the mapping of the SalesKpi layout: each table under its own name, each column under its own name.</summary>
    public static SqlTableMapping Default { get; } = new(
        ImmutableDictionary.Create<string, string>(StringComparer.Ordinal),
        ImmutableDictionary.Create<(string, string), string>());

    /// <summary>Gets the names of the layout's tables: <c>reps</c>, <c>leads</c>, <c>opportunities</c>, <c>stage_changes</c>, <c>opportunity_history</c>, <c>deals</c>, <c>activities</c> and <c>spend</c> (not <c>accounts</c>: accounts carry only dimensions, which are computed in memory).</summary>
    public static ImmutableArray<string> TableNames { get; } = [.. DataReaderSource.TableNames.Where(t => t != DataReaderSource.TableName(CsvTable.Accounts))];

    /// <summary>Returns a mapping that reads a layout table from another table, a view or a query.</summary>
    /// <param name="table">The layout table, such as <c>leads</c>.</param>
    /// <param name="source">The table or view name (<c>crm.leads</c>), or a query.</param>
    /// <returns>The new mapping.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not a layout table (the message suggests the nearest), or <paramref name="source"/> is blank.</exception>
    public SqlTableMapping MapTable(string table, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var layout = LayoutTable(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new(_sources.SetItem(DataReaderSource.TableName(layout), source), _columns);
    }

    /// <summary>Returns a mapping that reads a layout column from a SQL expression over the table's source.</summary>
    /// <param name="table">The layout table, such as <c>opportunities</c>.</param>
    /// <param name="column">The layout column, such as <c>owner</c>.</param>
    /// <param name="expression">The SQL expression, such as <c>sales_agent</c>.</param>
    /// <returns>The new mapping.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The table or column is not in the layout (the message suggests the nearest), or <paramref name="expression"/> is blank.</exception>
    public SqlTableMapping MapColumn(string table, string column, string expression)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(expression);
        var layout = LayoutTable(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        if (layout.Find(column) is null)
        {
            throw new ArgumentException(
                $"The table '{DataReaderSource.TableName(layout)}' has no column '{column}'{Sentence(Suggestions.DidYouMean(column, layout.Columns.Select(c => c.Name)))} Its columns are {string.Join(", ", layout.Columns.Select(c => c.Name))}.",
                nameof(column));
        }

        return new(_sources, _columns.SetItem((DataReaderSource.TableName(layout), column), expression));
    }

    /// <summary>Returns the table, view or query a layout table is read from: its own name unless mapped.</summary>
    /// <param name="table">The layout table.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not a layout table.</exception>
    public string SourceOf(string table)
    {
        var name = DataReaderSource.TableName(LayoutTable(table));
        return _sources.GetValueOrDefault(name, name);
    }

    /// <summary>Returns the expression a layout column is mapped to, or null when it is read by its own name.</summary>
    /// <param name="table">The layout table.</param>
    /// <param name="column">The layout column.</param>
    /// <returns>The expression, or null.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not a layout table.</exception>
    public string? ColumnOf(string table, string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var name = DataReaderSource.TableName(LayoutTable(table));
        return _columns.GetValueOrDefault((name, column));
    }

    internal static CsvTable LayoutTable(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var layout in CsvTable.All)
        {
            if (string.Equals(DataReaderSource.TableName(layout), table, StringComparison.Ordinal))
            {
                return layout;
            }
        }

        throw new ArgumentException(
            $"'{table}' is not a table of the SalesKpi layout{Sentence(Suggestions.DidYouMean(table, TableNames))} The tables are {string.Join(", ", TableNames)}.",
            nameof(table));
    }

    /// <summary>Ends a sentence: with the "did you mean" question when there is one, else with a full stop.</summary>
    internal static string Sentence(string didYouMean) => didYouMean.Length == 0 ? "." : didYouMean;
}
