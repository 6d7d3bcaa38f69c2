using System.Collections.Immutable;
using System.Globalization;
using SalesKpi.Planning;
using SalesKpi.Reporting;

namespace SalesKpi.Rendering;

/// <summary>
/// Makes document sections of what the planning module computes (docs/planning.md): magic numbers, an activity plan,
/// and the activity barometer of each rep.
/// </summary>
/// <remarks>
/// <para>Per-week and per-rep figures round up, as the plan does (a rep books whole appointments): a week is the
/// horizon's volume / (the horizon's days / 7), a rep's share is the volume / reps, each rounded up once at the end.</para>
/// </remarks>
public static class PlanDocuments
{
    /// <summary>Returns a table of magic numbers: per group, the goal, the three inputs, the funnel they imply and the first appointments a week.</summary>
    /// <param name="results">The magic numbers, such as <see cref="MagicNumber.FromData"/>'s.</param>
    /// <param name="groupLabel">Returns the text shown for a group key; null shows the keys.</param>
    /// <returns>The table, headed <c>Magic number</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> or one of them is null.</exception>
    public static TableSection MagicNumbers(IEnumerable<MagicNumberResult> results, Func<string, string>? groupLabel = null)
    {
        var items = Checks.Items(results, nameof(results));
        var label = groupLabel ?? (g => g);
        var rows = items.Select(m => (IReadOnlyList<string>)
        [
            label(m.Group),
            KpiValueText.Short(m.RevenueGoal.Value),
            KpiValueText.Short(m.AverageRevenuePerSale.Value),
            KpiValueText.Short(m.CloseRatio.Value),
            KpiValueText.Short(m.FirstAppointmentToProposal.Value),
            Whole(m.Sales),
            Whole(m.Proposals),
            Whole(m.FirstAppointments),
            m.Value.Value is { } v ? Invariant($"{Fixed1(v)} → {m.RequiredPerWeek}") : KpiValueText.Undefined,
        ]).ToList();
        var reasons = items.Where(m => !m.IsDefined).Select(m => $"{label(m.Group)}: {m.Value.UndefinedReason}").ToList();
        return new TableSection(
            "Magic number",
            [
                new("Group"), new("Goal", ColumnAlignment.Right), new("Per sale", ColumnAlignment.Right), new("Close", ColumnAlignment.Right),
                new("To proposal", ColumnAlignment.Right), new("Sales", ColumnAlignment.Right), new("Proposals", ColumnAlignment.Right),
                new("First appts", ColumnAlignment.Right), new("A week", ColumnAlignment.Right),
            ],
            rows,
            ["goal / per sale = sales; / close ratio = proposals; / first appointment to proposal = first appointments; / weeks = a week (rounded up after →)", .. reasons]);
    }

    /// <summary>Returns a table of an activity plan: each step's rate and the volume it needs over the horizon, a week and a working day, and per rep.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="heading">The heading, or null.</param>
    /// <param name="reps">The reps who share the plan; with more than one, the table has per-rep columns.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reps"/> is less than 1.</exception>
    public static TableSection Activities(ActivityPlan plan, string? heading, int reps = 1)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(reps, 1);
        var shared = reps > 1;
        var rows = plan.Steps.Select(s =>
        {
            List<string> row =
            [
                s.Name,
                s.ConversionRate is { } rate ? KpiValueText.Short(rate.Value) : string.Empty,
                KpiValueText.Short(s.Required),
                Whole(PerWeek(s, plan)),
                KpiValueText.Short(s.RequiredPerWorkingDay),
            ];
            if (shared)
            {
                row.Add(Whole(PerWeek(s, plan, reps)));
                row.Add(Whole(PerWorkingDay(s, plan, reps)));
            }

            return (IReadOnlyList<string>)row;
        }).ToList();
        List<TableColumn> columns =
        [
            new("Step"), new("Rate to next", ColumnAlignment.Right), new("Needed", ColumnAlignment.Right), new("A week", ColumnAlignment.Right), new("A working day", ColumnAlignment.Right),
        ];
        if (shared)
        {
            columns.Add(new("Per rep a week", ColumnAlignment.Right));
            columns.Add(new("Per rep a day", ColumnAlignment.Right));
        }

        var notes = new List<string>
        {
            Invariant($"{plan.Horizon.Start:uuuu-MM-dd} to {plan.Horizon.End:uuuu-MM-dd}, {plan.WorkingDays} working days; each step is the one below / its rate, rounded up"),
        };
        notes.AddRange(plan.Steps.Where(s => !s.IsDefined).Select(s => $"{s.Name}: {s.Required.UndefinedReason}").Distinct(StringComparer.Ordinal));
        return new TableSection(heading, columns, rows, notes);
    }

    /// <summary>Returns the activity barometer of each rep — actual new opportunities a week / first appointments needed a week — as a table and a bar chart against 100%.</summary>
    /// <param name="reps">The reps.</param>
    /// <param name="actualPerWeek">Returns a rep's actual new opportunities a week.</param>
    /// <param name="magicNumber">Returns the first appointments a week a rep needs (unrounded); undefined when there is no plan.</param>
    /// <param name="groupLabel">Returns the text shown for a rep; null shows the ids.</param>
    /// <returns>The table, headed <c>Activity barometer</c>, and the chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reps"/>, a rep or a function is null.</exception>
    public static ImmutableArray<DocumentSection> Barometer(IEnumerable<string> reps, Func<string, decimal> actualPerWeek, Func<string, KpiValue> magicNumber, Func<string, string>? groupLabel = null)
    {
        var items = Checks.Items(reps, nameof(reps));
        ArgumentNullException.ThrowIfNull(actualPerWeek);
        ArgumentNullException.ThrowIfNull(magicNumber);
        var label = groupLabel ?? (g => g);
        var values = items.Select(r => (Rep: r, Actual: actualPerWeek(r), Needed: magicNumber(r))).Select(x => (x.Rep, x.Actual, x.Needed, Barometer: ActivityBarometerCalculator.Calculate(x.Actual, x.Needed))).ToList();
        var table = new TableSection(
            "Activity barometer",
            [new("Rep"), new("New opportunities a week", ColumnAlignment.Right), new("Needed a week", ColumnAlignment.Right), new("Barometer", ColumnAlignment.Right)],
            values.Select(x => (IReadOnlyList<string>)[label(x.Rep), Fixed1(x.Actual), x.Needed.Value is { } n ? Fixed1(n) : KpiValueText.Undefined, KpiValueText.Short(x.Barometer)]),
            ["actual new opportunities a week / magic number; the goal is at least 100%", .. CoachingFootnotes(values.Where(x => x.Barometer.Value < 1m).Select(x => x.Rep))]);
        var chart = new BarChartSection(
            "activity-barometer (%)",
            values.Select(x => new ChartBar(label(x.Rep), x.Barometer.Value is { } b ? (double)(b * 100m) : null, KpiValueText.Short(x.Barometer))),
            [new ChartReference("goal 100%", 100d)]);
        return [table, chart];
    }

    /// <summary>Returns the volume of a step a week, for one of <paramref name="reps"/>: required / reps / (horizon days / 7), rounded up.</summary>
    /// <param name="step">The step.</param>
    /// <param name="plan">The plan the step is of.</param>
    /// <param name="reps">The reps who share it.</param>
    /// <returns>The whole number, or null when the step is undefined.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> or <paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reps"/> is less than 1.</exception>
    public static decimal? PerWeek(ActivityPlanStep step, ActivityPlan plan, int reps = 1)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(reps, 1);
        return step.Required.Value is { } v ? decimal.Ceiling(v / reps / (plan.Horizon.Length / 7m)) : null;
    }

    /// <summary>Returns the volume of a step a working day, for one of <paramref name="reps"/>: required / reps / working days, rounded up.</summary>
    /// <param name="step">The step.</param>
    /// <param name="plan">The plan the step is of.</param>
    /// <param name="reps">The reps who share it.</param>
    /// <returns>The whole number, or null when the step is undefined or the horizon has no working day.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> or <paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reps"/> is less than 1.</exception>
    public static decimal? PerWorkingDay(ActivityPlanStep step, ActivityPlan plan, int reps = 1)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(reps, 1);
        return step.Required.Value is { } v && plan.WorkingDays > 0 ? decimal.Ceiling(v / reps / plan.WorkingDays) : null;
    }

    private static IEnumerable<string> CoachingFootnotes(IEnumerable<string> below)
    {
        var list = below.ToList();
        return list.Count == 0 ? [] : [$"below 100% ({string.Join(", ", list)}): {CoachingThresholds.HintFor(KpiIds.ActivityBarometer)}"];
    }

    private static string Whole(decimal? value) => value is { } v ? decimal.Ceiling(v).ToString("#,0", CultureInfo.InvariantCulture) : KpiValueText.Undefined;

    private static string Fixed1(decimal x) => x.ToString("#,0.0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
