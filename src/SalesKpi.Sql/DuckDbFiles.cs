using System.Globalization;
using System.Text;
using SalesKpi.Csv;

namespace SalesKpi.Sql;

/// <summary>
/// A directory of SalesKpi files read by DuckDB where they are: a <see cref="SqlTableMapping"/> whose tables are
/// <c>read_csv</c> and <c>read_parquet</c> queries over the files, so that nothing is loaded before the KPIs are computed.
/// </summary>
/// <example>
/// <code>
/// await using var connection = new DuckDBConnection("DataSource=:memory:");
/// var source = new SqlKpiSource(connection, SqlDialect.DuckDb, DuckDbFiles.Mapping("exports/2025"));
/// KpiReport report = await new KpiEvaluator(settings).EvaluateAsync(source, query, cancellationToken);
/// </code>
/// </example>
public static class DuckDbFiles
{
    /// <summary>
    /// Returns the mapping that reads each SalesKpi file of a directory in place: <c>reps.csv</c>, <c>leads.csv</c>,
    /// <c>opportunities.csv</c>, <c>stage-changes.csv</c>, <c>opportunity-history.csv</c>, <c>deals.csv</c>, <c>activities.csv</c> and <c>spend.csv</c>
    /// (docs/csv-format.md) through DuckDB's <c>read_csv</c>, or the Parquet file of the same name
    /// (<c>leads.parquet</c>) through <c>read_parquet</c>.
    /// </summary>
    /// <param name="directory">The directory, absolute or relative to the current directory.</param>
    /// <returns>The mapping: a table with no file is not mapped (the database's table of that name, none in a new in-memory database).</returns>
    /// <remarks>
    /// <para>A CSV file is read with its header, <c>,</c> between fields and <c>"</c> around them (doubled inside), and
    /// typed as the importer reads it: instants <c>TIMESTAMPTZ</c> (with <c>Z</c> or an offset, as the format requires),
    /// dates <c>DATE</c>, amounts <c>DECIMAL(38,10)</c> and the other layout columns <c>VARCHAR</c>. The header is read
    /// here, so that only the columns it has are typed; each typed column is read as text and cast, so that a value
    /// that is not one (an instant <c>yesterday</c>) fails the query with DuckDB's conversion error rather than becoming
    /// NULL. Other columns are left to DuckDB's detection and never read. A Parquet file keeps its own types.</para>
    /// <para>The files are checked as <see cref="CsvSource.FromDirectory"/> checks them: each must be directly in the
    /// directory and resolve (symbolic links followed) inside it, and be a regular file that is not empty. DuckDB reads
    /// the resolved path; it reads the files again at every evaluation, so a file changed in between gives new numbers
    /// (and a header changed in between an error).</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="CsvImportException">A file cannot be read (outside the directory, a directory, empty or not a
    /// regular file, or a header that cannot be read), or a table has both a CSV and a Parquet file.</exception>
    public static SqlTableMapping Mapping(string directory)
    {
        var files = CsvSource.FromDirectory(directory);
        var mapping = SqlTableMapping.Default;
        // Accounts carry only dimensions, which are computed in memory: no table of the database layout.
        foreach (var layout in CsvTable.All.Where(l => l != CsvTable.Accounts))
        {
            var table = DataReaderSource.TableName(layout);
            var csv = layout.FileName;
            var parquet = Path.ChangeExtension(csv, ".parquet");
            var hasCsv = files.Exists(csv);
            var hasParquet = files.Exists(parquet);
            if (hasCsv && hasParquet)
            {
                throw new CsvImportException($"{MessageText.Of(directory)} has both {csv} and {parquet}: keep one of them, so that the table {table} is read from one file.");
            }

            if (hasCsv)
            {
                using var stream = files.Open(csv);
                var header = ReadHeader(stream, files.Describe(csv));
                mapping = mapping.MapTable(table, CsvQuery(PathOf(stream), layout, header));
            }
            else if (hasParquet)
            {
                using var stream = files.Open(parquet);
                mapping = mapping.MapTable(table, $"SELECT * FROM read_parquet({Literal(PathOf(stream))})");
            }
        }

        return mapping;
    }

    /// <summary>
    /// Returns the query that reads a CSV file: every layout column of its header read as text, and those that are not
    /// text cast to their type — explicitly, because <c>read_csv</c> with a column type makes a value it cannot read
    /// NULL instead of failing (duckdb/duckdb#11832), so that a bad instant would be a missing one.
    /// </summary>
    internal static string CsvQuery(string path, CsvTable layout, IReadOnlyList<string> header)
    {
        var types = new List<string>();
        var casts = new List<string>();
        foreach (var name in header)
        {
            if (layout.Find(name) is not { } column)
            {
                continue; // Not a layout column: never read, left to DuckDB's detection.
            }

            types.Add($"{Literal(name)}: 'VARCHAR'");
            var type = column.Type switch
            {
                CsvFieldType.Instant => "TIMESTAMPTZ",
                CsvFieldType.Date => "DATE",
                CsvFieldType.Amount => "DECIMAL(38,10)",
                _ => null,
            };
            if (type is not null)
            {
                var quoted = SqlDialect.DuckDb.QuoteIdentifier(name);
                casts.Add($"CAST({quoted} AS {type}) AS {quoted}");
            }
        }

        var typed = types.Count == 0 ? string.Empty : $", types = {{{string.Join(", ", types)}}}";
        var replace = casts.Count == 0 ? string.Empty : $" REPLACE ({string.Join(", ", casts)})";
        return $"SELECT *{replace} FROM read_csv({Literal(path)}, header = true, delim = ',', quote = '\"', escape = '\"'{typed})";
    }

    /// <summary>Returns a SQL string literal: the text in single quotes, each one inside doubled.</summary>
    internal static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Reads the names of a CSV file's first record: split at commas outside double quotes, a quote inside doubled, a byte-order mark dropped.</summary>
    /// <exception cref="CsvImportException">The file ends inside a quoted name.</exception>
    internal static List<string> ReadHeader(Stream stream, string shown)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var names = new List<string>();
        var name = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = reader.Read();
            if (quoted)
            {
                if (c < 0)
                {
                    throw new CsvImportException($"cannot read {MessageText.Of(shown)}: the header ends inside a quoted name");
                }

                if (c == '"' && reader.Peek() == '"')
                {
                    reader.Read();
                    name.Append('"');
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    name.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    names.Add(name.ToString());
                    name.Clear();
                    break;
                case < 0 or '\n':
                    names.Add(name.ToString());
                    return names;
                case '\r' when reader.Peek() is '\n' or < 0:
                    break;
                default:
                    name.Append((char)c);
                    break;
            }
        }
    }

    private static string PathOf(Stream stream) =>
        stream is FileStream file
            ? file.Name
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"A directory's file opened as a {stream.GetType().Name}, not a file stream."));
}
