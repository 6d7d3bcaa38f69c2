using System.Globalization;
using NodaTime;
using SalesKpi.Utility;

namespace SalesKpi.Opportunities;

/// <summary>One step of an opportunity's stage history: the stage it entered and when.</summary>
/// <remarks>
/// <para>Equality is component-wise. <c>default(StageEntry)</c> has a default stage and is refused by
/// <see cref="Opportunity"/>.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for further information.</threadsafety>
public readonly struct StageEntry : IEquatable<StageEntry>
{
    /// <summary>Initializes a stage entry.</summary>
    /// <param name="stage">The stage entered.</param>
    /// <param name="enteredAt">When it was entered.</param>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is the default value.</exception>
    public StageEntry(OpportunityStage stage, Instant enteredAt)
    {
        Preconditions.CheckArgument(!stage.IsDefault, nameof(stage), "The stage is the default value; create it from a name.");
        Stage = stage;
        EnteredAt = enteredAt;
    }

    /// <summary>Gets the stage entered.</summary>
    public OpportunityStage Stage { get; }

    /// <summary>Gets when the stage was entered.</summary>
    public Instant EnteredAt { get; }

    /// <summary>Returns true when both entries have the same stage and instant.</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(StageEntry left, StageEntry right) => left.Stage == right.Stage && left.EnteredAt == right.EnteredAt;

    /// <summary>Returns true when the entries differ.</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(StageEntry left, StageEntry right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> has the same stage and instant.</summary>
    /// <param name="other">The entry to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(StageEntry other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StageEntry other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Stage, EnteredAt);

    /// <summary>Returns <c>Stage@instant</c>, such as <c>Proposal@2025-03-01T10:00:00Z</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Stage}@{EnteredAt}");
}
