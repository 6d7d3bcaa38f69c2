using System.Globalization;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Cli.Output;

/// <summary>Everything a report writer needs: the request, the evaluated report and what the import read.</summary>
/// <param name="Request">The command line.</param>
/// <param name="Report">The evaluated KPIs, each finished as a writer reads it (JSON and CSV); null when <see cref="Full"/> is set.</param>
/// <param name="Import">The import: records, rejections, files.</param>
/// <param name="Source">The data set: a directory or "embedded sample".</param>
/// <param name="Mapping">The mapping file, or null.</param>
/// <param name="Counts">The records of each kind: those of the import, or the rows of the tables a database engine read.</param>
internal sealed record ReportOutput(ReportRequest Request, KpiReportReader? Report, CsvImportResult Import, string Source, string? Mapping, RecordCounts Counts)
{
    /// <summary>Gets the whole report, for the formats a person reads (table, Markdown, HTML), whose tables need all of it; null for JSON and CSV.</summary>
    public KpiReport? Full { get; init; }

    /// <summary>Gets the records the report was computed from: the import's, or those of them that passed <c>--where</c>.</summary>
    public SalesData Data { get; init; } = Import.Data;

    /// <summary>Returns how a group is shown: a rep's id and, when it differs, its name.</summary>
    public string GroupLabel(string key)
    {
        if (Request.By == "rep" && Data.Roster.TryGetRep(new Reps.RepId(key), out var rep) && !string.Equals(rep.Name, key, StringComparison.Ordinal))
        {
            return $"{key} ({rep.Name})";
        }

        return key;
    }

    /// <summary>Returns the number of records of each kind, such as <c>10 reps, 2,475 leads, …</c>.</summary>
    public string CountsLine()
    {
        var counts = Counts;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{counts.Reps:N0} reps, {counts.Leads:N0} leads, {counts.Opportunities:N0} opportunities ({counts.StageChanges:N0} stage changes), {counts.Deals:N0} deals, {counts.Activities:N0} activities, {counts.Spend:N0} spend records");
    }
}

/// <summary>The number of records of each kind a report was computed from.</summary>
internal sealed record RecordCounts(long Reps, long Leads, long Opportunities, long StageChanges, long Deals, long Activities, long Spend)
{
    /// <summary>Returns the counts of an imported snapshot.</summary>
    public static RecordCounts Of(SalesData data)
    {
        var counts = data.Counts;
        return new(data.Roster.Reps.Length, counts.Leads, counts.Opportunities, counts.StageChanges, counts.Deals, counts.Activities, counts.Spend);
    }
}
