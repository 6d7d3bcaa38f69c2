using System.Globalization;

namespace SalesKpi.Csv;

/// <summary>Shows values from a file in a message, cut short when long or many, so that one bad cell or header cannot make a megabyte message.</summary>
internal static class MessageText
{
    /// <summary>The most items <see cref="List"/> shows before "… and N more".</summary>
    public const int ListedItems = 10;

    private const int Longest = 80;
    private const int Kept = 60;

    /// <summary>Returns the value, or its first 60 characters, an ellipsis and its length when it is longer than 80.</summary>
    public static string Of(string? value) =>
        value is null || value.Length <= Longest
            ? value ?? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"{value.AsSpan(0, Kept)}… ({value.Length:N0} characters)");

    /// <summary>Returns the message of another library's exception, cut at 300 characters: it may quote its input.</summary>
    public static string OfMessage(string message) =>
        message.Length <= 300 ? message : string.Create(CultureInfo.InvariantCulture, $"{message.AsSpan(0, 240)}… ({message.Length:N0} characters)");

    /// <summary>
    /// Returns the first <see cref="ListedItems"/> values, each through <see cref="Of"/> and <paramref name="format"/>,
    /// separated by commas, then <c>… and N more</c> for the rest: at most about 1 KB whatever the number of values.
    /// </summary>
    public static string List(IEnumerable<string> values, Func<string, string>? format = null)
    {
        var shown = new List<string>(ListedItems);
        var more = 0L;
        foreach (var value in values)
        {
            if (shown.Count < ListedItems)
            {
                shown.Add(format is null ? Of(value) : format(Of(value)));
            }
            else
            {
                more++;
            }
        }

        var list = string.Join(", ", shown);
        return more == 0 ? list : string.Create(CultureInfo.InvariantCulture, $"{list} … and {more:N0} more");
    }
}
