namespace SalesKpi.Diagnostics;

/// <summary>
/// The names of the traces and metrics SalesKpi emits through <c>System.Diagnostics</c>: one
/// <see cref="System.Diagnostics.ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>, both named
/// <see cref="SourceName"/>, so an application turns them on with <c>AddSource("SalesKpi")</c> and
/// <c>AddMeter("SalesKpi")</c> (OpenTelemetry) or any other listener.
/// </summary>
/// <remarks>
/// <para>Nothing is measured while nobody listens: every evaluation and import checks for a listener first and, finding
/// none, starts no span, reads no clock and records nothing. The names follow the OpenTelemetry semantic conventions:
/// lower-case, dot-separated, durations in seconds.</para>
/// </remarks>
public static class SalesKpiTelemetry
{
    /// <summary>The name of SalesKpi's activity source and meter: <c>SalesKpi</c>.</summary>
    public const string SourceName = "SalesKpi";

    /// <summary>The span of one evaluation (<c>KpiEvaluator.Evaluate</c>, <c>EvaluateRows</c> or <c>Accumulate</c>): <c>saleskpi.evaluate</c>.</summary>
    public const string EvaluateActivityName = "saleskpi.evaluate";

    /// <summary>The span of one import (the CSV and database importers of SalesKpi.Csv): <c>saleskpi.import</c>.</summary>
    public const string ImportActivityName = "saleskpi.import";

    /// <summary>The histogram of evaluation durations, in seconds: <c>saleskpi.evaluation.duration</c>.</summary>
    public const string EvaluationDuration = "saleskpi.evaluation.duration";

    /// <summary>The counter of records in the snapshots evaluated, tagged with <see cref="RecordTypeTag"/>: <c>saleskpi.records.read</c>.</summary>
    public const string RecordsRead = "saleskpi.records.read";

    /// <summary>The histogram of import durations, in seconds: <c>saleskpi.import.duration</c>.</summary>
    public const string ImportDuration = "saleskpi.import.duration";

    /// <summary>The counter of rows an import rejected (lenient error modes): <c>saleskpi.import.rows_rejected</c>.</summary>
    public const string ImportRowsRejected = "saleskpi.import.rows_rejected";

    /// <summary>The observable gauge of published KPI values (<see cref="KpiMetrics"/>): <c>saleskpi.kpi.value</c>.</summary>
    public const string KpiValue = "saleskpi.kpi.value";

    /// <summary>The tag of the record type on <see cref="RecordsRead"/>, such as <c>deal</c>: <c>saleskpi.record.type</c>.</summary>
    public const string RecordTypeTag = "saleskpi.record.type";

    /// <summary>The tag of the grouping dimension on evaluation spans and durations, such as <c>rep</c> or <c>none</c>: <c>saleskpi.group_by</c>.</summary>
    public const string GroupByTag = "saleskpi.group_by";

    /// <summary>The tag of the period unit on evaluation spans and durations, such as <c>Month</c>: <c>saleskpi.period_unit</c>.</summary>
    public const string PeriodUnitTag = "saleskpi.period_unit";

    /// <summary>The tag of the settings' time zone on evaluation spans: <c>saleskpi.time_zone</c>.</summary>
    public const string TimeZoneTag = "saleskpi.time_zone";

    /// <summary>The tag of the number of KPIs on evaluation spans: <c>saleskpi.kpi.count</c>.</summary>
    public const string KpiCountTag = "saleskpi.kpi.count";

    /// <summary>The tag of the KPI ids, a string array, on evaluation spans: <c>saleskpi.kpi.ids</c>.</summary>
    public const string KpiIdsTag = "saleskpi.kpi.ids";

    /// <summary>The tag of the first date of the query's range (ISO <c>yyyy-MM-dd</c>) on evaluation spans: <c>saleskpi.range.start</c>.</summary>
    public const string RangeStartTag = "saleskpi.range.start";

    /// <summary>The tag of the last date of the query's range (ISO <c>yyyy-MM-dd</c>) on evaluation spans: <c>saleskpi.range.end</c>.</summary>
    public const string RangeEndTag = "saleskpi.range.end";

    /// <summary>The tag of the total number of records in the snapshot on evaluation spans: <c>saleskpi.records</c>.</summary>
    public const string RecordsTag = "saleskpi.records";

    /// <summary>The tag of the type of the exception an evaluation or import failed with, on its span and duration: <c>error.type</c>.</summary>
    public const string ErrorTypeTag = "error.type";
}
