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
/// <para>At most <see cref="Capacity"/> batches are read ahead: the memory held is a few hundred kilobytes, whatever the
/// size of the file. Disposing stops the second thread and waits for it before the file is closed.</para>
/// </remarks>
internal sealed class ReadAheadRowReader : RowReader
{
    /// <summary>How many filled batches may wait for the import.</summary>
    private const int Capacity = 4;

    private readonly CsvRecordReader _inner;
    private readonly ConcurrentQueue<RowBatch> _full = new();
    private readonly ConcurrentQueue<RowBatch> _empty = new();
    private readonly SemaphoreSlim _filled = new(0);
    private readonly SemaphoreSlim _free = new(Capacity);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;
    private string?[] _unquoted = new string?[16];
    private bool _unquotedUsed;
    private RowBatch? _batch;
    private int _index;
    private bool _hasRow;
    private bool _ended;
    private long _bytesRead;

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

    /// <inheritdoc/>
    public override ReadOnlySpan<char> Span(int index)
    {
        var batch = _batch!;
        ref readonly var record = ref batch.Records[_index];
        var (start, end) = batch.Fields[record.FieldStart + index];
        var raw = batch.Chars.AsSpan(record.CharStart + start, end - start);
        if (raw.Length == 0 || raw[0] != '"')
        {
            return raw;
        }

        if (index >= _unquoted.Length)
        {
            Array.Resize(ref _unquoted, Math.Max(index + 1, _unquoted.Length * 2));
        }

        _unquotedUsed = true;
        return _unquoted[index] ??= CsvRecordReader.Unquote(raw);
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

            if (!_filled.Wait(0))
            {
                // Only when the import has caught up with the reading thread.
                _filled.Wait();
            }

            Take();
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

            if (!_filled.Wait(0, cancellationToken))
            {
                await _filled.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            Take();
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
            _free.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Moves to the next row of the current batch.</summary>
    /// <returns>True at a row, false at the end, null when the next batch is needed.</returns>
    private bool? Advance()
    {
        if (_unquotedUsed)
        {
            Array.Clear(_unquoted);
            _unquotedUsed = false;
        }

        _hasRow = false;
        if (_batch is { } batch)
        {
            if (++_index < batch.Count)
            {
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
            _free.Release();
        }

        return _ended ? false : null;
    }

    /// <summary>Takes the batch <see cref="_filled"/> has just counted; none is the end of the file.</summary>
    private void Take()
    {
        if (!_full.TryDequeue(out var batch))
        {
            _ended = true;
            return;
        }

        _batch = batch;
        _index = -1;
        _bytesRead = batch.BytesRead;
    }

    private void Produce()
    {
        var token = _stop.Token;
        try
        {
            var more = true;
            while (more)
            {
                _free.Wait(token);
                var batch = _empty.TryDequeue(out var reused) ? reused : new RowBatch();
                while (more && !batch.IsFull)
                {
                    try
                    {
                        more = _inner.Read();
                        if (more)
                        {
                            _inner.CopyTo(batch);
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
                _full.Enqueue(batch);
                _filled.Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed before the end of the file.
        }
        finally
        {
            // The end of the file: a count with no batch behind it.
            _filled.Release();
        }
    }
}

/// <summary>Records copied out of Sep's buffer, to be read on another thread: their text, their fields and their lines.</summary>
internal sealed class RowBatch
{
    private const int MaxRecords = 2048;
    private const int CharsPerBatch = 1 << 16;

    /// <summary>Gets the text of the records, one after the other.</summary>
    public char[] Chars { get; private set; } = new char[CharsPerBatch];

    /// <summary>Gets where each field starts and ends in its record's text, quotes included.</summary>
    public (int Start, int End)[] Fields { get; private set; } = new (int, int)[MaxRecords * 8];

    /// <summary>Gets the records.</summary>
    public Record[] Records { get; } = new Record[MaxRecords];

    /// <summary>Gets the number of records.</summary>
    public int Count { get; private set; }

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
