using SalesKpi.Deals;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

public sealed class NetRevenueRetentionTests
{
    // Recurring monthly revenue (USD) of the deals whose term contains a date.
    private static readonly Deal[] Deals =
    [
        Term("a1", "A", Date(2024, 1, 1), Date(2025, 12, 31), 1_000m, Ayse),                         // A: 1,000 all year
        Term("a2", "A", Date(2025, 6, 1), Date(2025, 12, 31), 500m, Ayse, DealKind.AddOn),           //    + 500 from June
        Term("b1", "B", Date(2024, 7, 1), Date(2025, 6, 30), 2_000m, Ayse),                          // B: 2,000 until June
        Term("b2", "B", Date(2025, 7, 1), Date(2026, 6, 30), 1_800m, Ayse, DealKind.Renewal),        //    1,800 from July
        Term("c1", "C", Date(2024, 3, 1), Date(2025, 2, 28), 700m, Budi),                            // C: churns in February
        Term("d1", "D", Date(2025, 3, 1), Date(2026, 2, 28), 3_000m, Budi),                          // D: new in March
    ];

    [Fact]
    public void Evaluate_Year_IsEndRevenueOfTheStartCustomersOverTheirStartRevenue()
    {
        // Start customers (active on 1 January): A, B, C. Their monthly revenue on 1 January:
        // A 1,000 + B 2,000 + C 700 = 3,700. On 31 December: A 1,000 + 500 = 1,500, B 1,800, C 0 → 3,300.
        // D is new during the year and left out of both sides. 3,300 / 3,700 = 33 / 37 ≈ 0.8919.
        var value = Evaluate(Kpis.NetRevenueRetention, Data(deals: Deals), Year2025);

        Assert.Equal(KpiUnit.Ratio, value.Unit);
        Assert.Equal(3_300m, value.Numerator);
        Assert.Equal(3_700m, value.Denominator);
        Assert.Equal(3_300m / 3_700m, value.Value);
        Assert.Equal("0.8919 (3300 / 3700)", value.ToString());
    }

    [Fact]
    public void Evaluate_Expansion_IsAboveOne()
    {
        // A alone: 1,000 at the start, 1,000 + 500 (the add-on) = 1,500 at the end: 1.5.
        var value = Evaluate(Kpis.NetRevenueRetention, Data(deals: Deals[..2]), Year2025);

        Assert.Equal(1.5m, value.Value);
    }

    [Fact]
    public void Evaluate_GroupedByRep_IsEachOwnersCustomers()
    {
        // ayse (A, B): start 1,000 + 2,000 = 3,000; end 1,500 + 1,800 = 3,300 → 1.1.
        // budi (C, D): start 700 (C); end 0 (C churned; D is new and left out) → 0.
        var report = Report(Kpis.NetRevenueRetention, Data(deals: Deals), Year2025, KpiGrouping.ByRep);

        Assert.Equal("1.1 (3300 / 3000)", report.Get(KpiIds.NetRevenueRetention, "ayse").ToString());
        Assert.Equal("0 (0 / 700)", report.Get(KpiIds.NetRevenueRetention, "budi").ToString());
    }

    [Fact]
    public void Evaluate_PerQuarter_UsesEachQuartersBoundaries()
    {
        // Q1 (1 Jan – 31 Mar): start A 1,000 + B 2,000 + C 700 = 3,700; end A 1,000 + B 2,000 = 3,000 → 30 / 37.
        // Q3 (1 Jul – 30 Sep): start A 1,000 + 500 = 1,500, B 1,800 (b2 starts on 1 July), D 3,000 (a start customer
        // now) = 6,300; at the end the same deals, 6,300 → 1.
        var report = Report(Kpis.NetRevenueRetention, Data(deals: Deals), Year2025, KpiGrouping.None, PeriodUnit.Quarter);

        Assert.Equal(3_000m / 3_700m, report.Get(KpiIds.NetRevenueRetention, KpiGrouping.AllKey, 0).Value);
        Assert.Equal("1 (6300 / 6300)", report.Get(KpiIds.NetRevenueRetention, KpiGrouping.AllKey, 2).ToString());
    }

    [Fact]
    public void Evaluate_StartCustomersWithoutRecurringRevenue_IsUndefinedWithTheReason()
    {
        // A customer active at the start whose deal has a term but no recurring amount; and a year with no customers.
        Deal[] noRecurring = [Term("n1", "N", Date(2024, 1, 1), Date(2025, 12, 31))];

        var value = Evaluate(Kpis.NetRevenueRetention, Data(deals: noRecurring), Year2025);
        var empty = Evaluate(Kpis.NetRevenueRetention, Data(deals: Deals), Between(Date(2023, 1, 1), Date(2023, 12, 31)));

        Assert.False(value.IsDefined);
        Assert.Equal("the customers active at the start had no recurring revenue", value.UndefinedReason);
        Assert.Equal("the customers active at the start had no recurring revenue", empty.UndefinedReason);
    }
}
