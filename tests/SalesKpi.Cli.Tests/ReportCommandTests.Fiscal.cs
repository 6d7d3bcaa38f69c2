namespace SalesKpi.Cli.Tests;

public partial class ReportCommandTests
{
    [Fact]
    public void Report_PerFiscalQuarterFromApril_PutsEachDealInItsFiscalQuarter()
    {
        // Fiscal years from April, named by the year they end in: 2025-01 .. 03 is FY2025-Q4, 2025-04 .. 06 FY2026-Q1.
        // D1 (2025-02-09, 1,000) is in FY2025-Q4; D2 (2025-04-07, 3,000) and D3 (2025-05-05, 500) in FY2026-Q1: 3,500.
        var report = Cli.Json("report", "--data", Cli.Fixture("small"), "--from", "2025-01-01", "--to", "2025-06-30", "--per", "fiscal-quarter", "--fiscal-start", "apr", "--kpi", "revenue");

        Assert.Equal("fiscalquarter", report.GetProperty("settings").GetProperty("per").GetString());
        Assert.Equal(["FY2025-Q4", "FY2026-Q1"], report.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("label").GetString()!));
        Assert.Equal(1000m, report.Value("revenue", period: "FY2025-Q4").Number());
        Assert.Equal(3500m, report.Value("revenue", period: "FY2026-Q1").Number());
    }

    [Fact]
    public void Report_PerFiscalYearFromApril_SplitsTheCalendarYearAtApril()
    {
        // FY2025 ends 2025-03-31: D1's 1,000; FY2026 starts 2025-04-01: D2 + D3 = 3,500.
        var report = Cli.Json("report", "--data", Cli.Fixture("small"), "--from", "2025-01-01", "--to", "2025-12-31", "--per", "fiscal-year", "--fiscal-start", "4", "--kpi", "revenue");

        Assert.Equal(1000m, report.Value("revenue", period: "FY2025").Number());
        Assert.Equal(3500m, report.Value("revenue", period: "FY2026").Number());
    }

    [Fact]
    public void Report_SaasMagicNumberOverTheWholeYear_SaysInTheTableWhichOptionToPassAndKeepsTheLibrarysReasonInJson()
    {
        var table = Cli.Run("report", "--kpi", "saas-magic-number");
        var json = Cli.Json("report", "--kpi", "saas-magic-number");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("saas-magic-number needs whole quarters: run with --per quarter (or --per fiscal-quarter).", table.Output);
        Assert.DoesNotContain("PeriodUnit", table.Output);
        Assert.Contains("PeriodUnit.Quarter", json.Value("saas-magic-number").GetProperty("reason").GetString());
    }

    [Fact]
    public void Report_SaasMagicNumberPerMonth_HasTheHintUnderTheTables()
    {
        var result = Cli.Run("report", "--per", "month", "--kpi", "saas-magic-number");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            "— undefined (no data for the ratio or statistic); --format json gives each reason.\nsaas-magic-number needs whole quarters: run with --per quarter (or --per fiscal-quarter).\n",
            result.Output);
    }

    [Fact]
    public void Report_SaasMagicNumberPerQuarterOfAClippedRange_SaysToStartAndEndOnQuarterBoundaries()
    {
        // 2025-02-01 .. 2025-06-30: Q1 is clipped to February-March, so neither it nor Q2 (after it) has a value.
        var result = Cli.Run("report", "--per", "quarter", "--from", "2025-02-01", "--to", "2025-06-30", "--kpi", "saas-magic-number");
        var whole = Cli.Run("report", "--per", "quarter", "--kpi", "saas-magic-number");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("saas-magic-number needs whole quarters: start --from on the first day of a quarter and end --to on the last day of one.", result.Output);
        // Over whole quarters, 2025-Q1 is undefined for want of 2024-Q4's spend: the library's reason says so, no hint.
        Assert.DoesNotContain("needs whole quarters", whole.Output);
    }
}
