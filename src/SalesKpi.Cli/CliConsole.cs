using SalesKpi.Cli.Terminal;
using Spectre.Console;

namespace SalesKpi.Cli;

/// <summary>Where the tool writes and what kind of terminal it runs on; tests pass string writers.</summary>
/// <param name="Out">Standard output: the report.</param>
/// <param name="Error">Standard error: errors, rejected rows, progress.</param>
/// <param name="IsInteractive">
/// True when standard error is a terminal a person watches, so that progress can be shown there — also when standard
/// output is redirected (<c>saleskpi report --format json &gt; report.json</c>), which only decides the width.
/// </param>
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

    /// <summary>
    /// Returns a Spectre console on <see cref="Error"/> for progress and spinners, told that it is an interactive ANSI
    /// terminal: Spectre cannot see that of a wrapped writer, and would look at standard output, perhaps a file.
    /// </summary>
    /// <remarks>Call it only when <see cref="IsInteractive"/>.</remarks>
    public IAnsiConsole ErrorTerminal() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Ansi = AnsiSupport.Yes,
        Interactive = InteractionSupport.Yes,
        ColorSystem = ColorSystemSupport.Detect,
    });

    /// <summary>The width used when the output is not a terminal (a file, a pipe, a test).</summary>
    public const int DefaultWidth = 120;

    /// <summary>Returns the console of the process: a buffered standard output flushed at the end, a standard error that never fails the run.</summary>
    /// <param name="interruption">The signals that cancel the run.</param>
    public static CliConsole System(Interruption interruption)
    {
        ArgumentNullException.ThrowIfNull(interruption);
        // Progress goes to stderr, so whether stderr is a terminal decides it; stdout's terminal only gives the width.
        var interactive = !Console.IsErrorRedirected;
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
