namespace SalesKpi.Rendering;

/// <summary>Writes a <see cref="KpiDocument"/> as plain text, Markdown or HTML.</summary>
/// <remarks>
/// <para>The output is deterministic: the same document gives the same text, in any culture (numbers in charts are written
/// with the invariant culture and a fixed number of decimals), so it can be compared with a snapshot.</para>
/// <para><see cref="RenderFormat.Text"/> and <see cref="RenderFormat.Markdown"/> leave charts out: their tables hold
/// the same numbers. <see cref="RenderFormat.Html"/> draws them as inline SVG.</para>
/// </remarks>
public static class DocumentRenderer
{
    /// <summary>Returns a document rendered in a format.</summary>
    /// <param name="document">The document.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">How to render it; null for <see cref="RenderOptions.Default"/>.</param>
    /// <returns>The text, with <c>\n</c> line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static string Render(KpiDocument document, RenderFormat format, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        CheckFormat(format);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(document, format, writer, options);
        return writer.ToString();
    }

    /// <summary>Writes a document in a format.</summary>
    /// <param name="document">The document.</param>
    /// <param name="format">The format.</param>
    /// <param name="writer">The writer; lines end with its <see cref="TextWriter.NewLine"/>.</param>
    /// <param name="options">How to render it; null for <see cref="RenderOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static void Write(KpiDocument document, RenderFormat format, TextWriter writer, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        CheckFormat(format);
        options ??= RenderOptions.Default;
        switch (format)
        {
            case RenderFormat.Text:
                TextRenderer.Write(document, writer, options);
                break;
            case RenderFormat.Markdown:
                MarkdownRenderer.Write(document, writer);
                break;
            default:
                HtmlRenderer.Write(document, writer);
                break;
        }
    }

    private static void CheckFormat(RenderFormat format)
    {
        if (format is not (RenderFormat.Text or RenderFormat.Markdown or RenderFormat.Html))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format.");
        }
    }
}
