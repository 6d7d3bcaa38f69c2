namespace SalesKpi.Rendering;

/// <summary>The format a <see cref="KpiDocument"/> is rendered to by <see cref="DocumentRenderer"/>.</summary>
public enum RenderFormat
{
    /// <summary>Aligned plain text with rounded box tables, fitted to <see cref="RenderOptions.Width"/>; charts are left out.</summary>
    Text,

    /// <summary>GitHub-flavoured Markdown: headings and pipe tables; charts are left out.</summary>
    Markdown,

    /// <summary>One self-contained HTML page (inline style and SVG charts, nothing fetched), readable offline, on a phone and on paper.</summary>
    Html,
}
