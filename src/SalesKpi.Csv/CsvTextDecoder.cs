using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace SalesKpi.Csv;

/// <summary>
/// Decodes the bytes of a CSV file strictly: UTF-8, with or without a byte-order mark, or UTF-16 when a byte-order mark
/// says so. Bytes that are not valid text (a Latin-1 <c>é</c>, a multi-byte sequence cut short, a lone surrogate) and
/// NUL characters are never replaced: the text before them is returned, then the next read throws
/// <see cref="CsvTextException"/>, so that the caller knows the line and column where the bad bytes are.
/// </summary>
internal sealed class CsvTextDecoder : TextReader
{
    private readonly Stream _stream;
    private readonly byte[] _bytes = new byte[64 * 1024];
    private readonly string _nulReason;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _started;
    private Form _form;
    private string? _error;

    /// <summary>Initializes a decoder.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="kind">What the file should be, for the NUL message: <c>CSV</c> or <c>JSON</c>.</param>
    public CsvTextDecoder(Stream stream, string kind = "CSV")
    {
        _stream = stream;
        _nulReason = $"the file holds a NUL character (U+0000), which is not text: it may be UTF-16 without a byte-order mark (save it as UTF-8), or not a {kind} file at all";
    }

    private enum Form
    {
        Utf8,
        Utf16LittleEndian,
        Utf16BigEndian,
    }

    /// <summary>Not supported: <see cref="CsvRecordReader"/> reads blocks.</summary>
    public override int Read() => throw new NotSupportedException("Read the CSV text in blocks of two characters or more.");

    /// <summary>Not supported: <see cref="CsvRecordReader"/> reads blocks.</summary>
    public override int Peek() => throw new NotSupportedException("Read the CSV text in blocks of two characters or more.");

    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        if (!_started)
        {
            Start();
        }

        while (true)
        {
            if (_error is not null)
            {
                throw new CsvTextException(_error);
            }

            var span = buffer.AsSpan(index, count);
            var written = _form == Form.Utf8 ? DecodeUtf8(span) : DecodeUtf16(span);
            var nul = span[..written].IndexOf('\0');
            if (nul >= 0)
            {
                written = nul;
                _error = _nulReason;
            }

            if (written > 0)
            {
                return written;
            }

            if (_error is null && _endOfStream)
            {
                return 0;
            }

            if (_error is null)
            {
                Fill();
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the byte-order mark, if any.</summary>
    private void Start()
    {
        _started = true;
        while (_end < 3 && !_endOfStream)
        {
            Fill();
        }

        var head = _bytes.AsSpan(0, _end);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start = 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (_form, _start) = (Form.Utf16LittleEndian, 2);
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (_form, _start) = (Form.Utf16BigEndian, 2);
        }
    }

    /// <summary>Keeps the bytes not decoded yet and reads more after them.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _bytes.AsSpan(_start, _end - _start).CopyTo(_bytes);
            _end -= _start;
            _start = 0;
        }

        var read = _stream.Read(_bytes, _end, _bytes.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }

    private int DecodeUtf8(Span<char> destination)
    {
        var bytes = _bytes.AsSpan(_start, _end - _start);
        var status = Utf8.ToUtf16(bytes, destination, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: _endOfStream);
        _start += read;
        if (status == OperationStatus.InvalidData)
        {
            var rest = _bytes.AsSpan(_start, _end - _start);
            var cut = Rune.DecodeFromUtf8(rest, out _, out var length) == OperationStatus.NeedMoreData;
            var shown = string.Join(' ', rest[..Math.Max(1, length)].ToArray().Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)));
            _error = cut
                ? $"the file is not valid UTF-8: it ends in the middle of a character ({shown}); was it cut short?"
                : $"the file is not valid UTF-8: the bytes {shown} here are not a UTF-8 character (a Latin-1 or Windows-1252 file? save it as UTF-8)";
        }

        return written;
    }

    private int DecodeUtf16(Span<char> destination)
    {
        var bigEndian = _form == Form.Utf16BigEndian;
        var written = 0;
        while (written + 2 <= destination.Length)
        {
            var available = _end - _start;
            if (available < 2)
            {
                if (available == 1 && _endOfStream)
                {
                    _error = "the file ends in the middle of a UTF-16 character (it has an odd number of bytes)";
                }

                break;
            }

            var c = Unit(_start, bigEndian);
            if (char.IsHighSurrogate(c))
            {
                if (available < 4)
                {
                    if (_endOfStream)
                    {
                        _error = LoneSurrogate(c);
                    }

                    break;
                }

                var low = Unit(_start + 2, bigEndian);
                if (!char.IsLowSurrogate(low))
                {
                    _error = LoneSurrogate(c);
                    break;
                }

                destination[written++] = c;
                destination[written++] = low;
                _start += 4;
                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                _error = LoneSurrogate(c);
                break;
            }

            destination[written++] = c;
            _start += 2;
        }

        return written;
    }

    private char Unit(int at, bool bigEndian) => (char)(bigEndian
        ? BinaryPrimitives.ReadUInt16BigEndian(_bytes.AsSpan(at, 2))
        : BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(at, 2)));

    private static string LoneSurrogate(char c) =>
        string.Create(CultureInfo.InvariantCulture, $"the file is not valid UTF-16: the surrogate U+{(int)c:X4} here is not part of a pair");
}

/// <summary>The bytes of a file are not text in its encoding; <see cref="CsvRecordReader"/> adds where they are.</summary>
internal sealed class CsvTextException(string message) : Exception(message);
