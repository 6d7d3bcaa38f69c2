using SalesKpi.Deals;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

/// <summary>revenue-growth and deals-won-growth: (this period − previous period) / previous period.</summary>
public sealed class GrowthTests
{
    // Revenue per month: December 2024 800 (1 deal), January 1,000 (1), February 5,000 (3), March 4,000 (2).
    private static readonly Deal[] Deals =
    [
        Deal("g0", At(2024, 12, 10), 800m, Ayse),
        Deal("g1", At(2025, 1, 15), 1_000m, Ayse),
        Deal("g2", At(2025, 2, 5), 1_500m, Ayse),
        Deal("g3", At(2025, 2, 6), 500m, Ayse),
        Deal("g4", At(2025, 2, 7), 3_000m, Budi),
        Deal("g5", At(2025, 3, 10), 1_000m, Ayse),
        Deal("g6", At(2025, 3, 11), 3_000m, Budi),
    ];

    private static KpiReport Monthly(KpiGrouping groupBy) =>
        new KpiEvaluator(maxDegreeOfParallelism: 1).Evaluate(
            Data(deals: Deals),
            new KpiQuery(Quarter1Of2025, [Kpis.Revenue, Kpis.RevenueGrowth, Kpis.DealsWon, Kpis.DealsWonGrowth], groupBy, PeriodUnit.Month));

    [Fact]
    public void Evaluate_PerMonth_ComparesEachMonthWithTheMonthBefore()
    {
        // revenue-growth: January (1,000 − 800) / 800 = 0.25 (December is read though not shown);
        // February (5,000 − 1,000) / 1,000 = 4; March (4,000 − 5,000) / 5,000 = −0.2.
        // deals-won-growth: January (1 − 1) / 1 = 0; February (3 − 1) / 1 = 2; March (2 − 3) / 3 = −1/3.
        var report = Monthly(KpiGrouping.None);

        Assert.Equal(["2025-01", "2025-02", "2025-03"], report.Periods.Select(p => p.Label));
        Assert.Equal([0.25m, 4m, -0.2m], Enumerable.Range(0, 3).Select(p => report.Get(KpiIds.RevenueGrowth, KpiGrouping.AllKey, p).Value));
        Assert.Equal(200m, report.Get(KpiIds.RevenueGrowth).Numerator);
        Assert.Equal(800m, report.Get(KpiIds.RevenueGrowth).Denominator);
        Assert.Equal([0m, 2m, -1m / 3m], Enumerable.Range(0, 3).Select(p => report.Get(KpiIds.DealsWonGrowth, KpiGrouping.AllKey, p).Value));
    }

    [Fact]
    public void Evaluate_GroupedByRep_IsUndefinedNotZeroAfterAnEmptyPeriod()
    {
        // ayse: revenue 800, 1,000, 2,000, 1,000 → 0.25, 1, −0.5; deals 1, 1, 2, 1 → 0, 1, −0.5.
        // budi: revenue 0, 0, 3,000, 3,000 → January and February undefined (the month before is 0), March 0.
        var report = Monthly(KpiGrouping.ByRep);

        Assert.Equal([0.25m, 1m, -0.5m], Enumerable.Range(0, 3).Select(p => report.Get(KpiIds.RevenueGrowth, "ayse", p).Value));
        Assert.Equal([0m, 1m, -0.5m], Enumerable.Range(0, 3).Select(p => report.Get(KpiIds.DealsWonGrowth, "ayse", p).Value));

        var budiJanuary = report.Get(KpiIds.RevenueGrowth, "budi", 0);
        Assert.False(budiJanuary.IsDefined);
        Assert.Equal("revenue was zero in the previous period", budiJanuary.UndefinedReason);
        Assert.Equal("revenue was zero in the previous period", report.Get(KpiIds.RevenueGrowth, "budi", 1).UndefinedReason);
        Assert.Equal("deals-won was zero in the previous period", report.Get(KpiIds.DealsWonGrowth, "budi", 1).UndefinedReason);
        Assert.Equal(0m, report.Get(KpiIds.RevenueGrowth, "budi", 2).Value);
        Assert.Equal(0m, report.Get(KpiIds.DealsWonGrowth, "budi", 2).Value);
    }

    [Fact]
    public void Evaluate_Unbucketed_ComparesWithTheSameNumberOfDaysBefore()
    {
        // 1 February – 31 March is 59 days; the 59 days before are 4 December – 31 January.
        // Revenue: now 5,000 + 4,000 = 9,000; before 800 + 1,000 = 1,800 → (9,000 − 1,800) / 1,800 = 4.
        // Deals: now 5; before 2 → (5 − 2) / 2 = 1.5.
        var range = Between(Date(2025, 2, 1), Date(2025, 3, 31));

        Assert.Equal(4m, Evaluate(Kpis.RevenueGrowth, Data(deals: Deals), range).Value);
        Assert.Equal(1.5m, Evaluate(Kpis.DealsWonGrowth, Data(deals: Deals), range).Value);
    }

    [Fact]
    public void Evaluate_NothingBefore_IsUndefinedWithTheReason()
    {
        // December 2024 has one deal; November none.
        var value = Evaluate(Kpis.RevenueGrowth, Data(deals: Deals), Month(2024, 12));
        var deals = Evaluate(Kpis.DealsWonGrowth, Data(deals: Deals), Month(2024, 12));

        Assert.Equal("undefined: revenue was zero in the previous period", value.ToString());
        Assert.Equal("undefined: deals-won was zero in the previous period", deals.ToString());
    }

    [Fact]
    public void Evaluate_ADropToNothing_IsMinusOne()
    {
        // April has no deal after March's 4,000: (0 − 4,000) / 4,000 = −1, a defined value.
        Assert.Equal(-1m, Evaluate(Kpis.RevenueGrowth, Data(deals: Deals), Month(2025, 4)).Value);
    }

    [Fact]
    public void PreviousPeriodOfAClippedRange_StartingMidMonth_IsThePreviousMonth()
    {
        // Regression: a range starting on 15 March, per month. The first period is 15–31 March ("2025-03"); the period
        // before it is the previous month, February (5,000), not 1–14 March, and the 1,000 USD won on 10 March (in no
        // period of the report) must not be counted in February.
        // March (15–31): g7 2,000. (2,000 − 5,000) / 5,000 = −0.6.
        Deal[] deals = [.. Deals.Where(d => d.Id.Value != "g6"), Deal("g7", At(2025, 3, 20), 2_000m, Budi)];
        var range = Between(Date(2025, 3, 15), Date(2025, 4, 30));

        var report = Report(Kpis.RevenueGrowth, Data(deals: deals), range, KpiGrouping.None, PeriodUnit.Month);

        Assert.Equal(["2025-03", "2025-04"], report.Periods.Select(p => p.Label));
        var march = report.Get(KpiIds.RevenueGrowth);
        Assert.Equal(5_000m, march.Denominator);
        Assert.Equal(-0.6m, march.Value);
    }

    [Fact]
    public void PreviousPeriodOfAClippedRange_StartingMidWeek_IsThePreviousWeek()
    {
        // Regression (same bug, weeks): ISO weeks, range from Wednesday 5 March 2025. The first period is 5–9 March
        // (2025-W10); the period before it is 2025-W09 (24 February – 2 March, 1,000 USD), not Monday–Tuesday 3–4 March
        // (7,000 USD, in no period of the report). W10 (5–9 March): 1,500 → (1,500 − 1,000) / 1,000 = 0.5.
        Deal[] deals = [Deal("w9", At(2025, 2, 25), 1_000m), Deal("w10a", At(2025, 3, 3), 7_000m), Deal("w10b", At(2025, 3, 6), 1_500m)];
        var range = Between(Date(2025, 3, 5), Date(2025, 3, 16));

        var report = Report(Kpis.RevenueGrowth, Data(deals: deals), range, KpiGrouping.None, PeriodUnit.Week);

        Assert.Equal(["2025-W10", "2025-W11"], report.Periods.Select(p => p.Label));
        Assert.Equal("0.5 (500 / 1000)", report.Get(KpiIds.RevenueGrowth).ToString());
    }
}
