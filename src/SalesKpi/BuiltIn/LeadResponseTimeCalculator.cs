using NodaTime;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>lead-response-time</c> (the median) and <c>lead-response-time-p90</c>: for the leads created in the period, the time
/// from creation to the first activity linked to the lead, in days (fractions of a day: one hour is 1/24).
/// </summary>
/// <remarks>
/// <para>A lead's first activity is the earliest activity whose <see cref="Activities.SalesActivity.Lead"/> is the lead and
/// that occurred at or after its creation, in any period (a lead created on 31 March and first called on 1 April is
/// March's, with a response of about a day). Leads never touched are left out of the sample (<c>lead-response-sla</c>
/// counts them as missed). The value is the configured percentile (linear interpolation between ranks, as
/// <c>sales-cycle-length</c>); the median and 25th, 75th and 90th percentiles and the sample size come with it. Undefined
/// when no lead created in the period was touched. Activities are looked up in the whole snapshot, so a filter on
/// activities does not change which activity is first.</para>
/// </remarks>
/// <example>
/// <code>
/// var p75 = new LeadResponseTimeCalculator(new LeadResponseTimeOptions { Id = "lead-response-time-p75", Percentile = 0.75m });
/// KpiValue median = Kpis.LeadResponseTime.Evaluate(data, march); // median.Value in days
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class LeadResponseTimeCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options; the defaults (the median, <c>lead-response-time</c>) when null.</param>
    /// <exception cref="ArgumentException">The id is not kebab-case.</exception>
    public LeadResponseTimeCalculator(LeadResponseTimeOptions? options = null)
        : base((options ??= new LeadResponseTimeOptions()).Id)
    {
        Percentile = options.Percentile;
    }

    /// <summary>Gets the percentile that is the value, as a fraction (0.5 for the median).</summary>
    public decimal Percentile { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Days;

    /// <inheritdoc />
    public override KpiDirection Direction => KpiDirection.LowerIsBetter;

    /// <inheritdoc />
    public override string Description => Percentile == 0.5m
        ? "median days from lead creation to its first activity, of the leads created in the period that were touched"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{KpiValue.Format(Percentile * 100m)}th percentile of the days from lead creation to its first activity, of the leads created in the period that were touched");

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Leads(static l => l.CreatedAt, "created at")];

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator(LeadFirstTouch.Of(context.Data), Percentile);
    }

    /// <summary>Returns a duration in days, exact to the tick.</summary>
    internal static decimal Days(Duration duration) => (decimal)duration.BclCompatibleTicks / NodaConstants.TicksPerDay;

    private sealed class Accumulator(IReadOnlyDictionary<LeadId, Instant> firstTouch, decimal percentile) : KpiAccumulator
    {
        private readonly List<decimal> _days = [];

        public override void Add(Lead lead, KpiPeriod period)
        {
            Preconditions.CheckNotNull(lead);
            Preconditions.CheckNotNull(period);
            if (LeadFirstTouch.ResponseTime(firstTouch, lead) is { } response)
            {
                _days.Add(Days(response));
            }
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            _days.AddRange(((Accumulator)other)._days);
        }

        public override KpiValue GetValue() =>
            KpiValue.DurationPercentile([.. _days], percentile, "no lead created in the period was touched by an activity");
    }
}
