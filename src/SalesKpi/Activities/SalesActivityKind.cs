using SalesKpi.Utility;

namespace SalesKpi.Activities;

/// <summary>
/// What a rep did: a <see cref="Call"/>, an <see cref="Email"/>, a <see cref="Meeting"/>, a <see cref="CrmUpdate"/>,
/// a <see cref="ToolUsage"/>, or any custom kind a CRM records.
/// </summary>
/// <remarks>
/// <para>Equality is ordinal and case-insensitive on <see cref="Name"/>. The well-known kinds are named in kebab case
/// (<c>call</c>, <c>email</c>, <c>meeting</c>, <c>crm-update</c>, <c>tool-usage</c>), as in the CSV format.</para>
/// <para><c>default(SalesActivityKind)</c> has an empty name and is refused wherever a kind is required.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for further information.</threadsafety>
public readonly struct SalesActivityKind : IEquatable<SalesActivityKind>
{
    private readonly string? _name;

    /// <summary>Initializes a kind from its name.</summary>
    /// <param name="name">The kind's name; neither empty nor white space.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public SalesActivityKind(string name) => _name = Preconditions.CheckNotBlank(name);

    /// <summary>Gets the kind of a phone call.</summary>
    public static SalesActivityKind Call { get; } = new("call");

    /// <summary>Gets the kind of an email sent.</summary>
    public static SalesActivityKind Email { get; } = new("email");

    /// <summary>Gets the kind of a meeting (an appointment set).</summary>
    public static SalesActivityKind Meeting { get; } = new("meeting");

    /// <summary>Gets the kind of a record logged in the CRM.</summary>
    public static SalesActivityKind CrmUpdate { get; } = new("crm-update");

    /// <summary>Gets the kind of a use of a sales tool.</summary>
    public static SalesActivityKind ToolUsage { get; } = new("tool-usage");

    /// <summary>Gets the kind's name.</summary>
    /// <value>The name; the empty string for the default value.</value>
    public string Name => _name ?? string.Empty;

    internal bool IsDefault => _name is null;

    /// <summary>Returns true when both kinds have the same name, ignoring case.</summary>
    /// <param name="left">The first kind.</param>
    /// <param name="right">The second kind.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(SalesActivityKind left, SalesActivityKind right) =>
        ReferenceEquals(left._name, right._name) || string.Equals(left.Name, right.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns true when the kinds have different names, ignoring case.</summary>
    /// <param name="left">The first kind.</param>
    /// <param name="right">The second kind.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(SalesActivityKind left, SalesActivityKind right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> has the same name, ignoring case.</summary>
    /// <param name="other">The kind to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(SalesActivityKind other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SalesActivityKind other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <summary>Returns the kind's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
