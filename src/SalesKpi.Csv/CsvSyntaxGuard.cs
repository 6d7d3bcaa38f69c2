using System.Globalization;

namespace SalesKpi.Csv;

/// <summary>
/// The strict half of the CSV reader: a <see cref="TextReader"/> between the decoder and Sep that finds what Sep, lenient
/// by design, lets through — a quote inside an unquoted field, text after a closing quote, a quoted field never closed,
/// a field or record over its limit, bytes that are not text — and hands Sep only well-formed text.
/// </summary>
/// <remarks>
/// <para>A bad record is cut where the problem is found: what was passed on of it is closed (a quote, when Sep is inside
/// one) and ended with the record's own line break, and the problem is queued under the line Sep will report for the
/// record. The text of an over-long field is never passed on, so Sep's buffer, like the old reader's, stays within the
/// limits whatever the file holds. Each line break the cut leaves out is queued too, so that Sep's line numbers can be
/// mapped back to the file's.</para>
/// <para>Text without a quote, far from the limits, is passed on in bulk: only its line breaks and commas are counted,
/// with vectorized searches. Text with quotes goes through the character-by-character state machine below, which follows
/// RFC 4180 exactly as the reader always has.</para>
/// </remarks>
internal sealed class CsvSyntaxGuard : TextReader
{
    private const int BlockLength = 16 * 1024;

    /// <summary>The longest record Sep's buffer holds (it stops at 16,777,216 characters, less the room it keeps free).</summary>
    internal const int RecordCeiling = 16_000_000;

    private readonly TextReader _inner;
    private readonly char _delimiter;
    private readonly int _maxField;
    private readonly int _maxRecord;
    private readonly int _bulkLimit;
    private readonly string _recordOverReason;
    private readonly char[] _in = new char[BlockLength];
    private readonly char[] _out = new char[(2 * BlockLength) + 8];
    private readonly Queue<GuardProblem> _problems = new();
    private readonly Queue<(long SepLine, long Delta)> _shifts = new();
    private int _inStart;
    private int _inEnd;
    private int _outStart;
    private int _outEnd;
    private bool _innerDone;
    private bool _finished;

    private State _state = State.RecordStart;
    private long _line = 1;      // the file's line at the next character
    private int _lineLength;     // characters since the last line break, for columns
    private bool _afterCr;       // the last character of the file read was '\r'
    private long _sepLine = 1;   // Sep's line at the next character passed on
    private bool _sepAfterCr;
    private long _delta;         // _line - _sepLine as last queued
    private long _recordSepLine;
    private long _recordLine;
    private long _recordLength;
    private int _fieldLength;
    private CsvPosition _fieldStart;
    private bool _sepInQuotes;   // Sep has seen an odd number of quotes in the record passed on
    private (CsvPosition At, string Reason)? _over; // the limit the record went over, reported at its end

    public CsvSyntaxGuard(TextReader inner, int maxFieldLength, int maxRecordLength, char delimiter = ',')
    {
        _inner = inner;
        _delimiter = delimiter;
        _maxField = maxFieldLength;
        _maxRecord = Math.Min(maxRecordLength, RecordCeiling);
        _recordOverReason = maxRecordLength <= RecordCeiling
            ? string.Create(CultureInfo.InvariantCulture, $"the record is longer than {maxRecordLength:N0} characters (CsvImportOptions.MaxRecordLength)")
            : string.Create(CultureInfo.InvariantCulture, $"the record is longer than {RecordCeiling:N0} characters, the most a record can have whatever CsvImportOptions.MaxRecordLength says");
        // A block is passed on in bulk only when no line in it can reach either limit.
        _bulkLimit = Math.Min(maxFieldLength, _maxRecord);
    }

    private enum State
    {
        RecordStart,
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
        SkipLine,
        OverUnquoted,
        OverQuoted,
        OverQuoteInQuoted,
    }

    /// <summary>Gets the problems found, each under the line Sep will report for its record, in file order.</summary>
    public Queue<GuardProblem> Problems => _problems;

    /// <summary>Gets the changes of (file line − Sep line), each from the Sep line on which it holds.</summary>
    public Queue<(long SepLine, long Delta)> Shifts => _shifts;

    public override int Peek() => -1;

    public override int Read() => throw new NotSupportedException("Read the CSV text in blocks.");

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        // A read never ends with a '\r' while text follows: Sep 0.18 loses a line when one read ends with '\r' and the
        // next starts with another ("\r\r" split between two reads counts as one line break).
        while (_outEnd - _outStart is var available && (available == 0 || (_out[_outEnd - 1] == '\r' && available <= buffer.Length)))
        {
            if (_finished)
            {
                if (available == 0)
                {
                    return 0;
                }

                break;
            }

            Produce();
        }

        var n = Math.Min(buffer.Length, _outEnd - _outStart);
        if (n > 1 && n < _outEnd - _outStart && _out[_outStart + n - 1] == '\r')
        {
            n--;
        }

        _out.AsSpan(_outStart, n).CopyTo(buffer);
        _outStart += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Adds a block of output from the input (after what is still held), or finishes the text at its end.</summary>
    private void Produce()
    {
        var held = _outEnd - _outStart;
        _out.AsSpan(_outStart, held).CopyTo(_out);
        _outStart = 0;
        _outEnd = held;
        if (_inStart == _inEnd && !Fill())
        {
            if (!_finished)
            {
                Finish();
            }

            return;
        }

        var block = _in.AsSpan(_inStart, _inEnd - _inStart);
        var open = _state == State.RecordStart ? 0 : _recordLength;
        if (_state is State.RecordStart or State.FieldStart or State.Unquoted
            && open + block.Length < _bulkLimit
            && !block.Contains('"'))
        {
            Bulk(block);
            _inStart = _inEnd;
            return;
        }

        // One block at a time through the state machine; the output block has room for it and for a closing quote.
        var end = _inEnd;
        for (var i = _inStart; i < end; i++)
        {
            Step(_in[i]);
        }

        _inStart = _inEnd;
    }

    private bool Fill()
    {
        if (_innerDone)
        {
            return false;
        }

        _inStart = 0;
        try
        {
            _inEnd = _inner.Read(_in, 0, _in.Length);
        }
        catch (CsvTextException e)
        {
            // The bytes before the bad ones have all been passed on: the problem is here, at the next character.
            _inEnd = 0;
            _innerDone = true;
            var inRecord = _state != State.RecordStart;
            _problems.Enqueue(new GuardProblem(inRecord ? _recordSepLine : long.MaxValue, new CsvPosition(_line, _lineLength + 1), _recordLine, e.Message, Encoding: true));
            CloseRecord();
            _finished = true;
            return false;
        }

        if (_inEnd <= 0)
        {
            _inEnd = 0;
            _innerDone = true;
            return false;
        }

        return true;
    }

    /// <summary>At the end of the text: a quoted field still open is not closed.</summary>
    private void Finish()
    {
        _finished = true;
        if (_state is State.Quoted or State.OverQuoted)
        {
            // Never closed, over a limit or not: the old reader reported this one.
            _over = null;
            Problem(_fieldStart, "the quoted field is not closed: a \" is missing before the end of the file");
            CloseRecord();
        }
        else if (_state is State.OverUnquoted or State.OverQuoteInQuoted)
        {
            EndOver();
        }
        else if (_state == State.SkipLine)
        {
            CloseRecord();
        }
    }

    /// <summary>Passes on a block without quotes whose lines are all shorter than the limits, counting what the states need.</summary>
    private void Bulk(ReadOnlySpan<char> block)
    {
        block.CopyTo(_out.AsSpan(_outEnd));
        _outEnd += block.Length;

        var lastBreak = block.LastIndexOfAny('\r', '\n');
        if (lastBreak < 0)
        {
            if (_state == State.RecordStart)
            {
                StartRecord();
            }

            Tail(block, block.Length);
            return;
        }

        // Line breaks: every '\n' and '\r', less the '\n' of each "\r\n" (also one split between two blocks).
        long breaks = block.Count('\n') + block.Count('\r') - block.Count("\r\n");
        if (_afterCr && block[0] == '\n')
        {
            breaks--;
        }

        _line += breaks;
        _sepLine += breaks;
        _afterCr = _sepAfterCr = block[^1] == '\r';
        _lineLength = 0;
        _state = State.RecordStart;
        var tail = block[(lastBreak + 1)..];
        if (tail.Length > 0)
        {
            StartRecord();
            Tail(tail, tail.Length);
        }
    }

    /// <summary>Counts the characters of a record's line that a bulk block ends with (no line break in them).</summary>
    private void Tail(ReadOnlySpan<char> text, int length)
    {
        _afterCr = _sepAfterCr = false;
        var comma = text.LastIndexOf(_delimiter);
        if (comma < 0)
        {
            if (_state == State.FieldStart)
            {
                _fieldStart = new CsvPosition(_line, _lineLength + 1);
                _fieldLength = 0;
            }

            _fieldLength += length;
        }
        else
        {
            _fieldStart = new CsvPosition(_line, _lineLength + comma + 2);
            _fieldLength = length - comma - 1;
        }

        _lineLength += length;
        _recordLength += length;
        _state = _fieldLength == 0 ? State.FieldStart : State.Unquoted;
    }

    private void StartRecord()
    {
        _state = State.FieldStart;
        _recordSepLine = _sepLine;
        _recordLine = _line;
        _recordLength = 0;
        _sepInQuotes = false;
        _fieldStart = new CsvPosition(_line, _lineLength + 1);
        _fieldLength = 0;
    }

    private void Step(char c)
    {
        var isBreak = c is '\n' or '\r';
        switch (_state)
        {
            case State.RecordStart:
                if (isBreak)
                {
                    Pass(c);
                    break;
                }

                StartRecord();
                goto case State.FieldStart;

            case State.FieldStart:
                _fieldStart = new CsvPosition(_line, _lineLength + 1);
                _fieldLength = 0;
                if (c == '"')
                {
                    _recordLength++;
                    Pass(c);
                    _state = State.Quoted;
                    break;
                }

                goto case State.Unquoted;

            case State.Unquoted:
                if (c == _delimiter)
                {
                    _recordLength++;
                    Pass(c);
                    _state = State.FieldStart;
                    _fieldLength = 0;
                    if (_recordLength > _maxRecord)
                    {
                        // Empty fields store no characters: the separators alone can make a record too long.
                        RecordOver();
                    }
                }
                else if (isBreak)
                {
                    Pass(c);
                    _state = State.RecordStart;
                }
                else if (c == '"')
                {
                    Problem(Here(), "a quote inside an unquoted field; quote the whole field and double the quote (\"a \"\"b\"\" c\")");
                    _state = State.SkipLine;
                    Count(c);
                }
                else
                {
                    _state = State.Unquoted;
                    Content(c, State.OverUnquoted);
                }

                break;

            case State.Quoted:
                if (c == '"')
                {
                    _recordLength++;
                    Pass(c);
                    _state = State.QuoteInQuoted;
                }
                else
                {
                    Content(c, State.OverQuoted);
                }

                break;

            case State.QuoteInQuoted:
                if (c == '"')
                {
                    // A doubled quote: one character of the field.
                    _state = State.Quoted;
                    Content(c, State.OverQuoted);
                }
                else if (c == _delimiter)
                {
                    _state = State.FieldStart;
                    goto case State.Unquoted;
                }
                else if (isBreak)
                {
                    Pass(c);
                    _state = State.RecordStart;
                }
                else
                {
                    Problem(Here(), $"unexpected '{c}' after the closing quote of a quoted field; double a quote inside a quoted field (\"\")");
                    _state = State.SkipLine;
                    Count(c);
                }

                break;

            case State.SkipLine:
                if (isBreak)
                {
                    CloseRecord();
                    Pass(c);
                    _state = State.RecordStart;
                }
                else
                {
                    Count(c);
                }

                break;

            case State.OverUnquoted:
                if (isBreak)
                {
                    EndOver();
                    Pass(c);
                    _state = State.RecordStart;
                }
                else if (c == _delimiter)
                {
                    _fieldLength = 0;
                    Count(c);
                }
                else if (c == '"' && _fieldLength > 0)
                {
                    // The old reader's rule: a syntax error in an over-long record is the one reported.
                    Syntax(Here(), "a quote inside an unquoted field; quote the whole field and double the quote (\"a \"\"b\"\" c\")");
                    Count(c);
                }
                else
                {
                    if (_fieldLength == 0)
                    {
                        _fieldStart = Here();
                        _state = c == '"' ? State.OverQuoted : State.OverUnquoted;
                    }

                    _fieldLength = 1;
                    Count(c);
                }

                break;

            case State.OverQuoted:
                if (c == '"')
                {
                    _state = State.OverQuoteInQuoted;
                }

                Count(c);
                break;

            case State.OverQuoteInQuoted:
                if (c == '"')
                {
                    _state = State.OverQuoted;
                    Count(c);
                }
                else if (isBreak)
                {
                    EndOver();
                    Pass(c);
                    _state = State.RecordStart;
                }
                else if (c == _delimiter)
                {
                    _state = State.OverUnquoted;
                    _fieldLength = 0;
                    Count(c);
                }
                else
                {
                    Syntax(Here(), $"unexpected '{c}' after the closing quote of a quoted field; double a quote inside a quoted field (\"\")");
                    Count(c);
                }

                break;
        }
    }

    /// <summary>One character of a field's value: passed on, unless it takes the field or the record over its limit.</summary>
    private void Content(char c, State over)
    {
        _recordLength++;
        if (_recordLength > _maxRecord)
        {
            RecordOver();
            _state = over;
            _fieldLength = 1;
            Count(c);
            return;
        }

        if (_fieldLength >= _maxField)
        {
            _over = (_fieldStart, string.Create(CultureInfo.InvariantCulture, $"the field is longer than {_maxField:N0} characters (CsvImportOptions.MaxFieldLength)"));
            _state = over;
            Count(c);
            return;
        }

        _fieldLength++;
        Pass(c);
    }

    private void RecordOver()
    {
        _over = (new CsvPosition(_recordLine, 1), _recordOverReason);
        _state = _state is State.Quoted or State.QuoteInQuoted ? State.OverQuoted : State.OverUnquoted;
    }

    private CsvPosition Here() => new(_line, _lineLength + 1);

    /// <summary>Ends an over-long record: its problem is the limit it went over.</summary>
    private void EndOver()
    {
        if (_over is { } over)
        {
            Problem(over.At, over.Reason);
            _over = null;
        }

        CloseRecord();
    }

    /// <summary>A syntax error in an over-long record: reported instead of the limit; the row ends at its line.</summary>
    private void Syntax(CsvPosition at, string reason)
    {
        _over = null;
        Problem(at, reason);
        _state = State.SkipLine;
    }

    private void Problem(CsvPosition at, string reason) =>
        _problems.Enqueue(new GuardProblem(_recordSepLine, at, _recordLine, reason, Encoding: false));

    /// <summary>Ends what Sep has of a cut record: its quote closed, so that the record's line break ends it for Sep too.</summary>
    private void CloseRecord()
    {
        if (_sepInQuotes)
        {
            _out[_outEnd++] = '"';
            _sepInQuotes = false;
            _sepAfterCr = false;
        }
    }

    /// <summary>Passes a character on to Sep.</summary>
    private void Pass(char c)
    {
        _out[_outEnd++] = c;
        if (c == '"')
        {
            _sepInQuotes = !_sepInQuotes;
        }

        if (c == '\n')
        {
            if (!_sepAfterCr)
            {
                _sepLine++;
            }

            _sepAfterCr = false;
        }
        else if (c == '\r')
        {
            _sepLine++;
            _sepAfterCr = true;
        }
        else
        {
            _sepAfterCr = false;
        }

        Count(c);
        if (c is '\n' or '\r' && _line - _sepLine != _delta)
        {
            _delta = _line - _sepLine;
            _shifts.Enqueue((_sepLine, _delta));
        }
    }

    /// <summary>Counts a character of the file: its line and column.</summary>
    private void Count(char c)
    {
        if (c == '\n')
        {
            if (!_afterCr)
            {
                _line++;
            }

            _lineLength = 0;
            _afterCr = false;
        }
        else if (c == '\r')
        {
            _line++;
            _lineLength = 0;
            _afterCr = true;
        }
        else
        {
            _lineLength++;
            _afterCr = false;
        }
    }
}

/// <summary>A problem the guard found in a record.</summary>
/// <param name="SepLine">The line Sep reports for the record (<see cref="long.MaxValue"/>: after the last record).</param>
/// <param name="Position">Where the problem is in the file.</param>
/// <param name="RecordLine">The file line the record starts on.</param>
/// <param name="Reason">The reason.</param>
/// <param name="Encoding">True for bytes that are not text: the file cannot be read past them.</param>
internal readonly record struct GuardProblem(long SepLine, CsvPosition Position, long RecordLine, string Reason, bool Encoding);
