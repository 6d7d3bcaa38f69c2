using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SalesKpi.Csv;

/// <summary>The value of one SalesKpi column in the current row, and where it came from.</summary>
/// <param name="Text">The text, or null when the cell is empty or the column absent.</param>
/// <param name="Position">Where the cell starts (the row's start for an absent column or a constant).</param>
/// <param name="Label">The column named in messages: the source column's name.</param>
/// <param name="Target">The SalesKpi column.</param>
/// <param name="Format">The mapping's date pattern, or null for the SalesKpi format.</param>
internal readonly record struct Cell(string? Text, CsvPosition Position, string Label, CsvColumn Target, DateFormat? Format)
{
    /// <summary>Gets the note that ends a reason when the source column has another name: <c> (mapped to created_at)</c>.</summary>
    public string MappedNote => string.Equals(Label, Target.Name, StringComparison.Ordinal) ? string.Empty : $" (mapped to {Target.Name})";
}

/// <summary>A cell that cannot be read; becomes a rejection.</summary>
internal sealed class RowException(Cell cell, string reason) : Exception(reason)
{
    public Cell Cell { get; } = cell;
}

/// <summary>
/// The current row of a file, seen as a row of one SalesKpi file: a SalesKpi file read as is, or a source file read
/// through a mapping. Typed accessors parse and check each value and throw <see cref="RowException"/> for a bad one.
/// </summary>
internal abstract class ImportRow
{
    private static readonly OffsetDateTimePattern IsoSeconds = OffsetDateTimePattern.ExtendedIso;
    private static readonly OffsetDateTimePattern IsoMinutes = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>");
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    /// <summary>The largest amount read: 10^18, far above any real amount, yet 79 billion of them add up within a decimal.</summary>
    private const decimal MaxAmount = 1_000_000_000_000_000_000m;

    protected ImportRow(RowReader reader, DateTimeZone zone)
    {
        Reader = reader;
        Zone = zone;
        _typed = reader.HasTypedValues;
    }

    private readonly bool _typed;

    protected RowReader Reader { get; }

    protected DateTimeZone Zone { get; }

    /// <summary>Gets the number of fields of the row.</summary>
    public int FieldCount => Reader.Count;

    /// <summary>Gets the line the row starts on.</summary>
    public long Line => Reader.RecordLine;

    public CsvPosition Start => new(Reader.RecordLine, 1);

    /// <summary>Returns the cell of a SalesKpi column.</summary>
    public abstract Cell Get(CsvColumn column);

    /// <summary>Gets a value indicating whether the file has dimension columns.</summary>
    public abstract bool HasDimensions { get; }

    /// <summary>Returns the dimensions of the current row: each dimension column with a value (an empty cell sets none).</summary>
    /// <param name="pool">Where the values are pooled: a region or a product repeats on every row.</param>
    /// <returns>The dimensions, <see cref="SalesKpi.Dimensions.Empty"/> when the row has none.</returns>
    /// <exception cref="RowException">A mapped value is not in the mapping's values or not in its look-up.</exception>
    public abstract Dimensions ReadDimensions(StringPool pool);

    public string Text(CsvColumn column) => TrySpan(column, out var value) ? value.ToString() : Required(Get(column));

    /// <summary>Returns a required text value, the same string for the same text (owners, kinds, sources, accounts).</summary>
    public string Text(CsvColumn column, StringPool pool) => TrySpan(column, out var value) ? pool.Get(value) : Required(Get(column));

    public string? OptionalText(CsvColumn column) => TrySpan(column, out var value) ? value.ToString() : NoSpanMeansNoValue ? null : Get(column).Text;

    /// <summary>Returns an optional text value, the same string for the same text.</summary>
    public string? OptionalText(CsvColumn column, StringPool pool) => TrySpan(column, out var value) ? pool.Get(value) : NoSpanMeansNoValue ? null : Get(column).Text;

    // A required value is the optional one, or the reason it is missing ("a value is required").
    public Instant Instant(CsvColumn column) => OptionalInstant(column) ?? ParseInstant(RequiredCell(column));

    public Instant? OptionalInstant(CsvColumn column)
    {
        if (_typed && TypedField(column) is >= 0 and var field && Reader.TryGetInstant(field, Zone, out var typed))
        {
            return typed;
        }

        if (TrySpan(column, out var value))
        {
            if (FastText.TryParseInstant(value, out var instant))
            {
                return instant;
            }
        }
        else if (NoSpanMeansNoValue)
        {
            return null;
        }

        var cell = Get(column);
        return cell.Text is null ? null : ParseInstant(cell);
    }

    public LocalDate Date(CsvColumn column) => OptionalDate(column) ?? ParseDate(RequiredCell(column));

    public LocalDate? OptionalDate(CsvColumn column)
    {
        if (_typed && TypedField(column) is >= 0 and var field && Reader.TryGetDate(field, out var typed))
        {
            return typed;
        }

        if (TrySpan(column, out var value))
        {
            if (FastText.TryParseDate(value, out var date))
            {
                return date;
            }
        }
        else if (NoSpanMeansNoValue)
        {
            return null;
        }

        var cell = Get(column);
        return cell.Text is null ? null : ParseDate(cell);
    }

    public decimal Amount(CsvColumn column) => OptionalAmount(column) ?? ParseAmount(RequiredCell(column));

    public decimal? OptionalAmount(CsvColumn column)
    {
        // A typed amount outside the range every amount must be in goes to the text rules and their messages.
        if (_typed && TypedField(column) is >= 0 and var field && Reader.TryGetDecimal(field, out var typed) && typed >= 0m && typed <= MaxAmount)
        {
            return typed;
        }

        if (TrySpan(column, out var value))
        {
            if (FastText.TryParseAmount(value, out var amount))
            {
                return amount;
            }
        }
        else if (NoSpanMeansNoValue)
        {
            return null;
        }

        var cell = Get(column);
        return cell.Text is null ? null : ParseAmount(cell);
    }

    /// <summary>Returns a currency, the same instance for the same code.</summary>
    public Currency Currency(CsvColumn column, CurrencyPool pool) =>
        TrySpan(column, out var value) && pool.TryGet(value, out var currency) ? currency : pool.Add(Currency(column));

    /// <summary>
    /// Returns the text of a column in the SalesKpi format without making a string, when the row can: a present,
    /// non-blank value of a file read as is. False sends the caller to <see cref="Get"/> and the general parsers.
    /// </summary>
    /// <param name="column">The column.</param>
    /// <param name="value">The value, valid until the next row.</param>
    /// <returns>True when <paramref name="value"/> holds the value.</returns>
    public virtual bool TrySpan(CsvColumn column, out ReadOnlySpan<char> value)
    {
        value = default;
        return false;
    }

    /// <summary>
    /// Returns the field that holds a column's value as the source typed it (a timestamp, a date, a number of a
    /// database), or -1 when the value is text to parse: an absent column, a constant, or one the mapping translates.
    /// </summary>
    /// <param name="column">The column.</param>
    /// <returns>The field, or -1.</returns>
    protected virtual int TypedField(CsvColumn column) => -1;

    /// <summary>
    /// Gets a value indicating whether a column <see cref="TrySpan"/> gives no text for has no value at all, so that
    /// the optional readers return null without making a <see cref="Cell"/>: true for a file read as is, false through
    /// a mapping (whose default may stand in for a blank).
    /// </summary>
    public virtual bool NoSpanMeansNoValue => false;

    public Currency Currency(CsvColumn column)
    {
        var cell = RequiredCell(column);
        if (SalesKpi.Currency.IsValidCode(cell.Text))
        {
            return new Currency(cell.Text!);
        }

        var hint = SalesKpi.Currency.IsValidCode(cell.Text!.ToUpperInvariant()) ? " (ISO 4217 codes are upper case)" : string.Empty;
        throw new RowException(cell, $"unknown currency '{MessageText.Of(cell.Text)}'{hint}; use an ISO 4217 code such as USD or EUR{cell.MappedNote}");
    }

    public Cell RequiredCell(CsvColumn column)
    {
        var cell = Get(column);
        Required(cell);
        return cell;
    }

    private static string Required(Cell cell) =>
        string.IsNullOrWhiteSpace(cell.Text)
            ? throw new RowException(cell, $"a value is required{cell.MappedNote}")
            : cell.Text;

    private static decimal ParseAmount(Cell cell)
    {
        var text = cell.Text!;
        var parsed = decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount);
        if (!parsed && !IsPlainNumber(text))
        {
            throw new RowException(cell, $"'{MessageText.Of(text)}' is not an amount; write a number with '.' as the decimal separator and no thousands separator, such as 1250.50{cell.MappedNote}");
        }

        if (parsed ? amount < 0m : text[0] == '-')
        {
            throw new RowException(cell, $"the amount {MessageText.Of(text)} is negative{cell.MappedNote}");
        }

        // A number too large for a decimal, or one so large that adding a few of them would overflow one.
        return parsed && amount <= MaxAmount
            ? amount
            : throw new RowException(cell, string.Create(CultureInfo.InvariantCulture, $"the amount {MessageText.Of(text)} is too large; an amount is at most {MaxAmount} (10^18), so that no sum of amounts overflows{cell.MappedNote}"));
    }

    /// <summary>Returns true for digits with an optional sign and decimal point: a number a decimal cannot hold only when too large.</summary>
    private static bool IsPlainNumber(string? text)
    {
        var digits = text.AsSpan();
        if (digits.Length > 0 && digits[0] is '+' or '-')
        {
            digits = digits[1..];
        }

        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        return whole.Length + fraction.Length > 0 && !whole.ContainsAnyExceptInRange('0', '9') && !fraction.ContainsAnyExceptInRange('0', '9');
    }

    private Instant ParseInstant(Cell cell)
    {
        var text = cell.Text!;
        if (cell.Format is { } format)
        {
            if (format.Date is { } datePattern)
            {
                var date = datePattern.Parse(text);
                return date.Success
                    ? InCalendar(cell, date.Value.Year, () => Zone.AtStartOfDay(date.Value).ToInstant())
                    : throw new RowException(cell, $"'{MessageText.Of(text)}' is not a date in the mapping's format {format.Text}{cell.MappedNote}");
            }

            var local = format.DateTime!.Parse(text);
            return local.Success
                ? InCalendar(cell, local.Value.Year, () => local.Value.InZoneLeniently(Zone).ToInstant())
                : throw new RowException(cell, $"'{MessageText.Of(text)}' is not a date and time in the mapping's format {format.Text}{cell.MappedNote}");
        }

        var result = IsoSeconds.Parse(text);
        if (!result.Success)
        {
            result = IsoMinutes.Parse(text);
        }

        if (result.Success)
        {
            var value = result.Value;
            return InCalendar(cell, value.Year, value.ToInstant);
        }

        var hint = IsoDate.Parse(text).Success
            ? "; a date alone is not an instant: add the time and the offset (2026-03-01T00:00:00Z)"
            : LocalDateTimePattern.ExtendedIso.Parse(text).Success ? "; add the offset (Z for UTC, or +03:00)" : string.Empty;
        throw new RowException(cell, $"'{MessageText.Of(text)}' is not an ISO-8601 instant such as 2026-03-01T09:15:00Z or 2026-03-01T12:15:00+03:00{hint}{cell.MappedNote}");
    }

    /// <summary>
    /// Converts a local or offset value to an instant, refusing one outside NodaTime's range of instants
    /// (-9998-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z): <c>9999-12-31T23:00:00-05:00</c> is a valid date
    /// and time, but its instant is in the year 10000, and the conversion throws <see cref="OverflowException"/> (or,
    /// in a time zone, <see cref="ArgumentOutOfRangeException"/>) rather than returning a value.
    /// </summary>
    /// <param name="cell">The cell, for the rejection.</param>
    /// <param name="year">The year of the local value: at the end of the calendar (9999) or at its start (-9998).</param>
    /// <param name="convert">The conversion.</param>
    private static Instant InCalendar(Cell cell, int year, Func<Instant> convert)
    {
        try
        {
            return convert();
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            var text = MessageText.Of(cell.Text);
            throw new RowException(cell, year > 0
                ? $"'{text}' is past the end of the calendar: an instant is at most 9999-12-31T23:59:59Z{cell.MappedNote}"
                : $"'{text}' is before the start of the calendar: an instant is at least -9998-01-01T00:00:00Z{cell.MappedNote}");
        }
    }

    private static LocalDate ParseDate(Cell cell)
    {
        var text = cell.Text!;
        var result = cell.Format?.Date is { } pattern ? pattern.Parse(text) : IsoDate.Parse(text);
        return result.Success
            ? result.Value
            : throw new RowException(cell, $"'{MessageText.Of(text)}' is not a date in the format {(cell.Format?.Text ?? "YYYY-MM-DD")}{cell.MappedNote}");
    }
}

/// <summary>A row of a SalesKpi file: each column is found by its header name.</summary>
internal sealed class NativeRow : ImportRow
{
    /// <summary>The prefix that makes a header a dimension even when it is close to a column's name: <c>dim:</c>.</summary>
    public const string DimensionPrefix = "dim:";

    private readonly int[] _index;
    private readonly CsvTable _table;
    private readonly (string Name, int Field)[] _dimensions;

    private NativeRow(RowReader reader, DateTimeZone zone, CsvTable table, int[] index, (string Name, int Field)[] dimensions)
        : base(reader, zone)
    {
        _table = table;
        _index = index;
        _dimensions = dimensions;
    }

    /// <summary>Binds the header of a SalesKpi file, which the reader has just read.</summary>
    /// <exception cref="CsvImportException">A header name is unknown or repeated, or a required column is missing.</exception>
    public static NativeRow Bind(RowReader reader, DateTimeZone zone, CsvTable table, string file)
    {
        var index = Enumerable.Repeat(-1, table.Columns.Length).ToArray();
        var dimensions = new List<(string Name, int Field)>();
        for (var i = 0; i < reader.Count; i++)
        {
            var name = reader[i];
            var column = table.Find(name);
            if (column is null)
            {
                dimensions.Add((DimensionName(reader, file, table, i, dimensions), i));
                continue;
            }

            if (index[column.Index] >= 0)
            {
                throw HeaderError(reader, file, i, $"the column '{MessageText.Of(name)}' appears twice in the header");
            }

            index[column.Index] = i;
        }

        foreach (var column in table.Columns.Where(c => c.Required && index[c.Index] < 0))
        {
            throw new CsvImportException(new CsvRejection(file, reader.RecordLine, 1, null, $"the header has no '{column.Name}' column, which {table.FileName} requires (required: {string.Join(", ", table.Columns.Where(c => c.Required).Select(c => c.Name))})"));
        }

        return new NativeRow(reader, zone, table, index, [.. dimensions]);
    }

    protected override int TypedField(CsvColumn column) => _index[column.Index];

    public override bool HasDimensions => _dimensions.Length > 0;

    public override Dimensions ReadDimensions(StringPool pool)
    {
        if (_dimensions.Length == 0)
        {
            return Dimensions.Empty;
        }

        List<KeyValuePair<string, string>>? values = null;
        foreach (var (name, field) in _dimensions)
        {
            if (field < Reader.Count && Reader.Span(field).Trim() is { IsEmpty: false } value)
            {
                (values ??= new(_dimensions.Length)).Add(new(name, pool.Get(value)));
            }
        }

        return values is null ? Dimensions.Empty : Dimensions.Create(values);
    }

    public override bool NoSpanMeansNoValue => true;

    /// <summary>Returns the same binding of columns over another reader of the same file.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The row.</returns>
    public NativeRow Rebind(RowReader reader) => new(reader, Zone, _table, _index, _dimensions);

    /// <summary>
    /// Returns the dimension a header that is no column of the file names: the header itself, or what follows
    /// <see cref="DimensionPrefix"/>. A header so close to a column's name that it looks like a typo of it stays an error,
    /// as every unknown column was before dimensions: a misspelt <c>qualifed_at</c> must not quietly become a dimension.
    /// </summary>
    private static string DimensionName(RowReader reader, string file, CsvTable table, int field, List<(string Name, int Field)> before)
    {
        var header = reader[field].Trim();
        var columns = table.Columns.Select(c => c.Name);
        if (!table.HasDimensions)
        {
            throw HeaderError(reader, file, field, $"unknown column '{MessageText.Of(header)}' in {table.FileName}; its columns are {string.Join(", ", columns)}{Suggestions.DidYouMean(header, columns)} (its rows are no records of their own, so it has no dimension columns; to read another export, use a mapping)");
        }

        var forced = header.StartsWith(DimensionPrefix, StringComparison.OrdinalIgnoreCase);
        var name = forced ? header[DimensionPrefix.Length..].Trim() : header;
        if (name.Length == 0)
        {
            throw HeaderError(reader, file, field, forced
                ? $"the header '{MessageText.Of(header)}' names no dimension; write it as {DimensionPrefix}NAME"
                : $"unknown column '' in {table.FileName}: column {field + 1} of the header has no name; every column needs one (its columns are {string.Join(", ", columns)}, and any other name is a dimension)");
        }

        if (name.Length > Dimensions.MaxNameLength)
        {
            throw HeaderError(reader, file, field, string.Create(CultureInfo.InvariantCulture, $"unknown column '{MessageText.Of(name)}' in {table.FileName}: as a dimension, its name is {name.Length:N0} characters long, and a dimension's name has at most {Dimensions.MaxNameLength}"));
        }

        if (!forced && Suggestions.Closest(name, columns) is { Count: > 0 } close)
        {
            throw HeaderError(reader, file, field, $"unknown column '{MessageText.Of(header)}' in {table.FileName}{Suggestions.DidYouMean(name, columns)} Any other column is read as a dimension, but this one is so close to '{close[0]}' that it looks like a typo: correct it, or write '{DimensionPrefix}{MessageText.Of(name)}' to read it as a dimension (its columns are {string.Join(", ", columns)}; to read another export, use a mapping)");
        }

        if (before.Any(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw HeaderError(reader, file, field, $"the dimension '{MessageText.Of(name)}' appears twice in the header (dimension names are compared ignoring case)");
        }

        return name;
    }

    public override bool TrySpan(CsvColumn column, out ReadOnlySpan<char> value)
    {
        var i = _index[column.Index];
        if (i < 0)
        {
            value = default;
            return false;
        }

        value = Reader.Span(i);
        return !value.IsWhiteSpace();
    }

    public override Cell Get(CsvColumn column)
    {
        var i = _index[column.Index];
        if (i < 0)
        {
            return new Cell(null, Start, column.Name, column, null);
        }

        var text = Reader[i];
        return new Cell(string.IsNullOrWhiteSpace(text) ? null : text, Reader.PositionOf(i), column.Name, column, null);
    }

    public override string ToString() => _table.FileName;

    internal static CsvImportException HeaderError(RowReader reader, string file, int field, string reason)
    {
        var position = reader.PositionOf(field);
        return new CsvImportException(new CsvRejection(file, position.Line, position.Column, null, reason));
    }
}

/// <summary>A row of another export, read as a SalesKpi row through a <see cref="FileMapping"/>.</summary>
internal sealed class MappedRow : ImportRow
{
    private readonly FileMapping _mapping;
    private readonly int[] _source;
    private readonly int _whereIndex;
    private readonly int[] _skipIndex;
    private readonly int[] _dimensionSource;
    private readonly LookupTable?[] _lookups;

    private MappedRow(RowReader reader, DateTimeZone zone, FileMapping mapping, int[] source, int whereIndex, int[] skipIndex, int[] dimensionSource, LookupTable?[] lookups)
        : base(reader, zone)
    {
        _mapping = mapping;
        _source = source;
        _whereIndex = whereIndex;
        _skipIndex = skipIndex;
        _dimensionSource = dimensionSource;
        _lookups = lookups;
    }

    /// <summary>Binds the header of a source file, which the reader has just read, to a mapping.</summary>
    /// <param name="reader">The reader, on the header.</param>
    /// <param name="zone">The zone of local dates.</param>
    /// <param name="mapping">The file's mapping.</param>
    /// <param name="file">The file, for messages.</param>
    /// <param name="mappingName">The mapping, for messages.</param>
    /// <param name="lookups">The look-up tables the mapping's dimensions read, loaded.</param>
    /// <exception cref="CsvImportException">A column the mapping names is not in the header, or a header name is repeated.</exception>
    public static MappedRow Bind(RowReader reader, DateTimeZone zone, FileMapping mapping, string file, string mappingName, IReadOnlyDictionary<LookupMapping, LookupTable> lookups)
    {
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < reader.Count; i++)
        {
            if (!header.TryAdd(reader[i].Trim(), i))
            {
                throw NativeRow.HeaderError(reader, file, i, $"the column '{MessageText.Of(reader[i])}' appears twice in the header");
            }
        }

        int Find(string column, string usedFor) =>
            header.TryGetValue(column, out var i)
                ? i
                : throw new CsvImportException(new CsvRejection(file, reader.RecordLine, 1, null, $"the mapping {mappingName} reads the column '{MessageText.Of(column)}' ({usedFor}), which the header does not have; its columns are {MessageText.List(header.Keys)}{Suggestions.DidYouMean(column, header.Keys)}"));

        var source = new int[mapping.Columns.Length];
        for (var c = 0; c < source.Length; c++)
        {
            source[c] = mapping.Columns[c] is { Source: { } name } ? Find(name, $"for {mapping.Target.FileName} {mapping.Columns[c]!.Target.Name}") : -1;
        }

        var where = mapping.Where is { } w ? Find(w.Column, "in 'where'") : -1;
        var skip = mapping.Skip.Select(s => Find(s.When.Column, $"in the skip rule '{MessageText.Of(s.Reason)}'")).ToArray();
        var dimensions = mapping.Dimensions.Select(d => d.Column.Source is { } name ? Find(name, $"for the dimension {d.Name}") : -1).ToArray();
        var tables = mapping.Dimensions.Select(d => d.Lookup is { } l ? lookups[l] : null).ToArray();
        return new MappedRow(reader, zone, mapping, source, where, skip, dimensions, tables);
    }

    public override bool HasDimensions => _dimensionSource.Length > 0;

    public override Dimensions ReadDimensions(StringPool pool)
    {
        if (_dimensionSource.Length == 0)
        {
            return Dimensions.Empty;
        }

        List<KeyValuePair<string, string>>? values = null;
        for (var d = 0; d < _dimensionSource.Length; d++)
        {
            var dimension = _mapping.Dimensions[d];
            if (Value(dimension, d) is { } value)
            {
                (values ??= new(_dimensionSource.Length)).Add(new(dimension.Name, pool.Get(value.AsSpan().Trim())));
            }
        }

        return values is null ? Dimensions.Empty : Dimensions.Create(values);
    }

    /// <summary>Returns true when the mapping's <c>where</c> condition takes the current row.</summary>
    public bool IsSelected => _whereIndex < 0 || _mapping.Where!.Values.Contains(Reader[_whereIndex]);

    /// <summary>Returns the skip rule the current row matches, or null.</summary>
    public SkipRule? SkipRule
    {
        get
        {
            for (var i = 0; i < _skipIndex.Length; i++)
            {
                if (_mapping.Skip[i].When.Values.Contains(Reader[_skipIndex[i]]))
                {
                    return _mapping.Skip[i];
                }
            }

            return null;
        }
    }

    protected override int TypedField(CsvColumn column) =>
        _mapping.Columns[column.Index] is { Source: not null, Values: null } ? _source[column.Index] : -1;

    public override Cell Get(CsvColumn column)
    {
        if (_mapping.Columns[column.Index] is not { } map)
        {
            return new Cell(null, Start, column.Name, column, null);
        }

        if (map.Constant is { } constant)
        {
            return new Cell(constant, Start, column.Name, column, map.Format);
        }

        var i = _source[column.Index];
        var text = Reader[i];
        var cell = new Cell(text, Reader.PositionOf(i), map.Source!, column, map.Format);
        if (string.IsNullOrWhiteSpace(text))
        {
            return cell with { Text = map.Default };
        }

        if (map.Values is { } values)
        {
            if (!values.TryGetValue(text, out var translated))
            {
                throw new RowException(cell, $"the value '{MessageText.Of(text)}' is not in the mapping's values for {column.Name} ({MessageText.List(values.Keys, k => $"'{k}'")})");
            }

            return cell with { Text = string.IsNullOrWhiteSpace(translated) ? null : translated };
        }

        return cell;
    }

    public override string ToString() => _mapping.Source + " → " + _mapping.Target.FileName;

    /// <summary>Returns a dimension's value in the current row: the cell (or the constant, or the default for an empty
    /// cell), translated through the mapping's values, then looked up; null when it ends up empty.</summary>
    private string? Value(DimensionMapping dimension, int d)
    {
        var map = dimension.Column;
        var target = new CsvColumn(dimension.Name, false, CsvFieldType.Text);
        Cell cell;
        if (map.Constant is { } constant)
        {
            cell = new Cell(constant, Start, dimension.Name, target, null);
        }
        else
        {
            var i = _dimensionSource[d];
            var text = Reader[i];
            cell = new Cell(text, Reader.PositionOf(i), map.Source!, target, null);
            if (string.IsNullOrWhiteSpace(text))
            {
                cell = cell with { Text = map.Default };
            }
            else if (map.Values is { } values)
            {
                if (!values.TryGetValue(text, out var translated))
                {
                    throw new RowException(cell, $"the value '{MessageText.Of(text)}' is not in the mapping's values for the dimension {dimension.Name} ({MessageText.List(values.Keys, k => $"'{k}'")})");
                }

                cell = cell with { Text = translated };
            }
        }

        if (string.IsNullOrWhiteSpace(cell.Text))
        {
            return null;
        }

        return _lookups[d] is { } lookup ? lookup.Find(cell, dimension) : cell.Text;
    }
}
