using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

/// <summary>What a report offers on top of its values: peer comparisons, trends and targets.</summary>
public partial class KpiReportTests
{
    [Fact]
    public void Get_UnknownKpiGroupOrPeriod_ThrowsNamingTheArgument()
    {
        var report = Kpis.Calls.Evaluate(SalesData.Create(activities: [Call("r1", Mar(3))]), March2025, KpiGrouping.ByRep);

        Assert.Throws<ArgumentException>("kpiId", () => report.Get("meetings", "r1"));
        Assert.Throws<ArgumentException>("group", () => report.Get(KpiIds.Calls, "r2"));
        Assert.Throws<ArgumentOutOfRangeException>("periodIndex", () => report.Get(KpiIds.Calls, "r1", 1));
    }
}
