using System.Globalization;
using SalesKpi.Utility;

namespace SalesKpi.Reps;

/// <summary>A sales representative on the roster: identifier, display name and team.</summary>
/// <remarks><para>Equality is component-wise; <see cref="Name"/> is compared ordinally.</para></remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class Rep : IEquatable<Rep>
{
    /// <summary>Initializes a rep.</summary>
    /// <param name="id">The rep's identifier.</param>
    /// <param name="name">The display name.</param>
    /// <param name="team">The team the rep is in.</param>
    /// <param name="dimensions">The rep's dimensions (office, region…), which apply to the records the rep owns that do not carry them; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">An identifier is the default value, or <paramref name="name"/> is empty.</exception>
    public Rep(RepId id, string name, TeamId team, Dimensions? dimensions = null)
    {
        Preconditions.CheckInitialized(!id.IsDefault, nameof(id));
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckInitialized(!team.IsDefault, nameof(team));
        Id = id;
        Name = name;
        Team = team;
        Dimensions = dimensions ?? Dimensions.Empty;
    }

    /// <summary>Gets the rep's identifier.</summary>
    public RepId Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the team the rep is in.</summary>
    public TeamId Team { get; }

    /// <summary>Gets the rep's dimensions, which apply to the records the rep owns that do not carry them (<see cref="SalesData.DimensionOf(Leads.Lead, string)"/>).</summary>
    /// <value>Never null; <see cref="Dimensions.Empty"/> when none were given.</value>
    public Dimensions Dimensions { get; }

    /// <summary>Returns true when both reps are equal in every property, or both are null.</summary>
    /// <param name="left">The first rep.</param>
    /// <param name="right">The second rep.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Rep? left, Rep? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null && left.Id == right.Id
            && string.Equals(left.Name, right.Name, StringComparison.Ordinal) && left.Team == right.Team && left.Dimensions == right.Dimensions);

    /// <summary>Returns true when the reps differ in any property.</summary>
    /// <param name="left">The first rep.</param>
    /// <param name="right">The second rep.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(Rep? left, Rep? right) => !(left == right);

    /// <summary>Returns a copy with other dimensions.</summary>
    /// <param name="dimensions">The new dimensions.</param>
    /// <returns>A new rep.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/> is null.</exception>
    [System.Diagnostics.Contracts.Pure]
    public Rep WithDimensions(Dimensions dimensions) => new(Id, Name, Team, Preconditions.CheckNotNull(dimensions));

    /// <summary>Returns true when <paramref name="other"/> is equal in every property.</summary>
    /// <param name="other">The rep to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Rep? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rep other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Team, Dimensions);

    /// <summary>Returns <c>id (name, team)</c>, such as <c>r01 (Ayşe Demir, team-east)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} ({Name}, {Team})");
}
