using System.Buffers;

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
/// <param name="source">The files.</param>
/// <param name="spool">True for an asynchronous import: a stream that may block (a request body, a network stream)
/// is first copied by asynchronous reads into a <see cref="Spool"/>, and the parser reads the copy.</param>
internal sealed class CsvImportSource(CsvSource source, bool spool = false) : ImportSource
{
    // The lengths of the files copied into a spool, known once they are copied.
    private readonly Dictionary<string, long> _spooled = new(StringComparer.Ordinal);

    public override string Description => source.Description;

    public override string NativeName(CsvTable table) => table.FileName;

    public override ValueTask<bool> ExistsAsync(string name, CancellationToken cancellationToken) => new(source.Exists(name));

    public override string? Escape(string name) => source.Escape(name);

    public override string Describe(string name) => source.Describe(name);

    public override long? LengthOf(string name) => _spooled.TryGetValue(name, out var length) ? length : source.LengthOf(name);

    public override async ValueTask<RowReader> OpenAsync(string name, string described, CsvImportOptions options, CancellationToken cancellationToken)
    {
        var input = Open(name, described);
        if (spool && Spool.IsNeededFor(input))
        {
            var opened = input;
            try
            {
                input = await Spool.CopyAsync(opened, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await opened.DisposeAsync().ConfigureAwait(false);
            }

            _spooled[name] = input.Length;
        }

        var stream = new CountingStream(input);
        try
        {
            var reader = new CsvRecordReader(new CsvTextDecoder(stream), options.MaxFieldLength, options.MaxRecordLength, options.Delimiter) { Counter = stream };
            return ReadAheadRowReader.Pays(LengthOf(name), options) ? new ReadAheadRowReader(reader) : reader;
        }
        catch
        {
            // A spool's temporary file goes now, not when a finalizer gets to it.
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
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

/// <summary>
/// The copy of a stream an asynchronous import must not read synchronously, made by asynchronous reads so that the
/// parser (Sep behind <see cref="CsvSyntaxGuard"/>, which reads synchronously) reads the copy and never the caller's stream.
/// </summary>
/// <remarks>
/// <para>The first <see cref="InMemoryBytes"/> bytes are held in memory; a longer stream goes on to a temporary file,
/// readable only by its owner and deleted when it is closed, so that memory stays bounded whatever the size of an
/// upload. One file is copied at a time, just before it is parsed. Making the parser itself asynchronous would need an
/// asynchronous copy of every layer of the strict reader for one path; the copy keeps one reader for every import and
/// lets a large upload be parsed on two cores (<see cref="ReadAheadRowReader"/>) once it is on disk.</para>
/// </remarks>
internal static class Spool
{
    /// <summary>The most bytes held in memory before the copy moves to a temporary file: 1 MiB.</summary>
    public const int InMemoryBytes = 1 << 20;

    private const int BufferBytes = 81_920;

    /// <summary>Gets how the names of this process's temporary files begin: <c>saleskpi-</c> and the process id.</summary>
    public static string FilePrefix { get; } = $"saleskpi-{Environment.ProcessId}-";

    /// <summary>Returns false for streams whose synchronous reads do not wait on anything but a local disk or memory.</summary>
    public static bool IsNeededFor(Stream stream) =>
        (stream is LentStream lent ? lent.Inner : stream) is not (FileStream or MemoryStream or UnmanagedMemoryStream);

    /// <summary>Copies the rest of a stream, by asynchronous reads, into a stream positioned at its start, which the caller disposes.</summary>
    public static async ValueTask<Stream> CopyAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        var memory = new MemoryStream();
        FileStream? file = null;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (file is null && memory.Length + read > InMemoryBytes)
                {
                    file = CreateTemporaryFile();
                    await file.WriteAsync(memory.GetBuffer().AsMemory(0, (int)memory.Length), cancellationToken).ConfigureAwait(false);
                    memory.SetLength(0);
                    memory.Capacity = 0;
                }

                if (file is not null)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    memory.Write(buffer, 0, read);
                }
            }

            Stream copy = (Stream?)file ?? memory;
            copy.Position = 0;
            return copy;
        }
        catch
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static FileStream CreateTemporaryFile()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose | FileOptions.SequentialScan,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            // The data of an upload is nobody else's to read.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // Named by the process, so that whoever finds one left by a killed process knows whose it was.
        return new FileStream(Path.Combine(Path.GetTempPath(), $"{FilePrefix}{Path.GetRandomFileName()}"), options);
    }
}

/// <summary>A stream lent by the caller (<see cref="CsvSource.FromStreams"/>): read through, never disposed.</summary>
internal sealed class LentStream(Stream inner) : Stream
{
    /// <summary>Gets the caller's stream.</summary>
    public Stream Inner => inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
