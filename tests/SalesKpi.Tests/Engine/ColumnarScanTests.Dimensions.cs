using NodaTime;
using SalesKpi.Engine;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Engine;

using Kpis = SalesKpi.Reporting.Kpis;

/// <summary>Groupings and filters by dimensions: the columnar scan against the general engine, record by record.</summary>
public sealed partial class ColumnarScanTests
{
    public static TheoryData<string> DimensionGroupings() =>
    [
        "office", "product", "sector", "PRODUCT", "office/rep", "office/team", "team/office", "sector/product", "product/office/rep", "nothing",
    ];

    [Theory]
    [MemberData(nameof(DimensionGroupings))]
    public void Evaluate_DimensionGrouping_GivesWhatTheGeneralEngineGives(string name)
    {
        var data = RandomSalesData.WithDimensions(RandomSalesData.Create(21), 21);
        var settings = KpiSettings.Default.WithZone("America/New_York");
        var range = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 5, 20));
        foreach (var per in new[] { PeriodUnit.Month, PeriodUnit.None })
        {
            foreach (var all in new[] { false, true })
            {
                var query = new KpiQuery(range, [.. Kpis.All, .. Extra], KpiGrouping.FromName(name), per, all);
                AssertSame(General(settings).Evaluate(data, query), Columnar(settings).Evaluate(data, query));
                AssertSame(General(settings).Evaluate(data, query), Split(settings).Evaluate(data, query));
            }
        }
    }

    [Theory]
    [InlineData("office=West")]
    [InlineData("office=West,East")]
    [InlineData("product=GTX Pro,(none)")]
    [InlineData("sector=Retail")]
    [InlineData("nothing=x")]
    public void Evaluate_DimensionFilter_GivesWhatTheGeneralEngineGives(string filter)
    {
        var data = RandomSalesData.WithDimensions(RandomSalesData.Create(22), 22);
        var settings = KpiSettings.Default.WithZone("Europe/Istanbul");
        var range = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 5, 20));
        var where = KpiFilter.Parse(filter);
        KpiCalculator[] kpis =
        [
            .. Kpis.All.Select(k => k.Where(where, k.Id + "-where")),
            Kpis.Revenue.Where(where.And(KpiFilter.DealKind(Deals.DealKind.Renewal)), "renewal-where"),
            Kpis.NewLeads.Where(where.And(KpiFilter.Source("web")), "web-where"),
            Kpis.Calls.Where(where.And(KpiFilter.Dimension("product", "GTX Basic")), "calls-basic-where"),
            Kpis.Calls,
        ];
        foreach (var grouping in new[] { KpiGrouping.None, KpiGrouping.ByRep, KpiGrouping.ByTeam, KpiGrouping.BySource, KpiGrouping.ByDealKind, KpiGrouping.ByDimension("product"), KpiGrouping.FromName("office/rep") })
        {
            var query = new KpiQuery(range, kpis, grouping, PeriodUnit.Month);
            AssertSame(General(settings).Evaluate(data, query), Columnar(settings).Evaluate(data, query));
        }
    }

    [Fact]
    public void Evaluate_DimensionsOfASnapshotBuiltAsColumns_GiveWhatTheObjectsGive()
    {
        var data = RandomSalesData.WithDimensions(RandomSalesData.Create(23, size: 1_000), 23);
        var built = Build(data);
        var settings = KpiSettings.Default;
        var range = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 5, 20));
        foreach (var grouping in new[] { "product", "office", "office/rep", "sector" })
        {
            var query = new KpiQuery(range, [.. Kpis.All, Kpis.Calls.Where(KpiFilter.Parse("office=West"), "west-calls")], KpiGrouping.FromName(grouping), PeriodUnit.Month);
            var expected = General(settings).Evaluate(data, query);
            AssertSame(expected, Columnar(settings).Evaluate(built, query));
            AssertSame(expected, General(settings).Evaluate(built, query));
        }

        Assert.Equal(data, built);
    }

    [Fact]
    public void Plan_DimensionGroupingsAndFilters_AreScannedFromTheColumns()
    {
        var data = RandomSalesData.WithDimensions(RandomSalesData.Create(24), 24);
        var settings = KpiSettings.Default;
        var range = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));
        foreach (var (grouping, kpi) in new[]
        {
            (KpiGrouping.ByDimension("office"), Kpis.Calls),
            (KpiGrouping.FromName("office/rep"), Kpis.CloseRate),
            (KpiGrouping.ByTeam, Kpis.Revenue.Where(KpiFilter.Dimension("sector", "Retail"), "retail-revenue")),
            (KpiGrouping.None, Kpis.NewLeads.Where(KpiFilter.Dimension("product", ["GTX Pro", "GTX Basic"]), "gtx-leads")),
        })
        {
            var plan = FastPlan.Create(CompiledQuery.Compile(new KpiQuery(range, [kpi], grouping, PeriodUnit.Month), settings), data, settings);
            Assert.NotNull(plan);
            Assert.True(plan.IsFast(0), $"{kpi.Id} by {grouping} is scanned from the columns");
        }

        // A hierarchy with a level the codes cannot give (source) and a dimension filter under a grouping by deal kind
        // stay on the general engine.
        Assert.Null(FastPlan.Create(CompiledQuery.Compile(new KpiQuery(range, [Kpis.Calls], KpiGrouping.FromName("office/source"), PeriodUnit.Month), settings), data, settings));
        var byKind = FastPlan.Create(CompiledQuery.Compile(new KpiQuery(range, [Kpis.Revenue.Where(KpiFilter.Dimension("office", "West"), "west")], KpiGrouping.ByDealKind, PeriodUnit.Month), settings), data, settings);
        Assert.True(byKind is null || !byKind.IsFast(0));
    }
}
