namespace SalesKpi.Cli.Tests;

/// <summary>
/// End-to-end reports on Fixtures/small, whose values are worked out by hand: 3 reps in 2 teams, 4 leads, 4
/// opportunities (O1 won after 30 days, O2 lost, O3 won after 60 days, O4 open), 3 deals (1,000 + 3,000 + 500 USD),
/// 6 activities and 1,265 USD of spend, all in 2025.
/// </summary>
public partial class ReportCommandTests
{
    private static readonly string Small = Cli.Fixture("small");

    [Fact]
    public void Report_SmallFixture_WholeYearValuesMatchTheHandComputedOnes()
    {
        var report = Cli.Json("report", "--data", Small);

        // Range: the year of the latest event (deal D3, 2025-05-05).
        Assert.Equal("2025-01-01", report.GetProperty("range").GetProperty("from").GetString());

        // Closed in 2025: O1 won, O2 lost, O3 won.
        var closeRate = report.Value("close-rate");
        Assert.Equal(0.6666666667m, closeRate.Number());
        Assert.Equal(2m, closeRate.GetProperty("numerator").GetDecimal());
        Assert.Equal(3m, closeRate.GetProperty("denominator").GetDecimal());

        Assert.Equal(3m, report.Value("deals-won").Number());
        Assert.Equal(4500m, report.Value("deals-won").GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.Equal(4500m, report.Value("revenue").Number());
        Assert.Equal("USD", report.Value("revenue").GetProperty("currency").GetString());
        Assert.Equal(1500m, report.Value("average-deal-size").Number());

        // O1: 2025-01-10 to 2025-02-09 = 30 days; O3: 2025-02-06 to 2025-04-07 = 60 days.
        var cycle = report.Value("sales-cycle-length");
        Assert.Equal(45m, cycle.Number());
        Assert.Equal(45m, cycle.GetProperty("median").GetDecimal());
        Assert.Equal(2, cycle.GetProperty("sampleSize").GetInt32());

        Assert.Equal(3m, report.Value("calls").Number());
        Assert.Equal(1m, report.Value("meetings").Number());
        Assert.Equal(3m, report.Value("conversations").Number());
        Assert.Equal(0.3333333333m, report.Value("call-to-meeting-rate").Number());
        Assert.Equal(2m, report.Value("emails-sent").Number());
        Assert.Equal(0.5m, report.Value("email-delivery-rate").Number());
        Assert.Equal(1m, report.Value("email-open-rate").Number());

        Assert.Equal(4m, report.Value("new-leads").Number());
        Assert.Equal(2m, report.Value("sql-count").Number());
        Assert.Equal(0.5m, report.Value("lead-to-opportunity-rate").Number());

        // 900 + 365 USD of spend in 2025 over 4 new leads.
        Assert.Equal(316.25m, report.Value("cost-per-lead").Number());
        Assert.Equal(4m, report.Value("new-opportunities").Number());
        Assert.Equal(6500m, report.Value("new-opportunities").GetProperty("amount").GetProperty("value").GetDecimal());
    }

    [Fact]
    public void Report_SmallFixtureByRep_GroupsByOwnerAndKeepsRepsWithoutData()
    {
        var report = Cli.Json("report", "--data", Small, "--by", "rep", "--kpi", "close-rate,revenue,deals-won");

        Assert.Equal(0.5m, report.Value("close-rate", "ana").Number());
        Assert.Equal(1500m, report.Value("revenue", "ana").Number());
        Assert.Equal(2m, report.Value("deals-won", "ana").Number());
        Assert.Equal(1m, report.Value("close-rate", "ben").Number());
        Assert.Equal(3000m, report.Value("revenue", "ben").Number());

        // Cem closed nothing: the close rate is undefined, with a reason; revenue is zero, in the data's currency.
        var cem = report.Value("close-rate", "cem");
        Assert.Null(cem.Number());
        Assert.False(string.IsNullOrEmpty(cem.GetProperty("reason").GetString()));
        Assert.Equal(0m, report.Value("revenue", "cem").Number());
        Assert.Equal("USD", report.Value("revenue", "cem").GetProperty("currency").GetString());

        var groups = report.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["ana", "ben", "cem"], groups.Select(g => g.GetProperty("key").GetString()));
        Assert.Equal("Ana Silva", groups[0].GetProperty("name").GetString());
        Assert.Equal("north", groups[0].GetProperty("team").GetString());
    }

    [Fact]
    public void Report_SmallFixtureByTeam_GroupsThroughTheRoster()
    {
        var report = Cli.Json("report", "--data", Small, "--by", "team", "--kpi", "close-rate,revenue");

        Assert.Equal(0.6666666667m, report.Value("close-rate", "north").Number());
        Assert.Equal(4500m, report.Value("revenue", "north").Number());
        Assert.Null(report.Value("close-rate", "south").Number());
        Assert.Equal(0m, report.Value("revenue", "south").Number());
    }

    [Fact]
    public void Report_SmallFixturePerQuarter_BucketsByTheDecidingDate()
    {
        var report = Cli.Json("report", "--data", Small, "--per", "quarter", "--kpi", "close-rate,revenue");

        // Q1: O1 won 2025-02-09, O2 lost 2025-03-01. Q2: O3 won 2025-04-07, deals D2 (3,000) and D3 (500).
        Assert.Equal(0.5m, report.Value("close-rate", "all", "2025-Q1").Number());
        Assert.Equal(1000m, report.Value("revenue", "all", "2025-Q1").Number());
        Assert.Equal(1m, report.Value("close-rate", "all", "2025-Q2").Number());
        Assert.Equal(3500m, report.Value("revenue", "all", "2025-Q2").Number());
        Assert.Null(report.Value("close-rate", "all", "2025-Q3").Number());
        Assert.Equal(0m, report.Value("revenue", "all", "2025-Q4").Number());
    }

    [Fact]
    public void Report_SmallFixtureWithRange_ReportsOnlyThatRange()
    {
        var report = Cli.Json("report", "--data", Small, "--from", "2025-04-01", "--to", "2025-06-30", "--kpi", "revenue,new-leads");

        Assert.Equal(3500m, report.Value("revenue").Number());
        Assert.Equal(1m, report.Value("new-leads").Number());
    }

    [Fact]
    public void Report_SmallFixtureInAnotherZone_DecidesDatesInThatZone()
    {
        // Lead L4, created 2025-04-01T09:00Z, is created at 23:00 on 2025-03-31 in Honolulu (UTC-10): it moves to Q1.
        var report = Cli.Json("report", "--data", Small, "--per", "quarter", "--zone", "Pacific/Honolulu", "--kpi", "new-leads");

        Assert.Equal(4m, report.Value("new-leads", "all", "2025-Q1").Number());
        Assert.Equal(0m, report.Value("new-leads", "all", "2025-Q2").Number());
        Assert.Equal("Pacific/Honolulu", report.GetProperty("settings").GetProperty("zone").GetString());
    }

    [Fact]
    public void Report_SmallFixtureTable_ShowsUnitsAndDashForUndefined()
    {
        var result = Cli.Run("report", "--data", Small, "--by", "rep", "--kpi", "close-rate,revenue,sales-cycle-length");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("│ KPI                │      ana (Ana Silva) │      ben (Ben Okoro) │ cem (Cem Aydin) │", result.Output);
        Assert.Contains("│ close-rate         │                50.0% │               100.0% │               — │", result.Output);
        Assert.Contains("│ revenue            │            1,500 USD │            3,000 USD │           0 USD │", result.Output);
        Assert.Contains("│ sales-cycle-length │ 30.0 d (median 30.0) │ 60.0 d (median 60.0) │               — │", result.Output);
        Assert.Contains("— undefined", result.Output);
    }
}
