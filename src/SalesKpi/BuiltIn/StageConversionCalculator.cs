using NodaTime;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>stage-conversion</c>: of the opportunities that reached stage <see cref="StageConversionOptions.From"/> in the
/// period, the share that reached <see cref="StageConversionOptions.To"/> (at any time since, or within
/// <see cref="StageConversionOptions.Window"/>), such as seed 004's first appointment to proposal.
/// </summary>
/// <remarks>
/// <para>With <see cref="StageConversionMode.AnyStageReached"/> (the default), skipped stages and moves backwards
/// follow one rule: an opportunity reaches a stage when it first enters that stage or any later stage of
/// <see cref="StageConversionOptions.StageOrder"/>, so skipping a stage counts as passing it; a won opportunity has
/// passed every stage (at its close, if its history does not say earlier); going back to an earlier stage does not undo
/// progress. With <see cref="StageConversionMode.Ordered"/>, an opportunity is counted from its first entry into
/// <c>From</c> itself and converts only if it then enters every stage up to <c>To</c> one after the other: a skip
/// means no conversion, a move backwards keeps progress, and winning goes through the remaining stages at the close.
/// The period is decided by the instant the opportunity reached <c>From</c>. Undefined when no opportunity reached it
/// in the period.</para>
/// <para>With a window, the opportunity converts only if it reached <c>To</c> no later than the same local time of
/// the report's zone that many calendar days after it reached <c>From</c> (a local time a clock change skips moves
/// on by the gap).</para>
/// </remarks>
/// <example>
/// <code>
/// // 20 opportunities had a first appointment in March; 13 of them reached Proposal: 0.65.
/// KpiValue rate = Kpis.StageConversion.Evaluate(data, march);
///
/// // The same, counting only those that went through every stage in order and sent a proposal within 30 days.
/// var strict = new StageConversionCalculator(new StageConversionOptions { Mode = StageConversionMode.Ordered, Window = Period.FromDays(30) });
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class StageConversionCalculator : AggregateKpiCalculator
{
    private readonly StageProgress _progress;
    private readonly string _emptyReason;

    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options; the defaults when null.</param>
    /// <exception cref="ArgumentException">The id is not kebab-case; a stage is not in the stage order; <c>To</c> does not come after <c>From</c>.</exception>
    /// <exception cref="ArgumentNullException">The stage order is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The mode is unknown; the window has a unit smaller than a day, a negative unit, or is zero.</exception>
    public StageConversionCalculator(StageConversionOptions? options = null)
        : base((options ??= new StageConversionOptions()).Id)
    {
        Preconditions.CheckNotNull(options.StageOrder, "options.StageOrder");
        var progress = new StageProgress([.. options.StageOrder]);
        Preconditions.CheckArgument(progress.Contains(options.From), "options.From", $"Stage '{options.From}' is not in the stage order.");
        Preconditions.CheckArgument(progress.Contains(options.To), "options.To", $"Stage '{options.To}' is not in the stage order.");
        Preconditions.CheckArgument(
            progress.IndexOf(options.To) > progress.IndexOf(options.From),
            "options.To",
            $"Stage '{options.To}' must come after '{options.From}' in the stage order.");
        Preconditions.CheckRange(Enum.IsDefined(options.Mode), options.Mode, "Unknown mode.", "options.Mode");
        if (options.Window is { } window)
        {
            Preconditions.CheckRange(
                IsDays(window),
                window,
                "The window must be a positive number of days, weeks, months or years, such as 30 days.",
                "options.Window");
        }

        _progress = progress;
        From = options.From;
        To = options.To;
        Mode = options.Mode;
        Window = options.Window;
        _emptyReason = $"no opportunities reached {From} in the period";
        var from = From;
        var to = To;
        Inputs = Mode == StageConversionMode.Ordered
            ? [KpiInput.Opportunities(o => progress.OrderedPath(o, from, to).Entered, "entered " + from)]
            : [KpiInput.Opportunities(o => progress.PassedAt(o, from), "reached " + from)];
    }

    /// <summary>Gets the stage converted from.</summary>
    public OpportunityStage From { get; }

    /// <summary>Gets the stage converted to.</summary>
    public OpportunityStage To { get; }

    /// <summary>Gets how a skipped stage and a move backwards are treated.</summary>
    public StageConversionMode Mode { get; }

    /// <summary>Gets how soon after reaching <see cref="From"/> an opportunity must reach <see cref="To"/>, in calendar days of the report's zone.</summary>
    /// <value>The window, or null for none.</value>
    public Period? Window { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description =>
        $"share of opportunities that reached {From} in the period and later reached {To}"
        + (Mode == StageConversionMode.Ordered ? " through every stage in order" : string.Empty)
        + (Window is { } w ? $" within {Describe(w)}" : string.Empty);

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; }

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator(this, context.Settings.Zone);
    }

    /// <summary>Returns when the opportunity reached From and whether it reached To in time.</summary>
    private (Instant? Reached, bool Converted) Path(Opportunity opportunity, DateTimeZone zone)
    {
        var (reached, converted) = Mode == StageConversionMode.Ordered
            ? _progress.OrderedPath(opportunity, From, To)
            : (_progress.PassedAt(opportunity, From), _progress.PassedAt(opportunity, To));
        if (reached is not { } start || converted is not { } end)
        {
            return (reached, false);
        }

        return (reached, Window is not { } window || end <= Deadline(start, window, zone));
    }

    /// <summary>The same local time <paramref name="window"/> later, in the zone (a skipped local time moves on by the gap).</summary>
    internal static Instant Deadline(Instant start, Period window, DateTimeZone zone) =>
        (start.InZone(zone).LocalDateTime + window).InZoneLeniently(zone).ToInstant();

    private static bool IsDays(Period window) =>
        !window.HasTimeComponent
        && window.Years >= 0 && window.Months >= 0 && window.Weeks >= 0 && window.Days >= 0
        && window != Period.Zero;

    private static string Describe(Period window)
    {
        var parts = new List<string>(4);
        Add(window.Years, "year");
        Add(window.Months, "month");
        Add(window.Weeks, "week");
        Add(window.Days, "day");
        return string.Join(' ', parts);

        void Add(int n, string unit)
        {
            if (n != 0)
            {
                parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? string.Empty : "s")}"));
            }
        }
    }

    private sealed class Accumulator(StageConversionCalculator owner, DateTimeZone zone) : RecordAccumulator<Opportunity>
    {
        private long _numerator;
        private long _denominator;

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            var o = (Accumulator)other;
            _numerator += o._numerator;
            _denominator += o._denominator;
        }

        public override KpiValue GetValue() => KpiValue.Ratio(_numerator, _denominator, owner._emptyReason);

        protected override void Take(Opportunity record, KpiPeriod period)
        {
            var (reached, converted) = owner.Path(record, zone);
            if (reached is null)
            {
                return;
            }

            _denominator++;
            if (converted)
            {
                _numerator++;
            }
        }
    }
}
