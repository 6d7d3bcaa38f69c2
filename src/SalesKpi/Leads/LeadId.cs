using System.Diagnostics.CodeAnalysis;
using SalesKpi.Utility;

namespace SalesKpi.Leads;

/// <summary>
/// Identifies a lead. A strongly typed wrapper around a non-empty string, so that it cannot be mixed up with
/// another kind of identifier.
/// </summary>
/// <remarks>
/// <para>Equality and ordering are ordinal on <see cref="Value"/>; <see cref="ToString()"/> returns the value itself.</para>
/// <para>The text form is the value itself, so that an identifier binds from an ASP.NET Core route or query string
/// (<see cref="IParsable{TSelf}"/>) and formats into an interpolated string without a copy
/// (<see cref="ISpanFormattable"/>). Parsing follows the constructor's rule — any text that is not empty or white space,
/// taken as it is, without trimming — and formatting writes <see cref="Value"/>; format strings and format providers
/// are ignored, since an identifier has no culture-specific form.</para>
/// <para><c>default(LeadId)</c> is not a valid identifier: its <see cref="Value"/> is the empty string and every
/// constructor of this library that takes one refuses it.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for further information.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.LeadIdJsonConverter))]
public readonly struct LeadId : IEquatable<LeadId>, IComparable<LeadId>, ISpanParsable<LeadId>, ISpanFormattable
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

    /// <summary>Parses an identifier from its text: the value itself, by the constructor's rule.</summary>
    /// <param name="s">The identifier; neither empty nor white space. Taken as it is, without trimming.</param>
    /// <param name="provider">Ignored: an identifier has no culture-specific form.</param>
    /// <returns>The identifier whose <see cref="Value"/> is <paramref name="s"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is empty or white space.</exception>
    public static LeadId Parse(string s, IFormatProvider? provider)
    {
        Preconditions.CheckNotNull(s);
        return TextForm.IsValid(s) ? new LeadId(s) : throw TextForm.BlankFormat(nameof(LeadId));
    }

    /// <summary>Parses an identifier from its text: the value itself, by the constructor's rule.</summary>
    /// <param name="s">The identifier; neither empty nor white space. Taken as it is, without trimming.</param>
    /// <param name="provider">Ignored: an identifier has no culture-specific form.</param>
    /// <returns>The identifier whose <see cref="Value"/> is <paramref name="s"/>.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is empty or white space.</exception>
    public static LeadId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TextForm.IsValid(s) ? new LeadId(s.ToString()) : throw TextForm.BlankFormat(nameof(LeadId));

    /// <summary>Tries to parse an identifier from its text: the value itself, by the constructor's rule.</summary>
    /// <param name="s">The candidate text; taken as it is, without trimming.</param>
    /// <param name="provider">Ignored: an identifier has no culture-specific form.</param>
    /// <param name="result">The identifier when parsing succeeded; otherwise the default, invalid identifier.</param>
    /// <returns>True when <paramref name="s"/> is neither null, empty nor white space.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out LeadId result)
    {
        if (s is null || !TextForm.IsValid(s))
        {
            result = default;
            return false;
        }

        result = new LeadId(s);
        return true;
    }

    /// <summary>Tries to parse an identifier from its text: the value itself, by the constructor's rule.</summary>
    /// <param name="s">The candidate text; taken as it is, without trimming.</param>
    /// <param name="provider">Ignored: an identifier has no culture-specific form.</param>
    /// <param name="result">The identifier when parsing succeeded; otherwise the default, invalid identifier.</param>
    /// <returns>True when <paramref name="s"/> is neither empty nor white space.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out LeadId result)
    {
        if (!TextForm.IsValid(s))
        {
            result = default;
            return false;
        }

        result = new LeadId(s.ToString());
        return true;
    }

    /// <summary>Writes <see cref="Value"/> to <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write the value.</param>
    /// <param name="charsWritten">The number of characters written; 0 when the value did not fit.</param>
    /// <param name="format">Ignored: an identifier has one text form.</param>
    /// <param name="provider">Ignored: an identifier has no culture-specific form.</param>
    /// <returns>True when the value fit in <paramref name="destination"/>; false, with nothing written, when it did not.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TextForm.TryFormat(Value, destination, out charsWritten);

    /// <summary>Returns the identifier's string form.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;

    /// <summary>Returns the identifier's string form; the same as <see cref="ToString()"/>.</summary>
    /// <param name="format">Ignored: an identifier has one text form.</param>
    /// <param name="formatProvider">Ignored: an identifier has no culture-specific form.</param>
    /// <returns>The value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value;
}
