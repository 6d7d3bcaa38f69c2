using System.Globalization;
using NodaTime.Text;
using SalesKpi.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SalesKpi.Cli.Output;

/// <summary>
/// Writes a report as tables for a person, fitted to the terminal width: KPIs as rows; periods as columns, one table per
/// group (or groups as columns when there are no periods); a value and its detail when there is neither.
/// </summary>
/// <remarks>A table wider than the terminal is split into several, each with the KPI column, so nothing wraps.</remarks>
internal static class TableReportWriter
{
    private const string KpiHeader = "KPI";

    public static void Write(ReportOutput output, TextWriter writer, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;

        // The heading is plain text written as is (a long line is the terminal's to wrap); the tables go through Spectre.
        var request = output.Request;
        var range = output.Report.Query.Range;
        writer.WriteLine(Printable($"SalesKpi report: {output.Source}{(output.Mapping is { } m ? $" (mapping {m})" : string.Empty)}"));
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{LocalDatePattern.Iso.Format(range.Start)} to {LocalDatePattern.Iso.Format(range.End)} ({request.Zone.Id}), {(request.By == "none" ? "all records" : "by " + request.By)}, {PerText(request.Per, request.FiscalYearStartMonth)}"));
        writer.WriteLine(output.CountsLine());
        foreach (var file in output.Import.Files)
        {
            foreach (var skip in file.Skipped)
            {
                writer.WriteLine(Printable(string.Create(CultureInfo.InvariantCulture, $"Skipped by the mapping: {skip.Count:N0} rows of {file.File}: {skip.Reason}")));
            }
        }

        if (!output.Import.Rejections.IsEmpty)
        {
            var count = output.Import.Rejections.Length;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rejected: {count:N0} {(count == 1 ? "row" : "rows")}, left out (listed on stderr)"));
        }

        writer.WriteLine();
        // A table is laid out from all its cells, so the rows are read into one array: group, then period, then KPI.
        var report = output.Report;
        var values = report.ReadRows().Select(r => r.Value).ToArray();
        var kpis = report.Query.Kpis.Select(k => k.Id).ToList();
        var kpiIndex = kpis.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var groupIndex = report.Groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        KpiValue Get(string kpi, string group, int period) =>
            values[(((groupIndex[group] * report.Periods.Length) + period) * kpis.Count) + kpiIndex[kpi]];
        var periods = report.Periods;
        if (request.Per == PeriodUnit.None && request.By == "none")
        {
            WriteValueTable(console, kpis, k => Get(k, KpiGrouping.AllKey, 0), (k, v) => UndefinedHints.For(k, v, periods, 0, request.Per));
        }
        else if (request.Per == PeriodUnit.None)
        {
            var columns = report.Groups.Select(g => (Header: output.GroupLabel(g), Cell: (Func<string, string>)(k => ValueText.Short(Get(k, g, 0))))).ToList();
            WriteGrid(console, null, kpis, columns, width);
        }
        else
        {
            foreach (var group in report.Groups)
            {
                var columns = report.Periods.Select((p, i) => (Header: p.Label, Cell: (Func<string, string>)(k => ValueText.Short(Get(k, group, i))))).ToList();
                WriteGrid(console, request.By == "none" ? null : output.GroupLabel(group), kpis, columns, width);
            }
        }

        if (values.Any(v => !v.IsDefined))
        {
            writer.WriteLine($"{ValueText.Undefined} undefined (no data for the ratio or statistic); --format json gives each reason.");
            var undefined = report.Groups.SelectMany(g => kpis.SelectMany(k => Enumerable.Range(0, periods.Length).Select(p => (k, p, Get(k, g, p)))));
            foreach (var note in UndefinedHints.Notes(undefined, periods, request.Per))
            {
                writer.WriteLine(note);
            }
        }
    }

    private static void WriteValueTable(IAnsiConsole console, List<string> kpis, Func<string, KpiValue> get, Func<string, KpiValue, string?> hint)
    {
        var table = NewTable();
        table.AddColumn(new TableColumn(KpiHeader));
        table.AddColumn(new TableColumn("Value").RightAligned());
        table.AddColumn(new TableColumn("Detail"));
        foreach (var kpi in kpis)
        {
            var value = get(kpi);
            table.AddRow(new Text(kpi), new Text(ValueText.Long(value)), new Text(Printable(hint(kpi, value) ?? ValueText.Detail(value))));
        }

        console.Write(table);
        console.WriteLine();
    }

    /// <summary>Writes KPIs as rows and the given columns, split into as many tables as the width needs.</summary>
    private static void WriteGrid(IAnsiConsole console, string? title, List<string> kpis, List<(string Header, Func<string, string> Cell)> columns, int width)
    {
        var cells = columns.Select(c => (Header: Printable(c.Header), Cells: kpis.Select(c.Cell).ToList())).ToList();
        var kpiWidth = Math.Max(KpiHeader.Length, kpis.Max(k => k.Length));

        // A table is "│ kpi │ c1 │ c2 │": one border, then each column with its padding and border.
        var budget = width - 1 - (kpiWidth + 3);
        var chunks = new List<List<int>> { new() };
        var used = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var columnWidth = Math.Max(cells[i].Header.Length, cells[i].Cells.Max(c => c.Length)) + 3;
            if (chunks[^1].Count > 0 && used + columnWidth > budget)
            {
                chunks.Add([]);
                used = 0;
            }

            chunks[^1].Add(i);
            used += columnWidth;
        }

        foreach (var chunk in chunks)
        {
            var table = NewTable();
            if (title is not null)
            {
                table.Title = new TableTitle(Markup.Escape(Printable(title)), new Style(decoration: Decoration.Bold));
            }

            table.AddColumn(new TableColumn(KpiHeader).NoWrap());
            foreach (var i in chunk)
            {
                table.AddColumn(new TableColumn(new Text(cells[i].Header)).RightAligned().NoWrap());
            }

            for (var k = 0; k < kpis.Count; k++)
            {
                var row = new List<IRenderable> { new Text(kpis[k]) };
                row.AddRange(chunk.Select(i => new Text(cells[i].Cells[k])));
                table.AddRow(row);
            }

            console.Write(table);
            console.WriteLine();
        }
    }

    private static Table NewTable() => new Table().Border(TableBorder.Rounded);

    private static string Printable(string text) => ValueText.Printable(text);

    private static string PerText(PeriodUnit per, int fiscalStartMonth) => per switch
    {
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
