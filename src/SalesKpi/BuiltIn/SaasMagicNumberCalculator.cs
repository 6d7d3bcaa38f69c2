using System.Globalization;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>saas-magic-number</c>: how much new annualized recurring revenue each unit of sales and marketing spend bought —
/// (recurring revenue this quarter − last quarter) × 4 / last quarter's sales and marketing spend.
/// </summary>
/// <remarks>
/// <para>It is defined on quarters only. <see cref="Calculate"/> takes <see cref="QuarterlyAmount"/>s, which cannot be
/// built for a month, and refuses a "last quarter" that is not the quarter just before, or spend of another quarter.
/// In a report, evaluate it bucketed by <see cref="PeriodUnit.Quarter"/> over whole quarters: in any other period (a
/// month, a partial quarter, an unbucketed range whose previous period is not the quarter before) it is undefined,
/// with the reason, rather than mixing units.</para>
/// <para>From the data, a quarter's recurring revenue is what the deals' contract terms earn in it: each month's
/// recurring amount, pro-rated by the days of that month the term covers (a term covering the whole quarter earns three
/// months). Sales and marketing spend is every spend record (record sales costs as a channel of their own), pro-rated
/// by days as in <c>cost-per-lead</c>. Spend has no rep, so grouped by rep or team the value is undefined.</para>
/// <para>The value is a ratio with numerator (this − last) × 4 and denominator the spend; it is negative when recurring
/// revenue fell, and undefined when last quarter's spend is zero.</para>
/// </remarks>
/// <example>
/// <code>
/// // (375,000 − 300,000) × 4 / 250,000 = 1.2.
/// KpiValue magic = SaasMagicNumberCalculator.Calculate(
///     QuarterlyAmount.ForQuarter(2025, 2, new Money(375_000m, Currency.USD)),
///     QuarterlyAmount.ForQuarter(2025, 1, new Money(300_000m, Currency.USD)),
///     QuarterlyAmount.ForQuarter(2025, 1, new Money(250_000m, Currency.USD)));
/// KpiReport report = Kpis.SaasMagicNumber.Evaluate(data, year, KpiGrouping.None, PeriodUnit.Quarter);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class SaasMagicNumberCalculator : DerivedKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public SaasMagicNumberCalculator(string id = KpiIds.SaasMagicNumber)
        : base(id, [new RecurringRevenueCalculator(), new SalesAndMarketingSpendCalculator()])
    {
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override bool UsesPreviousPeriod => true;

    /// <inheritdoc />
    public override string Description => "(recurring revenue this quarter − last quarter) × 4 / last quarter's sales and marketing spend";

    /// <summary>Returns the SaaS magic number of a quarter.</summary>
    /// <param name="recurringRevenueThisQuarter">The recurring revenue of the quarter measured.</param>
    /// <param name="recurringRevenueLastQuarter">The recurring revenue of the quarter just before it.</param>
    /// <param name="salesAndMarketingSpendLastQuarter">The sales and marketing spend of the quarter just before it.</param>
    /// <returns>A ratio with numerator (this − last) × 4 and denominator the spend; undefined when the spend is zero.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Last quarter is not the quarter just before this one, the spend is of another quarter, or the amounts are in different currencies.</exception>
    public static KpiValue Calculate(
        QuarterlyAmount recurringRevenueThisQuarter,
        QuarterlyAmount recurringRevenueLastQuarter,
        QuarterlyAmount salesAndMarketingSpendLastQuarter)
    {
        Preconditions.CheckNotNull(recurringRevenueThisQuarter);
        Preconditions.CheckNotNull(recurringRevenueLastQuarter);
        Preconditions.CheckNotNull(salesAndMarketingSpendLastQuarter);
        var thisQuarter = recurringRevenueThisQuarter.Quarter;
        var lastQuarter = recurringRevenueLastQuarter.Quarter;
        Preconditions.CheckArgument(
            DateMath.IsDayBefore(lastQuarter.End, thisQuarter.Start),
            nameof(recurringRevenueLastQuarter),
            $"Last quarter {lastQuarter} is not the quarter just before {thisQuarter}.");
        Preconditions.CheckArgument(
            salesAndMarketingSpendLastQuarter.Quarter == lastQuarter,
            nameof(salesAndMarketingSpendLastQuarter),
            $"The spend is for {salesAndMarketingSpendLastQuarter.Quarter}, not for last quarter {lastQuarter}.");
        var currency = recurringRevenueThisQuarter.Amount.Currency;
        Preconditions.CheckArgument(
            recurringRevenueLastQuarter.Amount.Currency == currency,
            nameof(recurringRevenueLastQuarter),
            $"Last quarter's revenue is in {recurringRevenueLastQuarter.Amount.Currency}, this quarter's in {currency}.");
        Preconditions.CheckArgument(
            salesAndMarketingSpendLastQuarter.Amount.Currency == currency,
            nameof(salesAndMarketingSpendLastQuarter),
            $"The spend is in {salesAndMarketingSpendLastQuarter.Amount.Currency}, the revenue in {currency}.");
        var growth = recurringRevenueThisQuarter.Amount.Amount - recurringRevenueLastQuarter.Amount.Amount;
        return KpiValue.Ratio(growth * 4m, salesAndMarketingSpendLastQuarter.Amount.Amount, "there was no sales and marketing spend last quarter");
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The recurring revenue and the spend are in different currencies.</exception>
    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        var period = values.Period.Dates;
        if (!QuarterlyAmount.IsQuarter(period))
        {
            return KpiValue.Undefined(
                Unit,
                string.Create(CultureInfo.InvariantCulture, $"{Id} is defined on quarters: evaluate it by PeriodUnit.Quarter over whole quarters; {QuarterlyAmount.Describe(period)}"));
        }

        var previous = values.PreviousPeriod;
        if (previous is null || !QuarterlyAmount.IsQuarter(previous.Dates) || !DateMath.IsDayBefore(previous.Dates.End, period.Start))
        {
            return KpiValue.Undefined(
                Unit,
                string.Create(CultureInfo.InvariantCulture, $"{Id} needs the quarter before {period}, and the previous period {previous?.Dates} is not it: evaluate it by PeriodUnit.Quarter"));
        }

        var revenueNow = values.Current(0);
        var revenueBefore = values.Previous(0)!;
        var spendBefore = values.Previous(1)!;
        if (ComponentMoney.FirstUndefined(Components, revenueNow, values.Current(1), revenueBefore, spendBefore) is { } reason)
        {
            return KpiValue.Undefined(Unit, reason);
        }

        var currency = new[] { revenueNow, revenueBefore, spendBefore }
            .Select(v => v.Currency)
            .FirstOrDefault(c => c is { } known && known != Currency.None) ?? Currency.None;
        var value = Calculate(
            new QuarterlyAmount(period, ComponentMoney.In(revenueNow, currency, Components[0].Id)),
            new QuarterlyAmount(previous.Dates, ComponentMoney.In(revenueBefore, currency, Components[0].Id)),
            new QuarterlyAmount(previous.Dates, ComponentMoney.In(spendBefore, currency, Components[1].Id)));
        return value.WithUnpriced(revenueNow.UnpricedCount + revenueBefore.UnpricedCount + spendBefore.UnpricedCount);
    }
}
