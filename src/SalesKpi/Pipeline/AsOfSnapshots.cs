using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Pipeline;

/// <summary>
/// A KPI of one evaluation range as it stood at the start of each snapshot period: the weighted pipeline of Q2 as of
/// each Monday of Q2, as a <see cref="KpiTrend"/> per group.
/// </summary>
/// <remarks>
/// <para>One KPI as of one instant is <see cref="SalesData.AsOf"/> and any evaluation. This evaluates the KPI over the same
/// range on <c>data.AsOf(p.Start)</c> for each snapshot period <c>p</c>: what happened at or after the snapshot's start is
/// not seen. Each point's <see cref="KpiTrendPoint.Period"/> is the snapshot period (its <see cref="KpiPeriod.Start"/> is
/// the as-of instant), and its change is from the snapshot before. A group that has no row in a snapshot (no records
/// yet) is undefined there, with that reason.</para>
/// </remarks>
/// <threadsafety>This type is stateless and thread-safe.</threadsafety>
public static class AsOfSnapshots
{
    /// <summary>Evaluates a KPI over a range as of the start of each snapshot period.</summary>
    /// <param name="evaluator">The evaluator, whose settings cut the snapshot range into periods.</param>
    /// <param name="data">The snapshot, with its histories.</param>
    /// <param name="kpi">The KPI, such as <see cref="Kpis.WeightedPipeline"/>.</param>
    /// <param name="range">The dates the KPI is evaluated over, inclusive, the same at every snapshot.</param>
    /// <param name="snapshots">The dates cut into snapshot periods, inclusive.</param>
    /// <param name="every">The snapshot periods: a snapshot at the start of each week, month, …</param>
    /// <param name="groupBy">The grouping; <see cref="KpiGrouping.None"/> when null.</param>
    /// <returns>One trend per group, in group order, with one point per snapshot period.</returns>
    /// <exception cref="ArgumentNullException">An argument but <paramref name="groupBy"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="every"/> is not a defined value, or a range does not
    /// lie within <see cref="KpiQuery.MinDate"/> and <see cref="KpiQuery.MaxDate"/>.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the settings.</exception>
    /// <example>
    /// <code>
    /// var q2 = new DateInterval(new LocalDate(2025, 4, 1), new LocalDate(2025, 6, 30));
    /// var mondays = evaluator.EvaluateAsOf(data, Kpis.WeightedPipeline, q2, q2, PeriodUnit.Week);
    /// KpiValue asOfSecondMonday = mondays[0].Points[1].Value;
    /// </code>
    /// </example>
    public static ImmutableArray<KpiTrend> EvaluateAsOf(
        this KpiEvaluator evaluator,
        SalesData data,
        KpiCalculator kpi,
        DateInterval range,
        DateInterval snapshots,
        PeriodUnit every,
        KpiGrouping? groupBy = null)
    {
        Preconditions.CheckNotNull(evaluator);
        Preconditions.CheckNotNull(data);
        Preconditions.CheckNotNull(kpi);
        Preconditions.CheckNotNull(range);
        Preconditions.CheckNotNull(snapshots);
        Preconditions.CheckRange(Enum.IsDefined(every), every, "Unknown period unit.", nameof(every));
        Preconditions.CheckRange(snapshots.Start >= KpiQuery.MinDate && snapshots.End <= KpiQuery.MaxDate, snapshots, "The snapshot range must lie within 0001-01-01 and 9998-12-31.", nameof(snapshots));
        var grouping = groupBy ?? KpiGrouping.None;
        var query = new KpiQuery(range, [kpi], grouping);
        var periods = PeriodPlan.Create(snapshots, every, evaluator.Settings, includePrevious: false).Periods;
        var reports = periods.Select(p => evaluator.Evaluate(data.AsOf(p.Start), query)).ToArray();
        var groups = reports.SelectMany(r => r.Groups).Distinct(StringComparer.Ordinal).Order(grouping.KeyOrder).ToArray();
        var trends = ImmutableArray.CreateBuilder<KpiTrend>(groups.Length);
        foreach (var group in groups)
        {
            var points = ImmutableArray.CreateBuilder<KpiTrendPoint>(periods.Length);
            KpiValue? previous = null;
            for (var p = 0; p < periods.Length; p++)
            {
                var value = reports[p].HasGroup(group)
                    ? reports[p].Get(kpi.Id, group)
                    : KpiValue.Undefined(kpi.Unit, string.Create(CultureInfo.InvariantCulture, $"group '{group}' has no records as of {periods[p].Start}"));
                points.Add(new KpiTrendPoint(periods[p], value, PeriodOverPeriodKpiCalculator.Change(value, previous, kpi.Id)));
                previous = value;
            }

            trends.Add(new KpiTrend(kpi.Id, group, points.MoveToImmutable()));
        }

        return trends.MoveToImmutable();
    }
}
