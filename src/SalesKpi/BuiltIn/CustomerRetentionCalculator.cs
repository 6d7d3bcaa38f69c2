using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>customer-retention-rate</c>: (E − N) / S, where S is the number of customers active at the start of the period,
/// E the number active at its end, and N the customers active at the end that were not active at the start.
/// </summary>
/// <remarks>
/// <para>A customer (account) is active on a date when the contract term of one of its deals contains the date.
/// Because N counts exactly the customers active at the end but not at the start (new, or won back, during the
/// period), E − N is the number of start customers still active at the end, and the rate is within [0, 1]. Deals
/// with no term do not make a customer active. Grouped by rep, a customer belongs to the owners of its deals. Undefined
/// when no customer was active at the start.</para>
/// </remarks>
/// <example>
/// <code>
/// // 40 customers active on 1 January, 38 on 31 December of whom 4 are new: (38 − 4) / 40 = 0.85.
/// KpiValue retention = Kpis.CustomerRetentionRate.Evaluate(data, year);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class CustomerRetentionCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public CustomerRetentionCalculator(string id = KpiIds.CustomerRetentionRate)
        : base(id)
    {
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description => "(customers active at end − new customers) / customers active at start";

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.DealTerms()];

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator();
    }

    private sealed class Accumulator : KpiAccumulator
    {
        private readonly HashSet<AccountId> _atStart = [];
        private readonly HashSet<AccountId> _atEnd = [];

        public override void Add(Deal deal, KpiPeriod period)
        {
            Preconditions.CheckNotNull(deal);
            Preconditions.CheckNotNull(period);
            var term = deal.Term!;
            if (term.Contains(period.Dates.Start))
            {
                _atStart.Add(deal.Account);
            }

            if (term.Contains(period.Dates.End))
            {
                _atEnd.Add(deal.Account);
            }
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            var o = (Accumulator)other;
            _atStart.UnionWith(o._atStart);
            _atEnd.UnionWith(o._atEnd);
        }

        public override KpiValue GetValue()
        {
            var retained = _atEnd.Count(_atStart.Contains);
            return KpiValue.Ratio(retained, _atStart.Count, "no customers were active at the start of the period");
        }
    }
}

/// <summary>
/// <c>churn-rate</c>: 1 − customer retention rate, the share of the customers active at the start of the period that
/// are no longer active at its end.
/// </summary>
/// <example>
/// <code>
/// KpiValue churn = Kpis.ChurnRate.Evaluate(data, year); // (40 − 34) / 40 = 0.15
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class ChurnRateCalculator : DerivedKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="retention">The retention KPI it complements; the built-in one when null.</param>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public ChurnRateCalculator(CustomerRetentionCalculator? retention = null, string id = KpiIds.ChurnRate)
        : base(id, [retention ?? new CustomerRetentionCalculator()])
    {
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override KpiDirection Direction => KpiDirection.LowerIsBetter;

    /// <inheritdoc />
    public override string Description => "1 − customer retention rate";

    /// <inheritdoc />
    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        var retention = values.Current(0);
        return retention.IsDefined
            ? KpiValue.Ratio(retention.Denominator!.Value - retention.Numerator!.Value, retention.Denominator.Value)
            : KpiValue.Undefined(KpiUnit.Ratio, retention.UndefinedReason!);
    }
}
