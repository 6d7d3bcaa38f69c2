using System.Globalization;
using System.Text;

namespace SalesKpi.Csv.Tests;

/// <summary>The hand-written reader the importer used before Sep (issue #18), kept as the oracle of <see cref="CsvRecordReaderPropertyTests"/>.</summary>
internal sealed class ReferenceRecordReader : IDisposable
{
    private const int EndOfInput = -1;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _field = new();
    private readonly List<string> _values = [];
    private readonly List<CsvPosition> _positions = [];
    private readonly int _maxField;
    private readonly int _maxRecord;
    private int _pos;
    private int _len;
    private long _line = 1;
    private int _column = 1;
    private long _recordLength;
    private string? _overflow;
    private CsvPosition _overflowAt;

    /// <summary>Initializes a reader.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="maxFieldLength">The most characters a field may have (<see cref="CsvImportOptions.MaxFieldLength"/>).</param>
    /// <param name="maxRecordLength">The most characters a record may have (<see cref="CsvImportOptions.MaxRecordLength"/>).</param>
    public ReferenceRecordReader(TextReader reader, int maxFieldLength = CsvImportOptions.DefaultMaxFieldLength, int maxRecordLength = CsvImportOptions.DefaultMaxRecordLength)
    {
        _reader = reader;
        _maxField = maxFieldLength;
        _maxRecord = maxRecordLength;
    }

    /// <summary>Gets the line on which the current record starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Gets the number of fields of the current record.</summary>
    public int Count => _values.Count;

    /// <summary>Gets a field of the current record.</summary>
    public string this[int index] => _values[index];

    /// <summary>Returns where a field of the current record starts.</summary>
    public CsvPosition PositionOf(int index) => _positions[index];

    /// <summary>Reads the next record.</summary>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="CsvSyntaxException">The record is malformed; the reader has moved past it, so reading can go on.</exception>
    /// <exception cref="CsvEncodingException">The file's bytes are not text where the reader is; reading cannot go on.</exception>
    public bool Read()
    {
        _values.Clear();
        _positions.Clear();
        while (Peek() is '\n' or '\r')
        {
            Next();
        }

        if (Peek() == EndOfInput)
        {
            return false;
        }

        RecordLine = _line;
        // Every character read counts; the count starts again with each record.
        _recordLength = 0;
        _overflow = null;
        ReadFields();

        if (_overflow is not null)
        {
            _values.Clear();
            _positions.Clear();
            throw new CsvSyntaxException(_overflowAt, RecordLine, _overflow);
        }

        return true;
    }

    public void Dispose() => _reader.Dispose();

    private void ReadFields()
    {
        while (true)
        {
            var start = new CsvPosition(_line, _column);
            _field.Clear();
            if (Peek() == '"')
            {
                ReadQuoted(start);
            }
            else
            {
                ReadUnquoted(start);
            }

            _values.Add(_overflow is null ? _field.ToString() : string.Empty);
            _positions.Add(start);
            var c = Peek();
            if (c == ',')
            {
                Next();
                if (_overflow is null && _recordLength > _maxRecord)
                {
                    // Empty fields store no characters: the separators alone can make a record too long.
                    RecordOverflow();
                }

                continue;
            }

            if (c != EndOfInput)
            {
                // A line break ends the record.
                Next();
            }

            return;
        }
    }

    /// <summary>Adds a character to the current field, unless the field or the record is over its limit.</summary>
    private void Append(char c, CsvPosition fieldStart)
    {
        if (_overflow is not null)
        {
            return;
        }

        if (_recordLength > _maxRecord)
        {
            RecordOverflow();
            return;
        }

        if (_field.Length >= _maxField)
        {
            Overflow(fieldStart, string.Create(CultureInfo.InvariantCulture, $"the field is longer than {_maxField:N0} characters (CsvImportOptions.MaxFieldLength)"));
            return;
        }

        _field.Append(c);
    }

    private void RecordOverflow() =>
        Overflow(new CsvPosition(RecordLine, 1), string.Create(CultureInfo.InvariantCulture, $"the record is longer than {_maxRecord:N0} characters (CsvImportOptions.MaxRecordLength)"));

    /// <summary>Stops storing the record, which is read to its end and then reported.</summary>
    private void Overflow(CsvPosition at, string reason)
    {
        _overflow = reason;
        _overflowAt = at;
        _field.Clear();
        _values.Clear();
        _positions.Clear();
    }

    private void ReadQuoted(CsvPosition start)
    {
        Next();
        while (true)
        {
            var c = Next();
            if (c == EndOfInput)
            {
                throw new CsvSyntaxException(start, RecordLine, "the quoted field is not closed: a \" is missing before the end of the file");
            }

            if (c == '"')
            {
                if (Peek() == '"')
                {
                    Next();
                    Append('"', start);
                    continue;
                }

                var after = Peek();
                if (after is ',' or '\n' or '\r' or EndOfInput)
                {
                    return;
                }

                var at = new CsvPosition(_line, _column);
                SkipRestOfLine();
                throw new CsvSyntaxException(at, RecordLine, $"unexpected '{(char)after}' after the closing quote of a quoted field; double a quote inside a quoted field (\"\")");
            }

            Append((char)c, start);
        }
    }

    private void ReadUnquoted(CsvPosition start)
    {
        while (true)
        {
            var c = Peek();
            if (c is ',' or '\n' or '\r' or EndOfInput)
            {
                return;
            }

            if (c == '"')
            {
                var at = new CsvPosition(_line, _column);
                SkipRestOfLine();
                throw new CsvSyntaxException(at, RecordLine, "a quote inside an unquoted field; quote the whole field and double the quote (\"a \"\"b\"\" c\")");
            }

            Append((char)Next(), start);
        }
    }

    private void SkipRestOfLine()
    {
        while (Peek() is not ('\n' or '\r' or EndOfInput))
        {
            Next();
        }

        if (Peek() != EndOfInput)
        {
            Next();
        }
    }

    private int Peek()
    {
        if (_pos == _len)
        {
            _pos = 0;
            try
            {
                _len = _reader.Read(_buffer, 0, _buffer.Length);
            }
            catch (CsvTextException e)
            {
                _len = 0;
                throw new CsvEncodingException(new CsvPosition(_line, _column), e.Message);
            }

            if (_len <= 0)
            {
                _len = 0;
                return EndOfInput;
            }
        }

        return _buffer[_pos];
    }

    private int Next()
    {
        var c = Peek();
        if (c == EndOfInput)
        {
            return c;
        }

        _pos++;
        _recordLength++;

        if (c == '\n' || (c == '\r' && Peek() != '\n'))
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        return c;
    }
}
