using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Marketing;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>customer-acquisition-cost</c>: sales and marketing spend in the period divided by the new customers won in the
/// period.
/// </summary>
/// <remarks>
/// <para>A new customer is an account with a deal of kind <see cref="DealKind.NewBusiness"/> closed in the period,
/// counted once however many new-business deals it closed (add-ons, renewals and win-backs win no new customer). Spend
/// is pro-rated by days exactly as in <c>cost-per-lead</c>. Spend has no rep, so grouped by rep or team the value is
/// undefined. Undefined when no new customer was won.</para>
/// </remarks>
/// <example>
/// <code>
/// // 4,500 USD spent in March, 3 accounts won new business in March: 1,500 USD per new customer.
/// KpiValue cac = Kpis.CustomerAcquisitionCost.Evaluate(data, march);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class CustomerAcquisitionCostCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public CustomerAcquisitionCostCalculator(string id = KpiIds.CustomerAcquisitionCost)
        : base(id)
    {
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Money;

    /// <inheritdoc />
    public override KpiDirection Direction => KpiDirection.LowerIsBetter;

    /// <inheritdoc />
    public override string Description => "sales and marketing spend / new customers (accounts winning new business)";

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Spend(), KpiInput.Deals(static d => d.ClosedAt, "closed at")];

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator(context.CreateMoneyTotal());
    }

    private sealed class Accumulator(MoneyTotal spend) : KpiAccumulator
    {
        private readonly HashSet<AccountId> _customers = [];

        public override void Add(Deal deal, KpiPeriod period)
        {
            Preconditions.CheckNotNull(deal);
            Preconditions.CheckNotNull(period);
            if (deal.Kind == DealKind.NewBusiness)
            {
                _customers.Add(deal.Account);
            }
        }

        public override void Add(MarketingSpend spend1, KpiPeriod period)
        {
            // Named as in KpiAccumulator.Add(MarketingSpend spend, KpiPeriod period), which callers see.
            Preconditions.CheckNotNull(spend1, "spend");
            Preconditions.CheckNotNull(period);
            if (SpendProration.ShareIn(spend1, period.Dates) is var (share, from))
            {
                spend.Add(share, from);
            }
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            var o = (Accumulator)other;
            _customers.UnionWith(o._customers);
            spend.Merge(o.Spend);
        }

        public override KpiValue GetValue() =>
            KpiValue.MoneyRatio(spend.ToMoney(), _customers.Count, "no new customers won in the period", unpricedCount: spend.UnpricedCount);

        private MoneyTotal Spend => spend;
    }
}
