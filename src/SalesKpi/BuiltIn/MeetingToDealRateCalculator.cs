using SalesKpi.Activities;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>meeting-to-deal-rate</c>: deals won in the period (by close date) per meeting held in the period (by occurrence),
/// the last step of seed 000's funnel (one appointment in three closing).
/// </summary>
/// <remarks>
/// <para>Deals and meetings are counted in the same period but are not linked one to one, so the value can exceed 1.
/// Undefined when there are no meetings.</para>
/// </remarks>
/// <example>
/// <code>
/// KpiValue rate = Kpis.MeetingToDealRate.Evaluate(data, new DateInterval(start, end)); // 50 deals / 150 meetings = 0.333…
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class MeetingToDealRateCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public MeetingToDealRateCalculator(string id = KpiIds.MeetingToDealRate)
        : base(id)
    {
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description => "won deals / meetings";

    /// <inheritdoc />
    public override KpiMeasure Measure { get; } =
        KpiMeasure.Ratio(KpiRecords.Deals, KpiRecords.Activities.OfKind(SalesActivityKind.Meeting), "no meetings in the period");

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs => Measure.Inputs;

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return Measure.CreateAccumulator(context);
    }
}
