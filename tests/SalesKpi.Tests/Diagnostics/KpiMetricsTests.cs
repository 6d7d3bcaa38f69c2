using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using SalesKpi.Diagnostics;
using SalesKpi.Reporting;
using SalesKpi.Tests.DependencyInjection;
using static SalesKpi.Tests.Diagnostics.EvaluationTelemetryTests;

namespace SalesKpi.Tests.Diagnostics;

[Collection(TelemetryListeners.Name)]
public sealed class KpiMetricsTests
{
    private static readonly KpiEvaluator Evaluator = new(KpiSettings.Default, clock: null);

    private static KpiReport JanuaryByRep() =>
        Evaluator.Evaluate(SampleData.Create(), new KpiQuery(SampleData.January, [Kpis.Calls, Kpis.Revenue], KpiGrouping.ByRep, PeriodUnit.Month));

    [Fact]
    public void Publish_AReport_ReportsEachValueWithItsKpiGroupAndPeriod()
    {
        var metrics = new List<MetricSnapshot>();
        using var kpis = new KpiMetrics();
        using (Sdk.CreateMeterProviderBuilder().AddMeter(SalesKpiTelemetry.SourceName).AddInMemoryExporter(metrics).Build())
        {
            kpis.Publish(JanuaryByRep());
        }

        var values = Gauges(metrics);
        var period = JanuaryByRep().Periods[0].Label;

        // January calls: ayse 3 (6th, 7th, 14th), bora 2 (8th, 9th). Revenue: ayse 1,000 USD, bora 2,000 USD.
        Assert.Equal(
            new Dictionary<string, double>
            {
                [$"calls|ayse|{period}|count|"] = 3,
                [$"calls|bora|{period}|count|"] = 2,
                [$"revenue|ayse|{period}|money|USD"] = 1_000,
                [$"revenue|bora|{period}|money|USD"] = 2_000,
            },
            values);
    }

    [Fact]
    public void Publish_AgainThenClear_ReplacesThenRemovesTheValues()
    {
        var metrics = new List<MetricSnapshot>();
        using var meter = new Meter("SalesKpi.Tests." + nameof(Publish_AgainThenClear_ReplacesThenRemovesTheValues));
        using var kpis = new KpiMetrics(meter);
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(meter.Name).AddInMemoryExporter(metrics).Build();
        kpis.Publish(JanuaryByRep());
        var february = Evaluator.Evaluate(
            SampleData.Create(),
            new KpiQuery(new(new(2025, 2, 1), new(2025, 2, 28)), [Kpis.Calls]));
        kpis.Publish(february);
        provider.ForceFlush();
        var afterReplace = Gauges(metrics);
        metrics.Clear();
        kpis.Clear();
        provider.ForceFlush();

        // February calls, ungrouped: ayse 2 (3rd, 4th) + bora 4 (5th, 6th, 7th, 10th) = 6; January's values are gone.
        var only = Assert.Single(afterReplace);
        Assert.StartsWith("calls|all|", only.Key, StringComparison.Ordinal);
        Assert.Equal(6, only.Value);
        Assert.Empty(Gauges(metrics));
    }

    [Fact]
    public void Publish_UndefinedValue_IsLeftOut()
    {
        var metrics = new List<MetricSnapshot>();
        using var meter = new Meter("SalesKpi.Tests." + nameof(Publish_UndefinedValue_IsLeftOut));
        using var kpis = new KpiMetrics(meter);
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(meter.Name).AddInMemoryExporter(metrics).Build();

        // No meetings and no calls in March: the call-to-meeting rate is 0 / 0, undefined; calls is 0, defined.
        kpis.Publish(Evaluator.Evaluate(SampleData.Create(), new KpiQuery(new(new(2025, 3, 1), new(2025, 3, 31)), [Kpis.CallToMeetingRate, Kpis.Calls])));
        provider.ForceFlush();

        var only = Assert.Single(Gauges(metrics));
        Assert.StartsWith("calls|all|", only.Key, StringComparison.Ordinal);
        Assert.Equal(0, only.Value);
    }

    [Fact]
    public void Publish_AfterDispose_Throws()
    {
        var kpis = new KpiMetrics();
        kpis.Dispose();
        Assert.Throws<ObjectDisposedException>(() => kpis.Publish(JanuaryByRep()));
    }

    [Fact]
    public void AddKpiMetrics_RegistersOneSingletonTheContainerDisposes()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddKpiMetrics().AddKpiMetrics();
        KpiMetrics metrics;
        using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            metrics = provider.GetRequiredService<KpiMetrics>();
            Assert.Same(metrics, provider.GetRequiredService<KpiMetrics>());
        }

        Assert.Single(services, d => d.ServiceType == typeof(KpiMetrics));
        Assert.Throws<ObjectDisposedException>(() => metrics.Publish(JanuaryByRep()));
    }

    [Fact]
    public void Docs_AScheduledEvaluationPublishesItsKpisToOpenTelemetry()
    {
        var data = SampleData.Create();
        var january = SampleData.January;
        var metrics = new List<MetricSnapshot>();
        var services = new ServiceCollection();

        // <snippet:telemetry-kpi-metrics>
        services.AddSalesKpi().AddKpiMetrics();
        using var meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter(SalesKpiTelemetry.SourceName) // evaluation and import metrics, and the KPI gauges
            .AddInMemoryExporter(metrics)           // in an application: AddPrometheusExporter(), AddOtlpExporter(), …
            .Build();
        using var provider = services.BuildServiceProvider();

        // In a scheduled job: evaluate the month by rep and publish it; the gauges report it until the next publish.
        var report = provider.GetRequiredService<KpiEvaluator>().Evaluate(data, new KpiQuery(january, [Kpis.Calls], KpiGrouping.ByRep));
        provider.GetRequiredService<KpiMetrics>().Publish(report); // saleskpi.kpi.value{kpi="calls",group="ayse",…} 3
        // </snippet:telemetry-kpi-metrics>
        meters.ForceFlush();

        // January calls: ayse 3 (6th, 7th, 14th), bora 2 (8th, 9th).
        var period = report.Periods[0].Label;
        Assert.Equal(
            new Dictionary<string, double> { [$"calls|ayse|{period}|count|"] = 3, [$"calls|bora|{period}|count|"] = 2 },
            Gauges(metrics));
    }

    /// <summary>The last value of each gauge point, keyed <c>kpi|group|period|unit|currency</c>.</summary>
    private static Dictionary<string, double> Gauges(IEnumerable<MetricSnapshot> metrics)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var point in Points(metrics, SalesKpiTelemetry.KpiValue))
        {
            var t = Tags(point);
            values[$"{t["kpi"]}|{t["group"]}|{t["period"]}|{t["unit"]}|{(t.TryGetValue("currency", out var c) ? c : null)}"] = point.GetGaugeLastValueDouble();
        }

        return values;
    }
}
