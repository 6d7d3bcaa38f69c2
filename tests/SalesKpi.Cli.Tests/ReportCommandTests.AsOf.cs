namespace SalesKpi.Cli.Tests;

/// <summary><c>report --as-of</c>: the KPIs on the records as they stood at the end of a day, rebuilt from the stage changes and opportunity-history.csv.</summary>
public class AsOfReportCommandTests
{
    // O-1: 10,000 USD expected 2025-06-30 in Proposal (0.5) until it grew to 16,000 USD on 10 March.
    // O-2: 4,000 USD expected 2025-06-15, Prospecting (0.1) then Negotiation (0.7) from 5 March, won on 20 March.
    private static TempDirectory Data()
    {
        var directory = new TempDirectory();
        directory.Write("opportunities.csv", """
            id,account,owner,created_at,amount,currency,status,closed_at,expected_close
            O-1,acme,ana,2025-02-03T09:00:00Z,16000,USD,open,,2025-06-30
            O-2,acme,ana,2025-02-04T09:00:00Z,4000,USD,won,2025-03-20T09:00:00Z,2025-06-15

            """);
        directory.Write("stage-changes.csv", """
            opportunity_id,stage,entered_at
            O-1,Proposal,2025-02-03T09:00:00Z
            O-2,Prospecting,2025-02-04T09:00:00Z
            O-2,Negotiation,2025-03-05T09:00:00Z

            """);
        directory.Write("opportunity-history.csv", """
            opportunity_id,changed_at,amount,currency,expected_close,forecast_category,owner
            O-1,2025-02-03T09:00:00Z,10000,USD,2025-06-30,,
            O-1,2025-03-10T12:00:00Z,16000,USD,,,

            """);
        return directory;
    }

    [Theory]
    // End of 3 March: O-1 10,000 × 0.5 = 5,000; O-2 4,000 × 0.1 = 400 (Negotiation came on 5 March): 5,400.
    [InlineData("2025-03-03", 5_400)]
    // End of 12 March: O-1 16,000 × 0.5 = 8,000; O-2 4,000 × 0.7 = 2,800: 10,800.
    [InlineData("2025-03-12", 10_800)]
    // End of 25 March: O-2 was won on the 20th and left the pipeline: 8,000.
    [InlineData("2025-03-25", 8_000)]
    public void WeightedPipeline_AsOf_IsThePipelineOfThatDay(string asOf, decimal expected)
    {
        using var data = Data();

        var report = Cli.Json("report", "--data", data.Path, "--from", "2025-06-01", "--to", "2025-06-30", "--kpi", "weighted-pipeline", "--as-of", asOf);

        Assert.Equal(expected, report.Value("weighted-pipeline").Number());
        Assert.Contains($"as of the end of {asOf}", report.GetProperty("settings").GetProperty("data").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AsOf_WithADatabaseEngine_IsBadUsage()
    {
        using var data = Data();

        var result = Cli.Run("report", "--data", data.Path, "--engine", "duckdb", "--kpi", "weighted-pipeline", "--as-of", "2025-03-03");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--as-of needs --engine memory (the default)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AsOf_NotADate_IsBadUsage()
    {
        var result = Cli.Run("report", "--as-of", "last-monday");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--as-of: 'last-monday' is not a date; write YYYY-MM-DD", result.Error, StringComparison.Ordinal);
    }
}
