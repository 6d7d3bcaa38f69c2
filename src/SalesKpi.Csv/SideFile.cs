using System.Collections.Immutable;
using System.Globalization;
using SalesKpi.Reporting;

namespace SalesKpi.Csv;

/// <summary>
/// What the readers of the small files beside the data share (<see cref="CsvGoals"/>, <see cref="CsvForecasts"/>): the
/// text decoded and split as every CSV file is, a header of known columns, rows as wide as it, and a group written as
/// <c>all</c>, <c>rep:ID</c>, <c>team:NAME</c> or a rep id; every error at its file, line and column.
/// </summary>
internal static class SideFile
{
    /// <summary>Reads the records of a stream, a syntax or encoding error becoming a rejection at its position.</summary>
    public static ImmutableArray<T> Read<T>(Stream stream, string fileName, Func<CsvRecordReader, ImmutableArray<T>> records)
    {
        using var reader = new CsvRecordReader(new CsvTextDecoder(stream));
        try
        {
            return records(reader);
        }
        catch (CsvSyntaxException e)
        {
            throw Reject(fileName, e.Position, null, e.Message);
        }
        catch (CsvEncodingException e)
        {
            throw Reject(fileName, e.Position, null, e.Message);
        }
    }

    /// <summary>Reads the header: each column's index, every column one of <paramref name="columns"/>, once, and every
    /// one of <paramref name="required"/> there.</summary>
    public static Dictionary<string, int> Header(CsvRecordReader reader, string fileName, string[] columns, string[] required)
    {
        if (!reader.Read())
        {
            throw new CsvImportException(new CsvRejection(fileName, 1, 1, null, $"the file is empty: the first line is the header ({string.Join(",", columns)})"));
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < reader.Count; i++)
        {
            var name = reader[i].Trim();
            if (!columns.Contains(name, StringComparer.Ordinal))
            {
                throw Reject(fileName, reader.PositionOf(i), null, $"unknown column '{MessageText.Of(name)}'{Suggestions.DidYouMean(name, columns)} (the columns are {string.Join(", ", columns)})");
            }

            if (!index.TryAdd(name, i))
            {
                throw Reject(fileName, reader.PositionOf(i), null, $"the column '{name}' appears twice");
            }
        }

        foreach (var column in required)
        {
            if (!index.ContainsKey(column))
            {
                throw Reject(fileName, reader.PositionOf(0), null, $"the header has no column '{column}' (required: {string.Join(", ", required)}; optional: {string.Join(", ", columns.Except(required, StringComparer.Ordinal))})");
            }
        }

        return index;
    }

    /// <summary>Reads the next row, as wide as the header; false at the end.</summary>
    public static bool NextRow(CsvRecordReader reader, string fileName, Dictionary<string, int> index)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (reader.Count != index.Count)
        {
            throw Reject(fileName, reader.PositionOf(0), null, string.Create(CultureInfo.InvariantCulture, $"the row has {reader.Count} fields, the header {index.Count}"));
        }

        return true;
    }

    /// <summary>Reads a group: <c>all</c>, <c>DIMENSION:KEY</c> of one of <paramref name="dimensions"/>, or a rep id, checked
    /// against the groups the data has when <paramref name="knownGroups"/> is given.</summary>
    /// <param name="text">The cell, trimmed.</param>
    /// <param name="column">The column, named in errors.</param>
    /// <param name="dimensions">The dimensions a <c>DIMENSION:</c> prefix may name.</param>
    /// <param name="knownGroups">The groups of each dimension the data has, or null for no check.</param>
    /// <param name="usage">How to write the cell, such as <c>write all, rep:ID, team:NAME, or a rep id</c>.</param>
    /// <param name="bad">Makes the rejection of the cell.</param>
    public static (KpiGrouping Grouping, string Key) Group(
        string text,
        string column,
        IReadOnlyList<(string Prefix, KpiGrouping Grouping)> dimensions,
        Func<KpiGrouping, IReadOnlyCollection<string>>? knownGroups,
        string usage,
        Func<string, string, CsvImportException> bad)
    {
        if (text == KpiGrouping.AllKey)
        {
            return (KpiGrouping.None, KpiGrouping.AllKey);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        KpiGrouping grouping;
        string key;
        if (colon < 0)
        {
            (grouping, key) = (KpiGrouping.ByRep, text);
        }
        else
        {
            var prefix = text[..colon].Trim();
            var match = dimensions.FirstOrDefault(d => d.Prefix == prefix);
            if (match.Grouping is null)
            {
                throw bad(column, $"'{MessageText.Of(prefix)}' is not {(column == "group" ? "a dimension" : $"a {column}'s dimension")}{Suggestions.DidYouMean(prefix, dimensions.Select(d => d.Prefix))}: {usage}");
            }

            (grouping, key) = (match.Grouping, text[(colon + 1)..].Trim());
        }

        if (key.Length == 0)
        {
            throw bad(column, $"'{MessageText.Of(text)}' names no {grouping.Dimension}");
        }

        if (knownGroups?.Invoke(grouping) is { } known && !known.Contains(key, StringComparer.Ordinal))
        {
            var near = Suggestions.DidYouMean(key, known);
            throw bad(column, $"the data has no {grouping.Dimension} '{MessageText.Of(key)}'{(near.Length > 0 || known.Count == 0 ? near : $" (its {grouping.Dimension}s: {MessageText.List(known.Order(StringComparer.Ordinal))})")}");
        }

        return (grouping, key);
    }

    /// <summary>Returns the rejection of a cell or a line.</summary>
    public static CsvImportException Reject(string fileName, CsvPosition position, string? field, string reason) =>
        new(new CsvRejection(fileName, position.Line, position.Column, field, reason));
}
