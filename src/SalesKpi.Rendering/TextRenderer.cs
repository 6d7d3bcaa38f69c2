using System.Globalization;
using System.Text;

namespace SalesKpi.Rendering;

/// <summary>
/// Writes a document as plain text: the title and notes, then each table in a rounded box (╭─┬─╮), fitted to the width by
/// splitting its columns into several tables that each repeat the first column. Charts are left out.
/// </summary>
internal static class TextRenderer
{
    public static void Write(KpiDocument document, TextWriter writer, RenderOptions options)
    {
        writer.WriteLine(KpiValueText.Printable(document.Title));
        foreach (var note in document.Notes)
        {
            writer.WriteLine(KpiValueText.Printable(note));
        }

        foreach (var section in document.Sections)
        {
            if (section is TableSection table)
            {
                writer.WriteLine();
                WriteTable(table, writer, options.Width);
            }
        }
    }

    private static void WriteTable(TableSection table, TextWriter writer, int width)
    {
        if (table.Heading is { } heading)
        {
            writer.WriteLine(KpiValueText.Printable(heading));
        }

        var headers = table.Columns.Select(c => KpiValueText.Printable(c.Header)).ToArray();
        var rows = table.Rows.Select(r => r.Select(KpiValueText.Printable).ToArray()).ToArray();
        var widths = headers.Select((h, i) => Math.Max(TextWidth(h), rows.Length == 0 ? 0 : rows.Max(r => TextWidth(r[i])))).ToArray();

        var chunks = Chunks(widths, width);
        for (var c = 0; c < chunks.Count; c++)
        {
            if (c > 0)
            {
                writer.WriteLine();
            }

            int[] columns = [0, .. chunks[c]];
            writer.WriteLine(Border('╭', '┬', '╮', columns, widths));
            writer.WriteLine(Line(columns, i => headers[i], widths, table));
            writer.WriteLine(Border('├', '┼', '┤', columns, widths));
            foreach (var row in rows)
            {
                writer.WriteLine(Line(columns, i => row[i], widths, table));
            }

            writer.WriteLine(Border('╰', '┴', '╯', columns, widths));
        }

        foreach (var footnote in table.Footnotes)
        {
            writer.WriteLine(KpiValueText.Printable(footnote));
        }
    }

    /// <summary>Splits the columns after the first into runs that fit the width beside the first; each run has at least one column.</summary>
    private static List<List<int>> Chunks(int[] widths, int width)
    {
        // A table is "│ label │ c1 │ c2 │": one border, then each column with a space either side and its border.
        var budget = width - 1 - (widths[0] + 3);
        var chunks = new List<List<int>> { new() };
        var used = 0;
        for (var i = 1; i < widths.Length; i++)
        {
            var columnWidth = widths[i] + 3;
            if (chunks[^1].Count > 0 && used + columnWidth > budget)
            {
                chunks.Add([]);
                used = 0;
            }

            chunks[^1].Add(i);
            used += columnWidth;
        }

        return chunks;
    }

    private static string Border(char left, char middle, char right, int[] columns, int[] widths)
    {
        var builder = new StringBuilder().Append(left);
        for (var k = 0; k < columns.Length; k++)
        {
            builder.Append('─', widths[columns[k]] + 2).Append(k == columns.Length - 1 ? right : middle);
        }

        return builder.ToString();
    }

    private static string Line(int[] columns, Func<int, string> cell, int[] widths, TableSection table)
    {
        var builder = new StringBuilder().Append('│');
        foreach (var i in columns)
        {
            var text = cell(i);
            var pad = new string(' ', widths[i] - TextWidth(text));
            builder.Append(' ')
                .Append(table.Columns[i].Alignment == ColumnAlignment.Right ? pad + text : text + pad)
                .Append(" │");
        }

        return builder.ToString();
    }

    /// <summary>Returns the number of characters a terminal shows: text elements, so that a combined accent counts once.</summary>
    internal static int TextWidth(string text) => new StringInfo(text).LengthInTextElements;
}
