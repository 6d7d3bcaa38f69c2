using SalesKpi.Utility;

namespace SalesKpi.Opportunities;

/// <summary>
/// A stage of the sales pipeline, such as <see cref="FirstAppointment"/> or <see cref="Proposal"/>. The set is open:
/// any name a CRM uses is a stage.
/// </summary>
/// <remarks>
/// <para>Equality is ordinal and case-insensitive on <see cref="Name"/>, so <c>proposal</c> and <c>Proposal</c> are
/// the same stage.</para>
/// <para><c>default(OpportunityStage)</c> has an empty name and is refused wherever a stage is required.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for further information.</threadsafety>
public readonly struct OpportunityStage : IEquatable<OpportunityStage>
{
    private readonly string? _name;

    /// <summary>Initializes a stage from its name.</summary>
    /// <param name="name">The stage name; neither empty nor white space.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public OpportunityStage(string name) => _name = Preconditions.CheckNotBlank(name);

    /// <summary>Gets the first stage: a prospect identified but not yet qualified.</summary>
    public static OpportunityStage Prospecting { get; } = new("Prospecting");

    /// <summary>Gets the stage in which the prospect's need and budget are being qualified.</summary>
    public static OpportunityStage Qualification { get; } = new("Qualification");

    /// <summary>Gets the first appointment (first meeting) with the prospect; seed 004's "new opportunity".</summary>
    public static OpportunityStage FirstAppointment { get; } = new("FirstAppointment");

    /// <summary>Gets the stage in which a proposal has been sent.</summary>
    public static OpportunityStage Proposal { get; } = new("Proposal");

    /// <summary>Gets the stage in which terms are being negotiated.</summary>
    public static OpportunityStage Negotiation { get; } = new("Negotiation");

    /// <summary>Gets the well-known stages in pipeline order.</summary>
    public static IReadOnlyList<OpportunityStage> WellKnown { get; } =
        [Prospecting, Qualification, FirstAppointment, Proposal, Negotiation];

    /// <summary>Gets the stage name.</summary>
    /// <value>The name; the empty string for the default value.</value>
    public string Name => _name ?? string.Empty;

    internal bool IsDefault => _name is null;

    /// <summary>Returns true when both stages have the same name, ignoring case.</summary>
    /// <param name="left">The first stage.</param>
    /// <param name="right">The second stage.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(OpportunityStage left, OpportunityStage right) =>
        string.Equals(left.Name, right.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns true when the stages have different names, ignoring case.</summary>
    /// <param name="left">The first stage.</param>
    /// <param name="right">The second stage.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(OpportunityStage left, OpportunityStage right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> has the same name, ignoring case.</summary>
    /// <param name="other">The stage to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(OpportunityStage other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OpportunityStage other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <summary>Returns the stage name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
