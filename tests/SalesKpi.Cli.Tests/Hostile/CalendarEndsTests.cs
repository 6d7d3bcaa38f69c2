namespace SalesKpi.Cli.Tests.Hostile;

/// <summary>
/// Hostile class: dates and instants at the ends of the calendar, in every input of the command line (--from, --to, the
/// default range) and of the data (contract terms, timestamps), and the period arithmetic they feed.
/// </summary>
public class CalendarEndsTests
{
    private const string DealsHeader = "id,opportunity_id,account,owner,closed_at,amount,currency,kind,term_start,term_end,recurring_monthly";

    [Theory]
    [InlineData("--from", "9999-06-01")]
    [InlineData("--from", "9999-12-31")]
    [InlineData("--to", "9999-12-31")]
    [InlineData("--from", "0000-12-31")]
    [InlineData("--to", "-0001-06-01")]
    public void Report_DateOutsideTheSupportedRange_IsBadUsageNamingTheRange(string option, string date)
    {
        var result = Cli.Run("report", option, date);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith($"saleskpi: bad usage: {option}: {date} is outside the dates a report can cover, 0001-01-01 to 9998-12-31.\n", result.Error);
    }

    [Fact]
    public void Regression_Report_FromWhoseDefaultYearRunsPastTheCalendar_IsBadUsageInsteadOfAnInternalError()
    {
        // --from 9999-06-01 used to crash (ArgumentOutOfRangeException from NodaTime, exit 70); 9998-06-01 is a supported
        // date, but the year that starts there ends on 9999-05-31, past the last supported date.
        var result = Cli.Run("report", "--from", "9998-06-01");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("saleskpi: bad usage: --from 9998-06-01: the year that starts there runs to 9999-05-31, past 9998-12-31, the last date a report can cover (reports cover 0001-01-01 to 9998-12-31); give --to as well.\n", result.Error);
    }

    [Fact]
    public void Report_ToWhoseDefaultYearStartsBeforeTheCalendar_IsBadUsage()
    {
        // The year that ends on 0001-06-30 starts on 0000-07-01.
        var result = Cli.Run("report", "--to", "0001-06-30");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("saleskpi: bad usage: --to 0001-06-30: the year that ends there starts on 0000-07-01, before 0001-01-01", result.Error);
    }

    [Theory]
    [InlineData("week")]
    [InlineData("month")]
    [InlineData("quarter")]
    [InlineData("none")]
    public void Report_TheFirstAndLastSupportedDates_ReportEveryKpiInZonesAtBothEndsOfTheOffsets(string per)
    {
        // The previous period of the growth KPIs lies before 0001-01-01 and the last week runs into 9999: both must work in
        // the zones with the largest offsets either way.
        foreach (var zone in new[] { "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC" })
        {
            var first = Cli.Run("report", "--from", "0001-01-01", "--to", "0001-03-31", "--per", per, "--zone", zone, "--format", "json");
            var last = Cli.Run("report", "--from", "9998-10-01", "--to", "9998-12-31", "--per", per, "--zone", zone, "--format", "json");

            Assert.True(first.ExitCode == 0, first.Error);
            Assert.True(last.ExitCode == 0, last.Error);
            Assert.Contains("\"from\": \"0001-01-01\"", first.Output);
            Assert.Contains("\"to\": \"9998-12-31\"", last.Output);
        }
    }

    [Fact]
    public void Regression_Report_FromFebruary29WithoutTo_EndsOnFebruary28InsteadOfADayShort()
    {
        // The year that starts on 2024-02-29 ends the day before 2025-03-01 (the date a year later, February 29 not being
        // in 2025): 2025-02-28, 366 days. It used to end on 2025-02-27.
        var report = Cli.Json("report", "--data", Cli.Fixture("small"), "--from", "2024-02-29", "--kpi", "calls");

        Assert.Equal("2024-02-29", report.GetProperty("range").GetProperty("from").GetString());
        Assert.Equal("2025-02-28", report.GetProperty("range").GetProperty("to").GetString());
    }

    [Theory]
    [InlineData("2024-02-29", "2023-03-01")]
    [InlineData("2025-02-28", "2024-02-29")]
    [InlineData("2025-12-31", "2025-01-01")]
    public void Report_ToWithoutFrom_IsTheYearThatEndsThere(string to, string from)
    {
        var report = Cli.Json("report", "--data", Cli.Fixture("small"), "--to", to, "--kpi", "calls");

        Assert.Equal(from, report.GetProperty("range").GetProperty("from").GetString());
        Assert.Equal(to, report.GetProperty("range").GetProperty("to").GetString());
    }

    [Fact]
    public void Regression_Report_DealTermEndingOn9999_12_31_CountsAsActiveInsteadOfCrashingEveryDefaultReport()
    {
        // 9999-12-31 is the usual "no end" of a CRM export. acme's term is open-ended, globex's ends mid-2025; both started
        // in 2024. Over 2025: active at the start: acme, globex (2); at the end: acme (1), of whom new: 0.
        // customer-retention-rate = (1 - 0) / 2 = 0.5; churn-rate = 1 - 0.5 = 0.5.
        // net-revenue-retention: start customers' recurring revenue at the start 100 + 50 = 150, at the end 100: 100 / 150.
        using var directory = new TempDirectory();
        directory.Write("deals.csv", $"""
            {DealsHeader}
            D1,,acme,ana,2024-01-05T09:00:00Z,1200,USD,new-business,2024-01-01,9999-12-31,100
            D2,,globex,ana,2024-01-05T09:00:00Z,600,USD,new-business,2024-01-01,2025-06-30,50
            """);

        var every = Cli.Run("report", "--data", directory.Path, "--from", "2025-01-01", "--to", "2025-12-31");
        var report = Cli.Json("report", "--data", directory.Path, "--from", "2025-01-01", "--to", "2025-12-31", "--kpi", "customer-retention-rate,churn-rate,net-revenue-retention");

        Assert.True(every.ExitCode == 0, every.Error);
        Assert.Equal(0.5m, report.Value("customer-retention-rate").Number());
        Assert.Equal(0.5m, report.Value("churn-rate").Number());
        Assert.Equal(decimal.Round(100m / 150m, 10), report.Value("net-revenue-retention").Number());
    }

    [Fact]
    public void Report_LatestEventInYear9999_IsBadDataAskingForARangeInsteadOfAnInternalError()
    {
        using var directory = new TempDirectory();
        directory.Write("activities.csv", """
            id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool
            A1,call,ana,2025-01-06T10:00:00Z,,,,
            A2,call,ana,9999-06-01T10:00:00Z,,,,
            """);

        var result = Cli.Run("report", "--data", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("saleskpi: bad data: the latest event in the data is on 9999-06-01, so the default range would be its year, which reports cannot cover (they cover 0001-01-01 to 9998-12-31); give --from and --to.\n", result.Error);
    }

    [Fact]
    public void Report_LatestEventAtTheLastInstantInAZoneAhead_IsBadDataNotACrash()
    {
        // 9999-12-31T23:59:59Z is the last second of the calendar; in Pacific/Kiritimati (+14) its local date would be in the
        // year 10000, which does not exist: the date saturates at 9999-12-31.
        using var directory = new TempDirectory();
        directory.Write("activities.csv", """
            id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool
            A1,call,ana,9999-12-31T23:59:59Z,,,,
            """);

        var result = Cli.Run("report", "--data", directory.Path, "--zone", "Pacific/Kiritimati");
        var ranged = Cli.Json("report", "--data", directory.Path, "--zone", "Pacific/Kiritimati", "--from", "9998-01-01", "--to", "9998-12-31", "--kpi", "calls");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("saleskpi: bad data: the latest event in the data is on 9999-12-31", result.Error);
        Assert.Equal(0m, ranged.Value("calls").Number());
    }

    [Theory]
    [InlineData("9999-12-31T23:00:00-05:00")]
    [InlineData("-9998-01-01T01:00:00+05:00")]
    public void Regression_Report_TimestampPastTheCalendarOnceConverted_IsARejectedRowInsteadOfACrash(string timestamp)
    {
        // 9999-12-31T23:00:00-05:00 is already the year 10000 in UTC; the other is before the first instant. Used to crash
        // even with --on-error report. "A2,call,ana," is 12 characters, so occurred_at is line 2, column 13. The row is
        // left out; the good row is reported (1 call).
        using var directory = new TempDirectory();
        directory.Write("activities.csv", $"""
            id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool
            A2,call,ana,{timestamp},,,,
            A1,call,ana,2025-01-06T10:00:00Z,,,,
            """);

        var result = Cli.Run("report", "--data", directory.Path, "--on-error", "report", "--from", "2025-01-01", "--to", "2025-12-31", "--kpi", "calls", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith($"{Path.Combine(directory.Path, "activities.csv")}:2:13: occurred_at: ", result.Error);
        Assert.Contains("1 row rejected", result.Error);
        Assert.Equal(1m, System.Text.Json.JsonDocument.Parse(result.Output).RootElement.Value("calls").Number());
    }
}
