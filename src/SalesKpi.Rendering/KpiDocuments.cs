using System.Diagnostics.CodeAnalysis;
using SalesKpi.Reporting;

namespace SalesKpi.Rendering;

/// <summary>How <see cref="KpiDocuments.Report"/> lays out a report's values.</summary>
public enum ReportLayout
{
    /// <summary>
    /// Tables for reading: a KPI | Value | Detail table when there are neither groups nor periods; KPIs as rows and groups
    /// as columns when there are groups but no periods; periods as columns otherwise, one table per KPI with groups as
    /// rows (so that the same month lines up across groups), with a line chart per KPI.
    /// </summary>
    Wide,

    /// <summary>One table with a row per group, period and KPI: Group | Period | KPI | Value | Detail, for filtering and pasting.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Long as in long-format data, one row per value.")]
    Long,
}

/// <summary>
/// Makes <see cref="KpiDocument"/>s from what the core computes: a <see cref="KpiReport"/>, peer comparisons and trends.
/// Values are written with <see cref="KpiValueText"/>; charts plot ratios as percentages.
/// </summary>
public static partial class KpiDocuments
{
    private const string KpiHeader = "KPI";
    private const string GroupHeader = "Group";
    private const string PeriodHeader = "Period";

    /// <summary>The footnote under a table with an undefined value.</summary>
    private const string UndefinedNote = KpiValueText.Undefined + " undefined (no data for the ratio or statistic)";

    /// <summary>The footnote under a trend table with an undefined value or change.</summary>
    private const string UndefinedChangeNote = KpiValueText.Undefined + " undefined (no data for the ratio or statistic, or no previous value to change from)";

    /// <summary>Returns a report as a document: its summary as the note and its values as tables (and line charts over periods).</summary>
    /// <param name="report">The report.</param>
    /// <param name="layout">How the values are laid out.</param>
    /// <param name="groupLabel">Returns the text shown for a group key, such as a rep's name for a rep id; null shows the keys.</param>
    /// <returns>The document, titled <c>SalesKpi report</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layout"/> is not a defined value.</exception>
    public static KpiDocument Report(KpiReport report, ReportLayout layout = ReportLayout.Wide, Func<string, string>? groupLabel = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var label = groupLabel ?? (g => g);
        var sections = layout switch
        {
            ReportLayout.Wide => WideSections(report, label),
            ReportLayout.Long => [LongTable(report, label)],
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown layout."),
        };
        return new KpiDocument("SalesKpi report", [report.ToString()], sections);
    }

    /// <summary>
    /// Returns peer comparisons of one KPI as a document: a table (group, value, peer mean, relative difference, rank,
    /// number of peers) and a bar chart of the values against the peer mean and, when given, the target.
    /// </summary>
    /// <param name="comparisons">The comparisons, such as <see cref="KpiReport.CompareWithPeers"/> for each rep.</param>
    /// <param name="kpiId">The KPI compared.</param>
    /// <param name="target">The KPI's target, drawn as a reference line; null for none.</param>
    /// <param name="groupLabel">Returns the text shown for a group key; null shows the keys.</param>
    /// <returns>The document, titled <c>Peer comparison: </c> and the KPI.</returns>
    /// <remarks>
    /// With one comparison the chart's reference line is its peer mean; with several, each has its own peer mean (every
    /// group but itself), so the line is the mean of the values shown.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="comparisons"/>, one of them or <paramref name="kpiId"/> is null.</exception>
    public static KpiDocument Comparison(IEnumerable<PeerComparison> comparisons, string kpiId, KpiTarget? target = null, Func<string, string>? groupLabel = null)
    {
        var items = Checks.Items(comparisons, nameof(comparisons));
        ArgumentNullException.ThrowIfNull(kpiId);
        var label = groupLabel ?? (g => g);
        var rows = items.Select(c => (IReadOnlyList<string>)
        [
            kpiId,
            label(c.Group),
            KpiValueText.Short(c.Value),
            c.PeerMean.Value is { } mean ? KpiValueText.InUnitOf(mean, c.Value) : KpiValueText.Undefined,
            KpiValueText.SignedPercent(c.RelativeDifference),
            c.Rank is { } r ? Invariant($"{r} of {c.PeerCount + 1}") : KpiValueText.Undefined,
            Invariant($"{c.PeerCount}"),
        ]).ToList();
        var table = new TableSection(
            null,
            [new(KpiHeader), new(GroupHeader), new("Value", ColumnAlignment.Right), new("Peer mean", ColumnAlignment.Right), new("Difference", ColumnAlignment.Right), new("Rank", ColumnAlignment.Right), new("Peers", ColumnAlignment.Right)],
            rows,
            items.Any(c => !c.Value.IsDefined) ? [UndefinedNote] : null);

        var references = new List<ChartReference>();
        var like = items.Select(c => c.Value).FirstOrDefault(v => v.IsDefined) ?? items.Select(c => c.Value).FirstOrDefault();
        if (items.Length == 1 && items[0].PeerMean.Value is { } peerMean && like is not null)
        {
            references.Add(new ChartReference("peer mean " + KpiValueText.InUnitOf(peerMean, like), Plot(peerMean, like.Unit)));
        }
        else if (items.Length > 1 && like is not null && items.Where(c => c.Value.IsDefined).Select(c => c.Value.Value!.Value).ToList() is { Count: > 0 } defined)
        {
            var mean = defined.Sum() / defined.Count;
            references.Add(new ChartReference("mean " + KpiValueText.InUnitOf(mean, like), Plot(mean, like.Unit)));
        }

        if (target is not null && like is not null)
        {
            references.Add(new ChartReference("target " + KpiValueText.InUnitOf(target.Threshold, like), Plot(target.Threshold, like.Unit)));
        }

        var chart = new BarChartSection(
            ChartHeading(kpiId, like?.Unit),
            items.Select(c => new ChartBar(label(c.Group), c.Value.Value is { } v ? Plot(v, c.Value.Unit) : null, KpiValueText.Short(c.Value))),
            references);
        return new KpiDocument("Peer comparison: " + kpiId, [], [table, chart]);
    }

    /// <summary>
    /// Returns trends as a document: a table per trend (period, value, change from the previous period) and a line chart
    /// per KPI with a series per group.
    /// </summary>
    /// <param name="trends">The trends, such as <see cref="KpiReport.Trend"/> for each KPI and group.</param>
    /// <param name="groupLabel">Returns the text shown for a group key; null shows the keys.</param>
    /// <returns>The document, titled <c>Trend</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trends"/> or one of them is null.</exception>
    public static KpiDocument Trend(IEnumerable<KpiTrend> trends, Func<string, string>? groupLabel = null)
    {
        var items = Checks.Items(trends, nameof(trends));
        var label = groupLabel ?? (g => g);
        var sections = new List<DocumentSection>();
        foreach (var byKpi in items.GroupBy(t => t.KpiId, StringComparer.Ordinal))
        {
            foreach (var trend in byKpi)
            {
                var heading = trend.Group == KpiGrouping.AllKey ? trend.KpiId : $"{trend.KpiId} — {label(trend.Group)}";
                sections.Add(new TableSection(
                    heading,
                    [new(PeriodHeader), new("Value", ColumnAlignment.Right), new("Change", ColumnAlignment.Right)],
                    trend.Points.Select(p => (IReadOnlyList<string>)[p.Period.Label, KpiValueText.Short(p.Value), KpiValueText.SignedPercent(p.Change)]),
                    trend.Points.Any(p => !p.Value.IsDefined || !p.Change.IsDefined) ? [UndefinedChangeNote] : null));
            }

            var first = byKpi.First();
            var unit = byKpi.SelectMany(t => t.Points).Select(p => p.Value).FirstOrDefault(v => v.IsDefined)?.Unit;
            sections.Add(new LineChartSection(
                ChartHeading(first.KpiId, unit),
                first.Points.Select(p => p.Period.Label),
                byKpi.Where(t => t.Points.Length == first.Points.Length)
                    .Select(t => new ChartSeries(t.Group == KpiGrouping.AllKey ? t.KpiId : label(t.Group), t.Points.Select(p => p.Value.Value is { } v ? Plot(v, p.Value.Unit) : (double?)null)))));
        }

        return new KpiDocument("Trend", [], sections);
    }

    private static List<DocumentSection> WideSections(KpiReport report, Func<string, string> label)
    {
        var kpis = report.Query.Kpis.Select(k => k.Id).ToList();
        var grouped = report.Query.GroupBy != KpiGrouping.None;
        var perPeriod = report.Query.Per != PeriodUnit.None;
        var sections = new List<DocumentSection>();
        if (!grouped && !perPeriod)
        {
            var values = kpis.Select(k => report.Get(k)).ToList();
            sections.Add(new TableSection(
                null,
                [new(KpiHeader), new("Value", ColumnAlignment.Right), new("Detail")],
                kpis.Select((k, i) => (IReadOnlyList<string>)[k, KpiValueText.Long(values[i]), KpiValueText.Detail(values[i])]),
                values.Any(v => !v.IsDefined) ? [UndefinedNote] : null));
        }
        else if (!perPeriod)
        {
            var undefined = false;
            var rows = kpis.Select(k => (IReadOnlyList<string>)[k, .. report.Groups.Select(g => Cell(report.Get(k, g), ref undefined))]).ToList();
            sections.Add(new TableSection(
                null,
                [new(KpiHeader), .. report.Groups.Select(g => new TableColumn(label(g), ColumnAlignment.Right))],
                rows,
                undefined ? [UndefinedNote] : null));
        }
        else if (!grouped)
        {
            // One row per KPI: a table per KPI would be a table of one row each.
            var undefined = false;
            var rows = kpis.Select(k => (IReadOnlyList<string>)[k, .. report.Periods.Select((_, p) => Cell(report.Get(k, KpiGrouping.AllKey, p), ref undefined))]).ToList();
            sections.Add(new TableSection(null, PeriodColumns(KpiHeader, report), rows, undefined ? [UndefinedNote] : null));
            foreach (var kpi in kpis)
            {
                sections.Add(PeriodChart(report, kpi, [KpiGrouping.AllKey], _ => kpi));
            }
        }
        else
        {
            foreach (var kpi in kpis)
            {
                var undefined = false;
                var rows = report.Groups.Select(g => (IReadOnlyList<string>)[label(g), .. report.Periods.Select((_, p) => Cell(report.Get(kpi, g, p), ref undefined))]).ToList();
                sections.Add(new TableSection(kpi, PeriodColumns(GroupHeader, report), rows, undefined ? [UndefinedNote] : null));
                sections.Add(PeriodChart(report, kpi, report.Groups, label));
            }
        }

        return sections;
    }

    private static TableSection LongTable(KpiReport report, Func<string, string> label)
    {
        var undefined = false;
        var rows = report.Rows.Select(r => (IReadOnlyList<string>)
        [
            label(r.Group),
            r.Period.Label,
            r.KpiId,
            Cell(r.Value, ref undefined),
            KpiValueText.Detail(r.Value),
        ]).ToList();
        return new TableSection(
            null,
            [new(GroupHeader), new(PeriodHeader), new(KpiHeader), new("Value", ColumnAlignment.Right), new("Detail")],
            rows,
            undefined ? [UndefinedNote] : null);
    }

    private static List<TableColumn> PeriodColumns(string first, KpiReport report) =>
        [new(first), .. report.Periods.Select(p => new TableColumn(p.Label, ColumnAlignment.Right))];

    private static LineChartSection PeriodChart(KpiReport report, string kpi, IEnumerable<string> groups, Func<string, string> label)
    {
        var unit = report.Query.Kpis.First(k => k.Id == kpi).Unit;
        return new LineChartSection(
            ChartHeading(kpi, unit),
            report.Periods.Select(p => p.Label),
            groups.Select(g => new ChartSeries(label(g), report.Periods.Select((_, p) => report.Get(kpi, g, p) is { Value: { } v } value ? Plot(v, value.Unit) : (double?)null))));
    }

    private static string Cell(KpiValue value, ref bool undefined)
    {
        undefined |= !value.IsDefined;
        return KpiValueText.Short(value);
    }

    /// <summary>Returns the number a chart plots: a ratio as a percentage, anything else as is.</summary>
    private static double Plot(decimal value, KpiUnit unit) => (double)(unit == KpiUnit.Ratio ? value * 100m : value);

    private static string ChartHeading(string kpi, KpiUnit? unit) => unit switch
    {
        KpiUnit.Ratio => kpi + " (%)",
        KpiUnit.Days => kpi + " (days)",
        _ => kpi,
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
