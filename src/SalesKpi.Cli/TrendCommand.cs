using System.CommandLine;
using SalesKpi.Cli.Output;
using SalesKpi.Csv;
using SalesKpi.Rendering;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>The <c>trend</c> command: KPIs over weeks, months or quarters, with the change from each period to the next (<see cref="KpiReport.Trend"/>).</summary>
internal static class TrendCommand
{
    /// <summary>The built-in groupings of <c>--by</c>.</summary>
    private static readonly string[] ByValues = ["rep", "team", "source", "lost-reason", "forecast-category", "none"];

    public static Command Create(CliConsole console)
    {
        var data = new DataOptions(
            "The first date of the trend (YYYY-MM-DD). Default: January 1 of the year of the latest event in the data.",
            "The last date of the trend, inclusive (YYYY-MM-DD). Default: December 31 of that year, or one year after --from.");
        var output = new CommandOptions();
        var kpi = CommandOptions.KpiOption("A KPI id, such as revenue; repeat the option (or separate ids with commas) for several. Required.");
        kpi.Required = true;
        var periods = new PeriodOptions("The periods: days, weeks (ISO, Monday first), months, quarters, or fiscal quarters or fiscal years (starting in --fiscal-start).", "month", ["day", "week", "month", "quarter", "fiscal-quarter", "fiscal-year"]);
        var per = periods.Per;
        var by = CommandOptions.OpenByOption("A trend for each rep, team (through reps.csv) or lead source, or one for all the data.", "none", ByValues);
        var group = new Option<string?>("--group")
        {
            Description = "With --by, only this rep, team or source.",
            HelpName = "KEY",
        };

        var command = new Command("trend", $"Shows KPIs over weeks, months, quarters or fiscal quarters or years, with the change from each period to the next. {CommandRun.MemoryEngine}");
        data.AddTo(command);
        command.Options.Add(kpi);
        periods.AddTo(command);
        command.Options.Add(by);
        command.Options.Add(group);
        periods.AddWindowsTo(command);
        var funnel = new FunnelOptions();
        funnel.AddTo(command);
        output.AddTo(command);
        command.SetAction(parseResult =>
        {
            var byName = parseResult.GetValue(by)!;
            if (parseResult.GetValue(group) is not null && byName == "none")
            {
                return DataOptions.Usage(command, console, "--group needs --by rep, team or source: the dimension of the group.");
            }

            var asked = CommandOptions.KpisOf(parseResult, kpi, []);
            if ((periods.Conflict(parseResult) ?? funnel.Conflict(parseResult, asked)) is { } conflict)
            {
                return DataOptions.Usage(command, console, conflict);
            }

            if (CommandRun.Load(command, console, parseResult, data, output, null, out var loader, out var code) is not { } loaded)
            {
                return code;
            }

            var request = data.Read(parseResult);
            var kpis = periods.ApplyWindows(parseResult, funnel.Apply(parseResult, asked));
            if (CommandRun.Grouping(loaded.Data, byName, ByValues, out var byError) is not { } grouping)
            {
                return loader.Failed(loaded.Import, ExitCodes.BadUsage, byError!);
            }

            var unit = periods.Unit(parseResult);
            var query = new KpiQuery(loaded.Range, kpis, grouping, unit, includeAllKnownGroups: (grouping == KpiGrouping.ByRep || grouping == KpiGrouping.ByTeam) && loaded.Where.IsEmpty);
            if (CommandRun.Evaluate(loader, loaded, () => CommandRun.Evaluator(loaded, request, periods.FiscalStartMonth(parseResult)).Evaluate(loaded.Data, query), out code) is not { } report)
            {
                return code;
            }

            var groups = report.Groups.Where(g => g != KpiGrouping.NoKey).ToList();
            if (parseResult.GetValue(group) is { } only)
            {
                if (!groups.Contains(only, StringComparer.Ordinal))
                {
                    var near = Suggestions.DidYouMean(only, groups);
                    return DataOptions.Usage(command, console, $"--group: the data has no {byName} '{KpiValueText.Printable(only)}'{(near.Length > 0 ? near : $" (its {byName}s: {string.Join(", ", groups.Take(10))}{(groups.Count > 10 ? ", …" : string.Empty)})")}.");
                }

                groups = [only];
            }

            var trends = kpis.SelectMany(k => groups.Select(g => report.Trend(k.Id, g))).ToList();
            string Label(string g) => CommandRun.GroupLabel(loaded.Data, grouping, g);
            var result = new CommandOutput(
                () =>
                {
                    var document = KpiDocuments.Trend(trends, Label);
                    return new KpiDocument(
                        $"SalesKpi trend: {loaded.Description}",
                        [$"{ReportRange.Iso(loaded.Range.Start)} to {ReportRange.Iso(loaded.Range.End)} per {parseResult.GetValue(per)}; the change is from the period before (— for the first period, or after an undefined or zero value)."],
                        document.Sections);
                },
                json =>
                {
                    json.WriteString("command", "trend");
                    json.WriteString("data", loaded.Description);
                    CommandOutput.WriteRange(json, "range", loaded.Range);
                    json.WriteString("per", parseResult.GetValue(per));
                    json.WriteString("by", byName);
                    json.WriteStartArray("trends");
                    foreach (var trend in trends)
                    {
                        json.WriteStartObject();
                        json.WriteString("kpi", trend.KpiId);
                        json.WriteString("group", trend.Group);
                        json.WriteString("name", CommandRun.RepName(loaded.Data, grouping, trend.Group));
                        json.WriteStartArray("points");
                        foreach (var point in trend.Points)
                        {
                            json.WriteStartObject();
                            json.WriteString("period", point.Period.Label);
                            json.WriteString("from", ReportRange.Iso(point.Period.Dates.Start));
                            json.WriteString("to", ReportRange.Iso(point.Period.Dates.End));
                            CommandOutput.WriteValue(json, point.Value);
                            CommandOutput.WriteNumber(json, "change", point.Change.Value);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                },
                "kpi,group,period,from,to,value,unit,currency,change,reason",
                () => trends.SelectMany(t => t.Points.Select(p => (IReadOnlyList<string>)
                [
                    t.KpiId,
                    CsvReportWriter.Text(t.Group),
                    p.Period.Label,
                    ReportRange.Iso(p.Period.Dates.Start),
                    ReportRange.Iso(p.Period.Dates.End),
                    CommandOutput.Number(p.Value.Value),
                    KpiValueText.UnitName(p.Value.Unit),
                    p.Value.Currency?.Code ?? string.Empty,
                    CommandOutput.Number(p.Change.Value),
                    CsvReportWriter.Text(p.Value.UndefinedReason ?? string.Empty),
                ])));
            return result.Write(console, output.FormatOf(parseResult), parseResult.GetValue(output.Output));
        });
        return command;
    }
}
