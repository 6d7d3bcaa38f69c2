using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SalesKpi.Diagnostics;

namespace SalesKpi.Csv.Tests;

/// <summary>
/// The import's span and measurements. These tests run alone: a listener hears every import in the process, and
/// another test's import would add to theirs.
/// </summary>
[CollectionDefinition(nameof(ImportTelemetryTests), DisableParallelization = true)]
[Collection(nameof(ImportTelemetryTests))]
public sealed class ImportTelemetryTests
{
    private const string ActivitiesHeader = "id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool\n";

    // Ten activities, every fifth with a date that does not parse: 10 / 5 = 2 rejected, 10 - 2 = 8 imported.
    private static readonly string Activities = ActivitiesHeader + string.Join("\n", Enumerable.Range(1, 10).Select(i => i % 5 == 0
        ? $"A{i},call,r1,not-a-date,,,,"
        : $"A{i},call,r1,2025-01-06T10:00:00Z,,,,"));

    [Fact]
    public void Import_WithListeners_RecordsASpanTheDurationAndTheRowsRejected()
    {
        var activities = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        CsvImportResult result;
        using (Sdk.CreateMeterProviderBuilder().AddMeter(SalesKpiTelemetry.SourceName).AddInMemoryExporter(metrics).Build())
        using (Sdk.CreateTracerProviderBuilder().AddSource(SalesKpiTelemetry.SourceName).AddInMemoryExporter(activities).Build())
        {
            result = MemorySource.Import(CsvErrorMode.Report, ("activities.csv", Activities));
        }

        Assert.Equal(8, result.Data.Activities.Length);
        var span = Assert.Single(activities);
        Assert.Equal(SalesKpiTelemetry.ImportActivityName, span.OperationName);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("csv", span.GetTagItem("saleskpi.import.format"));
        Assert.Equal("report", span.GetTagItem("saleskpi.import.error_mode"));
        Assert.Equal(8L, span.GetTagItem("saleskpi.records"));
        Assert.Equal(2, span.GetTagItem("saleskpi.import.rows_rejected"));

        var rejected = Assert.Single(Points(metrics, SalesKpiTelemetry.ImportRowsRejected));
        Assert.Equal(2, rejected.GetSumLong());
        var duration = Assert.Single(Points(metrics, SalesKpiTelemetry.ImportDuration));
        Assert.Equal(1, duration.GetHistogramCount());
    }

    [Fact]
    public void Import_ThatFails_MarksItsSpanAndDurationWithTheErrorType()
    {
        var activities = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using (Sdk.CreateMeterProviderBuilder().AddMeter(SalesKpiTelemetry.SourceName).AddInMemoryExporter(metrics).Build())
        using (Sdk.CreateTracerProviderBuilder().AddSource(SalesKpiTelemetry.SourceName).AddInMemoryExporter(activities).Build())
        {
            MemorySource.Fails(("activities.csv", Activities));
        }

        var span = Assert.Single(activities);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(CsvImportException).FullName, span.GetTagItem(SalesKpiTelemetry.ErrorTypeTag));
        var duration = Assert.Single(Points(metrics, SalesKpiTelemetry.ImportDuration));
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in duration.Tags)
        {
            tags.Add(tag);
        }

        Assert.Contains(new KeyValuePair<string, object?>(SalesKpiTelemetry.ErrorTypeTag, typeof(CsvImportException).FullName), tags);
        Assert.Empty(Points(metrics, SalesKpiTelemetry.ImportRowsRejected));
    }

    private static List<MetricPoint> Points(IEnumerable<MetricSnapshot> metrics, string name) =>
        [.. metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints)];
}
