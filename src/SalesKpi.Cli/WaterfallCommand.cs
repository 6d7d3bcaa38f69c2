using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SalesKpi.Cli.Output;
using SalesKpi.Csv;
using SalesKpi.Pipeline;
using SalesKpi.Rendering;
using SalesKpi.Reporting;
using SalesKpi.Serialization;

namespace SalesKpi.Cli;

/// <summary>
/// The <c>waterfall</c> command: the pipeline waterfall of each period and group (<see cref="PipelineWaterfallCalculator"/>):
/// opening, created, increased, decreased, pulled in, slipped out, won, lost and closing, in counts and per currency.
/// </summary>
internal static class WaterfallCommand
{
    /// <summary>The built-in groupings of <c>--by</c>: those that group opportunities.</summary>
    private static readonly string[] ByValues = ["rep", "team", "source", "lost-reason", "none"];

    /// <summary>The lines, in the order of the CSV's columns (those of <see cref="PipelineDocuments.Table"/>), with their CSV names.</summary>
    private static readonly (PipelineFlowKind Kind, string Csv)[] Lines =
    [
        (PipelineFlowKind.Opening, "opening"), (PipelineFlowKind.Created, "created"), (PipelineFlowKind.Increased, "increased"),
        (PipelineFlowKind.Decreased, "decreased"), (PipelineFlowKind.PulledIn, "pulled_in"), (PipelineFlowKind.SlippedOut, "slipped_out"),
        (PipelineFlowKind.Won, "won"), (PipelineFlowKind.Lost, "lost"), (PipelineFlowKind.Closing, "closing"),
    ];

    private const string WindowChoices = "all, period, day, week, month, quarter, fiscal-quarter, fiscal-year, or FROM..TO, such as 2025-04-01..2025-06-30";

    public static Command Create(CliConsole console)
    {
        var data = new DataOptions(
            "The first date of the waterfall (YYYY-MM-DD). Default: January 1 of the year of the latest event in the data.",
            "The last date of the waterfall, inclusive (YYYY-MM-DD). Default: December 31 of that year, or one year after --from.");
        var output = new CommandOptions();
        var periods = new PeriodOptions("The flow periods: days, weeks (ISO, Monday first), months, quarters, fiscal quarters or fiscal years (starting in --fiscal-start), or the whole range (none).", "month");
        var by = CommandOptions.OpenByOption("A waterfall for each rep (the opportunity's current owner), team (through reps.csv), lead source or lost reason, or one for all the data.", "none", ByValues);
        var window = new Option<string>("--close-window")
        {
            Description = $"The pipeline: open opportunities whose expected close date falls in this window. all (the default) is every open opportunity; period is each period's own dates; day to fiscal-year the one holding each period's first day (quarter: a weekly waterfall of the quarter's pipeline); FROM..TO fixed dates. One of {WindowChoices}.",
            HelpName = "WINDOW",
            DefaultValueFactory = _ => "all",
        };
        window.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !PipelineWindow.TryParse(r.Tokens[0].Value, out _))
            {
                var value = r.Tokens[0].Value;
                string[] names = ["all", "period", "day", "week", "month", "quarter", "fiscal-quarter", "fiscal-year"];
                r.AddError($"--close-window: {ChoiceOption.Quote(value)} is not a close window{Suggestions.DidYouMean(value, names)} (the close windows are {WindowChoices}).");
            }
        });

        var command = new Command("waterfall", $"Shows the pipeline waterfall of each period: the pipeline at its start, what was created, increased, decreased, pulled in, slipped out, won and lost, and the pipeline at its end, per currency. {CommandRun.MemoryEngine}");
        data.AddTo(command);
        periods.AddTo(command);
        command.Options.Add(by);
        command.Options.Add(window);
        output.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (periods.Conflict(parseResult) is { } conflict)
            {
                return DataOptions.Usage(command, console, conflict);
            }

            if (CommandRun.Load(command, console, parseResult, data, output, null, out var loader, out var code) is not { } loaded)
            {
                return code;
            }

            var byName = parseResult.GetValue(by)!;
            if (CommandRun.Grouping(loaded.Data, byName, ByValues, out var byError) is not { } grouping)
            {
                return loader.Failed(loaded.Import, ExitCodes.BadUsage, byError!);
            }

            var request = data.Read(parseResult);
            var closeWindow = PipelineWindow.TryParse(parseResult.GetValue(window), out var parsed) ? parsed : PipelineWindow.All; // checked by the option
            var settings = KpiSettings.Default.WithZone(request.Zone).WithFiscalYearStartMonth(periods.FiscalStartMonth(parseResult));
            var report = new PipelineWaterfallCalculator(settings).Evaluate(loaded.Data, loaded.Range, grouping, periods.Unit(parseResult), closeWindow);
            var result = new CommandOutput(
                () => new KpiDocument(
                    $"SalesKpi pipeline waterfall: {loaded.Description}",
                    [
                        $"{ReportRange.Iso(loaded.Range.Start)} to {ReportRange.Iso(loaded.Range.End)} per {parseResult.GetValue(periods.Per)}, close window {closeWindow}: opening + created + increased − decreased + pulled in − slipped out − won − lost = closing, in counts (increased and decreased count changes, apart) and in each currency.",
                    ],
                    [PipelineDocuments.Table(report, g => CommandRun.GroupLabel(loaded.Data, grouping, g))]),
                json =>
                {
                    json.WriteString("command", "waterfall");
                    json.WriteString("data", loaded.Description);
                    CommandOutput.WriteRange(json, "range", loaded.Range);
                    json.WriteString("per", parseResult.GetValue(periods.Per));
                    json.WriteString("by", byName);
                    json.WriteString("closeWindow", closeWindow.ToString());
                    json.WritePropertyName("waterfall");
                    JsonSerializer.Serialize(json, report, SalesKpiJsonContext.Default.PipelineWaterfallReport);
                },
                "period,from,to,group,measure," + string.Join(',', Lines.Select(l => l.Csv)),
                () => report.Waterfalls.SelectMany(w => Rows(w).Select(r => (IReadOnlyList<string>)
                [
                    w.Period.Label,
                    ReportRange.Iso(w.Period.Dates.Start),
                    ReportRange.Iso(w.Period.Dates.End),
                    CsvReportWriter.Text(w.Group),
                    r.Measure,
                    .. r.Cells,
                ])));
            return result.Write(console, output.FormatOf(parseResult), parseResult.GetValue(output.Output));
        });
        return command;
    }

    /// <summary>Returns the CSV rows of one waterfall, exact: the counts, then the amounts of each currency it has.</summary>
    private static IEnumerable<(string Measure, string[] Cells)> Rows(PipelineWaterfall waterfall)
    {
        yield return ("count", [.. Lines.Select(l => waterfall.Flow(l.Kind).Count.ToString(CultureInfo.InvariantCulture))]);
        foreach (var currency in waterfall.Currencies)
        {
            yield return (currency.Code, [.. Lines.Select(l => CommandOutput.Number(waterfall.Flow(l.Kind).AmountIn(currency).Amount))]);
        }
    }
}
