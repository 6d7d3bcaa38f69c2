using SalesKpi.Reporting;

namespace SalesKpi.Reporting;

/// <summary>Finds the known KPI ids nearest to a mistyped one, for error messages.</summary>
internal static class KpiIdSuggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>Returns "No KPI has the id 'x' in {where}. Did you mean 'y'?" or, when no id is near, the ids there are.</summary>
    public static string NotFoundMessage(string id, IEnumerable<string> known, string where)
    {
        var ids = known.ToArray();
        var near = Near(id, ids);
        if (near.Count > 0)
        {
            return $"No KPI has the id '{id}' in {where}. Did you mean {string.Join(" or ", near.Select(n => $"'{n}'"))}?";
        }

        return ids.Length == 0
            ? $"No KPI has the id '{id}' in {where}: it has no KPIs."
            : $"No KPI has the id '{id}' in {where}. Its ids are: {string.Join(", ", ids)}.";
    }

    /// <summary>Returns the ids within a small edit distance of <paramref name="id"/>, or containing it, nearest first.</summary>
    public static IReadOnlyList<string> Near(string id, IEnumerable<string> known)
    {
        var threshold = Math.Max(2, id.Length / 3);
        return known
            .Select(k => (Id: k, Distance: Distance(id, k)))
            .Where(x => x.Distance <= threshold
                || (id.Length >= 3 && x.Id.Contains(id, StringComparison.Ordinal))
                || (x.Id.Length >= 3 && id.Contains(x.Id, StringComparison.Ordinal)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(x => x.Id)
            .ToArray();
    }

    /// <summary>Returns the Levenshtein distance between two strings, ignoring case.</summary>
    internal static int Distance(string a, string b)
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
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
