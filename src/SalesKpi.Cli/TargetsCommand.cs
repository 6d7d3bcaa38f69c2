using System.Collections.Immutable;
using System.CommandLine;
using SalesKpi.Cli.Output;
using SalesKpi.Csv;
using SalesKpi.Planning;
using SalesKpi.Rendering;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>
/// The <c>targets</c> command: the goals of a targets CSV (<see cref="CsvGoals"/>, docs/csv-format.md) judged against
/// the data — value, attainment, pace to date, status and the planning module's coaching hint (<see cref="KpiGoal"/>).
/// </summary>
/// <remarks>"Today" is the end of the day of the latest event in the data, or of <c>--as-of</c>.</remarks>
internal static class TargetsCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new DataOptions(range: false);
        var output = new CommandOptions();
        var targets = new Option<string>("--targets")
        {
            Description = "The targets CSV: columns kpi, group, period, target, warning, critical (docs/csv-format.md, \"Targets\").",
            HelpName = "FILE",
            Required = true,
        };
        targets.Validators.Add(r =>
        {
            var file = r.GetValueOrDefault<string>();
            if (Directory.Exists(file))
            {
                r.AddError($"--targets: '{file}' is a directory, not a targets file.");
            }
            else if (!File.Exists(file))
            {
                r.AddError($"--targets: the file '{file}' does not exist.");
            }
        });
        var asOf = DataOptions.DateOption("--as-of", "The day the pace is measured at, its end included (YYYY-MM-DD). Default: the day of the latest event in the data.");

        var command = new Command("targets", $"Judges the targets of a CSV file against the data: value, attainment, pace to date, status (on track, below target, warning, critical) and a coaching hint. {CommandRun.MemoryEngine}");
        data.AddTo(command);
        command.Options.Add(targets);
        command.Options.Add(asOf);
        output.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (CommandRun.Load(command, console, parseResult, data, output, LatestDay, out var loader, out var code) is not { } loaded)
            {
                return code;
            }

            var request = data.Read(parseResult);
            var path = parseResult.GetValue(targets)!;
            var known = new Dictionary<KpiGrouping, IReadOnlyCollection<string>>();
            ImmutableArray<KpiGoal> goals;
            try
            {
                goals = CsvGoals.ReadFile(path, new CsvGoalOptions
                {
                    KnownGroups = grouping =>
                    {
                        if (!known.TryGetValue(grouping, out var keys))
                        {
                            keys = GroupsOf(loaded.Data, grouping);
                            known[grouping] = keys;
                        }

                        return keys;
                    },
                });
            }
            catch (CsvImportException e)
            {
                // As a bad row of the data: exit 1, and with --format json a document holding the error.
                return loader.Failed(loaded.Import, ExitCodes.BadData, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return loader.Failed(loaded.Import, ExitCodes.BadData, $"--targets: {e.Message}");
            }

            var day = parseResult.GetValue(asOf) ?? loaded.Range.End;
            var settings = KpiSettings.Default.WithZone(request.Zone);
            var now = settings.StartOf(day.PlusDays(1));
            var evaluator = CommandRun.Evaluator(loaded, request);
            var results = CommandRun.Evaluate(loader, loaded, () => (object)KpiGoal.EvaluateAll(evaluator, loaded.Data, goals, now), out code);
            if (results is not ImmutableArray<KpiGoalResult> judged)
            {
                return code;
            }

            var result = new CommandOutput(
                () => new KpiDocument(
                    $"SalesKpi targets: {loaded.Description}",
                    [$"{path}, as of the end of {ReportRange.Iso(day)}{(parseResult.GetValue(asOf) is null ? " (the latest event in the data)" : string.Empty)}."],
                    TargetDocuments.Targets(judged)),
                json =>
                {
                    json.WriteString("command", "targets");
                    json.WriteString("data", loaded.Description);
                    json.WriteString("targets", path);
                    json.WriteString("asOf", ReportRange.Iso(day));
                    json.WriteStartArray("results");
                    foreach (var r in judged)
                    {
                        json.WriteStartObject();
                        json.WriteString("kpi", r.Goal.Kpi.Id);
                        json.WriteString("by", r.Goal.Grouping.Dimension);
                        json.WriteString("group", r.Goal.Group);
                        json.WriteString("period", r.Goal.PeriodLabel);
                        CommandOutput.WriteRange(json, "dates", r.Goal.Period);
                        CommandOutput.WriteValue(json, r.Value);
                        CommandOutput.WriteNumber(json, "target", r.Goal.Target);
                        CommandOutput.WriteNumber(json, "warning", r.Goal.Warning);
                        CommandOutput.WriteNumber(json, "critical", r.Goal.Critical);
                        json.WriteString("direction", r.Goal.Kpi.Direction == KpiDirection.HigherIsBetter ? "higher-is-better" : "lower-is-better");
                        CommandOutput.WriteNumber(json, "attainment", r.Attainment.Value);
                        CommandOutput.WriteNumber(json, "elapsed", r.ElapsedShare);
                        CommandOutput.WriteNumber(json, "pace", r.Pacing.Value);
                        json.WriteString("status", StatusName(r.Status));
                        json.WriteString("hint", r.Hint);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                },
                "kpi,by,group,period,from,to,value,unit,currency,target,warning,critical,attainment,elapsed,pace,status,hint,reason",
                () => judged.Select(r => (IReadOnlyList<string>)
                [
                    r.Goal.Kpi.Id,
                    r.Goal.Grouping.Dimension,
                    CsvReportWriter.Text(r.Goal.Group),
                    CsvReportWriter.Text(r.Goal.PeriodLabel),
                    ReportRange.Iso(r.Goal.Period.Start),
                    ReportRange.Iso(r.Goal.Period.End),
                    CommandOutput.Number(r.Value.Value),
                    KpiValueText.UnitName(r.Value.Unit),
                    r.Value.Currency?.Code ?? string.Empty,
                    CommandOutput.Number(r.Goal.Target),
                    CommandOutput.Number(r.Goal.Warning),
                    CommandOutput.Number(r.Goal.Critical),
                    CommandOutput.Number(r.Attainment.Value),
                    CommandOutput.Number(r.ElapsedShare),
                    CommandOutput.Number(r.Pacing.Value),
                    StatusName(r.Status),
                    CsvReportWriter.Text(r.Hint ?? string.Empty),
                    CsvReportWriter.Text(r.Value.UndefinedReason ?? string.Empty),
                ]));
            return result.Write(console, output.FormatOf(parseResult), parseResult.GetValue(output.Output));
        });
        return command;
    }

    /// <summary>Returns the name of a status in JSON and CSV: on-track, below-target, warning, critical, undefined.</summary>
    internal static string StatusName(KpiGoalStatus status) => KpiGoalResult.StatusText(status).Replace(' ', '-');

    /// <summary>The range loaded: the day of the latest event (the default "today").</summary>
    private static NodaTime.DateInterval? LatestDay(NodaTime.LocalDate latest, out string? error)
    {
        error = null;
        return new NodaTime.DateInterval(latest, latest);
    }

    /// <summary>Returns the groups of a dimension the data has: the roster's, and those of every record.</summary>
    private static HashSet<string> GroupsOf(SalesData data, KpiGrouping grouping)
    {
        var keys = new HashSet<string>(grouping.KnownKeys(data), StringComparer.Ordinal);
        keys.UnionWith(data.Leads.Select(l => grouping.KeyOf(l, data)).OfType<string>());
        keys.UnionWith(data.Opportunities.Select(o => grouping.KeyOf(o, data)).OfType<string>());
        keys.UnionWith(data.Deals.Select(d => grouping.KeyOf(d, data)).OfType<string>());
        keys.UnionWith(data.Activities.Select(a => grouping.KeyOf(a, data)).OfType<string>());
        return keys;
    }
}
