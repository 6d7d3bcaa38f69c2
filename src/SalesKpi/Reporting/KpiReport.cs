using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using SalesKpi.Extensibility;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// The values of a query: every KPI for every group and period, with peer comparisons, trends and targets on top.
/// </summary>
/// <remarks>
/// <para><see cref="Rows"/> are ordered by group (<see cref="Groups"/> order), then period, then KPI (query order).</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.KpiReportJsonConverter))]
public sealed class KpiReport
{
    private readonly Dictionary<string, int> _groupIndex;
    private readonly Dictionary<string, int> _kpiIndex;

    // The values in row order; the rows that hold them are made the first time they are read, since a report is often
    // only looked up (Get, CompareWithPeers, Trend) and a row per value would otherwise be most of its cost.
    // They are chunked so that a large report's values stay in the young generation and die with it (ChunkedArray).
    private readonly ChunkedArray<KpiValue> _values;
    private KpiReportRow[]? _rows;

    internal KpiReport(KpiQuery query, KpiSettings settings, ImmutableArray<KpiPeriod> periods, ImmutableArray<string> groups, ChunkedArray<KpiValue> values)
    {
        Query = query;
        Settings = settings;
        Periods = periods;
        Groups = groups;
        _values = values;
        _groupIndex = groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        _kpiIndex = query.Kpis.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>Gets the query evaluated.</summary>
    public KpiQuery Query { get; }

    /// <summary>Gets the settings used.</summary>
    public KpiSettings Settings { get; }

    /// <summary>Gets the periods, in order.</summary>
    public ImmutableArray<KpiPeriod> Periods { get; }

    /// <summary>Gets the group keys, in order (ordinal, <see cref="KpiGrouping.NoKey"/> last).</summary>
    public ImmutableArray<string> Groups { get; }

    /// <summary>Gets every value, ordered by group, period and KPI.</summary>
    public ImmutableArray<KpiReportRow> Rows => ImmutableCollectionsMarshal.AsImmutableArray(Volatile.Read(ref _rows) ?? MakeRows());

    /// <summary>Returns the value of a KPI for a group and period.</summary>
    /// <param name="kpiId">The KPI's id.</param>
    /// <param name="group">The group key; <see cref="KpiGrouping.AllKey"/> for an ungrouped report.</param>
    /// <param name="periodIndex">The index of the period in <see cref="Periods"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpiId"/> or <paramref name="group"/> is null.</exception>
    /// <exception cref="ArgumentException">The KPI or group is not in the report.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodIndex"/> is not a period index.</exception>
    public KpiValue Get(string kpiId, string group = KpiGrouping.AllKey, int periodIndex = 0) =>
        _values[RowIndex(kpiId, group, periodIndex)];

    /// <summary>Returns true when the report has the group.</summary>
    /// <param name="group">The group key.</param>
    /// <returns>True when present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    public bool HasGroup(string group) => _groupIndex.ContainsKey(Preconditions.CheckNotNull(group));

    /// <summary>
    /// Compares a group with its peers — every other group of the report except <see cref="KpiGrouping.NoKey"/> — for one
    /// KPI and period: the peer mean (excluding the group), the relative difference and the rank.
    /// </summary>
    /// <param name="kpiId">The KPI's id.</param>
    /// <param name="group">The group compared, such as a rep id.</param>
    /// <param name="periodIndex">The index of the period.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpiId"/> or <paramref name="group"/> is null.</exception>
    /// <exception cref="ArgumentException">The KPI or group is not in the report.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodIndex"/> is not a period index.</exception>
    public PeerComparison CompareWithPeers(string kpiId, string group, int periodIndex = 0)
    {
        var value = Get(kpiId, group, periodIndex);
        var direction = Query.Kpis[_kpiIndex[kpiId]].Direction;
        var peers = Groups
            .Where(g => g != group && g != KpiGrouping.NoKey)
            .Select(g => Get(kpiId, g, periodIndex).Value)
            .Where(v => v.HasValue)
            .Select(v => v!.Value)
            .ToArray();
        return PeerComparison.Create(group, value, peers, direction);
    }

    /// <summary>Returns a KPI of one group as a time series over the report's periods, with the change from each period to the next.</summary>
    /// <param name="kpiId">The KPI's id.</param>
    /// <param name="group">The group key; <see cref="KpiGrouping.AllKey"/> for an ungrouped report.</param>
    /// <returns>The trend.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpiId"/> or <paramref name="group"/> is null.</exception>
    /// <exception cref="ArgumentException">The KPI or group is not in the report.</exception>
    public KpiTrend Trend(string kpiId, string group = KpiGrouping.AllKey)
    {
        var points = ImmutableArray.CreateBuilder<KpiTrendPoint>(Periods.Length);
        KpiValue? previous = null;
        for (var p = 0; p < Periods.Length; p++)
        {
            var value = Get(kpiId, group, p);
            points.Add(new KpiTrendPoint(Periods[p], value, PeriodOverPeriodKpiCalculator.Change(value, previous, kpiId)));
            previous = value;
        }

        return new KpiTrend(kpiId, group, points.MoveToImmutable());
    }

    /// <summary>Evaluates a target against every group's value of its KPI in one period.</summary>
    /// <param name="target">The target.</param>
    /// <param name="periodIndex">The index of the period.</param>
    /// <returns>One result per group, in group order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentException">The target's KPI is not in the report.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodIndex"/> is not a period index.</exception>
    public ImmutableArray<KpiTargetResult> EvaluateTarget(KpiTarget target, int periodIndex = 0)
    {
        Preconditions.CheckNotNull(target);
        return [.. Groups.Select(g => target.Evaluate(Get(target.KpiId, g, periodIndex), g))];
    }

    /// <summary>
    /// Returns a short, culture-invariant summary of what the report covers — range, grouping, periods and size — not its
    /// values: <c>2025-03-01..2025-03-31 by rep per month: 2 KPIs × 3 groups × 1 period</c>. An ungrouped report reads
    /// <c>ungrouped</c>, and <c>per …</c> is left out when the range is one period (<see cref="PeriodUnit.None"/>).
    /// </summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var grouping = Query.GroupBy == KpiGrouping.None ? "ungrouped" : "by " + Query.GroupBy.Dimension;
        var per = Query.Per switch
        {
            PeriodUnit.Week => " per week",
            PeriodUnit.Month => " per month",
            PeriodUnit.Quarter => " per quarter",
            PeriodUnit.FiscalYear => " per fiscal year",
            PeriodUnit.FiscalQuarter => " per fiscal quarter",
            PeriodUnit.Day => " per day",
            _ => string.Empty,
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Query.Range.Start:uuuu-MM-dd}..{Query.Range.End:uuuu-MM-dd} {grouping}{per}: {Count(Query.Kpis.Length, "KPI")} × {Count(Groups.Length, "group")} × {Count(Periods.Length, "period")}");

        static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");
    }

    /// <summary>Makes the rows of the values, once: the rows of the first thread to finish are those every thread reads.</summary>
    private KpiReportRow[] MakeRows()
    {
        var rows = new KpiReportRow[_values.Length];
        var kpis = Query.Kpis;
        var i = 0;
        foreach (var group in Groups)
        {
            foreach (var period in Periods)
            {
                foreach (var kpi in kpis)
                {
                    rows[i] = new KpiReportRow(group, period, kpi.Id, _values[i]);
                    i++;
                }
            }
        }

        return Interlocked.CompareExchange(ref _rows, rows, null) ?? rows;
    }

    /// <summary>Returns the value at a row index (group by group, period by period, KPI by KPI), without making the rows.</summary>
    internal KpiValue ValueAt(int index) => _values[index];

    private string GroupNotFoundMessage(string group)
    {
        var near = KpiIdSuggestions.Near(group, Groups);
        return near.Count > 0
            ? $"Group '{group}' is not in the report. Did you mean {string.Join(" or ", near.Select(n => $"'{n}'"))}?"
            : $"Group '{group}' is not in the report. Its groups are: {string.Join(", ", Groups.Take(20))}{(Groups.Length > 20 ? ", …" : "")}.";
    }

    private int RowIndex(string kpiId, string group, int periodIndex)
    {
        Preconditions.CheckNotNull(kpiId);
        Preconditions.CheckNotNull(group);
        if (!_kpiIndex.TryGetValue(kpiId, out var k))
        {
            throw new ArgumentException(KpiIdSuggestions.NotFoundMessage(kpiId, Query.Kpis.Select(x => x.Id), "the report"), nameof(kpiId));
        }

        if (!_groupIndex.TryGetValue(group, out var g))
        {
            throw new ArgumentException(GroupNotFoundMessage(group), nameof(group));
        }

        Preconditions.CheckRange(periodIndex >= 0 && periodIndex < Periods.Length, periodIndex, "Not a period index of the report.", nameof(periodIndex));
        return (((g * Periods.Length) + periodIndex) * _kpiIndex.Count) + k;
    }
}
