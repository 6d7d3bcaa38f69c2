using System.Globalization;

namespace SalesKpi.Csv;

/// <summary>Shows a value from a file in a message, cut short when long, so that one bad cell cannot make a megabyte message.</summary>
internal static class MessageText
{
    private const int Longest = 80;
    private const int Kept = 60;

    /// <summary>Returns the value, or its first 60 characters, an ellipsis and its length when it is longer than 80.</summary>
    public static string Of(string? value) =>
        value is null || value.Length <= Longest
            ? value ?? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"{value.AsSpan(0, Kept)}… ({value.Length:N0} characters)");
}
