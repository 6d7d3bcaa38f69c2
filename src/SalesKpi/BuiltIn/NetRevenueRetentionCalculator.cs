using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>net-revenue-retention</c>: the recurring revenue at the end of the period from the customers active at its start,
/// divided by their recurring revenue at the start.
/// </summary>
/// <remarks>
/// <para>A customer's recurring revenue on a date is the sum of <see cref="Deal.RecurringMonthly"/> over its deals whose
/// term contains the date, converted at that date. Expansion (add-ons, upsells) lifts the value above 1; churn and
/// contraction lower it. Customers new during the period are left out of both sides. Undefined when the start
/// customers had no recurring revenue.</para>
/// </remarks>
/// <example>
/// <code>
/// // Start customers: 10,000 USD a month on 1 January; the same customers 11,000 USD a month on 31 December: 1.1.
/// KpiValue nrr = Kpis.NetRevenueRetention.Evaluate(data, year);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class NetRevenueRetentionCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public NetRevenueRetentionCalculator(string id = KpiIds.NetRevenueRetention)
        : base(id)
    {
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description => "recurring revenue at end from start customers / their recurring revenue at start";

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.DealTerms()];

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator(context);
    }

    private sealed class Accumulator(KpiCalculatorContext context) : KpiAccumulator
    {
        private readonly Dictionary<AccountId, (MoneyTotal Start, MoneyTotal End, bool Active)> _accounts = [];

        public override void Add(Deal deal, KpiPeriod period)
        {
            Preconditions.CheckNotNull(deal);
            Preconditions.CheckNotNull(period);
            var term = deal.Term!;
            var start = term.Contains(period.Dates.Start);
            var end = term.Contains(period.Dates.End);
            if (!start && !end)
            {
                return;
            }

            var entry = Entry(deal.Account);
            if (start)
            {
                entry.Active = true;
                if (deal.RecurringMonthly is { } mrr)
                {
                    entry.Start.Add(mrr, period.Dates.Start);
                }
            }

            if (end && deal.RecurringMonthly is { } mrrEnd)
            {
                entry.End.Add(mrrEnd, period.Dates.End);
            }

            _accounts[deal.Account] = entry;
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            foreach (var (account, theirs) in ((Accumulator)other)._accounts)
            {
                var mine = Entry(account);
                mine.Start.Merge(theirs.Start);
                mine.End.Merge(theirs.End);
                mine.Active |= theirs.Active;
                _accounts[account] = mine;
            }
        }

        public override KpiValue GetValue()
        {
            var start = context.CreateMoneyTotal();
            var end = context.CreateMoneyTotal();
            foreach (var (_, entry) in _accounts)
            {
                if (entry.Active)
                {
                    start.Merge(entry.Start);
                    end.Merge(entry.End);
                }
            }

            return KpiValue.Ratio(end.Amount, start.Amount, "the customers active at the start had no recurring revenue")
                .WithUnpriced(start.UnpricedCount + end.UnpricedCount);
        }

        private (MoneyTotal Start, MoneyTotal End, bool Active) Entry(AccountId account) =>
            _accounts.TryGetValue(account, out var e) ? e : (context.CreateMoneyTotal(), context.CreateMoneyTotal(), false);
    }
}
