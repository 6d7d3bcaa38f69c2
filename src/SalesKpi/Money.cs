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
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for further information.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.MoneyJsonConverter))]
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
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

    /// <summary>
    /// Returns the amount with thousands separators, at least two decimals, and the currency code, in the invariant
    /// culture: <c>1,250.00 EUR</c>.
    /// </summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() =>
        Amount.ToString("#,0.00############################", CultureInfo.InvariantCulture) + " " + Currency.Code;

    private static void CheckSameCurrency(Money left, Money right, string operation)
    {
        Preconditions.CheckState(
            left.Currency == right.Currency,
            $"Cannot {operation} amounts in different currencies ({left.Currency.Code} and {right.Currency.Code}); convert them with an IExchangeRateProvider first.");
    }
}
