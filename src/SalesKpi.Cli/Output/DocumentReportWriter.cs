using System.Globalization;
using NodaTime.Text;
using SalesKpi.Reporting;
using SalesKpi.Rendering;

namespace SalesKpi.Cli.Output;

/// <summary>
/// Writes a report for a person — <c>--format table</c>, <c>markdown</c> or <c>html</c> — through SalesKpi.Rendering:
/// the tool's heading (the data set, the range and zone, the grouping, the records read, rows skipped or rejected), then
/// <see cref="KpiDocuments.Report"/>'s tables in the <c>--layout</c> asked, with the hints of
/// <see cref="UndefinedHints"/> under them.
/// </summary>
/// <remarks>
/// With groups and periods, the wide layout is one table per KPI with the groups as rows and the periods as columns, so
/// that a month lines up from one rep to the next; text tables wider than the width are split, each repeating the
/// first column.
/// </remarks>
internal static class DocumentReportWriter
{
    /// <summary>The footnote SalesKpi.Rendering writes under a table with an undefined value.</summary>
    private const string UndefinedNote = KpiValueText.Undefined + " undefined (no data for the ratio or statistic)";

    /// <summary>Writes the report.</summary>
    /// <param name="output">The report and what it was computed from; <see cref="ReportOutput.Full"/> is set.</param>
    /// <param name="report">The whole report.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="format">Text, Markdown or HTML.</param>
    /// <param name="width">The width text tables are fitted to.</param>
    public static void Write(ReportOutput output, KpiReport report, TextWriter writer, RenderFormat format, int width)
    {
        var request = output.Request;
        var document = KpiDocuments.Report(report, request.Layout, output.GroupLabel);
        var hints = UndefinedHints.Notes(
            report.Rows.Select(r => (r.KpiId, report.Periods.IndexOf(r.Period), r.Value)),
            report.Periods,
            request.Per);
        var sections = document.Sections.Select(s => s is TableSection table ? WithHints(table, hints, report, request.Per) : s).ToList();
        var heading = new KpiDocument($"SalesKpi report: {output.Source}{(output.Mapping is { } m ? $" (mapping {m})" : string.Empty)}", Notes(output, report), sections);
        DocumentRenderer.Write(heading, format, writer, new RenderOptions { Width = width });
    }

    /// <summary>Returns the lines under the title: the range, zone, grouping and periods; the records; rows skipped or rejected.</summary>
    private static List<string> Notes(ReportOutput output, KpiReport report)
    {
        var request = output.Request;
        var range = report.Query.Range;
        var notes = new List<string>
        {
            string.Create(
                CultureInfo.InvariantCulture,
                $"{LocalDatePattern.Iso.Format(range.Start)} to {LocalDatePattern.Iso.Format(range.End)} ({request.Zone.Id}), {string.Join(", ", new[] { request.Data.Where.IsEmpty ? null : "where " + string.Join(" and ", request.Data.Where), request.By == "none" ? null : "by " + request.Grouping.Dimension }.OfType<string>().DefaultIfEmpty("all records"))}, {PerText(request.Per, request.FiscalYearStartMonth)}"),
            output.CountsLine(),
        };
        foreach (var file in output.Import.Files)
        {
            foreach (var skip in file.Skipped)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"Skipped by the mapping: {skip.Count:N0} rows of {file.File}: {skip.Reason}"));
            }
        }

        if (!output.Import.Rejections.IsEmpty)
        {
            var count = output.Import.Rejections.Length;
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Rejected: {count:N0} {(count == 1 ? "row" : "rows")}, left out (listed on stderr)"));
        }

        return notes;
    }

    /// <summary>
    /// Returns a table with the tool's footnotes: where the JSON has the reasons, and each hint of a KPI the table shows;
    /// a Detail cell holding the library's reason for a hinted value holds the hint instead.
    /// </summary>
    private static TableSection WithHints(TableSection table, List<(string KpiId, string Text)> hints, KpiReport report, PeriodUnit per)
    {
        var footnotes = table.Footnotes.Select(f => f == UndefinedNote ? f + "; --format json gives each reason." : f).ToList();
        if (!table.Footnotes.Contains(UndefinedNote))
        {
            return table;
        }

        var shown = hints.Where(h => table.Heading == h.KpiId || table.Rows.Any(r => r.Contains(h.KpiId))).ToList();
        footnotes.AddRange(shown.Select(h => h.Text));
        var detail = table.Columns.Length > 0 && table.Columns[^1].Header == "Detail" ? table.Columns.Length - 1 : -1;
        var rows = table.Rows.Select(r => (IReadOnlyList<string>)(detail < 0 || !shown.Any(h => r.Contains(h.KpiId)) ? r : [.. r.Take(detail), DetailOf(r, detail, report, per)]));
        return new TableSection(table.Heading, table.Columns, rows, footnotes);
    }

    /// <summary>Returns the Detail cell of a row: the hint of its value when it has one, else the library's text.</summary>
    private static string DetailOf(IReadOnlyList<string> row, int detail, KpiReport report, PeriodUnit per)
    {
        // The value table (KPI, Value, Detail) is of one period; the long table's rows are Group, Period, KPI, Value, Detail.
        var (kpi, group, period) = row.Count == 3
            ? (row[0], KpiGrouping.AllKey, 0)
            : (row[2], (string?)null, report.Periods.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.Label == row[1]).i);
        if (!report.Query.Kpis.Any(k => k.Id == kpi))
        {
            return row[detail];
        }

        // A long table's group cell is the group's label: the hint depends on the KPI and the period only.
        var value = group is null
            ? report.Rows.FirstOrDefault(r => r.KpiId == kpi && r.Period.Label == row[1] && !r.Value.IsDefined)?.Value
            : report.Get(kpi, group, period);
        return value is not null && UndefinedHints.For(kpi, value, report.Periods, period, per) is { } hint ? UndefinedHints.Short(hint) : row[detail];
    }

    private static string PerText(PeriodUnit per, int fiscalStartMonth) => per switch
    {
        PeriodUnit.Day => "per day",
        PeriodUnit.Week => "per week",
        PeriodUnit.Month => "per month",
        PeriodUnit.Quarter => "per quarter",
        PeriodUnit.FiscalQuarter => "per fiscal quarter" + FiscalStart(fiscalStartMonth),
        PeriodUnit.FiscalYear => "per fiscal year" + FiscalStart(fiscalStartMonth),
        _ => "whole range",
    };

    private static string FiscalStart(int month) =>
        " (from " + CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month) + ")";
}
