using SalesKpi.Utility;

namespace SalesKpi.Leads;

/// <summary>
/// Identifies a lead. A strongly typed wrapper around a non-empty string, so that it cannot be mixed up with
/// another kind of identifier.
/// </summary>
/// <remarks>
/// <para>Equality and ordering are ordinal on <see cref="Value"/>; <see cref="ToString"/> returns the value itself.</para>
/// <para><c>default(LeadId)</c> is not a valid identifier: its <see cref="Value"/> is the empty string and every
/// constructor of this library that takes one refuses it.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for further information.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.LeadIdJsonConverter))]
public readonly struct LeadId : IEquatable<LeadId>, IComparable<LeadId>
{
    private readonly string? _value;

    /// <summary>Initializes a new identifier from its string form.</summary>
    /// <param name="value">The identifier; neither empty nor white space.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    public LeadId(string value) => _value = Preconditions.CheckNotBlank(value);

    /// <summary>Gets the identifier's string form.</summary>
    /// <value>The string this identifier was created from; the empty string for the default value.</value>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the default, invalid identifier.</summary>
    internal bool IsDefault => _value is null;

    /// <summary>Returns true when both identifiers have the same value (ordinal comparison).</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when the values are equal.</returns>
    public static bool operator ==(LeadId left, LeadId right) => string.Equals(left._value, right._value, StringComparison.Ordinal);

    /// <summary>Returns true when the identifiers have different values (ordinal comparison).</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when the values differ.</returns>
    public static bool operator !=(LeadId left, LeadId right) => !(left == right);

    /// <summary>Returns true when <paramref name="left"/> sorts before <paramref name="right"/> (ordinal).</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when the left value sorts first.</returns>
    public static bool operator <(LeadId left, LeadId right) => left.CompareTo(right) < 0;

    /// <summary>Returns true when <paramref name="left"/> sorts after <paramref name="right"/> (ordinal).</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when the left value sorts last.</returns>
    public static bool operator >(LeadId left, LeadId right) => left.CompareTo(right) > 0;

    /// <summary>Returns true when <paramref name="left"/> sorts before or equal to <paramref name="right"/> (ordinal).</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when the left value does not sort after the right one.</returns>
    public static bool operator <=(LeadId left, LeadId right) => left.CompareTo(right) <= 0;

    /// <summary>Returns true when <paramref name="left"/> sorts after or equal to <paramref name="right"/> (ordinal).</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when the left value does not sort before the right one.</returns>
    public static bool operator >=(LeadId left, LeadId right) => left.CompareTo(right) >= 0;

    /// <summary>Returns true when <paramref name="other"/> has the same value.</summary>
    /// <param name="other">The identifier to compare with.</param>
    /// <returns>True when the values are equal.</returns>
    public bool Equals(LeadId other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LeadId other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares the values ordinally.</summary>
    /// <param name="other">The identifier to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this identifier sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(LeadId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the identifier's string form.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;
}
