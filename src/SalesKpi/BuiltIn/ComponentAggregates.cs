using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>open-opportunities</c>, a component of <c>sales-velocity</c>: the opportunities open at the end of the period
/// (created before its end and not closed before it), with their total amount converted at the period's last date.
/// </summary>
internal sealed class OpenOpportunitiesCalculator() : AggregateKpiCalculator("open-opportunities")
{
    public override KpiUnit Unit => KpiUnit.Count;

    public override string Description => "opportunities open at the end of the period";

    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.OpportunitiesAlive()];

    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator(context.CreateMoneyTotal());
    }

    private sealed class Accumulator(MoneyTotal total) : KpiAccumulator
    {
        private long _count;

        private MoneyTotal Total => total;

        public override void Add(Opportunity opportunity, KpiPeriod period)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(period);
            if (opportunity.IsOpenAt(period.End))
            {
                _count++;
                total.Add(opportunity.Amount, period.Dates.End);
            }
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            var o = (Accumulator)other;
            _count += o._count;
            total.Merge(o.Total);
        }

        public override KpiValue GetValue() => KpiValue.Count(_count, total.Currency is null ? null : total.ToMoney(), total.UnpricedCount);
    }
}

/// <summary>
/// <c>pipeline-expected-to-close</c>, a component of <c>pipeline-coverage</c>: the amount of the opportunities that are
/// open and expected to close in the period (by expected close date), unweighted, converted at the expected close date.
/// </summary>
internal sealed class PipelineExpectedToCloseCalculator() : AggregateKpiCalculator("pipeline-expected-to-close")
{
    public override KpiUnit Unit => KpiUnit.Money;

    public override string Description => "amount of the open opportunities expected to close in the period";

    public override IReadOnlyList<KpiInput> Inputs { get; } =
        [KpiInput.OpportunitiesByDate(static o => o.Status == OpportunityStatus.Open ? o.ExpectedClose : null, "expected close date")];

    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator(context.CreateMoneyTotal());
    }

    private sealed class Accumulator(MoneyTotal total) : KpiAccumulator
    {
        private MoneyTotal Total => total;

        public override void Add(Opportunity opportunity, KpiPeriod period)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(period);
            total.Add(opportunity.Amount, opportunity.ExpectedClose!.Value);
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            total.Merge(((Accumulator)other).Total);
        }

        public override KpiValue GetValue() => KpiValue.FromMoney(total.ToMoney(), total.UnpricedCount);
    }
}

/// <summary>
/// <c>recurring-revenue</c>, a component of <c>saas-magic-number</c>: the recurring revenue earned in the period by the
/// deals whose contract term covers it — each month's recurring amount, pro-rated by the days of that month the term
/// covers (rounded to 10 decimal places, so that sums are exact in any order). A term that covers a whole quarter earns
/// three times its monthly amount.
/// </summary>
internal sealed class RecurringRevenueCalculator() : AggregateKpiCalculator("recurring-revenue")
{
    public override KpiUnit Unit => KpiUnit.Money;

    public override string Description => "recurring revenue earned in the period, pro-rated by the days of each month the contract term covers";

    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.DealTerms()];

    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator(context.CreateMoneyTotal());
    }

    internal static decimal Earned(decimal monthly, DateInterval term, DateInterval period)
    {
        var start = term.Start > period.Start ? term.Start : period.Start;
        var end = term.End < period.End ? term.End : period.End;
        var earned = 0m;
        var monthStart = new LocalDate(start.Year, start.Month, 1);
        while (monthStart <= end)
        {
            var days = monthStart.Calendar.GetDaysInMonth(monthStart.Year, monthStart.Month);
            var monthEnd = monthStart.PlusDays(days - 1);
            var from = start > monthStart ? start : monthStart;
            var to = end < monthEnd ? end : monthEnd;
            var covered = Period.DaysBetween(from, to) + 1;
            earned += covered == days ? monthly : SpendProration.Prorate(monthly, covered, days);
            if (monthEnd >= end)
            {
                break;
            }

            monthStart = monthEnd.PlusDays(1);
        }

        return earned;
    }

    private sealed class Accumulator(MoneyTotal total) : KpiAccumulator
    {
        private MoneyTotal Total => total;

        public override void Add(Deal deal, KpiPeriod period)
        {
            Preconditions.CheckNotNull(deal);
            Preconditions.CheckNotNull(period);
            var term = deal.Term!;
            if (deal.RecurringMonthly is not { } monthly || term.End < period.Dates.Start || term.Start > period.Dates.End)
            {
                return;
            }

            var start = term.Start > period.Dates.Start ? term.Start : period.Dates.Start;
            total.Add(new Money(Earned(monthly.Amount, term, period.Dates), monthly.Currency), start);
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            total.Merge(((Accumulator)other).Total);
        }

        public override KpiValue GetValue() => KpiValue.FromMoney(total.ToMoney(), total.UnpricedCount);
    }
}

/// <summary>
/// <c>sales-and-marketing-spend</c>, a component of <c>saas-magic-number</c>: the spend records (every channel; record
/// sales costs as a channel of their own) in the period, pro-rated by days as in <c>cost-per-lead</c>.
/// </summary>
internal sealed class SalesAndMarketingSpendCalculator(string id = "sales-and-marketing-spend") : AggregateKpiCalculator(id)
{
    public override KpiUnit Unit => KpiUnit.Money;

    public override KpiDirection Direction => KpiDirection.LowerIsBetter;

    public override string Description => "sales and marketing spend in the period, pro-rated by days";

    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Spend()];

    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator(context.CreateMoneyTotal());
    }

    private sealed class Accumulator(MoneyTotal total) : KpiAccumulator
    {
        private MoneyTotal Total => total;

        public override void Add(MarketingSpend spend, KpiPeriod period)
        {
            Preconditions.CheckNotNull(spend);
            Preconditions.CheckNotNull(period);
            if (SpendProration.ShareIn(spend, period.Dates) is var (share, from))
            {
                total.Add(share, from);
            }
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            total.Merge(((Accumulator)other).Total);
        }

        public override KpiValue GetValue() => KpiValue.FromMoney(total.ToMoney(), total.UnpricedCount);
    }
}
