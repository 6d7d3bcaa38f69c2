using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

public sealed class NewOpportunitiesTests
{
    private static readonly Opportunity[] March =
    [
        Open("o1", At(2025, 3, 3), 1_000m, Ayse),
        Won("o2", At(2025, 3, 31, 23, 30), At(2025, 4, 2), 2_500m, Ayse),
        Lost("o3", At(2025, 3, 15), At(2025, 3, 20), 4_000m, Budi),
        Open("o4", At(2025, 2, 28, 23, 59), 8_000m, Budi),
        Open("o5", At(2025, 4, 1, 0, 0), 16_000m, Olga),
    ];

    [Fact]
    public void Evaluate_OpportunitiesCreatedInMarch_CountsThemWithTheirTotalAmount()
    {
        // Created in March (UTC): o1, o2 (23:30 on the 31st), o3 — whatever their status now.
        // o4 (28 February) and o5 (1 April 00:00) are outside. Count 3; amount 1,000 + 2,500 + 4,000 = 7,500 USD.
        var value = Evaluate(Kpis.NewOpportunities, Data(March), Month(2025, 3));

        Assert.Equal(KpiUnit.Count, value.Unit);
        Assert.Equal(3m, value.Value);
        Assert.Equal(Usd(7_500m), value.Amount);
        Assert.Equal("3 (7,500.00 USD)", value.ToString());
    }

    [Fact]
    public void Evaluate_InIstanbul_TheCreationInstantsLocalDateDecidesThePeriod()
    {
        // Istanbul is UTC+3. o2 (23:30 UTC on 31 March) was created at 02:30 on 1 April there: it leaves March.
        // o4 (23:59 UTC on 28 February) was created at 02:59 on 1 March there: it enters March.
        // Count 3 (o1, o3, o4); amount 1,000 + 4,000 + 8,000 = 13,000 USD.
        var value = Evaluate(Kpis.NewOpportunities, Data(March), Month(2025, 3), KpiSettings.Default.WithZone("Europe/Istanbul"));

        Assert.Equal(3m, value.Value);
        Assert.Equal(Usd(13_000m), value.Amount);
    }

    [Fact]
    public void Evaluate_GroupedByRep_CountsEachOwnersOpportunities()
    {
        // ayse: o1 + o2 = 2 (3,500 USD); budi: o3 = 1 (4,000 USD); olga created nothing in March, so with every known
        // group asked for she is reported as 0 with no amount.
        var report = Report(Kpis.NewOpportunities, Data(March), Month(2025, 3), KpiGrouping.ByRep, allGroups: true);

        Assert.Equal(["ayse", "budi", "olga"], report.Groups.AsEnumerable());
        Assert.Equal(2m, report.Get(KpiIds.NewOpportunities, "ayse").Value);
        Assert.Equal(Usd(3_500m), report.Get(KpiIds.NewOpportunities, "ayse").Amount);
        Assert.Equal(1m, report.Get(KpiIds.NewOpportunities, "budi").Value);
        Assert.Equal(Usd(4_000m), report.Get(KpiIds.NewOpportunities, "budi").Amount);
        Assert.Equal(0m, report.Get(KpiIds.NewOpportunities, "olga").Value);
        Assert.Null(report.Get(KpiIds.NewOpportunities, "olga").Amount);
    }

    [Fact]
    public void Evaluate_GroupedByTeam_AddsUpTheTeamsReps()
    {
        // north = ayse + budi: 3 opportunities, 7,500 USD. south (olga) has none in March and is not reported.
        var report = Report(Kpis.NewOpportunities, Data(March), Month(2025, 3), KpiGrouping.ByTeam);

        Assert.Equal(["north"], report.Groups.AsEnumerable());
        Assert.Equal("3 (7,500.00 USD)", report.Get(KpiIds.NewOpportunities, "north").ToString());
    }

    [Fact]
    public void Evaluate_GroupedByDealKind_IsUndefinedBecauseOpportunitiesHaveNoDealKind()
    {
        var report = Report(Kpis.NewOpportunities, Data(March), Month(2025, 3), KpiGrouping.ByDealKind, allGroups: true);

        var value = report.Get(KpiIds.NewOpportunities, "renewal");
        Assert.False(value.IsDefined);
        Assert.Equal("new-opportunities reads opportunities, which cannot be grouped by deal-kind", value.UndefinedReason);
    }
}
