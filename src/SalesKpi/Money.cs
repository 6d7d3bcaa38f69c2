using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Contracts;
using System.Globalization;
using SalesKpi.Utility;

namespace SalesKpi;

/// <summary>
/// An amount of money in one <see cref="SalesKpi.Currency"/>.
/// </summary>
/// <remarks>
/// <para>Arithmetic and comparison are defined only between amounts of the same currency: mixing currencies throws
/// <see cref="InvalidOperationException"/> naming both, because a sum of dollars and euros is not a number of
/// anything. Convert first with an <see cref="IExchangeRateProvider"/>.</para>
/// <para>Equality is component-wise: two amounts are equal when their currencies are equal and their amounts are
/// numerically equal (<c>1.0 USD == 1.00 USD</c>). Amounts of different currencies are never equal.</para>
/// <para><c>default(Money)</c> is zero in <see cref="Currency.None"/> (<c>XXX</c>).</para>
/// <para>The text form is the amount, one space and the currency code: <c>1,250.00 EUR</c>, <c>-0.125 USD</c>. The
/// amount has thousands separators, at least two decimals and every further digit of <see cref="Amount"/>, in the
/// invariant culture unless a format provider is given (<c>1.250,00 EUR</c> in German). <see cref="ToString()"/>
/// writes it and <see cref="Parse(string, IFormatProvider)"/> reads it back to an equal amount, with or without
/// thousands separators; see <see cref="TryParse(ReadOnlySpan{char}, IFormatProvider, out Money)"/> for the rules.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for further information.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.MoneyJsonConverter))]
public readonly struct Money : IEquatable<Money>, IComparable<Money>, ISpanParsable<Money>, ISpanFormattable
{
    // At least two decimals and every further digit a decimal can hold (28), so that the text keeps the whole amount.
    private const string AmountFormat = "#,0.00##########################";

    /// <summary>Initializes an amount of money.</summary>
    /// <param name="amount">The amount; any sign.</param>
    /// <param name="currency">The currency of the amount.</param>
    public Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>Gets the amount.</summary>
    /// <value>The amount in <see cref="Currency"/>.</value>
    public decimal Amount { get; }

    /// <summary>Gets the currency.</summary>
    /// <value>The ISO 4217 currency of <see cref="Amount"/>.</value>
    public Currency Currency { get; }

    /// <summary>Returns zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>A zero amount.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum, in the common currency.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator +(Money left, Money right)
    {
        CheckSameCurrency(left, right, "add");
        return new Money(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Subtracts an amount from another of the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference, in the common currency.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator -(Money left, Money right)
    {
        CheckSameCurrency(left, right, "subtract");
        return new Money(left.Amount - right.Amount, left.Currency);
    }

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The amount with the opposite sign.</returns>
    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>Multiplies an amount by a factor.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="factor">The factor.</param>
    /// <returns>The product, in the same currency.</returns>
    /// <exception cref="OverflowException">The product is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator *(Money money, decimal factor) => new(money.Amount * factor, money.Currency);

    /// <summary>Multiplies an amount by a factor.</summary>
    /// <param name="factor">The factor.</param>
    /// <param name="money">The amount.</param>
    /// <returns>The product, in the same currency.</returns>
    /// <exception cref="OverflowException">The product is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator *(decimal factor, Money money) => money * factor;

    /// <summary>Divides an amount by a divisor.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="divisor">The divisor; not zero.</param>
    /// <returns>The quotient, in the same currency.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    public static Money operator /(Money money, decimal divisor) => new(money.Amount / divisor, money.Currency);

    /// <summary>Returns true when both amounts have the same currency and numerically equal amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Currency == right.Currency && left.Amount == right.Amount;

    /// <summary>Returns true when the amounts differ in currency or value.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(Money left, Money right) => !(left == right);

    /// <summary>Returns true when <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when the left amount is smaller.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Returns true when <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when the left amount is larger.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Returns true when <paramref name="left"/> is less than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when the left amount is not larger.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Returns true when <paramref name="left"/> is greater than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when the left amount is not smaller.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Adds an amount of the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    [Pure]
    public Money Add(Money other) => this + other;

    /// <summary>Returns the same amount with a different value and the same currency.</summary>
    /// <param name="amount">The new amount.</param>
    /// <returns>A new value.</returns>
    [Pure]
    public Money WithAmount(decimal amount) => new(amount, Currency);

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this amount is less than, equal to or greater than the other.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        CheckSameCurrency(this, other, "compare");
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Returns true when <paramref name="other"/> has the same currency and a numerically equal amount.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Money other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Parses an amount from its text form, such as <c>1,250.00 EUR</c>.</summary>
    /// <param name="s">The amount, one space and an ISO 4217 code.</param>
    /// <param name="provider">The number format of the amount; the invariant culture when null.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not the text of an amount (see
    /// <see cref="TryParse(ReadOnlySpan{char}, IFormatProvider, out Money)"/>).</exception>
    public static Money Parse(string s, IFormatProvider? provider)
    {
        Preconditions.CheckNotNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Parses an amount from its text form, such as <c>1,250.00 EUR</c>.</summary>
    /// <param name="s">The amount, one space and an ISO 4217 code.</param>
    /// <param name="provider">The number format of the amount; the invariant culture when null.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not the text of an amount (see
    /// <see cref="TryParse(ReadOnlySpan{char}, IFormatProvider, out Money)"/>).</exception>
    public static Money Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result, out var error) ? result : throw new FormatException($"'{s}' is not an amount of money: {error}.");

    /// <summary>Tries to parse an amount from its text form, such as <c>1,250.00 EUR</c>.</summary>
    /// <param name="s">The candidate text.</param>
    /// <param name="provider">The number format of the amount; the invariant culture when null.</param>
    /// <param name="result">The amount when parsing succeeded; otherwise <c>default(Money)</c>.</param>
    /// <returns>True when <paramref name="s"/> is the text of an amount (see
    /// <see cref="TryParse(ReadOnlySpan{char}, IFormatProvider, out Money)"/>).</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Money result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }

        return TryParse(s.AsSpan(), provider, out result, out _);
    }

    /// <summary>Tries to parse an amount from its text form, such as <c>1,250.00 EUR</c>.</summary>
    /// <param name="s">The candidate text.</param>
    /// <param name="provider">The number format of the amount; the invariant culture when null.</param>
    /// <param name="result">The amount when parsing succeeded; otherwise <c>default(Money)</c>.</param>
    /// <returns>True when <paramref name="s"/> is the text of an amount.</returns>
    /// <remarks>
    /// <para>The text is the amount, one space (U+0020) and a code <see cref="Currency"/> accepts, with nothing before or
    /// after. The amount is an optional leading sign, digits, and optionally the decimal separator and more digits, in
    /// the number format of <paramref name="provider"/> (the invariant culture when null: <c>-1234.5</c>). Thousands
    /// separators are optional, but where there are any they must be where formatting puts them: <c>1,250.00</c> and
    /// <c>1250.00</c> are read, <c>1,25</c> — a decimal comma in another culture — is refused rather than read as 125.</para>
    /// <para>Parsing is exact: an amount with more digits than a <see cref="decimal"/> holds is refused, not rounded, and
    /// so is one beyond its range.</para>
    /// </remarks>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Money result) =>
        TryParse(s, provider, out result, out _);

    /// <summary>
    /// Writes the text form to <paramref name="destination"/>: the amount, one space and the currency code.
    /// </summary>
    /// <param name="destination">Where to write the text.</param>
    /// <param name="charsWritten">The number of characters written; 0 when the text did not fit.</param>
    /// <param name="format">A <see cref="decimal"/> format string for the amount, such as <c>N0</c>; empty for the text
    /// form (thousands separators, at least two decimals and every further digit).</param>
    /// <param name="provider">The number format of the amount; the invariant culture when null.</param>
    /// <returns>True when the text fit in <paramref name="destination"/>; false when it did not.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a valid <see cref="decimal"/> format string.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var code = Currency.Code;
        if (Amount.TryFormat(destination, out var written, format.IsEmpty ? AmountFormat : format, NumberFormat(provider))
            && destination.Length - written > code.Length)
        {
            destination[written] = ' ';
            code.CopyTo(destination[(written + 1)..]);
            charsWritten = written + 1 + code.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <summary>
    /// Returns the amount with thousands separators, at least two decimals, and the currency code, in the invariant
    /// culture: <c>1,250.00 EUR</c>. Every digit of <see cref="Amount"/> is kept, so that
    /// <see cref="Parse(string, IFormatProvider)"/> reads back an equal amount.
    /// </summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Returns the amount, formatted with <paramref name="format"/>, one space and the currency code.</summary>
    /// <param name="format">A <see cref="decimal"/> format string for the amount, such as <c>N0</c>; null or empty for
    /// the text form of <see cref="ToString()"/>.</param>
    /// <param name="formatProvider">The number format of the amount; the invariant culture when null (not the current
    /// culture, so that <c>$"{money}"</c> is <see cref="ToString()"/>).</param>
    /// <returns>The formatted amount, such as <c>1,250 EUR</c> for <c>N0</c>.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a valid <see cref="decimal"/> format string.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        Amount.ToString(string.IsNullOrEmpty(format) ? AmountFormat : format, NumberFormat(formatProvider)) + " " + Currency.Code;

    private static NumberFormatInfo NumberFormat(IFormatProvider? provider) =>
        provider is null ? NumberFormatInfo.InvariantInfo : NumberFormatInfo.GetInstance(provider);

    private static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Money result, out string? error)
    {
        result = default;
        var space = s.LastIndexOf(' ');
        if (space < 0)
        {
            error = "expected an amount, one space and a currency code, such as 1,250.00 EUR";
            return false;
        }

        if (!Currency.TryParse(s[(space + 1)..], null, out var currency))
        {
            error = "the text after the last space is not an ISO 4217 currency code (three upper-case letters such as USD or EUR)";
            return false;
        }

        var text = s[..space];
        var format = NumberFormat(provider);
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, format, out var amount))
        {
            error = "the amount is not a number, or is beyond the range of a decimal";
            return false;
        }

        var point = text.IndexOf(format.NumberDecimalSeparator);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + format.NumberDecimalSeparator.Length)..];
        if (whole.Contains(format.NumberGroupSeparator, StringComparison.Ordinal)
            && !SignlessWhole(whole, format).SequenceEqual(decimal.Truncate(Math.Abs(amount)).ToString("#,0", format)))
        {
            error = "its thousands separators are not where formatting puts them";
            return false;
        }

        // decimal.TryParse rounds what it cannot hold; the digits kept are the scale, which must reach the last digit
        // that is not zero.
        if (fraction.TrimEnd('0').Length > amount.Scale)
        {
            error = "it has more digits than a decimal holds";
            return false;
        }

        result = new Money(amount, currency);
        error = null;
        return true;
    }

    private static ReadOnlySpan<char> SignlessWhole(ReadOnlySpan<char> whole, NumberFormatInfo format) =>
        whole.StartsWith(format.NegativeSign, StringComparison.Ordinal) ? whole[format.NegativeSign.Length..]
        : whole.StartsWith(format.PositiveSign, StringComparison.Ordinal) ? whole[format.PositiveSign.Length..]
        : whole;

    private static void CheckSameCurrency(Money left, Money right, string operation)
    {
        Preconditions.CheckState(
            left.Currency == right.Currency,
            $"Cannot {operation} amounts in different currencies ({left.Currency.Code} and {right.Currency.Code}); convert them with an IExchangeRateProvider first.");
    }
}
