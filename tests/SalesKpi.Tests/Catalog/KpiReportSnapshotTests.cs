using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using Snapshooter.Xunit;
using static SalesKpi.Opportunities.OpportunityStage;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

/// <summary>
/// Every built-in KPI by rep and month over a small, fixed quarter of data (3 reps in 2 teams, every collection), as a
/// snapshot: any change in a value, unit, reason or row order shows up as a readable diff of
/// <c>__snapshots__/KpiReportSnapshotTests.*.snap</c>.
/// </summary>
public sealed class KpiReportSnapshotTests
{
    [Fact]
    public void Evaluate_AllKpisByRepPerMonth_MatchesTheSnapshot()
    {
        var report = Evaluate();

        // One line per row: "group | period | kpi = value", in the report's stable order (group, period, KPI).
        Snapshot.Match(report.Rows.Select(r => r.ToString()).ToArray());
    }

    [Fact]
    public void Evaluate_AllKpisByRepPerMonth_HasTheHandWorkedValues()
    {
        var report = Evaluate();

        Assert.Equal(["ayse", "budi", "olga", KpiGrouping.NoKey], report.Groups.AsEnumerable());
        Assert.Equal(["2025-01", "2025-02", "2025-03"], report.Periods.Select(p => p.Label));
        Assert.Equal(4 * 3 * Kpis.All.Length, report.Rows.Length);

        // ayse in January: calls a1, a2 = 2; call-to-meeting 1 meeting (a3) / 2 calls = 0.5; emails a4, a5 = 2, both
        // delivered: delivery 2 / 2; opened, replied, positive: a4 → 1 / 2 each.
        Assert.Equal(2m, report.Get(KpiIds.Calls, "ayse", 0).Value);
        Assert.Equal(0.5m, report.Get(KpiIds.CallToMeetingRate, "ayse", 0).Value);
        Assert.Equal("1 (2 / 2)", report.Get(KpiIds.EmailDeliveryRate, "ayse", 0).ToString());
        Assert.Equal("0.5 (1 / 2)", report.Get(KpiIds.PositiveReplyRate, "ayse", 0).ToString());

        // ayse's revenue: January d3 2,400 (renewal); February d1 6,000 → growth (6,000 − 2,400) / 2,400 = 1.5.
        Assert.Equal(1.5m, report.Get(KpiIds.RevenueGrowth, "ayse", 1).Value);

        // budi in March: o4 won 18 March, created 1 February: 28 + 17 = 45 days.
        Assert.Equal("45 days (median 45, n = 1)", report.Get(KpiIds.SalesCycleLength, "budi", 2).ToString());

        // Spend has no rep: cost per lead is undefined in every group, with the reason.
        Assert.Equal("cost-per-lead reads spend, which cannot be grouped by rep", report.Get(KpiIds.CostPerLead, "olga", 2).UndefinedReason);

        // The lead with no owner (l6, 12 March) is in "(none)".
        Assert.Equal(1m, report.Get(KpiIds.NewLeads, KpiGrouping.NoKey, 2).Value);
    }

    [Fact]
    public void Evaluate_Twice_GivesTheSameRows()
    {
        // The snapshot relies on evaluation being deterministic.
        Assert.Equal(Evaluate().Rows.Select(r => r.ToString()), Evaluate().Rows.Select(r => r.ToString()));
    }

    [Fact]
    public void Accumulate_TwoHalvesMerged_GivesTheSameRowsAsTheWhole()
    {
        // What a parallel evaluation does: accumulate disjoint parts (here every other record of each collection) and
        // merge them. The result must be exactly the snapshot's.
        var evaluator = new KpiEvaluator(maxDegreeOfParallelism: 1);
        var query = new KpiQuery(Quarter1Of2025, Kpis.All, KpiGrouping.ByRep, PeriodUnit.Month);
        SalesData Half(int parity) => SalesData.Create(
            Every(Quarter.Leads, parity), Every(Quarter.Opportunities, parity), Every(Quarter.Deals, parity),
            Every(Quarter.Activities, parity), Every(Quarter.Spend, parity), Quarter.Roster);

        var merged = evaluator.Accumulate(Half(0), query);
        merged.Merge(evaluator.Accumulate(Half(1), query));

        Assert.Equal(Evaluate().Rows.Select(r => r.ToString()), merged.ToReport().Rows.Select(r => r.ToString()));
    }

    private static IEnumerable<T> Every<T>(IEnumerable<T> records, int parity) => records.Where((_, i) => i % 2 == parity);

    private static KpiReport Evaluate() =>
        new KpiEvaluator(maxDegreeOfParallelism: 1).Evaluate(Quarter, new KpiQuery(Quarter1Of2025, Kpis.All, KpiGrouping.ByRep, PeriodUnit.Month));

    /// <summary>The fixed quarter: leads, opportunities, deals, activities and spend of ayse and budi (north) and olga (south).</summary>
    private static SalesData Quarter { get; } = SalesData.Create(
        leads:
        [
            new Lead(new LeadId("l1"), At(2025, 1, 6), "web", Ayse, At(2025, 1, 8), At(2025, 1, 10)),
            new Lead(new LeadId("l2"), At(2025, 1, 20), "web", Ayse),
            new Lead(new LeadId("l3"), At(2025, 2, 3), "referral", Budi, At(2025, 2, 5)),
            new Lead(new LeadId("l4"), At(2025, 2, 17), "referral", Budi, At(2025, 2, 20), At(2025, 3, 2)),
            new Lead(new LeadId("l5"), At(2025, 3, 4), "web", Olga, At(2025, 3, 6), At(2025, 3, 7)),
            new Lead(new LeadId("l6"), At(2025, 3, 12), "event"),
        ],
        opportunities:
        [
            Opp("o1", Ayse, At(2025, 1, 10), 6_000m, OpportunityStatus.Won, At(2025, 2, 14), "l1", null, Stage(FirstAppointment, At(2025, 1, 12)), Stage(Proposal, At(2025, 1, 25))),
            Opp("o2", Ayse, At(2025, 1, 15), 3_000m, OpportunityStatus.Lost, At(2025, 3, 3), null, null, Stage(FirstAppointment, At(2025, 1, 16))),
            Opp("o3", Budi, At(2025, 3, 2), 9_000m, OpportunityStatus.Open, null, "l4", new LocalDate(2025, 3, 28), Stage(Qualification, At(2025, 3, 2)), Stage(FirstAppointment, At(2025, 3, 9)), Stage(Proposal, At(2025, 3, 20))),
            Opp("o4", Budi, At(2025, 2, 1), 4_000m, OpportunityStatus.Won, At(2025, 3, 18), null, null, Stage(FirstAppointment, At(2025, 2, 4)), Stage(Negotiation, At(2025, 2, 26))),
            Opp("o5", Olga, At(2025, 3, 7), 2_000m, OpportunityStatus.Open, null, "l5", new LocalDate(2025, 3, 31), Stage(FirstAppointment, At(2025, 3, 10))),
            Opp("o6", Olga, At(2025, 1, 8), 5_000m, OpportunityStatus.Lost, At(2025, 3, 25), null, null, Stage(Prospecting, At(2025, 1, 8)), Stage(FirstAppointment, At(2025, 2, 10)), Stage(Proposal, At(2025, 2, 24)), Stage(FirstAppointment, At(2025, 3, 5))),
            Opp("o7", Ayse, At(2025, 2, 20), 1_500m, OpportunityStatus.Open, null, null, new LocalDate(2025, 2, 28)),
        ],
        deals:
        [
            Deal("d0", At(2024, 1, 15), 2_400m, Ayse, DealKind.NewBusiness, "fabrikam", Between(Date(2024, 2, 1), Date(2025, 1, 31)), 200m),
            Deal("d1", At(2025, 2, 14), 6_000m, Ayse, DealKind.NewBusiness, "northwind", Between(Date(2025, 2, 15), Date(2026, 2, 14)), 500m),
            Deal("d2", At(2025, 3, 18), 4_000m, Budi, DealKind.NewBusiness, "contoso", Between(Date(2025, 4, 1), Date(2026, 3, 31)), 400m),
            Deal("d3", At(2025, 1, 30), 2_400m, Ayse, DealKind.Renewal, "fabrikam", Between(Date(2025, 2, 1), Date(2026, 1, 31)), 200m),
            Deal("d4", At(2025, 3, 5), 1_200m, Olga, DealKind.AddOn, "litware", Between(Date(2025, 3, 1), Date(2026, 2, 28)), 100m),
            Deal("d5", At(2024, 6, 20), 6_000m, Olga, DealKind.NewBusiness, "litware", Between(Date(2024, 7, 1), Date(2025, 6, 30)), 500m),
            Deal("d6", At(2025, 1, 22), 3_000m, Budi, DealKind.WinBack, "adatum"),
            Deal("d7", At(2024, 9, 20), 3_600m, Budi, DealKind.NewBusiness, "tailspin", Between(Date(2024, 10, 1), Date(2025, 1, 31)), 300m),
        ],
        activities:
        [
            Act("a1", SalesActivityKind.Call, Ayse, At(2025, 1, 6), ActivityOutcomes.Connected),
            Act("a2", SalesActivityKind.Call, Ayse, At(2025, 1, 7)),
            Act("a3", SalesActivityKind.Meeting, Ayse, At(2025, 1, 12), ActivityOutcomes.Connected),
            Act("a4", SalesActivityKind.Email, Ayse, At(2025, 1, 8), ActivityOutcomes.Delivered | ActivityOutcomes.Opened | ActivityOutcomes.Replied | ActivityOutcomes.Positive),
            Act("a5", SalesActivityKind.Email, Ayse, At(2025, 1, 9), ActivityOutcomes.Delivered),
            Act("a6", SalesActivityKind.Email, Ayse, At(2025, 2, 3)),
            Act("a7", SalesActivityKind.CrmUpdate, Ayse, At(2025, 2, 4)),
            Act("a8", SalesActivityKind.ToolUsage, Ayse, At(2025, 3, 3), tool: "linkedin"),
            Act("b1", SalesActivityKind.Call, Budi, At(2025, 2, 3), ActivityOutcomes.Connected),
            Act("b2", SalesActivityKind.Call, Budi, At(2025, 2, 4), ActivityOutcomes.Connected),
            Act("b3", SalesActivityKind.Meeting, Budi, At(2025, 3, 9), ActivityOutcomes.Connected),
            Act("b4", SalesActivityKind.Email, Budi, At(2025, 3, 10), ActivityOutcomes.Delivered | ActivityOutcomes.Opened),
            Act("b5", SalesActivityKind.ToolUsage, Budi, At(2025, 3, 11), tool: "dialer"),
            Act("c1", SalesActivityKind.Call, Olga, At(2025, 3, 5)),
            Act("c2", SalesActivityKind.Meeting, Olga, At(2025, 3, 10), ActivityOutcomes.Connected),
            Act("c3", SalesActivityKind.Email, Olga, At(2025, 3, 6), ActivityOutcomes.Delivered | ActivityOutcomes.Replied),
            Act("c4", SalesActivityKind.CrmUpdate, Olga, At(2025, 1, 20)),
        ],
        spend:
        [
            new MarketingSpend("web", Between(Date(2025, 1, 1), Date(2025, 3, 31)), Usd(3_000m)),
            new MarketingSpend("referral", Between(Date(2025, 2, 1), Date(2025, 2, 28)), Usd(560m)),
            new MarketingSpend("event", Between(Date(2025, 3, 10), Date(2025, 3, 16)), Usd(700m)),
        ],
        roster: Roster);

    private static Opportunity Opp(
        string id, Reps.RepId owner, Instant created, decimal amount, OpportunityStatus status, Instant? closed, string? lead, LocalDate? expectedClose, params StageEntry[] stages) =>
        new(new OpportunityId(id), new AccountId("acc-" + id), owner, created, Usd(amount), status, closed, lead is null ? null : new LeadId(lead), stages, expectedClose);

    private static SalesActivity Act(string id, SalesActivityKind kind, Reps.RepId owner, Instant at, ActivityOutcomes outcomes = ActivityOutcomes.None, string? tool = null) =>
        new(new ActivityId(id), kind, owner, at, outcomes, tool: tool);
}
