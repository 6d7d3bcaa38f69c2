using System.Text;

namespace SalesKpi.Rendering;

/// <summary>
/// Writes a document as GitHub-flavoured Markdown: the title as a level-1 heading, the notes as lines, each section's
/// heading as a level-2 heading and each table as a pipe table. Charts are left out.
/// </summary>
internal static class MarkdownRenderer
{
    public static void Write(KpiDocument document, TextWriter writer)
    {
        writer.WriteLine("# " + Inline(document.Title));
        if (!document.Notes.IsEmpty)
        {
            writer.WriteLine();
            // A line break inside a paragraph is a trailing backslash: each note stays on its own line.
            for (var i = 0; i < document.Notes.Length; i++)
            {
                writer.WriteLine(Inline(document.Notes[i]) + (i < document.Notes.Length - 1 ? "\\" : string.Empty));
            }
        }

        foreach (var table in document.Sections.OfType<TableSection>())
        {
            writer.WriteLine();
            if (table.Heading is { } heading)
            {
                writer.WriteLine("## " + Inline(heading));
                writer.WriteLine();
            }

            writer.WriteLine(Row(table.Columns.Select(c => c.Header)));
            writer.WriteLine("|" + string.Concat(table.Columns.Select(c => c.Alignment == ColumnAlignment.Right ? " ---: |" : " --- |")));
            foreach (var row in table.Rows)
            {
                writer.WriteLine(Row(row));
            }

            if (!table.Footnotes.IsEmpty)
            {
                writer.WriteLine();
                foreach (var footnote in table.Footnotes)
                {
                    writer.WriteLine(Inline(footnote) + (footnote == table.Footnotes[^1] ? string.Empty : "\\"));
                }
            }
        }
    }

    private static string Row(IEnumerable<string> cells) => "|" + string.Concat(cells.Select(c => " " + Cell(c) + " |"));

    /// <summary>Escapes a table cell: a pipe would end the cell and a line break the row.</summary>
    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Escapes text so that Markdown shows it as written: no emphasis, links, HTML or line breaks from the data.</summary>
    internal static string Inline(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in KpiValueText.Printable(text.ReplaceLineEndings(" ")))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
