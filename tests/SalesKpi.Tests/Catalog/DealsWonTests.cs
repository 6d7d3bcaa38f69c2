using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

public sealed class DealsWonTests
{
    internal static readonly Deal[] March =
    [
        Deal("d1", At(2025, 3, 3), 1_000m, Ayse, DealKind.NewBusiness),
        Deal("d2", At(2025, 3, 15), 2_000m, Ayse, DealKind.AddOn),
        Deal("d3", At(2025, 3, 20), 5_000m, Budi, DealKind.Renewal),
        Deal("d4", At(2025, 3, 31, 23, 59), 500m, Olga, DealKind.WinBack),
        Deal("d5", At(2025, 4, 1, 0), 9_999m, Olga, DealKind.NewBusiness),   // April
        Deal("d6", At(2025, 2, 28, 23, 59), 7_777m, Budi, DealKind.AddOn),  // February
    ];

    [Fact]
    public void Evaluate_March_CountsTheDealsClosedInMarchWithTheirValue()
    {
        // d1 + d2 + d3 + d4 = 4 deals; 1,000 + 2,000 + 5,000 + 500 = 8,500 USD. d5 (1 April 00:00) and d6
        // (28 February 23:59) are outside.
        var value = Evaluate(Kpis.DealsWon, Data(deals: March), Month(2025, 3));

        Assert.Equal(KpiUnit.Count, value.Unit);
        Assert.Equal(4m, value.Value);
        Assert.Equal(Usd(8_500m), value.Amount);
    }

    [Fact]
    public void Evaluate_GroupedByRep_CountsEachOwnersDeals()
    {
        // ayse: d1, d2 → 2 (3,000). budi: d3 → 1 (5,000). olga: d4 → 1 (500).
        var report = Report(Kpis.DealsWon, Data(deals: March), Month(2025, 3), KpiGrouping.ByRep);

        Assert.Equal("2 (3,000.00 USD)", report.Get(KpiIds.DealsWon, "ayse").ToString());
        Assert.Equal("1 (5,000.00 USD)", report.Get(KpiIds.DealsWon, "budi").ToString());
        Assert.Equal("1 (500.00 USD)", report.Get(KpiIds.DealsWon, "olga").ToString());
    }

    [Fact]
    public void Evaluate_GroupedByTeam_AddsUpTheTeamsReps()
    {
        // north (ayse, budi): 3 deals, 8,000 USD. south (olga): 1 deal, 500 USD.
        var report = Report(Kpis.DealsWon, Data(deals: March), Month(2025, 3), KpiGrouping.ByTeam);

        Assert.Equal("3 (8,000.00 USD)", report.Get(KpiIds.DealsWon, "north").ToString());
        Assert.Equal("1 (500.00 USD)", report.Get(KpiIds.DealsWon, "south").ToString());
    }

    [Fact]
    public void Evaluate_GroupedByTool_IsUndefinedWithTheReason()
    {
        // Only activities have a tool: the group "crm-plugin" comes from the tool-usage activity, and deals-won is
        // undefined in it rather than silently 0.
        var data = Data(deals: March).WithActivities(
            [new SalesActivity(new ActivityId("a1"), SalesActivityKind.ToolUsage, Ayse, At(2025, 3, 4), tool: "crm-plugin")]);
        var query = new KpiQuery(Month(2025, 3), [Kpis.SalesToolUsage, Kpis.DealsWon], KpiGrouping.ByTool);

        var report = new KpiEvaluator().Evaluate(data, query);

        Assert.Equal(["crm-plugin"], report.Groups.AsEnumerable());
        Assert.Equal(1m, report.Get(KpiIds.SalesToolUsage, "crm-plugin").Value);
        Assert.Equal("deals-won reads deals, which cannot be grouped by tool", report.Get(KpiIds.DealsWon, "crm-plugin").UndefinedReason);
    }
}
