using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using NodaTime;
using SalesKpi.Reporting;

namespace SalesKpi.Csv.Tests;

/// <summary>
/// <see cref="CsvImporter.ImportAsync"/> over <see cref="CsvSource.FromStreams"/>: the caller's streams are read only
/// asynchronously (as an ASP.NET Core request body must be), the data is the same as a synchronous import's, a long
/// stream goes through a temporary file that is gone afterwards, and the import can be cancelled while a stream is copied
/// and while it is parsed.
/// </summary>
public sealed class AsyncImportTests
{
    private const string Activities = "id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool\n";

    private static readonly Dictionary<string, string> Files = new()
    {
        [CsvFiles.Reps] = "id,name,team\nr1,Ana,north\nr2,Bo,south\n",
        [CsvFiles.Leads] = "id,created_at,owner,source,qualified_at,converted_at\nL1,2025-01-06T09:00:00Z,r1,web,,\n",
        [CsvFiles.Opportunities] = "id,account,owner,created_at,amount,currency,status,closed_at,lead_id,expected_close\n"
            + "O1,acme,r1,2025-01-10T09:00Z,1250.50,EUR,won,2025-01-20T09:00:00Z,L1,\n",
        [CsvFiles.Activities] = Activities
            + "A1,call,r1,2025-01-06T10:00:00Z,connected,L1,,\n"
            + "A2,call,r1,2025-01-07T10:00:00Z,,,,\n"
            + "A3,call,r2,2025-01-08T10:00:00Z,,,,\n"
            + "A4,email,r2,2025-01-08T11:00:00Z,,,,\n"
            + "A5,call,r1,2025-02-01T10:00:00Z,,,,\n",
    };

    private static readonly KpiQuery January = new(
        new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31)),
        [Kpis.Calls],
        KpiGrouping.ByRep);

    [Fact]
    public async Task ImportAsync_StreamsThatRefuseSynchronousReads_GiveTheDataOfTheSynchronousImport()
    {
        var streams = Files.ToDictionary(f => f.Key, f => (Stream)new AsyncOnlyStream(Encoding.UTF8.GetBytes(f.Value)));

        var result = await new CsvImporter().ImportAsync(CsvSource.FromStreams(streams));

        var expected = new CsvImporter().Import(new MemorySource(Files));
        Assert.Equal(expected.Data.Counts, result.Data.Counts);
        Assert.Equal(expected.Data, result.Data);
        var report = new KpiEvaluator().Evaluate(result.Data, January);

        // January's calls: r1 has A1 and A2 (A5 is in February) = 2; r2 has A3 (A4 is an email) = 1.
        Assert.Equal(2m, report.Get(KpiIds.Calls, "r1").Value);
        Assert.Equal(1m, report.Get(KpiIds.Calls, "r2").Value);
        Assert.All(streams.Values, s => Assert.True(((AsyncOnlyStream)s).AsyncReads > 0));
    }

    [Fact]
    public async Task ImportAsync_RequestBody_AsTheDocsShow()
    {
        var request = new { Body = (Stream)new AsyncOnlyStream(Encoding.UTF8.GetBytes(Files[CsvFiles.Activities])) };
        var cancellationToken = CancellationToken.None;

        // <snippet:sources-streams>
        var files = new Dictionary<string, Stream> { [CsvFiles.Activities] = request.Body };
        CsvImportResult result = await new CsvImporter().ImportAsync(CsvSource.FromStreams(files), cancellationToken);
        // </snippet:sources-streams>

        // activities.csv alone: A1 to A5, five rows.
        Assert.Equal(5, result.Data.Counts.Activities);
    }

    [Fact]
    public async Task ImportAsync_LeavesTheCallersStreamsOpen()
    {
        var stream = new AsyncOnlyStream(Encoding.UTF8.GetBytes(Files[CsvFiles.Reps]));

        var result = await new CsvImporter().ImportAsync(CsvSource.FromStreams(new Dictionary<string, Stream> { [CsvFiles.Reps] = stream }));

        Assert.Equal(2, result.Data.Roster.Reps.Length);
        Assert.False(stream.Disposed);
    }

    [Fact]
    public async Task ImportAsync_StreamLongerThanTheMemorySpool_GoesThroughATemporaryFileThatIsDeletedAfterwards()
    {
        // 40,000 calls of about 50 bytes each: some 2 MB, past the 1 MiB held in memory.
        const int Calls = 40_000;
        var text = new StringBuilder(Activities);
        for (var i = 0; i < Calls; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"A{i},call,r{(i % 2) + 1},2025-01-{(i % 28) + 1:00}T10:00:00Z,,,,\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        Assert.True(bytes.Length > Spool.InMemoryBytes, "the test data is longer than the spool in memory");
        var before = Spools();

        var result = await new CsvImporter().ImportAsync(CsvSource.FromStreams(new Dictionary<string, Stream> { [CsvFiles.Activities] = new AsyncOnlyStream(bytes) }));

        Assert.Equal(Calls, result.Data.Counts.Activities);
        var report = new KpiEvaluator().Evaluate(result.Data, January);

        // Calls alternate r1, r2 and every day is 1–28 January: 40,000 / 2 = 20,000 each.
        Assert.Equal(20_000m, report.Get(KpiIds.Calls, "r1").Value);
        Assert.Equal(20_000m, report.Get(KpiIds.Calls, "r2").Value);
        Assert.Equal(before, Spools());
    }

    [Fact]
    public async Task ImportAsync_FromAPipeReader_ReadsWhatTheWriterWritesInPieces()
    {
        var pipe = new Pipe();
        var writing = Task.Run(async () =>
        {
            // The roster arrives in pieces of 7 bytes, cutting lines and fields.
            var bytes = Encoding.UTF8.GetBytes(Files[CsvFiles.Reps]);
            for (var at = 0; at < bytes.Length; at += 7)
            {
                await pipe.Writer.WriteAsync(bytes.AsMemory(at, Math.Min(7, bytes.Length - at)));
            }

            await pipe.Writer.CompleteAsync();
        });

        var result = await new CsvImporter().ImportAsync(CsvSource.FromStreams(new Dictionary<string, Stream> { [CsvFiles.Reps] = pipe.Reader.AsStream() }));
        await writing;

        Assert.Equal(["r1", "r2"], result.Data.Roster.Reps.Select(r => r.Id.Value));
    }

    [Fact]
    public async Task ImportAsync_TokenCancelledBeforehand_ThrowsOperationCanceled()
    {
        var stream = new AsyncOnlyStream(Encoding.UTF8.GetBytes(Files[CsvFiles.Reps]));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CsvImporter().ImportAsync(
            CsvSource.FromStreams(new Dictionary<string, Stream> { [CsvFiles.Reps] = stream }),
            new CancellationToken(canceled: true)));
        Assert.Equal(0, stream.AsyncReads);
    }

    [Fact]
    public async Task ImportAsync_CancelledWhileAStreamIsCopied_StopsReadingIt()
    {
        // 200 reads of 64 KiB of calls (12.5 MiB) are on offer; the twentieth read (past the 1 MiB held in memory, so a temporary file is open) cancels the import.
        using var cancellation = new CancellationTokenSource();
        var before = Spools();
        string[] whileCopying = [];
        var stream = new AsyncOnlyStream(RepeatedCalls(200 * 65_536), onRead: reads =>
        {
            if (reads == 20)
            {
                whileCopying = Spools();
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CsvImporter().ImportAsync(
            CsvSource.FromStreams(new Dictionary<string, Stream> { [CsvFiles.Activities] = stream }),
            cancellation.Token));

        Assert.InRange(stream.AsyncReads, 20, 21);

        // 19 reads of 64 KiB (1.1875 MiB) were past the 1 MiB in memory: a temporary file was open, and is gone.
        Assert.Single(whileCopying.Except(before));
        Assert.Equal(before, Spools());
    }

    [Fact]
    public async Task ImportAsync_CancelledFromTheProgressWhileParsing_StopsBeforeTheEnd()
    {
        using var cancellation = new CancellationTokenSource();
        long lastRows = 0;
        var progress = new Synchronous(p =>
        {
            lastRows = p.Rows;
            if (p.Rows > 0)
            {
                cancellation.Cancel();
            }
        });
        var bytes = RepeatedCalls(4 << 20);
        var importer = new CsvImporter(new CsvImportOptions { Progress = progress });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => importer.ImportAsync(
            CsvSource.FromStreams(new Dictionary<string, Stream> { [CsvFiles.Activities] = new AsyncOnlyStream(bytes) }),
            cancellation.Token));

        // The first report after the header comes at row 8,192 and cancels; the file has some 80,000 rows.
        Assert.InRange(lastRows, 1, 20_000);
    }

    [Fact]
    public void Import_FromStreams_ReadsThemSynchronously()
    {
        var streams = Files.ToDictionary(f => f.Key, f => (Stream)new MemoryStream(Encoding.UTF8.GetBytes(f.Value)));

        var result = new CsvImporter().Import(CsvSource.FromStreams(streams));

        Assert.Equal(new CsvImporter().Import(new MemorySource(Files)).Data, result.Data);
    }

    [Fact]
    public void ArgumentErrors_AreThrownAtTheCallNotByTheTask()
    {
        var importer = new CsvImporter();

        Assert.Throws<ArgumentNullException>("source", () => { _ = importer.ImportAsync(null!); });
        Assert.Throws<ArgumentNullException>("files", () => CsvSource.FromStreams(null!));
        Assert.Throws<ArgumentException>("files", () => CsvSource.FromStreams(new Dictionary<string, Stream> { [CsvFiles.Reps] = null! }));
        using var written = new WriteOnlyStream();
        Assert.Throws<ArgumentException>("files", () => CsvSource.FromStreams(new Dictionary<string, Stream> { [CsvFiles.Reps] = written }));
    }

    [Fact]
    public async Task ImportAsync_MissingStream_IsAnAbsentFile()
    {
        var result = await new CsvImporter().ImportAsync(CsvSource.FromStreams(new Dictionary<string, Stream>()));

        Assert.Equal(0, result.Data.Counts.Activities);
        Assert.Empty(result.Data.Roster.Reps);
    }

    /// <summary>Returns activities.csv with calls until it is at least <paramref name="length"/> bytes long.</summary>
    private static byte[] RepeatedCalls(int length)
    {
        var text = new StringBuilder(Activities, length + 64);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"A{i},call,r1,2025-01-06T10:00:00Z,,,,\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    // This process's spools only: a test run in another process may be spooling at the same time. No other test class
    // imports asynchronously from streams, and the tests of a class run one after another.
    private static string[] Spools() => [.. Directory.GetFiles(Path.GetTempPath(), Spool.FilePrefix + "*").Order(StringComparer.Ordinal)];

    /// <summary>A stream like Kestrel's request body: a synchronous read throws, an asynchronous one completes later.</summary>
    private sealed class AsyncOnlyStream(byte[] bytes, Action<int>? onRead = null) : Stream
    {
        private int _position;

        public int AsyncReads { get; private set; }

        public bool Disposed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw SynchronousRead();

        public override int Read(Span<byte> buffer) => throw SynchronousRead();

        public override int ReadByte() => throw SynchronousRead();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            AsyncReads++;
            onRead?.Invoke(AsyncReads);
            var n = Math.Min(Math.Min(buffer.Length, 65_536), bytes.Length - _position);
            bytes.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }

        // Kestrel's message, for a request body read synchronously.
        private static InvalidOperationException SynchronousRead() =>
            new("Synchronous operations are disallowed. Call ReadAsync or set AllowSynchronousIO to true instead.");
    }

    private sealed class WriteOnlyStream : MemoryStream
    {
        public override bool CanRead => false;
    }

    /// <summary>Reports progress on the importing thread, as it happens.</summary>
    private sealed class Synchronous(Action<CsvImportProgress> report) : IProgress<CsvImportProgress>
    {
        public void Report(CsvImportProgress value) => report(value);
    }
}
