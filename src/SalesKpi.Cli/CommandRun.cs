using System.CommandLine;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>What the commands that read data in memory share: the check of the command line, the load, the evaluator, a failure of several currencies.</summary>
internal static class CommandRun
{
    /// <summary>The sentence every such command's help ends with.</summary>
    public const string MemoryEngine = "Computed in memory (the memory engine of 'saleskpi report').";

    /// <summary>
    /// Checks the data and output options of a parsed command line and loads the data; null, with the exit code, when
    /// the command line is wrong or the data cannot be read.
    /// </summary>
    public static LoadedData? Load(
        Command command,
        CliConsole console,
        ParseResult parseResult,
        DataOptions data,
        CommandOptions output,
        DataLoader.DefaultRange? defaultRange,
        out DataLoader loader,
        out int exitCode)
    {
        loader = new DataLoader(console, command.Name, output.FormatOf(parseResult) == OutputFormat.Json);
        if ((data.Conflict(parseResult) ?? output.Conflict(parseResult)) is { } conflict)
        {
            exitCode = DataOptions.Usage(command, console, conflict);
            return null;
        }

        return loader.Load(data.Read(parseResult), defaultRange, out exitCode);
    }

    /// <summary>Returns the evaluator of loaded data: the zone asked for, and the data's currency when it has one.</summary>
    public static KpiEvaluator Evaluator(LoadedData loaded, DataRequest request, int fiscalYearStartMonth = 1) =>
        new(KpiSettings.Default.WithZone(request.Zone).WithFiscalYearStartMonth(fiscalYearStartMonth).WithReportingCurrency(loaded.SingleCurrency));

    /// <summary>
    /// Runs an evaluation; amounts in several currencies that cannot be summed fail the run with exit 1 and what to do,
    /// as in <c>report</c>.
    /// </summary>
    public static T? Evaluate<T>(DataLoader loader, LoadedData loaded, Func<T> evaluate, out int exitCode)
        where T : class
    {
        exitCode = ExitCodes.Success;
        try
        {
            return evaluate();
        }
        catch (InvalidOperationException e) when (loaded.Currencies.Count > 1)
        {
            exitCode = loader.Failed(loaded.Import, ExitCodes.BadData, $"{e.Message} The data has amounts in {string.Join(", ", loaded.Currencies.Order(StringComparer.Ordinal))}; saleskpi does not convert currencies: compute each currency's records separately, or use the SalesKpi library with an IExchangeRateProvider.");
            return null;
        }
    }

    /// <summary>Returns how a group is shown: a rep's id and, when it differs, its name.</summary>
    public static string GroupLabel(SalesData data, KpiGrouping grouping, string key) =>
        grouping == KpiGrouping.ByRep && data.Roster.TryGetRep(new Reps.RepId(key), out var rep) && !string.Equals(rep.Name, key, StringComparison.Ordinal)
            ? $"{key} ({rep.Name})"
            : key;

    /// <summary>Returns the rep's name, or null when the group is not a rep of the roster.</summary>
    public static string? RepName(SalesData data, KpiGrouping grouping, string key) =>
        grouping == KpiGrouping.ByRep && data.Roster.TryGetRep(new Reps.RepId(key), out var rep) ? rep.Name : null;
}
