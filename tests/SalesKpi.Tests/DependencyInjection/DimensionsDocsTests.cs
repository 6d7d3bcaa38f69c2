using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Tests.DependencyInjection;

/// <summary>The examples of docs/dimensions.md: grouping and filtering by a rep's office and an account's sector, in code and through DI.</summary>
public sealed class DimensionsDocsTests
{
    private static readonly DateInterval May = new(new LocalDate(2025, 5, 1), new LocalDate(2025, 5, 31));

    [Fact]
    public void GroupAndFilter_ByARepsOfficeAndAnAccountsSector()
    {
        var may5 = Instant.FromUtc(2025, 5, 5, 12, 0);

        // <snippet:dimensions-data>
        var roster = new Roster([
            new Rep(new RepId("r01"), "Ayşe Demir", new TeamId("east"), Dimensions.Of("office", "West")),
            new Rep(new RepId("r02"), "Ivan Petrov", new TeamId("east"), Dimensions.Of("office", "East")),
        ]);
        Account[] accounts =
        [
            new(new AccountId("acme"), Dimensions.Of("sector", "Retail")),
            new(new AccountId("globex"), Dimensions.Of("sector", "Energy")),
        ];
        Deal[] deals =
        [
            new(new DealId("d1"), new AccountId("acme"), new RepId("r01"), may5, new Money(6_000m, Currency.USD)),
            new(new DealId("d2"), new AccountId("globex"), new RepId("r02"), may5, new Money(10_000m, Currency.USD)),
            new(new DealId("d3"), new AccountId("globex"), new RepId("r01"), may5, new Money(4_000m, Currency.USD),
                dimensions: Dimensions.Of("office", "East")), // its own value comes first: booked by East
        ];
        var data = SalesData.Create(deals: deals, roster: roster, accounts: accounts);
        // </snippet:dimensions-data>

        // <snippet:dimensions-report>
        var evaluator = new KpiEvaluator();
        var byOffice = evaluator.Evaluate(data, new KpiQuery(May, [Kpis.Revenue], KpiGrouping.ByDimension("office")));
        var bySectorAndOffice = evaluator.Evaluate(data, new KpiQuery(May, [Kpis.Revenue], KpiGrouping.FromName("sector/office")));
        var westBySector = evaluator.Evaluate(
            data, new KpiQuery(May, [Kpis.Revenue.Where(KpiFilter.Parse("office=West"), "revenue-west")], KpiGrouping.ByDimension("sector")));
        // </snippet:dimensions-report>

        // By office: d3 is East by its own value, d1 West by r01's, d2 East by r02's. East = 10,000 + 4,000 = 14,000;
        // West = 6,000.
        Assert.Equal(["East", "West"], byOffice.Groups.AsEnumerable());
        Assert.Equal([14_000m, 6_000m], byOffice.Groups.Select(g => byOffice.Get(KpiIds.Revenue, g).Value));
        // By sector then office: Energy / East = d2 + d3 = 14,000; Retail / West = d1 = 6,000.
        Assert.Equal(["Energy / East", "Retail / West"], bySectorAndOffice.Groups.AsEnumerable());
        Assert.Equal([14_000m, 6_000m], bySectorAndOffice.Groups.Select(g => bySectorAndOffice.Get(KpiIds.Revenue, g).Value));
        // Where office=West only d1 (Retail, 6,000) is kept; no West deal is Energy's, so there is no Energy group.
        Assert.Equal(["Retail"], westBySector.Groups.AsEnumerable());
        Assert.Equal(6_000m, westBySector.Get("revenue-west", "Retail").Value);
    }

    [Fact]
    public void Di_AFilteredKpiByDimension_IsInTheCatalogAndEvaluatesUnderTheFilter()
    {
        var services = new ServiceCollection();

        // <snippet:dimensions-di>
        services.AddSalesKpi()
            .AddFilteredKpi("revenue-west", KpiIds.Revenue, KpiFilter.Parse("office=West"))           // or KpiFilter.Dimension("office", "West")
            .AddFilteredKpi("revenue-retail", KpiIds.Revenue, KpiFilter.Dimension("sector", ["Retail", "Consumer"]));
        // </snippet:dimensions-di>

        using var provider = services.BuildServiceProvider(SampleData.Strict);
        var catalog = provider.GetRequiredService<IKpiCatalog>();
        var evaluator = provider.GetRequiredService<KpiEvaluator>();
        var may5 = Instant.FromUtc(2025, 5, 5, 12, 0);
        var data = SalesData.Create(
            deals:
            [
                new Deal(new DealId("d1"), new AccountId("acme"), new RepId("r01"), may5, new Money(6_000m, Currency.USD)),
                new Deal(new DealId("d2"), new AccountId("globex"), new RepId("r02"), may5, new Money(10_000m, Currency.USD)),
            ],
            roster: new Roster([
                new Rep(new RepId("r01"), "Ayşe Demir", new TeamId("east"), Dimensions.Of("office", "West")),
                new Rep(new RepId("r02"), "Ivan Petrov", new TeamId("east"), Dimensions.Of("office", "East")),
            ]),
            accounts: [new Account(new AccountId("acme"), Dimensions.Of("sector", "Retail"))]);

        var report = evaluator.Evaluate(data, new KpiQuery(May, [catalog.Get("revenue-west"), catalog.Get("revenue-retail")], KpiGrouping.None));

        // revenue-west: d1 (r01 is West) = 6,000; revenue-retail: d1 (acme is Retail) = 6,000, d2's account has no sector.
        Assert.Equal(6_000m, report.Get("revenue-west", KpiGrouping.AllKey).Value);
        Assert.Equal(6_000m, report.Get("revenue-retail", KpiGrouping.AllKey).Value);
    }
}
