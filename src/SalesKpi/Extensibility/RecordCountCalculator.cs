using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Extensibility;

/// <summary>
/// A count of the records of one collection that match a predicate, optionally with their total amount: the shape of
/// <c>calls</c>, <c>meetings</c>, <c>new-leads</c>, <c>deals-won</c> and of most custom counts.
/// </summary>
/// <typeparam name="TRecord">The record type: <see cref="Lead"/>, <see cref="Opportunity"/>, <see cref="Deal"/>, <see cref="Activity"/> or <see cref="MarketingSpend"/>.</typeparam>
/// <remarks>
/// <para>The value is a <see cref="KpiUnit.Count"/>; when an amount selector is given, <see cref="KpiValue.Amount"/> is
/// the total of the counted records' amounts, converted at the local date of the record's deciding instant.</para>
/// </remarks>
/// <example>
/// <code>
/// var demos = new RecordCountCalculator&lt;Activity&gt;("demos",
///     KpiInput.Activities(a => a.OccurredAt, "occurred at"), a => a.Kind == new ActivityKind("demo"));
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads, provided the delegates are.</threadsafety>
public sealed class RecordCountCalculator<TRecord> : AggregateKpiCalculator
    where TRecord : class
{
    private readonly KpiInput<TRecord> _input;
    private readonly Func<TRecord, bool> _predicate;
    private readonly Func<TRecord, Money>? _amount;

    /// <summary>Initializes a count.</summary>
    /// <param name="id">The KPI's kebab-case identifier.</param>
    /// <param name="input">The collection read and what decides the period.</param>
    /// <param name="predicate">True for the records counted; every record when null.</param>
    /// <param name="amount">The amount of a counted record, when the count reports a total; none when null.</param>
    /// <param name="description">What the KPI counts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public RecordCountCalculator(string id, KpiInput<TRecord> input, Func<TRecord, bool>? predicate = null, Func<TRecord, Money>? amount = null, string? description = null)
        : base(id)
    {
        _input = Preconditions.CheckNotNull(input);
        _predicate = predicate ?? (static _ => true);
        _amount = amount;
        Description = description ?? $"{id}: count of {input.Description}";
        Inputs = [input];
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Count;

    /// <inheritdoc />
    public override string Description { get; }

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; }

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Counter(this, context);
    }

    private sealed class Counter(RecordCountCalculator<TRecord> owner, KpiCalculatorContext context) : RecordAccumulator<TRecord>
    {
        private readonly MoneyTotal? _total = owner._amount is null ? null : context.CreateMoneyTotal();
        private long _count;

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            var o = (Counter)other;
            _count += o._count;
            if (o._total is not null)
            {
                _total!.Merge(o._total);
            }
        }

        public override KpiValue GetValue() =>
            KpiValue.Count(_count, _total?.Currency is null ? null : _total.ToMoney(), _total?.UnpricedCount ?? 0);

        protected override void Take(TRecord record, KpiPeriod period)
        {
            if (!owner._predicate(record))
            {
                return;
            }

            _count++;
            if (owner._amount is { } amount)
            {
                _total!.Add(amount(record), RateDates.Of(owner._input, record, period, context.Settings));
            }
        }
    }
}

/// <summary>An accumulator of one record type: every <c>Add</c> overload forwards to <see cref="Take"/>.</summary>
/// <typeparam name="TRecord">The record type.</typeparam>
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

    public sealed override void Add(Activity activity, KpiPeriod period)
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
internal static class RateDates
{
    public static NodaTime.LocalDate Of<TRecord>(KpiInput<TRecord> input, TRecord record, KpiPeriod period, KpiSettings settings)
        where TRecord : class =>
        input.DecidingInstant?.Invoke(record) is { } instant ? settings.LocalDateOf(instant) : period.Dates.Start;
}
