using System.CommandLine;
using SalesKpi.Csv;
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

    /// <summary>
    /// Returns the grouping of a <c>--by</c> value over loaded data: a built-in grouping, a dimension the data has (as the
    /// data spells it), or two of them as a hierarchy (<c>office/rep</c>); null, with the message, for anything else.
    /// </summary>
    /// <param name="data">The data, whose dimensions a value may name.</param>
    /// <param name="by">The value.</param>
    /// <param name="builtIns">The built-in groupings the command offers.</param>
    /// <param name="error">The bad-usage message.</param>
    public static KpiGrouping? Grouping(SalesData data, string by, IReadOnlyList<string> builtIns, out string? error)
    {
        error = null;
        var levels = by.Split('/', StringSplitOptions.TrimEntries);
        if (levels.Length > 2)
        {
            error = $"--by: {ChoiceOption.Quote(by)} has {levels.Length} levels; a hierarchy has two, such as office/rep.";
            return null;
        }

        KpiGrouping? grouping = null;
        foreach (var level in levels)
        {
            KpiGrouping next;
            if (builtIns.Contains(level, StringComparer.Ordinal) && (levels.Length == 1 || level != "none"))
            {
                next = KpiGrouping.FromName(level);
            }
            else if (data.DimensionNames.FirstOrDefault(d => string.Equals(d, level, StringComparison.OrdinalIgnoreCase)) is { } dimension)
            {
                next = KpiGrouping.ByDimension(dimension);
            }
            else
            {
                error = ChoiceOption.NotAChoiceOrName("--by", level, "grouping", builtIns, data.DimensionNames, "dimension", ReportCommand.GroupingHints);
                return null;
            }

            grouping = grouping is null ? next : grouping.Then(next);
        }

        return grouping;
    }

    /// <summary>
    /// Returns the data with only the records that pass every <c>--where</c> filter, or null, with the message, when a
    /// filter names a dimension the data does not have.
    /// </summary>
    /// <param name="data">The data.</param>
    /// <param name="where">The filters.</param>
    /// <param name="error">The bad-usage message.</param>
    public static SalesData? Where(SalesData data, IReadOnlyList<WhereClause> where, out string? error)
    {
        error = null;
        if (where.Count == 0)
        {
            return data;
        }

        foreach (var clause in where)
        {
            if (!data.DimensionNames.Contains(clause.Name, StringComparer.OrdinalIgnoreCase))
            {
                var names = data.DimensionNames;
                var known = names.IsEmpty ? "the data has no dimensions" : $"the data's dimensions are {string.Join(", ", names)}";
                error = $"--where: {ChoiceOption.Quote(clause.Name)} is not a dimension of the data{Suggestions.DidYouMean(clause.Name, names)} ({known}).";
                return null;
            }
        }

        return where.Aggregate(data, (d, clause) => clause.Filter.Apply(d));
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
