using SalesKpi.Calculators;
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

    private static NodaTime.Instant Instant(int year, int month, int day) => NodaTime.Instant.FromUtc(year, month, day, 12, 0);
}
