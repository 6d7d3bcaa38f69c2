using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using SalesKpi.Reporting;

namespace SalesKpi.Diagnostics;

/// <summary>
/// The span and the measurements of one evaluation: started by <c>KpiEvaluator.Accumulate</c>, ended when disposed.
/// None is made while nobody listens.
/// </summary>
internal sealed class EvaluationTelemetry : IDisposable
{
    private static readonly ActivitySource Source = new(SalesKpiTelemetry.SourceName);
    private static readonly Meter Meter = new(SalesKpiTelemetry.SourceName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        SalesKpiTelemetry.EvaluationDuration, unit: "s", description: "The duration of KPI evaluations.");

    private static readonly Counter<long> Records = Meter.CreateCounter<long>(
        SalesKpiTelemetry.RecordsRead, unit: "{record}", description: "The records in the snapshots KPIs were evaluated over.");

    private readonly Activity? _activity;
    private readonly long _started;
    private readonly string? _groupBy;
    private readonly string? _periodUnit;
    private string? _error;

    private EvaluationTelemetry(Activity? activity, long started, string groupBy, string periodUnit)
    {
        _activity = activity;
        _started = started;
        _groupBy = groupBy;
        _periodUnit = periodUnit;
    }

    /// <summary>Starts the telemetry of an evaluation, or returns null when nobody listens.</summary>
    public static EvaluationTelemetry? Start(SalesData data, KpiQuery query, KpiSettings settings)
    {
        var traced = Source.HasListeners();
        if (!traced && !Duration.Enabled && !Records.Enabled)
        {
            return null;
        }

        var groupBy = query.GroupBy.Dimension;
        var periodUnit = PeriodUnitName(query.Per);
        var counts = data.Counts;
        if (Records.Enabled)
        {
            AddRecords("lead", counts.Leads);
            AddRecords("opportunity", counts.Opportunities);
            AddRecords("stage-change", counts.StageChanges);
            AddRecords("deal", counts.Deals);
            AddRecords("activity", counts.Activities);
            AddRecords("marketing-spend", counts.Spend);
        }

        var activity = traced ? Source.StartActivity(SalesKpiTelemetry.EvaluateActivityName, ActivityKind.Internal) : null;
        if (activity is { IsAllDataRequested: true })
        {
            var ids = new string[query.Kpis.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = query.Kpis[i].Id;
            }

            activity.SetTag(SalesKpiTelemetry.KpiCountTag, query.Kpis.Length);
            activity.SetTag(SalesKpiTelemetry.KpiIdsTag, ids);
            activity.SetTag(SalesKpiTelemetry.GroupByTag, groupBy);
            activity.SetTag(SalesKpiTelemetry.PeriodUnitTag, periodUnit);
            activity.SetTag(SalesKpiTelemetry.TimeZoneTag, settings.Zone.Id);
            activity.SetTag(SalesKpiTelemetry.RangeStartTag, query.Range.Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
            activity.SetTag(SalesKpiTelemetry.RangeEndTag, query.Range.End.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
            activity.SetTag(
                SalesKpiTelemetry.RecordsTag,
                (long)counts.Leads + counts.Opportunities + counts.StageChanges + counts.Deals + counts.Activities + counts.Spend);
        }

        return new EvaluationTelemetry(activity, Duration.Enabled ? Stopwatch.GetTimestamp() : 0, groupBy, periodUnit);

        void AddRecords(string type, int count)
        {
            if (count > 0)
            {
                Records.Add(count, new KeyValuePair<string, object?>(SalesKpiTelemetry.RecordTypeTag, type));
            }
        }
    }

    /// <summary>Marks the evaluation failed, when it has telemetry; returns false, for an exception filter that lets the exception through.</summary>
    public static bool Failed(EvaluationTelemetry? telemetry, Exception exception)
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
            var tags = new TagList
            {
                { SalesKpiTelemetry.GroupByTag, _groupBy },
                { SalesKpiTelemetry.PeriodUnitTag, _periodUnit },
            };
            if (_error is not null)
            {
                tags.Add(SalesKpiTelemetry.ErrorTypeTag, _error);
            }

            Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }

        _activity?.Dispose();
    }

    private static string PeriodUnitName(PeriodUnit unit) => unit switch
    {
        PeriodUnit.Week => "week",
        PeriodUnit.Month => "month",
        PeriodUnit.Quarter => "quarter",
        PeriodUnit.FiscalYear => "fiscal-year",
        PeriodUnit.FiscalQuarter => "fiscal-quarter",
        PeriodUnit.Day => "day",
        _ => "none",
    };
}
