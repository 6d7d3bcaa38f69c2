using System.Diagnostics;
using System.Diagnostics.Metrics;
using SalesKpi.Diagnostics;

namespace SalesKpi.Csv;

/// <summary>
/// The span and the measurements of one import, on an activity source and a meter named <c>SalesKpi</c> like the
/// core's (a listener of that name hears both). None is made while nobody listens.
/// </summary>
internal sealed class ImportTelemetry : IDisposable
{
    /// <summary>The tag of the kind of source on import spans and measurements: <c>csv</c> or <c>database</c>.</summary>
    public const string FormatTag = "saleskpi.import.format";

    /// <summary>The tag of the error mode on import spans: <c>fail</c> or <c>report</c>.</summary>
    public const string ErrorModeTag = "saleskpi.import.error_mode";

    /// <summary>The tag of the number of records imported, on import spans.</summary>
    public const string RecordsTag = "saleskpi.records";

    /// <summary>The tag of the number of rows rejected, on import spans.</summary>
    public const string RejectedTag = "saleskpi.import.rows_rejected";

    private static readonly ActivitySource Source = new(SalesKpiTelemetry.SourceName);
    private static readonly Meter Meter = new(SalesKpiTelemetry.SourceName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        SalesKpiTelemetry.ImportDuration, unit: "s", description: "The duration of imports.");

    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        SalesKpiTelemetry.ImportRowsRejected, unit: "{row}", description: "The rows imports rejected and reported.");

    private readonly Activity? _activity;
    private readonly long _started;
    private readonly string _format;
    private string? _error;

    private ImportTelemetry(Activity? activity, long started, string format)
    {
        _activity = activity;
        _started = started;
        _format = format;
    }

    /// <summary>Starts the telemetry of an import, or returns null when nobody listens.</summary>
    public static ImportTelemetry? Start(bool database, CsvImportOptions options)
    {
        var traced = Source.HasListeners();
        if (!traced && !Duration.Enabled && !Rejected.Enabled)
        {
            return null;
        }

        var format = database ? "database" : "csv";
        var activity = traced ? Source.StartActivity(SalesKpiTelemetry.ImportActivityName, ActivityKind.Internal) : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(FormatTag, format);
            activity.SetTag(ErrorModeTag, options.OnError == CsvErrorMode.Report ? "report" : "fail");
        }

        return new ImportTelemetry(activity, Duration.Enabled ? Stopwatch.GetTimestamp() : 0, format);
    }

    /// <summary>Records what an import that finished read and rejected.</summary>
    public static void Completed(ImportTelemetry? telemetry, CsvImportResult result)
    {
        if (telemetry is null)
        {
            return;
        }

        if (Rejected.Enabled && result.Rejections.Length > 0)
        {
            Rejected.Add(result.Rejections.Length, new KeyValuePair<string, object?>(FormatTag, telemetry._format));
        }

        if (telemetry._activity is { IsAllDataRequested: true } activity)
        {
            var counts = result.Data.Counts;
            activity.SetTag(RecordsTag, (long)counts.Leads + counts.Opportunities + counts.StageChanges + counts.Deals + counts.Activities + counts.Spend);
            activity.SetTag(RejectedTag, result.Rejections.Length);
        }
    }

    /// <summary>Marks the import failed, when it has telemetry; returns false, for an exception filter that lets the exception through.</summary>
    public static bool Failed(ImportTelemetry? telemetry, Exception exception)
    {
        if (telemetry is not null)
        {
            telemetry._error = exception.GetType().FullName;
            telemetry._activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            telemetry._activity?.SetTag(SalesKpiTelemetry.ErrorTypeTag, telemetry._error);
        }

        return false;
    }

    /// <summary>Ends the span and records the duration.</summary>
    public void Dispose()
    {
        if (_started != 0 && Duration.Enabled)
        {
            var tags = new TagList { { FormatTag, _format } };
            if (_error is not null)
            {
                tags.Add(SalesKpiTelemetry.ErrorTypeTag, _error);
            }

            Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }

        _activity?.Dispose();
    }
}
