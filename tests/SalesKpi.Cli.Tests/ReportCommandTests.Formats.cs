using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace SalesKpi.Cli.Tests;

public partial class ReportCommandTests
{
    [Fact]
    public void Report_JsonFormat_MatchesTheDocumentedShape()
    {
        var result = Cli.Run("report", "--data", Small, "--by", "team", "--per", "quarter", "--kpi", "close-rate,deals-won,cost-per-lead,sales-cycle-length", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Output.Replace(Small.Replace("\\", "\\\\", StringComparison.Ordinal), "<fixtures>/small", StringComparison.Ordinal);
        Snapshot.Match(JToken.Parse(json));
    }

    [Fact]
    public void Report_CsvFormat_WritesOneRowPerGroupPeriodAndKpi()
    {
        var result = Cli.Run("report", "--data", Small, "--by", "rep", "--per", "quarter", "--kpi", "close-rate,revenue,sales-cycle-length", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("group,period,kpi,value,unit,currency,numerator,denominator,sample_size,median,reason", lines[0]);
        Assert.Equal(1 + (3 * 4 * 3), lines.Length);
        Assert.Contains("ana,2025-Q1,close-rate,0.5,ratio,,1,2,,,", lines);
        Assert.Contains("ben,2025-Q2,revenue,3000,money,USD,,,,,", lines);
        Assert.Contains("ben,2025-Q2,sales-cycle-length,60,days,,,,1,60,", lines);
        Assert.Contains(lines, l => l.StartsWith("cem,2025-Q1,close-rate,,ratio,,0,0,,,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"")]
    [InlineData("-1", "-1")]
    [InlineData("+1.5", "+1.5")]
    [InlineData("-", "\"'-\"")]
    [InlineData("-1e3", "\"'-1e3\"")]
    [InlineData("plain, with comma", "\"plain, with comma\"")]
    [InlineData("web", "web")]
    public void CsvText_FormulaLikeCell_IsNeutralised(string value, string expected) =>
        Assert.Equal(expected, Output.CsvReportWriter.Text(value));

    [Fact]
    public void Report_CsvFormatWithFormulaInData_NeutralisesTheGroupCell()
    {
        using var directory = new TempDirectory();
        directory.Write("leads.csv", "id,created_at,owner,source,qualified_at,converted_at\nL1,2025-01-06T09:00:00Z,,=cmd|' /C calc'!A0,,\n");

        var result = Cli.Run("report", "--data", directory.Path, "--by", "source", "--kpi", "new-leads", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"'=cmd|' /C calc'!A0\",2025-01-01..2025-12-31,new-leads,1,count", result.Output);
    }
}
