using System.Data.Common;
using SalesKpi.Csv;

namespace SalesKpi.Sql;

/// <summary>One layout table as a source has it: its <c>FROM</c> clause and the expression of each layout column it has.</summary>
internal sealed class SqlTableColumns
{
    private readonly Dictionary<string, string> _expressions;
    private readonly CsvTable _layout;
    private readonly string _described;

    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

    private SqlTableColumns(CsvTable layout, string from, Dictionary<string, string> expressions, string described)
    {
        _layout = layout;
        From = from;
        _expressions = expressions;
        _described = described;
    }

    /// <summary>Returns the type of a layout column's expression as the provider names it, or null when the source lacks it.</summary>
    public string? TypeOf(string column) => _types.GetValueOrDefault(column);

    /// <summary>Gets the <c>FROM</c> clause: a quoted table or view, or a subquery.</summary>
    public string From { get; }

    /// <summary>Gets how messages name the table: <c>crm.duckdb/leads</c>, or the query of a mapped table.</summary>
    public string Described => _described;

    /// <summary>Gets the layout columns the source has (mapped or under their own name), in layout order.</summary>
    public IEnumerable<string> Present => _layout.Columns.Select(c => c.Name).Where(_expressions.ContainsKey);

    /// <summary>Returns the expression of a layout column: its mapping, the source's column, or NULL for an optional column the source lacks.</summary>
    /// <exception cref="SqlKpiException">The column is required and the source has none.</exception>
    public string Expression(string column)
    {
        if (_expressions.TryGetValue(column, out var expression))
        {
            return expression;
        }

        var layoutColumn = _layout[column];
        if (!layoutColumn.Required)
        {
            return "NULL";
        }

        var table = DataReaderSource.TableName(_layout);
        throw new SqlKpiException($"{_described} has no column '{column}', which the table {table} needs; map it with SqlTableMapping.MapColumn(\"{table}\", \"{column}\", expression).")
        {
            Table = table,
            Column = column,
        };
    }

    /// <summary>Returns the query that reads the table in the SalesKpi layout, for an import.</summary>
    public string Projection(SqlDialect dialect) =>
        "SELECT " + string.Join(", ", Present.Select(c => $"{_expressions[c]} AS {dialect.QuoteIdentifier(c)}")) + " FROM " + From;

    /// <summary>Finds a layout table in a source: null when the database has no such table (a query always exists).</summary>
    public static async Task<SqlTableColumns?> FindAsync(SqlKpiSource source, string table, CancellationToken cancellationToken)
    {
        var layout = SqlTableMapping.LayoutTable(table);
        var dialect = source.Dialect;
        var mapped = source.Tables.SourceOf(table);
        var isQuery = mapped.AsSpan().IndexOfAny(" \t\r\n") >= 0;
        var from = isQuery ? $"({mapped}) AS s" : string.Join('.', mapped.Split('.').Select(dialect.QuoteIdentifier));
        var described = isQuery ? $"{source.Name} (the query of {table})" : $"{source.Name}/{mapped}";
        string[] names;
        try
        {
            names = await ColumnNamesAsync(source.Connection, $"SELECT * FROM {from} WHERE 1 = 0", cancellationToken).ConfigureAwait(false);
        }
        catch (DbException) when (!isQuery)
        {
            // Either the table is not there, or the database cannot answer anything: a question about no table tells
            // which, and throws in the second case.
            await ColumnNamesAsync(source.Connection, "SELECT 1", cancellationToken).ConfigureAwait(false);
            return null;
        }

        var expressions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in layout.Columns)
        {
            if (source.Tables.ColumnOf(table, column.Name) is { } expression)
            {
                expressions.Add(column.Name, expression);
            }
            else if (Array.Find(names, n => string.Equals(n, column.Name, StringComparison.OrdinalIgnoreCase)) is { } name)
            {
                expressions.Add(column.Name, dialect.QuoteIdentifier(name));
            }
        }

        var columns = new SqlTableColumns(layout, from, expressions, described);
        if (expressions.Count > 0)
        {
            // The types of the expressions themselves (a mapped expression has its own): the dialect compares a
            // timestamp column natively when its type allows.
            var present = columns.Present.ToArray();
            var types = await ColumnTypesAsync(source.Connection, $"SELECT {string.Join(", ", present.Select(c => expressions[c]))} FROM {from} WHERE 1 = 0", cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < present.Length && i < types.Length; i++)
            {
                columns._types[present[i]] = types[i];
            }
        }

        return columns;
    }

    private static async Task<string[]> ColumnTypesAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The application's mapping over a quoted table name.
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var types = new string[reader.FieldCount];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = reader.GetDataTypeName(i);
        }

        return types;
    }

    private static async Task<string[]> ColumnNamesAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is a quoted table name or the application's own query from its mapping.
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.GetName(i);
        }

        return names;
    }
}
