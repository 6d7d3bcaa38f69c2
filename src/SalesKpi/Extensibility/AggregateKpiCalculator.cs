using SalesKpi.Reporting;

namespace SalesKpi.Extensibility;

/// <summary>
/// A KPI computed from records: it declares the collections it reads (<see cref="Inputs"/>) and creates, for each
/// group and period, a <see cref="KpiAccumulator"/> that receives the records routed there.
/// </summary>
/// <remarks>
/// <para>This is the extension point for a custom metric; every built-in record KPI derives from it too.</para>
/// </remarks>
/// <example>
/// A custom count of activities of a CRM's own kind <c>demo</c>:
/// <code>
/// public sealed class DemosCalculator : AggregateKpiCalculator
/// {
///     public DemosCalculator() : base("demos") { }
///     public override KpiUnit Unit => KpiUnit.Count;
///     public override IReadOnlyList&lt;KpiInput&gt; Inputs { get; } = [KpiInput.Activities(a => a.OccurredAt, "occurred at")];
///     public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => new Counter();
///
///     private sealed class Counter : KpiAccumulator
///     {
///         private long _count;
///         public override void Add(SalesActivity activity, KpiPeriod period) { if (activity.Kind == new SalesActivityKind("demo")) _count++; }
///         public override void Merge(KpiAccumulator other) => _count += ((Counter)other)._count;
///         public override KpiValue GetValue() => KpiValue.Count(_count);
///     }
/// }
/// </code>
/// </example>
/// <threadsafety>Implementations must be immutable and safe to share across threads.</threadsafety>
public abstract class AggregateKpiCalculator : KpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's kebab-case identifier.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0022:Constructor make noninheritable base class inheritable", Justification = "KpiCalculator is closed to the three kinds the engine evaluates; this kind is the extension point.")]
    protected AggregateKpiCalculator(string id)
        : base(id)
    {
    }

    /// <summary>Gets the collections the KPI reads, at most one input per collection.</summary>
    public abstract IReadOnlyList<KpiInput> Inputs { get; }

    /// <summary>
    /// Gets what the KPI accumulates as a declarative <see cref="KpiMeasure"/>, which the engine evaluates in its fused,
    /// columnar scan; null (the default) when the KPI accumulates only through its own <see cref="KpiAccumulator"/>.
    /// </summary>
    /// <remarks>
    /// <para>When this is not null the engine evaluates the KPI from the measure on every path — the columnar scan, or
    /// record by record through the measure's <see cref="KpiMeasure.Inputs"/> and <see cref="KpiMeasure.CreateAccumulator"/>
    /// — and <see cref="Inputs"/> and <see cref="CreateAccumulator"/> are not called; override them to return the
    /// measure's, as <see cref="MeasureKpiCalculator"/> does.</para>
    /// </remarks>
    public virtual KpiMeasure? Measure => null;

    /// <summary>Creates the empty state of one group and period.</summary>
    /// <param name="context">The evaluation's settings, data and services.</param>
    /// <returns>A new accumulator.</returns>
    public abstract KpiAccumulator CreateAccumulator(KpiCalculatorContext context);
}
