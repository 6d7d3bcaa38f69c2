using Snapshooter.Xunit;

namespace SalesKpi.Cli.Tests;

public partial class ReportCommandTests
{
    [Fact]
    public void Report_ByRepPerMonth_IsOneTablePerKpiWithTheRepsAsRowsAndTheMonthsAsColumns()
    {
        var result = Cli.Run("report", "--data", Cli.Fixture("small"), "--from", "2025-01-01", "--to", "2025-06-30", "--by", "rep", "--per", "month", "--kpi", "deals-won,revenue");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        // One table per KPI, each headed by its id, each with the same six months as columns.
        Assert.Equal(["deals-won", "revenue"], lines.Where(l => l is "deals-won" or "revenue"));
        var headers = lines.Where(l => l.StartsWith("│ Group", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, headers.Count);
        Assert.All(headers, h => Assert.Equal("│ Group │ 2025-01 │ 2025-02 │ 2025-03 │ 2025-04 │ 2025-05 │ 2025-06 │", Squeeze(h)));
        // D1 (ana, February, 1,000), D2 (ben, April, 3,000), D3 (ana, May, 500).
        Assert.Contains(lines, l => Squeeze(l).StartsWith("│ ana (Ana", StringComparison.Ordinal) && Squeeze(l).EndsWith("│ 0 │ 1 │ 0 │ 0 │ 1 │ 0 │", StringComparison.Ordinal));
        Assert.Contains(lines, l => Squeeze(l).StartsWith("│ ben (Ben", StringComparison.Ordinal) && Squeeze(l).EndsWith("│ 0 USD │ 0 USD │ 0 USD │ 3,000 USD │ 0 USD │ 0 USD │", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_ByRepPerMonth_MatchesTheSnapshot()
    {
        var result = Cli.Run("report", "--data", Cli.Fixture("small"), "--from", "2025-01-01", "--to", "2025-06-30", "--by", "rep", "--per", "month", "--kpi", "deals-won,revenue,close-rate");

        Assert.Equal(0, result.ExitCode);
        result.Output.Replace(Cli.Fixture("small"), "small", StringComparison.Ordinal).MatchSnapshot();
    }

    [Fact]
    public void Report_LayoutLong_IsOneRowPerGroupPeriodAndKpi()
    {
        var result = Cli.Run("report", "--data", Cli.Fixture("small"), "--from", "2025-01-01", "--to", "2025-06-30", "--by", "rep", "--per", "quarter", "--kpi", "revenue", "--layout", "long");

        Assert.Equal(0, result.ExitCode);
        var rows = result.Output.Split('\n').Select(Squeeze).Where(l => l.Contains("│ revenue │", StringComparison.Ordinal)).ToList();
        // Reps × quarters: each rep of the fixture's roster, 2025-Q1 and 2025-Q2. Ana: 1,000 in Q1 (D1), 500 in Q2 (D3).
        Assert.Contains("│ ana (Ana Silva) │ 2025-Q1 │ revenue │ 1,000 USD │ │", rows);
        Assert.Contains("│ ana (Ana Silva) │ 2025-Q2 │ revenue │ 500 USD │ │", rows);
        Assert.Equal(0, rows.Count % 2);
    }

    [Fact]
    public void Report_Width_SplitsAWideTableRepeatingItsFirstColumn()
    {
        var wide = Cli.Run("report", "--data", Cli.Fixture("small"), "--by", "rep", "--per", "month", "--kpi", "revenue");
        var narrow = Cli.Run("report", "--data", Cli.Fixture("small"), "--by", "rep", "--per", "month", "--kpi", "revenue", "--width", "60");

        Assert.Equal(0, narrow.ExitCode);
        var narrowTables = narrow.Output.Split('\n').Count(l => l.StartsWith("│ Group", StringComparison.Ordinal));
        var wideTables = wide.Output.Split('\n').Count(l => l.StartsWith("│ Group", StringComparison.Ordinal));
        Assert.True(narrowTables > wideTables, $"{narrowTables} tables at 60 columns, {wideTables} at 120");
        Assert.All(narrow.Output.Split('\n').Where(l => l.StartsWith('│') || l.StartsWith('╭')), l => Assert.True(l.Length <= 60, l));
    }

    [Fact]
    public void Report_PipedWithColumns_FitsTheTablesToColumnsAndWidthOverridesIt()
    {
        var small = Cli.Fixture("small");

        var columns = Hostile.ToolProcess.Shell($"COLUMNS=60 saleskpi report --data '{small}' --by rep --per month --kpi revenue | cat");
        var width = Hostile.ToolProcess.Shell($"COLUMNS=60 saleskpi report --data '{small}' --by rep --per month --kpi revenue --width 200 | cat");

        Assert.Equal((0, string.Empty), (columns.ExitCode, columns.Error));
        Assert.All(columns.Output.Split('\n').Where(l => l.StartsWith('│')), l => Assert.True(l.Length <= 60, l));
        // At 200 columns the twelve months fit in one table.
        Assert.Equal(1, width.Output.Split('\n').Count(l => l.StartsWith("│ Group", StringComparison.Ordinal)));
    }

    [Fact]
    public void Report_FormatMarkdown_IsPipeTablesUnderTheHeading()
    {
        var result = Cli.Run("report", "--data", Cli.Fixture("small"), "--from", "2025-01-01", "--to", "2025-06-30", "--by", "rep", "--per", "quarter", "--kpi", "revenue", "--format", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# SalesKpi report: ", result.Output);
        Assert.Contains("| Group | 2025-Q1 | 2025-Q2 |", result.Output);
        Assert.Contains("| ana (Ana Silva) | 1,000 USD | 500 USD |", result.Output);
    }

    [Fact]
    public void Report_FormatHtmlWithOutput_WritesAPageWithAChartAndNothingOnStdout()
    {
        using var directory = new TempDirectory();
        var page = Path.Combine(directory.Path, "report.html");

        var result = Cli.Run("report", "--data", Cli.Fixture("small"), "--by", "rep", "--per", "quarter", "--kpi", "revenue,deals-won", "--format", "html", "--output", page);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(string.Empty, result.Output);
        var html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", html);
        Assert.Contains("<th", html);
        Assert.Contains("1,000 USD", html);
    }

    [Fact]
    public void Report_OutputJson_WritesTheSameDocumentToTheFile()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "report.json");

        var toFile = Cli.Run("report", "--data", Cli.Fixture("small"), "--kpi", "revenue", "--format", "json", "--output", file);
        var toStdout = Cli.Run("report", "--data", Cli.Fixture("small"), "--kpi", "revenue", "--format", "json");

        Assert.Equal((0, string.Empty), (toFile.ExitCode, toFile.Output));
        Assert.Equal(toStdout.Output, File.ReadAllText(file));
    }

    [Theory]
    [InlineData(new[] { "report", "--format", "html" }, "--format html writes a page with charts to a file: give --output FILE, such as --output report.html.")]
    [InlineData(new[] { "report", "--format", "json", "--layout", "long" }, "--layout arranges the tables of table, markdown and html; --format json has one layout (leave --layout out).")]
    [InlineData(new[] { "report", "--layout", "tall" }, "--layout: 'tall' is not a layout (the layouts are wide, long).")]
    [InlineData(new[] { "report", "--width", "12" }, "--width: '12' is not a width; write a number of columns from 40 to 10000, such as 100.")]
    [InlineData(new[] { "report", "--width", "wide" }, "--width: 'wide' is not a width; write a number of columns from 40 to 10000, such as 100.")]
    public void Report_LayoutAndOutputBadUsage_SaysWhy(string[] args, string message)
    {
        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"saleskpi: bad usage: {message}\nRun 'saleskpi report --help' for the options.\n", result.Error);
    }

    /// <summary>Returns a table line with each run of spaces made one, so that a test reads cells, not padding.</summary>
    private static string Squeeze(string line) => System.Text.RegularExpressions.Regex.Replace(line, " {2,}", " ");
}
