using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Tests.DependencyInjection;

/// <summary>A mistyped KPI id, wherever it is looked up, is named in the error with the nearest ids there are.</summary>
public sealed class MissingKpiIdTests
{
    [Fact]
    public void CatalogGet_UnknownId_NamesItAndTheNearestRegisteredId_AmongTheApplicationsOwnKpis()
    {
        using var provider = new ServiceCollection().AddSalesKpi().AddKpi<DemosCalculator>().Services.BuildServiceProvider(SampleData.Strict);
        var catalog = provider.GetRequiredService<IKpiCatalog>();

        var e = Assert.Throws<KeyNotFoundException>(() => catalog.Get("demo"));

        Assert.Equal("No KPI has the id 'demo' in the catalog. Did you mean 'demos'?", e.Message);
    }

    [Fact]
    public void ReportGet_UnknownKpiId_NamesItAndTheNearestIdOfTheReport()
    {
        var report = Report();

        var e = Assert.Throws<ArgumentException>(() => report.Get("close-rat", "ayse"));

        Assert.Equal("kpiId", e.ParamName);
        Assert.StartsWith("No KPI has the id 'close-rat' in the report. Did you mean 'close-rate'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportGet_UnknownGroup_NamesItAndTheNearestGroup()
    {
        var report = Report();

        var e = Assert.Throws<ArgumentException>(() => report.CompareWithPeers(KpiIds.AverageDealSize, "ayes"));

        Assert.Equal("group", e.ParamName);
        Assert.StartsWith("Group 'ayes' is not in the report. Did you mean 'ayse'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportGet_UnknownGroupNearNone_ListsTheGroups()
    {
        var report = Report();

        var e = Assert.Throws<ArgumentException>(() => report.Get(KpiIds.CloseRate, "zzzzzzzz"));

        Assert.StartsWith("Group 'zzzzzzzz' is not in the report. Its groups are: ayse, budi.", e.Message, StringComparison.Ordinal);
    }

    private static KpiReport Report()
    {
        var may = Instant.FromUtc(2025, 5, 5, 12, 0);
        var data = SalesData.Create(deals:
        [
            new Deal(new DealId("d1"), new AccountId("a1"), new RepId("ayse"), may, new Money(6_000m, Currency.USD)),
            new Deal(new DealId("d2"), new AccountId("a2"), new RepId("budi"), may, new Money(10_000m, Currency.USD)),
        ]);
        var year = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));
        return new KpiEvaluator().Evaluate(data, new KpiQuery(year, [Kpis.CloseRate, Kpis.AverageDealSize], KpiGrouping.ByRep));
    }
}
