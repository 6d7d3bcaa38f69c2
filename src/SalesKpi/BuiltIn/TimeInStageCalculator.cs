using NodaTime;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>time-in-stage</c>: the days opportunities spent in one stage, from entering it to leaving it: mean (the value),
/// median, percentiles and sample size.
/// </summary>
/// <remarks>
/// <para>A stay starts when the history enters the stage and ends at the next entry of another stage, or at the close
/// if the stage is the last one. A stay still going on is not measured. With <see cref="TimeInStageMode.LatestStay"/>
/// the latest completed stay is measured; with <see cref="TimeInStageMode.Cumulative"/> the sum of every stay, once
/// the last one is completed. Days are calendar days between local dates; the period is decided by the instant the
/// measured stay ended. Undefined when no stay ended in the period.</para>
/// </remarks>
/// <example>
/// <code>
/// var timeInProposal = new TimeInStageCalculator(new TimeInStageOptions { Id = "time-in-proposal", Stage = OpportunityStage.Proposal });
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class TimeInStageCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options; the defaults when null.</param>
    /// <exception cref="ArgumentException">The id is not kebab-case or the stage is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The mode is not a defined value.</exception>
    public TimeInStageCalculator(TimeInStageOptions? options = null)
        : base((options ??= new TimeInStageOptions()).Id)
    {
        Preconditions.CheckArgument(!options.Stage.IsDefault, "options.Stage", "The stage is the default value; create it from a name.");
        Preconditions.CheckRange(Enum.IsDefined(options.Mode), options.Mode, "Unknown mode.", "options.Mode");
        Stage = options.Stage;
        Mode = options.Mode;
        Inputs = [KpiInput.Opportunities(o => MeasureStays(o)?.End, "end of the stay in " + Stage)];
    }

    /// <summary>Gets the stage measured.</summary>
    public OpportunityStage Stage { get; }

    /// <summary>Gets which stays are measured.</summary>
    public TimeInStageMode Mode { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Days;

    /// <inheritdoc />
    public override KpiDirection Direction => KpiDirection.LowerIsBetter;

    /// <inheritdoc />
    public override string Description => $"days spent in {Stage} ({(Mode == TimeInStageMode.LatestStay ? "latest stay" : "all stays")})";

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; }

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Sample(this, context.Settings);
    }

    /// <summary>Returns the stays in the stage measured for the opportunity: their end, and the stays (start, end) measured.</summary>
    private (Instant End, List<(Instant Start, Instant End)> Stays)? MeasureStays(Opportunity opportunity)
    {
        var stays = new List<(Instant Start, Instant End)>();
        var history = opportunity.StageHistory;
        Instant? openSince = null;
        for (var i = 0; i < history.Length; i++)
        {
            var inStage = history[i].Stage == Stage;
            if (inStage && openSince is null)
            {
                openSince = history[i].EnteredAt;
            }
            else if (!inStage && openSince is { } since)
            {
                stays.Add((since, history[i].EnteredAt));
                openSince = null;
            }
        }

        if (openSince is { } last)
        {
            if (opportunity.ClosedAt is not { } closed)
            {
                return Mode == TimeInStageMode.LatestStay && stays.Count > 0 ? (stays[^1].End, [stays[^1]]) : null;
            }

            // A stage entered after the close (data the importer refuses) is a stay of no time, never a negative one.
            stays.Add((last, closed > last ? closed : last));
        }

        if (stays.Count == 0)
        {
            return null;
        }

        return Mode == TimeInStageMode.LatestStay ? (stays[^1].End, [stays[^1]]) : (stays[^1].End, stays);
    }

    private sealed class Sample(TimeInStageCalculator owner, KpiSettings settings) : KpiAccumulator
    {
        private readonly List<decimal> _days = [];

        public override void Add(Opportunity opportunity, KpiPeriod period)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(period);
            var measured = owner.MeasureStays(opportunity)!.Value;
            var days = 0;
            foreach (var (start, end) in measured.Stays)
            {
                days += Period.DaysBetween(settings.LocalDateOf(start), settings.LocalDateOf(end));
            }

            _days.Add(days);
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            _days.AddRange(((Sample)other)._days);
        }

        public override KpiValue GetValue() => KpiValue.Durations(_days, $"no stay in {owner.Stage} ended in the period");
    }
}
