using System.Diagnostics;
using NodaTime;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SalesKpi.Deals;
using SalesKpi.Diagnostics;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Tests.DependencyInjection;

namespace SalesKpi.Tests.Diagnostics;

[Collection(TelemetryListeners.Name)]
public sealed class EvaluationTelemetryTests
{
    private static readonly KpiEvaluator Evaluator = new(KpiSettings.Default.WithZone("Europe/Istanbul"), clock: null);

    [Fact]
    public void Evaluate_WithATracer_RecordsASpanWithTheQuerysShape()
    {
        var activities = new List<Activity>();
        using (Sdk.CreateTracerProviderBuilder().AddSource(SalesKpiTelemetry.SourceName).AddInMemoryExporter(activities).Build())
        {
            Evaluator.Evaluate(SampleData.Create(), new KpiQuery(SampleData.January, [Kpis.Calls, Kpis.Revenue], KpiGrouping.ByRep, PeriodUnit.Month));
        }

        var span = Assert.Single(activities);
        Assert.Equal(SalesKpiTelemetry.EvaluateActivityName, span.OperationName);
        Assert.Equal(SalesKpiTelemetry.SourceName, span.Source.Name);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(2, span.GetTagItem(SalesKpiTelemetry.KpiCountTag));
        Assert.Equal(new[] { "calls", "revenue" }, (string[])span.GetTagItem(SalesKpiTelemetry.KpiIdsTag)!);
        Assert.Equal("rep", span.GetTagItem(SalesKpiTelemetry.GroupByTag));
        Assert.Equal("month", span.GetTagItem(SalesKpiTelemetry.PeriodUnitTag));
        Assert.Equal("Europe/Istanbul", span.GetTagItem(SalesKpiTelemetry.TimeZoneTag));
        Assert.Equal("2025-01-01", span.GetTagItem(SalesKpiTelemetry.RangeStartTag));
        Assert.Equal("2025-01-31", span.GetTagItem(SalesKpiTelemetry.RangeEndTag));

        // The sample holds 16 activities and 3 deals, and no other records: 16 + 3 = 19.
        Assert.Equal(19L, span.GetTagItem(SalesKpiTelemetry.RecordsTag));
    }

    [Fact]
    public void Evaluate_PerDayWithATimeWindow_RecordsOneSpanTaggedDay()
    {
        // The window's own queries are part of the one evaluation: one span, not one per batch of windows.
        var activities = new List<Activity>();
        using (Sdk.CreateTracerProviderBuilder().AddSource(SalesKpiTelemetry.SourceName).AddInMemoryExporter(activities).Build())
        {
            Evaluator.Evaluate(SampleData.Create(), new KpiQuery(SampleData.January, [Kpis.Calls, Kpis.Calls.Rolling(NodaTime.Period.FromDays(7))], per: PeriodUnit.Day));
        }

        var span = Assert.Single(activities);
        Assert.Equal("day", span.GetTagItem(SalesKpiTelemetry.PeriodUnitTag));
        Assert.Equal(new[] { "calls", "calls-rolling-7d" }, (string[])span.GetTagItem(SalesKpiTelemetry.KpiIdsTag)!);
    }

    [Fact]
    public void Evaluate_WithAMeter_RecordsTheDurationAndTheRecordsRead()
    {
        var metrics = new List<MetricSnapshot>();
        // Disposing the provider collects the measurements once and exports them.
        using (Sdk.CreateMeterProviderBuilder().AddMeter(SalesKpiTelemetry.SourceName).AddInMemoryExporter(metrics).Build())
        {
            var data = SampleData.Create();
            Evaluator.Evaluate(data, new KpiQuery(SampleData.January, [Kpis.Calls]));
            Evaluator.Evaluate(data, new KpiQuery(SampleData.January, [Kpis.Calls], KpiGrouping.ByRep, PeriodUnit.Month));
        }

        var durations = Points(metrics, SalesKpiTelemetry.EvaluationDuration);
        Assert.Equal(2, durations.Count);
        var ungrouped = Assert.Single(durations, p => Tags(p)[SalesKpiTelemetry.GroupByTag] is "none");
        Assert.Equal(1, ungrouped.GetHistogramCount());
        Assert.Equal("none", Tags(ungrouped)[SalesKpiTelemetry.PeriodUnitTag]);
        var byRep = Assert.Single(durations, p => Tags(p)[SalesKpiTelemetry.GroupByTag] is "rep");
        Assert.Equal(1, byRep.GetHistogramCount());
        Assert.Equal("month", Tags(byRep)[SalesKpiTelemetry.PeriodUnitTag]);
        Assert.True(byRep.GetHistogramSum() >= 0);

        // Two evaluations of the sample: 2 × 16 activities and 2 × 3 deals.
        var records = Points(metrics, SalesKpiTelemetry.RecordsRead)
            .ToDictionary(p => (string)Tags(p)[SalesKpiTelemetry.RecordTypeTag]!, p => p.GetSumLong());
        Assert.Equal(new Dictionary<string, long> { ["activity"] = 32, ["deal"] = 6 }, records);
    }

    [Fact]
    public void Evaluate_ThatFails_MarksItsSpanAndDurationWithTheErrorType()
    {
        // Deals in two currencies with no reporting currency: revenue cannot be summed.
        var data = SalesData.Create(deals:
        [
            new Deal(new DealId("d1"), new AccountId("a1"), new RepId("ayse"), Instant.FromUtc(2025, 1, 3, 12, 0), new Money(100m, Currency.USD)),
            new Deal(new DealId("d2"), new AccountId("a2"), new RepId("ayse"), Instant.FromUtc(2025, 1, 4, 12, 0), new Money(100m, new Currency("EUR"))),
        ]);
        var activities = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using (Sdk.CreateMeterProviderBuilder().AddMeter(SalesKpiTelemetry.SourceName).AddInMemoryExporter(metrics).Build())
        using (Sdk.CreateTracerProviderBuilder().AddSource(SalesKpiTelemetry.SourceName).AddInMemoryExporter(activities).Build())
        {
            Assert.Throws<InvalidOperationException>(() => Evaluator.Accumulate(data, new KpiQuery(SampleData.January, [Kpis.Revenue])));
        }

        var span = Assert.Single(activities);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, span.GetTagItem(SalesKpiTelemetry.ErrorTypeTag));
        var duration = Assert.Single(Points(metrics, SalesKpiTelemetry.EvaluationDuration));
        Assert.Equal(typeof(InvalidOperationException).FullName, Tags(duration)[SalesKpiTelemetry.ErrorTypeTag]);
    }

    [Fact]
    public void Start_WithNobodyListening_MakesNoTelemetry()
    {
        // No tracer or meter provider is alive in this collection outside a test's using block.
        Assert.Null(EvaluationTelemetry.Start(SampleData.Create(), new KpiQuery(SampleData.January, [Kpis.Calls]), KpiSettings.Default));
    }

    internal static List<MetricPoint> Points(IEnumerable<MetricSnapshot> metrics, string name) =>
        [.. metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints)];

    internal static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }
}
