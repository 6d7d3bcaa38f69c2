using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;

namespace SalesKpi.Csv;

/// <summary>
/// A streaming RFC 4180 reader that returns one record at a time and knows the line and column where each field starts:
/// Sep splits the records, <see cref="CsvSyntaxGuard"/> in front of it makes them strict.
/// </summary>
/// <remarks>
/// <para>Fields are separated by commas (or another delimiter); a field may be quoted with <c>"</c>, in which case it may contain commas, line
/// breaks and doubled quotes (<c>""</c> for one <c>"</c>). Records end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>. A line
/// with no characters at all is not a record (a trailing newline, a blank line between records). Lines and columns are
/// 1-based; a column counts UTF-16 characters from the start of its physical line.</para>
/// <para>Only the current record and Sep's block are held in memory, whatever the size of the input: a field longer
/// than the field limit, or a record longer than the record limit (counted in characters, separators, quotes and line
/// breaks inside quoted fields included), is read to its end without being stored and then reported as a
/// <see cref="CsvSyntaxException"/>, so that reading can go on at the next record.</para>
/// <para>Values are read as spans of Sep's buffer (<see cref="Span"/>), valid until the next <see cref="Read"/>; only a
/// quoted value, whose doubled quotes are undone, is copied.</para>
/// </remarks>
internal sealed class CsvRecordReader : RowReader
{
    private readonly CsvSyntaxGuard _guard;
    private readonly SepReader _sep;
    private readonly UnquotedFields _unquoted = new();
    private bool _hasRow;
    private long _delta;
    private long _recordLine;

    /// <summary>Initializes a reader.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="maxFieldLength">The most characters a field may have (<see cref="CsvImportOptions.MaxFieldLength"/>).</param>
    /// <param name="maxRecordLength">The most characters a record may have (<see cref="CsvImportOptions.MaxRecordLength"/>).</param>
    /// <param name="delimiter">The character between fields (<see cref="CsvImportOptions.Delimiter"/>).</param>
    public CsvRecordReader(TextReader reader, int maxFieldLength = CsvImportOptions.DefaultMaxFieldLength, int maxRecordLength = CsvImportOptions.DefaultMaxRecordLength, char delimiter = ',')
    {
        _guard = new CsvSyntaxGuard(reader, maxFieldLength, maxRecordLength, delimiter);
        _sep = Sep.New(delimiter).Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(_guard);
    }

    /// <summary>Gets the line the current record starts on.</summary>
    public override long RecordLine => _recordLine;

    /// <summary>Gets the stream whose bytes the reader's text comes from, counted for progress reports.</summary>
    public CountingStream? Counter { get; init; }

    /// <inheritdoc/>
    public override long BytesRead => Counter?.BytesRead ?? 0;

    /// <summary>Gets the number of characters of the current record (its line break not counted).</summary>
    public override int RecordLength => _hasRow ? _sep.Current.Span.Length : 0;

    /// <summary>Gets the number of fields of the current record.</summary>
    public override int Count => _hasRow ? _sep.Current.ColCount : 0;

    /// <summary>Gets a field's value as a new string.</summary>
    /// <param name="index">The field.</param>
    public override string this[int index] => Span(index).ToString();

    /// <summary>Returns a field's value, valid until the next <see cref="Read"/>.</summary>
    /// <param name="index">The field.</param>
    /// <returns>The characters, quotes undone.</returns>
    public override ReadOnlySpan<char> Span(int index) => _unquoted.Get(index, Raw(index));

    /// <summary>Returns where a field of the current record starts.</summary>
    /// <param name="index">The field.</param>
    /// <returns>Its line and column.</returns>
    public override CsvPosition PositionOf(int index) => Position(_sep.Current.Span, Offset(index), RecordLine);

    /// <summary>Returns where a field starts, from the text of its record.</summary>
    /// <param name="record">The record as it is in the file, quotes and line breaks included.</param>
    /// <param name="offset">Where the field starts in <paramref name="record"/>.</param>
    /// <param name="recordLine">The line the record starts on.</param>
    /// <returns>Its line and column.</returns>
    internal static CsvPosition Position(ReadOnlySpan<char> record, int offset, long recordLine)
    {
        var before = record[..offset];
        var line = recordLine;
        var lineStart = 0;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == '\n' || (before[i] == '\r' && (i + 1 >= record.Length || record[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new CsvPosition(line, offset - lineStart + 1);
    }

    /// <summary>Copies the current record into a batch that another thread reads (<see cref="ReadAheadRowReader"/>).</summary>
    /// <param name="batch">The batch.</param>
    internal void CopyTo(RowBatch batch)
    {
        var count = _sep.Current.ColCount;
        var fields = batch.ReserveFields(count);
        for (var i = 0; i < count; i++)
        {
            var offset = Offset(i);
            fields[i] = (offset, offset + Raw(i).Length);
        }

        batch.AddRecord(_sep.Current.Span, count, RecordLine);
    }

    /// <summary>Reads the next record.</summary>
    /// <returns>False at the end of the text.</returns>
    /// <exception cref="CsvSyntaxException">The record is malformed or over a limit; the next call reads the record after it.</exception>
    /// <exception cref="CsvEncodingException">The text holds bytes that are not text; nothing after them can be read.</exception>
    public override bool Read()
    {
        _unquoted.Clear();
        while (true)
        {
            _hasRow = _sep.MoveNext();
            if (!_hasRow)
            {
                if (_guard.Problems.TryDequeue(out var last) && last.Encoding)
                {
                    // Bad bytes after the last record's line break.
                    throw new CsvEncodingException(last.Position, last.Reason);
                }

                return false;
            }

            var row = _sep.Current;

            // Sep reports the first row's line numbers as they are after it; it starts on line 1.
            long sepLine = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
            var shifts = _guard.Shifts;
            while (shifts.TryPeek(out var shift) && shift.SepLine <= sepLine)
            {
                _delta = shifts.Dequeue().Delta;
            }

            _recordLine = sepLine + _delta;
            while (_guard.Problems.TryPeek(out var stale) && stale.SepLine < sepLine)
            {
                _guard.Problems.Dequeue();
            }

            if (_guard.Problems.TryPeek(out var problem) && problem.SepLine == sepLine)
            {
                _hasRow = false;
                Throw(sepLine);
            }

            if (row.Span.Length > 0)
            {
                return true;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sep.Dispose();
            _guard.Dispose();
        }

        base.Dispose(disposing);
    }

    private ReadOnlySpan<char> Raw(int index) => _sep.Current[index].Span;

    private int Offset(int index) =>
        (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(_sep.Current.Span), ref MemoryMarshal.GetReference(Raw(index))) / sizeof(char));

    private void Throw(long sepLine)
    {
        var first = _guard.Problems.Dequeue();
        var problem = first;
        while (_guard.Problems.TryPeek(out var next) && next.SepLine == sepLine)
        {
            _guard.Problems.Dequeue();
            if (next.Encoding)
            {
                problem = next;
            }
        }

        if (problem.Encoding)
        {
            throw new CsvEncodingException(problem.Position, problem.Reason);
        }

        throw new CsvSyntaxException(problem.Position, problem.RecordLine, problem.Reason);
    }

    /// <summary>Undoes the quoting of a well-formed quoted field (the guard lets no other through).</summary>
    internal static string Unquote(ReadOnlySpan<char> raw)
    {
        var inner = raw[1..^1];
        var quotes = inner.Count('"') / 2;
        if (quotes == 0)
        {
            return inner.ToString();
        }

        return string.Create(inner.Length - quotes, inner.ToString(), static (destination, text) =>
        {
            var w = 0;
            for (var i = 0; i < text.Length; i++)
            {
                destination[w++] = text[i];
                if (text[i] == '"')
                {
                    i++;
                }
            }
        });
    }
}

/// <summary>
/// The values of the current record's quoted fields, their quotes undone once each and kept until the next record; an
/// unquoted field is its raw text.
/// </summary>
internal sealed class UnquotedFields
{
    private string?[] _values = new string?[16];
    private bool _used;

    /// <summary>Returns a field's value.</summary>
    /// <param name="index">The field.</param>
    /// <param name="raw">Its text as it is in the file.</param>
    /// <returns>The value.</returns>
    public ReadOnlySpan<char> Get(int index, ReadOnlySpan<char> raw)
    {
        if (raw.Length == 0 || raw[0] != '"')
        {
            return raw;
        }

        if (index >= _values.Length)
        {
            Array.Resize(ref _values, Math.Max(index + 1, _values.Length * 2));
        }

        _used = true;
        return _values[index] ??= CsvRecordReader.Unquote(raw);
    }

    /// <summary>Forgets the values, for the next record.</summary>
    public void Clear()
    {
        if (_used)
        {
            Array.Clear(_values);
            _used = false;
        }
    }
}

/// <summary>A line and a 1-based column.</summary>
/// <param name="Line">The line.</param>
/// <param name="Column">The column, in UTF-16 characters.</param>
internal readonly record struct CsvPosition(long Line, int Column);

/// <summary>Bytes that are not text; the file cannot be read past them.</summary>
internal sealed class CsvEncodingException(CsvPosition position, string message) : Exception(message)
{
    public CsvPosition Position { get; } = position;
}

/// <summary>A malformed record; reading goes on with the next one.</summary>
internal sealed class CsvSyntaxException(CsvPosition position, long recordLine, string message) : Exception(message)
{
    public CsvPosition Position { get; } = position;

    public long RecordLine { get; } = recordLine;
}
