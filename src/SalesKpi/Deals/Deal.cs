using System.Diagnostics.Contracts;
using System.Globalization;
using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Reps;
using SalesKpi.Utility;

namespace SalesKpi.Deals;

/// <summary>
/// A won sale: the value booked with an account, optionally with a contract term and a recurring monthly amount.
/// </summary>
/// <remarks>
/// <para>Invariants, checked by the constructor: the value is not negative; the recurring monthly amount, when
/// given, is not negative and in the same currency as the value.</para>
/// <para>A customer (account) is <em>active</em> on a date when one of its deals' <see cref="Term"/>s contains that
/// date; the retention KPIs are built on this.</para>
/// <para>Equality is component-wise over every property.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class Deal : IEquatable<Deal>
{
    /// <summary>Initializes a deal.</summary>
    /// <param name="id">The deal's identifier.</param>
    /// <param name="account">The customer account.</param>
    /// <param name="owner">The rep credited with the deal.</param>
    /// <param name="closedAt">When the deal was won.</param>
    /// <param name="value">The deal's value; not negative.</param>
    /// <param name="kind">New business, add-on, renewal or win-back.</param>
    /// <param name="opportunity">The opportunity the deal closed, if any.</param>
    /// <param name="term">The contract term (inclusive dates), if any.</param>
    /// <param name="recurringMonthly">The recurring revenue per month, in the currency of <paramref name="value"/>, if any.</param>
    /// <param name="dimensions">The deal's own dimensions, or null for none.</param>
    /// <exception cref="ArgumentException">An identifier is the default value, or <paramref name="recurringMonthly"/>
    /// is in another currency than <paramref name="value"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> or <paramref name="recurringMonthly"/> is
    /// negative, or <paramref name="kind"/> is not a defined value.</exception>
    public Deal(
        DealId id,
        AccountId account,
        RepId owner,
        Instant closedAt,
        Money value,
        DealKind kind = DealKind.NewBusiness,
        OpportunityId? opportunity = null,
        DateInterval? term = null,
        Money? recurringMonthly = null,
        Dimensions? dimensions = null)
    {
        Preconditions.CheckInitialized(!id.IsDefault, nameof(id));
        Preconditions.CheckInitialized(!account.IsDefault, nameof(account));
        Preconditions.CheckInitialized(!owner.IsDefault, nameof(owner));
        Preconditions.CheckRange(value.Amount >= 0m, value, "A deal's value must not be negative.", nameof(value));
        Preconditions.CheckRange(Enum.IsDefined(kind), kind, "Unknown deal kind.", nameof(kind));
        if (opportunity is { } o)
        {
            Preconditions.CheckInitialized(!o.IsDefault, nameof(opportunity));
        }

        if (recurringMonthly is { } r)
        {
            Preconditions.CheckRange(r.Amount >= 0m, r, "The recurring monthly amount must not be negative.", nameof(recurringMonthly));
            Preconditions.CheckArgument(
                r.Currency == value.Currency,
                nameof(recurringMonthly),
                $"The recurring monthly amount is in {r.Currency} but the deal's value is in {value.Currency}.");
        }

        Id = id;
        Account = account;
        Owner = owner;
        ClosedAt = closedAt;
        Value = value;
        Kind = kind;
        Opportunity = opportunity;
        Term = term;
        RecurringMonthly = recurringMonthly;
        Dimensions = dimensions ?? Dimensions.Empty;
    }

    /// <summary>Gets the deal's identifier.</summary>
    public DealId Id { get; }

    /// <summary>Gets the customer account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the rep credited with the deal.</summary>
    public RepId Owner { get; }

    /// <summary>Gets when the deal was won; decides the period of <c>deals-won</c> and <c>revenue</c>.</summary>
    public Instant ClosedAt { get; }

    /// <summary>Gets the deal's value.</summary>
    public Money Value { get; }

    /// <summary>Gets the kind of deal.</summary>
    public DealKind Kind { get; }

    /// <summary>Gets the opportunity the deal closed.</summary>
    /// <value>The opportunity's identifier, or null.</value>
    public OpportunityId? Opportunity { get; }

    /// <summary>Gets the contract term, inclusive at both ends.</summary>
    /// <value>The term, or null when the deal has none.</value>
    public DateInterval? Term { get; }

    /// <summary>Gets the recurring revenue per month.</summary>
    /// <value>The amount, in the currency of <see cref="Value"/>, or null.</value>
    public Money? RecurringMonthly { get; }

    /// <summary>Gets the deal's own dimensions; where a dimension is missing, the account's and then the owner's apply
    /// (<see cref="SalesData.DimensionOf(Deal, string)"/>).</summary>
    /// <value>Never null; <see cref="Dimensions.Empty"/> when none were given.</value>
    public Dimensions Dimensions { get; }

    /// <summary>Returns true when both deals are equal in every property, or both are null.</summary>
    /// <param name="left">The first deal.</param>
    /// <param name="right">The second deal.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Deal? left, Deal? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null)
        {
            return false;
        }

        return left.Id == right.Id
            && left.Account == right.Account
            && left.Owner == right.Owner
            && left.ClosedAt == right.ClosedAt
            && left.Value == right.Value
            && left.Kind == right.Kind
            && left.Opportunity == right.Opportunity
            && left.Term == right.Term
            && left.RecurringMonthly == right.RecurringMonthly
            && left.Dimensions == right.Dimensions;
    }

    /// <summary>Returns true when the deals differ in any property.</summary>
    /// <param name="left">The first deal.</param>
    /// <param name="right">The second deal.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(Deal? left, Deal? right) => !(left == right);

    /// <summary>Returns a copy with another value.</summary>
    /// <param name="value">The new value; not negative.</param>
    /// <returns>A new deal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    /// <exception cref="ArgumentException">The recurring amount is in another currency than <paramref name="value"/>.</exception>
    [Pure]
    public Deal WithValue(Money value)
    {
        Preconditions.CheckArgument(
            RecurringMonthly is not { } r || r.Currency == value.Currency,
            nameof(value),
            $"The value is in {value.Currency} but the deal's recurring monthly amount is in {RecurringMonthly?.Currency}.");
        return new(Id, Account, Owner, ClosedAt, value, Kind, Opportunity, Term, RecurringMonthly, Dimensions);
    }

    /// <summary>Returns a copy with another contract term and recurring amount.</summary>
    /// <param name="term">The contract term, or null.</param>
    /// <param name="recurringMonthly">The recurring monthly amount, or null.</param>
    /// <returns>A new deal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recurringMonthly"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="recurringMonthly"/> is in another currency than the value.</exception>
    [Pure]
    public Deal WithTerm(DateInterval? term, Money? recurringMonthly) =>
        new(Id, Account, Owner, ClosedAt, Value, Kind, Opportunity, term, recurringMonthly, Dimensions);

    /// <summary>Returns a copy with other dimensions.</summary>
    /// <param name="dimensions">The new dimensions.</param>
    /// <returns>A new deal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/> is null.</exception>
    [Pure]
    public Deal WithDimensions(Dimensions dimensions) =>
        new(Id, Account, Owner, ClosedAt, Value, Kind, Opportunity, Term, RecurringMonthly, Preconditions.CheckNotNull(dimensions));

    /// <summary>Returns true when <paramref name="other"/> is equal in every property.</summary>
    /// <param name="other">The deal to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Deal? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Deal other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Id, Account, Owner, ClosedAt, Value, Kind, Opportunity, HashCode.Combine(Term, RecurringMonthly, Dimensions));

    /// <summary>Returns a stable, culture-invariant description, such as <c>Deal D-1 (new-business, 1,000.00 USD, closed 2025-01-02T09:00:00Z)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Deal {Id} ({DealKinds.ToName(Kind)}, {Value}, closed {ClosedAt})");
}
