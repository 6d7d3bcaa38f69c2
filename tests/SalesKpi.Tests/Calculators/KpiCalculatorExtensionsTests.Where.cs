using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpiCalculatorExtensionsTests
{
    private static readonly KpiFilter OnlyR1 = KpiFilter.Activities(a => a.Owner == new RepId("r1"));

    /// <summary>
    /// Two leads (L-web from "web", L-ref from "referral") and an opportunity O-web from L-web; activities linked to
    /// them, or to nothing:
    /// <code>
    /// calls: r1 L-web, r1 L-web, r1 O-web, r1 L-ref, r2 L-web, r2 (no link)
    /// demos: r1 L-web, r1 L-ref, r2 O-web, r2 (no link)
    /// </code>
    /// </summary>
    private static SalesData LinkedToSources() => SalesData.Create(
        leads: [Lead(Mar(1), "web", id: "L-web"), Lead(Mar(1), "referral", id: "L-ref")],
        opportunities: [Opportunity("O-web", "r1", Mar(2), lead: "L-web")],
        activities:
        [
            Call("r1", Mar(3), lead: "L-web"), Call("r1", Mar(4), lead: "L-web"),
            SalesActivity(SalesActivityKind.Call, "r1", Mar(5), opportunity: "O-web"),
            Call("r1", Mar(6), lead: "L-ref"), Call("r2", Mar(3), lead: "L-web"), Call("r2", Mar(4)),
            Demo("r1", Mar(7), lead: "L-web"), Demo("r1", Mar(8), lead: "L-ref"),
            SalesActivity(DemosCalculator.Demo, "r2", Mar(9), opportunity: "O-web"), Demo("r2", Mar(10)),
        ]);

    [Fact]
    public void Where_ActivityPredicate_KeepsOnlyMatchingRecordsOfABuiltInAndACustomKpi()
    {
        var r1Calls = Kpis.Calls.Where(OnlyR1, "r1-calls");
        var r1Demos = Demos.Where(OnlyR1, "r1-demos");

        var report = new KpiEvaluator().Evaluate(LinkedToSources(), new KpiQuery(March2025, [Kpis.Calls, r1Calls, Demos, r1Demos]));

        // calls: 6 in all, 4 by r1; demos: 4 in all, 2 by r1.
        Assert.Equal(6m, report.Get(KpiIds.Calls).Value);
        Assert.Equal(4m, report.Get("r1-calls").Value);
        Assert.Equal(4m, report.Get("demos").Value);
        Assert.Equal(2m, report.Get("r1-demos").Value);
    }

    [Fact]
    public void Where_Source_FollowsActivitiesToTheirLeadOrOpportunitysLead()
    {
        var webCalls = Kpis.Calls.Where(KpiFilter.Source("web"), "web-calls");
        var webDemos = Demos.Where(KpiFilter.Source("web"), "web-demos");

        var report = new KpiEvaluator().Evaluate(LinkedToSources(), new KpiQuery(March2025, [webCalls, webDemos]));

        // web calls: r1's two on L-web + r1's on O-web (whose lead is L-web) + r2's on L-web = 4.
        // web demos: r1's on L-web + r2's on O-web = 2. Unlinked and referral activities are left out.
        Assert.Equal(4m, report.Get("web-calls").Value);
        Assert.Equal(2m, report.Get("web-demos").Value);
    }

    [Fact]
    public void Where_Twice_KeepsTheRecordsBothFiltersKeep()
    {
        var r1WebCalls = Kpis.Calls.Where(KpiFilter.Source("web")).Where(OnlyR1, "r1-web-calls");
        var r1WebDemos = Demos.Where(OnlyR1.And(KpiFilter.Source("web")), "r1-web-demos");

        var report = new KpiEvaluator().Evaluate(LinkedToSources(), new KpiQuery(March2025, [r1WebCalls, r1WebDemos]));

        // r1's calls on L-web (2) and O-web (1) = 3; r1's demo on L-web = 1.
        Assert.Equal(3m, report.Get("r1-web-calls").Value);
        Assert.Equal(1m, report.Get("r1-web-demos").Value);
    }

    [Fact]
    public void Where_OnADerivedKpi_FiltersEveryComponent()
    {
        var data = SalesData.Create(activities:
        [
            .. Times(10, i => Call("r1", Mar(1 + i))), .. Times(3, i => Meeting("r1", Mar(1 + i))),
            .. Times(10, i => Call("r2", Mar(1 + i))), .. Times(1, i => Meeting("r2", Mar(1 + i))),
        ]);
        var r1Rate = Kpis.CallToMeetingRate.Where(OnlyR1, "r1-call-to-meeting-rate");

        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(March2025, [Kpis.CallToMeetingRate, r1Rate]));

        // All: 4 meetings / 20 calls = 0.2; r1 alone: 3 / 10 = 0.3 (the filter reaches meetings and calls alike).
        Assert.Equal(0.2m, report.Get(KpiIds.CallToMeetingRate).Value);
        Assert.Equal(0.3m, report.Get("r1-call-to-meeting-rate").Value);
    }

    [Fact]
    public void Where_DealKind_FiltersTheDealsOfMeetingToDealRateButNotItsMeetings()
    {
        var data = SalesData.Create(
            activities: [.. Times(4, i => Meeting("r1", Mar(1 + i)))],
            deals: [Deal("r1", Mar(10), kind: DealKind.Renewal), Deal("r1", Mar(11)), Deal("r1", Mar(12))]);
        var renewals = Kpis.MeetingToDealRate.Where(KpiFilter.DealKind(DealKind.Renewal), "meeting-to-renewal-rate");

        var value = new KpiEvaluator().Evaluate(renewals, data, March2025);

        // 1 renewal / 4 meetings = 0.25 (the 2 new-business deals are filtered out; meetings have no deal kind).
        Assert.Equal(0.25m, value.Value);
    }

    [Fact]
    public void Where_FilterOfAnotherCollection_KeepsEveryRecord()
    {
        var data = SalesData.Create(activities: [Call("r1", Mar(3)), Call("r2", Mar(3))]);
        var calls = Kpis.Calls.Where(KpiFilter.Leads(_ => false), "calls-of-no-lead");

        // A filter of leads says nothing about activities: both calls are kept.
        Assert.Equal(KpiValue.Count(2), calls.Evaluate(data, March2025));
    }

    [Fact]
    public void Where_NoId_KeepsTheKpisIdUnitAndDirection()
    {
        var filtered = Demos.Where(OnlyR1);

        Assert.Equal("demos", filtered.Id);
        Assert.Equal(KpiUnit.Count, filtered.Unit);
        Assert.Equal(KpiDirection.LowerIsBetter, new DemosCalculator(direction: KpiDirection.LowerIsBetter).Where(OnlyR1).Direction);
    }

    [Fact]
    public void Where_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("kpi", () => KpiCalculatorExtensions.Where(null!, OnlyR1));
        Assert.Throws<ArgumentNullException>("filter", () => Kpis.Calls.Where(null!));
        Assert.Throws<ArgumentException>("id", () => Kpis.Calls.Where(OnlyR1, "Not Kebab"));
    }
}
