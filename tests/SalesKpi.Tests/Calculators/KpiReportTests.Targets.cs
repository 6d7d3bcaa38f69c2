using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpiReportTests
{
    [Fact]
    public void EvaluateTarget_CallToMeetingAtLeastFifteenPercent_JudgesEveryRep()
    {
        // Seed 000's 15% of calls becoming appointments, as a floor per rep.
        var data = SalesData.Create(activities:
        [
            .. Times(20, i => Call("r1", Mar(1 + i))), .. Times(3, i => Meeting("r1", Mar(1 + i))), // 3 / 20 = 0.15
            .. Times(20, i => Call("r2", Mar(1 + i))), .. Times(2, i => Meeting("r2", Mar(1 + i))), // 2 / 20 = 0.10
            .. Times(20, i => Call("r3", Mar(1 + i))), .. Times(6, i => Meeting("r3", Mar(1 + i))), // 6 / 20 = 0.30
            Meeting("r4", Mar(3)), // no calls: undefined
        ]);
        var report = Kpis.CallToMeetingRate.Evaluate(data, March2025, KpiGrouping.ByRep);

        var results = report.EvaluateTarget(new KpiTarget(KpiIds.CallToMeetingRate, 0.15m));

        Assert.Equal(["r1", "r2", "r3", "r4"], results.Select(r => r.Group));
        Assert.Equal(
            [KpiTargetStatus.Met, KpiTargetStatus.Below, KpiTargetStatus.Met, KpiTargetStatus.Undefined],
            results.Select(r => r.Status));
        // Attainment = value / threshold: 0.15 / 0.15 = 1; 0.10 / 0.15 = 2/3; 0.30 / 0.15 = 2.
        Assert.Equal([1m, 0.1m / 0.15m, 2m, null], results.Select(r => r.Attainment.Value));
        Assert.Equal("the value is undefined: calls is zero", results[3].Attainment.UndefinedReason);
    }

    [Fact]
    public void EvaluateTarget_CostPerLeadAtMost_UsesThresholdOverValue()
    {
        var data = SalesData.Create(
            spend: [Spend("web", March2025, Usd(400m)), Spend("referral", March2025, Usd(500m))],
            leads: [.. Times(10, i => Lead(Mar(1 + i), "web")), .. Times(8, i => Lead(Mar(1 + i), "referral"))]);
        var report = Kpis.CostPerLead.Evaluate(data, March2025, KpiGrouping.BySource);

        var results = report.EvaluateTarget(new KpiTarget(KpiIds.CostPerLead, 50m, TargetComparison.AtMost));

        // referral: 500 / 8 = 62.5 USD per lead, above the 50 ceiling: Below, attainment 50 / 62.5 = 0.8.
        // web: 400 / 10 = 40 USD, under the ceiling: Met, attainment 50 / 40 = 1.25.
        Assert.Equal(["referral", "web"], results.Select(r => r.Group));
        Assert.Equal([KpiTargetStatus.Below, KpiTargetStatus.Met], results.Select(r => r.Status));
        Assert.Equal([0.8m, 1.25m], results.Select(r => r.Attainment.Value));
    }

    [Fact]
    public void EvaluateTarget_CustomKpiPerMonth_JudgesTheChosenPeriod()
    {
        var data = SalesData.Create(activities: [.. Times(3, i => Demo("r1", Mar(1 + i))), .. Times(6, i => Demo("r1", Apr(1 + i)))]);
        var report = new DemosCalculator().Evaluate(data, Dates(2025, 3, 1, 2025, 4, 30), KpiGrouping.ByRep, PeriodUnit.Month);
        var target = new KpiTarget("demos", 4m);

        var march = Assert.Single(report.EvaluateTarget(target, periodIndex: 0));
        var april = Assert.Single(report.EvaluateTarget(target, periodIndex: 1));

        // March 3 / 4 = 0.75, below; April 6 / 4 = 1.5, met.
        Assert.Equal((KpiTargetStatus.Below, 0.75m), (march.Status, march.Attainment.Value));
        Assert.Equal((KpiTargetStatus.Met, 1.5m), (april.Status, april.Attainment.Value));
    }

    [Fact]
    public void EvaluateTarget_KpiNotInTheReport_Throws()
    {
        var report = Kpis.Calls.Evaluate(SalesData.Create(activities: [Call("r1", Mar(3))]), March2025, KpiGrouping.ByRep);

        Assert.Throws<ArgumentException>("kpiId", () => report.EvaluateTarget(new KpiTarget("demos", 1m)));
        Assert.Throws<ArgumentNullException>("target", () => report.EvaluateTarget(null!));
    }
}
