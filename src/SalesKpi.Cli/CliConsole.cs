using SalesKpi.Cli.Terminal;

namespace SalesKpi.Cli;

/// <summary>Where the tool writes and what kind of terminal it runs on; tests pass string writers.</summary>
/// <param name="Out">Standard output: the report.</param>
/// <param name="Error">Standard error: errors, rejected rows, progress.</param>
/// <param name="IsInteractive">True when both outputs are a terminal a person watches, so that progress can be shown.</param>
/// <param name="Width">The width tables are fitted to, in columns.</param>
/// <param name="Cancellation">Cancelled by Ctrl-C or SIGTERM; the run stops between rows and exits with <see cref="InterruptedExitCode"/>.</param>
/// <param name="ExitCodeOfInterruption">Returns the exit code of a cancelled run once it is cancelled; null for 130 (SIGINT).</param>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    bool IsInteractive,
    int Width,
    Func<int>? ExitCodeOfInterruption = null,
    CancellationToken Cancellation = default)
{
    /// <summary>Gets the exit code of a cancelled run: 130 after Ctrl-C, 143 after SIGTERM.</summary>
    public int InterruptedExitCode => ExitCodeOfInterruption?.Invoke() ?? ExitCodes.Interrupted;

    /// <summary>The width used when the output is not a terminal (a file, a pipe, a test).</summary>
    public const int DefaultWidth = 120;

    /// <summary>Returns the console of the process: a buffered standard output flushed at the end, a standard error that never fails the run.</summary>
    /// <param name="interruption">The signals that cancel the run.</param>
    public static CliConsole System(Interruption interruption)
    {
        ArgumentNullException.ThrowIfNull(interruption);
        var interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        var width = DefaultWidth;
        if (!Console.IsOutputRedirected)
        {
            try
            {
                width = Console.WindowWidth > 0 ? Console.WindowWidth : DefaultWidth;
            }
            catch (IOException)
            {
                width = DefaultWidth;
            }
        }
        else if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0)
        {
            width = columns;
        }

        // Console.Out flushes every write, which costs a system call per line of a large JSON or CSV report; this writer
        // buffers and CliApp flushes it once at the end, inside the guard that turns a full disk into exit 1.
        return new CliConsole(
            GuardedStream.Writer(Console.OpenStandardOutput(), "standard output", throws: true, autoFlush: false),
            GuardedStream.Writer(Console.OpenStandardError(), "standard error", throws: false, autoFlush: true),
            interactive,
            Math.Clamp(width, 60, 240),
            () => interruption.ExitCode,
            interruption.Token);
    }
}
