using Microsoft.Extensions.DependencyInjection;
using SalesKpi.Activities;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

/// <summary>
/// The same battery of composition operations on the built-in <c>calls</c> and on <c>recounted-calls</c>, a user's
/// own calculator registered with <c>AddKpi&lt;T&gt;()</c> that counts the same records: every operation must give the
/// same, hand-counted answer for both.
/// </summary>
public sealed class CustomKpiFirstClassTests : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly SalesData _data = SampleData.Create();

    public CustomKpiFirstClassTests()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi()
            .AddKpi<RecountedCallsCalculator>()
            .AddRatioKpi("recounted-calls-per-deal", RecountedCallsCalculator.KpiId, KpiIds.DealsWon)
            .AddRatioKpi("calls-per-deal", KpiIds.Calls, KpiIds.DealsWon);
        _provider = services.BuildServiceProvider(SampleData.Strict);
    }

    public static TheoryData<string> Ids => [KpiIds.Calls, RecountedCallsCalculator.KpiId];

    private IKpiCatalog Catalog => _provider.GetRequiredService<IKpiCatalog>();

    private KpiEvaluator Evaluator => _provider.GetRequiredService<KpiEvaluator>();

    public void Dispose() => _provider.Dispose();

    [Theory]
    [MemberData(nameof(Ids))]
    public void Catalog_ListsItAndResolvesItByIdAndAsKeyedService(string id)
    {
        var kpi = Catalog.Get(id);

        Assert.Contains(kpi, Catalog.All);
        Assert.Same(kpi, _provider.GetRequiredKeyedService<KpiCalculator>(id));
        Assert.Equal(KpiUnit.Count, kpi.Unit);
        Assert.Equal(KpiDirection.HigherIsBetter, kpi.Direction);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Evaluate_OverARange(string id)
    {
        Assert.Equal(5m, Evaluator.Evaluate(Catalog.Get(id), _data, SampleData.January).Value);
        Assert.Equal(5m, Catalog.Get(id).Evaluate(_data, SampleData.January).Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Where_Filters(string id)
    {
        var connected = Catalog.Get(id).Where(KpiFilter.Activities(a => a.Has(ActivityOutcomes.Connected)), id + "-connected");

        Assert.Equal(3m, Evaluator.Evaluate(connected, _data, SampleData.January).Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Query_GroupsByRep(string id)
    {
        var report = Evaluator.Evaluate(_data, new KpiQuery(SampleData.January, [Catalog.Get(id)], KpiGrouping.ByRep));

        Assert.Equal<string>(["ayse", "bora"], report.Groups);
        Assert.Equal(3m, report.Get(id, "ayse").Value);
        Assert.Equal(2m, report.Get(id, "bora").Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Query_BucketsByMonth(string id)
    {
        var report = Evaluator.Evaluate(_data, new KpiQuery(SampleData.JanuaryToFebruary, [Catalog.Get(id)], per: PeriodUnit.Month));

        Assert.Equal(["2025-01", "2025-02"], report.Periods.Select(p => p.Label));
        Assert.Equal(5m, report.Get(id, periodIndex: 0).Value);
        Assert.Equal(6m, report.Get(id, periodIndex: 1).Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Report_ComparesWithPeers(string id)
    {
        var report = Evaluator.Evaluate(_data, new KpiQuery(SampleData.January, [Catalog.Get(id)], KpiGrouping.ByRep));

        var ayse = report.CompareWithPeers(id, "ayse");

        Assert.Equal(3m, ayse.Value.Value);
        Assert.Equal(2m, ayse.PeerMean.Value);
        Assert.Equal(0.5m, ayse.RelativeDifference.Value);
        Assert.Equal(1, ayse.Rank);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Report_TakesTargets(string id)
    {
        var report = Evaluator.Evaluate(_data, new KpiQuery(SampleData.January, [Catalog.Get(id)], KpiGrouping.ByRep));

        var results = report.EvaluateTarget(new KpiTarget(id, 3m));

        Assert.Equal([KpiTargetStatus.Met, KpiTargetStatus.Below], results.Select(r => r.Status));
        Assert.Equal([1m, 2m / 3m], results.Select(r => r.Attainment.Value!.Value));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Report_Trends(string id)
    {
        var report = Evaluator.Evaluate(_data, new KpiQuery(SampleData.JanuaryToFebruary, [Catalog.Get(id)], KpiGrouping.ByRep, PeriodUnit.Month));

        var trend = report.Trend(id, "bora");

        Assert.Equal([2m, 4m], trend.Points.Select(p => p.Value.Value!.Value));
        Assert.Equal(1m, trend.Points[1].Change.Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void DividedBy_ComposesARatio(string id)
    {
        var perDeal = Catalog.Get(id).DividedBy(Kpis.DealsWon, id + "-per-won-deal");

        Assert.Equal(2.5m, Evaluator.Evaluate(perDeal, _data, SampleData.January).Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void AddRatioKpi_ComposesARatioByIdInTheContainer(string id)
    {
        Assert.Equal(2.5m, Evaluator.Evaluate(Catalog.Get(id + "-per-deal"), _data, SampleData.January).Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void PeriodOverPeriod_ComposesAChange(string id)
    {
        var growth = Catalog.Get(id).PeriodOverPeriod(id + "-growth");

        var report = Evaluator.Evaluate(_data, new KpiQuery(SampleData.JanuaryToFebruary, [growth], per: PeriodUnit.Month));

        Assert.Equal(0.2m, report.Get(id + "-growth", periodIndex: 1).Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Report_AppearsBesideOtherKpis(string id)
    {
        var report = Evaluator.Evaluate(_data, new KpiQuery(SampleData.January, [Kpis.DealsWon, Catalog.Get(id), Kpis.Revenue]));

        Assert.Equal([KpiIds.DealsWon, id, KpiIds.Revenue], report.Rows.Select(r => r.KpiId));
        Assert.Equal(5m, report.Get(id).Value);
        Assert.Equal(2m, report.Get(KpiIds.DealsWon).Value);
    }

    [Fact]
    public void WholeReport_BuiltInAndCustomGiveTheSameValues()
    {
        var query = new KpiQuery(
            SampleData.JanuaryToFebruary,
            [Catalog.Get(KpiIds.Calls), Catalog.Get(RecountedCallsCalculator.KpiId), Catalog.Get("calls-per-deal"), Catalog.Get("recounted-calls-per-deal")],
            KpiGrouping.ByRep,
            PeriodUnit.Week);

        var report = Evaluator.Evaluate(_data, query);

        foreach (var group in report.Groups)
        {
            for (var p = 0; p < report.Periods.Length; p++)
            {
                Assert.Equal(report.Get(KpiIds.Calls, group, p), report.Get(RecountedCallsCalculator.KpiId, group, p));
                Assert.Equal(report.Get("calls-per-deal", group, p), report.Get("recounted-calls-per-deal", group, p));
            }
        }
    }
}
