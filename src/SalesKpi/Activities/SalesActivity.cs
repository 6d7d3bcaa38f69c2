using System.Diagnostics.Contracts;
using System.Globalization;
using NodaTime;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reps;
using SalesKpi.Utility;

namespace SalesKpi.Activities;

/// <summary>
/// Something a rep did — a call, an email, a meeting, a CRM update, a use of a sales tool — and what came of it.
/// </summary>
/// <remarks>
/// <para>Equality is component-wise over every property; <see cref="Tool"/> is compared ordinally.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class SalesActivity : IEquatable<SalesActivity>
{
    /// <summary>Initializes an activity.</summary>
    /// <param name="id">The activity's identifier.</param>
    /// <param name="kind">What kind of activity it was.</param>
    /// <param name="owner">The rep who did it.</param>
    /// <param name="occurredAt">When it happened; decides the period of every activity KPI.</param>
    /// <param name="outcomes">What came of it.</param>
    /// <param name="lead">The lead it concerned, if any.</param>
    /// <param name="opportunity">The opportunity it concerned, if any.</param>
    /// <param name="tool">For <see cref="SalesActivityKind.ToolUsage"/>, the tool used, if recorded.</param>
    /// <param name="dimensions">The activity's own dimensions, or null for none.</param>
    /// <exception cref="ArgumentException">An identifier or <paramref name="kind"/> is the default value, or
    /// <paramref name="tool"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcomes"/> has undefined flags.</exception>
    public SalesActivity(
        ActivityId id,
        SalesActivityKind kind,
        RepId owner,
        Instant occurredAt,
        ActivityOutcomes outcomes = ActivityOutcomes.None,
        LeadId? lead = null,
        OpportunityId? opportunity = null,
        string? tool = null,
        Dimensions? dimensions = null)
    {
        Check(id, kind, owner, outcomes, lead, opportunity, tool);
        Id = id;
        Kind = kind;
        Owner = owner;
        OccurredAt = occurredAt;
        Outcomes = outcomes;
        Lead = lead;
        Opportunity = opportunity;
        Tool = tool;
        Dimensions = dimensions ?? Dimensions.Empty;
    }

    /// <summary>Checks the values of an activity, as the constructor does; <see cref="SalesDataBuilder"/> keeps them without an object.</summary>
    /// <exception cref="ArgumentException">An identifier or <paramref name="kind"/> is the default value, or
    /// <paramref name="tool"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcomes"/> has undefined flags.</exception>
    internal static void Check(ActivityId id, SalesActivityKind kind, RepId owner, ActivityOutcomes outcomes, LeadId? lead, OpportunityId? opportunity, string? tool)
    {
        Preconditions.CheckInitialized(!id.IsDefault, nameof(id));
        Preconditions.CheckArgument(!kind.IsDefault, nameof(kind), "The activity kind is the default value; create it from a name.");
        Preconditions.CheckInitialized(!owner.IsDefault, nameof(owner));
        const ActivityOutcomes all = ActivityOutcomes.Connected | ActivityOutcomes.Delivered | ActivityOutcomes.Opened
            | ActivityOutcomes.Replied | ActivityOutcomes.Positive | ActivityOutcomes.NextAppointmentSet;
        Preconditions.CheckRange((outcomes & ~all) == 0, outcomes, "Unknown outcome flags.", nameof(outcomes));
        if (lead is { } l)
        {
            Preconditions.CheckInitialized(!l.IsDefault, nameof(lead));
        }

        if (opportunity is { } o)
        {
            Preconditions.CheckInitialized(!o.IsDefault, nameof(opportunity));
        }

        if (tool is not null)
        {
            Preconditions.CheckNotBlank(tool);
        }
    }

    /// <summary>Gets the activity's identifier.</summary>
    public ActivityId Id { get; }

    /// <summary>Gets what kind of activity it was.</summary>
    public SalesActivityKind Kind { get; }

    /// <summary>Gets the rep who did it.</summary>
    public RepId Owner { get; }

    /// <summary>Gets when it happened.</summary>
    public Instant OccurredAt { get; }

    /// <summary>Gets what came of it.</summary>
    public ActivityOutcomes Outcomes { get; }

    /// <summary>Gets the lead it concerned.</summary>
    /// <value>The lead's identifier, or null.</value>
    public LeadId? Lead { get; }

    /// <summary>Gets the opportunity it concerned.</summary>
    /// <value>The opportunity's identifier, or null.</value>
    public OpportunityId? Opportunity { get; }

    /// <summary>Gets the sales tool used, for tool-usage activities.</summary>
    /// <value>The tool's name, or null.</value>
    public string? Tool { get; }

    /// <summary>Gets the activity's own dimensions; where a dimension is missing, the owner's applies (<see cref="SalesData.DimensionOf(SalesActivity, string)"/>).</summary>
    /// <value>Never null; <see cref="Dimensions.Empty"/> when none were given.</value>
    public Dimensions Dimensions { get; }

    /// <summary>Returns true when both activities are equal in every property, or both are null.</summary>
    /// <param name="left">The first activity.</param>
    /// <param name="right">The second activity.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(SalesActivity? left, SalesActivity? right)
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
            && left.Kind == right.Kind
            && left.Owner == right.Owner
            && left.OccurredAt == right.OccurredAt
            && left.Outcomes == right.Outcomes
            && left.Lead == right.Lead
            && left.Opportunity == right.Opportunity
            && string.Equals(left.Tool, right.Tool, StringComparison.Ordinal)
            && left.Dimensions == right.Dimensions;
    }

    /// <summary>Returns true when the activities differ in any property.</summary>
    /// <param name="left">The first activity.</param>
    /// <param name="right">The second activity.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(SalesActivity? left, SalesActivity? right) => !(left == right);

    /// <summary>Returns true when the activity has every flag of <paramref name="outcome"/>.</summary>
    /// <param name="outcome">One or more outcome flags.</param>
    /// <returns>True when all the flags are set.</returns>
    public bool Has(ActivityOutcomes outcome) => (Outcomes & outcome) == outcome;

    /// <summary>Returns a copy with other outcomes.</summary>
    /// <param name="outcomes">The new outcomes.</param>
    /// <returns>A new activity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcomes"/> has undefined flags.</exception>
    [Pure]
    public SalesActivity WithOutcomes(ActivityOutcomes outcomes) => new(Id, Kind, Owner, OccurredAt, outcomes, Lead, Opportunity, Tool, Dimensions);

    /// <summary>Returns a copy with other dimensions.</summary>
    /// <param name="dimensions">The new dimensions.</param>
    /// <returns>A new activity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/> is null.</exception>
    [Pure]
    public SalesActivity WithDimensions(Dimensions dimensions) =>
        new(Id, Kind, Owner, OccurredAt, Outcomes, Lead, Opportunity, Tool, Preconditions.CheckNotNull(dimensions));

    /// <summary>Returns true when <paramref name="other"/> is equal in every property.</summary>
    /// <param name="other">The activity to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(SalesActivity? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SalesActivity other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Owner, OccurredAt, Outcomes, Lead, Opportunity, HashCode.Combine(Tool, Dimensions));

    /// <summary>Returns a stable, culture-invariant description, such as <c>SalesActivity A-1 (call by r01 at 2025-01-02T09:00:00Z)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"SalesActivity {Id} ({Kind} by {Owner} at {OccurredAt})");
}
