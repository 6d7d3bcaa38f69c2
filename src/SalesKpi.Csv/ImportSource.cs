namespace SalesKpi.Csv;

/// <summary>
/// Where an import's tables come from, as <see cref="ImportSession"/> sees it: CSV files of a <see cref="CsvSource"/>, or
/// the tables and queries of a <see cref="DataReaderSource"/>. Each table is asked for by name and opened as rows.
/// </summary>
internal abstract class ImportSource
{
    /// <summary>Gets a short description for messages.</summary>
    public abstract string Description { get; }

    /// <summary>Gets what the line of a position is called in messages: <c>line</c> in a file, <c>row</c> in a result set.</summary>
    public virtual string LineWord => "line";

    /// <summary>Returns the name a SalesKpi table has in this source when no mapping is used.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The name, such as <c>leads.csv</c>.</returns>
    public abstract string NativeName(CsvTable table);

    /// <summary>Returns true when the source has a table.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>True when present.</returns>
    public abstract ValueTask<bool> ExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Returns null when a mapping's source stays inside the data set, or a note on where it goes otherwise.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Null when inside.</returns>
    public virtual string? Escape(string name) => null;

    /// <summary>Returns how a table is named in messages.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The name to show.</returns>
    public abstract string Describe(string name);

    /// <summary>Returns the size of a table in bytes, for progress reports and size estimates.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The size, or null when unknown.</returns>
    public virtual long? LengthOf(string name) => null;

    /// <summary>Opens a table; its first row is the header.</summary>
    /// <param name="name">The name.</param>
    /// <param name="described">The name as <see cref="Describe"/> gives it.</param>
    /// <param name="options">The import's options.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The rows, which the caller disposes.</returns>
    /// <exception cref="CsvImportException">The table cannot be opened; the message says why.</exception>
    public abstract ValueTask<RowReader> OpenAsync(string name, string described, CsvImportOptions options, CancellationToken cancellationToken);
}

/// <summary>The CSV files of a <see cref="CsvSource"/>.</summary>
internal sealed class CsvImportSource(CsvSource source) : ImportSource
{
    public override string Description => source.Description;

    public override string NativeName(CsvTable table) => table.FileName;

    public override ValueTask<bool> ExistsAsync(string name, CancellationToken cancellationToken) => new(source.Exists(name));

    public override string? Escape(string name) => source.Escape(name);

    public override string Describe(string name) => source.Describe(name);

    public override long? LengthOf(string name) => source.LengthOf(name);

    public override ValueTask<RowReader> OpenAsync(string name, string described, CsvImportOptions options, CancellationToken cancellationToken)
    {
        var stream = new CountingStream(Open(name, described));
        var reader = new CsvRecordReader(new CsvTextDecoder(stream), options.MaxFieldLength, options.MaxRecordLength) { Counter = stream };
        return new(ReadAheadRowReader.Pays(source.LengthOf(name), options) ? new ReadAheadRowReader(reader) : reader);
    }

    /// <summary>Opens a file, turning the reasons it cannot be read into a <see cref="CsvImportException"/>: bad data, not a bug.</summary>
    private Stream Open(string name, string described)
    {
        try
        {
            return source.Open(name);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CsvImportException($"cannot read {described}: permission denied", e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CsvImportException($"cannot read {described}: it does not exist", e);
        }
        catch (IOException e)
        {
            throw new CsvImportException($"cannot read {described}: {MessageText.OfMessage(e.Message)}", e);
        }
    }
}

/// <summary>A read-only stream that counts the bytes read, for progress reports.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        BytesRead += read;
        return read;
    }
}
