using System.CommandLine;
using System.Globalization;
using NodaTime;
using SalesKpi.Cli.Output;
using SalesKpi.Planning;
using SalesKpi.Rendering;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>
/// The <c>plan</c> command: from a revenue or deals goal over a horizon and the data's own rates, the magic number
/// (first appointments a week), the activity plan (calls, meetings, deals over the horizon, a week and a working day,
/// per rep) and each rep's activity barometer (docs/planning.md).
/// </summary>
/// <remarks>
/// <para>The rates come from a trailing window of the data: <c>--from</c>/<c>--to</c>, by default the 13 weeks that end
/// on the latest event. The horizon starts the day after the window: <c>--weeks N</c> (13 by default), or
/// <c>--horizon-from</c>/<c>--horizon-to</c>. The team's goal is split evenly across the reps.</para>
/// </remarks>
internal static class PlanCommand
{
    /// <summary>The weeks of the default rates window and of the default horizon.</summary>
    public const int DefaultWeeks = 13;

    public static Command Create(CliConsole console)
    {
        var data = new DataOptions(
            "The first date the rates are taken from (YYYY-MM-DD). Default: the 13 weeks that end on the latest event in the data.",
            "The last date the rates are taken from, inclusive (YYYY-MM-DD). Default: the latest event in the data.");
        var output = new CommandOptions();
        var goal = new Option<string?>("--goal")
        {
            Description = "The revenue to win over the horizon: an amount in the data's currency (250000), or with its code (\"250000 USD\").",
            HelpName = "AMOUNT",
        };
        goal.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && ParseGoal(text) is null)
            {
                r.AddError($"--goal: '{text}' is not an amount; write a number, optionally with a currency code, such as 250000 or \"250000 USD\".");
            }
        });
        var deals = new Option<int?>("--deals")
        {
            Description = "The deals to win over the horizon, instead of --goal.",
            HelpName = "N",
        };
        deals.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--deals: the number of deals must be at least 1.");
            }
        });
        var weeks = new Option<int?>("--weeks")
        {
            Description = $"The horizon: this many weeks from the day after the rates' last date. Default: {DefaultWeeks}.",
            HelpName = "N",
        };
        weeks.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 520)
            {
                r.AddError("--weeks: the horizon is 1 to 520 weeks.");
            }
        });
        var horizonFrom = DataOptions.DateOption("--horizon-from", "The first date of the horizon (YYYY-MM-DD), with --horizon-to, instead of --weeks.");
        var horizonTo = DataOptions.DateOption("--horizon-to", "The last date of the horizon, inclusive (YYYY-MM-DD).");
        var by = CommandOptions.ByOption("none: the team's plan, with what it asks of each rep; rep: a plan per rep from the rep's own rates, the goal split evenly.", "none", "rep", "none");

        var command = new Command("plan", $"Works back from a revenue (--goal) or deals (--deals) goal with the data's own rates: the magic number (first appointments a week), the calls, meetings and deals over the horizon, a week and a working day (Monday to Friday), per rep, and each rep's activity barometer. {CommandRun.MemoryEngine}");
        data.AddTo(command);
        command.Options.Add(goal);
        command.Options.Add(deals);
        command.Options.Add(weeks);
        command.Options.Add(horizonFrom);
        command.Options.Add(horizonTo);
        command.Options.Add(by);
        output.AddTo(command);
        command.SetAction(parseResult =>
        {
            var goalText = parseResult.GetValue(goal);
            var dealCount = parseResult.GetValue(deals);
            if ((goalText is null) == (dealCount is null))
            {
                return DataOptions.Usage(command, console, goalText is null
                    ? "plan needs a goal: --goal AMOUNT (revenue, such as 250000) or --deals N."
                    : "--goal and --deals are both goals: give one of them.");
            }

            var (hFrom, hTo) = (parseResult.GetValue(horizonFrom), parseResult.GetValue(horizonTo));
            if ((hFrom is null) != (hTo is null))
            {
                return DataOptions.Usage(command, console, "--horizon-from and --horizon-to go together: give both, or --weeks N.");
            }

            if (hFrom is { } hf && hTo is { } ht && ht < hf)
            {
                return DataOptions.Usage(command, console, $"--horizon-to {ReportRange.Iso(ht)} is before --horizon-from {ReportRange.Iso(hf)}.");
            }

            if (hFrom is not null && parseResult.GetValue(weeks) is not null)
            {
                return DataOptions.Usage(command, console, "--weeks and --horizon-from/--horizon-to both set the horizon: give one of them.");
            }

            if (CommandRun.Load(command, console, parseResult, data, output, TrailingWindow, out var loader, out var code) is not { } loaded)
            {
                return code;
            }

            var request = data.Read(parseResult);
            var window = loaded.Range;
            DateInterval horizon;
            if (hFrom is { } start && hTo is { } end)
            {
                horizon = new DateInterval(start, end);
            }
            else
            {
                var first = window.End.PlusDays(1);
                horizon = new DateInterval(first, first.PlusDays((7 * (parseResult.GetValue(weeks) ?? DefaultWeeks)) - 1));
                if (!ReportRange.IsSupported(horizon))
                {
                    return DataOptions.Usage(command, console, $"the horizon {ReportRange.Iso(horizon.Start)} to {ReportRange.Iso(horizon.End)} runs past {ReportRange.Iso(ReportRange.Last)}; give --horizon-from and --horizon-to.");
                }
            }

            Money? revenue = null;
            if (goalText is not null)
            {
                var (amount, codeText) = ParseGoal(goalText)!.Value;
                var currency = codeText is not null ? new Currency(codeText) : loaded.SingleCurrency;
                if (currency is not { } c)
                {
                    return DataOptions.Usage(command, console, loaded.Currencies.Count == 0
                        ? $"--goal {goalText}: the data has no amounts, so their currency is unknown; write the goal with its code, such as \"{goalText} USD\"."
                        : $"--goal {goalText}: the data has amounts in {string.Join(", ", loaded.Currencies.Order(StringComparer.Ordinal))}; write the goal with its code, such as \"{goalText} {loaded.Currencies.Order(StringComparer.Ordinal).First()}\".");
                }

                if (loaded.SingleCurrency is { } dataCurrency && dataCurrency != c)
                {
                    return DataOptions.Usage(command, console, $"--goal {goalText}: the data's amounts are in {dataCurrency.Code}, and saleskpi does not convert currencies; give the goal in {dataCurrency.Code}.");
                }

                revenue = new Money(amount, c);
            }

            var evaluator = CommandRun.Evaluator(loaded, request);
            var plan = CommandRun.Evaluate(loader, loaded, () => Compute(evaluator, loaded.Data, window, horizon, revenue, dealCount, parseResult.GetValue(by) == "rep"), out code);
            if (plan is null)
            {
                return code;
            }

            string Label(string g) => g == KpiGrouping.AllKey ? "team" : CommandRun.GroupLabel(loaded.Data, KpiGrouping.ByRep, g);
            var goalLine = revenue is { } r
                ? string.Create(CultureInfo.InvariantCulture, $"Goal {r.Amount:#,0.##} {r.Currency.Code}")
                : string.Create(CultureInfo.InvariantCulture, $"Goal {dealCount} deals");
            var notes = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture, $"{goalLine} from {ReportRange.Iso(horizon.Start)} to {ReportRange.Iso(horizon.End)} ({Weeks(horizon)} weeks, {plan.WorkingDays} working days, Monday to Friday), split evenly across {plan.Reps.Count} reps."),
                $"Rates from {ReportRange.Iso(window.Start)} to {ReportRange.Iso(window.End)}: average-deal-size, close-rate, stage-conversion (first appointment to proposal), call-to-meeting-rate, meeting-to-deal-rate, new-opportunities.",
            };
            var result = new CommandOutput(
                () => new KpiDocument(
                    $"SalesKpi plan: {loaded.Description}",
                    notes,
                    [
                        PlanDocuments.MagicNumbers(plan.Groups.Select(g => g.Magic), Label),
                        .. plan.Groups.Select(g => PlanDocuments.Activities(g.Plan, g.Group == KpiGrouping.AllKey ? "Activity plan" : "Activity plan — " + Label(g.Group), g.Reps)),
                        .. PlanDocuments.Barometer(plan.Reps, rep => plan.ActualPerWeek[rep], rep => plan.NeededPerWeek(rep), Label),
                    ]),
                json => WriteJson(json, plan, loaded, window, horizon, revenue, dealCount),
                "section,group,item,value,unit,currency,per_week,per_working_day,per_rep_per_week,per_rep_per_working_day,rate,reason",
                () => CsvRows(plan));
            return result.Write(console, output.FormatOf(parseResult), parseResult.GetValue(output.Output));
        });
        return command;
    }

    /// <summary>Returns the amount and currency code of a <c>--goal</c> value, or null.</summary>
    internal static (decimal Amount, string? Code)? ParseGoal(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2
            || !decimal.TryParse(parts[0].Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0m)
        {
            return null;
        }

        if (parts.Length == 2 && (parts[1].Length != 3 || !parts[1].All(char.IsAsciiLetterUpper)))
        {
            return null;
        }

        return (amount, parts.Length == 2 ? parts[1] : null);
    }

    /// <summary>The rates window without --from and --to: the 13 weeks that end on the latest event.</summary>
    private static DateInterval? TrailingWindow(LocalDate latest, out string? error)
    {
        error = null;
        var window = new DateInterval(latest.PlusDays((-7 * DefaultWeeks) + 1), latest);
        return window;
    }

    private static decimal Weeks(DateInterval horizon) => decimal.Round(horizon.Length / 7m, 2);

    /// <summary>Computes the plan: the magic number and activity plan of the team (or of each rep), and each rep's weekly new opportunities.</summary>
    private static PlanResult Compute(KpiEvaluator evaluator, SalesData data, DateInterval window, DateInterval horizon, Money? revenue, int? deals, bool perRep)
    {
        var rates = new[] { Kpis.AverageDealSize, Kpis.CallToMeetingRate, Kpis.MeetingToDealRate, Kpis.NewOpportunities };
        var byRep = evaluator.Evaluate(data, new KpiQuery(window, rates, KpiGrouping.ByRep, includeAllKnownGroups: true));
        var team = evaluator.Evaluate(data, new KpiQuery(window, rates));
        var reps = byRep.Groups.Where(g => g != KpiGrouping.NoKey).ToList();
        var share = Math.Max(1, reps.Count);
        var weeks = horizon.Length / 7m;
        var calendar = WorkingDayCalendar.MondayToFriday;

        Money? GoalOf(KpiReport report, string group, decimal divisor)
        {
            if (revenue is { } r)
            {
                return new Money(r.Amount / divisor, r.Currency);
            }

            // A deals goal is the revenue of that many deals at the group's own average deal size, so that the magic
            // number's sales are the deals; with no average, a goal of zero leaves the magic number undefined with it.
            var average = report.Get(KpiIds.AverageDealSize, group);
            return average.Value is { } a && average.Currency is { } c ? new Money(deals!.Value / divisor * a, c) : new Money(0m, average.Currency ?? Currency.USD);
        }

        ActivityPlan PlanOf(KpiReport report, string group, decimal divisor)
        {
            FunnelStep[] funnel =
            [
                new("calls", PlanInput.FromData(KpiIds.CallToMeetingRate, window, report.Get(KpiIds.CallToMeetingRate, group))),
                new("meetings", PlanInput.FromData(KpiIds.MeetingToDealRate, window, report.Get(KpiIds.MeetingToDealRate, group))),
            ];
            if (revenue is { } r)
            {
                var average = report.Get(KpiIds.AverageDealSize, group);
                return ActivityPlan.ForRevenue(new Money(r.Amount / divisor, r.Currency), PlanInput.FromData(KpiIds.AverageDealSize, window, average), horizon, funnel, calendar);
            }

            return ActivityPlan.ForDeals(deals!.Value / divisor, horizon, funnel, calendar);
        }

        var groups = new List<PlanGroup>();
        if (perRep)
        {
            var magic = MagicNumber.FromData(evaluator, data, window, new MagicNumberOptions { Goal = rep => GoalOf(byRep, rep, share), Weeks = weeks }, KpiGrouping.ByRep);
            foreach (var m in magic.Where(m => m.Group != KpiGrouping.NoKey))
            {
                groups.Add(new PlanGroup(m.Group, 1, m, PlanOf(byRep, m.Group, share)));
            }
        }
        else
        {
            var magic = MagicNumber.FromData(evaluator, data, window, new MagicNumberOptions { Goal = _ => GoalOf(team, KpiGrouping.AllKey, 1m), Weeks = weeks }, KpiGrouping.None);
            groups.Add(new PlanGroup(KpiGrouping.AllKey, share, magic[0], PlanOf(team, KpiGrouping.AllKey, 1m)));
        }

        var actual = reps.ToDictionary(rep => rep, rep => (byRep.Get(KpiIds.NewOpportunities, rep).Value ?? 0m) * 7m / window.Length, StringComparer.Ordinal);
        return new PlanResult(groups, reps, actual, calendar.CountWorkingDays(horizon), perRep);
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter json, PlanResult plan, LoadedData loaded, DateInterval window, DateInterval horizon, Money? revenue, int? deals)
    {
        json.WriteString("command", "plan");
        json.WriteString("data", loaded.Description);
        json.WriteStartObject("goal");
        if (revenue is { } r)
        {
            CommandOutput.WriteNumber(json, "revenue", r.Amount);
            json.WriteString("currency", r.Currency.Code);
        }
        else
        {
            json.WriteNumber("deals", deals!.Value);
        }

        json.WriteEndObject();
        CommandOutput.WriteRange(json, "ratesWindow", window);
        CommandOutput.WriteRange(json, "horizon", horizon);
        CommandOutput.WriteNumber(json, "weeks", horizon.Length / 7m);
        json.WriteNumber("workingDays", plan.WorkingDays);
        json.WriteNumber("reps", plan.Reps.Count);
        json.WriteString("by", plan.PerRep ? "rep" : "none");
        json.WriteStartArray("plans");
        foreach (var group in plan.Groups)
        {
            var m = group.Magic;
            json.WriteStartObject();
            json.WriteString("group", group.Group);
            json.WriteString("name", CommandRun.RepName(loaded.Data, KpiGrouping.ByRep, group.Group));
            json.WriteNumber("reps", group.Reps);
            json.WriteStartObject("magicNumber");
            CommandOutput.WriteNumber(json, "revenueGoal", m.RevenueGoal.Value.Value);
            WriteInput(json, "averageRevenuePerSale", m.AverageRevenuePerSale);
            WriteInput(json, "closeRatio", m.CloseRatio);
            WriteInput(json, "firstAppointmentToProposal", m.FirstAppointmentToProposal);
            CommandOutput.WriteNumber(json, "sales", m.Sales);
            CommandOutput.WriteNumber(json, "proposals", m.Proposals);
            CommandOutput.WriteNumber(json, "firstAppointments", m.FirstAppointments);
            CommandOutput.WriteNumber(json, "perWeek", m.Value.Value);
            CommandOutput.WriteNumber(json, "requiredPerWeek", m.RequiredPerWeek);
            CommandOutput.WriteNumber(json, "perRepPerWeek", m.Value.Value / group.Reps);
            json.WriteString("reason", m.Value.UndefinedReason);
            json.WriteEndObject();
            json.WriteStartArray("activities");
            foreach (var step in group.Plan.Steps)
            {
                json.WriteStartObject();
                json.WriteString("step", step.Name);
                if (step.ConversionRate is { } rate)
                {
                    WriteInput(json, "rate", rate);
                }

                CommandOutput.WriteNumber(json, "required", step.Required.Value);
                CommandOutput.WriteNumber(json, "perWeek", PlanDocuments.PerWeek(step, group.Plan));
                CommandOutput.WriteNumber(json, "perWorkingDay", step.RequiredPerWorkingDay.Value);
                CommandOutput.WriteNumber(json, "perRepPerWeek", PlanDocuments.PerWeek(step, group.Plan, group.Reps));
                CommandOutput.WriteNumber(json, "perRepPerWorkingDay", PlanDocuments.PerWorkingDay(step, group.Plan, group.Reps));
                json.WriteString("reason", step.Required.UndefinedReason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("barometer");
        foreach (var rep in plan.Reps)
        {
            var needed = plan.NeededPerWeek(rep);
            var barometer = ActivityBarometerCalculator.Calculate(plan.ActualPerWeek[rep], needed);
            json.WriteStartObject();
            json.WriteString("rep", rep);
            json.WriteString("name", CommandRun.RepName(loaded.Data, KpiGrouping.ByRep, rep));
            CommandOutput.WriteNumber(json, "newOpportunitiesPerWeek", plan.ActualPerWeek[rep]);
            CommandOutput.WriteNumber(json, "magicNumber", needed.Value);
            CommandOutput.WriteNumber(json, "barometer", barometer.Value);
            json.WriteString("reason", barometer.UndefinedReason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteInput(System.Text.Json.Utf8JsonWriter json, string name, PlanInput input)
    {
        json.WriteStartObject(name);
        CommandOutput.WriteNumber(json, "value", input.Value.Value);
        json.WriteString("kpi", input.KpiId);
        json.WriteString("reason", input.Value.UndefinedReason);
        json.WriteEndObject();
    }

    private static IEnumerable<IReadOnlyList<string>> CsvRows(PlanResult plan)
    {
        foreach (var group in plan.Groups)
        {
            var m = group.Magic;
            yield return
            [
                "magic-number", CsvReportWriter.Text(group.Group), "first-appointments", CommandOutput.Number(m.FirstAppointments), "count", string.Empty,
                CommandOutput.Number(m.Value.Value), string.Empty, CommandOutput.Number(m.Value.Value / group.Reps), string.Empty, string.Empty,
                CsvReportWriter.Text(m.Value.UndefinedReason ?? string.Empty),
            ];
            foreach (var step in group.Plan.Steps)
            {
                yield return
                [
                    "activity-plan", CsvReportWriter.Text(group.Group), CsvReportWriter.Text(step.Name), CommandOutput.Number(step.Required.Value), "count", string.Empty,
                    CommandOutput.Number(PlanDocuments.PerWeek(step, group.Plan)), CommandOutput.Number(step.RequiredPerWorkingDay.Value),
                    CommandOutput.Number(PlanDocuments.PerWeek(step, group.Plan, group.Reps)), CommandOutput.Number(PlanDocuments.PerWorkingDay(step, group.Plan, group.Reps)),
                    CommandOutput.Number(step.ConversionRate?.Value.Value), CsvReportWriter.Text(step.Required.UndefinedReason ?? string.Empty),
                ];
            }
        }

        foreach (var rep in plan.Reps)
        {
            var needed = plan.NeededPerWeek(rep);
            var barometer = ActivityBarometerCalculator.Calculate(plan.ActualPerWeek[rep], needed);
            yield return
            [
                "barometer", CsvReportWriter.Text(rep), "new-opportunities", CommandOutput.Number(barometer.Value), "ratio", string.Empty,
                CommandOutput.Number(plan.ActualPerWeek[rep]), string.Empty, CommandOutput.Number(needed.Value), string.Empty, string.Empty,
                CsvReportWriter.Text(barometer.UndefinedReason ?? string.Empty),
            ];
        }
    }

    /// <summary>The plan of the team or of one rep.</summary>
    /// <param name="Group">The rep, or <see cref="KpiGrouping.AllKey"/> for the team.</param>
    /// <param name="Reps">The reps the plan is shared by: every rep for the team, 1 for a rep.</param>
    /// <param name="Magic">The magic number.</param>
    /// <param name="Plan">The activity plan.</param>
    private sealed record PlanGroup(string Group, int Reps, MagicNumberResult Magic, ActivityPlan Plan);

    /// <summary>What <c>plan</c> computed.</summary>
    private sealed record PlanResult(List<PlanGroup> Groups, List<string> Reps, Dictionary<string, decimal> ActualPerWeek, int WorkingDays, bool PerRep)
    {
        /// <summary>Returns the first appointments a week a rep needs: the rep's own magic number, or the team's shared evenly.</summary>
        public KpiValue NeededPerWeek(string rep)
        {
            var group = PerRep ? Groups.FirstOrDefault(g => g.Group == rep) : Groups[0];
            return group?.Magic.Value.Value is { } v ? KpiValue.Number(v / group.Reps) : group?.Magic.Value ?? KpiValue.Undefined(KpiUnit.Number, "no plan");
        }
    }
}
