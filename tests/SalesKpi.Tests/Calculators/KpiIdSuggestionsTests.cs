using SalesKpi.Reporting;

namespace SalesKpi.Tests.Calculators;

/// <summary>The "did you mean" of unknown KPI ids (catalog, DI, reports): edit distance, what counts as near, and order.</summary>
public sealed class KpiIdSuggestionsTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)] // three insertions
    [InlineData("abc", "", 3)] // three deletions
    [InlineData("a", "b", 1)]
    [InlineData("kitten", "sitting", 3)] // k->s, e->i, +g
    [InlineData("flaw", "lawn", 2)] // -f, +n
    [InlineData("Close-Rate", "close-rate", 0)] // case is ignored
    [InlineData("close-rate", "clsoe-rate", 2)] // a swap is two substitutions
    public void Distance_IsTheLevenshteinDistanceIgnoringCase(string a, string b, int expected)
    {
        Assert.Equal(expected, KpiIdSuggestions.Distance(a, b));
        Assert.Equal(expected, KpiIdSuggestions.Distance(b, a));
    }

    [Fact]
    public void Near_WithinTheThreshold_IncludesTheDistanceEqualToIt()
    {
        // "calls": 5 characters -> threshold max(2, 5 / 3 = 1) = 2. "xalxs" is 2 away (two substitutions), "xxlxs" 3.
        Assert.Equal(["xalxs"], KpiIdSuggestions.Near("calls", ["xxlxs", "xalxs"]));

        // "abcdefghi": 9 characters -> threshold 9 / 3 = 3. "abcdefxyz" is 3 away, "abcdexxyz" 4.
        Assert.Equal(["abcdefxyz"], KpiIdSuggestions.Near("abcdefghi", ["abcdexxyz", "abcdefxyz"]));
    }

    [Fact]
    public void Near_AnIdContainingTheTypedOne_OrContainedInIt_FromThreeCharacters()
    {
        // "win" (3) is in "win-rate" (5 away); "sql" (3) is in "sql-count-monthly" (14 away); "ab" (2) is too short to
        // count as contained, and "xy" typed is too short to look for.
        Assert.Equal(["win-rate"], KpiIdSuggestions.Near("win", ["win-rate", "deals-won-total"]));
        Assert.Equal(["sql"], KpiIdSuggestions.Near("sql-count-monthly", ["sql", "ab"]));
        Assert.Empty(KpiIdSuggestions.Near("xy", ["xy-rate-total"]));
        Assert.Empty(KpiIdSuggestions.Near("abcdefghijklmnop", ["ab", "op"]));
    }

    [Fact]
    public void Near_NearestFirst_ThenByIdOrdinally_AtMostFive()
    {
        // "rate": zate, rated, bate, fate, gate, hate are 1 away and raxex 2.
        Assert.Equal(["bate", "fate", "gate", "hate", "rated"], KpiIdSuggestions.Near("rate", ["raxex", "zate", "rated", "bate", "hate", "gate", "fate"]));
        Assert.Equal(["rated", "raxex"], KpiIdSuggestions.Near("rate", ["raxex", "rated"]));
    }

    [Fact]
    public void NotFoundMessage_SuggestsTheNearIds_OrListsTheIds_OrSaysThereAreNone()
    {
        Assert.Equal(
            "No KPI has the id 'calls' in the catalog. Did you mean 'call' or 'cells'?",
            KpiIdSuggestions.NotFoundMessage("calls", ["cells", "revenue", "call"], "the catalog"));
        Assert.Equal(
            "No KPI has the id 'calls' in the report. Its ids are: revenue, close-rate.",
            KpiIdSuggestions.NotFoundMessage("calls", ["revenue", "close-rate"], "the report"));
        Assert.Equal("No KPI has the id 'calls' in the catalog: it has no KPIs.", KpiIdSuggestions.NotFoundMessage("calls", [], "the catalog"));
    }
}
