using System.Diagnostics.Contracts;
using SalesKpi.Utility;

namespace SalesKpi;

/// <summary>
/// A customer account and its dimensions (sector, segment, country…), which apply to the account's opportunities and
/// deals that do not carry the dimension themselves.
/// </summary>
/// <remarks>
/// <para>Opportunities and deals refer to an account by <see cref="AccountId"/>; a snapshot needs an <see cref="Account"/>
/// only for the dimensions it gives them (<see cref="SalesData.Accounts"/>, <see cref="SalesData.DimensionOf(Opportunities.Opportunity, string)"/>).</para>
/// <para>Equality is component-wise.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class Account : IEquatable<Account>
{
    /// <summary>Initializes an account.</summary>
    /// <param name="id">The account's identifier.</param>
    /// <param name="dimensions">The account's dimensions, or null for none.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default value.</exception>
    public Account(AccountId id, Dimensions? dimensions = null)
    {
        Preconditions.CheckInitialized(!id.IsDefault, nameof(id));
        Id = id;
        Dimensions = dimensions ?? Dimensions.Empty;
    }

    /// <summary>Gets the account's identifier.</summary>
    public AccountId Id { get; }

    /// <summary>Gets the account's dimensions.</summary>
    /// <value>Never null; <see cref="Dimensions.Empty"/> when none were given.</value>
    public Dimensions Dimensions { get; }

    /// <summary>Returns true when both accounts are equal in every property, or both are null.</summary>
    /// <param name="left">The first account.</param>
    /// <param name="right">The second account.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Account? left, Account? right) =>
        ReferenceEquals(left, right) || (left is not null && right is not null && left.Id == right.Id && left.Dimensions == right.Dimensions);

    /// <summary>Returns true when the accounts differ in any property.</summary>
    /// <param name="left">The first account.</param>
    /// <param name="right">The second account.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(Account? left, Account? right) => !(left == right);

    /// <summary>Returns a copy with other dimensions.</summary>
    /// <param name="dimensions">The new dimensions.</param>
    /// <returns>A new account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/> is null.</exception>
    [Pure]
    public Account WithDimensions(Dimensions dimensions) => new(Id, Preconditions.CheckNotNull(dimensions));

    /// <summary>Returns true when <paramref name="other"/> is equal in every property.</summary>
    /// <param name="other">The account to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Account? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Account other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Dimensions);

    /// <summary>Returns <c>Account id (dimensions)</c>, such as <c>Account a-1 (sector=Retail)</c>, or <c>Account a-1</c> without dimensions.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Dimensions.Count == 0 ? $"Account {Id}" : $"Account {Id} ({Dimensions})";
}
