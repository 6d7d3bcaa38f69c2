using System.Text.Json;

namespace SalesKpi.Cli.Tests;

/// <summary>
/// <c>saleskpi waterfall</c> over the embedded sample, whose opportunities have no field history: the waterfall comes
/// from creation, close and expected close dates alone (no amount changes, no moves). The expected figures are counted
/// from src/SalesKpi.Cli/Sample/opportunities.csv (all USD, the first opportunity created on 2025-01-03):
/// </summary>
/// <remarks>
/// <para>January 2025: opening 0; created 39 for 1,009,900; won 0; lost 7 for 143,500; closing 32 for 866,400
/// (0 + 1,009,900 − 143,500). February: opening 32 for 866,400; created 48 for 1,216,700; won 2 for 63,000; lost 27 for
/// 803,800; closing 51 for 1,216,300. March: opening 51 for 1,216,300; created 52 for 1,459,800; won 12 for 299,000; lost
/// 36 for 904,700; closing 55 for 1,472,400. The quarter: created 39 + 48 + 52 = 139 for 3,686,400, won 14 for 362,000,
/// lost 70 for 1,852,000, closing 55 for 1,472,400 = 3,686,400 − 362,000 − 1,852,000.</para>
/// <para>December 2025 with the close window of the period: only open opportunities have expected close dates; two
/// created before December are due in it (71,200), four created in December are (90,100): closing 6 for 161,300.</para>
/// </remarks>
public sealed class WaterfallCommandTests
{
    [Fact]
    public void Waterfall_PerMonthOfQ1_EachLineAsCountedFromTheSample()
    {
        var json = Cli.Json("waterfall", "--from", "2025-01-01", "--to", "2025-03-31", "--per", "month");

        Assert.Equal("waterfall", json.GetProperty("command").GetString());
        Assert.Equal("all", json.GetProperty("closeWindow").GetString());
        var waterfalls = json.GetProperty("waterfall").GetProperty("waterfalls").EnumerateArray().ToList();
        Assert.Equal(["2025-01", "2025-02", "2025-03"], waterfalls.Select(w => w.GetProperty("period").GetProperty("label").GetString()));
        AssertLine(waterfalls[0], "opening", 0, null);
        AssertLine(waterfalls[0], "created", 39, 1_009_900m);
        AssertLine(waterfalls[0], "won", 0, null);
        AssertLine(waterfalls[0], "lost", 7, 143_500m);
        AssertLine(waterfalls[0], "closing", 32, 866_400m);
        AssertLine(waterfalls[1], "opening", 32, 866_400m);
        AssertLine(waterfalls[1], "created", 48, 1_216_700m);
        AssertLine(waterfalls[1], "won", 2, 63_000m);
        AssertLine(waterfalls[1], "lost", 27, 803_800m);
        AssertLine(waterfalls[1], "closing", 51, 1_216_300m);
        AssertLine(waterfalls[2], "won", 12, 299_000m);
        AssertLine(waterfalls[2], "lost", 36, 904_700m);
        AssertLine(waterfalls[2], "closing", 55, 1_472_400m);
        AssertLine(waterfalls[2], "slippedOut", 0, null);
    }

    [Fact]
    public void Waterfall_QuarterTableAndCsv_ShowTheLines()
    {
        var table = Cli.Run("waterfall", "--from", "2025-01-01", "--to", "2025-03-31", "--per", "quarter");
        var csv = Cli.Run("waterfall", "--from", "2025-01-01", "--to", "2025-03-31", "--per", "quarter", "--format", "csv");

        Assert.Equal((0, string.Empty), (table.ExitCode, table.Error));
        Assert.Contains("SalesKpi pipeline waterfall: embedded sample", table.Output, StringComparison.Ordinal);
        Assert.Equal(["0", "139", "0", "0", "0", "0", "14", "70", "55"], Cells(table.Output, "2025-Q1 · count"));
        Assert.Equal(["0", "3,686,400", "0", "0", "0", "0", "362,000", "1,852,000", "1,472,400"], Cells(table.Output, "2025-Q1 · USD"));
        Assert.Equal(
            [
                "period,from,to,group,measure,opening,created,increased,decreased,pulled_in,slipped_out,won,lost,closing",
                "2025-Q1,2025-01-01,2025-03-31,all,count,0,139,0,0,0,0,14,70,55",
                "2025-Q1,2025-01-01,2025-03-31,all,USD,0,3686400,0,0,0,0,362000,1852000,1472400",
            ],
            csv.Output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Waterfall_PeriodWindowInDecember_OnlyOpportunitiesDueInTheMonth()
    {
        var json = Cli.Json("waterfall", "--from", "2025-12-01", "--to", "2025-12-31", "--per", "none", "--close-window", "period");

        var december = json.GetProperty("waterfall").GetProperty("waterfalls")[0];
        Assert.Equal("2025-12-31", december.GetProperty("window").GetProperty("to").GetString());
        AssertLine(december, "opening", 2, 71_200m);
        AssertLine(december, "created", 4, 90_100m);
        AssertLine(december, "closing", 6, 161_300m);
    }

    [Fact]
    public void Waterfall_ByRep_TheRepsAddUpToTheWhole()
    {
        var json = Cli.Json("waterfall", "--from", "2025-01-01", "--to", "2025-03-31", "--per", "none", "--by", "rep");

        var waterfalls = json.GetProperty("waterfall").GetProperty("waterfalls").EnumerateArray().ToList();
        Assert.Equal("rep", json.GetProperty("waterfall").GetProperty("groupBy").GetString());
        // r01 to r09 own the opportunities of Q1 (13, 15, 15, 15, 12, 21, 18, 14 and 16 of them); r10 none, so no group.
        Assert.Equal(["r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09"], waterfalls.Select(w => w.GetProperty("group").GetString()));

        // 139 created and 55 left open in the quarter, split between the ten reps.
        Assert.Equal(139, waterfalls.Sum(w => w.GetProperty("created").GetProperty("count").GetInt64()));
        Assert.Equal(55, waterfalls.Sum(w => w.GetProperty("closing").GetProperty("count").GetInt64()));
    }

    [Theory]
    [InlineData(new[] { "--close-window", "quartr" }, "--close-window: 'quartr' is not a close window; did you mean 'quarter'? (the close windows are all, period, day, week, month, quarter, fiscal-quarter, fiscal-year, or FROM..TO, such as 2025-04-01..2025-06-30).")]
    [InlineData(new[] { "--close-window", "2025-06-30..2025-04-01" }, "is not a close window")]
    [InlineData(new[] { "--per", "fortnight" }, "--per")]
    [InlineData(new[] { "--by", "produkt" }, "--by")]
    public void Waterfall_BadOption_IsBadUsage(string[] args, string message)
    {
        var result = Cli.Run(["waterfall", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Waterfall_BadData_IsExitOneAtTheCell()
    {
        var result = Cli.Run("waterfall", "--data", Cli.Fixture("bad", "negative-amount"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("opportunities.csv:", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    /// <summary>Returns the cells after the first of the table row that starts with <paramref name="label"/>, across the
    /// parts a table too wide for the console is cut into (each repeats the first column).</summary>
    private static string[] Cells(string table, string label) =>
        [.. table.Split('\n').Where(l => l.StartsWith("│ " + label + " ", StringComparison.Ordinal))
            .SelectMany(l => l.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..])];

    private static void AssertLine(JsonElement waterfall, string line, long count, decimal? usd)
    {
        var flow = waterfall.GetProperty(line);
        Assert.Equal(count, flow.GetProperty("count").GetInt64());
        var amounts = flow.GetProperty("amounts").EnumerateArray().ToList();
        if (usd is { } amount)
        {
            var only = Assert.Single(amounts);
            Assert.Equal("USD", only.GetProperty("currency").GetString());
            Assert.Equal(amount, only.GetProperty("value").GetDecimal());
        }
        else
        {
            Assert.Empty(amounts);
        }
    }
}
