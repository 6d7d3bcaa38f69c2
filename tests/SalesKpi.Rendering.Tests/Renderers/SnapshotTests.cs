using Snapshooter.Xunit;

namespace SalesKpi.Rendering.Tests.Renderers;

/// <summary>
/// The whole output for the browser test's document, kept in __snapshots__: a change to the page, the text or the
/// Markdown shows up in review as a diff of the snapshot. Output is deterministic, so the snapshot is stable.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Html_BrowserDocument_MatchesTheSnapshot() =>
        Snapshot.Match(DocumentRenderer.Render(BrowserDocument.Create(), RenderFormat.Html));

    [Fact]
    public void Text_BrowserDocument_MatchesTheSnapshot() =>
        Snapshot.Match(DocumentRenderer.Render(BrowserDocument.Create(), RenderFormat.Text, new RenderOptions { Width = 40 }));

    [Fact]
    public void Markdown_BrowserDocument_MatchesTheSnapshot() =>
        Snapshot.Match(DocumentRenderer.Render(BrowserDocument.Create(), RenderFormat.Markdown));
}
