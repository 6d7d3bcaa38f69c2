using System.CommandLine;
using SalesKpi.Cli.Terminal;

namespace SalesKpi.Cli;

/// <summary>
/// The <c>saleskpi</c> command line: parses the arguments, runs the command and returns the exit code. Tests call
/// <see cref="Run"/> in-process with string writers.
/// </summary>
internal static class CliApp
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="console">Where to write.</param>
    /// <returns>An exit code of <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("saleskpi: sales KPIs (activity, conversion, close rate, revenue, deal size, sales cycle, retention) from CRM exports.")
        {
            ReportCommand.Create(console),
            KpisCommand.Create(console),
            PlanCommand.Create(console),
            TargetsCommand.Create(console),
            CompareCommand.Create(console),
            TrendCommand.Create(console),
        };
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            var code = Invoke(root, args, configuration, console);
            console.Out.Flush();
            return code;
        }
        catch (OutputException e)
        {
            // The report could not be written (a full disk, a closed standard output): say so where stderr works.
            console.Error.WriteLine($"saleskpi: {e.Message}");
            return ExitCodes.BadData;
        }
        catch (OperationCanceledException) when (console.Cancellation.IsCancellationRequested)
        {
            return Interrupted(console);
        }
        catch (OutOfMemoryException)
        {
            // A report of a very long range, per week and group, can need more memory than the machine has.
            console.Error.WriteLine("saleskpi: out of memory: the report needs more memory than this machine has; narrow --from/--to, or use a coarser --per, fewer groups (--by) or fewer --kpi.");
            return ExitCodes.BadUsage;
        }
#pragma warning disable CA1031 // A bug must still end with a message and a distinct exit code, not a stack dump.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.Error.WriteLine($"saleskpi: internal error: {e.GetType().Name}: {e.Message}");
            console.Error.WriteLine(Environment.GetEnvironmentVariable(TraceVariable) == "1"
                ? e.ToString()
                : $"This is a bug in saleskpi; please report it with the command line that caused it (set {TraceVariable}=1 for the stack trace).");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The environment variable that adds the stack trace to an internal error.</summary>
    internal const string TraceVariable = "SALESKPI_TRACE";

    /// <summary>Writes that the run was cancelled, shows the cursor again on a terminal, and returns 130 (or 143).</summary>
    internal static int Interrupted(CliConsole console)
    {
        if (console.IsInteractive)
        {
            console.Error.Write(Cursor.Show);
        }

        console.Error.WriteLine("saleskpi: interrupted; nothing was written.");
        return console.InterruptedExitCode;
    }

    private static int Invoke(RootCommand root, string[] args, InvocationConfiguration configuration, CliConsole console)
    {
        if (args.Length == 0)
        {
            // No command: the help, on stderr since nothing was done.
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = console.Error, Error = console.Error });
            return ExitCodes.BadUsage;
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            WriteErrors(parseResult, console.Error);
            return ExitCodes.BadUsage;
        }

        return parseResult.Invoke(configuration);
    }

    /// <summary>Writes each parse error, with a "did you mean" for a mistyped option, and where to find the options.</summary>
    private static void WriteErrors(ParseResult parseResult, TextWriter error)
    {
        var options = parseResult.CommandResult.Command.Options
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Concat(parseResult.CommandResult.Command.Subcommands.Select(c => c.Name))
            .ToList();
        foreach (var parseError in parseResult.Errors)
        {
            error.WriteLine($"saleskpi: bad usage: {parseError.Message}");
        }

        foreach (var token in parseResult.UnmatchedTokens)
        {
            var suggestion = Csv.Suggestions.DidYouMean(token, options);
            if (suggestion.Length > 0)
            {
                error.WriteLine($"'{token}': {suggestion.TrimStart(';', ' ')}");
            }
        }

        WriteHelpHint(parseResult.CommandResult.Command, error);
    }

    /// <summary>Writes where to find the options of a command.</summary>
    internal static void WriteHelpHint(Command command, TextWriter error)
    {
        var name = command is RootCommand ? "saleskpi" : "saleskpi " + command.Name;
        error.WriteLine($"Run '{name} --help' for the options.");
    }
}
