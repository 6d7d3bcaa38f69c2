namespace SalesKpi.Deals;

/// <summary>Converts <see cref="DealKind"/> values to and from their stable kebab-case names (<c>new-business</c>, <c>add-on</c>, <c>renewal</c>, <c>win-back</c>).</summary>
public static class DealKinds
{
    /// <summary>Returns the kebab-case name of a deal kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name, such as <c>new-business</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static string ToName(DealKind kind) => kind switch
    {
        DealKind.NewBusiness => "new-business",
        DealKind.AddOn => "add-on",
        DealKind.Renewal => "renewal",
        DealKind.WinBack => "win-back",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown deal kind."),
    };

    /// <summary>Parses a kebab-case deal-kind name (case-insensitive).</summary>
    /// <param name="name">The name, such as <c>renewal</c>.</param>
    /// <param name="kind">The kind, when the name is known.</param>
    /// <returns>True when <paramref name="name"/> names a deal kind.</returns>
    public static bool TryParse(string? name, out DealKind kind)
    {
        switch (name?.ToLowerInvariant())
        {
            case "new-business": kind = DealKind.NewBusiness; return true;
            case "add-on": kind = DealKind.AddOn; return true;
            case "renewal": kind = DealKind.Renewal; return true;
            case "win-back": kind = DealKind.WinBack; return true;
            default: kind = default; return false;
        }
    }
}
