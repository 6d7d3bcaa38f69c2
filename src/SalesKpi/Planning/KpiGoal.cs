using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>How a value stands against a <see cref="KpiGoal"/>.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<KpiGoalStatus>))]
public enum KpiGoalStatus
{
    /// <summary>The value is undefined, or the period has not started, so the goal cannot be judged.</summary>
    Undefined = 0,

    /// <summary>At or beyond the target: for a count or an amount in a running period, on pace to reach it.</summary>
    OnTrack = 1,

    /// <summary>Short of the target but not past the warning threshold (or there is none).</summary>
    BelowTarget = 2,

    /// <summary>Past the warning threshold (below it for a higher-is-better KPI, above it for a lower-is-better one).</summary>
    Warning = 3,

    /// <summary>Past the critical threshold.</summary>
    Critical = 4,
}

/// <summary>
/// A target for one KPI, one group (the whole data set, a rep, a team or a lead source) and one period, with optional
/// warning and critical thresholds: "revenue of team north in 2025-Q1 at least 300,000, warning below 240,000,
/// critical below 180,000".
/// </summary>
/// <remarks>
/// <para>The target and the thresholds are in the KPI's unit: a fraction for a ratio (65% is 0.65), an amount in the
/// reporting currency for money, days for a duration. For a higher-is-better KPI the critical threshold is at most the
/// warning threshold, which is at most the target; for a lower-is-better KPI (<see cref="KpiCalculator.Direction"/>,
/// such as <c>sales-cycle-length</c>) the order is reversed and "past" a threshold means above it.</para>
/// <para>A count or an amount (unit <see cref="KpiUnit.Count"/> or <see cref="KpiUnit.Money"/>) accumulates over its
/// period: part-way through the period it is judged on its pace — the value divided by the elapsed share of the period,
/// what the period would end at if it went on as it has — so that 40% of a quarter's revenue target after half the
/// quarter is behind, not "below target" for the rest of the quarter. Other KPIs (rates, durations, averages) are judged
/// on their value.</para>
/// </remarks>
/// <example>
/// <code>
/// var goal = new KpiGoal(Kpis.Revenue, KpiGrouping.ByTeam, "north", quarter, 300_000m, warning: 240_000m, critical: 180_000m);
/// KpiGoalResult result = goal.Evaluate(report.Get("revenue", "north"), now, DateTimeZone.Utc);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiGoal
{
    /// <summary>Initializes a goal.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="grouping">The dimension of <paramref name="group"/>: <see cref="KpiGrouping.None"/> for the whole data set, or a grouping such as <see cref="KpiGrouping.ByRep"/>.</param>
    /// <param name="group">The group key: <see cref="KpiGrouping.AllKey"/> with <see cref="KpiGrouping.None"/>, or a rep id, team or lead source.</param>
    /// <param name="period">The dates of the period.</param>
    /// <param name="target">The target, in the KPI's unit.</param>
    /// <param name="warning">The warning threshold, or null for none.</param>
    /// <param name="critical">The critical threshold, or null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/>, <paramref name="grouping"/>, <paramref name="group"/> or <paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="group"/> is empty, or not <see cref="KpiGrouping.AllKey"/> without a grouping; or the thresholds are out of order (for a higher-is-better KPI, critical ≤ warning ≤ target; reversed for a lower-is-better one).</exception>
    public KpiGoal(KpiCalculator kpi, KpiGrouping grouping, string group, DateInterval period, decimal target, decimal? warning = null, decimal? critical = null)
    {
        Kpi = Preconditions.CheckNotNull(kpi);
        Grouping = Preconditions.CheckNotNull(grouping);
        Group = Preconditions.CheckNotBlank(group);
        Period = Preconditions.CheckNotNull(period);
        Preconditions.CheckArgument(
            grouping != KpiGrouping.None || group == KpiGrouping.AllKey,
            nameof(group),
            $"Without a grouping the group is '{KpiGrouping.AllKey}', not '{group}'.");
        var higher = kpi.Direction == KpiDirection.HigherIsBetter;
        var order = higher ? "critical ≤ warning ≤ target" : "target ≤ warning ≤ critical";
        bool InOrder(decimal? worse, decimal better) => worse is not { } w || (higher ? w <= better : w >= better);
        Preconditions.CheckArgument(
            InOrder(warning, target) && InOrder(critical, target) && (warning is not { } wt || InOrder(critical, wt)),
            nameof(warning),
            string.Create(CultureInfo.InvariantCulture, $"The thresholds of {kpi.Id} ({(higher ? "higher" : "lower")} is better) must be in the order {order}."));
        Target = target;
        Warning = warning;
        Critical = critical;
    }

    /// <summary>Gets the KPI.</summary>
    public KpiCalculator Kpi { get; }

    /// <summary>Gets the dimension of <see cref="Group"/>; <see cref="KpiGrouping.None"/> for the whole data set.</summary>
    public KpiGrouping Grouping { get; }

    /// <summary>Gets the group key.</summary>
    public string Group { get; }

    /// <summary>Gets the dates of the period.</summary>
    public DateInterval Period { get; }

    /// <summary>Gets how the period is named, such as <c>2025-Q1</c>.</summary>
    /// <value>The default value is the period's dates, such as <c>2025-01-01..2025-03-31</c>.</value>
    public string PeriodLabel
    {
        get => field ?? string.Create(CultureInfo.InvariantCulture, $"{Period.Start:uuuu-MM-dd}..{Period.End:uuuu-MM-dd}");
        init => field = Preconditions.CheckSetNotNull(value);
    }

    /// <summary>Gets the target, in the KPI's unit.</summary>
    public decimal Target { get; }

    /// <summary>Gets the warning threshold.</summary>
    /// <value>The threshold, or null for none.</value>
    public decimal? Warning { get; }

    /// <summary>Gets the critical threshold.</summary>
    /// <value>The threshold, or null for none.</value>
    public decimal? Critical { get; }

    /// <summary>Gets a value indicating whether the KPI accumulates over its period (a count or an amount), so that it is judged on its pace.</summary>
    public bool IsCumulative => Kpi.Unit is KpiUnit.Count or KpiUnit.Money;

    /// <summary>Evaluates the goal's KPI value at an instant: attainment, pacing, status and coaching hint.</summary>
    /// <param name="value">The KPI's value for the goal's group over the goal's period.</param>
    /// <param name="now">The instant "today" is measured at; the elapsed share of the period is measured up to it.</param>
    /// <param name="zone">The time zone whose days the period's dates are.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> or <paramref name="zone"/> is null.</exception>
    public KpiGoalResult Evaluate(KpiValue value, Instant now, DateTimeZone zone)
    {
        Preconditions.CheckNotNull(value);
        Preconditions.CheckNotNull(zone);
        var settings = KpiSettings.Default.WithZone(zone);
        var period = new Interval(settings.SaturatingStartOf(Period.Start), settings.SaturatingStartOf(Period.End.PlusDays(1)));
        var elapsed = QuotaPacingCalculator.ElapsedShare(period, now);
        return Evaluate(value, elapsed);
    }

    /// <summary>Evaluates the goal's KPI value with a given elapsed share of the period.</summary>
    /// <param name="value">The KPI's value for the goal's group over the goal's period.</param>
    /// <param name="elapsedShare">The share of the period that has elapsed, from 0 (not started) to 1 (over).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elapsedShare"/> is not between 0 and 1.</exception>
    public KpiGoalResult Evaluate(KpiValue value, decimal elapsedShare)
    {
        Preconditions.CheckNotNull(value);
        Preconditions.CheckRange(elapsedShare is >= 0m and <= 1m, elapsedShare, "The elapsed share must be between 0 and 1.", nameof(elapsedShare));
        var higher = Kpi.Direction == KpiDirection.HigherIsBetter;
        if (value.Value is not { } v)
        {
            var reason = "the value is undefined: " + value.UndefinedReason;
            return new KpiGoalResult(this, value, KpiValue.Undefined(KpiUnit.Ratio, reason), elapsedShare, KpiValue.Undefined(KpiUnit.Ratio, reason), KpiGoalStatus.Undefined);
        }

        var attainment = higher ? KpiValue.Ratio(v, Target, "the target is zero") : KpiValue.Ratio(Target, v, "the value is zero");
        KpiValue pacing;
        decimal judged;
        if (!IsCumulative)
        {
            pacing = KpiValue.Undefined(KpiUnit.Ratio, $"{Kpi.Id} is not a count or an amount: it does not accumulate over the period, so it is judged on its value");
            judged = v;
        }
        else if (elapsedShare == 0m)
        {
            var reason = "the period has not started";
            return new KpiGoalResult(this, value, attainment, elapsedShare, KpiValue.Undefined(KpiUnit.Ratio, reason), KpiGoalStatus.Undefined);
        }
        else
        {
            pacing = attainment.Value is { } a
                ? KpiValue.Ratio(a, elapsedShare)
                : KpiValue.Undefined(KpiUnit.Ratio, "the attainment is undefined: " + attainment.UndefinedReason);
            judged = v / elapsedShare;
        }

        bool Reaches(decimal threshold) => higher ? judged >= threshold : judged <= threshold;
        var status = Reaches(Target)
            ? KpiGoalStatus.OnTrack
            : Critical is { } c && !Reaches(c)
                ? KpiGoalStatus.Critical
                : Warning is { } w && !Reaches(w)
                    ? KpiGoalStatus.Warning
                    : KpiGoalStatus.BelowTarget;
        return new KpiGoalResult(this, value, attainment, elapsedShare, pacing, status);
    }

    /// <summary>
    /// Evaluates goals against a data set: one query per grouping and period (the goals' KPIs together, in one pass
    /// each), and each goal judged at <paramref name="now"/>.
    /// </summary>
    /// <param name="evaluator">The evaluator; its settings decide the zone and the reporting currency.</param>
    /// <param name="data">The snapshot.</param>
    /// <param name="goals">The goals.</param>
    /// <param name="now">The instant "today" is measured at.</param>
    /// <returns>One result per goal, in the order of <paramref name="goals"/>: its value to date (over the period up to the day <paramref name="now"/> falls in, when the period runs past it). A goal whose group is not in the data has an undefined value with the reason.</returns>
    /// <exception cref="ArgumentNullException">An argument or a goal is null.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the evaluator's settings.</exception>
    public static ImmutableArray<KpiGoalResult> EvaluateAll(KpiEvaluator evaluator, SalesData data, IEnumerable<KpiGoal> goals, Instant now)
    {
        Preconditions.CheckNotNull(evaluator);
        Preconditions.CheckNotNull(data);
        Preconditions.CheckNotNull(goals);
        var list = goals.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            _ = list[i] ?? throw new ArgumentNullException(nameof(goals), $"Goal {i} is null.");
        }

        // The values are to date: a period that runs past "now" is evaluated up to the day now falls in (or ends at).
        var settings = evaluator.Settings;
        var today = settings.LocalDateOf(now - Duration.Epsilon);
        DateInterval ToDate(DateInterval period) =>
            today >= period.Start && today < period.End ? new DateInterval(period.Start, today) : period;

        var results = new KpiGoalResult[list.Count];
        foreach (var batch in list.Select((g, i) => (Goal: g, Index: i)).GroupBy(x => (x.Goal.Grouping, Dates: ToDate(x.Goal.Period))))
        {
            var kpis = batch.Select(x => x.Goal.Kpi).DistinctBy(k => k.Id, StringComparer.Ordinal).ToList();
            var report = evaluator.Evaluate(data, new KpiQuery(batch.Key.Dates, kpis, batch.Key.Grouping, includeAllKnownGroups: batch.Key.Grouping != KpiGrouping.None));
            foreach (var (goal, index) in batch)
            {
                var value = report.HasGroup(goal.Group)
                    ? report.Get(goal.Kpi.Id, goal.Group)
                    : KpiValue.Undefined(goal.Kpi.Unit, $"the data has no {goal.Grouping.Dimension} '{goal.Group}'");
                results[index] = goal.Evaluate(value, now, evaluator.Settings.Zone);
            }
        }

        return [.. results];
    }

    /// <summary>Returns <c>kpi of group in period: target</c>, such as <c>revenue of north in 2025-Q1: at least 300000 (warning 240000, critical 180000)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var comparison = Kpi.Direction == KpiDirection.HigherIsBetter ? "at least" : "at most";
        var thresholds = (Warning, Critical) switch
        {
            ({ } w, { } c) => $" (warning {KpiValue.Format(w)}, critical {KpiValue.Format(c)})",
            ({ } w, null) => $" (warning {KpiValue.Format(w)})",
            (null, { } c) => $" (critical {KpiValue.Format(c)})",
            _ => string.Empty,
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Kpi.Id} of {Group} in {PeriodLabel}: {comparison} {KpiValue.Format(Target)}{thresholds}");
    }
}

/// <summary>A <see cref="KpiGoal"/> judged: the value, the attainment, the pace, the status and the coaching hint.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiGoalResult
{
    internal KpiGoalResult(KpiGoal goal, KpiValue value, KpiValue attainment, decimal elapsedShare, KpiValue pacing, KpiGoalStatus status)
    {
        Goal = goal;
        Value = value;
        Attainment = attainment;
        ElapsedShare = elapsedShare;
        Pacing = pacing;
        Status = status;
    }

    /// <summary>Gets the goal.</summary>
    public KpiGoal Goal { get; }

    /// <summary>Gets the KPI's value.</summary>
    public KpiValue Value { get; }

    /// <summary>Gets the attainment, a ratio where 1 or more means the target is reached: value / target, or target / value for a lower-is-better KPI.</summary>
    public KpiValue Attainment { get; }

    /// <summary>Gets the share of the period that had elapsed, from 0 to 1.</summary>
    public decimal ElapsedShare { get; }

    /// <summary>Gets the pace: attainment / elapsed share, for a count or an amount; 1 or more means on pace. Undefined for other KPIs, and before the period starts.</summary>
    public KpiValue Pacing { get; }

    /// <summary>Gets how the value stands against the target and thresholds.</summary>
    public KpiGoalStatus Status { get; }

    /// <summary>Gets the coaching hint of the KPI (<see cref="CoachingThresholds.HintFor"/>) when the goal is not on track.</summary>
    /// <value>The hint, or null when on track or undefined.</value>
    public string? Hint => Status is KpiGoalStatus.OnTrack or KpiGoalStatus.Undefined ? null : CoachingThresholds.HintFor(Goal.Kpi.Id);

    /// <summary>Returns <c>goal: value, status</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Goal}: {Value}, {StatusText(Status)}";

    /// <summary>Returns how a status is written: <c>on track</c>, <c>below target</c>, <c>warning</c>, <c>critical</c>, <c>undefined</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The text.</returns>
    public static string StatusText(KpiGoalStatus status) => status switch
    {
        KpiGoalStatus.OnTrack => "on track",
        KpiGoalStatus.BelowTarget => "below target",
        KpiGoalStatus.Warning => "warning",
        KpiGoalStatus.Critical => "critical",
        _ => "undefined",
    };
}
