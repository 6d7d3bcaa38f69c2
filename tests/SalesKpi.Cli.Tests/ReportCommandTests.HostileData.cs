namespace SalesKpi.Cli.Tests;

public partial class ReportCommandTests
{
    private const string DealsHeader = "id,opportunity_id,account,owner,closed_at,amount,currency,kind,term_start,term_end,recurring_monthly\n";

    private static readonly string Injection = Cli.Fixture("injection");

    [Fact]
    public void Report_CsvFormatWithFormulaRepName_QuotesAndPrefixesTheGroupButKeepsNegativeValuesNumbers()
    {
        // Fixtures/injection: the rep "=cmd|' /C calc'!A0" (id and name) won 1,000 USD on 2025-02-10 (Q1) and 500 USD on
        // 2025-05-12 (Q2); ben won 200 USD on 2025-03-03 (Q1) and nothing in Q2.
        // revenue-growth in Q2 = (Q2 - Q1) / Q1: (500 - 1000) / 1000 = -0.5 for the formula rep, (0 - 200) / 200 = -1 for ben.
        var result = Cli.Run("report", "--data", Injection, "--by", "rep", "--per", "quarter", "--from", "2025-01-01", "--to", "2025-06-30", "--kpi", "revenue", "--kpi", "revenue-growth", "--format", "csv");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("\"'=cmd|' /C calc'!A0\",2025-Q1,revenue,1000,money,USD,,,,,", lines);
        Assert.Contains("\"'=cmd|' /C calc'!A0\",2025-Q2,revenue,500,money,USD,,,,,", lines);
        Assert.Contains("\"'=cmd|' /C calc'!A0\",2025-Q2,revenue-growth,-0.5,ratio,,-500,1000,,,", lines);
        Assert.Contains("ben,2025-Q2,revenue-growth,-1,ratio,,-200,200,,,", lines);
        Assert.DoesNotContain(lines, l => l[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
    }

    [Fact]
    public void Report_FormulaRepName_IsImportedVerbatimAndShownVerbatimInJson()
    {
        // The importer keeps data as it is; only the CSV output neutralises it.
        var report = Cli.Json("report", "--data", Injection, "--by", "rep", "--from", "2025-01-01", "--to", "2025-06-30", "--kpi", "revenue");

        // 1,000 + 500 USD in the half year.
        Assert.Equal(1500m, report.Value("revenue", group: "=cmd|' /C calc'!A0").Number());
    }

    [Fact]
    public void Report_Latin1File_FailsAsBadDataNamingLineAndColumn()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(Path.Combine(directory.Path, "reps.csv"), System.Text.Encoding.Latin1.GetBytes("id,name,team\nr1,José,north\n"));

        var result = Cli.Run("report", "--data", directory.Path);

        // "r1,Jos" is 6 characters: the 0xE9 of é is column 7 of line 2.
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"saleskpi: bad data: {Path.Combine(directory.Path, "reps.csv")}:2:7: the file is not valid UTF-8: the bytes 0xE9", result.Error);
    }

    [Fact]
    public void Regression_Report_TwoAmountsNearDecimalMaxValueOverflowedAsAnInternalError()
    {
        // Each amount is decimal.MaxValue, so revenue (their sum) used to throw OverflowException: exit 70, "a bug in
        // saleskpi". The importer now caps amounts at 10^18; the first is rejected where it is: line 2, and
        // "D1,,acme,ana,2025-02-10T09:00:00Z," is 34 characters, so column 35.
        using var directory = new TempDirectory();
        directory.Write("deals.csv", DealsHeader + "D1,,acme,ana,2025-02-10T09:00:00Z,79228162514264337593543950335,USD,new-business,,,\nD2,,acme,ana,2025-05-12T09:00:00Z,79228162514264337593543950335,USD,add-on,,,");

        var result = Cli.Run("report", "--data", directory.Path, "--kpi", "revenue");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"saleskpi: bad data: {Path.Combine(directory.Path, "deals.csv")}:2:35: amount: the amount 79228162514264337593543950335 is too large", result.Error);
    }

    [Fact]
    public void Report_TwoAmountsAtTheLargestAmount_AddUp()
    {
        // 10^18 + 10^18 = 2 * 10^18, well within a decimal.
        using var directory = new TempDirectory();
        directory.Write("deals.csv", DealsHeader + "D1,,acme,ana,2025-02-10T09:00:00Z,1000000000000000000,USD,new-business,,,\nD2,,acme,ana,2025-05-12T09:00:00Z,1000000000000000000,USD,add-on,,,");

        var report = Cli.Json("report", "--data", directory.Path, "--from", "2025-01-01", "--to", "2025-12-31", "--kpi", "revenue");

        Assert.Equal(2_000_000_000_000_000_000m, report.Value("revenue").Number());
    }
}
