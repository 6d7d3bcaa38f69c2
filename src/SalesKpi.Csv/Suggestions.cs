namespace SalesKpi.Csv;

/// <summary>Finds the known names closest to a mistyped one ("did you mean …?").</summary>
internal static class Suggestions
{
    /// <summary>Returns the candidates within a small edit distance of <paramref name="value"/>, closest first.</summary>
    public static IReadOnlyList<string> Closest(string value, IEnumerable<string> candidates, int max = 3)
    {
        var limit = Math.Max(2, value.Length / 3);
        return candidates
            .Select(c => (Name: c, Distance: Distance(value.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= limit || c.Name.Contains(value, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>Returns <c>; did you mean 'x'?</c> (or <c>'x' or 'y'</c>), or the empty string when nothing is close.</summary>
    public static string DidYouMean(string value, IEnumerable<string> candidates)
    {
        var closest = Closest(value, candidates);
        return closest.Count == 0 ? string.Empty : "; did you mean " + string.Join(" or ", closest.Select(c => $"'{c}'")) + "?";
    }

    /// <summary>Returns the Levenshtein distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
