using System.Text;

namespace SalesKpi.Csv.Tests;

/// <summary>An export of many rows, generated while it is read: the text never exists as a whole.</summary>
internal sealed class GeneratedSource(int rows) : CsvSource
{
    /// <summary>A mapping that reads the generated rows as activities and skips every one of them.</summary>
    public static CsvMapping SkipAll { get; } = CsvMapping.Parse("""
        {
          "files": [{
            "source": "big.csv", "target": "activities",
            "skip": [{ "column": "kind", "values": ["call"], "reason": "test" }],
            "columns": { "id": "id", "kind": "kind", "owner": "owner", "occurred_at": "at" }
          }]
        }
        """);

    public long Bytes { get; private set; }

    public override string Description => "generated";

    public override bool Exists(string fileName) => fileName == "big.csv";

    public override Stream Open(string fileName) => new RowStream(this, rows);

    public override string Describe(string fileName) => fileName;

    private sealed class RowStream(GeneratedSource owner, int rows) : Stream
    {
        private byte[] _pending = Encoding.UTF8.GetBytes("id,kind,owner,at,note\n");
        private int _offset;
        private int _row;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                if (_row == rows)
                {
                    return 0;
                }

                _row++;
                _pending = Encoding.UTF8.GetBytes($"A{_row},call,r{_row % 50},2025-01-06T10:00:00Z,\"a note, long enough to make the file big\"\n");
                _offset = 0;
            }

            var n = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, n);
            _offset += n;
            owner.Bytes += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
