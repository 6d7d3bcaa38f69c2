using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Extensibility;

/// <summary>
/// A KPI evaluated over the records a <see cref="KpiFilter"/> keeps, such as revenue from renewals only or the close
/// rate of one lead source. Create it with <c>Where</c>.
/// </summary>
/// <example>
/// <code>
/// var renewalRevenue = Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue");
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class FilteredKpiCalculator : KpiCalculator
{
    /// <summary>Initializes a filtered KPI.</summary>
    /// <param name="id">The filtered KPI's kebab-case identifier.</param>
    /// <param name="inner">The KPI to filter.</param>
    /// <param name="filter">The records to keep.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public FilteredKpiCalculator(string id, KpiCalculator inner, KpiFilter filter)
        : base(id)
    {
        Inner = Preconditions.CheckNotNull(inner);
        Filter = Preconditions.CheckNotNull(filter);
    }

    /// <summary>Gets the KPI filtered.</summary>
    public KpiCalculator Inner { get; }

    /// <summary>Gets the records kept.</summary>
    public KpiFilter Filter { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => Inner.Unit;

    /// <inheritdoc />
    public override KpiDirection Direction => Inner.Direction;

    /// <inheritdoc />
    public override string Description => $"{Inner.Description} ({Filter.Description})";
}
