using System.Collections.Immutable;
using NodaTime;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Pipeline;

/// <summary>
/// The pipeline waterfalls of a range: one <see cref="PipelineWaterfall"/> per period and group, period by period, the
/// groups of each period in order.
/// </summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class PipelineWaterfallReport
{
    internal PipelineWaterfallReport(DateInterval range, PipelineWindow window, string groupBy, ImmutableArray<KpiPeriod> periods, ImmutableArray<string> groups, ImmutableArray<PipelineWaterfall> waterfalls)
    {
        Range = range;
        Window = window;
        GroupBy = groupBy;
        Periods = periods;
        Groups = groups;
        Waterfalls = waterfalls;
    }

    /// <summary>Gets the dates reported on, inclusive.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Serialization.DateIntervalJsonConverter))]
    public DateInterval Range { get; }

    /// <summary>Gets the close window.</summary>
    public PipelineWindow Window { get; }

    /// <summary>Gets the dimension of the grouping, such as <c>rep</c>; <c>none</c> when ungrouped.</summary>
    public string GroupBy { get; }

    /// <summary>Gets the periods, in order.</summary>
    public ImmutableArray<KpiPeriod> Periods { get; }

    /// <summary>Gets the groups, in the order of a report's groups (<see cref="KpiGrouping.NoKey"/> last).</summary>
    public ImmutableArray<string> Groups { get; }

    /// <summary>Gets every waterfall: for each period in order, one per group in order.</summary>
    public ImmutableArray<PipelineWaterfall> Waterfalls { get; }

    /// <summary>Returns the waterfall of one group in one period.</summary>
    /// <param name="group">The group; <see cref="KpiGrouping.AllKey"/> when ungrouped.</param>
    /// <param name="periodIndex">The index of the period in <see cref="Periods"/>.</param>
    /// <returns>The waterfall.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    /// <exception cref="ArgumentException">The group is not in the report.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodIndex"/> is not a period index.</exception>
    public PipelineWaterfall Get(string group = KpiGrouping.AllKey, int periodIndex = 0)
    {
        Preconditions.CheckNotNull(group);
        Preconditions.CheckRange(periodIndex >= 0 && periodIndex < Periods.Length, periodIndex, $"The report has {Periods.Length} period(s).", nameof(periodIndex));
        var g = Groups.IndexOf(group, StringComparer.Ordinal);
        Preconditions.CheckArgument(g >= 0, nameof(group), $"The report has no group '{group}'.");
        return Waterfalls[(periodIndex * Groups.Length) + g];
    }

    /// <summary>Returns true when every waterfall of the report reconciles (<see cref="PipelineWaterfall.Reconciles"/>).</summary>
    /// <returns>True when every identity holds.</returns>
    public bool Reconciles() => Waterfalls.All(w => w.Reconciles());
}
