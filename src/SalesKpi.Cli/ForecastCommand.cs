using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using SalesKpi.Cli.Output;
using SalesKpi.Csv;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Rendering;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>
/// The <c>forecast</c> command: the forecasts of a CSV file (<see cref="CsvForecasts"/>) judged against the data
/// (<see cref="ForecastAccuracyCalculator"/>: accuracy, MAPE, bias), the weighted pipeline of the range per forecast
/// category, and, while the range is in progress, the projection of its attainment (<see cref="AttainmentProjectionCalculator"/>).
/// </summary>
/// <remarks>"Now" is the end of the day of the latest event in the data, or of <c>--as-of</c>.</remarks>
internal static class ForecastCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new DataOptions(
            "The first date of the range whose pipeline is split by forecast category and whose attainment is projected (YYYY-MM-DD). Default: January 1 of the year of the latest event in the data.",
            "The last date of that range, inclusive (YYYY-MM-DD). Default: December 31 of that year, or one year after --from.");
        var output = new CommandOptions();
        var forecasts = new Option<string>("--forecasts")
        {
            Description = "The forecasts CSV: columns submitter, period, amount, currency, submitted_at, category (docs/forecasting.md).",
            HelpName = "FILE",
            Required = true,
        };
        forecasts.Validators.Add(r =>
        {
            var file = r.GetValueOrDefault<string>();
            if (Directory.Exists(file))
            {
                r.AddError($"--forecasts: '{file}' is a directory, not a forecasts file.");
            }
            else if (!File.Exists(file))
            {
                r.AddError($"--forecasts: the file '{file}' does not exist.");
            }
        });
        var asOf = DataOptions.DateOption("--as-of", "\"Now\": the data as it stood at the end of this day (YYYY-MM-DD); the projection is shown when the range is in progress then. Default: the day of the latest event in the data.");
        var quota = new Option<string?>("--quota")
        {
            Description = "The quota of each group (--by) over the range, for the projected attainment: an amount in the data's currency (1500000), or with its code (\"1500000 USD\").",
            HelpName = "AMOUNT",
        };
        quota.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && PlanCommand.ParseGoal(text) is null)
            {
                r.AddError($"--quota: '{text}' is not an amount; write a number, optionally with a currency code, such as 1500000 or \"1500000 USD\".");
            }
        });
        var by = CommandOptions.ByOption("The groups of the projection: none (the company), rep or team.", "none", "rep", "team", "none");

        var command = new Command("forecast", $"Judges the forecasts of a CSV file against the data (forecast, actual, accuracy; MAPE and bias per period), splits the range's weighted pipeline by forecast category, and projects the attainment of a range in progress (won so far + weighted pipeline, and the run rate). {CommandRun.MemoryEngine}");
        data.AddTo(command);
        command.Options.Add(forecasts);
        command.Options.Add(asOf);
        command.Options.Add(quota);
        command.Options.Add(by);
        output.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (CommandRun.Load(command, console, parseResult, data, output, null, out var loader, out var code) is not { } loaded)
            {
                return code;
            }

            var request = data.Read(parseResult);
            Money? quotaAmount = null;
            if (parseResult.GetValue(quota) is { } quotaText)
            {
                var (amount, codeText) = PlanCommand.ParseGoal(quotaText)!.Value;
                var currency = codeText is not null ? new Currency(codeText) : loaded.SingleCurrency;
                if (currency is not { } c)
                {
                    return DataOptions.Usage(command, console, $"--quota {quotaText}: the data's currency is not one currency; write the quota with its code, such as \"{quotaText} USD\".");
                }

                if (loaded.SingleCurrency is { } dataCurrency && dataCurrency != c)
                {
                    return DataOptions.Usage(command, console, $"--quota {quotaText}: the data's amounts are in {dataCurrency.Code}, and saleskpi does not convert currencies; give the quota in {dataCurrency.Code}.");
                }

                quotaAmount = new Money(amount, c);
            }

            var path = parseResult.GetValue(forecasts)!;
            ImmutableArray<ForecastSubmission> submissions;
            try
            {
                var known = new Dictionary<KpiGrouping, IReadOnlyCollection<string>>();
                submissions = CsvForecasts.ReadFile(path, new CsvForecastOptions
                {
                    DefaultCurrency = loaded.SingleCurrency,
                    KnownGroups = grouping =>
                    {
                        if (!known.TryGetValue(grouping, out var keys))
                        {
                            keys = [.. grouping.KnownKeys(loaded.Data).Concat(loaded.Data.Opportunities.Select(o => grouping.KeyOf(o, loaded.Data)).OfType<string>()).Concat(loaded.Data.Deals.Select(d => grouping.KeyOf(d, loaded.Data)).OfType<string>()).Distinct(StringComparer.Ordinal)];
                            known[grouping] = keys;
                        }

                        return keys;
                    },
                });
            }
            catch (CsvImportException e)
            {
                return loader.Failed(loaded.Import, ExitCodes.BadData, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return loader.Failed(loaded.Import, ExitCodes.BadData, $"--forecasts: {e.Message}");
            }

            var day = parseResult.GetValue(asOf) ?? loaded.LatestEvent(request.Zone) ?? loaded.Range.End;
            var evaluator = CommandRun.Evaluator(loaded, request);
            var now = evaluator.Settings.StartOf(day.PlusDays(1));
            var range = loaded.Range;
            var grouping = CommandOptions.GroupingOf(parseResult.GetValue(by)!);
            var inProgress = now > evaluator.Settings.StartOf(range.Start) && day < range.End;
            var project = inProgress || parseResult.GetValue(asOf) is not null;
            Results? results;
            try
            {
                // Everything as it stood at "now": the actuals to date, the pipeline then.
                var then = loaded.Data.AsOf(now);
                results = CommandRun.Evaluate(loader, loaded, () => new Results(
                    evaluator.Settings,
                    day,
                    grouping.Dimension,
                    new ForecastAccuracyCalculator().Evaluate(evaluator, then, submissions),
                    evaluator.Evaluate(then, new KpiQuery(range, [Kpis.WeightedPipeline], KpiGrouping.ByForecastCategory, includeAllKnownGroups: true)),
                    project
                        ? new AttainmentProjectionCalculator(new AttainmentProjectionOptions { Quota = (_, _) => quotaAmount }).Evaluate(evaluator, loaded.Data, range, grouping, now)
                        : null), out code);
            }
            catch (InvalidOperationException e)
            {
                // A forecast in another currency than the data's, which saleskpi does not convert.
                return loader.Failed(loaded.Import, ExitCodes.BadData, $"{path}: {e.Message}");
            }

            if (results is null)
            {
                return code;
            }

            var asOfNote = $"as of the end of {ReportRange.Iso(day)}{(parseResult.GetValue(asOf) is null ? " (the latest event in the data)" : string.Empty)}";
            var result = new CommandOutput(
                () => new KpiDocument(
                    $"SalesKpi forecast: {loaded.Description}",
                    [$"{path}; {ReportRange.Iso(range.Start)} to {ReportRange.Iso(range.End)}, {asOfNote}."],
                    Sections(results, loaded.Data)),
                json => WriteJson(json, loaded.Description, path, range, day, results),
                "section,by,group,period,from,to,figure,value,unit,currency,reason",
                () => CsvRows(results, range));
            return result.Write(console, output.FormatOf(parseResult), parseResult.GetValue(output.Output));
        });
        return command;
    }

    private static List<DocumentSection> Sections(Results results, SalesData data)
    {
        var accuracy = results.Accuracy;
        string Who(KpiGrouping grouping, string key) => grouping == KpiGrouping.None ? key : $"{grouping.Dimension} {CommandRun.GroupLabel(data, grouping, key)}";
        var sections = new List<DocumentSection>
        {
            new TableSection(
                "Forecast accuracy",
                [
                    new("Submitter"), new("Period"), new("Forecast", ColumnAlignment.Right), new("Submitted"), new("Actual", ColumnAlignment.Right),
                    new("Accuracy", ColumnAlignment.Right), new("Error", ColumnAlignment.Right),
                ],
                accuracy.Submitters.Select(r => (IReadOnlyList<string>)
                [
                    Who(r.Grouping, r.Submitter), r.PeriodLabel, KpiValueText.Long(r.Forecast),
                    r.Submission is { } s ? ReportRange.Iso(results.Settings.LocalDateOf(s.SubmittedAt)) : KpiValueText.Undefined,
                    KpiValueText.Long(r.Actual), Percent(r.Accuracy), Percent(r.AbsolutePercentageError),
                ]),
                [
                    "the forecast is the latest commit submitted before the period started; accuracy: actual (revenue) / forecast; error: |actual − forecast| / actual",
                    .. accuracy.Submitters.Where(r => r.Period.End > results.Day).Select(r => r.PeriodLabel).Distinct(StringComparer.Ordinal)
                        .Select(label => $"{label} is not over at the end of {ReportRange.Iso(results.Day)}: its actuals are to date"),
                    .. accuracy.Submitters.Where(r => !r.Accuracy.IsDefined).Select(r => $"{Who(r.Grouping, r.Submitter)}, {r.PeriodLabel}: {r.Accuracy.UndefinedReason}"),
                ]),
            new TableSection(
                "Forecast error",
                [new("By"), new("Period"), new("Judged", ColumnAlignment.Right), new("MAPE", ColumnAlignment.Right), new("Bias", ColumnAlignment.Right)],
                accuracy.Periods.Select(p => (IReadOnlyList<string>)
                [
                    p.Grouping.Dimension, p.PeriodLabel, p.JudgedCount.ToString(CultureInfo.InvariantCulture), Percent(p.Mape), Signed(p.Bias),
                ]),
                [
                    "MAPE: mean of the errors, submitters whose actual is zero left out; bias: Σ(forecast − actual) / Σ actual, positive when over-forecast",
                    .. accuracy.Periods.Where(p => p.ZeroActualCount > 0 || p.WithoutForecastCount > 0).Select(p => string.Create(
                        CultureInfo.InvariantCulture,
                        $"{p.Grouping.Dimension}, {p.PeriodLabel}: {p.ZeroActualCount} with an actual of zero left out of MAPE, {p.WithoutForecastCount} without a forecast left out of both")),
                ]),
            new TableSection(
                "Weighted pipeline by forecast category",
                [new("Category"), new("Weighted pipeline", ColumnAlignment.Right)],
                ForecastCategories.All.Select(c => (IReadOnlyList<string>)[ForecastCategories.ToName(c), KpiValueText.Long(Category(results, c))]),
                ["open opportunities expected to close in the range, each weighed by its stage's probability (weighted-pipeline --by forecast-category)"]),
        };
        if (results.Projection is { } projection)
        {
            var first = projection.FirstOrDefault();
            sections.Add(new TableSection(
                "Projection",
                [
                    new("Group"), new("Won so far", ColumnAlignment.Right), new("Pipeline", ColumnAlignment.Right), new("Projected", ColumnAlignment.Right),
                    new("Run rate", ColumnAlignment.Right), new("Quota", ColumnAlignment.Right), new("Projected %", ColumnAlignment.Right), new("Run rate %", ColumnAlignment.Right),
                ],
                projection.Select(p => (IReadOnlyList<string>)
                [
                    p.Group, KpiValueText.Long(p.WonSoFar), KpiValueText.Long(p.WeightedPipeline), KpiValueText.Long(p.Projected), KpiValueText.Long(p.RunRate),
                    p.Quota is { } q ? KpiValueText.Long(KpiValue.FromMoney(q)) : KpiValueText.Undefined, Percent(p.ProjectedAttainment), Percent(p.RunRateAttainment),
                ]),
                [
                    first is null ? "no group" : string.Create(CultureInfo.InvariantCulture, $"{first.ElapsedDays} of {first.PeriodDays} days elapsed; projected: won so far + weighted pipeline expected in the rest of the range; run rate: won so far × {first.PeriodDays} / {first.ElapsedDays}; %: of the quota (--quota)"),
                ]));
        }

        return sections;
    }

    private static KpiValue Category(Results results, ForecastCategory category) =>
        results.Categories.Get(KpiIds.WeightedPipeline, ForecastCategories.ToName(category));

    private static void WriteJson(Utf8JsonWriter json, string description, string path, DateInterval range, LocalDate day, Results results)
    {
        json.WriteString("command", "forecast");
        json.WriteString("data", description);
        json.WriteString("forecasts", path);
        CommandOutput.WriteRange(json, "range", range);
        json.WriteString("asOf", ReportRange.Iso(day));
        json.WriteStartArray("submitters");
        foreach (var r in results.Accuracy.Submitters)
        {
            json.WriteStartObject();
            json.WriteString("by", r.Grouping.Dimension);
            json.WriteString("group", r.Submitter);
            json.WriteString("period", r.PeriodLabel);
            CommandOutput.WriteRange(json, "dates", r.Period);
            json.WriteString("submittedAt", r.Submission?.SubmittedAt.ToString());
            json.WriteNumber("submissions", r.SubmissionCount);
            CommandOutput.WriteNumber(json, "forecast", r.Forecast.Value);
            CommandOutput.WriteNumber(json, "actual", r.Actual.Value);
            json.WriteString("currency", (r.Actual.Currency ?? r.Forecast.Currency)?.Code);
            CommandOutput.WriteNumber(json, "accuracy", r.Accuracy.Value);
            CommandOutput.WriteNumber(json, "error", r.AbsolutePercentageError.Value);
            json.WriteString("reason", r.Accuracy.UndefinedReason is { } reason ? KpiValueText.Printable(reason) : null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("periods");
        foreach (var p in results.Accuracy.Periods)
        {
            json.WriteStartObject();
            json.WriteString("by", p.Grouping.Dimension);
            json.WriteString("period", p.PeriodLabel);
            CommandOutput.WriteRange(json, "dates", p.Period);
            json.WriteNumber("judged", p.JudgedCount);
            json.WriteNumber("zeroActual", p.ZeroActualCount);
            json.WriteNumber("withoutForecast", p.WithoutForecastCount);
            CommandOutput.WriteNumber(json, "mape", p.Mape.Value);
            CommandOutput.WriteNumber(json, "bias", p.Bias.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("categories");
        foreach (var c in ForecastCategories.All)
        {
            json.WriteStartObject();
            json.WriteString("category", ForecastCategories.ToName(c));
            CommandOutput.WriteValue(json, Category(results, c), "weightedPipeline");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (results.Projection is not { } projection)
        {
            json.WriteNull("projection");
            return;
        }

        json.WriteStartArray("projection");
        foreach (var p in projection)
        {
            json.WriteStartObject();
            json.WriteString("group", p.Group);
            json.WriteNumber("elapsedDays", p.ElapsedDays);
            json.WriteNumber("periodDays", p.PeriodDays);
            CommandOutput.WriteNumber(json, "wonSoFar", p.WonSoFar.Value);
            CommandOutput.WriteNumber(json, "weightedPipeline", p.WeightedPipeline.Value);
            CommandOutput.WriteNumber(json, "projected", p.Projected.Value);
            CommandOutput.WriteNumber(json, "runRate", p.RunRate.Value);
            json.WriteString("currency", p.Projected.Currency?.Code);
            CommandOutput.WriteNumber(json, "quota", p.Quota?.Amount);
            CommandOutput.WriteNumber(json, "attainment", p.ProjectedAttainment.Value);
            CommandOutput.WriteNumber(json, "runRateAttainment", p.RunRateAttainment.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static IEnumerable<IReadOnlyList<string>> CsvRows(Results results, DateInterval range)
    {
        IReadOnlyList<string> Row(string section, string by, string group, string period, DateInterval dates, string figure, KpiValue value) =>
        [
            section, by, CsvReportWriter.Text(group), CsvReportWriter.Text(period), ReportRange.Iso(dates.Start), ReportRange.Iso(dates.End), figure,
            CommandOutput.Number(value.Value), KpiValueText.UnitName(value.Unit), value.Currency?.Code ?? string.Empty, CsvReportWriter.Text(value.UndefinedReason ?? string.Empty),
        ];

        foreach (var r in results.Accuracy.Submitters)
        {
            var (by, group, period) = (r.Grouping.Dimension, r.Submitter, r.PeriodLabel);
            yield return Row("accuracy", by, group, period, r.Period, "forecast", r.Forecast);
            yield return Row("accuracy", by, group, period, r.Period, "actual", r.Actual);
            yield return Row("accuracy", by, group, period, r.Period, "accuracy", r.Accuracy);
            yield return Row("accuracy", by, group, period, r.Period, "error", r.AbsolutePercentageError);
        }

        foreach (var p in results.Accuracy.Periods)
        {
            yield return Row("error", p.Grouping.Dimension, KpiGrouping.AllKey, p.PeriodLabel, p.Period, "mape", p.Mape);
            yield return Row("error", p.Grouping.Dimension, KpiGrouping.AllKey, p.PeriodLabel, p.Period, "bias", p.Bias);
        }

        var label = $"{ReportRange.Iso(range.Start)}..{ReportRange.Iso(range.End)}";
        foreach (var c in ForecastCategories.All)
        {
            yield return Row("category", "forecast-category", ForecastCategories.ToName(c), label, range, "weighted-pipeline", Category(results, c));
        }

        foreach (var p in results.Projection ?? [])
        {
            yield return Row("projection", results.ProjectionBy, p.Group, label, range, "won-so-far", p.WonSoFar);
            yield return Row("projection", results.ProjectionBy, p.Group, label, range, "weighted-pipeline", p.WeightedPipeline);
            yield return Row("projection", results.ProjectionBy, p.Group, label, range, "projected", p.Projected);
            yield return Row("projection", results.ProjectionBy, p.Group, label, range, "run-rate", p.RunRate);
            yield return Row("projection", results.ProjectionBy, p.Group, label, range, "attainment", p.ProjectedAttainment);
            yield return Row("projection", results.ProjectionBy, p.Group, label, range, "run-rate-attainment", p.RunRateAttainment);
        }
    }

    private static string Percent(KpiValue value) => value.Value is { } v ? (v * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : KpiValueText.Undefined;

    private static string Signed(KpiValue value) => value.Value is { } v ? (v >= 0m ? "+" : string.Empty) + (v * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : KpiValueText.Undefined;

    /// <summary>What the command evaluated.</summary>
    private sealed record Results(KpiSettings Settings, LocalDate Day, string ProjectionBy, ForecastAccuracyResult Accuracy, KpiReport Categories, ImmutableArray<AttainmentProjection>? Projection);
}
