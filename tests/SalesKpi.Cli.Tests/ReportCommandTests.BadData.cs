using System.Text.Json;

namespace SalesKpi.Cli.Tests;

public partial class ReportCommandTests
{
    /// <summary>Each malformed fixture of Fixtures/bad holds one bad row (or header); the message names file, line, column and reason.</summary>
    [Theory]
    [InlineData("unparseable-date", "leads.csv:3:4: created_at: '2025-13-01T09:00:00Z' is not an ISO-8601 instant")]
    [InlineData("unknown-currency", "deals.csv:3:43: currency: unknown currency 'US$'")]
    [InlineData("negative-amount", "opportunities.csv:2:34: amount: the amount -250.00 is negative")]
    [InlineData("closed-without-close-date", "opportunities.csv:3:49: closed_at: a won opportunity needs a closed_at")]
    [InlineData("duplicate-id", "activities.csv:4:1: id: duplicate id 'A1' (first on line 2)")]
    [InlineData("missing-opportunity", "deals.csv:3:4: opportunity_id: refers to opportunity 'O9', which is not in opportunities.csv")]
    [InlineData("wrong-field-count", "spend.csv:3:1: the row has 4 fields but the header has 5")]
    // Line 2 is the later row (1 March), so its 11000.00 is the history's last amount; it starts at column 25.
    [InlineData("history-not-at-current-amount", "opportunity-history.csv:2:25: amount: Opportunity O1: the last amount of its history (11,000.00 USD) is not its amount (12,000.00 USD); the history must end at the current values. (opportunities.csv line 2)")]
    [InlineData("unknown-forecast-category", "opportunity-history.csv:2:28: forecast_category: unknown forecast category 'maybe'; use pipeline, best-case, commit, closed or omitted")]
    [InlineData("unknown-column", "reps.csv:1:9: unknown column 'teem' in reps.csv; did you mean 'team'? Any other column is read as a dimension, but this one is so close to 'team' that it looks like a typo")]
    public void Report_MalformedFixture_ExitsWithBadDataAndFileLineColumn(string fixture, string expected)
    {
        var directory = Cli.Fixture("bad", fixture);

        var result = Cli.Run("report", "--data", directory);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith($"saleskpi: bad data: {Path.Combine(directory, expected)}", result.Error);
    }

    [Fact]
    public void Report_BadRowInStrictMode_SuggestsOnErrorReport()
    {
        var result = Cli.Run("report", "--data", Cli.Fixture("bad", "negative-amount"));

        Assert.Contains("Run with --on-error report", result.Error);
    }

    [Fact]
    public void Report_OnErrorReport_UsesTheGoodRowsAndListsEveryRejectedOne()
    {
        var directory = Cli.Fixture("bad", "missing-opportunity");

        var result = Cli.Run("report", "--data", directory, "--on-error", "report", "--kpi", "deals-won", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(1m, report.Value("deals-won").Number());
        var import = report.GetProperty("import");
        Assert.Equal(1, import.GetProperty("rejected").GetInt32());
        var rejection = import.GetProperty("rejections")[0];
        Assert.Equal(Path.Combine(directory, "deals.csv"), rejection.GetProperty("file").GetString());
        Assert.Equal(3, rejection.GetProperty("line").GetInt32());
        Assert.Equal(4, rejection.GetProperty("column").GetInt32());
        Assert.Equal("opportunity_id", rejection.GetProperty("field").GetString());
        Assert.Contains($"{Path.Combine(directory, "deals.csv")}:3:4: opportunity_id: refers to opportunity 'O9'", result.Error);
        Assert.Contains("1 row rejected and left out of the report.", result.Error);
    }

    [Fact]
    public void Report_OnErrorReportTable_SaysHowManyRowsWereLeftOut()
    {
        var result = Cli.Run("report", "--data", Cli.Fixture("bad", "duplicate-id"), "--on-error", "report", "--kpi", "calls");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Rejected: 1 row, left out (listed on stderr)", result.Output);
        Assert.Contains("│ calls │     2 │", result.Output);
    }

    [Fact]
    public void Report_HeaderProblemWithOnErrorReport_StillFails()
    {
        var result = Cli.Run("report", "--data", Cli.Fixture("bad", "unknown-column"), "--on-error", "report");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("--on-error report", result.Error);
    }

    [Fact]
    public void Report_MixedCurrencies_ExitsWithBadData()
    {
        using var directory = new TempDirectory();
        directory.Write("deals.csv", """
            id,opportunity_id,account,owner,closed_at,amount,currency,kind,term_start,term_end,recurring_monthly
            D1,,acme,ana,2025-02-09T09:00:00Z,1000.00,USD,new-business,,,
            D2,,acme,ana,2025-02-10T09:00:00Z,1000.00,EUR,new-business,,,
            """);

        var result = Cli.Run("report", "--data", directory.Path, "--kpi", "revenue");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("EUR, USD", result.Error);
        Assert.Contains("does not convert currencies", result.Error);
    }

    [Fact]
    public void Report_ControlCharactersInData_AreNotWrittenToTheTerminal()
    {
        using var directory = new TempDirectory();
        directory.Write("reps.csv", "id,name,team\nr1,Eve \u001b[31mRed,\u001b]0;pwned\u0007\n");
        directory.Write("activities.csv", "id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool\nA1,call,r1,2025-01-06T10:00:00Z,,,,\n");

        var result = Cli.Run("report", "--data", directory.Path, "--by", "rep", "--kpi", "calls");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Output);
        Assert.DoesNotContain('\u0007', result.Output);
    }
}
