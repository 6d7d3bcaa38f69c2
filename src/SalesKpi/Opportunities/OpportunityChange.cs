using System.Globalization;
using System.Text;
using NodaTime;
using SalesKpi.Reps;
using SalesKpi.Utility;

namespace SalesKpi.Opportunities;

/// <summary>
/// One entry of an opportunity's field history (<see cref="Opportunity.History"/>): the values some of its fields took
/// at an instant — the amount, the expected close date, the forecast category, the owner. A field left null did not
/// change.
/// </summary>
/// <remarks>
/// <para>The history is read like the stage history: a field has the value of its latest entry before an instant, and
/// before its first entry the value of that first entry (so a history that starts at the opportunity's creation, as a
/// CRM's field history does, gives every value it ever had). The stage's own history is
/// <see cref="Opportunity.StageHistory"/>.</para>
/// <para>Equality is component-wise.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class OpportunityChange : IEquatable<OpportunityChange>
{
    /// <summary>Initializes a history entry.</summary>
    /// <param name="changedAt">When the fields took these values.</param>
    /// <param name="amount">The new amount, or null when it did not change.</param>
    /// <param name="expectedClose">The new expected close date, or null when it did not change.</param>
    /// <param name="forecastCategory">The new forecast category, or null when it did not change.</param>
    /// <param name="owner">The new owner, or null when it did not change.</param>
    /// <exception cref="ArgumentException">No field is given, or <paramref name="owner"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="forecastCategory"/> is not a defined value.</exception>
    public OpportunityChange(
        Instant changedAt,
        Money? amount = null,
        LocalDate? expectedClose = null,
        ForecastCategory? forecastCategory = null,
        RepId? owner = null)
    {
        Preconditions.CheckArgument(
            amount is not null || expectedClose is not null || forecastCategory is not null || owner is not null,
            nameof(changedAt),
            $"The history entry at {changedAt} changes no field; give at least one of the amount, the expected close date, the forecast category and the owner.");
        if (forecastCategory is { } category)
        {
            Preconditions.CheckRange(Enum.IsDefined(category), category, "Unknown forecast category.", nameof(forecastCategory));
        }

        if (owner is { } o)
        {
            Preconditions.CheckInitialized(!o.IsDefault, nameof(owner));
        }

        ChangedAt = changedAt;
        Amount = amount;
        ExpectedClose = expectedClose;
        ForecastCategory = forecastCategory;
        Owner = owner;
    }

    /// <summary>Gets when the fields took these values.</summary>
    public Instant ChangedAt { get; }

    /// <summary>Gets the new amount.</summary>
    /// <value>The amount, or null when it did not change.</value>
    public Money? Amount { get; }

    /// <summary>Gets the new expected close date.</summary>
    /// <value>The date, or null when it did not change.</value>
    public LocalDate? ExpectedClose { get; }

    /// <summary>Gets the new forecast category.</summary>
    /// <value>The category, or null when it did not change.</value>
    public ForecastCategory? ForecastCategory { get; }

    /// <summary>Gets the new owner.</summary>
    /// <value>The rep, or null when the owner did not change.</value>
    public RepId? Owner { get; }

    /// <summary>Returns true when both entries are equal in every property, or both are null.</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(OpportunityChange? left, OpportunityChange? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null
            && left.ChangedAt == right.ChangedAt
            && left.Amount == right.Amount
            && left.ExpectedClose == right.ExpectedClose
            && left.ForecastCategory == right.ForecastCategory
            && left.Owner == right.Owner);

    /// <summary>Returns true when the entries differ in any property.</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(OpportunityChange? left, OpportunityChange? right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> is equal in every property.</summary>
    /// <param name="other">The entry to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(OpportunityChange? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OpportunityChange other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ChangedAt, Amount, ExpectedClose, ForecastCategory, Owner);

    /// <summary>Returns a stable, culture-invariant description of the fields changed, such as
    /// <c>2025-03-01T10:00:00Z: amount 12,000.00 USD, expected close 2025-06-30</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder().Append(ChangedAt.ToString(null, CultureInfo.InvariantCulture)).Append(':');
        var first = true;
        void Field(string name, string value)
        {
            text.Append(first ? " " : ", ").Append(name).Append(' ').Append(value);
            first = false;
        }

        if (Amount is { } amount)
        {
            Field("amount", amount.ToString(null, CultureInfo.InvariantCulture));
        }

        if (ExpectedClose is { } close)
        {
            Field("expected close", close.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        }

        if (ForecastCategory is { } category)
        {
            Field("forecast category", ForecastCategories.ToName(category));
        }

        if (Owner is { } owner)
        {
            Field("owner", owner.ToString());
        }

        return text.ToString();
    }
}
