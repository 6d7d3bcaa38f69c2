using System.Collections.Immutable;
using NodaTime;
using SalesKpi.Engine;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Pipeline;

/// <summary>
/// Computes pipeline waterfalls: for each period of a range and each group, the pipeline of a close window at the
/// period's start, the flows that changed it, and the pipeline at its end, from the opportunities' field histories.
/// </summary>
/// <remarks>
/// <para>The pipeline at an instant is the opportunities open then (<see cref="Opportunity.AsOf"/>: created before it and
/// not closed before it) whose expected close date, as it stood, is in the window; under a bounded window, one with no
/// expected close date is not in it. An opportunity's events in a period [start, end) — its creation, the entries of its
/// field history, its close — apply in that order when they fall on the same instant; an entry that changes both the
/// amount and the expected close date changes the amount first. Groups are those of
/// <see cref="KpiGrouping.KeyOf(Opportunity, SalesData)"/> on the opportunity as it is now (its current owner, not the
/// owner of the time). Amounts are kept per currency, never converted, so the waterfall adds up exactly
/// (<see cref="PipelineWaterfall.Reconciles"/>). See docs/pipeline.md.</para>
/// </remarks>
/// <example>
/// <code>
/// var waterfalls = new PipelineWaterfallCalculator(settings);
/// var q2 = new DateInterval(new LocalDate(2025, 4, 1), new LocalDate(2025, 6, 30));
/// PipelineWaterfallReport weekly = waterfalls.Evaluate(data, q2, KpiGrouping.ByRep, PeriodUnit.Week, PipelineWindow.Fixed(q2));
/// PipelineFlow slipped = weekly.Get("ayse", 0).SlippedOut;
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class PipelineWaterfallCalculator
{
    private const int Lines = 9;

    /// <summary>Initializes the calculator.</summary>
    /// <param name="settings">The settings: the time zone that turns dates into instants, the first day of the week and
    /// the fiscal year; <see cref="KpiSettings.Default"/> when null. The reporting currency is not used: amounts stay in
    /// their currencies.</param>
    public PipelineWaterfallCalculator(KpiSettings? settings = null) => Settings = settings ?? KpiSettings.Default;

    /// <summary>Gets the settings.</summary>
    public KpiSettings Settings { get; }

    /// <summary>Computes the waterfalls of a range.</summary>
    /// <param name="data">The snapshot.</param>
    /// <param name="range">The dates, inclusive.</param>
    /// <param name="groupBy">The grouping; <see cref="KpiGrouping.None"/> when null. It must support opportunities.</param>
    /// <param name="per">How to cut the range into flow periods.</param>
    /// <param name="window">The close window; <see cref="PipelineWindow.All"/> (every open opportunity) when null.</param>
    /// <returns>One waterfall per period and group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="range"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="groupBy"/> does not group opportunities.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="per"/> is not a defined value, or <paramref name="range"/>
    /// does not lie within <see cref="KpiQuery.MinDate"/> and <see cref="KpiQuery.MaxDate"/>.</exception>
    public PipelineWaterfallReport Evaluate(SalesData data, DateInterval range, KpiGrouping? groupBy = null, PeriodUnit per = PeriodUnit.None, PipelineWindow? window = null)
    {
        Preconditions.CheckNotNull(data);
        Preconditions.CheckNotNull(range);
        Preconditions.CheckRange(Enum.IsDefined(per), per, "Unknown period unit.", nameof(per));
        Preconditions.CheckRange(range.Start >= KpiQuery.MinDate && range.End <= KpiQuery.MaxDate, range, "The range must lie within 0001-01-01 and 9998-12-31.", nameof(range));
        var grouping = groupBy ?? KpiGrouping.None;
        Preconditions.CheckArgument(grouping.Supports(KpiRecordType.Opportunities), nameof(groupBy), $"The grouping by {grouping.Dimension} does not group opportunities.");
        window ??= PipelineWindow.All;

        var periods = PeriodPlan.Create(range, per, Settings, includePrevious: false).Periods;
        var rangeStart = periods[0].Start;
        var rangeEnd = periods[^1].End;
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<(Opportunity Opportunity, int Group)>();
        foreach (var opportunity in data.Opportunities)
        {
            if (!Touches(opportunity, rangeStart, rangeEnd))
            {
                continue;
            }

            var key = grouping.KeyOf(opportunity, data) ?? KpiGrouping.NoKey;
            if (!keys.TryGetValue(key, out var g))
            {
                g = keys.Count;
                keys.Add(key, g);
            }

            members.Add((opportunity, g));
        }

        if (grouping == KpiGrouping.None && keys.Count == 0)
        {
            keys.Add(KpiGrouping.AllKey, 0);
        }

        ImmutableArray<string> groups = [.. keys.Keys.Order(grouping.KeyOrder)];
        var waterfalls = ImmutableArray.CreateBuilder<PipelineWaterfall>(periods.Length * groups.Length);
        foreach (var period in periods)
        {
            var dates = window.For(period, Settings);
            var lines = new PipelineFlow.Builder[keys.Count][];
            for (var g = 0; g < lines.Length; g++)
            {
                lines[g] = NewLines();
            }

            foreach (var (opportunity, g) in members)
            {
                Add(opportunity, period.Start, period.End, dates, lines[g]);
            }

            foreach (var group in groups)
            {
                waterfalls.Add(new PipelineWaterfall(period, group, dates, [.. lines[keys[group]].Select(l => l.ToFlow())]));
            }
        }

        return new PipelineWaterfallReport(range, window, grouping.Dimension, [.. periods], groups, waterfalls.MoveToImmutable());
    }

    /// <summary>Returns nine empty lines, one per <see cref="PipelineFlowKind"/>.</summary>
    internal static PipelineFlow.Builder[] NewLines()
    {
        var lines = new PipelineFlow.Builder[Lines];
        for (var i = 0; i < Lines; i++)
        {
            lines[i] = new PipelineFlow.Builder();
        }

        return lines;
    }

    /// <summary>Returns true when the opportunity can be in the pipeline at some instant of [start, end]: created before the end, not closed before the start.</summary>
    internal static bool Touches(Opportunity opportunity, Instant start, Instant end) =>
        opportunity.CreatedAt < end && (opportunity.ClosedAt is not { } closed || closed >= start);

    /// <summary>
    /// Adds one opportunity's part of the waterfall of [<paramref name="start"/>, <paramref name="end"/>) under the close
    /// window <paramref name="window"/> (null: unbounded) to <paramref name="lines"/>. The opening and the closing are
    /// read as of the start and the end (<see cref="Opportunity.IsOpenAt"/>, <see cref="Opportunity.AmountAt"/>,
    /// <see cref="Opportunity.ExpectedCloseAt"/>: the values of <see cref="Opportunity.AsOf"/>); the flows by replaying the events in between, so that the identity
    /// checks one against the other.
    /// </summary>
    internal static void Add(Opportunity opportunity, Instant start, Instant end, DateInterval? window, PipelineFlow.Builder[] lines)
    {
        if (!Touches(opportunity, start, end))
        {
            return;
        }

        var history = opportunity.History;
        bool inPipeline;
        Money amount;
        int next;
        if (opportunity.CreatedAt < start)
        {
            // As it stood at the start (Opportunity.AsOf's values, read without making the opportunity again).
            amount = opportunity.AmountAt(start);
            inPipeline = opportunity.IsOpenAt(start) && InWindow(opportunity.ExpectedCloseAt(start), window);
            if (inPipeline)
            {
                lines[(int)PipelineFlowKind.Opening].Add(amount);
            }

            next = 0;
            while (next < history.Length && history[next].ChangedAt < start)
            {
                next++;
            }
        }
        else
        {
            // Created in the period, with the values of its first history entries (then the entries at its creation apply).
            amount = opportunity.AmountAt(opportunity.CreatedAt);
            inPipeline = InWindow(opportunity.ExpectedCloseAt(opportunity.CreatedAt), window);
            if (inPipeline)
            {
                lines[(int)PipelineFlowKind.Created].Add(amount);
            }

            next = 0;
        }

        var closedAt = opportunity.ClosedAt;
        for (; next < history.Length && history[next].ChangedAt < end; next++)
        {
            var change = history[next];
            if (closedAt is { } c && change.ChangedAt > c)
            {
                break; // Closed: out of the pipeline for good.
            }

            if (change.Amount is { } newAmount)
            {
                if (inPipeline)
                {
                    if (newAmount.Currency != amount.Currency)
                    {
                        lines[(int)PipelineFlowKind.Decreased].Add(amount);
                        lines[(int)PipelineFlowKind.Increased].Add(newAmount);
                    }
                    else if (newAmount.Amount > amount.Amount)
                    {
                        lines[(int)PipelineFlowKind.Increased].Add(newAmount - amount);
                    }
                    else if (newAmount.Amount < amount.Amount)
                    {
                        lines[(int)PipelineFlowKind.Decreased].Add(amount - newAmount);
                    }
                }

                amount = newAmount;
            }

            if (change.ExpectedClose is { } close)
            {
                var nowIn = InWindow(close, window);
                if (inPipeline && !nowIn)
                {
                    lines[(int)PipelineFlowKind.SlippedOut].Add(amount);
                }
                else if (!inPipeline && nowIn)
                {
                    lines[(int)PipelineFlowKind.PulledIn].Add(amount);
                }

                inPipeline = nowIn;
            }
        }

        if (inPipeline && closedAt is { } closed && closed < end)
        {
            lines[(int)(opportunity.Status == OpportunityStatus.Won ? PipelineFlowKind.Won : PipelineFlowKind.Lost)].Add(amount);
        }

        if (opportunity.IsOpenAt(end) && InWindow(opportunity.ExpectedCloseAt(end), window))
        {
            lines[(int)PipelineFlowKind.Closing].Add(opportunity.AmountAt(end));
        }
    }

    private static bool InWindow(LocalDate? expectedClose, DateInterval? window) =>
        window is null || (expectedClose is { } date && window.Contains(date));
}
