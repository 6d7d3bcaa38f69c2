using SalesKpi.Deals;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

public sealed class AverageDealSizeTests
{
    private static readonly SalesData MarchDeals = Data(deals: DealsWonTests.March);

    [Fact]
    public void Evaluate_March_IsRevenueOverDealsWon()
    {
        // 8,500 USD over 4 deals = 2,125 USD.
        var value = Evaluate(Kpis.AverageDealSize, MarchDeals, Month(2025, 3));

        Assert.Equal(KpiUnit.Money, value.Unit);
        Assert.Equal(2_125m, value.Value);
        Assert.Equal(8_500m, value.Numerator);
        Assert.Equal(4m, value.Denominator);
        Assert.Equal("2,125.00 USD", value.ToString());
    }

    [Fact]
    public void Evaluate_GroupedByRep_IsEachOwnersAverage()
    {
        // ayse: (1,000 + 2,000) / 2 = 1,500. budi: 5,000 / 1. olga: 500 / 1.
        var report = Report(Kpis.AverageDealSize, MarchDeals, Month(2025, 3), KpiGrouping.ByRep);

        Assert.Equal(1_500m, report.Get(KpiIds.AverageDealSize, "ayse").Value);
        Assert.Equal(5_000m, report.Get(KpiIds.AverageDealSize, "budi").Value);
        Assert.Equal(500m, report.Get(KpiIds.AverageDealSize, "olga").Value);
    }

    [Fact]
    public void Evaluate_GroupedByTeamPerDealKind_CanBeFiltered()
    {
        // North's renewals and add-ons: d2 2,000 (ayse, add-on) and d3 5,000 (budi, renewal) → 7,000 / 2 = 3,500.
        var existingCustomers = Kpis.AverageDealSize.Where(KpiFilter.Deals(d => d.Kind is DealKind.AddOn or DealKind.Renewal), "existing-customer-deal-size");

        var report = Report(existingCustomers, MarchDeals, Month(2025, 3), KpiGrouping.ByTeam);

        Assert.Equal(3_500m, report.Get("existing-customer-deal-size", "north").Value);
    }

    [Fact]
    public void Evaluate_NoDealWon_IsUndefinedWithTheReason()
    {
        var value = Evaluate(Kpis.AverageDealSize, MarchDeals, Month(2025, 1));

        Assert.False(value.IsDefined);
        Assert.Equal("no deals won in the period", value.UndefinedReason);
        Assert.Equal(0m, value.Denominator);
    }

    [Fact]
    public void Evaluate_WithAnUnpricedDeal_AveragesThePricedDealsOnly()
    {
        // Reporting in USD with no rate for GBP: 1,000 and 3,000 USD are priced, 2,000 GBP is not.
        // (1,000 + 3,000) / 2 = 2,000 USD, with 1 unpriced deal reported.
        Deal[] deals =
        [
            Deal("p1", At(2025, 3, 3), 1_000m),
            Deal("p2", At(2025, 3, 4), 3_000m),
            new(new DealId("p3"), new AccountId("acc-p3"), Budi, At(2025, 3, 5), new Money(2_000m, Currency.GBP)),
        ];
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, new RevenueTests.FixedRates());

        var value = Evaluate(Kpis.AverageDealSize, Data(deals: deals), Month(2025, 3), settings);

        Assert.Equal(2_000m, value.Value);
        Assert.Equal(2m, value.Denominator);
        Assert.Equal(1, value.UnpricedCount);
    }

    [Fact]
    public void UndefinedReasonWhenEveryDealIsUnpriced_SaysNoDealCouldBePriced()
    {
        // Regression: two deals were won in March, both in GBP with no rate into USD. The average is undefined, but not
        // because "no deals won in the period": none of them could be priced.
        Deal[] deals =
        [
            new(new DealId("u1"), new AccountId("acc-u1"), Ayse, At(2025, 3, 3), new Money(1_000m, Currency.GBP)),
            new(new DealId("u2"), new AccountId("acc-u2"), Ayse, At(2025, 3, 4), new Money(2_000m, Currency.GBP)),
        ];
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, new RevenueTests.FixedRates());

        var value = Evaluate(Kpis.AverageDealSize, Data(deals: deals), Month(2025, 3), settings);

        Assert.False(value.IsDefined);
        Assert.Equal(2, value.UnpricedCount);
        Assert.Equal("no deal won in the period could be priced in the reporting currency", value.UndefinedReason);
    }
}
