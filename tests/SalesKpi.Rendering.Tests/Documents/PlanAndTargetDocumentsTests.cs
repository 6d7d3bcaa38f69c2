using NodaTime;
using SalesKpi.Planning;
using SalesKpi.Reporting;

namespace SalesKpi.Rendering.Tests.Documents;

public class PlanAndTargetDocumentsTests
{
    // March 2025: 31 days, 21 working days (Monday to Friday).
    private static readonly DateInterval March = new(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31));

    [Fact]
    public void Activities_SeedZerosPlan_PerWeekPerDayAndPerRep()
    {
        // Seed 000: 50 deals, one meeting in three closes, 15% of calls become meetings: 150 meetings, 1,000 calls.
        var plan = ActivityPlan.ForDeals(50m, March, [new FunnelStep("calls", PlanInput.GivenRatio(0.15m)), new FunnelStep("meetings", PlanInput.GivenRatio(1m, 3m))], WorkingDayCalendar.MondayToFriday);

        var table = PlanDocuments.Activities(plan, "Activity plan", reps: 5);

        Assert.Equal(["Step", "Rate to next", "Needed", "A week", "A working day", "Per rep a week", "Per rep a day"], table.Columns.Select(c => c.Header));
        // Calls: 1,000; a week 1,000 / (31 / 7) = 225.8 → 226; a day 1,000 / 21 = 47.6 → 48;
        // per rep a week 1,000 / 5 / (31 / 7) = 45.2 → 46; per rep a day 1,000 / 5 / 21 = 9.5 → 10.
        Assert.Equal(["calls", "15.0%", "1,000", "226", "48", "46", "10"], table.Rows[0].AsEnumerable());
        Assert.Equal(["meetings", "33.3%", "150", "34", "8", "7", "2"], table.Rows[1].AsEnumerable());
        Assert.Equal(226m, PlanDocuments.PerWeek(plan.Steps[0], plan));
        Assert.Equal(10m, PlanDocuments.PerWorkingDay(plan.Steps[0], plan, 5));
    }

    [Fact]
    public void MagicNumbers_SeedFoursExample()
    {
        // 1,000,000 USD / 10,000 = 100 sales; / 0.25 = 400 proposals; / 0.5 = 800 first appointments; / 50 weeks = 16.
        var magic = MagicNumber.Calculate(PlanInput.Given(new Money(1_000_000m, Currency.USD)), PlanInput.Given(new Money(10_000m, Currency.USD)), PlanInput.GivenRatio(0.25m), PlanInput.GivenRatio(0.5m), weeks: 50m);

        var table = PlanDocuments.MagicNumbers([magic]);

        Assert.Equal(["all", "1,000,000 USD", "10,000 USD", "25.0%", "50.0%", "100", "400", "800", "16.0 → 16"], table.Rows[0].AsEnumerable());
    }

    [Fact]
    public void Barometer_TableAndBarsAgainstOneHundredPercent()
    {
        // ayse: 12 a week against 16 needed: 0.75; bora: 20 against 16: 1.25.
        var sections = PlanDocuments.Barometer(["ayse", "bora"], rep => rep == "ayse" ? 12m : 20m, _ => KpiValue.Number(16m));

        var table = Assert.IsType<TableSection>(sections[0]);
        var chart = Assert.IsType<BarChartSection>(sections[1]);
        Assert.Equal(["ayse", "12.0", "16.0", "75.0%"], table.Rows[0].AsEnumerable());
        Assert.Equal([75d, 125d], chart.Bars.Select(b => b.Value));
        Assert.Equal(100d, Assert.Single(chart.References).Value);
        Assert.Contains(table.Footnotes, f => f.StartsWith("below 100% (ayse): Train appointment setting", StringComparison.Ordinal));
    }

    [Fact]
    public void Targets_TableHintsAndChart()
    {
        var a = new KpiGoal(Kpis.CloseRate, KpiGrouping.ByRep, "ayse", March, 0.65m, 0.45m, 0.3m) { PeriodLabel = "2025-03" };
        var b = new KpiGoal(Kpis.CloseRate, KpiGrouping.ByRep, "bora", March, 0.65m, 0.45m, 0.3m) { PeriodLabel = "2025-03" };
        // ayse 0.25 < 0.3: critical; bora 0.7 ≥ 0.65: on track.
        KpiGoalResult[] results = [a.Evaluate(KpiValue.Ratio(1m, 4m), 1m), b.Evaluate(KpiValue.Ratio(7m, 10m), 1m)];

        var sections = TargetDocuments.Targets(results);

        var table = Assert.IsType<TableSection>(sections[0]);
        // Attainment 0.25 / 0.65 = 38.5%; a ratio has no pace.
        Assert.Equal(["close-rate", "ayse", "2025-03", "25.0%", "≥ 65.0%", "38.5%", "—", "critical"], table.Rows[0].AsEnumerable());
        Assert.Equal("on track", table.Rows[1][^1]);
        Assert.Contains("close-rate (ayse): Map the decision process; set the second appointment before leaving; bring references.", table.Footnotes);
        var chart = Assert.IsType<BarChartSection>(sections[1]);
        Assert.Equal([25d, 70d], chart.Bars.Select(bar => bar.Value));
        Assert.Equal(65d, Assert.Single(chart.References).Value);
    }
}
