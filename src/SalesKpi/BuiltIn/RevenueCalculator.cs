using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>revenue</c>: the value of the deals won in the period (by close date), in the reporting currency; split by deal
/// kind with <see cref="KpiGrouping.ByDealKind"/> or <see cref="KpiFilter.DealKind"/>.
/// </summary>
/// <remarks>
/// <para>Each deal is converted at its close date unless the settings fix a rate date; a deal with no rate is counted in
/// <see cref="KpiValue.UnpricedCount"/> and left out of the sum.</para>
/// </remarks>
/// <example>
/// <code>
/// KpiValue revenue = Kpis.Revenue.Evaluate(data, quarter);
/// var renewals = Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue");
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class RevenueCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public RevenueCalculator(string id = KpiIds.Revenue)
        : base(id)
    {
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Money;

    /// <inheritdoc />
    public override string Description => "value of the deals won in the period";

    /// <inheritdoc />
    public override KpiMeasure Measure { get; } = KpiMeasure.Total(KpiRecords.Deals);

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs => Measure.Inputs;

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return Measure.CreateAccumulator(context);
    }
}

/// <summary>
/// <c>average-deal-size</c>: revenue / deals won in the period — seed 004's average revenue per sale.
/// </summary>
/// <remarks>
/// <para>Undefined when no deal was won, or when none of the deals won could be priced. Unpriced deals are left out of
/// both the revenue and the count, so the mean is over priced deals only, and <see cref="KpiValue.UnpricedCount"/> says
/// how many were left out.</para>
/// </remarks>
/// <example>
/// <code>
/// KpiValue size = Kpis.AverageDealSize.Evaluate(data, year); // 60,000 USD over 6 deals: 10,000 USD
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class AverageDealSizeCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public AverageDealSizeCalculator(string id = KpiIds.AverageDealSize)
        : base(id)
    {
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Money;

    /// <inheritdoc />
    public override string Description => "revenue / deals won";

    /// <inheritdoc />
    public override KpiMeasure Measure { get; } = KpiMeasure.Average(
        KpiRecords.Deals, "no deals won in the period", "no deal won in the period could be priced in the reporting currency");

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs => Measure.Inputs;

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return Measure.CreateAccumulator(context);
    }
}
