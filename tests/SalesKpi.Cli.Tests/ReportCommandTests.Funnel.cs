namespace SalesKpi.Cli.Tests;

/// <summary><c>--funnel ordered</c> and <c>--converted-within</c>: stage-conversion's mode and window from the command line.</summary>
public class FunnelCommandTests
{
    // Three open opportunities that enter FirstAppointment in January 2025:
    //   O-1 → Proposal 8 days later; O-2 skips Proposal, entering Negotiation 17 days later; O-3 → Proposal 56 days later.
    private static TempDirectory Data()
    {
        var directory = new TempDirectory();
        directory.Write("opportunities.csv", """
            id,account,owner,created_at,amount,currency,status
            O-1,acme,ana,2025-01-01T09:00:00Z,100,USD,open
            O-2,acme,ana,2025-01-01T09:00:00Z,100,USD,open
            O-3,acme,ana,2025-01-01T09:00:00Z,100,USD,open

            """);
        directory.Write("stage-changes.csv", """
            opportunity_id,stage,entered_at
            O-1,FirstAppointment,2025-01-02T09:00:00Z
            O-1,Proposal,2025-01-10T09:00:00Z
            O-2,FirstAppointment,2025-01-03T09:00:00Z
            O-2,Negotiation,2025-01-20T09:00:00Z
            O-3,FirstAppointment,2025-01-04T09:00:00Z
            O-3,Proposal,2025-03-01T09:00:00Z

            """);
        return directory;
    }

    [Theory]
    // Any stage reached: all three reached Proposal or later → 3 / 3.
    [InlineData(new string[0], 1.0)]
    [InlineData(new[] { "--funnel", "any" }, 1.0)]
    // Ordered: O-2 skipped Proposal → O-1, O-3 = 2 / 3.
    [InlineData(new[] { "--funnel", "ordered" }, 2.0 / 3)]
    // Within 30 days: O-1 (8 days), O-2 (17 days, any stage) → 2 / 3; O-3 took 56.
    [InlineData(new[] { "--converted-within", "30d" }, 2.0 / 3)]
    // Ordered and within 30 days: O-1 only → 1 / 3.
    [InlineData(new[] { "--funnel", "ordered", "--converted-within", "4w" }, 1.0 / 3)]
    public void StageConversion_TakesTheModeAndWindowOfTheCommandLine(string[] options, double expected)
    {
        using var data = Data();

        var report = Cli.Json(["report", "--data", data.Path, "--from", "2025-01-01", "--to", "2025-03-31", "--kpi", "stage-conversion", .. options]);

        Assert.Equal((decimal)expected, report.Value("stage-conversion").Number()!.Value, 10);
    }

    [Theory]
    [InlineData(new[] { "--kpi", "close-rate", "--funnel", "ordered" }, "--funnel sets how stage-conversion is counted, and the KPIs asked for do not include it: add --kpi stage-conversion, or leave --funnel out.")]
    [InlineData(new[] { "--kpi", "close-rate", "--converted-within", "30d" }, "--converted-within sets how stage-conversion is counted, and the KPIs asked for do not include it: add --kpi stage-conversion, or leave --converted-within out.")]
    [InlineData(new[] { "--converted-within", "30" }, "--converted-within: '30' is not a length; write a number from 1 to 100000 and d (days), w (weeks), m (months) or y (years), such as 90d, 4w or 3m.")]
    [InlineData(new[] { "--funnel", "strict" }, "--funnel: 'strict' is not a funnel mode; did you mean 'ordered'?")]
    public void Funnel_Misused_IsBadUsageSayingWhatToDo(string[] options, string message)
    {
        using var data = Data();

        var result = Cli.Run(["report", "--data", data.Path, .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
