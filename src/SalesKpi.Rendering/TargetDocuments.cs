using System.Collections.Immutable;
using SalesKpi.Planning;
using SalesKpi.Reporting;

namespace SalesKpi.Rendering;

/// <summary>Makes document sections of goals judged (<see cref="KpiGoalResult"/>): a table of every goal, the coaching hints, and a bar chart per KPI and period against the target.</summary>
public static class TargetDocuments
{
    /// <summary>Returns the sections of judged goals.</summary>
    /// <param name="results">The results, such as <see cref="KpiGoal.EvaluateAll"/>'s.</param>
    /// <param name="groupLabel">Returns the text shown for a group key; null shows the keys.</param>
    /// <returns>
    /// A table (KPI, group, period, value, target, attainment, pace, status) whose footnotes hold the coaching hints of
    /// the goals that are not on track (one line per KPI, naming its groups), and a bar chart for each KPI and period with
    /// more than one group, the target as its reference line when the groups share it.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> or one of them is null.</exception>
    public static ImmutableArray<DocumentSection> Targets(IEnumerable<KpiGoalResult> results, Func<string, string>? groupLabel = null)
    {
        var items = Checks.Items(results, nameof(results));
        var label = groupLabel ?? (g => g);
        var rows = items.Select(r => (IReadOnlyList<string>)
        [
            r.Goal.Kpi.Id,
            label(r.Goal.Group),
            r.Goal.PeriodLabel,
            KpiValueText.Long(r.Value),
            (r.Goal.Kpi.Direction == KpiDirection.HigherIsBetter ? "≥ " : "≤ ") + KpiValueText.InUnitOf(r.Goal.Target, r.Value),
            Percent(r.Attainment),
            Percent(r.Pacing),
            KpiGoalResult.StatusText(r.Status),
        ]).ToList();
        var notes = new List<string>
        {
            "attainment: value / target (target / value when lower is better); pace: attainment / elapsed share of the period, for counts and amounts, which are judged on it",
        };
        notes.AddRange(items.Where(r => r.Status == KpiGoalStatus.Undefined).Select(r => $"{r.Goal.Kpi.Id}, {label(r.Goal.Group)}, {r.Goal.PeriodLabel}: {r.Value.UndefinedReason ?? r.Pacing.UndefinedReason}"));
        notes.AddRange(items.Where(r => r.Hint is not null)
            .GroupBy(r => r.Goal.Kpi.Id, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(r => label(r.Goal.Group)).Distinct(StringComparer.Ordinal))}): {g.First().Hint}"));
        var sections = new List<DocumentSection>
        {
            new TableSection(
                "Targets",
                [
                    new("KPI"), new("Group"), new("Period"), new("Value", ColumnAlignment.Right), new("Target", ColumnAlignment.Right),
                    new("Attainment", ColumnAlignment.Right), new("Pace", ColumnAlignment.Right), new("Status"),
                ],
                rows,
                notes),
        };

        foreach (var chart in items.GroupBy(r => (r.Goal.Kpi.Id, r.Goal.PeriodLabel)).Where(g => g.Count() > 1))
        {
            var first = chart.First();
            var ratio = first.Goal.Kpi.Unit == KpiUnit.Ratio;
            double Plot(decimal v) => (double)(ratio ? v * 100m : v);
            sections.Add(new BarChartSection(
                $"{chart.Key.Id}{(ratio ? " (%)" : string.Empty)}, {chart.Key.PeriodLabel}",
                chart.Select(r => new ChartBar(label(r.Goal.Group), r.Value.Value is { } v ? Plot(v) : null, KpiValueText.Short(r.Value))),
                chart.All(r => r.Goal.Target == first.Goal.Target)
                    ? [new ChartReference("target " + KpiValueText.InUnitOf(first.Goal.Target, first.Value), Plot(first.Goal.Target))]
                    : []));
        }

        return [.. sections];
    }

    private static string Percent(KpiValue value) => value.Value is { } v ? (v * 100m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : KpiValueText.Undefined;
}
