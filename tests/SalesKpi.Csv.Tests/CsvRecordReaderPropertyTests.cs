using System.Text;

namespace SalesKpi.Csv.Tests;

/// <summary>
/// The Sep-based reader against the hand-written one it replaced (<see cref="ReferenceRecordReader"/>), on random text
/// made of the characters that matter to CSV, with small limits and the text handed over a few characters at a time so
/// that every state of <see cref="CsvSyntaxGuard"/> meets a block boundary.
/// </summary>
public class CsvRecordReaderPropertyTests
{
    private static readonly char[] Alphabet = ['a', 'b', ',', ',', '"', '"', '\n', '\r', 'x'];

    [Theory]
    [InlineData(1, 3_000, 40)]
    [InlineData(2, 3_000, 200)]
    [InlineData(3, 300, 5_000)]
    public void Read_RandomText_GivesTheRecordsPositionsAndRejectionsOfTheReferenceReader(int seed, int cases, int length)
    {
        var random = new Random(seed);
        for (var n = 0; n < cases; n++)
        {
            var text = RandomText(random, random.Next(length));
            var (maxField, maxRecord) = random.Next(3) == 0
                ? (CsvImportOptions.DefaultMaxFieldLength, CsvImportOptions.DefaultMaxRecordLength)
                : (random.Next(1, 12), random.Next(1, 40));
            var chunk = random.Next(2, 10);

            var expected = Events(new ReferenceRecordReader(new Trickle(text, chunk), maxField, maxRecord), r => r.Read(), r => r.Count, (r, i) => r[i], (r, i) => r.PositionOf(i), r => r.RecordLine);
            var actual = Events(new CsvRecordReader(new Trickle(text, chunk), maxField, maxRecord), r => r.Read(), r => r.Count, (r, i) => r[i], (r, i) => r.PositionOf(i), r => r.RecordLine);

            if (!expected.SequenceEqual(actual))
            {
                var at = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], Math.Min(expected.Count, actual.Count));
                Assert.Fail($"case {n}: limits {maxField}/{maxRecord}, chunk {chunk}, first difference at event {at}\nexpected: {Describe(expected, at)}\nactual:   {Describe(actual, at)}\ntext: \"{Escape(text)}\"");
            }
        }
    }

    [Fact]
    public void Read_LongLinesWithoutQuotes_PassInBulkWithExactPositions()
    {
        // 50,000 rows of "i,name,team" with CRLF ends; then a quoted field with a line break, after which (`lines",`) the empty team starts at column 8 of line 50,003.
        var sb = new StringBuilder("id,name,team\r\n");
        for (var i = 0; i < 50_000; i++)
        {
            sb.Append(i).Append(",n").Append(i).Append(",t\r\n");
        }

        sb.Append("q,\"two\r\nlines\",\r\n");
        var text = sb.ToString();

        var expected = Events(new ReferenceRecordReader(new StringReader(text)), r => r.Read(), r => r.Count, (r, i) => r[i], (r, i) => r.PositionOf(i), r => r.RecordLine);
        var actual = Events(new CsvRecordReader(new StringReader(text)), r => r.Read(), r => r.Count, (r, i) => r[i], (r, i) => r.PositionOf(i), r => r.RecordLine);

        Assert.Equal(50_002, actual.Count);
        Assert.Equal(expected, actual);
        Assert.EndsWith("(50002:1)q|(50002:3)two\r\nlines|(50003:8)", actual[^1], StringComparison.Ordinal);
    }

    private static string Describe(List<string> events, int at) => at < events.Count ? Escape(events[at]) : "(no more events)";

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    private static List<string> Events<TReader>(TReader reader, Func<TReader, bool> read, Func<TReader, int> count, Func<TReader, int, string> value, Func<TReader, int, CsvPosition> position, Func<TReader, long> line)
        where TReader : IDisposable
    {
        var events = new List<string>();
        using (reader)
        {
            while (true)
            {
                try
                {
                    if (!read(reader))
                    {
                        return events;
                    }

                    events.Add($"record {line(reader)}: " + string.Join('|', Enumerable.Range(0, count(reader)).Select(i => $"({position(reader, i).Line}:{position(reader, i).Column}){value(reader, i)}")));
                }
                catch (CsvSyntaxException e)
                {
                    events.Add($"syntax {e.RecordLine} at {e.Position.Line}:{e.Position.Column}: {e.Message}");
                }
            }
        }
    }

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>A text handed over a few characters at a time.</summary>
    private sealed class Trickle(string text, int chunk) : TextReader
    {
        private int _at;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = Math.Min(Math.Min(chunk, buffer.Length), text.Length - _at);
            text.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }
    }
}
