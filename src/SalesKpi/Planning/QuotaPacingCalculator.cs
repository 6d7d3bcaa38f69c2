using System.Globalization;
using NodaTime;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>
/// <c>quota-pacing</c>: whether a group is on pace for its quota — quota attainment divided by the share of the period
/// that has elapsed, with "now" from the evaluation's <see cref="IClock"/>.
/// </summary>
/// <remarks>
/// <para>The elapsed share is (now − period start) / (period end − period start), measured between the instants the
/// period's dates start and end in the configured time zone (so a 23-hour daylight-saving day counts as 23 hours), and
/// clamped to [0, 1]: after the period, pacing equals attainment. At or before the period's start nothing has elapsed
/// and pacing is undefined, with the reason. 1 or more means on pace: 40% of the quota with half of April gone is a pace
/// of 0.8.</para>
/// <para>The clock comes from <see cref="KpiCalculatorContext.RequireClock"/>: pass one to the
/// <see cref="KpiEvaluator"/> (in tests, NodaTime.Testing's <c>FakeClock</c>).</para>
/// </remarks>
/// <example>
/// <code>
/// var pacing = new QuotaPacingCalculator(attainment); // attainment: a QuotaAttainmentCalculator
/// var evaluator = new KpiEvaluator(clock: clock); // an IClock: SystemClock.Instance in an app, FakeClock in a test
/// KpiReport report = evaluator.Evaluate(data, new KpiQuery(april, [attainment, pacing], KpiGrouping.ByRep, PeriodUnit.Month));
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class QuotaPacingCalculator : DerivedKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="attainment">The quota attainment whose pace is measured.</param>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="attainment"/> or <paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public QuotaPacingCalculator(QuotaAttainmentCalculator attainment, string id = KpiIds.QuotaPacing)
        : base(id, [Preconditions.CheckNotNull(attainment)])
    {
        Attainment = attainment;
    }

    /// <summary>Gets the quota attainment whose pace is measured.</summary>
    public QuotaAttainmentCalculator Attainment { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description => $"{Attainment.Id} / elapsed share of the period";

    /// <summary>Returns the share of a period that has elapsed at an instant, clamped to [0, 1].</summary>
    /// <param name="period">The period's first instant and the first instant after it.</param>
    /// <param name="now">The instant.</param>
    /// <returns>0 at or before the start, 1 at or after the end, the linear share in between.</returns>
    public static decimal ElapsedShare(Interval period, Instant now)
    {
        if (now <= period.Start)
        {
            return 0m;
        }

        if (now >= period.End)
        {
            return 1m;
        }

        return (decimal)(now - period.Start).BclCompatibleTicks / (period.End - period.Start).BclCompatibleTicks;
    }

    /// <summary>Returns the pacing: attainment / elapsed share of the period.</summary>
    /// <param name="attainment">The quota attainment so far, defined or not.</param>
    /// <param name="period">The period's first instant and the first instant after it.</param>
    /// <param name="now">The instant to measure at.</param>
    /// <returns>A ratio with the attainment as numerator and the elapsed share as denominator; undefined with the reason at or before the period's start, or when the attainment is undefined.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="attainment"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="period"/> has no start or no end.</exception>
    public static KpiValue Calculate(KpiValue attainment, Interval period, Instant now)
    {
        Preconditions.CheckNotNull(attainment);
        Preconditions.CheckArgument(period.HasStart && period.HasEnd, nameof(period), "A period for pacing needs a start and an end.");
        if (attainment.Value is not { } value)
        {
            return KpiValue.Undefined(KpiUnit.Ratio, "the quota attainment is undefined: " + attainment.UndefinedReason);
        }

        if (now <= period.Start)
        {
            return KpiValue.Undefined(
                KpiUnit.Ratio,
                string.Create(CultureInfo.InvariantCulture, $"the period has not started: it starts at {period.Start}, now is {now}"));
        }

        return KpiValue.Ratio(value, ElapsedShare(period, now)).WithUnpriced(attainment.UnpricedCount);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The evaluation has no clock.</exception>
    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        var now = values.Context.RequireClock(Id).GetCurrentInstant();
        return Calculate(values.Current(0), new Interval(values.Period.Start, values.Period.End), now);
    }
}
