using System.Text.Json;

namespace SalesKpi.Cli.Tests.Hostile;

/// <summary>
/// Hostile class: nothing is lost. With --on-error report, every rejected row is shown (on stderr, and in the JSON
/// document) even when the run fails after the import: no dated record left, amounts in several currencies.
/// </summary>
public class LostDiagnosticsTests
{
    private const string ActivitiesHeader = "id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool";
    private const string DealsHeader = "id,opportunity_id,account,owner,closed_at,amount,currency,kind,term_start,term_end,recurring_monthly";

    [Fact]
    public void Regression_Report_EveryRowRejected_ListsTheRejectionsBeforeTheFailureInsteadOfLosingThem()
    {
        // Both rows are bad, so no dated record is left and there is no default range: the run fails, but only after
        // naming both rows. "A1,call,ana," is 12 characters, so occurred_at is column 13.
        using var directory = new TempDirectory();
        directory.Write("activities.csv", $"""
            {ActivitiesHeader}
            A1,call,ana,yesterday,,,,
            A2,call,ana,2025-13-01T10:00:00Z,,,,
            """);
        var file = Path.Combine(directory.Path, "activities.csv");

        var result = Cli.Run("report", "--data", directory.Path, "--on-error", "report");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"{file}:2:13: occurred_at: 'yesterday' is not an ISO-8601 instant", lines[0]);
        Assert.StartsWith($"{file}:3:13: occurred_at: '2025-13-01T10:00:00Z' is not an ISO-8601 instant", lines[1]);
        Assert.Equal("2 rows rejected and left out of the report.", lines[2]);
        Assert.Equal($"saleskpi: bad data: {directory.Path} holds no dated records, so there is no default range; give --from and --to.", lines[3]);
    }

    [Fact]
    public void Report_EveryRowRejectedWithJson_WritesTheErrorAndTheRejectionsAsADocument()
    {
        using var directory = new TempDirectory();
        directory.Write("activities.csv", $"""
            {ActivitiesHeader}
            A1,call,ana,yesterday,,,,
            """);

        var result = Cli.Run("report", "--data", directory.Path, "--on-error", "report", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var document = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(1, document.GetProperty("error").GetProperty("exitCode").GetInt32());
        Assert.EndsWith("holds no dated records, so there is no default range; give --from and --to.", document.GetProperty("error").GetProperty("message").GetString());
        var rejection = Assert.Single(document.GetProperty("import").GetProperty("rejections").EnumerateArray());
        Assert.Equal(2, rejection.GetProperty("line").GetInt32());
        Assert.Equal(13, rejection.GetProperty("column").GetInt32());
        Assert.Equal("occurred_at", rejection.GetProperty("field").GetString());
    }

    [Fact]
    public void Regression_Report_MixedCurrenciesAfterRejections_ListsTheRejectionsBeforeTheFailure()
    {
        // D3's amount is negative, so it is rejected (line 4: "D3,,initech,ana,2025-03-03T09:00:00Z," is 37 characters,
        // amount at column 38); D1 in USD and D2 in EUR cannot be summed without exchange rates.
        using var directory = new TempDirectory();
        directory.Write("deals.csv", $"""
            {DealsHeader}
            D1,,acme,ana,2025-02-10T09:00:00Z,1000,USD,new-business,,,
            D2,,globex,ana,2025-02-11T09:00:00Z,2000,EUR,new-business,,,
            D3,,initech,ana,2025-03-03T09:00:00Z,-5,USD,new-business,,,
            """);

        var result = Cli.Run("report", "--data", directory.Path, "--on-error", "report", "--kpi", "revenue", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{Path.Combine(directory.Path, "deals.csv")}:4:38: amount: the amount -5 is negative", lines[0]);
        Assert.Equal("1 row rejected and left out of the report.", lines[1]);
        Assert.StartsWith("saleskpi: bad data: ", lines[2]);
        Assert.Contains("The data has amounts in EUR, USD", lines[2]);
        var document = JsonDocument.Parse(result.Output).RootElement;
        Assert.Single(document.GetProperty("import").GetProperty("rejections").EnumerateArray());
        Assert.Contains("EUR, USD", document.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public void Report_AWholeFileFailsAfterEarlierRejections_ListsTheEarlierRejectionsFirst()
    {
        // reps.csv is read before activities.csv: its row 3 has two fields for a three-column header and is rejected;
        // then activities.csv lacks its required occurred_at column, which stops the import in every mode.
        using var directory = new TempDirectory();
        directory.Write("reps.csv", "id,name,team\nana,Ana,north\nben,Ben");
        directory.Write("activities.csv", "id,kind,owner\nA1,call,ana");

        var result = Cli.Run("report", "--data", directory.Path, "--on-error", "report", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{Path.Combine(directory.Path, "reps.csv")}:3:1: the row has 2 fields but the header has 3", lines[0]);
        Assert.Equal("1 row rejected and left out of the report.", lines[1]);
        Assert.StartsWith($"saleskpi: bad data: {Path.Combine(directory.Path, "activities.csv")}:1:1: ", lines[2]);
        var document = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(3, Assert.Single(document.GetProperty("import").GetProperty("rejections").EnumerateArray()).GetProperty("line").GetInt32());
    }
}
