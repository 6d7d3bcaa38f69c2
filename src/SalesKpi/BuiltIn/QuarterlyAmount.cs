using System.Globalization;
using NodaTime;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// An amount of money for one quarter — a quarter's recurring revenue, or its sales and marketing spend — that can only
/// be built for a quarter, so that a monthly figure cannot be passed where a quarterly one is required.
/// </summary>
/// <remarks>
/// <para>A quarter is three whole consecutive months: it starts on the first day of a month and ends on the last day of
/// the second month after it. Calendar quarters (<see cref="ForQuarter"/>) and fiscal quarters starting in any month are
/// both quarters; a month, a 90-day window or a quarter that starts mid-month is not. To use monthly figures, add up the
/// three months of the quarter first.</para>
/// <para>Equality compares the quarter and the amount.</para>
/// </remarks>
/// <example>
/// <code>
/// var q1 = QuarterlyAmount.ForQuarter(2025, 1, new Money(300_000m, Currency.USD));
/// var april = new DateInterval(new LocalDate(2025, 4, 1), new LocalDate(2025, 4, 30));
/// new QuarterlyAmount(april, new Money(125_000m, Currency.USD)); // ArgumentException: a month is not a quarter
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class QuarterlyAmount : IEquatable<QuarterlyAmount>
{
    /// <summary>Initializes a quarterly amount.</summary>
    /// <param name="quarter">The quarter: three whole consecutive months.</param>
    /// <param name="amount">The amount for the whole quarter; not negative.</param>
    /// <exception cref="ArgumentNullException"><paramref name="quarter"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="quarter"/> is not three whole consecutive months (a month's figure, say).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public QuarterlyAmount(DateInterval quarter, Money amount)
    {
        Preconditions.CheckNotNull(quarter);
        Preconditions.CheckArgument(IsQuarter(quarter), nameof(quarter), Describe(quarter));
        Preconditions.CheckRange(amount.Amount >= 0m, amount, "A quarterly amount must not be negative.", nameof(amount));
        Quarter = quarter;
        Amount = amount;
    }

    /// <summary>Gets the quarter's dates, inclusive.</summary>
    public DateInterval Quarter { get; }

    /// <summary>Gets the amount for the quarter.</summary>
    public Money Amount { get; }

    /// <summary>Returns true when both amounts are equal, or both are null.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(QuarterlyAmount? left, QuarterlyAmount? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null && left.Quarter == right.Quarter && left.Amount == right.Amount);

    /// <summary>Returns true when the amounts differ.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(QuarterlyAmount? left, QuarterlyAmount? right) => !(left == right);

    /// <summary>Returns the amount of a calendar quarter.</summary>
    /// <param name="year">The year.</param>
    /// <param name="quarter">The quarter, 1 (January–March) to 4 (October–December).</param>
    /// <param name="amount">The amount; not negative.</param>
    /// <returns>The quarterly amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quarter"/> is outside 1–4, <paramref name="year"/> is outside NodaTime's range, or <paramref name="amount"/> is negative.</exception>
    public static QuarterlyAmount ForQuarter(int year, int quarter, Money amount)
    {
        Preconditions.CheckRange(quarter is >= 1 and <= 4, quarter, "A quarter is 1 to 4.", nameof(quarter));
        var start = new LocalDate(year, ((quarter - 1) * 3) + 1, 1);
        return new QuarterlyAmount(new DateInterval(start, DateMath.EndOfMonthAfter(start, 2)!.Value), amount);
    }

    /// <summary>Returns true when the dates are three whole consecutive months.</summary>
    /// <param name="dates">The dates.</param>
    /// <returns>True for a quarter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> is null.</exception>
    public static bool IsQuarter(DateInterval dates)
    {
        Preconditions.CheckNotNull(dates);
        return dates.Start.Day == 1 && dates.End == DateMath.EndOfMonthAfter(dates.Start, 2);
    }

    /// <summary>Returns true when <paramref name="other"/> is equal.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(QuarterlyAmount? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is QuarterlyAmount other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Quarter, Amount);

    /// <summary>Returns <c>[start, end]: amount</c>, such as <c>[2025-01-01, 2025-03-31]: 300,000.00 USD</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Quarter}: {Amount}");

    internal static string Describe(DateInterval dates)
    {
        var whole = dates.Start.Day == 1 && dates.End == DateMath.EndOfMonthAfter(dates.End, 0);
        var months = ((dates.End.Year - dates.Start.Year) * 12) + dates.End.Month - dates.Start.Month + 1;
        return whole
            ? string.Create(CultureInfo.InvariantCulture, $"{dates} is {months} whole month{(months == 1 ? string.Empty : "s")}, not a quarter: a quarterly amount covers three whole months (add up the three months of a quarter first).")
            : string.Create(CultureInfo.InvariantCulture, $"{dates} is not a quarter: a quarterly amount covers three whole months, from the first day of a month.");
    }
}
