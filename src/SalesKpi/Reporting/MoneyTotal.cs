using System.Globalization;
using NodaTime;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// A mergeable sum of money that applies the currency rules of <see cref="KpiSettings"/>: amounts are summed in the
/// reporting currency (converted at their rate date when exchange rates are configured), an amount with no rate is
/// counted as unpriced instead of summed, and mixing currencies with no way to convert them is an error.
/// </summary>
/// <threadsafety>Used by one thread at a time, like an accumulator.</threadsafety>
public sealed class MoneyTotal
{
    private readonly KpiSettings _settings;
    private Currency? _currency;

    internal MoneyTotal(KpiSettings settings)
    {
        _settings = settings;
        _currency = settings.ReportingCurrency;
    }

    /// <summary>Gets the sum, in <see cref="Currency"/>.</summary>
    public decimal Amount { get; private set; }

    /// <summary>Gets the currency of the sum: the reporting currency, or the one currency of the amounts added.</summary>
    /// <value>The currency, or null when there is no reporting currency and nothing was added.</value>
    public Currency? Currency => _currency;

    /// <summary>Gets the number of amounts that could not be priced in the reporting currency and are not in <see cref="Amount"/>.</summary>
    public int UnpricedCount { get; private set; }

    /// <summary>Gets the number of amounts added, priced or not.</summary>
    public long Count { get; private set; }

    /// <summary>Adds an amount.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="eventDate">The local date of the event the amount belongs to; the rate date unless the settings fix one.</param>
    /// <exception cref="InvalidOperationException">The amount's currency differs from the sum's and no exchange rates are
    /// configured, or the exchange-rate provider returned a rate that is zero or negative.</exception>
    /// <exception cref="OverflowException">The sum, or the amount converted, overflows a <see cref="decimal"/>; the engine
    /// then reports the KPI's value as undefined for that group and period.</exception>
    public void Add(Money amount, LocalDate eventDate)
    {
        Count++;
        if (_currency is not { } target)
        {
            _currency = amount.Currency;
            Amount += amount.Amount;
            return;
        }

        if (amount.Currency == target)
        {
            Amount += amount.Amount;
            return;
        }

        var rates = _settings.ExchangeRates;
        Preconditions.CheckState(
            rates is not null,
            _settings.ReportingCurrency is null
                ? CannotSum(target, amount.Currency)
                : $"Cannot report an amount in {amount.Currency} in {target}: no exchange-rate provider is configured in KpiSettings.");
        var rateDate = _settings.FixedRateDate ?? eventDate;
        if (rates.TryGetRate(amount.Currency, target, rateDate, out var rate))
        {
            if (rate <= 0m)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The exchange-rate provider {rates.GetType().Name} returned the rate {rate} for {amount.Currency} to {target} on {rateDate:uuuu-MM-dd}; a rate must be greater than zero (return false from TryGetRate when no rate is known)."));
            }

            Amount += amount.Amount * rate;
        }
        else
        {
            UnpricedCount++;
        }
    }

    /// <summary>Adds another total accumulated over a disjoint part of the data.</summary>
    /// <param name="other">The other total.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The totals are in different currencies.</exception>
    public void Merge(MoneyTotal other)
    {
        Preconditions.CheckNotNull(other);
        if (other._currency is { } c)
        {
            if (_currency is { } mine && mine != c)
            {
                throw new InvalidOperationException(CannotSum(mine, c));
            }
            _currency = c;
        }

        Amount += other.Amount;
        UnpricedCount += other.UnpricedCount;
        Count += other.Count;
    }

    /// <summary>Adds <paramref name="count"/> amounts in one currency that add up to <paramref name="amount"/>, as if each were added.</summary>
    /// <remarks>The caller guarantees that the amounts need no conversion: <paramref name="currency"/> is the reporting currency, or there is none and the total is empty or in that currency.</remarks>
    internal void AddExact(decimal amount, long count, Currency currency)
    {
        System.Diagnostics.Debug.Assert(_currency is null || _currency == currency, "The amounts need no conversion.");
        Count += count;
        _currency ??= currency;
        Amount += amount;
    }

    /// <summary>
    /// Adds <paramref name="count"/> amounts in one currency, on one event date, that add up to <paramref name="sum"/>,
    /// as if each were added with <see cref="Add"/>: what a database aggregated per currency and date.
    /// </summary>
    /// <remarks>Converted at one rate, the sum is the sum of the converted amounts whenever their products are exact in a decimal (amounts of up to 28 significant digits with the rate's).</remarks>
    internal void AddMany(decimal sum, Currency currency, long count, LocalDate eventDate)
    {
        if (count == 0)
        {
            return;
        }

        if (_currency is not { } target || currency == target)
        {
            AddExact(sum, count, currency);
            return;
        }

        var unpricedBefore = UnpricedCount;
        Add(new Money(sum, currency), eventDate);
        Count += count - 1;
        if (UnpricedCount != unpricedBefore)
        {
            UnpricedCount = checked(UnpricedCount + (int)(count - 1));
        }
    }

    /// <summary>Returns the sum as money.</summary>
    /// <returns>The sum; zero in <see cref="SalesKpi.Currency.None"/> when there is no currency yet.</returns>
    public Money ToMoney() => new(Amount, _currency ?? default);

    // The currencies in the order of their codes, so that the message is the same whichever amount came first (the
    // order in which records are summed differs between engines and partitions).
    private static string CannotSum(Currency a, Currency b)
    {
        var (first, second) = string.CompareOrdinal(a.Code, b.Code) <= 0 ? (a, b) : (b, a);
        return $"Cannot sum amounts in {first} and {second}: set a reporting currency and an exchange-rate provider in KpiSettings.";
    }
}
