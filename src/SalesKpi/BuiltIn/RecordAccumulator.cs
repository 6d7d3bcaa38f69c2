using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>An accumulator of one record type: each typed <c>Add</c> checks its arguments and hands the record to <see cref="Take"/>.</summary>
internal abstract class RecordAccumulator<TRecord> : KpiAccumulator
    where TRecord : class
{
    public sealed override void Add(Lead lead, KpiPeriod period)
    {
        Preconditions.CheckNotNull(lead);
        Preconditions.CheckNotNull(period);
        Take((TRecord)(object)lead, period);
    }

    public sealed override void Add(Opportunity opportunity, KpiPeriod period)
    {
        Preconditions.CheckNotNull(opportunity);
        Preconditions.CheckNotNull(period);
        Take((TRecord)(object)opportunity, period);
    }

    public sealed override void Add(Deal deal, KpiPeriod period)
    {
        Preconditions.CheckNotNull(deal);
        Preconditions.CheckNotNull(period);
        Take((TRecord)(object)deal, period);
    }

    public sealed override void Add(SalesActivity activity, KpiPeriod period)
    {
        Preconditions.CheckNotNull(activity);
        Preconditions.CheckNotNull(period);
        Take((TRecord)(object)activity, period);
    }

    public sealed override void Add(MarketingSpend spend, KpiPeriod period)
    {
        Preconditions.CheckNotNull(spend);
        Preconditions.CheckNotNull(period);
        Take((TRecord)(object)spend, period);
    }

    protected abstract void Take(TRecord record, KpiPeriod period);
}

/// <summary>The date at which a record's amount is converted: the local date of its deciding instant, else the period's first day.</summary>
/// <summary>The date an amount of a record is converted at: the local date of its deciding instant, or its period's first day.</summary>
internal static class RateDates
{
    public static NodaTime.LocalDate Of<TRecord>(KpiInput<TRecord> input, TRecord record, KpiPeriod period, KpiSettings settings)
        where TRecord : class =>
        input.DecidingInstant?.Invoke(record) is { } instant ? settings.LocalDateOf(instant) : period.Dates.Start;
}
