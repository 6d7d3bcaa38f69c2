using SalesKpi.BuiltIn;
using SalesKpi.Deals;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

/// <summary>customer-retention-rate, (E − N) / S, and churn-rate, 1 − retention.</summary>
public sealed class CustomerRetentionTests
{
    // A customer is active on a date when one of its deals' contract terms (inclusive) contains the date.
    internal static readonly Deal[] Customers =
    [
        Term("a1", "A", Date(2024, 1, 1), Date(2025, 12, 31), owner: Ayse),                          // all year
        Term("b1", "B", Date(2024, 7, 1), Date(2025, 6, 30), owner: Ayse),                           // until 30 June…
        Term("b2", "B", Date(2025, 7, 1), Date(2026, 6, 30), owner: Ayse, kind: DealKind.Renewal),   // …renewed from 1 July
        Term("c1", "C", Date(2024, 3, 1), Date(2025, 2, 28), owner: Ayse),                           // lapses in February
        Term("d1", "D", Date(2025, 3, 1), Date(2026, 2, 28), owner: Budi),                           // new in March
        Term("e1", "E", Date(2024, 1, 1), Date(2025, 3, 31), owner: Budi),                           // lapses in March…
        Term("e2", "E", Date(2025, 10, 1), Date(2026, 9, 30), owner: Budi, kind: DealKind.WinBack),  // …won back in October
        Term("f1", "F", Date(2025, 2, 1), Date(2025, 5, 31), owner: Olga),                           // inside the year only
        Term("g1", "G", Date(2024, 6, 1), Date(2025, 12, 30), owner: Olga),                          // ends a day early
        Deal("h1", At(2025, 1, 10), 9_000m, Olga, account: "H"),                                     // no term: never active
    ];

    [Fact]
    public void Evaluate_Year_IsActiveAtEndMinusNewOverActiveAtStart()
    {
        // S, active on 1 January 2025: A, B (b1), C, E (e1), G = 5. F starts later; H has no term.
        // E, active on 31 December 2025: A, B (b2), D, E (e2) = 4. C lapsed, F ended in May, G ended on 30 December.
        // N, active at the end but not at the start: D = 1.
        // (E − N) / S = (4 − 1) / 5 = 0.6.
        var value = Evaluate(Kpis.CustomerRetentionRate, Data(deals: Customers), Year2025);

        Assert.Equal(KpiUnit.Ratio, value.Unit);
        Assert.Equal(3m, value.Numerator);
        Assert.Equal(5m, value.Denominator);
        Assert.Equal(0.6m, value.Value);
    }

    [Fact]
    public void Evaluate_ChurnOverTheYear_IsOneMinusRetention()
    {
        // 1 − 0.6 = 0.4: of the 5 customers active at the start, C and G (2) are no longer active at the end.
        var value = Evaluate(Kpis.ChurnRate, Data(deals: Customers), Year2025);

        Assert.Equal("0.4 (2 / 5)", value.ToString());
        Assert.Equal(KpiDirection.LowerIsBetter, Kpis.ChurnRate.Direction);
    }

    [Fact]
    public void Evaluate_RenewalStartingTheDayAfterTheOldTermEnds_KeepsTheCustomerActive()
    {
        // B's first term ends on 30 June and its renewal starts on 1 July: B is active on every date. Over 15 June –
        // 15 July it is active at the start (b1) and at the end (b2): retained, 1 / 1. Monthly: June 1 / 1, July 1 / 1.
        Deal[] b = [Customers[1], Customers[2]];
        var range = Between(Date(2025, 6, 15), Date(2025, 7, 15));

        Assert.Equal("1 (1 / 1)", Evaluate(Kpis.CustomerRetentionRate, Data(deals: b), range).ToString());
        Assert.Equal("0 (0 / 1)", Evaluate(Kpis.ChurnRate, Data(deals: b), range).ToString());
        var monthly = Report(Kpis.CustomerRetentionRate, Data(deals: b), Between(Date(2025, 6, 1), Date(2025, 7, 31)), KpiGrouping.None, PeriodUnit.Month);
        Assert.Equal(1m, monthly.Get(KpiIds.CustomerRetentionRate, KpiGrouping.AllKey, 0).Value);
        Assert.Equal(1m, monthly.Get(KpiIds.CustomerRetentionRate, KpiGrouping.AllKey, 1).Value);
    }

    [Fact]
    public void Evaluate_NoRenewal_ChurnsTheCustomer()
    {
        // Without b2, B is active on 15 June but not on 15 July: retention 0 / 1, churn 1 / 1.
        Deal[] b = [Customers[1]];
        var range = Between(Date(2025, 6, 15), Date(2025, 7, 15));

        Assert.Equal(0m, Evaluate(Kpis.CustomerRetentionRate, Data(deals: b), range).Value);
        Assert.Equal(1m, Evaluate(Kpis.ChurnRate, Data(deals: b), range).Value);
    }

    [Fact]
    public void Evaluate_GroupedByRep_CountsEachOwnersCustomers()
    {
        // ayse (A, B, C): S 3 (A, B, C), E 2 (A, B), N 0 → 2 / 3; churn 1 / 3.
        // budi (D, E): S 1 (E), E 2 (D, E), N 1 (D) → (2 − 1) / 1 = 1; churn 0.
        // olga (F, G, H): S 1 (G), E 0 → 0 / 1; churn 1.
        var report = new KpiEvaluator().Evaluate(
            Data(deals: Customers), new KpiQuery(Year2025, [Kpis.CustomerRetentionRate, Kpis.ChurnRate], KpiGrouping.ByRep));

        Assert.Equal("0.6667 (2 / 3)", report.Get(KpiIds.CustomerRetentionRate, "ayse").ToString());
        Assert.Equal("0.3333 (1 / 3)", report.Get(KpiIds.ChurnRate, "ayse").ToString());
        Assert.Equal("1 (1 / 1)", report.Get(KpiIds.CustomerRetentionRate, "budi").ToString());
        Assert.Equal("0 (0 / 1)", report.Get(KpiIds.ChurnRate, "budi").ToString());
        Assert.Equal("0 (0 / 1)", report.Get(KpiIds.CustomerRetentionRate, "olga").ToString());
        Assert.Equal("1 (1 / 1)", report.Get(KpiIds.ChurnRate, "olga").ToString());
    }

    [Fact]
    public void Evaluate_GroupedByTeam_CountsEachTeamsCustomers()
    {
        // north (ayse, budi): S 4 (A, B, C, E), E 4 (A, B, D, E), N 1 (D) → 3 / 4. south (olga): 0 / 1.
        var report = Report(Kpis.CustomerRetentionRate, Data(deals: Customers), Year2025, KpiGrouping.ByTeam);

        Assert.Equal(0.75m, report.Get(KpiIds.CustomerRetentionRate, "north").Value);
        Assert.Equal(0m, report.Get(KpiIds.CustomerRetentionRate, "south").Value);
    }

    [Fact]
    public void Evaluate_GroupedByRep_ACustomerBelongsToTheOwnersOfItsDeals()
    {
        // X's first term is ayse's, its renewal is budi's. Overall X is retained (1 / 1). By rep, ayse's deal no
        // longer covers the end (0 / 1) and budi's does not cover the start (undefined: no start customers).
        Deal[] x =
        [
            Term("x1", "X", Date(2024, 1, 1), Date(2025, 6, 30), owner: Ayse),
            Term("x2", "X", Date(2025, 7, 1), Date(2026, 6, 30), owner: Budi, kind: DealKind.Renewal),
        ];

        var report = Report(Kpis.CustomerRetentionRate, Data(deals: x), Year2025, KpiGrouping.ByRep);

        Assert.Equal(1m, Evaluate(Kpis.CustomerRetentionRate, Data(deals: x), Year2025).Value);
        Assert.Equal(0m, report.Get(KpiIds.CustomerRetentionRate, "ayse").Value);
        Assert.Equal("no customers were active at the start of the period", report.Get(KpiIds.CustomerRetentionRate, "budi").UndefinedReason);
    }

    [Fact]
    public void Evaluate_NoCustomerActiveAtTheStart_IsUndefinedWithTheReason()
    {
        // In 2023 no term had started; H's deal has no term at all.
        var data = Data(deals: Customers);

        var retention = Evaluate(Kpis.CustomerRetentionRate, data, Between(Date(2023, 1, 1), Date(2023, 12, 31)));
        var churn = Evaluate(Kpis.ChurnRate, data, Between(Date(2023, 1, 1), Date(2023, 12, 31)));
        var noTerms = Evaluate(Kpis.CustomerRetentionRate, Data(deals: [Customers[^1]]), Year2025);

        Assert.False(retention.IsDefined);
        Assert.Equal("no customers were active at the start of the period", retention.UndefinedReason);
        Assert.Equal("no customers were active at the start of the period", churn.UndefinedReason);
        Assert.Equal("no customers were active at the start of the period", noTerms.UndefinedReason);
    }

    [Fact]
    public void ChurnRate_OwnRetentionKpi_IsTheOneItComplements()
    {
        var retention = new CustomerRetentionCalculator("retention-of-customers");

        Assert.Same(retention, Assert.Single(new ChurnRateCalculator(retention, "churn-of-customers").Components));
        Assert.IsType<CustomerRetentionCalculator>(Assert.Single(new ChurnRateCalculator().Components));
    }
}
