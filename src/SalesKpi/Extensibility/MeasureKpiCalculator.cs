using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Extensibility;

/// <summary>
/// A KPI defined by a <see cref="KpiMeasure"/>: the quickest way to a custom metric that the engine evaluates in its
/// fused, columnar scan, with no accumulator to write.
/// </summary>
/// <remarks>
/// <para>The measure decides the unit, the inputs and the accumulator; the calculator adds the id, a description and a
/// direction. It composes, groups, buckets, filters and registers like any KPI.</para>
/// </remarks>
/// <example>
/// <code>
/// var demos = new MeasureKpiCalculator("demos", KpiMeasure.Count(KpiRecords.Activities.OfKind(new SalesActivityKind("demo"))));
/// var lostValue = new MeasureKpiCalculator("lost-value",
///     KpiMeasure.Total(KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Lost)), direction: KpiDirection.LowerIsBetter);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class MeasureKpiCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes a KPI from a measure.</summary>
    /// <param name="id">The KPI's kebab-case identifier.</param>
    /// <param name="measure">What the KPI accumulates.</param>
    /// <param name="description">What the KPI measures; the measure's description when null.</param>
    /// <param name="direction">Whether higher or lower values are better.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="measure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not a defined value.</exception>
    public MeasureKpiCalculator(string id, KpiMeasure measure, string? description = null, KpiDirection direction = KpiDirection.HigherIsBetter)
        : base(id)
    {
        Measure = Preconditions.CheckNotNull(measure);
        Preconditions.CheckRange(Enum.IsDefined(direction), direction, "Unknown direction.", nameof(direction));
        Description = description ?? measure.Description;
        Direction = direction;
    }

    /// <inheritdoc />
    public override KpiMeasure Measure { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => Measure.Unit;

    /// <inheritdoc />
    public override KpiDirection Direction { get; }

    /// <inheritdoc />
    public override string Description { get; }

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs => Measure.Inputs;

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return Measure.CreateAccumulator(context);
    }
}
