using System.Collections.Immutable;
using SalesKpi.Utility;

namespace SalesKpi.Opportunities;

/// <summary>The names of <see cref="ForecastCategory"/> values in files and on the command line.</summary>
/// <threadsafety>This type is stateless and safe to use from any thread.</threadsafety>
public static class ForecastCategories
{
    /// <summary>Gets every category in forecast order: pipeline, best case, commit, closed, omitted.</summary>
    public static ImmutableArray<ForecastCategory> All { get; } =
        [ForecastCategory.Pipeline, ForecastCategory.BestCase, ForecastCategory.Commit, ForecastCategory.Closed, ForecastCategory.Omitted];

    /// <summary>Returns a category's name: <c>pipeline</c>, <c>best-case</c>, <c>commit</c>, <c>closed</c> or <c>omitted</c>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The kebab-case name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not a defined value.</exception>
    public static string ToName(ForecastCategory category) => category switch
    {
        ForecastCategory.Pipeline => "pipeline",
        ForecastCategory.BestCase => "best-case",
        ForecastCategory.Commit => "commit",
        ForecastCategory.Closed => "closed",
        ForecastCategory.Omitted => "omitted",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown forecast category."),
    };

    /// <summary>Parses a category's name, ignoring case, surrounding white space, and the separator of
    /// <c>best-case</c> (<c>best case</c>, <c>BestCase</c> and <c>best_case</c> are read too, as CRMs write it).</summary>
    /// <param name="text">The text.</param>
    /// <param name="category">The category, when the text names one.</param>
    /// <returns>True when the text names a category.</returns>
    public static bool TryParse(string? text, out ForecastCategory category)
    {
        category = default;
        if (text is null)
        {
            return false;
        }

        var key = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (var c in All)
        {
            if (string.Equals(key, ToName(c).Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
            {
                category = c;
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a category's name as <see cref="TryParse"/> does.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text names no category; the message lists the names.</exception>
    public static ForecastCategory Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        return TryParse(text, out var category)
            ? category
            : throw new FormatException($"'{text}' is not a forecast category; use one of {string.Join(", ", All.Select(ToName))}.");
    }

    /// <summary>Returns the category an opportunity without one is in: <see cref="ForecastCategory.Pipeline"/> while open,
    /// <see cref="ForecastCategory.Closed"/> once won, <see cref="ForecastCategory.Omitted"/> once lost.</summary>
    /// <param name="status">The opportunity's status.</param>
    /// <returns>The category.</returns>
    public static ForecastCategory DefaultFor(OpportunityStatus status) => status switch
    {
        OpportunityStatus.Won => ForecastCategory.Closed,
        OpportunityStatus.Lost => ForecastCategory.Omitted,
        _ => ForecastCategory.Pipeline,
    };
}
