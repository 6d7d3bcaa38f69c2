using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace SalesKpi.Csv;

/// <summary>
/// Reads a CSV file on a second thread while the import checks and keeps the rows already read: decoding the bytes,
/// the strict checks of <see cref="CsvSyntaxGuard"/> and Sep's splitting run on one core, the records are built on the
/// other. The rows, and the errors between them, arrive in the order of the file, in batches of a few thousand.
/// </summary>
/// <remarks>
/// <para>A row is the same as <see cref="CsvRecordReader"/> gives it (the same spans, positions and errors), so the
/// import cannot tell the two apart; the tests run the CSV suite through both.</para>
/// <para>At most <see cref="Capacity"/> batches are read ahead: the memory held is a few megabytes, whatever the size of
/// the file. Disposing stops the second thread and waits for it before the file is closed.</para>
/// </remarks>
internal sealed class ReadAheadRowReader : RowReader
{
    /// <summary>How many filled batches may wait for the import.</summary>
    private const int Capacity = 8;

    private readonly CsvRecordReader _inner;
    private readonly ConcurrentQueue<RowBatch> _full = new();
    private readonly ConcurrentQueue<RowBatch> _empty = new();
    private readonly SemaphoreSlim _filled = new(0);
    private int _waiting;
    private volatile bool _produced;
    private readonly ManualResetEventSlim _room = new(false);
    private readonly ManualResetEventSlim _headerRead = new(false);
    private int _inFlight;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;
    private readonly UnquotedFields _unquoted = new();
    private RowBatch? _batch;
    private int _index;
    private bool _hasRow;
    private bool _ended;
    private long _bytesRead;
    private RowPreparer? _preparer;
    private long _returned;

    /// <summary>Starts reading a file on a second thread.</summary>
    /// <param name="inner">The reader of the file, disposed with this one.</param>
    public ReadAheadRowReader(CsvRecordReader inner)
    {
        _inner = inner;
        _producer = Task.Factory.StartNew(Produce, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// Gets or sets a value indicating whether every file is read ahead, however small and however many cores there
    /// are: the tests set it, so that the CSV suite runs through this reader.
    /// </summary>
    internal static bool Always { get; set; }

    /// <summary>Gets the reader of the file, which only the reading thread uses.</summary>
    public CsvRecordReader Inner => _inner;

    /// <inheritdoc/>
    public override long RecordLine => _batch is { } batch && _hasRow ? batch.Records[_index].Line : 0;

    /// <inheritdoc/>
    public override int RecordLength => _hasRow ? _batch!.Records[_index].Length : 0;

    /// <inheritdoc/>
    public override int Count => _hasRow ? _batch!.Records[_index].FieldCount : 0;

    /// <inheritdoc/>
    public override long BytesRead => _bytesRead;

    /// <inheritdoc/>
    public override string this[int index] => Span(index).ToString();

    /// <summary>
    /// Returns true when reading a file ahead pays: when the options allow it, with more than one core, for a file of a
    /// megabyte or more (or of a size not known). On one core the second thread would only take turns with the first.
    /// </summary>
    /// <param name="length">The file's length in bytes, when known.</param>
    /// <param name="options">The import's options (<see cref="CsvImportOptions.ReadAhead"/>).</param>
    /// <returns>True to read it ahead.</returns>
    public static bool Pays(long? length, CsvImportOptions options) =>
        options.ReadAhead && (Always || (Environment.ProcessorCount > 1 && (length ?? long.MaxValue) >= 1 << 20));

    /// <summary>
    /// Has the reading thread also parse the rows after the header: <paramref name="preparer"/> sees each row there,
    /// through <see cref="Inner"/>, and leaves what it made in the batch for <see cref="TryGetPrepared{T}"/>. The
    /// reading thread waits after the header until this is called or the row after the header is asked for.
    /// </summary>
    /// <param name="preparer">The parser of the rows.</param>
    public void PrepareWith(RowPreparer preparer)
    {
        Volatile.Write(ref _preparer, preparer);
        _headerRead.Set();
    }

    /// <summary>Returns what the reading thread made of the current row, when it parsed the batch.</summary>
    /// <typeparam name="T">What the preparer makes.</typeparam>
    /// <param name="value">What it made.</param>
    /// <returns>False for a batch read before <see cref="PrepareWith"/>.</returns>
    public bool TryGetPrepared<T>(out T value)
        where T : struct
    {
        if (_hasRow && _batch!.PreparedBy is not null && _batch.Prepared is T[] prepared)
        {
            value = prepared[_index];
            return true;
        }

        value = default;
        return false;
    }

    /// <inheritdoc/>
    public override ReadOnlySpan<char> Span(int index)
    {
        var batch = _batch!;
        ref readonly var record = ref batch.Records[_index];
        var (start, end) = batch.Fields[record.FieldStart + index];
        return _unquoted.Get(index, batch.Chars.AsSpan(record.CharStart + start, end - start));
    }

    /// <inheritdoc/>
    public override CsvPosition PositionOf(int index)
    {
        var batch = _batch!;
        ref readonly var record = ref batch.Records[_index];
        return CsvRecordReader.Position(batch.Chars.AsSpan(record.CharStart, record.Length), batch.Fields[record.FieldStart + index].Start, record.Line);
    }

    /// <inheritdoc/>
    public override bool Read()
    {
        while (true)
        {
            if (Advance() is { } result)
            {
                return result;
            }

            if (!TryTake())
            {
                // Only when the import has caught up with the reading thread.
                _filled.Wait();
            }
        }
    }

    /// <inheritdoc/>
    public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Advance() is { } result)
            {
                return result;
            }

            if (!TryTake())
            {
                try
                {
                    await _filled.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The exception every other cancelled read throws, not the TaskCanceledException of the wait.
                    cancellationToken.ThrowIfCancellationRequested();
                    throw;
                }
            }
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();

            // The reading thread catches every exception (they reach the import in the order of the rows), so this
            // only waits for it to stop touching the file.
            _producer.GetAwaiter().GetResult();
            _inner.Dispose();
            _stop.Dispose();
            _filled.Dispose();
            _room.Dispose();
            _headerRead.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Moves to the next row of the current batch.</summary>
    /// <returns>True at a row, false at the end, null when the next batch is needed.</returns>
    private bool? Advance()
    {
        _unquoted.Clear();
        _hasRow = false;
        if (_returned == 1 && !_headerRead.IsSet)
        {
            // The row after the header is asked for, and no preparer was given: the reading thread goes on without one.
            _headerRead.Set();
        }

        if (_batch is { } batch)
        {
            if (++_index < batch.Count)
            {
                _returned++;
                if (batch.Records[_index].Error is { } error)
                {
                    // A bad record (the next call reads on) or an unreadable file, thrown where the row would have been.
                    ExceptionDispatchInfo.Throw(error);
                }

                _hasRow = true;
                return true;
            }

            _batch = null;
            batch.Clear();
            _empty.Enqueue(batch);
            if (Interlocked.Decrement(ref _inFlight) <= Capacity / 2)
            {
                // The reading thread waits for half the batches, not for each one: it wakes a quarter as often.
                _room.Set();
            }
        }

        return _ended ? false : null;
    }

    /// <summary>
    /// Takes the next batch, or notes the end of the file; false when the reading thread has not filled one yet, and the
    /// caller is to wait for <see cref="_filled"/>, which the reading thread signals only then (a lock per wait, not one
    /// per batch).
    /// </summary>
    private bool TryTake()
    {
        for (var announced = false; ; announced = true)
        {
            if (_full.TryDequeue(out var batch))
            {
                Interlocked.Exchange(ref _waiting, 0);
                _batch = batch;
                _index = -1;
                _bytesRead = batch.BytesRead;
                return true;
            }

            if (_produced && _full.IsEmpty)
            {
                _ended = true;
                return true;
            }

            if (announced)
            {
                return false;
            }

            // Announced with a full fence before looking again: a batch queued after the second look is signalled.
            Interlocked.Exchange(ref _waiting, 1);
        }
    }

    /// <summary>Wakes the import when it waits for a batch (a spurious wake only makes it look again).</summary>
    private void Signal()
    {
        if (Interlocked.Exchange(ref _waiting, 0) == 1)
        {
            _filled.Release();
        }
    }

    private void Produce()
    {
        var token = _stop.Token;
        try
        {
            // The header alone, so that the import binds it before the rows are read, and says how to prepare them.
            var more = Fill(new RowBatch(), 1, preparer: null);
            if (more)
            {
                _headerRead.Wait(token);
            }

            var preparer = Volatile.Read(ref _preparer);
            while (more)
            {
                while (Volatile.Read(ref _inFlight) >= Capacity)
                {
                    _room.Reset();
                    if (Volatile.Read(ref _inFlight) >= Capacity)
                    {
                        _room.Wait(token);
                    }
                }

                more = Fill(_empty.TryDequeue(out var reused) ? reused : new RowBatch(), RowBatch.MaxRecords, preparer);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed before the end of the file.
        }
        finally
        {
            _produced = true;
            Signal();
        }
    }

    /// <summary>Reads records into a batch and hands it to the import.</summary>
    /// <returns>False when the file has ended (or cannot be read on).</returns>
    private bool Fill(RowBatch batch, int records, RowPreparer? preparer)
    {
        batch.PreparedBy = preparer;
        var more = true;
        while (more && !batch.IsFull && batch.Count < records)
        {
            try
            {
                more = _inner.Read();
                if (more)
                {
                    _inner.CopyTo(batch);
                    preparer?.TryPrepare(batch, batch.Count - 1);
                }
            }
            catch (CsvSyntaxException e)
            {
                batch.AddError(e);
            }
#pragma warning disable CA1031 // Every other exception ends the file: it is thrown to the import after the rows before it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                batch.AddError(e);
                more = false;
            }
        }

        batch.BytesRead = _inner.BytesRead;
        Interlocked.Increment(ref _inFlight);
        _full.Enqueue(batch);
        Signal();
        return more;
    }
}

/// <summary>
/// Parses rows on the thread that reads them (<see cref="ReadAheadRowReader.PrepareWith"/>), into a value the import
/// then takes instead of parsing the row itself. It must only do what gives the same result on either thread.
/// </summary>
internal abstract class RowPreparer
{
    /// <summary>Parses the row the reader of the file has just read, leaving the result in the batch, a failure included.</summary>
    /// <param name="batch">The batch the row was copied to.</param>
    /// <param name="record">The row's index in the batch.</param>
    public abstract void Prepare(RowBatch batch, int record);

    /// <summary>Prepares a row; a preparer that throws has prepared nothing, and the import reads the row itself.</summary>
    /// <param name="batch">The batch the row was copied to.</param>
    /// <param name="record">The row's index in the batch.</param>
    public void TryPrepare(RowBatch batch, int record)
    {
        try
        {
            Prepare(batch, record);
        }
#pragma warning disable CA1031 // The import then reads the row on its own thread and reports whatever is wrong with it.
        catch (Exception)
#pragma warning restore CA1031
        {
            batch.PreparedBy = null;
        }
    }
}

/// <summary>Records copied out of Sep's buffer, to be read on another thread: their text, their fields and their lines.</summary>
internal sealed class RowBatch
{
    /// <summary>The most records a batch holds.</summary>
    internal const int MaxRecords = 2048;
    private const int CharsPerBatch = 1 << 16;

    /// <summary>Gets the text of the records, one after the other.</summary>
    public char[] Chars { get; private set; } = new char[CharsPerBatch];

    /// <summary>Gets where each field starts and ends in its record's text, quotes included.</summary>
    public (int Start, int End)[] Fields { get; private set; } = new (int, int)[MaxRecords * 8];

    /// <summary>Gets the records.</summary>
    public Record[] Records { get; } = new Record[MaxRecords];

    /// <summary>Gets the number of records.</summary>
    public int Count { get; private set; }

    /// <summary>Gets or sets what prepared the batch's rows, or null when none did (or one failed).</summary>
    public RowPreparer? PreparedBy { get; set; }

    /// <summary>Gets or sets what the preparer made of each row, in an array it allocates and keeps for the next batches.</summary>
    public object? Prepared { get; set; }

    /// <summary>Gets or sets how far the file had been read when the batch was full.</summary>
    public long BytesRead { get; set; }

    /// <summary>Gets a value indicating whether the batch takes no more records.</summary>
    public bool IsFull => Count == MaxRecords || _charCount >= CharsPerBatch;

    private int _charCount;
    private int _fieldCount;

    /// <summary>Makes room for a record's fields.</summary>
    /// <param name="count">The number of fields.</param>
    /// <returns>Where they go, each relative to the start of the record.</returns>
    public Span<(int Start, int End)> ReserveFields(int count)
    {
        if (_fieldCount + count > Fields.Length)
        {
            var fields = Fields;
            Array.Resize(ref fields, Math.Max(Fields.Length * 2, _fieldCount + count));
            Fields = fields;
        }

        return Fields.AsSpan(_fieldCount, count);
    }

    /// <summary>Adds a record whose fields <see cref="ReserveFields"/> has just been given.</summary>
    /// <param name="text">The record as it is in the file.</param>
    /// <param name="fieldCount">The number of fields.</param>
    /// <param name="line">The line it starts on.</param>
    public void AddRecord(ReadOnlySpan<char> text, int fieldCount, long line)
    {
        if (_charCount + text.Length > Chars.Length)
        {
            var chars = Chars;
            Array.Resize(ref chars, Math.Max(Chars.Length * 2, _charCount + text.Length));
            Chars = chars;
        }

        text.CopyTo(Chars.AsSpan(_charCount));
        Records[Count++] = new Record(_charCount, text.Length, _fieldCount, fieldCount, line, null);
        _charCount += text.Length;
        _fieldCount += fieldCount;
    }

    /// <summary>Adds the error the reader threw where the next record would have been.</summary>
    /// <param name="error">The error.</param>
    public void AddError(Exception error) => Records[Count++] = new Record(0, 0, _fieldCount, 0, 0, error);

    /// <summary>Empties the batch for reuse; the text of a record longer than a batch is not kept.</summary>
    public void Clear()
    {
        Array.Clear(Records, 0, Count);
        Count = 0;
        PreparedBy = null;
        _charCount = 0;
        _fieldCount = 0;
        if (Chars.Length > CharsPerBatch * 4)
        {
            Chars = new char[CharsPerBatch];
        }
    }

    /// <summary>A record of a batch.</summary>
    /// <param name="CharStart">Where its text starts in <see cref="Chars"/>.</param>
    /// <param name="Length">The length of its text.</param>
    /// <param name="FieldStart">Where its fields start in <see cref="Fields"/>.</param>
    /// <param name="FieldCount">The number of fields.</param>
    /// <param name="Line">The line it starts on.</param>
    /// <param name="Error">What the reader threw instead of a record, or null.</param>
    internal readonly record struct Record(int CharStart, int Length, int FieldStart, int FieldCount, long Line, Exception? Error);
}
