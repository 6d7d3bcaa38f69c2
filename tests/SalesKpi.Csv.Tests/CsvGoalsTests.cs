using System.Text;
using NodaTime;
using SalesKpi.Reporting;

namespace SalesKpi.Csv.Tests;

public class CsvGoalsTests
{
    private static System.Collections.Immutable.ImmutableArray<Planning.KpiGoal> Read(string csv, CsvGoalOptions? options = null) =>
        CsvGoals.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "targets.csv", options);

    private static CsvRejection Reject(string csv, CsvGoalOptions? options = null) =>
        Assert.Throws<CsvImportException>(() => Read(csv, options)).Rejection!;

    [Fact]
    public void Read_EveryPeriodForm_GivesItsDates()
    {
        var goals = Read("""
            kpi,group,period,target,warning,critical
            revenue,all,2025,1000000,,
            revenue,team:north,2025-Q2,300000,240000,180000
            close-rate,ayse,2025-03,65%,45%,30%
            calls,rep:bora,2025-W07,200,150,
            sales-cycle-length,source:web,2025-01-06..2025-02-28,30,40,50

            """);

        Assert.Equal(
            [
                (new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)),
                (new LocalDate(2025, 4, 1), new LocalDate(2025, 6, 30)),
                (new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)),
                // ISO week 7 of 2025: Monday 10 to Sunday 16 February.
                (new LocalDate(2025, 2, 10), new LocalDate(2025, 2, 16)),
                (new LocalDate(2025, 1, 6), new LocalDate(2025, 2, 28)),
            ],
            goals.Select(g => (g.Period.Start, g.Period.End)));
        Assert.Equal(["all", "north", "ayse", "bora", "web"], goals.Select(g => g.Group));
        Assert.Equal([KpiGrouping.None, KpiGrouping.ByTeam, KpiGrouping.ByRep, KpiGrouping.ByRep, KpiGrouping.BySource], goals.Select(g => g.Grouping));
        // 65% is 0.65; an empty threshold is none.
        Assert.Equal((0.65m, 0.45m, 0.3m), (goals[2].Target, goals[2].Warning, goals[2].Critical));
        Assert.Equal((150m, (decimal?)null), (goals[3].Warning, goals[3].Critical));
        Assert.Equal("2025-Q2", goals[1].PeriodLabel);
    }

    [Fact]
    public void Read_OptionalColumnsLeftOut_GoalsForAllWithNoThresholds()
    {
        var goal = Assert.Single(Read("period,kpi,target\n2025,deals-won,40\n"));

        Assert.Equal((KpiGrouping.AllKey, 40m, (decimal?)null), (goal.Group, goal.Target, goal.Warning));
    }

    [Fact]
    public void Read_UnknownKpi_NamesTheCellAndTheClosestIds()
    {
        var rejection = Reject("kpi,period,target\nrevenue,2025,1\nclose-rat,2025,0.5\n");

        Assert.Equal("targets.csv:3:1: kpi: unknown KPI 'close-rat'; did you mean 'close-rate'?", rejection.ToString());
    }

    [Fact]
    public void Read_BadPeriodOrNumber_NamesTheCell()
    {
        Assert.Equal("targets.csv:2:9: period: '2025-H1' is not a period: write a year (2025), a quarter (2025-Q1), a month (2025-03), an ISO week (2025-W07) or dates (2025-01-06..2025-02-28)", Reject("kpi,period,target\nrevenue,2025-H1,1\n").ToString());
        Assert.Equal((2L, 9, "period"), Reject("kpi,period,target\nrevenue,2025-W54,1\n") is var w ? (w.Line, w.Column, w.Field) : default);
        Assert.Equal((2L, 14, "target"), Reject("kpi,period,target\nrevenue,2025,lots\n") is var t ? (t.Line, t.Column, t.Field) : default);
    }

    [Fact]
    public void Read_ThresholdsOutOfOrder_NamesTheWarningCell()
    {
        var rejection = Reject("kpi,period,target,warning\nrevenue,2025,100,120\n");

        Assert.Equal((2L, 18, "warning"), (rejection.Line, rejection.Column, rejection.Field));
        Assert.Contains("critical ≤ warning ≤ target", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownGroup_SuggestsTheDatasGroups()
    {
        var options = new CsvGoalOptions { KnownGroups = g => g == KpiGrouping.ByTeam ? ["team-east", "team-west"] : [] };

        var rejection = Reject("kpi,group,period,target\nrevenue,team:team-eats,2025,1\n", options);

        Assert.Equal("targets.csv:2:9: group: the data has no team 'team-eats'; did you mean 'team-east' or 'team-west'?", rejection.ToString());
        Assert.Contains("'manager' is not a dimension", Reject("kpi,group,period,target\nrevenue,manager:x,2025,1\n").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadHeader_IsAnError()
    {
        // 'perod' starts after "kpi,": column 5.
        Assert.Equal("targets.csv:1:5: unknown column 'perod'; did you mean 'period'? (the columns are kpi, group, period, target, warning, critical)", Reject("kpi,perod,target\n").ToString());
        Assert.Contains("no column 'target'", Reject("kpi,period\nrevenue,2025\n").Reason, StringComparison.Ordinal);
        Assert.Contains("the file is empty", Reject(string.Empty).Reason, StringComparison.Ordinal);
        Assert.Contains("the row has 2 fields, the header 3", Reject("kpi,period,target\nrevenue,2025\n").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedCsv_GivesTheLineAndColumn()
    {
        var rejection = Reject("kpi,period,target\nrevenue,\"2025,1\n");

        Assert.Equal(2L, rejection.Line);
    }
}
