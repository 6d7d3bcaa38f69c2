using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

public sealed class SalesCycleLengthTests
{
    // Calendar days between the local dates of creation and close, for opportunities won in the period (by close).
    private static readonly Opportunity[] Data1 =
    [
        Won("y1", At(2025, 1, 1), At(2025, 1, 11), owner: Ayse),              // 1 → 11 January: 10
        Won("y2", At(2025, 1, 5), At(2025, 2, 4), owner: Ayse),               // 5 January → 4 February: 26 + 4 = 30
        Won("y3", At(2025, 2, 1, 10), At(2025, 2, 1, 15), owner: Budi),       // same day: 0
        Won("y4", At(2024, 12, 2), At(2025, 3, 2), owner: Budi),              // 2 Dec → 2 Jan 31, → 2 Feb 31, → 2 Mar 28: 90
        Won("y5", At(2025, 1, 10), At(2025, 3, 21), owner: Olga),             // 10 Jan → 10 Feb 31, → 10 Mar 28, → 21 Mar 11: 70
        Lost("y6", At(2025, 1, 10), At(2025, 2, 1), owner: Olga),             // lost: not a sales cycle
        Open("y7", At(2025, 1, 10), owner: Olga),                             // open: not a sales cycle
    ];

    [Fact]
    public void Evaluate_Quarter_GivesMeanMedianAndPercentilesOfTheWonCycles()
    {
        // Sorted: 0, 10, 30, 70, 90 (n = 5). Mean: 200 / 5 = 40.
        // Ranks are (n − 1) × p = 4p: median rank 2 → 30; p25 rank 1 → 10; p75 rank 3 → 70;
        // p90 rank 3.6 → 70 + 0.6 × (90 − 70) = 82.
        var value = Evaluate(Kpis.SalesCycleLength, Data(Data1), Quarter1Of2025);

        Assert.Equal(KpiUnit.Days, value.Unit);
        Assert.Equal(5, value.SampleSize);
        Assert.Equal(40m, value.Value);
        Assert.Equal(30m, value.Median);
        Assert.Equal(10m, value.Percentile25);
        Assert.Equal(70m, value.Percentile75);
        Assert.Equal(82m, value.Percentile90);
        Assert.Equal("40 days (median 30, n = 5)", value.ToString());
    }

    [Fact]
    public void Evaluate_TwoCycles_InterpolatesThePercentilesLinearly()
    {
        // ayse: 10 and 30 (n = 2), ranks p × 1: mean 20; median 10 + 0.5 × 20 = 20; p25 10 + 0.25 × 20 = 15;
        // p75 10 + 0.75 × 20 = 25; p90 10 + 0.9 × 20 = 28.
        var report = Report(Kpis.SalesCycleLength, Data(Data1), Quarter1Of2025, KpiGrouping.ByRep);
        var ayse = report.Get(KpiIds.SalesCycleLength, "ayse");

        Assert.Equal(2, ayse.SampleSize);
        Assert.Equal(20m, ayse.Value);
        Assert.Equal(20m, ayse.Median);
        Assert.Equal(15m, ayse.Percentile25);
        Assert.Equal(25m, ayse.Percentile75);
        Assert.Equal(28m, ayse.Percentile90);
    }

    [Fact]
    public void Evaluate_GroupedByRepPerMonth_PlacesEachCycleInTheMonthItWasWon()
    {
        // ayse: January y1 10; February y2 30; March none. budi: February y3 0; March y4 90. olga: March y5 70.
        var report = Report(Kpis.SalesCycleLength, Data(Data1), Quarter1Of2025, KpiGrouping.ByRep, PeriodUnit.Month);

        string[] Row(string rep) => [.. Enumerable.Range(0, 3).Select(p => report.Get(KpiIds.SalesCycleLength, rep, p).ToString())];

        Assert.Equal(["10 days (median 10, n = 1)", "30 days (median 30, n = 1)", "undefined: no opportunities won in the period"], Row("ayse"));
        Assert.Equal(["undefined: no opportunities won in the period", "0 days (median 0, n = 1)", "90 days (median 90, n = 1)"], Row("budi"));
        Assert.Equal(["undefined: no opportunities won in the period", "undefined: no opportunities won in the period", "70 days (median 70, n = 1)"], Row("olga"));
    }

    [Fact]
    public void Evaluate_NothingWon_IsUndefinedWithTheReasonAndAnEmptySample()
    {
        var value = Evaluate(Kpis.SalesCycleLength, Data([Data1[5], Data1[6]]), Quarter1Of2025);

        Assert.False(value.IsDefined);
        Assert.Null(value.Value);
        Assert.Null(value.Median);
        Assert.Equal(0, value.SampleSize);
        Assert.Equal("no opportunities won in the period", value.UndefinedReason);
    }

    [Fact]
    public void Evaluate_InIstanbul_CountsCalendarDaysBetweenLocalDates()
    {
        // Created at 20:30 UTC and won at 21:30 UTC on 1 March: 0 days in UTC. In Istanbul (UTC+3) it was created at
        // 23:30 on 1 March and won at 00:30 on 2 March: 1 day, although only an hour passed.
        Opportunity[] data = [Won("z1", At(2025, 3, 1, 20, 30), At(2025, 3, 1, 21, 30))];

        Assert.Equal(0m, Evaluate(Kpis.SalesCycleLength, Data(data), Month(2025, 3)).Value);
        Assert.Equal(1m, Evaluate(Kpis.SalesCycleLength, Data(data), Month(2025, 3), KpiSettings.Default.WithZone("Europe/Istanbul")).Value);
    }

    [Fact]
    public void Direction_IsLowerIsBetter()
    {
        Assert.Equal(KpiDirection.LowerIsBetter, Kpis.SalesCycleLength.Direction);
    }
}
