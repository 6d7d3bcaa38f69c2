namespace SalesKpi.Csv;

/// <summary>Finds the known names closest to a mistyped one ("did you mean …?").</summary>
/// <remarks>
/// <para>The work is bounded whatever the input, since the value or the candidates may come from a file (a header of
/// 100,000 columns, a column name of a megabyte): a value or candidate longer than <see cref="LongestCompared"/>
/// characters is not compared (no name that long is a typo of another), and only the first
/// <see cref="MostCandidates"/> candidates are. One comparison is then at most 64 × 64 steps.</para>
/// </remarks>
internal static class Suggestions
{
    /// <summary>The longest value or candidate compared, in characters.</summary>
    public const int LongestCompared = 64;

    /// <summary>The most candidates compared.</summary>
    public const int MostCandidates = 1000;

    /// <summary>Returns the candidates within a small edit distance of <paramref name="value"/>, closest first.</summary>
    public static IReadOnlyList<string> Closest(string value, IEnumerable<string> candidates, int max = 3)
    {
        if (value.Length > LongestCompared)
        {
            return [];
        }

        var limit = Math.Max(2, value.Length / 3);
        var lower = value.ToLowerInvariant();
        return candidates
            .Take(MostCandidates)
            .Where(c => c.Length <= LongestCompared)
            .Select(c => (Name: c, Distance: Distance(lower, c.ToLowerInvariant())))
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
