using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpiReportTests
{
    [Fact]
    public void Trend_MonthlyCalls_GivesTheChangeFromEachMonthToTheNext()
    {
        // January 10 calls, February 0, March 5, April 10.
        var data = SalesData.Create(activities:
        [
            .. Times(10, i => Call("r1", NodaTime.Instant.FromUtc(2025, 1, 1 + i, 12, 0))),
            .. Times(5, i => Call("r1", Mar(1 + i))),
            .. Times(10, i => Call("r1", Apr(1 + i))),
        ]);
        var report = Kpis.Calls.Evaluate(data, Dates(2025, 1, 1, 2025, 4, 30), KpiGrouping.None, PeriodUnit.Month);

        var trend = report.Trend(KpiIds.Calls);

        Assert.Equal(KpiIds.Calls, trend.KpiId);
        Assert.Equal(KpiGrouping.AllKey, trend.Group);
        Assert.Equal([10m, 0m, 5m, 10m], trend.Points.Select(p => p.Value.Value));
        // January: no previous period in the report.
        Assert.Equal("there is no previous period", trend.Points[0].Change.UndefinedReason);
        // February: (0 - 10) / 10 = -1.
        Assert.Equal(-1m, trend.Points[1].Change.Value);
        // March: after 0 there is no finite change: undefined, not 0 and not infinity.
        Assert.False(trend.Points[2].Change.IsDefined);
        Assert.Equal("calls was zero in the previous period", trend.Points[2].Change.UndefinedReason);
        // April: (10 - 5) / 5 = 1.
        Assert.Equal(1m, trend.Points[3].Change.Value);
        Assert.Equal(["2025-01", "2025-02", "2025-03", "2025-04"], trend.Points.Select(p => p.Period.Label));
        Assert.Equal($"2025-04: {trend.Points[3].Value} ({trend.Points[3].Change})", trend.Points[3].ToString());
    }

    [Fact]
    public void Trend_CustomKpiOfOneRep_FollowsThatRepsGroup()
    {
        var data = SalesData.Create(activities:
        [
            .. Times(4, i => Demo("r1", Mar(1 + i))), .. Times(5, i => Demo("r1", Apr(1 + i))),
            .. Times(9, i => Demo("r2", Mar(1 + i))),
        ]);
        var report = new DemosCalculator().Evaluate(data, Dates(2025, 3, 1, 2025, 4, 30), KpiGrouping.ByRep, PeriodUnit.Month);

        var r1 = report.Trend("demos", "r1");
        var r2 = report.Trend("demos", "r2");

        // r1: 4 then 5: (5 - 4) / 4 = 0.25. r2: 9 then 0: (0 - 9) / 9 = -1.
        Assert.Equal(0.25m, r1.Points[1].Change.Value);
        Assert.Equal(-1m, r2.Points[1].Change.Value);
    }

    [Fact]
    public void Trend_PreviousValueUndefined_IsUndefinedNamingIt()
    {
        var data = SalesData.Create(activities: [Meeting("r1", Mar(3)), Call("r1", Apr(3)), Meeting("r1", Apr(3))]);
        var report = Kpis.CallToMeetingRate.Evaluate(data, Dates(2025, 3, 1, 2025, 4, 30), KpiGrouping.None, PeriodUnit.Month);

        var trend = report.Trend(KpiIds.CallToMeetingRate);

        // March is undefined (no calls), so April's change is too, whatever April's value (1).
        Assert.Equal(1m, trend.Points[1].Value.Value);
        Assert.Equal("call-to-meeting-rate is undefined in the previous period: calls is zero", trend.Points[1].Change.UndefinedReason);
    }
}
