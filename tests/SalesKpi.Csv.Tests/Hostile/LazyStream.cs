using System.Text;

namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>A stream of a prefix, one byte repeated a given number of times, and a suffix, produced as it is read: a
/// file of gigabytes costs no memory.</summary>
internal sealed class LazyStream(string prefix, byte fill, long count, string suffix) : Stream
{
    private readonly byte[] _prefix = Encoding.UTF8.GetBytes(prefix);
    private readonly byte[] _suffix = Encoding.UTF8.GetBytes(suffix);
    private long _position;

    /// <summary>Gets the number of bytes read so far.</summary>
    public long BytesRead => _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _prefix.Length + count + _suffix.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < Length)
        {
            if (_position < _prefix.Length)
            {
                buffer[written++] = _prefix[(int)_position++];
            }
            else if (_position < _prefix.Length + count)
            {
                var n = (int)Math.Min(buffer.Length - written, _prefix.Length + count - _position);
                buffer.Slice(written, n).Fill(fill);
                written += n;
                _position += n;
            }
            else
            {
                buffer[written++] = _suffix[(int)(_position++ - _prefix.Length - count)];
            }
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A data set of one file that is a <see cref="LazyStream"/>, named <c>lazy/&lt;file&gt;</c>.</summary>
internal sealed class LazySource(string fileName, Func<LazyStream> open) : CsvSource
{
    public override string Description => "lazy";

    public override bool Exists(string fileName1) => fileName1 == fileName;

    public override Stream Open(string fileName1) => open();

    public override string Describe(string fileName1) => "lazy/" + fileName1;
}
