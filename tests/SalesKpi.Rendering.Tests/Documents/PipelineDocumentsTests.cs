using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Pipeline;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Rendering.Tests.Documents;

/// <summary>
/// The waterfall of January and February 2025, every open opportunity (the default close window): o1 1,000 USD open
/// since December, won 10 February; o2 400.50 EUR created 15 January, still open; o3 2,500 USD open since December,
/// lost 20 January.
/// </summary>
public sealed class PipelineDocumentsTests
{
    public static readonly DateInterval JanuaryToFebruary = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 2, 28));

    public static SalesData Data { get; } = SalesData.Create(opportunities:
    [
        new Opportunity(new OpportunityId("o1"), new AccountId("acme"), new RepId("ayse"), Instant.FromUtc(2024, 12, 10, 12, 0), new Money(1_000m, Currency.USD), OpportunityStatus.Won, Instant.FromUtc(2025, 2, 10, 12, 0)),
        new Opportunity(new OpportunityId("o2"), new AccountId("globex"), new RepId("budi"), Instant.FromUtc(2025, 1, 15, 12, 0), new Money(400.50m, Currency.EUR)),
        new Opportunity(new OpportunityId("o3"), new AccountId("initech"), new RepId("ayse"), Instant.FromUtc(2024, 12, 20, 12, 0), new Money(2_500m, Currency.USD), OpportunityStatus.Lost, Instant.FromUtc(2025, 1, 20, 12, 0)),
    ]);

    public static PipelineWaterfallReport Report(KpiGrouping? groupBy = null) =>
        new PipelineWaterfallCalculator().Evaluate(Data, JanuaryToFebruary, groupBy, PeriodUnit.Month);

    [Fact]
    public void Table_Monthly_ACountRowAndARowPerCurrencyForEachPeriod()
    {
        var table = PipelineDocuments.Table(Report());

        Assert.Null(table.Heading);
        Assert.Equal(["period", "opening", "created", "increased", "decreased", "pulled in", "slipped out", "won", "lost", "closing"], table.Columns.Select(c => c.Header));
        Assert.All(table.Columns.Skip(1), c => Assert.Equal(ColumnAlignment.Right, c.Alignment));
        // January: opening o1 + o3 = 2 for 1,000 + 2,500 = 3,500 USD; created o2 400.50 EUR; lost o3 2,500 USD;
        // closing 2 + 1 − 1 = 2: o1 1,000 USD and o2 400.50 EUR (below 1,000 with cents: two decimals).
        // February: opening o1 + o2 = 2; won o1 1,000 USD; closing 2 − 1 = 1: o2 400.50 EUR, 1,000 − 1,000 = 0 USD.
        string[][] expected =
        [
            ["2025-01 · count", "2", "1", "0", "0", "0", "0", "0", "1", "2"],
            ["2025-01 · EUR", "0", "400.50", "0", "0", "0", "0", "0", "0", "400.50"],
            ["2025-01 · USD", "3,500", "0", "0", "0", "0", "0", "0", "2,500", "1,000"],
            ["2025-02 · count", "2", "0", "0", "0", "0", "0", "1", "0", "1"],
            ["2025-02 · EUR", "400.50", "0", "0", "0", "0", "0", "0", "0", "400.50"],
            ["2025-02 · USD", "1,000", "0", "0", "0", "0", "0", "1,000", "0", "0"],
        ];
        Assert.Equal(expected, table.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void Table_ByRep_NamesTheGroupThroughTheLabel()
    {
        var table = PipelineDocuments.Table(Report(KpiGrouping.ByRep), g => g.ToUpperInvariant(), "Waterfall");

        Assert.Equal("Waterfall", table.Heading);
        // January, ayse: opening o1 + o3 = 2, lost o3, closing 1 (o1 1,000 USD); budi: created o2, closing 1 (400.50 EUR).
        Assert.Equal(
            ["2025-01 · AYSE · count", "2025-01 · AYSE · USD", "2025-01 · BUDI · count", "2025-01 · BUDI · EUR", "2025-02 · AYSE · count", "2025-02 · AYSE · USD", "2025-02 · BUDI · count", "2025-02 · BUDI · EUR"],
            table.Rows.Select(r => r[0]));
        Assert.Equal(["2025-01 · AYSE · count", "2", "0", "0", "0", "0", "0", "0", "1", "1"], table.Rows[0].AsEnumerable());
    }

    [Fact]
    public void ClosingCharts_Monthly_ALinePerGroupForEachCurrencyOfTheClosingPipeline()
    {
        var charts = PipelineDocuments.ClosingCharts(Report(KpiGrouping.ByRep));

        // Closing EUR: budi 400.50 in both months (ayse has none: 0); closing USD: ayse 1,000 in January, 0 after the win.
        Assert.Equal(["Closing pipeline (EUR)", "Closing pipeline (USD)"], charts.Select(c => c.Heading));
        Assert.All(charts, c => Assert.Equal(["2025-01", "2025-02"], c.Labels.AsEnumerable()));
        Assert.Equal(["ayse", "budi"], charts[1].Series.Select(s => s.Name));
        Assert.Equal([0d, 0d], charts[0].Series[0].Values.AsEnumerable());
        Assert.Equal([400.5d, 400.5d], charts[0].Series[1].Values.AsEnumerable());
        Assert.Equal([1_000d, 0d], charts[1].Series[0].Values.AsEnumerable());
    }

    [Fact]
    public void ClosingCharts_OnePeriod_None()
    {
        var report = new PipelineWaterfallCalculator().Evaluate(Data, JanuaryToFebruary);

        Assert.Empty(PipelineDocuments.ClosingCharts(report));
        Assert.IsType<TableSection>(Assert.Single(PipelineDocuments.Waterfall(report)));
    }

    [Fact]
    public void Waterfall_RenderedAsTextMarkdownAndHtml()
    {
        var document = new KpiDocument("Pipeline", [], PipelineDocuments.Waterfall(Report()));

        var text = DocumentRenderer.Render(document, RenderFormat.Text, new RenderOptions { Width = 200 });
        var markdown = DocumentRenderer.Render(document, RenderFormat.Markdown);
        var html = DocumentRenderer.Render(document, RenderFormat.Html);

        // Text: the widest cell of each column sets its width ("2025-01 · count" is 15); numbers align right.
        Assert.Contains("│ 2025-01 · EUR   │       0 │  400.50 │", text, StringComparison.Ordinal);
        Assert.Contains("│ 2025-02 · USD   │   1,000 │", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Closing pipeline", text, StringComparison.Ordinal); // text leaves charts out
        Assert.Contains("Pipeline waterfall", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2025-01 · USD | 3,500 | 0 | 0 | 0 | 0 | 0 | 0 | 2,500 | 1,000 |", markdown, StringComparison.Ordinal);
        // HtmlEncode writes the middle dot as &#183;.
        Assert.Contains("<td>2025-02 &#183; count</td><td class=\"num\">2</td>", html, StringComparison.Ordinal);
        // Two charts (EUR, USD) of one line ("all") with two points each: 4 marks; February's USD closing is 0.
        Assert.Equal(4, html.Split("<circle class=\"mark").Length - 1);
        Assert.Contains("<title>all &#183; 2025-02: 0</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>all &#183; 2025-01: 400.5</title>", html, StringComparison.Ordinal);
    }
}
