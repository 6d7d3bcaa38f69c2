using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>sales-velocity</c>: how much revenue the pipeline produces per day — open opportunities × close rate × average
/// deal size / mean sales-cycle days, in money per day.
/// </summary>
/// <remarks>
/// <para>It combines four KPIs evaluated for the same group and period: the opportunities open at the end of the period
/// (created before its end and not closed before it), <c>close-rate</c>, <c>average-deal-size</c> and the mean of
/// <c>sales-cycle-length</c>. The value is of unit <see cref="KpiUnit.MoneyPerDay"/>, with numerator open × close rate ×
/// average deal size and denominator the mean cycle days. It is undefined with the reason when a component is
/// undefined (nothing closed or won in the period) or the mean cycle is 0 days.</para>
/// </remarks>
/// <example>
/// <code>
/// // 40 open opportunities × 0.25 × 10,000 USD / 50 days = 2,000 USD per day.
/// KpiValue velocity = Kpis.SalesVelocity.Evaluate(data, quarter);
/// KpiValue direct = SalesVelocityCalculator.Calculate(40m, 0.25m, new Money(10_000m, Currency.USD), 50m);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class SalesVelocityCalculator : DerivedKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public SalesVelocityCalculator(string id = KpiIds.SalesVelocity)
        : base(id, [new OpenOpportunitiesCalculator(), Kpis.CloseRate, Kpis.AverageDealSize, Kpis.SalesCycleLength])
    {
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.MoneyPerDay;

    /// <inheritdoc />
    public override string Description => "open opportunities × close rate × average deal size / mean sales-cycle days";

    /// <summary>Returns the sales velocity: open opportunities × close rate × average deal size / mean cycle days.</summary>
    /// <param name="openOpportunities">The number of open opportunities; not negative.</param>
    /// <param name="closeRate">The close rate, a fraction; not negative.</param>
    /// <param name="averageDealSize">The average deal size; not negative.</param>
    /// <param name="meanCycleDays">The mean sales cycle in days; not negative.</param>
    /// <returns>Money per day, in the deal size's currency; undefined when <paramref name="meanCycleDays"/> is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative.</exception>
    public static KpiValue Calculate(decimal openOpportunities, decimal closeRate, Money averageDealSize, decimal meanCycleDays)
    {
        Preconditions.CheckRange(openOpportunities >= 0m, openOpportunities, "The number of open opportunities must not be negative.", nameof(openOpportunities));
        Preconditions.CheckRange(closeRate >= 0m, closeRate, "The close rate must not be negative.", nameof(closeRate));
        Preconditions.CheckRange(averageDealSize.Amount >= 0m, averageDealSize, "The average deal size must not be negative.", nameof(averageDealSize));
        Preconditions.CheckRange(meanCycleDays >= 0m, meanCycleDays, "The mean sales cycle must not be negative.", nameof(meanCycleDays));
        return KpiValue.MoneyRatio(averageDealSize * openOpportunities * closeRate, meanCycleDays, "the mean sales cycle is 0 days", KpiUnit.MoneyPerDay);
    }

    /// <inheritdoc />
    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        for (var i = 0; i < Components.Length; i++)
        {
            var value = values.Current(i);
            if (!value.IsDefined)
            {
                return KpiValue.Undefined(Unit, $"{Components[i].Id} is undefined: {value.UndefinedReason}");
            }
        }

        var open = values.Current(0);
        var average = values.Current(2);
        var unpriced = open.UnpricedCount + values.Current(2).UnpricedCount;
        return Calculate(open.Value!.Value, values.Current(1).Value!.Value, new Money(average.Value!.Value, average.Currency ?? default), values.Current(3).Value!.Value)
            .WithUnpriced(unpriced);
    }
}
