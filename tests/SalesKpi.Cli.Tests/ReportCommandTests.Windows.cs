namespace SalesKpi.Cli.Tests;

/// <summary>The daily grain and the time-window options of <c>report</c> and <c>trend</c>: --per day, --rolling, --to-date, --cumulative, --vs last-year.</summary>
public partial class ReportCommandTests
{
    [Fact]
    public void Report_PerDay_LabelsEachDateAndCountsItsCalls()
    {
        // A1 and A2 are calls on 2025-01-06 (10:00 and 11:00 UTC); nothing on the 5th or 7th.
        var report = Cli.Json("report", "--data", Cli.Fixture("small"), "--from", "2025-01-05", "--to", "2025-01-07", "--per", "day", "--kpi", "calls");

        Assert.Equal("day", report.GetProperty("settings").GetProperty("per").GetString());
        Assert.Equal(["2025-01-05", "2025-01-06", "2025-01-07"], report.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("label").GetString()!));
        Assert.Equal(0m, report.Value("calls", period: "2025-01-05").Number());
        Assert.Equal(2m, report.Value("calls", period: "2025-01-06").Number());
    }

    [Fact]
    public void Report_PerDayInAZoneWest_PutsAMorningUtcCallOnTheDayBefore()
    {
        // 2025-02-03T10:00Z (A3) is 05:00 in New York (EST, UTC−5): still the 3rd; and 2025-01-06T10:00Z is 05:00 on the 6th.
        var report = Cli.Json("report", "--data", Cli.Fixture("small"), "--from", "2025-02-02", "--to", "2025-02-03", "--per", "day", "--zone", "America/New_York", "--kpi", "calls");
        Assert.Equal(0m, report.Value("calls", period: "2025-02-02").Number());
        Assert.Equal(1m, report.Value("calls", period: "2025-02-03").Number());
    }

    [Fact]
    public void Report_Rolling_ShowsTheWindowKpiUnderItsOwnId()
    {
        // Revenue over the 3 months ending each month: January (Nov–Jan) 0; February (Dec–Feb) D1 1,000; April (Feb–Apr)
        // 1,000 + D2 3,000 = 4,000; May (Mar–May) 3,000 + D3 500 = 3,500.
        var report = Cli.Json("report", "--data", Cli.Fixture("small"), "--from", "2025-01-01", "--to", "2025-05-31", "--per", "month", "--kpi", "revenue", "--rolling", "3m");

        Assert.Equal(["revenue-rolling-3m"], report.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("id").GetString()!));
        Assert.Equal(0m, report.Value("revenue-rolling-3m", period: "2025-01").Number());
        Assert.Equal(1000m, report.Value("revenue-rolling-3m", period: "2025-02").Number());
        Assert.Equal(4000m, report.Value("revenue-rolling-3m", period: "2025-04").Number());
        Assert.Equal(3500m, report.Value("revenue-rolling-3m", period: "2025-05").Number());
    }

    [Fact]
    public void Report_ToDateQuarterAndCumulative_AddUpThePeriods()
    {
        // Quarter to date: Apr 3,000 (D2), May 3,000 + 500 = 3,500, Jun 3,500; cumulative from February: 1,000, 1,000,
        // 4,000, 4,500, 4,500.
        var toDate = Cli.Json("report", "--data", Cli.Fixture("small"), "--from", "2025-04-01", "--to", "2025-06-30", "--per", "month", "--kpi", "revenue", "--to-date", "quarter");
        var cumulative = Cli.Json("report", "--data", Cli.Fixture("small"), "--from", "2025-02-01", "--to", "2025-06-30", "--per", "month", "--kpi", "revenue", "--cumulative");

        Assert.Equal(3500m, toDate.Value("revenue-qtd", period: "2025-05").Number());
        Assert.Equal(3500m, toDate.Value("revenue-qtd", period: "2025-06").Number());
        Assert.Equal(1000m, cumulative.Value("revenue-cumulative", period: "2025-03").Number());
        Assert.Equal(4500m, cumulative.Value("revenue-cumulative", period: "2025-06").Number());
    }

    [Fact]
    public void Report_VsLastYear_AddsLastYearsValueAndTheGrowthBesideEachKpi()
    {
        // The fixture has no deals in 2024: last year's revenue is 0, so the growth is undefined with the reason.
        var report = Cli.Json("report", "--data", Cli.Fixture("small"), "--from", "2025-02-01", "--to", "2025-02-28", "--kpi", "revenue", "--vs", "last-year");

        Assert.Equal(["revenue", "revenue-last-year", "revenue-yoy-growth"], report.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("id").GetString()!));
        Assert.Equal(1000m, report.Value("revenue").Number());
        Assert.Equal(0m, report.Value("revenue-last-year").Number());
        Assert.Null(report.Value("revenue-yoy-growth").Number());
        Assert.Equal("revenue was zero in the same period last year", report.Value("revenue-yoy-growth").GetProperty("reason").GetString());
    }

    [Fact]
    public void Trend_RollingPerWeek_TrendsTheWindowKpi()
    {
        var result = Cli.Run("trend", "--data", Cli.Fixture("small"), "--from", "2025-01-06", "--to", "2025-01-19", "--per", "week", "--kpi", "calls", "--rolling", "2w", "--format", "csv");

        // W02 (6–12 Jan): the two weeks 30 Dec–12 Jan hold A1 and A2: 2; W03 (13–19 Jan): 6–19 Jan, the same 2.
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("calls-rolling-2w,all,2025-W02,2025-01-06,2025-01-12,2,count,", result.Output, StringComparison.Ordinal);
        Assert.Contains("calls-rolling-2w,all,2025-W03,2025-01-13,2025-01-19,2,count,", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rolling 90x", "--rolling: '90x' is not a length; write a number from 1 to 100000 and d (days), w (weeks), m (months) or y (years), such as 90d, 4w or 3m.")]
    [InlineData("--rolling 0d", "--rolling: '0d' is not a length;")]
    [InlineData("--rolling 90d --cumulative --per month", "--rolling 90d and --cumulative are two windows: give one of --rolling, --to-date and --cumulative (--vs last-year goes with any).")]
    [InlineData("--to-date month --cumulative --per day", "--to-date month and --cumulative are two windows")]
    [InlineData("--cumulative", "--cumulative adds each period to the ones before it: give --per (day, week, month, …) with it")]
    [InlineData("--to-date month --per quarter", "--to-date month per quarter would show only the last month of each quarter")]
    [InlineData("--to-date qtd", "--to-date: 'qtd' is not a to-date unit; did you mean 'quarter'?")]
    [InlineData("--vs yoy", "--vs: 'yoy' is not a comparison; did you mean 'last-year'? (the comparisons are last-year, none).")]
    [InlineData("--per daily", "--per: 'daily' is not a period; did you mean 'day'?")]
    public void Report_BadWindowOptions_AreBadUsage(string options, string message)
    {
        var result = Cli.Run(["report", "--kpi", "revenue", .. options.Split(' ')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Trend_BadWindowOptions_AreBadUsage()
    {
        var result = Cli.Run("trend", "--kpi", "revenue", "--rolling", "3q");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--rolling: '3q' is not a length", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FiscalStartWithAFiscalYearToDate_IsAllowed()
    {
        // Fiscal years from April: FY2026 to date at the end of May is April–May: D2 3,000 + D3 500 = 3,500.
        var report = Cli.Json("report", "--data", Cli.Fixture("small"), "--from", "2025-05-01", "--to", "2025-05-31", "--kpi", "revenue", "--to-date", "fiscal-year", "--fiscal-start", "apr");
        Assert.Equal(3500m, report.Value("revenue-fytd").Number());
    }
}
