using System.Text.Json;

namespace SalesKpi.Cli.Tests;

/// <summary>
/// <c>saleskpi forecast</c> and <c>--by forecast-category</c> over a first quarter of 2025 written here, small enough to
/// work every value out by hand.
/// </summary>
/// <remarks>
/// <para>r1 and r2 in team-a, r3 in team-b. Deals (USD): r1 10,000 on 01-10 and 20,000 on 02-10 (30,000), r2 30,000 on
/// 02-25, r3 15,000 on 01-20; 75,000 in all, the latest event 02-25.</para>
/// <para>Open opportunities: O1 r1 40,000 in Proposal (0.5) due 03-15 → 20,000; O2 r3 10,000 in Negotiation (0.7) due
/// 03-01 → 7,000; O3 r2 5,000 in Proposal due 04-10 (after Q1).</para>
/// </remarks>
public sealed class ForecastCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ForecastCommandTests()
    {
        _dir.Write("reps.csv", "id,name,team\nr1,Ana,team-a\nr2,Ben,team-a\nr3,Cem,team-b");
        _dir.Write("opportunities.csv", """
            id,account,owner,created_at,amount,currency,status,closed_at,lead_id,expected_close
            O1,acme,r1,2025-01-05T09:00:00Z,40000.00,USD,open,,,2025-03-15
            O2,acme,r3,2025-01-06T09:00:00Z,10000.00,USD,open,,,2025-03-01
            O3,acme,r2,2025-01-07T09:00:00Z,5000.00,USD,open,,,2025-04-10
            """);
        _dir.Write("stage-changes.csv", """
            opportunity_id,stage,entered_at
            O1,Proposal,2025-01-05T09:00:00Z
            O2,Negotiation,2025-01-06T09:00:00Z
            O3,Proposal,2025-01-07T09:00:00Z
            """);
        _dir.Write("deals.csv", """
            id,opportunity_id,account,owner,closed_at,amount,currency,kind,term_start,term_end,recurring_monthly
            D1,,acme,r1,2025-01-10T12:00:00Z,10000.00,USD,new-business,,,
            D2,,acme,r1,2025-02-10T12:00:00Z,20000.00,USD,new-business,,,
            D3,,acme,r2,2025-02-25T12:00:00Z,30000.00,USD,new-business,,,
            D4,,acme,r3,2025-01-20T12:00:00Z,15000.00,USD,new-business,,,
            """);
    }

    public void Dispose() => _dir.Dispose();

    private string Forecasts(string rows)
    {
        var path = Path.Combine(_dir.Path, "forecasts.csv");
        File.WriteAllText(path, "submitter,period,amount,currency,submitted_at,category\n" + rows);
        return path;
    }

    private string DefaultForecasts() => Forecasts("""
        r1,2025-Q1,25000,USD,2024-12-20T09:00:00Z,
        r2,2025-Q1,40000,,2024-12-20T09:00:00Z,commit
        r3,2025-Q1,12000,USD,2025-01-03T09:00:00Z,
        team:team-a,2025-Q1,60000,USD,2024-12-31T23:00:00Z,
        r1,2025-Q1,99000,USD,2024-12-20T09:00:00Z,best-case

        """);

    [Fact]
    public void Forecast_EachSubmitter_ForecastActualAccuracyAndError()
    {
        var json = Cli.Json("forecast", "--data", _dir.Path, "--forecasts", DefaultForecasts());

        var rows = json.GetProperty("submitters").EnumerateArray().ToList();
        // The best case is not judged: r1, r2, r3 (reps, in key order), then team-a.
        Assert.Equal(["r1", "r2", "r3", "team-a"], rows.Select(r => r.GetProperty("group").GetString()));
        // r1: 30,000 / 25,000 = 1.2; |30,000 − 25,000| / 30,000 = 0.1666666667. r2 (currency: the data's): 30,000 / 40,000 = 0.75.
        Assert.Equal((25_000m, 30_000m, 1.2m, 0.1666666667m), (N(rows[0], "forecast"), N(rows[0], "actual"), N(rows[0], "accuracy"), N(rows[0], "error")));
        Assert.Equal(0.75m, N(rows[1], "accuracy"));
        // r3 submitted only after the quarter started.
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("accuracy").ValueKind);
        Assert.StartsWith("no commit forecast of rep 'r3' for 2025-Q1", rows[2].GetProperty("reason").GetString(), StringComparison.Ordinal);
        // team-a: r1 30,000 + r2 30,000 = 60,000 against 60,000: 1.
        Assert.Equal((1m, 0m), (N(rows[3], "accuracy"), N(rows[3], "error")));
    }

    [Fact]
    public void Forecast_PerPeriod_MapeAndBias()
    {
        var json = Cli.Json("forecast", "--data", _dir.Path, "--forecasts", DefaultForecasts());

        var periods = json.GetProperty("periods").EnumerateArray().ToList();
        // Reps: MAPE (1/6 + 1/3) / 2 = 0.25; bias ((25,000 − 30,000) + (40,000 − 30,000)) / 60,000 = 0.0833333333; r3 left out.
        Assert.Equal(("rep", 2, 1), (periods[0].GetProperty("by").GetString(), periods[0].GetProperty("judged").GetInt32(), periods[0].GetProperty("withoutForecast").GetInt32()));
        Assert.Equal((0.25m, 0.0833333333m), (N(periods[0], "mape"), N(periods[0], "bias")));
        // team-a alone: no error, no bias.
        Assert.Equal((0m, 0m), (N(periods[1], "mape"), N(periods[1], "bias")));
    }

    [Fact]
    public void Forecast_AsOfPartWayThroughTheQuarter_ProjectsTheAttainment()
    {
        var json = Cli.Json("forecast", "--data", _dir.Path, "--forecasts", DefaultForecasts(), "--from", "2025-01-01", "--to", "2025-03-31", "--as-of", "2025-02-14", "--quota", "120000");

        var all = Assert.Single(json.GetProperty("projection").EnumerateArray());
        // By the end of 02-14, 31 + 14 = 45 of 90 days. Won: 10,000 + 20,000 + 15,000 = 45,000 (r2's deal of 02-25 is later).
        // Pipeline due 02-15..03-31: O1 20,000 + O2 7,000 = 27,000 (O3 is due in April). Projected 72,000 / 120,000 = 0.6.
        // Run rate 45,000 × 90 / 45 = 90,000; 90,000 / 120,000 = 0.75.
        Assert.Equal((45, 90), (all.GetProperty("elapsedDays").GetInt32(), all.GetProperty("periodDays").GetInt32()));
        Assert.Equal((45_000m, 27_000m, 72_000m, 90_000m), (N(all, "wonSoFar"), N(all, "weightedPipeline"), N(all, "projected"), N(all, "runRate")));
        Assert.Equal((0.6m, 0.75m), (N(all, "attainment"), N(all, "runRateAttainment")));
        // As of 02-14 r2 has won nothing yet: 0 / 40,000.
        Assert.Equal(0m, N(json.GetProperty("submitters")[1], "accuracy"));
    }

    [Fact]
    public void Forecast_ByTeam_ProjectsEachTeam_AndSplitsThePipelineByCategory()
    {
        var json = Cli.Json("forecast", "--data", _dir.Path, "--forecasts", DefaultForecasts(), "--from", "2025-01-01", "--to", "2025-03-31", "--as-of", "2025-02-14", "--by", "team");

        var teams = json.GetProperty("projection").EnumerateArray().ToList();
        // team-a: won 30,000 + pipeline O1 20,000 = 50,000; team-b: 15,000 + O2 7,000 = 22,000. No --quota: no attainment.
        Assert.Equal((50_000m, 22_000m), (N(teams[0], "projected"), N(teams[1], "projected")));
        Assert.Equal(JsonValueKind.Null, teams[0].GetProperty("attainment").ValueKind);
        // Every open opportunity is in pipeline (no forecast_category in the files): O1 + O2 = 27,000 in Q1.
        var categories = json.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!, c => c.GetProperty("weightedPipeline").GetDecimal());
        Assert.Equal(27_000m, categories["pipeline"]);
        Assert.Equal(0m, categories["commit"]);
    }

    [Fact]
    public void Forecast_OverTheYearWithoutAsOf_ShowsTheProjection_AndTheTable()
    {
        var result = Cli.Run("forecast", "--data", _dir.Path, "--forecasts", DefaultForecasts());

        // The default range is 2025, still running at the end of 02-25 (the latest event): 56 of 365 days.
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Forecast accuracy", result.Output, StringComparison.Ordinal);
        Assert.Contains("Weighted pipeline by forecast category", result.Output, StringComparison.Ordinal);
        Assert.Contains("56 of 365 days elapsed", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_Csv_HasOneRowPerFigure()
    {
        var result = Cli.Run("forecast", "--data", _dir.Path, "--forecasts", Forecasts("r1,2025-Q1,25000,USD,2024-12-20T09:00:00Z,\n"), "--from", "2025-01-01", "--to", "2025-03-31", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,by,group,period,from,to,figure,value,unit,currency,reason", lines[0]);
        Assert.Contains("accuracy,rep,r1,2025-Q1,2025-01-01,2025-03-31,accuracy,1.2,ratio,,", lines);
        Assert.Contains("category,forecast-category,pipeline,2025-01-01..2025-03-31,2025-01-01,2025-03-31,weighted-pipeline,27000,money,USD,", lines);
    }

    [Fact]
    public void Forecast_AnUnknownRep_IsBadDataAtItsCell()
    {
        var result = Cli.Run("forecast", "--data", _dir.Path, "--forecasts", Forecasts("r9,2025-Q1,1,USD,2024-12-20T09:00:00Z,\n"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("forecasts.csv:2:1: submitter: the data has no rep 'r9'; did you mean", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_InAnotherCurrency_IsBadDataNamingTheSubmission()
    {
        var result = Cli.Run("forecast", "--data", _dir.Path, "--forecasts", Forecasts("r1,2025-Q1,1000,EUR,2024-12-20T09:00:00Z,\n"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The forecast rep r1, 2025-Q1: 1,000.00 EUR (commit, submitted 2024-12-20T09:00:00Z) is in EUR, the actual in USD", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_MissingFileOrBadQuota_IsBadUsage()
    {
        var missing = Cli.Run("forecast", "--data", _dir.Path, "--forecasts", Path.Combine(_dir.Path, "none.csv"));
        var quota = Cli.Run("forecast", "--data", _dir.Path, "--forecasts", DefaultForecasts(), "--quota", "lots");
        var other = Cli.Run("forecast", "--data", _dir.Path, "--forecasts", DefaultForecasts(), "--quota", "1000 EUR");

        Assert.Equal((2, 2, 2), (missing.ExitCode, quota.ExitCode, other.ExitCode));
        Assert.Contains("--forecasts: the file", missing.Error, StringComparison.Ordinal);
        Assert.Contains("--quota: 'lots' is not an amount", quota.Error, StringComparison.Ordinal);
        Assert.Contains("give the quota in USD", other.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WeightedPipelineByForecastCategory_IsThePipelinePerCategory()
    {
        var report = Cli.Json("report", "--data", _dir.Path, "--from", "2025-01-01", "--to", "2025-03-31", "--kpi", "weighted-pipeline", "--by", "forecast-category");

        // O1 20,000 + O2 7,000, both open and so in pipeline.
        Assert.Equal(27_000m, report.Value("weighted-pipeline", "pipeline").Number());
        Assert.Equal("forecast-category", report.GetProperty("settings").GetProperty("by").GetString());
    }

    [Fact]
    public void Report_ByForecastCategoryWithADatabaseEngine_IsBadUsage()
    {
        var result = Cli.Run("report", "--data", _dir.Path, "--engine", "duckdb", "--kpi", "weighted-pipeline", "--by", "forecast-category");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--by forecast-category with --engine duckdb: forecast categories are read by --engine memory", result.Error, StringComparison.Ordinal);
    }

    private static decimal? N(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetDecimal();
}
