using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Tests.Calculators;

namespace SalesKpi.Tests.Properties;

/// <summary>
/// User-defined KPIs of every kind — an aggregate written by hand, measures of every shape, a ratio of two KPIs, filtered
/// KPIs and a period-over-period change — which the laws cover along with the built-in catalog: a user's own metric is
/// first-class, so it must obey the same laws.
/// </summary>
internal static class CustomKpis
{
    public static KpiCalculator[] All { get; } =
    [
        new DemosCalculator(),
        Kpis.Calls.DividedBy(Kpis.DealsWon, "calls-per-deal"),
        Kpis.Revenue.DividedBy(Kpis.NewLeads, "revenue-per-lead"),
        Kpis.Calls.PeriodOverPeriod("calls-growth"),
        Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue"),
        Kpis.DealsWon.Where(KpiFilter.Deals(d => d.Value.Amount >= 5_000m), "big-deals-won"),
        Kpis.SalesCycleLength.Where(KpiFilter.Opportunities(o => o.Owner.Value != "r4"), "cycle-without-r4"),
        new MeasureKpiCalculator(
            "renewal-share", KpiMeasure.Share(KpiRecords.Deals, KpiRecords.Deals.OfKind(DealKind.Renewal), "no deals won", byAmount: true)),
        new MeasureKpiCalculator(
            "connected-call-share",
            KpiMeasure.Share(KpiRecords.Activities.OfKind(SalesActivityKind.Call), KpiRecords.Activities.WithOutcomes(ActivityOutcomes.Connected), "no calls")),
        new MeasureKpiCalculator("average-won-amount", KpiMeasure.Average(KpiRecords.OpportunitiesWon, "no opportunities won")),
        new MeasureKpiCalculator("open-amount-created", KpiMeasure.Total(KpiRecords.OpportunitiesCreated.WithStatus(OpportunityStatus.Open))),
        new MeasureKpiCalculator("converted-per-qualified", KpiMeasure.Ratio(KpiRecords.LeadsCreated.Converted(), KpiRecords.LeadsCreated.Qualified(), "no leads qualified")),
        new MeasureKpiCalculator("won-cycle-days", KpiMeasure.CycleDays(KpiRecords.OpportunitiesWon, "no opportunities won")),
        new MeasureKpiCalculator("web-leads", KpiMeasure.Count(KpiRecords.LeadsCreated.FromSource("web"))),
    ];
}
