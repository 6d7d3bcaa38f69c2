using System.CommandLine;
using System.CommandLine.Parsing;
using SalesKpi.Csv;
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
            WaterfallCommand.Create(console),
            ForecastCommand.Create(console),
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

    /// <summary>
    /// Writes each parse error in the tool's words: an unknown command or option with the closest known one (<c>unknown
    /// command 'reprot'; did you mean 'report'?</c>), an option without its value or given twice, and the messages of the
    /// options' own checks; then where to find the options.
    /// </summary>
    private static void WriteErrors(ParseResult parseResult, TextWriter error)
    {
        var command = parseResult.CommandResult.Command;
        foreach (var message in UnmatchedTokenErrors(parseResult, command))
        {
            error.WriteLine($"saleskpi: bad usage: {message}");
        }

        foreach (var parseError in parseResult.Errors)
        {
            if (ErrorMessage(parseError, parseResult) is { } message)
            {
                error.WriteLine($"saleskpi: bad usage: {message}");
            }
        }

        WriteHelpHint(command, error);
    }

    /// <summary>Returns the message of a parse error, or null for one said already (an unknown word).</summary>
    private static string? ErrorMessage(ParseError parseError, ParseResult parseResult)
    {
        switch (parseError.SymbolResult)
        {
            case OptionResult { Option: var option, IdentifierToken: null }:
                return option.HelpName is { } name
                    ? $"{option.Name} is required: {option.Name} {name}."
                    : $"{option.Name} is required.";
            case OptionResult { Option: var option } result when result.Tokens.Count == 0 && option.Arity.MinimumNumberOfValues > 0:
                if (ChoiceOption.ChoicesOf(option) is { } choices)
                {
                    return $"{option.Name} needs a value: {ChoiceOption.List(choices)}.";
                }

                return option.HelpName is { } helpName
                    ? $"{option.Name} needs a value: {option.Name} {helpName}."
                    : $"{option.Name} needs a value.";
            case OptionResult { Option: var option } result when result.Tokens.Count > option.Arity.MaximumNumberOfValues:
                return $"{option.Name} is given {result.Tokens.Count} times ({string.Join(", ", result.Tokens.Select(t => ChoiceOption.Quote(t.Value)))}); give it once.";
            case OptionResult or ArgumentResult:
                // The options' own checks, already in the tool's words ("--zone: 'Europe/Istanbl' is not …").
                return parseError.Message;
            default:
                // Errors of the command: an unknown word (said with its suggestion), or no command at all.
                if (parseResult.UnmatchedTokens.Count > 0)
                {
                    return null;
                }

                return parseResult.CommandResult.Command is RootCommand root
                    ? $"no command given; the commands are {string.Join(", ", root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}."
                    : parseError.Message;
        }
    }

    /// <summary>
    /// Returns a message for each word the parser did not recognize: an unknown command, an unknown option (the word after
    /// it taken as its value), or a word where the command takes only options — with the closest known name.
    /// </summary>
    private static IEnumerable<string> UnmatchedTokenErrors(ParseResult parseResult, Command command)
    {
        var optionNames = command.Options
            .Concat(parseResult.RootCommandResult.Command.Options.Where(o => o.Recursive))
            .Where(o => !o.Hidden)
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Where(n => n.StartsWith("--", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var commandNames = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var tokens = parseResult.UnmatchedTokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith('-') && token.Length > 1)
            {
                var name = token.Split('=', 2)[0];
                if (!token.Contains('=', StringComparison.Ordinal) && i + 1 < tokens.Count && !tokens[i + 1].StartsWith('-'))
                {
                    // "--frm 2025-01-01": the date is the unknown option's value, not a second mistake.
                    i++;
                }

                yield return UnknownOption(parseResult, command, name, optionNames);
            }
            else if (commandNames.Count > 0)
            {
                var suggestion = Suggestions.DidYouMean(token, commandNames);
                yield return suggestion.Length > 0
                    ? $"unknown command {ChoiceOption.Quote(token)}{suggestion}"
                    : $"unknown command {ChoiceOption.Quote(token)} (the commands are {string.Join(", ", commandNames)}).";
            }
            else
            {
                // "report from 2025-01-01": a word where an option was meant.
                var asOption = Suggestions.DidYouMean("--" + token, optionNames);
                yield return $"{ChoiceOption.Quote(token)}: '{CommandPath(command)}' takes options, not arguments{(asOption.Length > 0 ? asOption : ".")}";
            }
        }
    }

    /// <summary>Returns the message of an unknown option: the closest option of the command, or the commands that have it.</summary>
    private static string UnknownOption(ParseResult parseResult, Command command, string name, List<string> optionNames)
    {
        var others = parseResult.RootCommandResult.Command.Subcommands
            .Where(c => c != command && c.Options.Any(o => o.Name == name || o.Aliases.Contains(name)))
            .Select(c => c.Name)
            .ToList();
        if (others.Count > 0)
        {
            var list = others.Count == 1 ? others[0] : string.Join(", ", others[..^1]) + " and " + others[^1];
            return $"{ChoiceOption.Quote(name)} is not an option of '{CommandPath(command)}' but of {list}.";
        }

        var suggestion = Suggestions.DidYouMean(name, optionNames);
        return $"unknown option {ChoiceOption.Quote(name)}{(suggestion.Length > 0 ? suggestion : ".")}";
    }

    private static string CommandPath(Command command) => command is RootCommand ? "saleskpi" : "saleskpi " + command.Name;

    /// <summary>Writes where to find the options of a command.</summary>
    internal static void WriteHelpHint(Command command, TextWriter error)
    {
        error.WriteLine($"Run '{CommandPath(command)} --help' for the options.");
    }
}
