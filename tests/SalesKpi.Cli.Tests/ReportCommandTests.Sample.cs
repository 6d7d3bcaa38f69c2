namespace SalesKpi.Cli.Tests;

public partial class ReportCommandTests
{
    [Fact]
    public void Report_NoData_PrintsTheEmbeddedSampleReport()
    {
        var result = Cli.Run("report");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        var lines = result.Output.Split('\n');
        Assert.Equal("SalesKpi report: embedded sample", lines[0]);
        Assert.Equal("2025-01-01 to 2025-12-31 (UTC), all records, whole range", lines[1]);
        Assert.Equal("10 reps, 2,475 leads, 649 opportunities (2,137 stage changes), 261 deals, 17,843 activities, 33 spend records", lines[2]);
        // The KPI column is as wide as its longest id, customer-acquisition-cost (25 characters).
        Assert.Contains("│ close-rate                │         27.2% │ 162 / 596 ", result.Output);
        Assert.Contains("│ revenue                   │ 5,310,900 USD │", result.Output);
        Assert.All(lines, line => Assert.True(line.Length <= CliConsole.DefaultWidth, line));
    }

    [Fact]
    public void Report_NoData_EveryBuiltInKpiIsReported()
    {
        var report = Cli.Json("report");

        Assert.Equal(Reporting.Kpis.All.Length, report.GetProperty("kpis").GetArrayLength());
        Assert.Equal("embedded sample", report.GetProperty("settings").GetProperty("data").GetString());
        Assert.Equal(0, report.GetProperty("import").GetProperty("rejected").GetInt32());
        Assert.Equal(17_843, report.GetProperty("import").GetProperty("records").GetProperty("activities").GetInt32());
    }

    [Fact]
    public void Report_NoData_DefaultRangeIsTheYearOfTheLatestEvent()
    {
        var report = Cli.Json("report", "--kpi", "calls");

        Assert.Equal("2025-01-01", report.GetProperty("range").GetProperty("from").GetString());
        Assert.Equal("2025-12-31", report.GetProperty("range").GetProperty("to").GetString());
    }

    [Fact]
    public void Report_ByRepPerWeek_SplitsWideTablesToFitTheWidth()
    {
        var result = Cli.Run("report", "--by", "rep", "--per", "week", "--kpi", "calls,close-rate");

        Assert.Equal(0, result.ExitCode);
        Assert.All(result.Output.Split('\n'), line => Assert.True(line.Length <= CliConsole.DefaultWidth, line));
        Assert.Contains("2025-W52", result.Output);
        Assert.Contains("r10 (Tom Becker)", result.Output);
    }
}
