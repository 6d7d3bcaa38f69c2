namespace SalesKpi.Rendering.Tests;

/// <summary>A document with a line chart (with a gap), a bar chart (with an undefined bar and two references) and two tables.</summary>
internal static class BrowserDocument
{
    /// <summary>The defined points of the line chart: 3 for ayse, 2 for budi (one month undefined).</summary>
    public const int DefinedPoints = 5;

    /// <summary>The bars drawn: two of the three, the third being undefined.</summary>
    public const int DrawnBars = 2;

    public static KpiDocument Create() => new(
        "Revenue by rep",
        ["2025-01-01 to 2025-03-31 (UTC), by rep, per month"],
        [
            new TableSection(
                "revenue",
                [new("Group"), new("2025-01", ColumnAlignment.Right), new("2025-02", ColumnAlignment.Right), new("2025-03", ColumnAlignment.Right)],
                [["ayse", "1,000 USD", "3,000 USD", "2,500 USD"], ["budi", "2,000 USD", "—", "1,500 USD"]],
                ["— undefined (no data for the ratio or statistic)"]),
            new LineChartSection(
                "revenue",
                ["2025-01", "2025-02", "2025-03"],
                [new ChartSeries("ayse", [1000, 3000, 2500]), new ChartSeries("budi", [2000, null, 1500])]),
            new TableSection(
                "Peer comparison",
                [new("KPI"), new("Group"), new("Value", ColumnAlignment.Right), new("Peer mean", ColumnAlignment.Right)],
                [["revenue", "ayse", "6,500 USD", "3,500 USD"], ["revenue", "budi", "3,500 USD", "6,500 USD"], ["revenue", "cem", "—", "5,000 USD"]]),
            new BarChartSection(
                "revenue vs peers",
                [new ChartBar("ayse", 6500, "6,500 USD"), new ChartBar("budi", 3500, "3,500 USD"), new ChartBar("cem", null, "—")],
                [new ChartReference("mean 5,000 USD", 5000), new ChartReference("target 6,000 USD", 6000)]),
        ]);
}
