using System.Diagnostics.Contracts;
using System.Globalization;
using NodaTime;
using SalesKpi.Reps;
using SalesKpi.Utility;

namespace SalesKpi.Leads;

/// <summary>
/// A prospective customer who entered the funnel through a source or channel.
/// </summary>
/// <remarks>
/// <para>A lead may become sales-qualified (an SQL) and may be converted into an opportunity; neither can happen
/// before the lead was created.</para>
/// <para>Equality is component-wise over every property; <see cref="Source"/> is compared ordinally.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class Lead : IEquatable<Lead>
{
    /// <summary>Initializes a lead.</summary>
    /// <param name="id">The lead's identifier.</param>
    /// <param name="createdAt">When the lead was created.</param>
    /// <param name="source">The source or channel the lead came from, such as <c>web</c> or <c>referral</c>.</param>
    /// <param name="owner">The rep who owns the lead, if any.</param>
    /// <param name="qualifiedAt">When the lead became sales-qualified, if it did.</param>
    /// <param name="convertedAt">When the lead was converted into an opportunity, if it was.</param>
    /// <param name="dimensions">The lead's own dimensions, or null for none.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="owner"/> is the default value,
    /// <paramref name="source"/> is empty, or <paramref name="qualifiedAt"/> or <paramref name="convertedAt"/> is
    /// before <paramref name="createdAt"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public Lead(
        LeadId id,
        Instant createdAt,
        string source,
        RepId? owner = null,
        Instant? qualifiedAt = null,
        Instant? convertedAt = null,
        Dimensions? dimensions = null)
    {
        Check(id, createdAt, source, owner, qualifiedAt, convertedAt);
        Id = id;
        CreatedAt = createdAt;
        Source = source;
        Owner = owner;
        QualifiedAt = qualifiedAt;
        ConvertedAt = convertedAt;
        Dimensions = dimensions ?? Dimensions.Empty;
    }

    /// <summary>Checks the values of a lead, as the constructor does; <see cref="SalesDataBuilder"/> keeps them without an object.</summary>
    /// <exception cref="ArgumentException">The values are not a valid lead.</exception>
    internal static void Check(LeadId id, Instant createdAt, string source, RepId? owner, Instant? qualifiedAt, Instant? convertedAt)
    {
        Preconditions.CheckInitialized(!id.IsDefault, nameof(id));
        Preconditions.CheckNotBlank(source);
        if (owner is { } o)
        {
            Preconditions.CheckInitialized(!o.IsDefault, nameof(owner));
        }

        Preconditions.CheckArgument(
            qualifiedAt is null || qualifiedAt.Value >= createdAt,
            nameof(qualifiedAt),
            $"A lead cannot be qualified ({qualifiedAt}) before it was created ({createdAt}).");
        Preconditions.CheckArgument(
            convertedAt is null || convertedAt.Value >= createdAt,
            nameof(convertedAt),
            $"A lead cannot be converted ({convertedAt}) before it was created ({createdAt}).");
    }

    /// <summary>Gets the lead's identifier.</summary>
    public LeadId Id { get; }

    /// <summary>Gets when the lead was created; decides the period of <c>new-leads</c>.</summary>
    public Instant CreatedAt { get; }

    /// <summary>Gets the source or channel the lead came from.</summary>
    public string Source { get; }

    /// <summary>Gets the rep who owns the lead.</summary>
    /// <value>The owner, or null when the lead is not assigned.</value>
    public RepId? Owner { get; }

    /// <summary>Gets when the lead became sales-qualified; decides the period of <c>sql-count</c>.</summary>
    /// <value>The instant, or null when the lead is not (yet) qualified.</value>
    public Instant? QualifiedAt { get; }

    /// <summary>Gets when the lead was converted into an opportunity.</summary>
    /// <value>The instant, or null when the lead is not (yet) converted.</value>
    public Instant? ConvertedAt { get; }

    /// <summary>Gets the lead's own dimensions; where a dimension is missing, the owner's applies (<see cref="SalesData.DimensionOf(Lead, string)"/>).</summary>
    /// <value>Never null; <see cref="Dimensions.Empty"/> when none were given.</value>
    public Dimensions Dimensions { get; }

    /// <summary>Gets a value indicating whether the lead became sales-qualified.</summary>
    public bool IsQualified => QualifiedAt.HasValue;

    /// <summary>Gets a value indicating whether the lead was converted into an opportunity.</summary>
    public bool IsConverted => ConvertedAt.HasValue;

    /// <summary>Returns true when both leads are equal in every property, or both are null.</summary>
    /// <param name="left">The first lead.</param>
    /// <param name="right">The second lead.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Lead? left, Lead? right)
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
            && left.CreatedAt == right.CreatedAt
            && string.Equals(left.Source, right.Source, StringComparison.Ordinal)
            && left.Owner == right.Owner
            && left.QualifiedAt == right.QualifiedAt
            && left.ConvertedAt == right.ConvertedAt
            && left.Dimensions == right.Dimensions;
    }

    /// <summary>Returns true when the leads differ in any property.</summary>
    /// <param name="left">The first lead.</param>
    /// <param name="right">The second lead.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(Lead? left, Lead? right) => !(left == right);

    /// <summary>Returns a copy qualified at the given instant.</summary>
    /// <param name="qualifiedAt">When the lead became sales-qualified, or null.</param>
    /// <returns>A new lead.</returns>
    /// <exception cref="ArgumentException"><paramref name="qualifiedAt"/> is before <see cref="CreatedAt"/>.</exception>
    [Pure]
    public Lead WithQualifiedAt(Instant? qualifiedAt) => new(Id, CreatedAt, Source, Owner, qualifiedAt, ConvertedAt, Dimensions);

    /// <summary>Returns a copy converted at the given instant.</summary>
    /// <param name="convertedAt">When the lead was converted, or null.</param>
    /// <returns>A new lead.</returns>
    /// <exception cref="ArgumentException"><paramref name="convertedAt"/> is before <see cref="CreatedAt"/>.</exception>
    [Pure]
    public Lead WithConvertedAt(Instant? convertedAt) => new(Id, CreatedAt, Source, Owner, QualifiedAt, convertedAt, Dimensions);

    /// <summary>Returns a copy owned by another rep.</summary>
    /// <param name="owner">The new owner, or null.</param>
    /// <returns>A new lead.</returns>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is the default value.</exception>
    [Pure]
    public Lead WithOwner(RepId? owner) => new(Id, CreatedAt, Source, owner, QualifiedAt, ConvertedAt, Dimensions);

    /// <summary>Returns a copy with other dimensions.</summary>
    /// <param name="dimensions">The new dimensions.</param>
    /// <returns>A new lead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/> is null.</exception>
    [Pure]
    public Lead WithDimensions(Dimensions dimensions) =>
        new(Id, CreatedAt, Source, Owner, QualifiedAt, ConvertedAt, Preconditions.CheckNotNull(dimensions));

    /// <summary>Returns true when <paramref name="other"/> is equal in every property.</summary>
    /// <param name="other">The lead to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Lead? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Lead other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, CreatedAt, Source, Owner, QualifiedAt, ConvertedAt, Dimensions);

    /// <summary>Returns a stable, culture-invariant description, such as <c>Lead L-1 (web, created 2025-01-02T09:00:00Z)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Lead {Id} ({Source}, created {CreatedAt})");
}
