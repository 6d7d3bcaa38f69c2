using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

public sealed class RevenueTests
{
    private static readonly SalesData MarchDeals = Data(deals: DealsWonTests.March);

    private static readonly DateInterval March = Month(2025, 3);

    [Fact]
    public void Evaluate_March_IsTheValueOfTheDealsClosedInMarch()
    {
        // d1 1,000 + d2 2,000 + d3 5,000 + d4 500 = 8,500 USD.
        var value = Evaluate(Kpis.Revenue, MarchDeals, March);

        Assert.Equal(KpiUnit.Money, value.Unit);
        Assert.Equal(8_500m, value.Value);
        Assert.Equal(Currency.USD, value.Currency);
        Assert.Equal("8,500.00 USD", value.ToString());
    }

    [Fact]
    public void Evaluate_GroupedByDealKind_SplitsRevenueByKind()
    {
        // new-business d1 1,000; add-on d2 2,000; renewal d3 5,000; win-back d4 500. They add up to 8,500.
        var report = Report(Kpis.Revenue, MarchDeals, March, KpiGrouping.ByDealKind);

        Assert.Equal(["add-on", "new-business", "renewal", "win-back"], report.Groups.AsEnumerable());
        Assert.Equal(1_000m, report.Get(KpiIds.Revenue, "new-business").Value);
        Assert.Equal(2_000m, report.Get(KpiIds.Revenue, "add-on").Value);
        Assert.Equal(5_000m, report.Get(KpiIds.Revenue, "renewal").Value);
        Assert.Equal(500m, report.Get(KpiIds.Revenue, "win-back").Value);
        Assert.Equal(8_500m, report.Groups.Sum(g => report.Get(KpiIds.Revenue, g).Value));
    }

    [Fact]
    public void Evaluate_FilteredByDealKind_KeepsOnlyThatKind()
    {
        // Renewals only: d3 5,000. Add-ons only: d2 2,000.
        var renewals = Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue");
        var addOns = Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.AddOn), "add-on-revenue");

        Assert.Equal(5_000m, Evaluate(renewals, MarchDeals, March).Value);
        Assert.Equal(2_000m, Evaluate(addOns, MarchDeals, March).Value);
    }

    [Fact]
    public void Evaluate_FilteredByDealKindAndGroupedByRep_SplitsTheKindByRep()
    {
        // New business and add-ons (not renewals, not win-backs): ayse d1 + d2 = 3,000; budi has only a renewal, so
        // the filter leaves him no deal: he is reported (0) only when every known group is asked for.
        var expansion = Kpis.Revenue.Where(KpiFilter.Deals(d => d.Kind is DealKind.NewBusiness or DealKind.AddOn), "new-and-add-on-revenue");

        var report = Report(expansion, MarchDeals, March, KpiGrouping.ByRep, allGroups: true);

        Assert.Equal(3_000m, report.Get("new-and-add-on-revenue", "ayse").Value);
        Assert.Equal(0m, report.Get("new-and-add-on-revenue", "budi").Value);
    }

    [Fact]
    public void Evaluate_GroupedByRep_IsEachOwnersRevenue()
    {
        // ayse 3,000; budi 5,000; olga 500.
        var report = Report(Kpis.Revenue, MarchDeals, March, KpiGrouping.ByRep);

        Assert.Equal(["3,000.00 USD", "5,000.00 USD", "500.00 USD"], report.Groups.Select(g => report.Get(KpiIds.Revenue, g).ToString()));
    }

    [Fact]
    public void Evaluate_GroupedByTool_IsUndefinedWithTheReason()
    {
        var data = MarchDeals.WithActivities([new SalesActivity(new ActivityId("a1"), SalesActivityKind.ToolUsage, Ayse, At(2025, 3, 4), tool: "dialer")]);
        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(March, [Kpis.SalesToolUsage, Kpis.Revenue], KpiGrouping.ByTool));

        var value = report.Get(KpiIds.Revenue, "dialer");
        Assert.False(value.IsDefined);
        Assert.Equal("revenue reads deals, which cannot be grouped by tool", value.UndefinedReason);
    }

    [Fact]
    public void Evaluate_InAReportingCurrency_ConvertsEachDealAtItsCloseDate()
    {
        // 1,000 USD + 2,000 EUR at 1.1 (3 March) = 2,200 USD + 500 GBP with no rate → 3,200 USD, 1 unpriced.
        Deal[] deals =
        [
            Deal("m1", At(2025, 3, 3), 1_000m),
            new(new DealId("m2"), new AccountId("acc-m2"), Budi, At(2025, 3, 3), new Money(2_000m, Currency.EUR)),
            new(new DealId("m3"), new AccountId("acc-m3"), Budi, At(2025, 3, 4), new Money(500m, Currency.GBP)),
        ];
        var rates = new FixedRates((Currency.EUR, new LocalDate(2025, 3, 3), 1.1m));
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, rates);

        var value = Evaluate(Kpis.Revenue, Data(deals: deals), March, settings);

        Assert.Equal(3_200m, value.Value);
        Assert.Equal(1, value.UnpricedCount);
        Assert.Equal("3,200.00 USD [1 unpriced]", value.ToString());
    }

    /// <summary>Exchange rates into the reporting currency, one per currency and date.</summary>
    internal sealed class FixedRates(params (Currency Source, LocalDate Date, decimal Rate)[] rates) : IExchangeRateProvider
    {
        public bool TryGetRate(Currency source, Currency target, LocalDate rateDate, out decimal rate)
        {
            foreach (var r in rates)
            {
                if (r.Source == source && r.Date == rateDate)
                {
                    rate = r.Rate;
                    return true;
                }
            }

            rate = 0m;
            return false;
        }
    }
}
