using System.Data.Common;
using System.Globalization;
using NodaTime;

namespace SalesKpi.Csv;

/// <summary>
/// The rows of a <see cref="DbDataReader"/> as an import reads them: a header of the column names, then one row per
/// result row. Values keep their database type where it says what they are (a timestamp, a date, an exact number); any
/// other value is read as its invariant text, so that the text rules of a CSV file apply to it unchanged.
/// </summary>
/// <remarks>
/// <para>Positions are the row's number in the result (1 for the first row) and the column's ordinal (1 for the first).</para>
/// </remarks>
internal sealed class DataRowReader : RowReader
{
    private readonly DbDataReader _reader;
    private readonly string _described;
    private object[] _values = [];
    private string?[] _text = [];
    private bool[] _zoned = [];
    private long _row = -1;

    public DataRowReader(DbDataReader reader, string described)
    {
        _reader = reader;
        _described = described;
    }

    public override bool HasTypedValues => true;

    public override long RecordLine => Math.Max(_row, 1);

    public override int Count => _values.Length;

    public override string this[int index] => _row == 0 ? _reader.GetName(index) : _text[index] ??= Text(_values[index] is DateTime { Kind: DateTimeKind.Unspecified } zoned && _zoned[index] ? DateTime.SpecifyKind(zoned, DateTimeKind.Utc) : _values[index]);

    public override ReadOnlySpan<char> Span(int index) => this[index];

    public override CsvPosition PositionOf(int index) => new(RecordLine, index + 1);

    public override bool Read() => ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (_row < 0)
        {
            // The header: the column names.
            _row = 0;
            _values = new object[_reader.FieldCount];
            _text = new string?[_values.Length];
            _zoned = [.. Enumerable.Range(0, _values.Length).Select(i => IsZoned(_reader.GetDataTypeName(i)))];
            return true;
        }

        try
        {
            if (!await _reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            _reader.GetValues(_values);
        }
        catch (DbException e)
        {
            throw new CsvImportException(string.Create(CultureInfo.InvariantCulture, $"cannot read {_described} after row {_row}: {MessageText.OfMessage(e.Message)}"), e);
        }

        _row++;
        Array.Clear(_text);
        return true;
    }

    public override bool TryGetInstant(int index, DateTimeZone zone, out Instant value)
    {
        switch (_values[index])
        {
            case DateTimeOffset offset:
                value = Instant.FromDateTimeOffset(offset);
                return true;
            case DateTime { Kind: DateTimeKind.Utc } utc:
                value = Instant.FromDateTimeUtc(utc);
                return true;
            case DateTime { Kind: DateTimeKind.Local } local:
                value = Instant.FromDateTimeUtc(local.ToUniversalTime());
                return true;
            case DateTime utc when _zoned[index]:
                // A timestamp with a time zone that the provider hands over as a DateTime of no kind (DuckDB.NET does).
                value = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
                return true;
            case DateTime unspecified:
                // A timestamp without a time zone is a wall-clock time, placed in the import's zone as a mapping's
                // local dates and times are.
                try
                {
                    value = LocalDateTime.FromDateTime(unspecified).InZoneLeniently(zone).ToInstant();
                    return true;
                }
                catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
                {
                    break;
                }
        }

        value = default;
        return false;
    }

    public override bool TryGetDate(int index, out LocalDate value)
    {
        switch (_values[index])
        {
            case DateOnly date:
                value = LocalDate.FromDateOnly(date);
                return true;
            case DateTime { TimeOfDay.Ticks: 0 } midnight:
                // A DATE column of a provider that returns DateTime.
                value = LocalDate.FromDateTime(midnight);
                return true;
        }

        value = default;
        return false;
    }

    public override bool TryGetDecimal(int index, out decimal value)
    {
        // A binary floating-point number (REAL, DOUBLE) goes through its shortest text, so 1250.5 stays 1250.5.
        switch (_values[index])
        {
            case decimal d:
                value = d;
                return true;
            case long l:
                value = l;
                return true;
            case int i:
                value = i;
                return true;
            case short s:
                value = s;
                return true;
            case byte b:
                value = b;
                return true;
        }

        value = default;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Returns true for the name of a column type that holds instants: <c>timestamptz</c>, <c>TimestampTz</c> (DuckDB),
    /// <c>timestamp with time zone</c> (PostgreSQL).
    /// </summary>
    internal static bool IsZoned(string? typeName) =>
        typeName is not null
        && (typeName.EndsWith("tz", StringComparison.OrdinalIgnoreCase)
            || (typeName.Contains("with time zone", StringComparison.OrdinalIgnoreCase) && !typeName.Contains("without", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Returns a value's text: what a CSV export of it would hold.</summary>
    internal static string Text(object value) => value switch
    {
        null or DBNull => string.Empty,
        string s => s,
        DateTime { Kind: DateTimeKind.Utc } utc => utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTime local => local.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset offset => offset.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),

        // A nested value (a struct, a map, a list) is shown as what it holds, never as the name of its .NET type, so that
        // a mapping that reads one by mistake shows it: {first: Ana, last: Lima}, [a, b].
        System.Collections.IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => Text(k) + ": " + Text(map[k]!))) + "}",
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object>().Select(Text)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
