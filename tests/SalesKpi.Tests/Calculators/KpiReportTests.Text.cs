using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpiReportTests
{
    [Fact]
    public void ToString_GroupedReport_SummarizesRangeGroupingAndSize()
    {
        var report = new KpiEvaluator().Evaluate(FourReps(), new KpiQuery(March2025, [Kpis.Calls], KpiGrouping.ByRep));

        // One KPI, the four reps r1..r4, one period (the whole range): singular where there is one.
        Assert.Equal("2025-03-01..2025-03-31 by rep: 1 KPI × 4 groups × 1 period", report.ToString());
    }

    [Fact]
    public void ToString_UngroupedMonthlyReport_SaysUngroupedAndPerMonth()
    {
        var data = SalesData.Create(activities: [Call("r1", Mar(3)), Meeting("r1", Mar(4))]);
        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(Q1Of2025, [Kpis.Calls, Kpis.Meetings], per: PeriodUnit.Month));

        // Two KPIs, the one group "all", and January, February and March.
        Assert.Equal("2025-01-01..2025-03-31 ungrouped per month: 2 KPIs × 1 group × 3 periods", report.ToString());
    }
}
