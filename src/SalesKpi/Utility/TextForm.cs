namespace SalesKpi.Utility;

/// <summary>
/// The parsing and formatting shared by the value types whose text form is one string: the strongly typed identifiers
/// (<c>RepId</c>, <c>DealId</c>, …), whose text is their value taken as it is — not trimmed, not case-folded — and
/// never blank, and <c>Currency</c>, whose text is its code.
/// </summary>
internal static class TextForm
{
    /// <summary>Returns true when <paramref name="s"/> is the text of a valid identifier: neither empty nor white space.</summary>
    internal static bool IsValid(ReadOnlySpan<char> s) => !s.IsWhiteSpace();

    /// <summary>Returns the exception <c>Parse</c> throws for a blank identifier.</summary>
    internal static FormatException BlankFormat(string typeName) =>
        new($"An identifier ({typeName}) must not be empty or white space.");

    /// <summary>Copies <paramref name="value"/> to <paramref name="destination"/> when it fits, as <c>TryFormat</c> does.</summary>
    internal static bool TryFormat(string value, Span<char> destination, out int charsWritten)
    {
        if (value.AsSpan().TryCopyTo(destination))
        {
            charsWritten = value.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }
}
