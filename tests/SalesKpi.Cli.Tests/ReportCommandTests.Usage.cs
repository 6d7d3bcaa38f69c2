namespace SalesKpi.Cli.Tests;

public partial class ReportCommandTests
{
    [Theory]
    [InlineData(new[] { "report", "--by", "reps" }, "--by: 'reps' is not a grouping or a dimension of the data; did you mean 'rep'?")]
    [InlineData(new[] { "report", "--per", "year" }, "--per: 'year' is not a period; did you mean 'fiscal-year'?")]
    [InlineData(new[] { "report", "--format", "xml" }, "--format: 'xml' is not a format; did you mean 'html'? (the formats are table, json, csv, markdown, html).")]
    [InlineData(new[] { "report", "--from", "2025-13-01" }, "--from: '2025-13-01' is not a date; write YYYY-MM-DD")]
    [InlineData(new[] { "report", "--to", "31/12/2025" }, "--to: '31/12/2025' is not a date")]
    [InlineData(new[] { "report", "--from", "2025-06-01", "--to", "2025-01-01" }, "--to 2025-01-01 is before --from 2025-06-01")]
    [InlineData(new[] { "report", "--zone", "Europe/Istambul" }, "--zone: 'Europe/Istambul' is not an IANA time zone; did you mean 'Europe/Istanbul'")]
    [InlineData(new[] { "report", "--kpi", "close-rat" }, "--kpi: unknown KPI 'close-rat'; did you mean 'close-rate'?")]
    [InlineData(new[] { "report", "--kpi", "revenue,avg-deal-size" }, "--kpi: unknown KPI 'avg-deal-size'")]
    [InlineData(new[] { "report", "--data", "no/such/directory" }, "--data: the directory 'no/such/directory' does not exist")]
    [InlineData(new[] { "report", "--mapping", "mapping.json" }, "--mapping: the file 'mapping.json' does not exist")]
    [InlineData(new[] { "report", "--frm", "2025-01-01" }, "unknown option '--frm'; did you mean '--from'?")]
    [InlineData(new[] { "reprt" }, "unknown command 'reprt'; did you mean 'report'?")]
    [InlineData(new[] { "report", "--on-error", "skip" }, "--on-error: 'skip' is not an error mode; did you mean 'report'?")]
    public void Report_BadUsage_ExitsWithTwoAndSaysWhyOnStderr(string[] args, string expected)
    {
        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains(expected, result.Error);
        Assert.Contains("--help' for the options.", result.Error);
    }

    [Fact]
    public void Run_NoArguments_PrintsHelpOnStderrAndExitsWithTwo()
    {
        var result = Cli.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("report", result.Error);
        Assert.Contains("kpis", result.Error);
    }

    [Fact]
    public void Report_Help_ListsEveryOption()
    {
        var result = Cli.Run("report", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--data", "--connection", "--mapping", "--from", "--to", "--by", "--per", "--zone", "--format", "--kpi", "--on-error" })
        {
            Assert.Contains(option, result.Output);
        }
    }

    [Fact]
    public void Report_DirectoryWithoutSalesKpiFiles_IsBadUsage()
    {
        using var directory = new TempDirectory();
        directory.Write("export.csv", "a,b\n1,2");

        var result = Cli.Run("report", "--data", directory.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has none of the SalesKpi files", result.Error);
    }

    [Fact]
    public void Report_MappingWithoutData_IsBadUsage()
    {
        using var directory = new TempDirectory();
        directory.Write("mapping.json", "{}");

        var result = Cli.Run("report", "--mapping", Path.Combine(directory.Path, "mapping.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--mapping needs --data", result.Error);
    }

    [Fact]
    public void Report_InvalidMapping_IsBadUsageWithWhereAndWhy()
    {
        using var directory = new TempDirectory();
        directory.Write("mapping.json", """{ "files": [ { "source": "x.csv", "target": "deal.csv", "columns": {} } ] }""");

        var result = Cli.Run("report", "--data", directory.Path, "--mapping", Path.Combine(directory.Path, "mapping.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.files[0].target: 'deal.csv' is not a SalesKpi file", result.Error);
        Assert.Contains("did you mean 'deals.csv'?", result.Error);
    }

    [Fact]
    public void Kpis_ListsEveryBuiltInKpi()
    {
        var result = Cli.Run("kpis");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Reporting.Kpis.All.Length, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("close-rate", result.Output);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    [InlineData(" , ")]
    public void Report_KpiOptionWithNoId_IsBadUsageInsteadOfEveryKpi(string value)
    {
        var result = Cli.Run("report", "--kpi", value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("saleskpi: bad usage: --kpi: no KPI id given", result.Error);
    }
}
