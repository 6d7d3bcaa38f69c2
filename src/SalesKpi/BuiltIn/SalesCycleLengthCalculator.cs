using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>sales-cycle-length</c>: the days from creation to close of the opportunities won in the period (by close date):
/// mean (the value), median, 25th, 75th and 90th percentiles, with the sample size.
/// </summary>
/// <remarks>
/// <para>A cycle is the number of calendar days between the local dates (in the configured zone) of creation and
/// close: an opportunity created and won on the same day has a cycle of 0. Undefined when nothing was won.</para>
/// </remarks>
/// <example>
/// <code>
/// KpiValue cycle = Kpis.SalesCycleLength.Evaluate(data, year); // cycle.Value is the mean, cycle.Median the median
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class SalesCycleLengthCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public SalesCycleLengthCalculator(string id = KpiIds.SalesCycleLength)
        : base(id)
    {
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Days;

    /// <inheritdoc />
    public override KpiDirection Direction => KpiDirection.LowerIsBetter;

    /// <inheritdoc />
    public override string Description => "days from created to closed of opportunities won in the period";

    /// <inheritdoc />
    public override KpiMeasure Measure { get; } = KpiMeasure.CycleDays(KpiRecords.OpportunitiesWon, "no opportunities won in the period");

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs => Measure.Inputs;

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return Measure.CreateAccumulator(context);
    }
}
