using System.Globalization;

namespace SalesKpi.Rendering.Tests.Renderers;

public sealed class HtmlTests
{
    [Fact]
    public void Html_TextFromTheDocument_IsEncodedEverywhere()
    {
        const string Hostile = "<script>alert('x')</script> & \"q\"";
        var document = new KpiDocument(
            Hostile,
            [Hostile],
            [
                new TableSection(Hostile, [new(Hostile)], [[Hostile]], [Hostile]),
                new LineChartSection(Hostile, [Hostile], [new ChartSeries(Hostile, [1.0])]),
                new BarChartSection(Hostile, [new ChartBar(Hostile, 1.0, Hostile)], [new ChartReference(Hostile, 0.5)]),
            ]);

        var html = DocumentRenderer.Render(document, RenderFormat.Html);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("'x'", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, "0.5")]
    [InlineData(2500, "2,500")]
    [InlineData(9999, "9,999")]
    [InlineData(10000, "10k")]
    [InlineData(500000, "500k")]
    [InlineData(1000000, "1M")]
    [InlineData(1500000, "1.5M")]
    [InlineData(-250000, "-250k")]
    public void Tick_LargeValues_AreWrittenInThousandsOrMillions(double value, string expected)
    {
        // A revenue axis ends at 1,000,000, nine characters that reach past the chart's left margin; 1M fits.
        Assert.Equal(expected, HtmlRenderer.Tick(value));
    }

    [Fact]
    public void Html_Page_FetchesNothing()
    {
        var html = DocumentRenderer.Render(BrowserDocument.Create(), RenderFormat.Html);

        // Self-contained: no script, no linked style sheet, image, font or frame; the only URL is the SVG namespace.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(
            html.Split("http").Length - 1,
            html.Split("xmlns=\"http://www.w3.org/2000/svg\"").Length - 1);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Marks_OnePerDefinedPointAndBarAndAGapWhereUndefined()
    {
        var document = new KpiDocument(
            "T",
            [],
            [
                new LineChartSection("L", ["a", "b", "c"], [new ChartSeries("s", [1.0, null, 3.0])]),
                new BarChartSection("B", [new ChartBar("x", 2.0, "2"), new ChartBar("y", null, "—")], [new ChartReference("mean", 2.0)]),
            ]);

        var html = DocumentRenderer.Render(document, RenderFormat.Html);

        Assert.Equal(2, Count(html, "<circle class=\"mark"));
        Assert.Equal(1, Count(html, "<rect class=\"bar\""));
        Assert.Equal(1, Count(html, "<line class=\"reference\""));
        // The undefined point splits the line into two subpaths (M … M …), not one line drawn through it.
        var path = html[html.IndexOf("<path class=\"line", StringComparison.Ordinal)..];
        path = path[..path.IndexOf('>', StringComparison.Ordinal)];
        Assert.Equal(2, Count(path, "M"));
        Assert.DoesNotContain("L", path[path.IndexOf("d=", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Html_TheSameDocumentInAnotherCulture_IsTheSamePage()
    {
        var document = BrowserDocument.Create();
        var invariant = DocumentRenderer.Render(document, RenderFormat.Html);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // German writes 1,5 for 1.5: a coordinate written with the current culture would differ.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(invariant, DocumentRenderer.Render(document, RenderFormat.Html));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Html_RightAlignedColumns_HaveTheNumClassAndHeadersAreScopedColumns()
    {
        var html = DocumentRenderer.Render(new KpiDocument("T", [], [new TableSection(null, [new("K"), new("V", ColumnAlignment.Right)], [["a", "1"]])]), RenderFormat.Html);

        Assert.Contains("<thead>\n<tr><th scope=\"col\">K</th><th scope=\"col\" class=\"num\">V</th></tr>\n</thead>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>a</td><td class=\"num\">1</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"table-wrap\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ManyBarsWithLongLabels_TurnsAndShortensTheLabelsAndKeepsThemWholeInTheTooltips()
    {
        // 33 bars share 560 px: 17 px a slot, too narrow for "rep number 1 of the team" (24 characters × 7 px).
        var bars = Enumerable.Range(1, 33).Select(i => new ChartBar($"rep number {i} of the team", i, $"{i} deals"));
        var html = DocumentRenderer.Render(new KpiDocument("T", [], [new BarChartSection("B", bars, [])]), RenderFormat.Html);

        Assert.Equal(33, Count(html, "transform=\"rotate(-45 "));
        Assert.Contains(">rep number …</text>", html, StringComparison.Ordinal); // 11 characters and an ellipsis
        Assert.Contains("<title>rep number 1 of the team: 1 deals</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<text class=\"value\"", html, StringComparison.Ordinal); // no room above 17 px bars
    }

    [Fact]
    public void Html_LineChartWithManyLabels_WritesOnlyAsManyAsFit()
    {
        // 52 labels of 8 characters: 560 / (8 × 7 + 12) = 8 fit, so every 7th (ceiling of 52 / 8) is written: 0, 7, … 49.
        var labels = Enumerable.Range(1, 52).Select(i => $"2025-W{i:00}").ToList();
        var html = DocumentRenderer.Render(new KpiDocument("T", [], [new LineChartSection("L", labels, [new ChartSeries("s", labels.Select(_ => (double?)1))])]), RenderFormat.Html);

        Assert.Equal(8, labels.Count(l => html.Contains(">" + l + "</text>", StringComparison.Ordinal)));
        Assert.Contains(">2025-W50</text>", html, StringComparison.Ordinal);
        Assert.Equal(52, Count(html, "<circle class=\"mark"));
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;
}
