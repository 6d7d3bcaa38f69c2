using System.Text.RegularExpressions;
using SalesKpi.Reporting;
using SalesKpi.Rendering.Tests.Documents;

namespace SalesKpi.Rendering.Tests.Docs;

/// <summary>
/// docs/rendering.md shows what the package writes: its C# is test code (checked by the snippet tests of SalesKpi.Tests,
/// which read every test file), and its text and Markdown blocks tagged <c>&lt;!-- generated: name --&gt;</c> are the
/// output of that code, checked here.
/// </summary>
public sealed partial class RenderingDocsTests
{
    [Fact]
    public void RenderingPage_ReportOutput_IsWhatTheRendererWrites()
    {
        var report = TinyData.Evaluate(KpiGrouping.ByRep, PeriodUnit.Month);

        // <snippet:rendering-report>
        KpiDocument document = KpiDocuments.Report(report); // by rep per month: a table per KPI, a line chart per KPI

        string text = DocumentRenderer.Render(document, RenderFormat.Text, new RenderOptions { Width = 100 });
        string markdown = DocumentRenderer.Render(document, RenderFormat.Markdown);
        string html = DocumentRenderer.Render(document, RenderFormat.Html); // one page, nothing fetched
        // </snippet:rendering-report>

        AssertGenerated("report-text", text);
        AssertGenerated("report-markdown", markdown);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderingPage_HandMadeDocument_IsWhatTheRendererWrites()
    {
        // <snippet:rendering-document>
        var document = new KpiDocument(
            "Pipeline review",
            ["Week 12, team north"],
            [
                new TableSection(
                    "Open pipeline",
                    [new TableColumn("Rep"), new TableColumn("Deals", ColumnAlignment.Right), new TableColumn("Value", ColumnAlignment.Right)],
                    [["ayse", "4", "48,000 USD"], ["budi", "2", "21,500 USD"]],
                    footnotes: ["Values converted at the month's rates."]),
                new BarChartSection(
                    "Open pipeline by rep",
                    [new ChartBar("ayse", 48_000, "48,000 USD"), new ChartBar("budi", 21_500, "21,500 USD")],
                    [new ChartReference("target 30,000 USD", 30_000)]),
            ]);

        string text = DocumentRenderer.Render(document, RenderFormat.Text);
        // </snippet:rendering-document>

        AssertGenerated("document-text", text);
    }

    [Fact]
    public void RenderingPage_Comparison_IsWhatTheRendererWrites()
    {
        var report = TinyData.Evaluate(KpiGrouping.ByRep, PeriodUnit.None);

        // <snippet:rendering-comparison>
        var comparisons = report.Groups.Select(rep => report.CompareWithPeers(KpiIds.DealsWon, rep));
        var document = KpiDocuments.Comparison(comparisons, KpiIds.DealsWon, target: new KpiTarget(KpiIds.DealsWon, 2m));
        // </snippet:rendering-comparison>

        AssertGenerated("comparison-markdown", DocumentRenderer.Render(document, RenderFormat.Markdown));
    }

    [Fact]
    public void RenderingPage_Waterfall_IsWhatTheRendererWrites()
    {
        var report = PipelineDocumentsTests.Report(); // January and February 2025, per month

        // <snippet:rendering-waterfall>
        var document = new KpiDocument(
            "Pipeline waterfall",
            ["January and February 2025"],
            PipelineDocuments.Waterfall(report, groupLabel: rep => rep)); // the table, a closing-pipeline chart per currency

        string markdown = DocumentRenderer.Render(document, RenderFormat.Markdown); // charts are drawn in HTML only
        // </snippet:rendering-waterfall>

        AssertGenerated("waterfall-markdown", markdown);
    }

    private static void AssertGenerated(string name, string output)
    {
        var page = File.ReadAllText(Path.Combine(Root(), "docs", "rendering.md")).ReplaceLineEndings("\n");
        var shown = Regex.Match(page, $"<!-- generated: {Regex.Escape(name)} -->\n```[a-z]*\n(?<text>.*?)```", RegexOptions.Singleline);
        Assert.True(shown.Success, $"docs/rendering.md has no block tagged <!-- generated: {name} -->.");
        Assert.True(shown.Groups["text"].Value == output, $"docs/rendering.md: the block {name} differs from the output. Replace it with:\n{output}");
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesKpi.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SalesKpi.sln not found above " + AppContext.BaseDirectory);
    }
}
