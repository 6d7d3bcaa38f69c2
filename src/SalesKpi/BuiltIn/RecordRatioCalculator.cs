using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// The share of the records of one collection that match a second predicate among those that match a first:
/// numerator / denominator, by count or by amount. The shape of the email rates, of the close rate and of most custom
/// conversion rates.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
/// <remarks>
/// <para>A record is in the numerator only when it is also in the denominator, so the value is within [0, 1]. The
/// value is undefined when the denominator is zero, with the reason given at construction.</para>
/// </remarks>
/// <example>
/// <code>
/// var demoToDeal = new RecordRatioCalculator&lt;Opportunity&gt;("demo-win-rate",
///     KpiInput.Opportunities(o => o.ClosedAt, "closed at"),
///     denominator: o => o.IsClosed &amp;&amp; o.FirstEntered(new OpportunityStage("Demo")) is not null,
///     numerator: o => o.Status == OpportunityStatus.Won);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads, provided the delegates are.</threadsafety>
internal sealed class RecordRatioCalculator<TRecord> : AggregateKpiCalculator
    where TRecord : class
{
    private readonly KpiInput<TRecord> _input;
    private readonly Func<TRecord, bool> _denominator;
    private readonly Func<TRecord, bool> _numerator;
    private readonly Func<TRecord, Money>? _weight;
    private readonly string _emptyReason;

    /// <summary>Initializes a ratio of records.</summary>
    /// <param name="id">The KPI's kebab-case identifier.</param>
    /// <param name="input">The collection read and what decides the period.</param>
    /// <param name="denominator">True for the records in the denominator.</param>
    /// <param name="numerator">True for the records of the denominator that are also in the numerator.</param>
    /// <param name="weight">The amount each record weighs, for a ratio by value; by count when null.</param>
    /// <param name="emptyReason">Why the value is undefined when no record is in the denominator.</param>
    /// <param name="description">What the KPI measures.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/>, <paramref name="input"/>, <paramref name="denominator"/> or <paramref name="numerator"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public RecordRatioCalculator(
        string id,
        KpiInput<TRecord> input,
        Func<TRecord, bool> denominator,
        Func<TRecord, bool> numerator,
        Func<TRecord, Money>? weight = null,
        string? emptyReason = null,
        string? description = null)
        : base(id)
    {
        _input = Preconditions.CheckNotNull(input);
        _denominator = Preconditions.CheckNotNull(denominator);
        _numerator = Preconditions.CheckNotNull(numerator);
        _weight = weight;
        _emptyReason = emptyReason ?? "no records in the denominator";
        Description = description ?? $"{id}: share of {input.Description}";
        Inputs = [input];
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description { get; }

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; }

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Ratio(this, context);
    }

    private sealed class Ratio(RecordRatioCalculator<TRecord> owner, KpiCalculatorContext context) : RecordAccumulator<TRecord>
    {
        private readonly MoneyTotal? _numeratorAmount = owner._weight is null ? null : context.CreateMoneyTotal();
        private readonly MoneyTotal? _denominatorAmount = owner._weight is null ? null : context.CreateMoneyTotal();
        private long _numerator;
        private long _denominator;

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            var o = (Ratio)other;
            _numerator += o._numerator;
            _denominator += o._denominator;
            if (_numeratorAmount is not null)
            {
                _numeratorAmount.Merge(o._numeratorAmount!);
                _denominatorAmount!.Merge(o._denominatorAmount!);
            }
        }

        public override KpiValue GetValue() =>
            _numeratorAmount is null
                ? KpiValue.Ratio(_numerator, _denominator, owner._emptyReason)
                : KpiValue.Ratio(_numeratorAmount.Amount, _denominatorAmount!.Amount, ZeroAmountReason()).WithUnpriced(_denominatorAmount.UnpricedCount);

        private string ZeroAmountReason() =>
            _denominator == 0 ? owner._emptyReason
            : _denominatorAmount!.UnpricedCount == _denominator ? "no amount in the denominator could be priced in the reporting currency"
            : "the amounts in the denominator add up to zero";

        protected override void Take(TRecord record, KpiPeriod period)
        {
            if (!owner._denominator(record))
            {
                return;
            }

            var inNumerator = owner._numerator(record);
            _denominator++;
            if (inNumerator)
            {
                _numerator++;
            }

            if (owner._weight is { } weight)
            {
                var amount = weight(record);
                var date = RateDates.Of(owner._input, record, period, context.Settings);
                var unpricedBefore = _denominatorAmount!.UnpricedCount;
                _denominatorAmount.Add(amount, date);
                if (inNumerator && _denominatorAmount.UnpricedCount == unpricedBefore)
                {
                    _numeratorAmount!.Add(amount, date);
                }
            }
        }
    }
}
