using System.Text;

namespace SalesKpi.Cli.Terminal;

/// <summary>
/// A writer over one of the process's standard streams that turns a failed write into something the tool can answer:
/// standard output throws <see cref="OutputException"/> (a full disk, a closed descriptor), which ends the run with
/// exit 1 and a one-line message; standard error swallows the failure, since a diagnostic that cannot be shown must not
/// change the outcome the exit code reports.
/// </summary>
/// <remarks>
/// A closed pipe (<c>saleskpi report | head</c>) is not a failure here: .NET discards writes to a pipe whose reader has
/// gone, so the tool ends quietly, as Unix tools do.
/// </remarks>
internal sealed class GuardedWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly string _name;
    private readonly bool _throws;

    private GuardedWriter(TextWriter inner, string name, bool throws)
    {
        _inner = inner;
        _name = name;
        _throws = throws;
    }

    /// <summary>Gets a value indicating whether a write has failed; a swallowing writer writes nothing after that.</summary>
    public bool Failed { get; private set; }

    /// <inheritdoc />
    public override Encoding Encoding => _inner.Encoding;

    /// <inheritdoc />
    public override IFormatProvider FormatProvider => _inner.FormatProvider;

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => _inner.NewLine;
        set => _inner.NewLine = value;
    }

    /// <summary>Returns a writer whose failures throw <see cref="OutputException"/> naming <paramref name="name"/>.</summary>
    public static GuardedWriter Throwing(TextWriter inner, string name) => new(inner, name, throws: true);

    /// <summary>Returns a writer whose failures are swallowed.</summary>
    public static GuardedWriter Swallowing(TextWriter inner, string name) => new(inner, name, throws: false);

    /// <inheritdoc />
    public override void Write(char value) => Guard(() => _inner.Write(value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Guard(() => _inner.Write(buffer, index, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (Failed && !_throws)
        {
            return;
        }

        try
        {
            _inner.Write(buffer);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            Fail(e);
        }
    }

    /// <inheritdoc />
    public override void Write(string? value) => Guard(() => _inner.Write(value));

    /// <inheritdoc />
    public override void WriteLine(string? value) => Guard(() => _inner.WriteLine(value));

    /// <inheritdoc />
    public override void Flush() => Guard(_inner.Flush);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Guard(_inner.Dispose);
        }

        base.Dispose(disposing);
    }

    /// <summary>Returns true for what a failed write to a standard stream throws: an I/O error, or a closed descriptor.</summary>
    private static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException or ObjectDisposedException;

    private void Guard(Action write)
    {
        if (Failed && !_throws)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            Fail(e);
        }
    }

    private void Fail(Exception e)
    {
        Failed = true;
        if (_throws)
        {
            throw new OutputException(_name, e);
        }
    }
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
