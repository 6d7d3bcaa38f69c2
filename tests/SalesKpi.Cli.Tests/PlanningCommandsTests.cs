using System.Text.Json;

namespace SalesKpi.Cli.Tests;

/// <summary>
/// plan, targets, compare and trend over a first quarter of 2025 written here, small enough to work every value out by
/// hand.
/// </summary>
/// <remarks>
/// <para>Three reps, r1 and r2 in team-a, r3 in team-b; twelve opportunities of 10,000 USD, four each:</para>
/// <list type="bullet">
/// <item><description>r1: O1 won 01-10, O2 won 02-10, O3 lost 01-31, O4 lost 02-20 — close rate 2 / 4 = 0.5;</description></item>
/// <item><description>r2: O5 won 02-25, O6 lost 01-25, O7 lost 02-14, O8 lost 03-10 — 1 / 4 = 0.25;</description></item>
/// <item><description>r3: O9 won 01-20, O10 won 02-05, O11 won 03-15, O12 lost 03-20 — 3 / 4 = 0.75; the team 6 / 12 = 0.5.</description></item>
/// </list>
/// <para>A deal per won opportunity on its close date: O1 10,000, O2 10,000 (r1: 20,000), O5 30,000 (r2), O9 20,000,
/// O10 20,000, O11 30,000 (r3: 70,000); 120,000 in all, 20,000 a deal. Deals won by month: January 2 (O1, O9), February
/// 3 (O2, O5, O10), March 1 (O11).</para>
/// <para>O3, O4, O6 and O7 entered FirstAppointment the day after they were created and never reached Proposal; a won
/// opportunity passes every stage at its close: first appointment to proposal 6 / 10 = 0.6. Each rep made 10 calls and
/// 2 meetings: call to meeting 6 / 30 = 0.2, meeting to deal 6 / 6 = 1.</para>
/// </remarks>
public sealed class PlanningCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public PlanningCommandsTests()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "reps.csv"), "id,name,team\nr1,Ana,team-a\nr2,Ben,team-a\nr3,Cem,team-b\n");
        (string Id, string Owner, string Created, string Status, string Closed)[] opportunities =
        [
            ("O1", "r1", "01-02", "won", "01-10"), ("O2", "r1", "01-15", "won", "02-10"), ("O3", "r1", "01-06", "lost", "01-31"), ("O4", "r1", "01-08", "lost", "02-20"),
            ("O5", "r2", "01-20", "won", "02-25"), ("O6", "r2", "01-03", "lost", "01-25"), ("O7", "r2", "01-09", "lost", "02-14"), ("O8", "r2", "02-01", "lost", "03-10"),
            ("O9", "r3", "01-05", "won", "01-20"), ("O10", "r3", "01-22", "won", "02-05"), ("O11", "r3", "02-10", "won", "03-15"), ("O12", "r3", "02-12", "lost", "03-20"),
        ];
        File.WriteAllLines(Path.Combine(_dir.Path, "opportunities.csv"), [
            "id,account,owner,created_at,amount,currency,status,closed_at,lead_id,expected_close",
            .. opportunities.Select(o => $"{o.Id},acc-{o.Id},{o.Owner},2025-{o.Created}T09:00:00Z,10000.00,USD,{o.Status},2025-{o.Closed}T12:00:00Z,,"),
        ]);
        File.WriteAllLines(Path.Combine(_dir.Path, "stage-changes.csv"), [
            "opportunity_id,stage,entered_at",
            "O3,FirstAppointment,2025-01-07T09:00:00Z", "O4,FirstAppointment,2025-01-09T09:00:00Z",
            "O6,FirstAppointment,2025-01-04T09:00:00Z", "O7,FirstAppointment,2025-01-10T09:00:00Z",
        ]);
        (string Id, string Opportunity, string Owner, string Closed, int Amount)[] deals =
        [
            ("D1", "O1", "r1", "01-10", 10_000), ("D2", "O2", "r1", "02-10", 10_000), ("D3", "O5", "r2", "02-25", 30_000),
            ("D4", "O9", "r3", "01-20", 20_000), ("D5", "O10", "r3", "02-05", 20_000), ("D6", "O11", "r3", "03-15", 30_000),
        ];
        File.WriteAllLines(Path.Combine(_dir.Path, "deals.csv"), [
            "id,opportunity_id,account,owner,closed_at,amount,currency,kind,term_start,term_end,recurring_monthly",
            .. deals.Select(d => $"{d.Id},{d.Opportunity},acc-{d.Opportunity},{d.Owner},2025-{d.Closed}T12:00:00Z,{d.Amount}.00,USD,new-business,,,"),
        ]);
        var activities = new List<string> { "id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool" };
        foreach (var rep in new[] { "r1", "r2", "r3" })
        {
            for (var i = 1; i <= 12; i++)
            {
                activities.Add($"{rep}-A{i},{(i <= 10 ? "call" : "meeting")},{rep},2025-02-{i + 2:00}T10:00:00Z,,,,");
            }
        }

        File.WriteAllLines(Path.Combine(_dir.Path, "activities.csv"), activities);
    }

    public void Dispose() => _dir.Dispose();

    private string[] Data(params string[] args) => [.. args, "--data", _dir.Path, "--from", "2025-01-01", "--to", "2025-03-31"];

    private static decimal Number(JsonElement element, string name) => element.GetProperty(name).GetDecimal();

    [Fact]
    public void Compare_EachRepAgainstThePeers()
    {
        var json = Cli.Json(Data("compare", "--kpi", "close-rate,revenue"));

        var rows = json.GetProperty("comparisons").EnumerateArray().ToDictionary(r => (r.GetProperty("kpi").GetString(), r.GetProperty("group").GetString()));
        // close-rate: r1 0.5 vs (0.25 + 0.75) / 2 = 0.5, difference 0; r3 0.75 is better: rank 2 of 3.
        Assert.Equal((0.5m, 0.5m, 0m, 2), (Number(rows[("close-rate", "r1")], "value"), Number(rows[("close-rate", "r1")], "peerMean"), Number(rows[("close-rate", "r1")], "relativeDifference"), rows[("close-rate", "r1")].GetProperty("rank").GetInt32()));
        // r2 0.25 vs (0.5 + 0.75) / 2 = 0.625: (0.25 − 0.625) / 0.625 = −0.6, rank 3.
        Assert.Equal((0.625m, -0.6m, 3), (Number(rows[("close-rate", "r2")], "peerMean"), Number(rows[("close-rate", "r2")], "relativeDifference"), rows[("close-rate", "r2")].GetProperty("rank").GetInt32()));
        // revenue r3: 70,000 vs (20,000 + 30,000) / 2 = 25,000: (70,000 − 25,000) / 25,000 = 1.8, rank 1 of 3 with 2 peers.
        var r3 = rows[("revenue", "r3")];
        Assert.Equal((70_000m, 25_000m, 1.8m, 1, 3, 2), (Number(r3, "value"), Number(r3, "peerMean"), Number(r3, "relativeDifference"), r3.GetProperty("rank").GetInt32(), r3.GetProperty("ranked").GetInt32(), r3.GetProperty("peers").GetInt32()));
        Assert.Equal("Cem", r3.GetProperty("name").GetString());
    }

    [Fact]
    public void Compare_OneRep_TableAndCsv()
    {
        var table = Cli.Run(Data("compare", "--kpi", "close-rate", "--rep", "r2"));
        var csv = Cli.Run(Data("compare", "--kpi", "close-rate", "--rep", "r2", "--format", "csv"));

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("r2 (Ben)", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("r1 (Ana)", table.Output, StringComparison.Ordinal);
        // 25.0% against a peer mean of 62.5%, −60.0%, rank 3 of 3.
        Assert.Matches(@"r2 \(Ben\) │ +25\.0% │ +62\.5% │ +-60\.0% │ +3 of 3 │ +2 │", table.Output);
        Assert.Equal(
            "kpi,group,value,unit,currency,peer_mean,relative_difference,rank,ranked,peers,reason\nclose-rate,r2,0.25,ratio,,0.625,-0.6,3,3,2,\n",
            csv.Output);
    }

    [Fact]
    public void Compare_UnknownRep_IsBadUsageWithASuggestion()
    {
        var result = Cli.Run(Data("compare", "--rep", "r4"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("saleskpi: bad usage: --rep: the data has no rep 'r4'; did you mean 'r1' or 'r2' or 'r3'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_DealsWonPerMonth_WithTheChange()
    {
        var json = Cli.Json(Data("trend", "--kpi", "deals-won", "--per", "month"));

        var points = json.GetProperty("trends").EnumerateArray().Single().GetProperty("points").EnumerateArray().ToList();
        // 2, 3, 1 deals: no change for January, (3 − 2) / 2 = 0.5, (1 − 3) / 3 = −0.6666666667 (10 places).
        Assert.Equal(["2025-01", "2025-02", "2025-03"], points.Select(p => p.GetProperty("period").GetString()));
        Assert.Equal([2m, 3m, 1m], points.Select(p => Number(p, "value")));
        Assert.Equal(JsonValueKind.Null, points[0].GetProperty("change").ValueKind);
        Assert.Equal([0.5m, -0.6666666667m], points.Skip(1).Select(p => Number(p, "change")));
    }

    [Fact]
    public void Trend_PerFiscalQuarter_FollowsTheFiscalStart()
    {
        var json = Cli.Json(Data("trend", "--kpi", "deals-won", "--per", "fiscal-quarter", "--fiscal-start", "feb"));

        var points = json.GetProperty("trends").EnumerateArray().Single().GetProperty("points").EnumerateArray().ToList();
        // A fiscal year from February, named by the year it ends in: January 2025 closes FY2025 (its Q4, November to
        // January), February to April 2025 is FY2026-Q1. The 2 deals of January, then 3 + 1 = 4; change (4 − 2) / 2 = 1.
        Assert.Equal(["FY2025-Q4", "FY2026-Q1"], points.Select(p => p.GetProperty("period").GetString()));
        Assert.Equal([2m, 4m], points.Select(p => Number(p, "value")));
        Assert.Equal(1m, Number(points[1], "change"));
    }

    [Fact]
    public void Trend_FiscalStartWithoutFiscalPeriods_IsBadUsage()
    {
        var result = Cli.Run(Data("trend", "--kpi", "deals-won", "--fiscal-start", "4"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("saleskpi: bad usage: --fiscal-start is the start of fiscal periods: give --per fiscal-quarter or --per fiscal-year with it (--per is month).", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_ByRep_OneGroup_Csv()
    {
        var csv = Cli.Run(Data("trend", "--kpi", "revenue", "--per", "quarter", "--by", "rep", "--group", "r3", "--format", "csv"));

        // r3 won 20,000 + 20,000 + 30,000 = 70,000 in the first quarter; no change for the only period.
        Assert.Equal("kpi,group,period,from,to,value,unit,currency,change,reason\nrevenue,r3,2025-Q1,2025-01-01,2025-03-31,70000,money,USD,,\n", csv.Output);
    }

    [Fact]
    public void Trend_WithoutKpi_IsBadUsage()
    {
        var result = Cli.Run(Data("trend"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--kpi", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RevenueGoal_MagicNumberActivitiesAndBarometer()
    {
        var json = Cli.Json(Data("plan", "--goal", "120000", "--weeks", "4"));

        // Horizon: the 4 weeks after the rates window, 2025-04-01 (a Tuesday) to 04-28: 4 + 5 + 5 + 5 + 1 = 20 working days.
        Assert.Equal("2025-04-01", json.GetProperty("horizon").GetProperty("from").GetString());
        Assert.Equal("2025-04-28", json.GetProperty("horizon").GetProperty("to").GetString());
        Assert.Equal(20, json.GetProperty("workingDays").GetInt32());
        var plan = json.GetProperty("plans").EnumerateArray().Single();
        var magic = plan.GetProperty("magicNumber");
        // 120,000 / 20,000 = 6 sales; / 0.5 = 12 proposals; / 0.6 = 20 first appointments; / 4 weeks = 5 a week; 5 / 3 reps.
        Assert.Equal((6m, 12m, 20m, 5m), (Number(magic, "sales"), Number(magic, "proposals"), Number(magic, "firstAppointments"), Number(magic, "perWeek")));
        Assert.Equal(1.6666666667m, Number(magic, "perRepPerWeek"));
        var steps = plan.GetProperty("activities").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        // deals 120,000 / 20,000 = 6; meetings 6 / 1 = 6; calls 6 / 0.2 = 30.
        Assert.Equal([30m, 6m, 6m], new[] { "calls", "meetings", "deals" }.Select(s => Number(steps[s], "required")));
        // A week: 30 / 4 = 7.5 → 8; a working day: 30 / 20 = 1.5 → 2; per rep a week: 30 / 3 / 4 = 2.5 → 3; a day: 0.5 → 1.
        Assert.Equal((8m, 2m, 3m, 1m), (Number(steps["calls"], "perWeek"), Number(steps["calls"], "perWorkingDay"), Number(steps["calls"], "perRepPerWeek"), Number(steps["calls"], "perRepPerWorkingDay")));
        // Deals: 6 / 4 = 1.5 → 2 a week; 6 / 20 → 1 a working day.
        Assert.Equal((2m, 1m), (Number(steps["deals"], "perWeek"), Number(steps["deals"], "perWorkingDay")));
        var barometer = json.GetProperty("barometer").EnumerateArray().First();
        // r1 created 4 opportunities in 90 days: 4 × 7 / 90 = 0.3111 a week; / (5 / 3) = 84 / 450 = 0.1866666667.
        Assert.Equal(("r1", 0.3111111111m, 0.1866666667m), (barometer.GetProperty("rep").GetString(), Number(barometer, "newOpportunitiesPerWeek"), Number(barometer, "barometer")));
    }

    [Fact]
    public void Plan_DealsGoalPerRep_SplitsTheGoalEvenly()
    {
        var json = Cli.Json(Data("plan", "--deals", "6", "--weeks", "4", "--by", "rep"));

        var plans = json.GetProperty("plans").EnumerateArray().ToDictionary(p => p.GetProperty("group").GetString()!);
        Assert.Equal(["r1", "r2", "r3"], plans.Keys.Order());
        // Each rep's share: 6 / 3 = 2 deals. r3 won 3 deals with 2 meetings, a rate of 1.5: 2 / 1.5 = 1.33 → 2 meetings.
        var r3 = plans["r3"].GetProperty("activities").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        Assert.Equal(2m, Number(r3["deals"], "required"));
        Assert.Equal(2m, Number(r3["meetings"], "required"));
        // Calls: 2 / (2 meetings / 10 calls = 0.2) = 10.
        Assert.Equal(10m, Number(r3["calls"], "required"));
        // r3's magic number: its own 2 deals are 2 × 23,333.33 (70,000 / 3); sales 2, / 0.75 close = 2.67 proposals.
        Assert.Equal(2m, Number(plans["r3"].GetProperty("magicNumber"), "sales"));
    }

    [Fact]
    public void Plan_TableAndMarkdown_ShowTheSections()
    {
        var table = Cli.Run(Data("plan", "--goal", "120000 USD", "--weeks", "4"));
        var markdown = Cli.Run(Data("plan", "--goal", "120000", "--weeks", "4", "--format", "markdown"));

        Assert.Equal((0, string.Empty), (table.ExitCode, table.Error));
        Assert.Contains("Goal 120,000 USD from 2025-04-01 to 2025-04-28 (4 weeks, 20 working days, Monday to Friday), split evenly across 3 reps.", table.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ team +│ +120,000 USD │ +20,000 USD │ +50\.0% │ +60\.0% │ +6 │ +12 │ +20 │ +5\.0 → 5 │", table.Output);
        Assert.Contains("| calls |", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("Activity barometer", markdown.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "plan" }, "plan needs a goal: --goal AMOUNT (revenue, such as 250000) or --deals N.")]
    [InlineData(new[] { "plan", "--goal", "lots" }, "--goal: 'lots' is not an amount")]
    [InlineData(new[] { "plan", "--goal", "1000", "--deals", "3" }, "--goal and --deals are both goals")]
    [InlineData(new[] { "plan", "--goal", "1000 EUR" }, "--goal 1000 EUR: the data's amounts are in USD")]
    [InlineData(new[] { "plan", "--deals", "3", "--horizon-from", "2025-05-01" }, "--horizon-from and --horizon-to go together")]
    public void Plan_BadGoalOrHorizon_IsBadUsage(string[] args, string message)
    {
        var result = Cli.Run(Data(args));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_AsOfMidQuarter_PaceStatusAndHint()
    {
        var targets = Path.Combine(_dir.Path, "targets.csv");
        File.WriteAllText(targets, "kpi,group,period,target,warning,critical\ndeals-won,all,2025-Q1,8,6,4\nclose-rate,r2,2025-Q1,0.5,0.4,0.3\nrevenue,team:team-b,2025-01,20000,,\n");

        var json = Cli.Json("targets", "--data", _dir.Path, "--targets", targets, "--as-of", "2025-02-14");

        var results = json.GetProperty("results").EnumerateArray().ToList();
        // deals-won to the end of 02-14: D1, D4 (January), D5 (02-05), D2 (02-10) = 4 of 8: attainment 0.5; 45 of Q1's 90
        // days have passed: elapsed 0.5, pace 0.5 / 0.5 = 1, judged 4 / 0.5 = 8 ≥ 8: on track.
        Assert.Equal((4m, 0.5m, 0.5m, 1m, "on-track"), (Number(results[0], "value"), Number(results[0], "attainment"), Number(results[0], "elapsed"), Number(results[0], "pace"), results[0].GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("hint").ValueKind);
        // close-rate of r2 to date: O6 (01-25) and O7 (02-14) lost, O5 not yet won: 0 / 2 = 0 < 0.3: critical, the seed's hint.
        Assert.Equal((0m, "critical"), (Number(results[1], "value"), results[1].GetProperty("status").GetString()));
        Assert.StartsWith("Map the decision process", results[1].GetProperty("hint").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("pace").ValueKind);
        // team-b (r3) in January: D4, 20,000 ≥ 20,000 over a finished month: on track.
        Assert.Equal((20_000m, 1m, "on-track"), (Number(results[2], "value"), Number(results[2], "elapsed"), results[2].GetProperty("status").GetString()));
    }

    [Fact]
    public void Targets_Table_HasTheStatusAndCoaching()
    {
        var targets = Path.Combine(_dir.Path, "targets.csv");
        File.WriteAllText(targets, "kpi,group,period,target,warning,critical\nclose-rate,r2,2025-Q1,50%,40%,30%\n");

        var result = Cli.Run("targets", "--data", _dir.Path, "--targets", targets);

        // As of the latest event (03-20): r2 closed O5 won, O6, O7, O8 lost: 1 / 4 = 0.25 < 0.3: critical.
        Assert.Equal((0, string.Empty), (result.ExitCode, result.Error));
        Assert.Matches(@"close-rate │ r2 +│ 2025-Q1 │ +25\.0% │ +≥ 50\.0% │ +50\.0% │ +— │ critical", result.Output);
        Assert.Contains("Map the decision process; set the second appointment before leaving; bring references.", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kpi,group,period,target\nclose-rat,all,2025,1\n", "targets.csv:2:1: kpi: unknown KPI 'close-rat'; did you mean 'close-rate'?")]
    [InlineData("kpi,group,period,target\nrevenue,r9,2025,1\n", "targets.csv:2:9: group: the data has no rep 'r9'; did you mean 'r1' or 'r2' or 'r3'?")]
    [InlineData("kpi,group,period,target\nrevenue,all,2025-13,1\n", "targets.csv:2:13: period: '2025-13' is not a period")]
    public void Targets_BadFile_IsBadDataAtTheCell(string csv, string message)
    {
        var targets = Path.Combine(_dir.Path, "targets.csv");
        File.WriteAllText(targets, csv);

        var result = Cli.Run("targets", "--data", _dir.Path, "--targets", targets);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("saleskpi: bad data: " + Path.Combine(_dir.Path, message), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_BadFileWithJson_WritesTheErrorDocument()
    {
        var targets = Path.Combine(_dir.Path, "targets.csv");
        File.WriteAllText(targets, "kpi,period,target\nrevenue,2025,lots\n");

        var result = Cli.Run("targets", "--data", _dir.Path, "--targets", targets, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var error = JsonDocument.Parse(result.Output).RootElement.GetProperty("error");
        Assert.Equal(1, error.GetProperty("exitCode").GetInt32());
        // "revenue,2025," is 13 characters: the target starts in column 14.
        Assert.StartsWith(targets + ":2:14: target: 'lots' is not a number", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_MissingFile_IsBadUsage()
    {
        var result = Cli.Run("targets", "--data", _dir.Path, "--targets", Path.Combine(_dir.Path, "none.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--targets: the file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_NeedsOutput_AndWritesAPage()
    {
        var page = Path.Combine(_dir.Path, "compare.html");

        var missing = Cli.Run(Data("compare", "--format", "html"));
        var written = Cli.Run(Data("compare", "--kpi", "revenue", "--format", "html", "--output", page));

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--format html writes a page with charts to a file: give --output FILE", missing.Error, StringComparison.Ordinal);
        Assert.Equal((0, string.Empty, string.Empty), (written.ExitCode, written.Output, written.Error));
        var html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_WritesJsonToTheFile()
    {
        var file = Path.Combine(_dir.Path, "trend.json");

        var result = Cli.Run(Data("trend", "--kpi", "deals-won", "--format", "json", "--output", file));

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Output));
        Assert.Equal("trend", JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("command").GetString());
    }
}
