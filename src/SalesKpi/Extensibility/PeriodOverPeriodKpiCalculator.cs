using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Extensibility;

/// <summary>
/// The change of a KPI from the previous period to this one, (current − previous) / previous: itself a KPI.
/// </summary>
/// <remarks>
/// <para>The previous period is the period of the same unit before this one (the previous week, month, …); for an
/// unbucketed report, the same number of days immediately before the range. When the range starts inside a bucket, its
/// first, clipped period is compared with the whole bucket before it (a range from 15 March, per month, compares
/// 15–31 March with February). The value is undefined — not zero — when the previous value is zero or either value is
/// undefined.</para>
/// </remarks>
/// <example>
/// <code>
/// var callGrowth = new PeriodOverPeriodKpiCalculator("calls-growth", Kpis.Calls);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class PeriodOverPeriodKpiCalculator : DerivedKpiCalculator
{
    /// <summary>Initializes a period-over-period KPI.</summary>
    /// <param name="id">The new KPI's kebab-case identifier.</param>
    /// <param name="source">The KPI whose change is measured.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public PeriodOverPeriodKpiCalculator(string id, KpiCalculator source)
        : base(id, [Preconditions.CheckNotNull(source)])
    {
        Source = source;
    }

    /// <summary>Gets the KPI whose change is measured.</summary>
    public KpiCalculator Source { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override KpiDirection Direction => Source.Direction;

    /// <inheritdoc />
    public override bool UsesPreviousPeriod => true;

    /// <inheritdoc />
    public override string Description => $"period-over-period change of {Source.Id}";

    /// <inheritdoc />
    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        return Change(values.Current(0), values.Previous(0), Source.Id);
    }

    internal static KpiValue Change(KpiValue current, KpiValue? previous, string kpiId)
    {
        if (previous is null)
        {
            return KpiValue.Undefined(KpiUnit.Ratio, "there is no previous period");
        }

        if (previous.Value is not { } before)
        {
            return KpiValue.Undefined(KpiUnit.Ratio, $"{kpiId} is undefined in the previous period: {previous.UndefinedReason}");
        }

        if (current.Value is not { } now)
        {
            return KpiValue.Undefined(KpiUnit.Ratio, $"{kpiId} is undefined: {current.UndefinedReason}");
        }

        return KpiValue.Ratio(now - before, before, $"{kpiId} was zero in the previous period");
    }
}
