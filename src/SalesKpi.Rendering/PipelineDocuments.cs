using System.Collections.Immutable;
using System.Globalization;
using SalesKpi.Pipeline;
using SalesKpi.Reporting;

namespace SalesKpi.Rendering;

/// <summary>
/// Makes document sections of a pipeline waterfall (<see cref="PipelineWaterfallReport"/>, docs/pipeline.md): the table
/// <c>saleskpi waterfall</c> shows, and a line chart of the closing pipeline per currency.
/// </summary>
public static class PipelineDocuments
{
    /// <summary>The lines, in the order of the table's columns, with their headers.</summary>
    private static readonly (PipelineFlowKind Kind, string Header)[] Lines =
    [
        (PipelineFlowKind.Opening, "opening"), (PipelineFlowKind.Created, "created"), (PipelineFlowKind.Increased, "increased"),
        (PipelineFlowKind.Decreased, "decreased"), (PipelineFlowKind.PulledIn, "pulled in"), (PipelineFlowKind.SlippedOut, "slipped out"),
        (PipelineFlowKind.Won, "won"), (PipelineFlowKind.Lost, "lost"), (PipelineFlowKind.Closing, "closing"),
    ];

    /// <summary>Returns the table and the charts of a waterfall report: <see cref="Table"/> headed <c>Pipeline waterfall</c>, then <see cref="ClosingCharts"/>.</summary>
    /// <param name="report">The report, such as <see cref="PipelineWaterfallCalculator.Evaluate"/>'s.</param>
    /// <param name="groupLabel">Returns the text shown for a group key; null shows the keys.</param>
    /// <returns>The sections.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ImmutableArray<DocumentSection> Waterfall(PipelineWaterfallReport report, Func<string, string>? groupLabel = null) =>
        [Table(report, groupLabel, "Pipeline waterfall"), .. ClosingCharts(report, groupLabel)];

    /// <summary>
    /// Returns the waterfall as a table: for each period and group, a row of counts, then a row per currency it has, with
    /// the columns period, opening, created, increased, decreased, pulled in, slipped out, won, lost and closing.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="groupLabel">Returns the text shown for a group key; null shows the keys.</param>
    /// <param name="heading">The heading, or null.</param>
    /// <returns>
    /// The table. A row is named <c>period · measure</c> (ungrouped) or <c>period · group · measure</c>, the measure
    /// <c>count</c> or a currency code; counts and amounts have thousands separators, amounts below 1,000 with cents
    /// keep two decimals.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static TableSection Table(PipelineWaterfallReport report, Func<string, string>? groupLabel = null, string? heading = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var label = groupLabel ?? (g => g);
        var grouped = report.GroupBy != KpiGrouping.None.Dimension;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var w in report.Waterfalls)
        {
            var name = grouped ? $"{w.Period.Label} · {label(w.Group)}" : w.Period.Label;
            rows.Add([$"{name} · count", .. Lines.Select(l => Count(w.Flow(l.Kind).Count))]);
            foreach (var currency in w.Currencies)
            {
                rows.Add([$"{name} · {currency.Code}", .. Lines.Select(l => Amount(w.Flow(l.Kind).AmountIn(currency).Amount))]);
            }
        }

        return new TableSection(heading, [new TableColumn("period"), .. Lines.Select(l => new TableColumn(l.Header, ColumnAlignment.Right))], rows);
    }

    /// <summary>Returns a line chart of the closing pipeline for each currency of the report: the periods along the axis, a line per group.</summary>
    /// <param name="report">The report.</param>
    /// <param name="groupLabel">Returns the text shown for a group key; null shows the keys.</param>
    /// <returns>
    /// The charts, headed <c>Closing pipeline (USD)</c> and so on in the order of the currency codes; a group without
    /// the currency in a period plots zero. Empty when the report has fewer than two periods (a line needs two points).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ImmutableArray<LineChartSection> ClosingCharts(PipelineWaterfallReport report, Func<string, string>? groupLabel = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Periods.Length < 2)
        {
            return [];
        }

        var label = groupLabel ?? (g => g);
        var currencies = report.Waterfalls.SelectMany(w => w.Closing.Amounts).Select(a => a.Currency).Distinct().OrderBy(c => c.Code, StringComparer.Ordinal);
        return
        [
            .. currencies.Select(currency => new LineChartSection(
                $"Closing pipeline ({currency.Code})",
                report.Periods.Select(p => p.Label),
                report.Groups.Select(g => new ChartSeries(
                    label(g),
                    report.Periods.Select((_, i) => (double?)(double)report.Get(g, i).Closing.AmountIn(currency).Amount))))),
        ];
    }

    private static string Count(long count) => count.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Returns an amount in whole units from 1,000 up or without cents, else with two decimals.</summary>
    private static string Amount(decimal amount) =>
        amount.ToString(Math.Abs(amount) >= 1000m || amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
}
