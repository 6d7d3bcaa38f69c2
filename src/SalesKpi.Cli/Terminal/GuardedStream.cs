namespace SalesKpi.Cli.Terminal;

/// <summary>
/// One of the process's standard streams, with a failed write turned into something the tool can answer: standard
/// output throws <see cref="OutputException"/> (a full disk, a closed descriptor), which ends the run with exit 1 and a
/// one-line message; standard error swallows the failure, since a diagnostic that cannot be shown must not change the
/// outcome the exit code reports.
/// </summary>
/// <remarks>
/// <para>The guard is on the stream under the text writer, so it runs once per buffer written, not once per string.</para>
/// <para>A closed pipe (<c>saleskpi report | head</c>) is not a failure here: .NET discards writes to a pipe whose reader
/// has gone, so the tool ends quietly, as Unix tools do.</para>
/// </remarks>
internal sealed class GuardedStream(Stream inner, string name, bool throws) : Stream
{
    // Once a write has failed, a swallowing stream writes nothing more.
    private bool _failed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Returns a text writer over a standard stream: buffered and flushed by the caller, or flushed at every write.</summary>
    public static TextWriter Writer(Stream inner, string name, bool throws, bool autoFlush) =>
        new StreamWriter(new GuardedStream(inner, name, throws), new System.Text.UTF8Encoding(false), 64 * 1024) { AutoFlush = autoFlush, NewLine = "\n" };

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_failed && !throws)
        {
            return;
        }

        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _failed = true;
            if (throws)
            {
                throw new OutputException(name, e);
            }
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>Writing the report failed; <see cref="Exception.Message"/> says where and why.</summary>
internal sealed class OutputException(string stream, Exception inner)
    : Exception($"cannot write to {stream}: {Reason(inner)}", inner)
{
    /// <summary>Returns the innermost message, such as <c>No space left on device</c>, without a trailing period.</summary>
    private static string Reason(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }

        var reason = e.Message.TrimEnd('.');
        return reason.Contains("Bad file descriptor", StringComparison.Ordinal) ? reason + " (is it closed?)" : reason;
    }
}
