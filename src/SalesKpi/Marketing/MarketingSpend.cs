using System.Globalization;
using NodaTime;
using SalesKpi.Utility;

namespace SalesKpi.Marketing;

/// <summary>
/// Money spent on a marketing channel over a period of days; the numerator of <c>cost-per-lead</c>.
/// </summary>
/// <remarks>
/// <para>A reporting period that covers only part of <see cref="Period"/> is charged the share of days it covers.</para>
/// <para>Equality is component-wise; <see cref="Channel"/> is compared ordinally.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class MarketingSpend : IEquatable<MarketingSpend>
{
    /// <summary>Initializes a spend record.</summary>
    /// <param name="channel">The channel, matching the leads' <c>Source</c>, such as <c>paid-search</c>.</param>
    /// <param name="period">The days the money was spent over, inclusive.</param>
    /// <param name="amount">The amount; not negative.</param>
    /// <param name="dimensions">The record's dimensions (spend has no owner or account to take them from), or null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> or <paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public MarketingSpend(string channel, DateInterval period, Money amount, Dimensions? dimensions = null)
    {
        Preconditions.CheckNotBlank(channel);
        Preconditions.CheckNotNull(period);
        Preconditions.CheckRange(amount.Amount >= 0m, amount, "Marketing spend must not be negative.", nameof(amount));
        Channel = channel;
        Period = period;
        Amount = amount;
        Dimensions = dimensions ?? Dimensions.Empty;
    }

    /// <summary>Gets the channel.</summary>
    public string Channel { get; }

    /// <summary>Gets the days the money was spent over, inclusive.</summary>
    public DateInterval Period { get; }

    /// <summary>Gets the amount spent.</summary>
    public Money Amount { get; }

    /// <summary>Gets the record's dimensions.</summary>
    /// <value>Never null; <see cref="Dimensions.Empty"/> when none were given.</value>
    public Dimensions Dimensions { get; }

    /// <summary>Returns true when both records are equal in every property, or both are null.</summary>
    /// <param name="left">The first record.</param>
    /// <param name="right">The second record.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(MarketingSpend? left, MarketingSpend? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null
            && string.Equals(left.Channel, right.Channel, StringComparison.Ordinal)
            && left.Period == right.Period
            && left.Amount == right.Amount
            && left.Dimensions == right.Dimensions);

    /// <summary>Returns true when the records differ in any property.</summary>
    /// <param name="left">The first record.</param>
    /// <param name="right">The second record.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(MarketingSpend? left, MarketingSpend? right) => !(left == right);

    /// <summary>Returns a copy with other dimensions.</summary>
    /// <param name="dimensions">The new dimensions.</param>
    /// <returns>A new spend record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/> is null.</exception>
    [System.Diagnostics.Contracts.Pure]
    public MarketingSpend WithDimensions(Dimensions dimensions) => new(Channel, Period, Amount, Preconditions.CheckNotNull(dimensions));

    /// <summary>Returns true when <paramref name="other"/> is equal in every property.</summary>
    /// <param name="other">The record to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(MarketingSpend? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MarketingSpend other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Channel, Period, Amount, Dimensions);

    /// <summary>Returns a stable, culture-invariant description, such as <c>web [2025-01-01, 2025-01-31]: 1,000.00 USD</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Channel} {Period}: {Amount}");
}
