using NodaTime;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>open-deal-age</c>: of the opportunities open at the end of the period, the mean number of days from the date each
/// was created to the period's last day, in the report's time zone; the median and percentiles are in the value too
/// (<see cref="KpiValue.Median"/>).
/// </summary>
/// <remarks>
/// <para>An opportunity is open at the end of the period by the rule of <see cref="QualifiedPipelineCalculator"/>: it
/// was created before the period's end and closed at or after it, or is still open. One created on the period's last
/// day is 0 days old. The value is undefined when no opportunity is open at the period's end.</para>
/// </remarks>
/// <example>
/// <code>
/// KpiValue age = Kpis.OpenDealAge.Evaluate(data, march); // age.Value: mean days; age.Median: median days
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class OpenDealAgeCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's id; <c>open-deal-age</c> by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public OpenDealAgeCalculator(string id = KpiIds.OpenDealAge)
        : base(id)
    {
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Days;

    /// <inheritdoc />
    public override KpiDirection Direction => KpiDirection.LowerIsBetter;

    /// <inheritdoc />
    public override string Description => "mean days since creation of the opportunities open at period end";

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.OpportunitiesAlive()];

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Sample(context.Settings);
    }

    private sealed class Sample(KpiSettings settings) : KpiAccumulator
    {
        private readonly List<decimal> _days = [];

        public override void Add(Opportunity opportunity, KpiPeriod period)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(period);
            if (opportunity.IsOpenAt(period.End))
            {
                _days.Add(Period.DaysBetween(settings.LocalDateOf(opportunity.CreatedAt), period.Dates.End));
            }
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            _days.AddRange(((Sample)other)._days);
        }

        public override KpiValue GetValue() => KpiValue.Durations(_days, "no opportunities open at the end of the period");
    }
}
