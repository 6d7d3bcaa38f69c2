using NodaTime;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>lead-response-sla</c>: the share of the leads created in the period whose first activity came within a threshold
/// of their creation (one hour by default).
/// </summary>
/// <remarks>
/// <para>A lead's first activity is found as in <c>lead-response-time</c>. A response exactly at the threshold meets
/// it; a lead never touched counts as missed (in the denominator, not the numerator). Undefined when no lead was
/// created in the period.</para>
/// </remarks>
/// <example>
/// <code>
/// var within15Minutes = new LeadResponseSlaCalculator(new LeadResponseSlaOptions { Id = "lead-response-sla-15m", Threshold = Duration.FromMinutes(15) });
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class LeadResponseSlaCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options; the defaults (one hour, <c>lead-response-sla</c>) when null.</param>
    /// <exception cref="ArgumentException">The id is not kebab-case.</exception>
    public LeadResponseSlaCalculator(LeadResponseSlaOptions? options = null)
        : base((options ??= new LeadResponseSlaOptions()).Id)
    {
        Threshold = options.Threshold;
    }

    /// <summary>Gets the longest response that meets the service level.</summary>
    public Duration Threshold { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override KpiDirection Direction => KpiDirection.HigherIsBetter;

    /// <inheritdoc />
    public override string Description => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"share of the leads created in the period first touched within {KpiValue.Format((decimal)Threshold.TotalMinutes)} minutes (untouched leads miss)");

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Leads(static l => l.CreatedAt, "created at")];

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator(LeadFirstTouch.Of(context.Data), Threshold);
    }

    private sealed class Accumulator(IReadOnlyDictionary<LeadId, Instant> firstTouch, Duration threshold) : KpiAccumulator
    {
        private long _leads;
        private long _met;

        public override void Add(Lead lead, KpiPeriod period)
        {
            Preconditions.CheckNotNull(lead);
            Preconditions.CheckNotNull(period);
            _leads++;
            if (LeadFirstTouch.ResponseTime(firstTouch, lead) is { } response && response <= threshold)
            {
                _met++;
            }
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            var o = (Accumulator)other;
            _leads += o._leads;
            _met += o._met;
        }

        public override KpiValue GetValue() => KpiValue.Ratio(_met, _leads, "no leads created in the period");
    }
}
