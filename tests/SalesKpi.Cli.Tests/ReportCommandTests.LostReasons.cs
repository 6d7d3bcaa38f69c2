namespace SalesKpi.Cli.Tests;

/// <summary>Lost reasons from the command line: <c>lost_reason</c> in opportunities.csv, <c>--by lost-reason</c>, <c>deals-lost</c> and <c>lost-reason-rate</c>.</summary>
public class LostReasonCommandTests
{
    // Five opportunities closed in February 2025: four lost (two for price, one to a competitor, one with no reason), one won.
    private static TempDirectory Data(string wonReason = "")
    {
        var directory = new TempDirectory();
        directory.Write("opportunities.csv", $"""
            id,account,owner,created_at,amount,currency,status,closed_at,lost_reason
            O-1,acme,ana,2025-01-02T09:00:00Z,100,USD,lost,2025-02-01T09:00:00Z,price
            O-2,acme,ana,2025-01-03T09:00:00Z,50,USD,lost,2025-02-02T09:00:00Z,price
            O-3,acme,ana,2025-01-04T09:00:00Z,70,USD,lost,2025-02-03T09:00:00Z,competitor
            O-4,acme,ana,2025-01-05T09:00:00Z,30,USD,lost,2025-02-04T09:00:00Z,
            O-5,acme,ana,2025-01-06T09:00:00Z,20,USD,won,2025-02-05T09:00:00Z,{wonReason}

            """);
        return directory;
    }

    [Fact]
    public void DealsLost_ByLostReason_CountsEachReasonsLosses()
    {
        using var data = Data();

        var report = Cli.Json("report", "--data", data.Path, "--from", "2025-02-01", "--to", "2025-02-28", "--kpi", "deals-lost", "--by", "lost-reason");

        // price: O-1, O-2 = 2 (150 USD); competitor: O-3 = 1 (70 USD); (none): O-4 = 1 (O-5 was won, not lost).
        Assert.Equal(2m, report.Value("deals-lost", "price").Number());
        Assert.Equal(1m, report.Value("deals-lost", "competitor").Number());
        Assert.Equal(1m, report.Value("deals-lost", "(none)").Number());
        Assert.Equal("lost-reason", report.GetProperty("settings").GetProperty("by").GetString());
    }

    [Fact]
    public void LostReasonRate_IsTheShareOfLossesWithAReason()
    {
        using var data = Data();

        var report = Cli.Json("report", "--data", data.Path, "--from", "2025-02-01", "--to", "2025-02-28", "--kpi", "lost-reason-rate,deals-lost");

        // O-1, O-2, O-3 of the four lost have a reason: 3 / 4.
        Assert.Equal(0.75m, report.Value("lost-reason-rate").Number());
        Assert.Equal(4m, report.Value("deals-lost").Number());
    }

    [Fact]
    public void LostReason_OnAWonOpportunity_IsBadDataAtItsCell()
    {
        using var data = Data(wonReason: "price");

        var result = Cli.Run("report", "--data", data.Path, "--kpi", "deals-lost");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("opportunities.csv:6:", result.Error, StringComparison.Ordinal);
        Assert.Contains("only a lost one has a lost reason", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ByLostReason_WithADatabaseEngine_IsBadUsage()
    {
        using var data = Data();

        var result = Cli.Run("report", "--data", data.Path, "--engine", "duckdb", "--kpi", "deals-lost", "--by", "lost-reason");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("lost-reason", result.Error, StringComparison.Ordinal);
    }
}
