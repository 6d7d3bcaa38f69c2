using System.CommandLine;
using System.Globalization;
using SalesKpi.Cli.Output;
using SalesKpi.Csv;
using SalesKpi.Rendering;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>
/// The <c>compare</c> command: each rep (or team, or lead source) against its peers for chosen KPIs — value, peer mean,
/// relative difference, rank and the number of peers (<see cref="KpiReport.CompareWithPeers"/>).
/// </summary>
internal static class CompareCommand
{
    /// <summary>The built-in groupings of <c>--by</c>.</summary>
    private static readonly string[] ByValues = ["rep", "team", "source"];

    /// <summary>The KPIs compared without <c>--kpi</c>.</summary>
    public static readonly string[] DefaultKpis = [KpiIds.Revenue, KpiIds.DealsWon, KpiIds.CloseRate, KpiIds.AverageDealSize, KpiIds.SalesCycleLength];

    public static Command Create(CliConsole console)
    {
        var data = new DataOptions(
            "The first date compared (YYYY-MM-DD). Default: January 1 of the year of the latest event in the data.",
            "The last date compared, inclusive (YYYY-MM-DD). Default: December 31 of that year, or one year after --from.");
        var output = new CommandOptions();
        var kpi = CommandOptions.KpiOption($"A KPI id; repeat the option (or separate ids with commas) for several. Default: {string.Join(", ", DefaultKpis)}.");
        var by = CommandOptions.OpenByOption("Compare reps, teams (through reps.csv) or lead sources.", "rep", ByValues);
        var rep = new Option<string?>("--rep")
        {
            Description = "Show only this rep (or team, or source) against its peers; the peers are still every other one.",
            HelpName = "ID",
        };

        var command = new Command("compare", $"Compares each rep (or team, or lead source) with its peers: value, peer mean, difference from it, rank, number of peers. {CommandRun.MemoryEngine}");
        data.AddTo(command);
        command.Options.Add(by);
        command.Options.Add(rep);
        command.Options.Add(kpi);
        output.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (CommandRun.Load(command, console, parseResult, data, output, null, out var loader, out var code) is not { } loaded)
            {
                return code;
            }

            var request = data.Read(parseResult);
            var kpis = CommandOptions.KpisOf(parseResult, kpi, DefaultKpis.Select(id => Kpis.TryGet(id, out var k) ? k : throw new InvalidOperationException(id)));
            var byName = parseResult.GetValue(by)!;
            if (CommandRun.Grouping(loaded.Data, byName, ByValues, out var byError) is not { } grouping)
            {
                return loader.Failed(loaded.Import, ExitCodes.BadUsage, byError!);
            }

            var query = new KpiQuery(loaded.Range, kpis, grouping, includeAllKnownGroups: grouping != KpiGrouping.BySource && loaded.Where.IsEmpty);
            if (CommandRun.Evaluate(loader, loaded, () => CommandRun.Evaluator(loaded, request).Evaluate(loaded.Data, query), out code) is not { } report)
            {
                return code;
            }

            var groups = report.Groups.Where(g => g != KpiGrouping.NoKey).ToList();
            if (parseResult.GetValue(rep) is { } only)
            {
                if (!groups.Contains(only, StringComparer.Ordinal))
                {
                    var near = Suggestions.DidYouMean(only, groups);
                    return DataOptions.Usage(command, console, $"--rep: the data has no {byName} '{KpiValueText.Printable(only)}'{(near.Length > 0 ? near : $" (its {byName}s: {string.Join(", ", groups.Take(10))}{(groups.Count > 10 ? ", …" : string.Empty)})")}.");
                }

                groups = [only];
            }

            var comparisons = kpis.Select(k => (Kpi: k, Items: groups.Select(g => report.CompareWithPeers(k.Id, g)).ToList())).ToList();
            string Label(string g) => CommandRun.GroupLabel(loaded.Data, grouping, g);
            var result = new CommandOutput(
                () => Document(comparisons, loaded, byName, Label),
                json =>
                {
                    json.WriteString("command", "compare");
                    json.WriteString("data", loaded.Description);
                    CommandOutput.WriteRange(json, "range", loaded.Range);
                    json.WriteString("by", byName);
                    json.WriteStartArray("comparisons");
                    foreach (var (k, items) in comparisons)
                    {
                        foreach (var c in items)
                        {
                            json.WriteStartObject();
                            json.WriteString("kpi", k.Id);
                            json.WriteString("group", c.Group);
                            json.WriteString("name", CommandRun.RepName(loaded.Data, grouping, c.Group));
                            CommandOutput.WriteValue(json, c.Value);
                            CommandOutput.WriteNumber(json, "peerMean", c.PeerMean.Value);
                            CommandOutput.WriteNumber(json, "relativeDifference", c.RelativeDifference.Value);
                            if (c.Rank is { } r)
                            {
                                json.WriteNumber("rank", r);
                            }
                            else
                            {
                                json.WriteNull("rank");
                            }

                            json.WriteNumber("ranked", c.PeerCount + 1);
                            json.WriteNumber("peers", c.PeerCount);
                            json.WriteEndObject();
                        }
                    }

                    json.WriteEndArray();
                },
                "kpi,group,value,unit,currency,peer_mean,relative_difference,rank,ranked,peers,reason",
                () => comparisons.SelectMany(x => x.Items.Select(c => (IReadOnlyList<string>)
                [
                    x.Kpi.Id,
                    CsvReportWriter.Text(c.Group),
                    CommandOutput.Number(c.Value.Value),
                    KpiValueText.UnitName(c.Value.Unit),
                    c.Value.Currency?.Code ?? string.Empty,
                    CommandOutput.Number(c.PeerMean.Value),
                    CommandOutput.Number(c.RelativeDifference.Value),
                    c.Rank?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    (c.PeerCount + 1).ToString(CultureInfo.InvariantCulture),
                    c.PeerCount.ToString(CultureInfo.InvariantCulture),
                    CsvReportWriter.Text(c.Value.UndefinedReason ?? string.Empty),
                ])));
            return result.Write(console, output.FormatOf(parseResult), parseResult.GetValue(output.Output));
        });
        return command;
    }

    /// <summary>Returns one document of the comparisons: a title, the data and range, and each KPI's table and chart.</summary>
    private static KpiDocument Document(List<(KpiCalculator Kpi, List<PeerComparison> Items)> comparisons, LoadedData loaded, string by, Func<string, string> label)
    {
        var sections = comparisons.SelectMany(c => KpiDocuments.Comparison(c.Items, c.Kpi.Id, groupLabel: label).Sections.Select((s, i) => i == 0 && s is TableSection t
            ? new TableSection(c.Kpi.Id, [new TableColumn(char.ToUpperInvariant(by[0]) + by[1..]), .. t.Columns.Skip(2)], t.Rows.Select(r => (IReadOnlyList<string>)[.. r.Skip(1)]), t.Footnotes)
            : s));
        return new KpiDocument(
            $"SalesKpi peer comparison: {loaded.Description}",
            [$"{ReportRange.Iso(loaded.Range.Start)} to {ReportRange.Iso(loaded.Range.End)}, each {by} against the mean of every other {by} (rank 1 is the best)."],
            sections);
    }
}
