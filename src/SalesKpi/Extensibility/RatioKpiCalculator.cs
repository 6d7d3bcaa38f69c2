using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Extensibility;

/// <summary>
/// The ratio of two KPIs for the same group and period, such as calls per deal won: itself a KPI.
/// </summary>
/// <remarks>
/// <para>The value is numerator / denominator. Its unit is <see cref="KpiUnit.Money"/> when the numerator is money and
/// the denominator is not (money per unit), and <see cref="KpiUnit.Ratio"/> otherwise. It is undefined when either
/// component is undefined or the denominator is zero. Money in the denominator is divided by its amount only when
/// both components are money.</para>
/// </remarks>
/// <example>
/// <code>
/// var callsPerDeal = new RatioKpiCalculator("calls-per-deal", Kpis.Calls, Kpis.DealsWon);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class RatioKpiCalculator : DerivedKpiCalculator
{
    private readonly string _zeroReason;

    /// <summary>Initializes a ratio KPI.</summary>
    /// <param name="id">The new KPI's kebab-case identifier.</param>
    /// <param name="numerator">The KPI divided.</param>
    /// <param name="denominator">The KPI it is divided by.</param>
    /// <param name="direction">Whether larger values are better.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public RatioKpiCalculator(string id, KpiCalculator numerator, KpiCalculator denominator, KpiDirection direction = KpiDirection.HigherIsBetter)
        : base(id, [Preconditions.CheckNotNull(numerator), Preconditions.CheckNotNull(denominator)])
    {
        Numerator = numerator;
        Denominator = denominator;
        Direction = direction;
        _zeroReason = $"{denominator.Id} is zero";
    }

    /// <summary>Gets the KPI divided.</summary>
    public KpiCalculator Numerator { get; }

    /// <summary>Gets the KPI it is divided by.</summary>
    public KpiCalculator Denominator { get; }

    /// <inheritdoc />
    public override KpiDirection Direction { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => IsMoneyPerUnit ? KpiUnit.Money : KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description => $"{Numerator.Id} / {Denominator.Id}";

    private bool IsMoneyPerUnit => Numerator.Unit == KpiUnit.Money && Denominator.Unit != KpiUnit.Money;

    /// <inheritdoc />
    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        return Combine(values.Current(0), values.Current(1));
    }

    /// <summary>Returns the ratio of a numerator's and a denominator's values, as <see cref="Combine(KpiCombination)"/> does: for finishing, which has the two values at hand.</summary>
    internal KpiValue Combine(KpiValue n, KpiValue d)
    {
        if (n.Value is not { } num)
        {
            return KpiValue.Undefined(Unit, $"{Numerator.Id} is undefined: {n.UndefinedReason}");
        }

        if (d.Value is not { } den)
        {
            return KpiValue.Undefined(Unit, $"{Denominator.Id} is undefined: {d.UndefinedReason}");
        }

        var reason = _zeroReason;
        return IsMoneyPerUnit
            ? KpiValue.MoneyRatio(new Money(num, n.Currency ?? default), den, reason, unpricedCount: n.UnpricedCount + d.UnpricedCount)
            : KpiValue.Ratio(num, den, reason).WithUnpriced(n.UnpricedCount + d.UnpricedCount);
    }
}
