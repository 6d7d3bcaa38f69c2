using SalesKpi.Reporting;

namespace SalesKpi.Rendering.Tests.Documents;

/// <summary>The adapters on <see cref="TinyData"/>: ayse 1,000 USD (Jan) and 3,000 USD (Feb), budi 2,000 USD (Jan).</summary>
public sealed class KpiDocumentsTests
{
    [Fact]
    public void Report_WideWithoutGroupsOrPeriods_IsOneKpiValueDetailTable()
    {
        var document = KpiDocuments.Report(TinyData.Evaluate(KpiGrouping.None, PeriodUnit.None));

        // 3 deals won, 1,000 + 3,000 + 2,000 = 6,000 USD; average 6,000 / 3 = 2,000 USD.
        Assert.Equal(
            """
            SalesKpi report
            2025-01-01..2025-02-28 ungrouped: 2 KPIs × 1 group × 1 period

            ╭───────────────────┬───────────┬─────────────────╮
            │ KPI               │     Value │ Detail          │
            ├───────────────────┼───────────┼─────────────────┤
            │ deals-won         │         3 │ total 6,000 USD │
            │ average-deal-size │ 2,000 USD │ 6,000 USD / 3   │
            ╰───────────────────┴───────────┴─────────────────╯

            """.ReplaceLineEndings("\n"),
            DocumentRenderer.Render(document, RenderFormat.Text));
    }

    [Fact]
    public void Report_WideByRep_HasKpisAsRowsAndRepsAsColumns()
    {
        var document = KpiDocuments.Report(TinyData.Evaluate(KpiGrouping.ByRep, PeriodUnit.None), groupLabel: g => g.ToUpperInvariant());

        // ayse: 2 deals, (1,000 + 3,000) / 2 = 2,000 USD; budi: 1 deal, 2,000 / 1 = 2,000 USD.
        var table = Assert.IsType<TableSection>(Assert.Single(document.Sections));
        Assert.Equal(["KPI", "AYSE", "BUDI"], table.Columns.Select(c => c.Header));
        Assert.Equal([ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right], table.Columns.Select(c => c.Alignment));
        Assert.Equal([["deals-won", "2", "1"], ["average-deal-size", "2,000 USD", "2,000 USD"]], table.Rows.Select(r => r.ToArray()));
        Assert.Empty(table.Footnotes.ToArray());
    }

    [Fact]
    public void Report_WideByRepPerMonth_IsOneTablePerKpiWithRepsAsRowsAndMonthsAsColumnsAndALineChart()
    {
        var document = KpiDocuments.Report(TinyData.Evaluate(KpiGrouping.ByRep, PeriodUnit.Month));

        // deals-won: ayse 1 in each month; budi 1 in January, 0 in February.
        // average-deal-size: ayse 1,000 / 1 and 3,000 / 1; budi 2,000 / 1, then undefined (no deal in February).
        Assert.Equal(
            """
            SalesKpi report
            2025-01-01..2025-02-28 by rep per month: 2 KPIs × 2 groups × 2 periods

            deals-won
            ╭───────┬─────────┬─────────╮
            │ Group │ 2025-01 │ 2025-02 │
            ├───────┼─────────┼─────────┤
            │ ayse  │       1 │       1 │
            │ budi  │       1 │       0 │
            ╰───────┴─────────┴─────────╯

            average-deal-size
            ╭───────┬───────────┬───────────╮
            │ Group │   2025-01 │   2025-02 │
            ├───────┼───────────┼───────────┤
            │ ayse  │ 1,000 USD │ 3,000 USD │
            │ budi  │ 2,000 USD │         — │
            ╰───────┴───────────┴───────────╯
            — undefined (no data for the ratio or statistic)

            """.ReplaceLineEndings("\n"),
            DocumentRenderer.Render(document, RenderFormat.Text));

        var charts = document.Sections.OfType<LineChartSection>().ToList();
        Assert.Equal(["deals-won", "average-deal-size"], charts.Select(c => c.Heading));
        Assert.Equal(["2025-01", "2025-02"], charts[1].Labels.ToArray());
        Assert.Equal(["ayse", "budi"], charts[1].Series.Select(s => s.Name));
        Assert.Equal([1000.0, 3000.0], charts[1].Series[0].Values.ToArray());
        Assert.Equal([2000.0, null], charts[1].Series[1].Values.ToArray());
    }

    [Fact]
    public void Report_WidePerMonthWithoutGroups_IsOneTableWithKpisAsRowsAndAChartPerKpi()
    {
        var document = KpiDocuments.Report(TinyData.Evaluate(KpiGrouping.None, PeriodUnit.Month));

        // January: 2 deals, (1,000 + 2,000) / 2 = 1,500 USD; February: 1 deal, 3,000 USD.
        var table = Assert.IsType<TableSection>(document.Sections[0]);
        Assert.Equal(["KPI", "2025-01", "2025-02"], table.Columns.Select(c => c.Header));
        Assert.Equal([["deals-won", "2", "1"], ["average-deal-size", "1,500 USD", "3,000 USD"]], table.Rows.Select(r => r.ToArray()));
        var charts = document.Sections.OfType<LineChartSection>().ToList();
        Assert.Equal(2, charts.Count);
        Assert.Equal([1500.0, 3000.0], Assert.Single(charts[1].Series).Values.ToArray());
    }

    [Fact]
    public void Report_Long_IsARowPerGroupPeriodAndKpi()
    {
        var document = KpiDocuments.Report(TinyData.Evaluate(KpiGrouping.ByRep, PeriodUnit.Month), ReportLayout.Long);

        // 2 reps × 2 months × 2 KPIs = 8 rows, ordered by group, period, KPI.
        var table = Assert.IsType<TableSection>(Assert.Single(document.Sections));
        Assert.Equal(["Group", "Period", "KPI", "Value", "Detail"], table.Columns.Select(c => c.Header));
        Assert.Equal(8, table.Rows.Length);
        Assert.Equal(["ayse", "2025-02", "average-deal-size", "3,000 USD", "3,000 USD / 1"], table.Rows[3].ToArray());
        Assert.Equal(["budi", "2025-02", "average-deal-size", "—", "no deals won in the period"], table.Rows[7].ToArray());
        Assert.Equal(["— undefined (no data for the ratio or statistic)"], table.Footnotes.ToArray());
    }

    [Fact]
    public void Report_UnknownLayout_Throws()
    {
        var report = TinyData.Evaluate(KpiGrouping.None, PeriodUnit.None);

        Assert.Equal("layout", Assert.Throws<ArgumentOutOfRangeException>(() => KpiDocuments.Report(report, (ReportLayout)9)).ParamName);
    }

    [Fact]
    public void Comparison_DealsWonByRep_TablesValuesAgainstPeersAndChartsThemAgainstTheMeanAndTarget()
    {
        var report = TinyData.Evaluate(KpiGrouping.ByRep, PeriodUnit.None);

        var document = KpiDocuments.Comparison(
            [report.CompareWithPeers(KpiIds.DealsWon, "ayse"), report.CompareWithPeers(KpiIds.DealsWon, "budi")],
            KpiIds.DealsWon,
            new KpiTarget(KpiIds.DealsWon, 2m));

        // ayse 2 vs her peer budi 1: (2 - 1) / 1 = +100%, rank 1 of 2; budi 1 vs 2: (1 - 2) / 2 = -50%, rank 2 of 2.
        var table = Assert.IsType<TableSection>(document.Sections[0]);
        Assert.Equal(["KPI", "Group", "Value", "Peer mean", "Difference", "Rank", "Peers"], table.Columns.Select(c => c.Header));
        Assert.Equal(
            [["deals-won", "ayse", "2", "1", "+100.0%", "1 of 2", "1"], ["deals-won", "budi", "1", "2", "-50.0%", "2 of 2", "1"]],
            table.Rows.Select(r => r.ToArray()));

        // The bars are the values; the mean of the values shown is (2 + 1) / 2 = 1.5, and the target is 2.
        var chart = Assert.IsType<BarChartSection>(document.Sections[1]);
        Assert.Equal([("ayse", 2.0, "2"), ("budi", 1.0, "1")], chart.Bars.Select(b => (b.Label, b.Value!.Value, b.ValueText)));
        Assert.Equal([("mean 1.5", 1.5), ("target 2", 2.0)], chart.References.Select(r => (r.Label, r.Value)));
    }

    [Fact]
    public void Comparison_OneRep_DrawsItsPeerMean()
    {
        var report = TinyData.Evaluate(KpiGrouping.ByRep, PeriodUnit.None);

        var document = KpiDocuments.Comparison([report.CompareWithPeers(KpiIds.DealsWon, "budi")], KpiIds.DealsWon);

        // budi's only peer is ayse, with 2 deals.
        var chart = Assert.IsType<BarChartSection>(document.Sections[1]);
        Assert.Equal([("peer mean 2", 2.0)], chart.References.Select(r => (r.Label, r.Value)));
    }

    [Fact]
    public void Trend_DealsWonPerRep_TablesTheChangeAndChartsASeriesPerRep()
    {
        var report = TinyData.Evaluate(KpiGrouping.ByRep, PeriodUnit.Month);

        var document = KpiDocuments.Trend([report.Trend(KpiIds.DealsWon, "ayse"), report.Trend(KpiIds.DealsWon, "budi")]);

        // ayse 1 then 1: (1 - 1) / 1 = 0%; budi 1 then 0: (0 - 1) / 1 = -100%; January has no previous month.
        var tables = document.Sections.OfType<TableSection>().ToList();
        Assert.Equal(["deals-won — ayse", "deals-won — budi"], tables.Select(t => t.Heading));
        Assert.Equal([["2025-01", "1", "—"], ["2025-02", "1", "0.0%"]], tables[0].Rows.Select(r => r.ToArray()));
        Assert.Equal([["2025-01", "1", "—"], ["2025-02", "0", "-100.0%"]], tables[1].Rows.Select(r => r.ToArray()));
        var chart = Assert.Single(document.Sections.OfType<LineChartSection>());
        Assert.Equal([("ayse", new double?[] { 1, 1 }), ("budi", new double?[] { 1, 0 })], chart.Series.Select(s => (s.Name, s.Values.ToArray())));
    }
}
