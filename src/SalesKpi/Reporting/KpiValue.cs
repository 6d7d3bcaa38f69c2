using System.Globalization;
using SalesKpi.Engine;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// The result of evaluating a KPI for one group and period: the value with its unit and everything needed to audit
/// it — numerator and denominator of a ratio, sample size and percentiles of a duration, the amounts that could not
/// be priced — or, when it cannot be computed, the reason why.
/// </summary>
/// <remarks>
/// <para>A value is never NaN or infinite: a ratio with a zero denominator and a statistic of an empty sample are
/// <em>undefined</em>, with <see cref="IsDefined"/> false, <see cref="Value"/> null and <see cref="UndefinedReason"/>
/// saying why.</para>
/// <para>Percentiles use linear interpolation between closest ranks (the method of Excel's <c>PERCENTILE.INC</c>):
/// for a sorted sample x₀ ≤ … ≤ xₙ₋₁ the p-th percentile is at rank h = (n − 1)·p.</para>
/// <para>Equality is component-wise over every property.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.KpiValueJsonConverter))]
public sealed class KpiValue : IEquatable<KpiValue>
{
    // A report holds one value per group, period and KPI, so the object is small: the value and the currency of money
    // inline, flagged in _has, and in _more only what some values have — the reason of an undefined value alone (a
    // string), the Details of a quotient (numerator, denominator, reason), the Sample of durations (size, percentiles,
    // reason), or an Extra with anything else. A count or an amount is one object of 64 bytes; a quotient or a sample
    // adds its details.
    private const byte HasValue = 1;

    // The levels of the percentiles of a sample: p25, median, p75, p90; their ranks ascend in this order.
    private static readonly decimal[] PercentileLevels = [0.25m, 0.5m, 0.75m, 0.9m];
    private const byte HasNumerator = 2;
    private const byte HasDenominator = 4;
    private const byte HasCurrency = 8;
    private const byte HasQuotient = HasNumerator | HasDenominator;

    // Not properties of the value: a value a report shares between cells has a number there (AsShared), so that
    // finishing can tell which pairs of values can repeat and remember them by number. Equality and hashing ignore it;
    // the int fits in the padding of the object, which stays 64 bytes.
    private readonly int _shareId;

    private readonly decimal _value;
    private readonly object? _more;
    private readonly Currency _currency;
    private readonly byte _has;

    private KpiValue(
        KpiUnit unit,
        decimal? value,
        string? undefinedReason,
        Currency? currency = null,
        decimal? numerator = null,
        decimal? denominator = null,
        Money? amount = null,
        int? sampleSize = null,
        decimal? median = null,
        decimal? p25 = null,
        decimal? p75 = null,
        decimal? p90 = null,
        int unpricedCount = 0)
    {
        Unit = unit;
        UnpricedCount = unpricedCount;
        _value = value.GetValueOrDefault();
        _currency = currency.GetValueOrDefault();
        _has = (byte)((value.HasValue ? HasValue : 0) | (numerator.HasValue ? HasNumerator : 0)
            | (denominator.HasValue ? HasDenominator : 0) | (currency.HasValue ? HasCurrency : 0));
        if (sampleSize.HasValue && !numerator.HasValue && !denominator.HasValue && !amount.HasValue
            && (median.HasValue ? p25.HasValue && p75.HasValue && p90.HasValue : !p25.HasValue && !p75.HasValue && !p90.HasValue))
        {
            _more = new Sample(undefinedReason, sampleSize.GetValueOrDefault(), median.HasValue, median.GetValueOrDefault(), p25.GetValueOrDefault(), p75.GetValueOrDefault(), p90.GetValueOrDefault());
        }
        else if (amount.HasValue || sampleSize.HasValue || median.HasValue || p25.HasValue || p75.HasValue || p90.HasValue)
        {
            _more = new Extra(numerator.GetValueOrDefault(), denominator.GetValueOrDefault(), undefinedReason, amount, sampleSize, median, p25, p75, p90);
        }
        else if (numerator.HasValue || denominator.HasValue)
        {
            _more = new Details(numerator.GetValueOrDefault(), denominator.GetValueOrDefault(), undefinedReason);
        }
        else
        {
            _more = undefinedReason;
        }
    }

    // The values a report makes most (counts, ratios, amounts) with the fields set as the constructor above sets them,
    // without its dozen optional arguments.
    private KpiValue(KpiUnit unit, byte has, decimal value, decimal numerator, decimal denominator, Currency currency, string? undefinedReason, int unpricedCount)
    {
        Unit = unit;
        UnpricedCount = unpricedCount;
        _value = value;
        _currency = currency;
        _has = has;
        _more = (has & HasQuotient) != 0 ? new Details(numerator, denominator, undefinedReason) : undefinedReason;
    }

    // The defined mean of a sample of durations with its size and percentiles: the values finishing makes in bulk.
    private KpiValue(Sample sample, decimal mean)
    {
        Unit = KpiUnit.Days;
        _value = mean;
        _has = HasValue;
        _more = sample;
    }

    // A copy of a value marked as shared between a report's cells.
    private KpiValue(KpiValue other, int shareId)
    {
        _shareId = shareId;
        Unit = other.Unit;
        UnpricedCount = other.UnpricedCount;
        _value = other._value;
        _currency = other._currency;
        _more = other._more;
        _has = other._has;
    }

    /// <summary>Makes a value from the fields a document holds (JSON): the constructor every factory ends in, unchecked.</summary>
    internal static KpiValue FromParts(
        KpiUnit unit,
        decimal? value,
        string? undefinedReason,
        Currency? currency,
        decimal? numerator,
        decimal? denominator,
        Money? amount,
        int? sampleSize,
        decimal? median,
        decimal? p25,
        decimal? p75,
        decimal? p90,
        int unpricedCount) =>
        new(unit, value, undefinedReason, currency, numerator, denominator, amount, sampleSize, median, p25, p75, p90, unpricedCount);

    /// <summary>Gets the unit of <see cref="Value"/>.</summary>
    public KpiUnit Unit { get; }

    /// <summary>Gets a value indicating whether the KPI could be computed.</summary>
    public bool IsDefined => Value.HasValue;

    /// <summary>Gets the value: a count, a ratio, an amount in <see cref="Currency"/>, or a mean number of days.</summary>
    /// <value>The value, or null when undefined.</value>
    public decimal? Value => (_has & HasValue) != 0 ? _value : null;

    /// <summary>Gets why the value is undefined.</summary>
    /// <value>A sentence such as "no calls in the period", or null when defined.</value>
    public string? UndefinedReason => _more switch
    {
        string reason => reason,
        Details details => details.Reason,
        Sample sample => sample.Reason,
        _ => null,
    };

    /// <summary>Gets the currency of a money value.</summary>
    /// <value>The currency for <see cref="KpiUnit.Money"/> and <see cref="KpiUnit.MoneyPerDay"/>; otherwise null.</value>
    public Currency? Currency => (_has & HasCurrency) != 0 ? _currency : null;

    /// <summary>Gets the numerator of a ratio (or of a money-per-unit value).</summary>
    /// <value>The numerator, or null when the value is not a quotient.</value>
    public decimal? Numerator => (_has & HasNumerator) != 0 ? ((Details)_more!).Numerator : null;

    /// <summary>Gets the denominator of a ratio (or of a money-per-unit value).</summary>
    /// <value>The denominator, or null when the value is not a quotient.</value>
    public decimal? Denominator => (_has & HasDenominator) != 0 ? ((Details)_more!).Denominator : null;

    /// <summary>Gets the total amount that goes with a count, such as the value of the deals won.</summary>
    /// <value>The amount, or null when the KPI has none.</value>
    public Money? Amount => (_more as Extra)?.Amount;

    /// <summary>Gets the number of observations behind a statistic.</summary>
    /// <value>The sample size for <see cref="KpiUnit.Days"/>; otherwise null.</value>
    public int? SampleSize => _more is Sample sample ? sample.Size : (_more as Extra)?.SampleSize;

    /// <summary>Gets the median of the sample.</summary>
    public decimal? Median => _more is Sample sample ? sample.Median : (_more as Extra)?.Median;

    /// <summary>Gets the 25th percentile of the sample.</summary>
    public decimal? Percentile25 => _more is Sample sample ? sample.Percentile25 : (_more as Extra)?.Percentile25;

    /// <summary>Gets the 75th percentile of the sample.</summary>
    public decimal? Percentile75 => _more is Sample sample ? sample.Percentile75 : (_more as Extra)?.Percentile75;

    /// <summary>Gets the 90th percentile of the sample.</summary>
    public decimal? Percentile90 => _more is Sample sample ? sample.Percentile90 : (_more as Extra)?.Percentile90;

    /// <summary>Gets the number of amounts left out because no exchange rate converts them to the reporting currency.</summary>
    /// <value>Zero when every amount was priced.</value>
    public int UnpricedCount { get; }

    /// <summary>Returns a count.</summary>
    /// <param name="count">The count; not negative.</param>
    /// <param name="amount">The total amount of the counted records, if the KPI reports one.</param>
    /// <param name="unpricedCount">The number of amounts that could not be priced.</param>
    /// <returns>A defined value of unit <see cref="KpiUnit.Count"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> or <paramref name="unpricedCount"/> is negative.</exception>
    public static KpiValue Count(long count, Money? amount = null, int unpricedCount = 0)
    {
        Preconditions.CheckRange(count >= 0, count, "A count must not be negative.", nameof(count));
        Preconditions.CheckRange(unpricedCount >= 0, unpricedCount, "A count must not be negative.", nameof(unpricedCount));
        return amount is null
            ? new(KpiUnit.Count, HasValue, count, 0m, 0m, default, null, unpricedCount)
            : new(KpiUnit.Count, count, null, amount: amount, unpricedCount: unpricedCount);
    }

    /// <summary>Returns a ratio, or an undefined value when the denominator is zero.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator.</param>
    /// <param name="zeroDenominatorReason">Why the ratio is undefined when <paramref name="denominator"/> is zero.</param>
    /// <returns>numerator / denominator, of unit <see cref="KpiUnit.Ratio"/>.</returns>
    public static KpiValue Ratio(decimal numerator, decimal denominator, string zeroDenominatorReason = "the denominator is zero")
    {
        Preconditions.CheckNotNull(zeroDenominatorReason);
        return denominator == 0m
            ? new(KpiUnit.Ratio, HasNumerator | HasDenominator, 0m, numerator, denominator, default, zeroDenominatorReason, 0)
            : TryDivide(numerator, denominator) is { } quotient
                ? new(KpiUnit.Ratio, HasValue | HasNumerator | HasDenominator, quotient, numerator, denominator, default, null, 0)
                : new(KpiUnit.Ratio, null, OverflowReason(numerator, denominator), numerator: numerator, denominator: denominator);
    }

    /// <summary>Returns an amount of money.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="unpricedCount">The number of amounts that could not be priced and are not in <paramref name="money"/>.</param>
    /// <returns>A defined value of unit <see cref="KpiUnit.Money"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unpricedCount"/> is negative.</exception>
    public static KpiValue FromMoney(Money money, int unpricedCount = 0)
    {
        Preconditions.CheckRange(unpricedCount >= 0, unpricedCount, "A count must not be negative.", nameof(unpricedCount));
        return new(KpiUnit.Money, HasValue | HasCurrency, money.Amount, 0m, 0m, money.Currency, null, unpricedCount);
    }

    /// <summary>Returns an amount of money per unit (per lead, per deal, per day), or undefined when the denominator is zero.</summary>
    /// <param name="numerator">The amount.</param>
    /// <param name="denominator">What it is divided by.</param>
    /// <param name="zeroDenominatorReason">Why the value is undefined when <paramref name="denominator"/> is zero.</param>
    /// <param name="unit"><see cref="KpiUnit.Money"/> (the default) or <see cref="KpiUnit.MoneyPerDay"/>.</param>
    /// <param name="unpricedCount">The number of amounts that could not be priced.</param>
    /// <returns>numerator / denominator in the numerator's currency.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a money unit, or <paramref name="unpricedCount"/> is negative.</exception>
    public static KpiValue MoneyRatio(
        Money numerator,
        decimal denominator,
        string zeroDenominatorReason = "the denominator is zero",
        KpiUnit unit = KpiUnit.Money,
        int unpricedCount = 0)
    {
        Preconditions.CheckNotNull(zeroDenominatorReason);
        Preconditions.CheckRange(unit is KpiUnit.Money or KpiUnit.MoneyPerDay, unit, "A money ratio is in Money or MoneyPerDay.", nameof(unit));
        Preconditions.CheckRange(unpricedCount >= 0, unpricedCount, "A count must not be negative.", nameof(unpricedCount));
        if (denominator == 0m)
        {
            return new(unit, HasNumerator | HasDenominator | HasCurrency, 0m, numerator.Amount, denominator, numerator.Currency, zeroDenominatorReason, unpricedCount);
        }

        return TryDivide(numerator.Amount, denominator) is { } quotient
            ? new(unit, HasValue | HasNumerator | HasDenominator | HasCurrency, quotient, numerator.Amount, denominator, numerator.Currency, null, unpricedCount)
            : new(unit, null, OverflowReason(numerator.Amount, denominator), numerator.Currency, numerator.Amount, denominator, unpricedCount: unpricedCount);
    }

    /// <summary>Returns a plain number.</summary>
    /// <param name="value">The number.</param>
    /// <param name="unit">Its unit; <see cref="KpiUnit.Number"/> by default.</param>
    /// <returns>A defined value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is a money unit (use <see cref="FromMoney"/>).</exception>
    public static KpiValue Number(decimal value, KpiUnit unit = KpiUnit.Number)
    {
        Preconditions.CheckRange(unit is not (KpiUnit.Money or KpiUnit.MoneyPerDay), unit, "Use FromMoney or MoneyRatio for money.", nameof(unit));
        return new(unit, value, null);
    }

    /// <summary>Returns the statistics of a sample of durations in days: mean (the value), median, 25th, 75th and 90th percentiles.</summary>
    /// <param name="days">The observations, in any order.</param>
    /// <param name="emptyReason">Why the value is undefined when the sample is empty.</param>
    /// <returns>A value of unit <see cref="KpiUnit.Days"/>; undefined when <paramref name="days"/> is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is null.</exception>
    public static KpiValue Durations(IEnumerable<decimal> days, string emptyReason = "the sample is empty")
    {
        Preconditions.CheckNotNull(days);
        Preconditions.CheckNotNull(emptyReason);
        var sorted = days.ToArray();
        if (sorted.Length == 0)
        {
            return new(KpiUnit.Days, null, emptyReason, sampleSize: 0);
        }

        Array.Sort(sorted);
        var sum = 0m;
        foreach (var d in sorted)
        {
            sum += d;
        }

        return new(
            KpiUnit.Days,
            sum / sorted.Length,
            null,
            sampleSize: sorted.Length,
            median: Percentile(sorted, 0.5m),
            p25: Percentile(sorted, 0.25m),
            p75: Percentile(sorted, 0.75m),
            p90: Percentile(sorted, 0.9m));
    }

    /// <summary>Returns one percentile of a sample of durations in days as the value, with the sample's size, median and 25th, 75th and 90th percentiles; undefined when the sample is empty.</summary>
    internal static KpiValue DurationPercentile(decimal[] days, decimal level, string emptyReason)
    {
        if (days.Length == 0)
        {
            return new(KpiUnit.Days, null, emptyReason, sampleSize: 0);
        }

        var sorted = (decimal[])days.Clone();
        Array.Sort(sorted);
        return new(
            KpiUnit.Days,
            Percentile(sorted, level),
            null,
            sampleSize: sorted.Length,
            median: Percentile(sorted, 0.5m),
            p25: Percentile(sorted, 0.25m),
            p75: Percentile(sorted, 0.75m),
            p90: Percentile(sorted, 0.9m));
    }

    /// <summary>Returns numerator / denominator as a plain <see cref="KpiUnit.Number"/> (a mean per item, not a share), with both; undefined when the denominator is zero.</summary>
    internal static KpiValue PerItem(decimal numerator, decimal denominator, string zeroDenominatorReason) =>
        denominator == 0m
            ? new(KpiUnit.Number, HasNumerator | HasDenominator, 0m, numerator, denominator, default, zeroDenominatorReason, 0)
            : TryDivide(numerator, denominator) is { } quotient
                ? new(KpiUnit.Number, HasValue | HasNumerator | HasDenominator, quotient, numerator, denominator, default, null, 0)
                : new(KpiUnit.Number, null, OverflowReason(numerator, denominator), numerator: numerator, denominator: denominator);

    /// <summary>Returns an undefined value.</summary>
    /// <param name="unit">The unit the value would have.</param>
    /// <param name="reason">Why it cannot be computed.</param>
    /// <returns>An undefined value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public static KpiValue Undefined(KpiUnit unit, string reason) => new(unit, null, Preconditions.CheckNotBlank(reason));

    /// <summary>Returns true when both values are equal in every property, or both are null.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(KpiValue? left, KpiValue? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null
            && left.Unit == right.Unit
            && left.Value == right.Value
            && string.Equals(left.UndefinedReason, right.UndefinedReason, StringComparison.Ordinal)
            && left.Currency == right.Currency
            && left.Numerator == right.Numerator
            && left.Denominator == right.Denominator
            && left.Amount == right.Amount
            && left.SampleSize == right.SampleSize
            && left.Median == right.Median
            && left.Percentile25 == right.Percentile25
            && left.Percentile75 == right.Percentile75
            && left.Percentile90 == right.Percentile90
            && left.UnpricedCount == right.UnpricedCount);

    /// <summary>Returns true when the values differ in any property.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(KpiValue? left, KpiValue? right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> is equal in every property.</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(KpiValue? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KpiValue other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Unit, Value, UndefinedReason, Currency, Numerator, Denominator, Amount, SampleSize);

    /// <summary>
    /// Returns a stable, culture-invariant description: <c>12</c>, <c>0.15 (15 / 100)</c>, <c>1,250.00 USD</c>,
    /// <c>30.5 days (median 30, n = 12)</c> or <c>undefined: no calls in the period</c>; a ratio or a number of days
    /// made with <see cref="Number"/> shows the number alone (<c>0.25</c>, <c>12 days</c>). Numbers show at most four
    /// decimals and money two (rounded half away from zero); <see cref="Value"/> keeps every digit.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        if (Value is not { } value)
        {
            return "undefined: " + UndefinedReason;
        }

        var unpriced = UnpricedCount > 0 ? string.Create(CultureInfo.InvariantCulture, $" [{UnpricedCount} unpriced]") : string.Empty;
        return Unit switch
        {
            KpiUnit.Count => Format(value) + (Amount is { } a ? $" ({a})" : string.Empty) + unpriced,
            KpiUnit.Ratio when Numerator is { } n && Denominator is { } d => $"{Format(value)} ({Format(n)} / {Format(d)})",
            KpiUnit.Money => FormatMoney(value) + unpriced,
            KpiUnit.MoneyPerDay => FormatMoney(value) + " per day" + unpriced,
            KpiUnit.Days when Median is { } median => string.Create(CultureInfo.InvariantCulture, $"{Format(value)} days (median {Format(median)}, n = {SampleSize})"),
            KpiUnit.Days => Format(value) + " days",
            _ => Format(value),
        };
    }

    private string FormatMoney(decimal value)
    {
        // Display only: amounts show cents; Value keeps every digit. An amount with no currency (nothing was summed
        // and no reporting currency is set) shows no code.
        var rounded = new Money(decimal.Round(value, 2, MidpointRounding.AwayFromZero), Currency ?? default);
        return Currency is { } c && c != SalesKpi.Currency.None ? rounded.ToString() : rounded.ToString()[..^4];
    }

    /// <summary>
    /// Returns a number in this value's unit, as <see cref="ToString"/> writes the value without its details:
    /// <c>12</c>, <c>0.15</c>, <c>1,250.00 USD</c>, <c>1,250.00 USD per day</c> or <c>30.5 days</c>. For a number
    /// that is not this value but is measured like it, such as the mean of its peers.
    /// </summary>
    internal string FormatInUnit(decimal value) => Unit switch
    {
        KpiUnit.Money => FormatMoney(value),
        KpiUnit.MoneyPerDay => FormatMoney(value) + " per day",
        KpiUnit.Days => Format(value) + " days",
        _ => Format(value),
    };

    internal static string Format(decimal value) =>
        decimal.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Gets the number of this value among those a report shares between cells (<see cref="AsShared"/>), or 0.</summary>
    internal int ShareId => _shareId;

    /// <summary>Returns an equal value numbered <paramref name="shareId"/> (positive) among those a report shares between cells.</summary>
    internal KpiValue AsShared(int shareId) => new(this, shareId);

    internal KpiValue WithUnpriced(int unpricedCount) =>
        unpricedCount == UnpricedCount
            ? this
            : new(Unit, Value, UndefinedReason, Currency, Numerator, Denominator, Amount, SampleSize, Median, Percentile25, Percentile75, Percentile90, unpricedCount);

    /// <summary>Returns a sample of whole days as <see cref="Durations(IEnumerable{decimal}, string)"/> would from its sorted values.</summary>
    internal static KpiValue Durations(DaySample sample, string emptyReason)
    {
        if (sample.Count == 0)
        {
            return new(KpiUnit.Days, null, emptyReason, sampleSize: 0);
        }

        // The same arithmetic as over the sorted array: the values are whole numbers, so their decimal sum is exact. The
        // eight ranks the four percentiles interpolate between are read in one pass.
        var n = sample.Count;
        Span<long> ranks = stackalloc long[2 * PercentileLevels.Length];
        for (var i = 0; i < PercentileLevels.Length; i++)
        {
            // ⌊(n − 1)·p⌋ in integers: p is 25/100, 5/10, 75/100 or 9/10 and n − 1 ≥ 0, so the division floors it.
            var (digits, unit) = LevelFraction(i);
            var lower = (n - 1) * digits / unit;
            ranks[2 * i] = lower;
            ranks[(2 * i) + 1] = Math.Min(lower + 1, n - 1);
        }

        Span<int> values = stackalloc int[ranks.Length];
        sample.ValuesAt(ranks, values);
        Span<decimal> percentiles = stackalloc decimal[PercentileLevels.Length];
        for (var level = 0; level < PercentileLevels.Length; level++)
        {
            var lower = ranks[2 * level];
            var low = values[2 * level];
            if (low >= 0 && lower + 1 < n)
            {
                percentiles[level] = Interpolate(n - 1, level, low, values[(2 * level) + 1]);
                continue;
            }

            var rank = (n - 1) * PercentileLevels[level];
            var fraction = rank - lower;
            decimal lowValue = low;
            percentiles[level] = lower + 1 < n ? lowValue + (fraction * (values[(2 * level) + 1] - lowValue)) : lowValue;
        }

        // As the general constructor makes it from these arguments (a sample with percentiles and no reason), directly.
        var size = checked((int)n);
        return new(new Sample(null, size, true, percentiles[1], percentiles[0], percentiles[2], percentiles[3]), (decimal)sample.Sum / n);
    }

    /// <summary>
    /// Returns <c>low + fraction × (high − low)</c> for the percentile at <paramref name="level"/> of a sample of
    /// <paramref name="last"/> + 1 whole values, with the bits decimal arithmetic gives it: the level has one or two
    /// decimals (0.25, 0.5, 0.75, 0.9), so the rank (n − 1)·p, its fraction and the result have that scale, the result
    /// being (low·10^s + f·(high − low)) / 10^s for the fraction's digits f. For low ≥ 0 only (no sign to carry).
    /// </summary>
    private static decimal Interpolate(long last, int level, int low, int high)
    {
        var (digits, unit) = LevelFraction(level);
        var scale = (byte)(unit == 100 ? 2 : 1);
        var fraction = last * digits % unit;
        var unscaled = ((long)low * unit) + (fraction * ((long)high - low));
        return new decimal((int)(uint)unscaled, (int)(uint)(unscaled >> 32), 0, false, scale);
    }

    /// <summary>Returns the percentile level at <paramref name="level"/> of <see cref="PercentileLevels"/> as digits / unit.</summary>
    private static (long Digits, long Unit) LevelFraction(int level) => level switch
    {
        0 => (25L, 100L),
        1 => (5L, 10L),
        2 => (75L, 100L),
        _ => (9L, 10L),
    };

    private static decimal? TryDivide(decimal numerator, decimal denominator)
    {
        try
        {
            return numerator / denominator;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static string OverflowReason(decimal numerator, decimal denominator) =>
        string.Create(CultureInfo.InvariantCulture, $"the ratio {numerator} / {denominator} overflows a decimal (more than 7.9 × 10^28)");

    private static decimal Percentile(decimal[] sorted, decimal p)
    {
        var rank = (sorted.Length - 1) * p;
        var lower = (int)decimal.Floor(rank);
        var fraction = rank - lower;
        return lower + 1 < sorted.Length
            ? sorted[lower] + (fraction * (sorted[lower + 1] - sorted[lower]))
            : sorted[lower];
    }

    /// <summary>What a quotient has beside its value: numerator and denominator (each there when flagged in <c>_has</c>), and the reason when undefined.</summary>
    private class Details(decimal numerator, decimal denominator, string? reason)
    {
        public decimal Numerator { get; } = numerator;

        public decimal Denominator { get; } = denominator;

        public string? Reason { get; } = reason;
    }

    /// <summary>What a sample of durations has beside its mean: its size, its four percentiles when it has any (all or none), and the reason when undefined.</summary>
    private sealed class Sample(string? reason, int size, bool hasPercentiles, decimal median, decimal p25, decimal p75, decimal p90)
    {
        private readonly decimal _median = median;
        private readonly decimal _p25 = p25;
        private readonly decimal _p75 = p75;
        private readonly decimal _p90 = p90;
        private readonly bool _hasPercentiles = hasPercentiles;

        public string? Reason { get; } = reason;

        public int Size { get; } = size;

        public decimal? Median => _hasPercentiles ? _median : null;

        public decimal? Percentile25 => _hasPercentiles ? _p25 : null;

        public decimal? Percentile75 => _hasPercentiles ? _p75 : null;

        public decimal? Percentile90 => _hasPercentiles ? _p90 : null;
    }

    /// <summary>What only some values have: the amount that goes with a count, and a sample's size and percentiles, each there when flagged; with a quotient's details, if any.</summary>
    private sealed class Extra : Details
    {
        private const byte HasAmount = 1;
        private const byte HasSampleSize = 2;
        private const byte HasMedian = 4;
        private const byte HasP25 = 8;
        private const byte HasP75 = 16;
        private const byte HasP90 = 32;

        private readonly Money _amount;
        private readonly decimal _median;
        private readonly decimal _p25;
        private readonly decimal _p75;
        private readonly decimal _p90;
        private readonly int _sampleSize;
        private readonly byte _has;

        public Extra(decimal numerator, decimal denominator, string? reason, Money? amount, int? sampleSize, decimal? median, decimal? p25, decimal? p75, decimal? p90)
            : base(numerator, denominator, reason)
        {
            _amount = amount.GetValueOrDefault();
            _sampleSize = sampleSize.GetValueOrDefault();
            _median = median.GetValueOrDefault();
            _p25 = p25.GetValueOrDefault();
            _p75 = p75.GetValueOrDefault();
            _p90 = p90.GetValueOrDefault();
            _has = (byte)((amount.HasValue ? HasAmount : 0) | (sampleSize.HasValue ? HasSampleSize : 0) | (median.HasValue ? HasMedian : 0)
                | (p25.HasValue ? HasP25 : 0) | (p75.HasValue ? HasP75 : 0) | (p90.HasValue ? HasP90 : 0));
        }

        public Money? Amount => (_has & HasAmount) != 0 ? _amount : null;

        public int? SampleSize => (_has & HasSampleSize) != 0 ? _sampleSize : null;

        public decimal? Median => (_has & HasMedian) != 0 ? _median : null;

        public decimal? Percentile25 => (_has & HasP25) != 0 ? _p25 : null;

        public decimal? Percentile75 => (_has & HasP75) != 0 ? _p75 : null;

        public decimal? Percentile90 => (_has & HasP90) != 0 ? _p90 : null;
    }
}
