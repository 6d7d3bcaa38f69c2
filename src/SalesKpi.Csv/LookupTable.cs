using System.Globalization;

namespace SalesKpi.Csv;

/// <summary>
/// The values of a <see cref="LookupMapping"/>, read once per import: for each key of the file's key column, the value
/// of its value column (a region per agent, a sector per account, a series per product).
/// </summary>
internal sealed class LookupTable
{
    private readonly Dictionary<string, string?> _values;
    private readonly LookupMapping _mapping;
    private readonly string _file;

    private LookupTable(LookupMapping mapping, string file, Dictionary<string, string?> values)
    {
        _mapping = mapping;
        _file = file;
        _values = values;
    }

    /// <summary>Reads the look-up's file.</summary>
    /// <param name="source">The data set.</param>
    /// <param name="mapping">The look-up.</param>
    /// <param name="mappingName">The mapping, for messages.</param>
    /// <param name="options">The import's options (encoding, delimiter, limits).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The table.</returns>
    /// <exception cref="CsvImportException">The file is outside the data set or missing, lacks a column, cannot be read,
    /// or gives one key two different values.</exception>
    public static async ValueTask<LookupTable> LoadAsync(ImportSource source, LookupMapping mapping, string mappingName, CsvImportOptions options, CancellationToken cancellationToken)
    {
        if (source.Escape(mapping.File) is { } escape)
        {
            throw new CsvImportException($"the mapping {mappingName} looks values up in '{MessageText.Of(mapping.File)}', which is outside the data directory '{source.Description}'{escape}; a mapping reads only files inside it");
        }

        if (!await source.ExistsAsync(mapping.File, cancellationToken).ConfigureAwait(false))
        {
            throw new CsvImportException($"the mapping {mappingName} looks values up in '{MessageText.Of(mapping.File)}', which is not in {source.Description}");
        }

        var file = source.Describe(mapping.File);
        using var reader = await source.OpenAsync(mapping.File, file, options, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadAsync(reader, mapping, mappingName, file, cancellationToken).ConfigureAwait(false);
        }
        catch (CsvSyntaxException e)
        {
            throw new CsvImportException(new CsvRejection(file, e.Position.Line, e.Position.Column, null, e.Message));
        }
        catch (CsvEncodingException e)
        {
            throw new CsvImportException(new CsvRejection(file, e.Position.Line, e.Position.Column, null, e.Message));
        }
    }

    /// <summary>Returns the value looked up for a cell's text.</summary>
    /// <param name="cell">The cell holding the key.</param>
    /// <param name="dimension">The dimension, for messages.</param>
    /// <returns>The value, or null when the key's row has none.</returns>
    /// <exception cref="RowException">The file has no such key and the look-up has no default.</exception>
    public string? Find(Cell cell, DimensionMapping dimension)
    {
        var key = cell.Text!.Trim();
        if (_values.TryGetValue(key, out var value))
        {
            return value;
        }

        return _mapping.Default is { Length: > 0 } fallback
            ? fallback
            : throw new RowException(cell, $"'{MessageText.Of(key)}' is not a {MessageText.Of(_mapping.Key)} of {_file}, where the dimension {dimension.Name} is looked up{Suggestions.DidYouMean(key, _values.Keys)} (correct the value, translate it with \"values\", or give the look-up a \"default\")");
    }

    private static async ValueTask<LookupTable> ReadAsync(RowReader reader, LookupMapping mapping, string mappingName, string file, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new CsvImportException(new CsvRejection(file, 1, 1, null, "the file is empty; its first line must be the header"));
        }

        var header = new List<string>(reader.Count);
        for (var i = 0; i < reader.Count; i++)
        {
            header.Add(reader[i].Trim());
        }

        int Find(string column, string usedFor) =>
            header.IndexOf(column) is >= 0 and var at
                ? at
                : throw new CsvImportException(new CsvRejection(file, reader.RecordLine, 1, null, $"the mapping {mappingName} looks up the column '{MessageText.Of(column)}' ({usedFor}), which the header does not have; its columns are {MessageText.List(header)}{Suggestions.DidYouMean(column, header)}"));

        var keyField = Find(mapping.Key, "the key");
        var valueField = Find(mapping.Value, "the value");
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        var pool = new StringPool();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.Count != header.Count)
            {
                var position = reader.PositionOf(reader.Count - 1);
                throw new CsvImportException(new CsvRejection(file, position.Line, position.Column, null, string.Create(CultureInfo.InvariantCulture, $"the row has {reader.Count} fields and the header {header.Count}")));
            }

            var key = reader.Span(keyField).Trim();
            if (key.IsEmpty)
            {
                continue;
            }

            var valueText = reader.Span(valueField).Trim();
            var value = valueText.IsEmpty ? null : pool.Get(valueText);
            var keyText = key.ToString();
            if (values.TryGetValue(keyText, out var earlier))
            {
                if (!string.Equals(earlier, value, StringComparison.Ordinal))
                {
                    var position = reader.PositionOf(valueField);
                    throw new CsvImportException(new CsvRejection(file, position.Line, position.Column, null, string.Create(CultureInfo.InvariantCulture, $"the key '{MessageText.Of(keyText)}' has the {MessageText.Of(mapping.Value)} '{MessageText.Of(value ?? string.Empty)}' here and '{MessageText.Of(earlier ?? string.Empty)}' on line {lines[keyText]}; a look-up needs one value per key")));
                }

                continue;
            }

            values.Add(keyText, value);
            lines.Add(keyText, reader.RecordLine);
        }

        return new LookupTable(mapping, file, values);
    }
}
