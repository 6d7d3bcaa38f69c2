using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpiCalculatorExtensionsTests
{
    [Fact]
    public void PeriodOverPeriod_PerMonth_ComparesTheFirstMonthWithTheHiddenMonthBefore()
    {
        var data = SalesData.Create(activities:
        [
            .. Times(4, i => Call("r1", Feb(1 + i))), .. Times(5, i => Call("r1", Mar(1 + i))), .. Times(10, i => Call("r1", Apr(1 + i))),
            .. Times(2, i => Demo("r1", Feb(1 + i))), .. Times(3, i => Demo("r1", Mar(1 + i))), .. Times(3, i => Demo("r1", Apr(1 + i))),
        ]);
        var query = new KpiQuery(Dates(2025, 3, 1, 2025, 4, 30), [Kpis.Calls, Kpis.Calls.PeriodOverPeriod("calls-growth"), Demos.PeriodOverPeriod("demos-growth")], per: PeriodUnit.Month);

        var report = new KpiEvaluator().Evaluate(data, query);

        // February is evaluated for March's change but not shown.
        Assert.Equal<string>(["2025-03", "2025-04"], report.Periods.Select(p => p.Label));
        // calls: March (5 - 4) / 4 = 0.25; April (10 - 5) / 5 = 1.
        Assert.Equal(0.25m, report.Get("calls-growth", periodIndex: 0).Value);
        Assert.Equal(1m, report.Get("calls-growth", periodIndex: 1).Value);
        // demos: March (3 - 2) / 2 = 0.5; April (3 - 3) / 3 = 0.
        Assert.Equal(0.5m, report.Get("demos-growth", periodIndex: 0).Value);
        Assert.Equal(0m, report.Get("demos-growth", periodIndex: 1).Value);
        Assert.Equal(5m, report.Get(KpiIds.Calls, periodIndex: 0).Value); // the KPI itself still shows March only
    }

    [Fact]
    public void PeriodOverPeriod_Unbucketed_ComparesWithTheSameNumberOfDaysBefore()
    {
        // March has 31 days; the 31 days before it are Jan 29 - Feb 28. A call on Jan 28 is outside both.
        var data = SalesData.Create(activities:
        [
            Call("r1", Instant(2025, 1, 28)), Call("r1", Instant(2025, 1, 29)), Call("r1", Feb(28)),
            Call("r1", Mar(1)), Call("r1", Mar(2)), Call("r1", Mar(3)),
        ]);

        var value = Kpis.Calls.PeriodOverPeriod("calls-growth").Evaluate(data, March2025);

        // (3 in March - 2 in Jan 29..Feb 28) / 2 = 0.5
        Assert.Equal(0.5m, value.Value);
        Assert.Equal(1m, value.Numerator);
        Assert.Equal(2m, value.Denominator);
    }

    [Fact]
    public void PeriodOverPeriod_PreviousPeriodZero_IsUndefinedNotZero()
    {
        var data = SalesData.Create(activities: [Demo("r1", Mar(3))]);

        var value = Demos.PeriodOverPeriod("demos-growth").Evaluate(data, March2025);

        // 1 demo after 0: no finite change.
        Assert.False(value.IsDefined);
        Assert.Equal("demos was zero in the previous period", value.UndefinedReason);
    }

    [Fact]
    public void PeriodOverPeriod_PreviousValueUndefined_IsUndefinedNamingIt()
    {
        var data = SalesData.Create(activities: [Call("r1", Mar(3)), Meeting("r1", Mar(3)), Meeting("r1", Feb(3))]);

        var value = Kpis.CallToMeetingRate.PeriodOverPeriod("call-to-meeting-growth").Evaluate(data, March2025);

        Assert.False(value.IsDefined);
        Assert.Equal("call-to-meeting-rate is undefined in the previous period: calls is zero", value.UndefinedReason);
    }

    [Fact]
    public void PeriodOverPeriod_KeepsTheDirectionOfItsSource()
    {
        var growth = new DemosCalculator(direction: KpiDirection.LowerIsBetter).PeriodOverPeriod("demos-growth");

        Assert.Equal(KpiDirection.LowerIsBetter, growth.Direction);
        Assert.Equal(KpiUnit.Ratio, growth.Unit);
    }

    /// <summary>
    /// Regression: with a range starting mid-week, the hidden previous period was the days of the same week before the
    /// range (Mon-Tue of W10, labelled W10 like the first period), not the previous week the docs promise.
    /// </summary>
    [Fact]
    public void PeriodOverPeriod_RangeStartingMidWeek_ComparesTheFirstWeekWithTheWholeWeekBefore()
    {
        // Range Wed 2025-03-05 .. Sun 03-16: W10 clipped to [03-05, 03-09], then W11. The week before W10 is W09,
        // Mon 02-24 .. Sun 03-02: 4 calls. Mon 03-03 and Tue 03-04 are in neither W09 nor the range.
        var data = SalesData.Create(activities:
        [
            .. Times(4, i => Call("r1", Feb(24 + i))), // W09
            Call("r1", Mar(3)), Call("r1", Mar(4, 23, 59)), // Mon-Tue of W10, before the range
            .. Times(5, i => Call("r1", Mar(5 + i))), // the clipped W10
            .. Times(10, i => Call("r1", Mar(10))), // W11
        ]);
        var query = new KpiQuery(Dates(2025, 3, 5, 2025, 3, 16), [Kpis.Calls, Kpis.Calls.PeriodOverPeriod("calls-growth")], per: PeriodUnit.Week);

        var report = new KpiEvaluator().Evaluate(data, query);

        Assert.Equal<string>(["2025-W10", "2025-W11"], report.Periods.Select(p => p.Label));
        Assert.Equal([5m, 10m], report.Rows.Where(r => r.KpiId == KpiIds.Calls).Select(r => r.Value.Value));
        // W10 (clipped): (5 - 4 in W09) / 4 = 0.25; W11: (10 - 5) / 5 = 1.
        Assert.Equal(0.25m, report.Get("calls-growth", periodIndex: 0).Value);
        Assert.Equal(1m, report.Get("calls-growth", periodIndex: 1).Value);
    }

    [Fact]
    public void PeriodOverPeriod_RangeStartingMidMonth_ComparesWithTheWholeMonthBefore()
    {
        // Range Mar 15 .. Apr 30 per month: the month before March is February (2 demos), not Mar 1-14 (7 demos).
        var data = SalesData.Create(activities:
        [
            .. Times(2, i => Demo("r1", Feb(1 + i))), .. Times(7, i => Demo("r1", Mar(1 + i))),
            .. Times(3, i => Demo("r1", Mar(15 + i))),
        ]);
        var growth = Demos.PeriodOverPeriod("demos-growth");

        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(Dates(2025, 3, 15, 2025, 4, 30), [growth], per: PeriodUnit.Month));

        // March (15-31): (3 - 2) / 2 = 0.5.
        Assert.Equal(0.5m, report.Get("demos-growth", periodIndex: 0).Value);
    }

    [Fact]
    public void PeriodOverPeriod_SpendInTheGapBeforeAMidMonthRange_IsChargedToNoPeriod()
    {
        // Range Mar 15 .. Mar 31; the previous period is February. Spend on Mar 1-14 lies between the two.
        var data = SalesData.Create(
            spend: [Spend("web", Dates(2025, 3, 1, 2025, 3, 14), Usd(1_400m)), Spend("web", Dates(2025, 2, 1, 2025, 2, 28), Usd(280m)), Spend("web", Dates(2025, 3, 10, 2025, 3, 19), Usd(1_000m))],
            leads: [Lead(Feb(3)), Lead(Mar(20))]);
        var growth = Kpis.CostPerLead.PeriodOverPeriod("cost-per-lead-growth");

        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(Dates(2025, 3, 15, 2025, 3, 31), [Kpis.CostPerLead, growth], per: PeriodUnit.Month));

        // March 15-31: 5 of the 10 days of the third record = 500, / 1 lead = 500. February: 280 / 1 = 280.
        // The Mar 1-14 spend is in no period. (500 - 280) / 280 = 11/14.
        Assert.Equal(500m, report.Get(KpiIds.CostPerLead).Value);
        Assert.Equal(220m / 280m, report.Get("cost-per-lead-growth").Value);
    }

    private static NodaTime.Instant Instant(int year, int month, int day) => NodaTime.Instant.FromUtc(year, month, day, 12, 0);
}
