using System.Globalization;
using System.Net;

namespace SalesKpi.Rendering;

/// <summary>
/// Writes a document as one self-contained HTML page: an inline style sheet, tables in horizontally scrolling wrappers
/// and charts as inline SVG with a viewBox (so they scale to the page), nothing fetched and no script.
/// </summary>
/// <remarks>
/// Every text of the document is HTML-encoded; numbers are written with the invariant culture and at most two decimals,
/// so the same document gives the same page.
/// </remarks>
internal static class HtmlRenderer
{
    private const int ChartWidth = 640;
    private const int ChartHeight = 300;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;

    /// <summary>The longest bar label drawn whole, in characters.</summary>
    private const int MaxBarLabel = 18;

    /// <summary>The longest turned bar label drawn whole: it must not reach past the left edge from the first bar.</summary>
    private const int MaxTurnedBarLabel = 12;

    /// <summary>The number of series colours (<c>.s0</c> to <c>.s7</c>); more series reuse them in turn.</summary>
    private const int Colours = 8;

    private const string Style = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 1rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; background: #fff; line-height: 1.45; }
        main { max-width: 72rem; margin: 0 auto; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.125rem; margin: 1.75rem 0 .5rem; }
        .notes { color: #59636e; margin: 0 0 1rem; }
        .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; border: 1px solid #d1d9e0; border-radius: 8px; box-shadow: 0 1px 3px rgba(31, 35, 40, .12); }
        table { border-collapse: collapse; min-width: 100%; font-variant-numeric: tabular-nums; }
        th, td { padding: .375rem .75rem; border-bottom: 1px solid #e8ecf0; text-align: left; white-space: nowrap; }
        thead th { background: #f6f8fa; font-weight: 600; }
        tbody tr:last-child td { border-bottom: 0; }
        .num { text-align: right; }
        .footnote { color: #59636e; font-size: .875rem; margin: .375rem 0 0; }
        figure { margin: 0; }
        svg { display: block; width: 100%; height: auto; max-width: 48rem; }
        svg text { font-size: 12px; fill: #59636e; }
        svg .axis { stroke: #818b98; stroke-width: 1; }
        svg .grid { stroke: #e8ecf0; stroke-width: 1; }
        svg .line { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
        svg .bar { fill: #0969da; }
        svg .reference { stroke: #cf222e; stroke-width: 1.5; stroke-dasharray: 6 4; }
        svg .reference-label { fill: #cf222e; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
        svg .value { fill: #1f2328; }
        .legend { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: .5rem 0 0; font-size: .875rem; }
        .swatch { display: inline-block; width: .75rem; height: .75rem; border-radius: 2px; margin-right: .375rem; vertical-align: -1px; }
        .s0 { stroke: #0072b2; fill: #0072b2; background: #0072b2; }
        .s1 { stroke: #d55e00; fill: #d55e00; background: #d55e00; }
        .s2 { stroke: #009e73; fill: #009e73; background: #009e73; }
        .s3 { stroke: #cc79a7; fill: #cc79a7; background: #cc79a7; }
        .s4 { stroke: #e69f00; fill: #e69f00; background: #e69f00; }
        .s5 { stroke: #56b4e9; fill: #56b4e9; background: #56b4e9; }
        .s6 { stroke: #6e7781; fill: #6e7781; background: #6e7781; }
        .s7 { stroke: #1f2328; fill: #1f2328; background: #1f2328; }
        svg .line.s0, svg .line.s1, svg .line.s2, svg .line.s3, svg .line.s4, svg .line.s5, svg .line.s6, svg .line.s7 { fill: none; }
        @media (max-width: 40rem) { body { padding: .5rem; } h1 { font-size: 1.25rem; } }
        @media print {
          body { padding: 0; }
          .table-wrap { box-shadow: none; overflow: visible; border-radius: 0; }
          section, figure, table, tr, svg { page-break-inside: avoid; break-inside: avoid; }
          thead { display: table-header-group; }
          svg { max-width: 100%; }
        }
        """;

    public static void Write(KpiDocument document, TextWriter writer)
    {
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\">");
        writer.WriteLine("<head>");
        writer.WriteLine("<meta charset=\"utf-8\">");
        writer.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        writer.WriteLine("<meta name=\"generator\" content=\"SalesKpi.Rendering\">");
        writer.WriteLine("<title>" + Encode(document.Title) + "</title>");
        writer.WriteLine("<style>");
        foreach (var line in Style.Split('\n'))
        {
            writer.WriteLine(line.TrimEnd('\r'));
        }

        writer.WriteLine("</style>");
        writer.WriteLine("</head>");
        writer.WriteLine("<body>");
        writer.WriteLine("<main>");
        writer.WriteLine("<h1>" + Encode(document.Title) + "</h1>");
        if (!document.Notes.IsEmpty)
        {
            writer.WriteLine("<p class=\"notes\">" + string.Join("<br>", document.Notes.Select(Encode)) + "</p>");
        }

        foreach (var section in document.Sections)
        {
            writer.WriteLine(section switch
            {
                TableSection => "<section class=\"table\">",
                LineChartSection => "<section class=\"chart line-chart\">",
                _ => "<section class=\"chart bar-chart\">",
            });
            if (section.Heading is { } heading)
            {
                writer.WriteLine("<h2>" + Encode(heading) + "</h2>");
            }

            switch (section)
            {
                case TableSection table:
                    WriteTable(table, writer);
                    break;
                case LineChartSection line:
                    WriteLineChart(line, writer);
                    break;
                case BarChartSection bar:
                    WriteBarChart(bar, writer);
                    break;
                default:
                    break;
            }

            writer.WriteLine("</section>");
        }

        writer.WriteLine("</main>");
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    private static void WriteTable(TableSection table, TextWriter writer)
    {
        writer.WriteLine("<div class=\"table-wrap\">");
        writer.WriteLine("<table>");
        writer.WriteLine("<thead>");
        writer.WriteLine("<tr>" + string.Concat(table.Columns.Select(c => "<th scope=\"col\"" + Align(c) + ">" + Encode(c.Header) + "</th>")) + "</tr>");
        writer.WriteLine("</thead>");
        writer.WriteLine("<tbody>");
        foreach (var row in table.Rows)
        {
            writer.WriteLine("<tr>" + string.Concat(row.Select((cell, i) => "<td" + Align(table.Columns[i]) + ">" + Encode(cell) + "</td>")) + "</tr>");
        }

        writer.WriteLine("</tbody>");
        writer.WriteLine("</table>");
        writer.WriteLine("</div>");
        foreach (var footnote in table.Footnotes)
        {
            writer.WriteLine("<p class=\"footnote\">" + Encode(footnote) + "</p>");
        }
    }

    private static void WriteLineChart(LineChartSection chart, TextWriter writer)
    {
        var values = chart.Series.SelectMany(s => s.Values).OfType<double>().ToList();
        var scale = Scale.For(values);
        var n = chart.Labels.Length;
        // The first and last points sit an inset inside the plot, so that their marks and labels are not cut off.
        const double Inset = 28;
        double X(int i) => n <= 1 ? Left + (PlotWidth / 2.0) : Left + Inset + ((PlotWidth - (2 * Inset)) * i / (double)(n - 1));

        writer.WriteLine("<figure>");
        writer.WriteLine("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + Num(ChartWidth) + " " + Num(ChartHeight) + "\" role=\"img\" aria-label=\"" + Encode(chart.Heading ?? "Line chart") + "\">");
        WriteYAxis(scale, writer);
        // As many labels as fit side by side (about 7 px a character at 12 px): every k-th from the first.
        var fit = Math.Max(2, PlotWidth / ((chart.Labels.Select(l => l.Length).DefaultIfEmpty(1).Max() * 7) + 12));
        var every = Math.Max(1, (int)Math.Ceiling(n / (double)fit));
        for (var i = 0; i < n; i++)
        {
            if (i % every == 0)
            {
                writer.WriteLine("<text x=\"" + Num(X(i)) + "\" y=\"" + Num(Top + PlotHeight + 18) + "\" text-anchor=\"middle\">" + Encode(chart.Labels[i]) + "</text>");
            }
        }

        for (var s = 0; s < chart.Series.Length; s++)
        {
            var series = chart.Series[s];
            var colour = "s" + Num(s % Colours);
            // An undefined point breaks the line: each run of defined points is its own subpath.
            var path = new System.Text.StringBuilder();
            var drawing = false;
            for (var i = 0; i < n; i++)
            {
                if (series.Values[i] is { } v)
                {
                    path.Append(drawing ? " L" : (path.Length == 0 ? "M" : " M")).Append(Num(X(i))).Append(' ').Append(Num(scale.Y(v)));
                    drawing = true;
                }
                else
                {
                    drawing = false;
                }
            }

            writer.WriteLine("<g class=\"series\" data-series=\"" + Encode(series.Name) + "\">");
            if (path.Length > 0)
            {
                writer.WriteLine("<path class=\"line " + colour + "\" d=\"" + path + "\"><title>" + Encode(series.Name) + "</title></path>");
            }

            for (var i = 0; i < n; i++)
            {
                if (series.Values[i] is { } v)
                {
                    writer.WriteLine("<circle class=\"mark " + colour + "\" cx=\"" + Num(X(i)) + "\" cy=\"" + Num(scale.Y(v)) + "\" r=\"3.5\"><title>" + Encode($"{series.Name} · {chart.Labels[i]}: {Num(v)}") + "</title></circle>");
                }
            }

            writer.WriteLine("</g>");
        }

        writer.WriteLine("</svg>");
        if (chart.Series.Length > 0)
        {
            writer.WriteLine("<figcaption><ul class=\"legend\">" + string.Concat(chart.Series.Select((s, i) => "<li><span class=\"swatch s" + Num(i % Colours) + "\"></span>" + Encode(s.Name) + "</li>")) + "</ul></figcaption>");
        }

        writer.WriteLine("</figure>");
    }

    private static void WriteBarChart(BarChartSection chart, TextWriter writer)
    {
        var values = chart.Bars.Select(b => b.Value).OfType<double>().Concat(chart.References.Select(r => r.Value)).ToList();
        var scale = Scale.For(values);
        var n = chart.Bars.Length;
        var slot = n == 0 ? PlotWidth : PlotWidth / (double)n;
        var barWidth = Math.Min(slot * 0.7, 64);

        // Labels wider than their slot are turned, and the chart made taller to hold them; a long one is shortened
        // (its bar's tooltip has it whole). Values are written above the bars only when there is room.
        var turned = chart.Bars.Any(b => b.Label.Length * 7 > slot - 4);
        var most = turned ? MaxTurnedBarLabel : MaxBarLabel;
        var labels = chart.Bars.Select(b => b.Label.Length > most ? b.Label[..(most - 1)] + "…" : b.Label).ToList();
        var longest = labels.Select(l => l.Length).DefaultIfEmpty(0).Max();
        var height = ChartHeight + (turned ? Math.Max(0, (int)Math.Ceiling(longest * 5.5) - Bottom + 20) : 0);
        var showValues = chart.Bars.All(b => b.ValueText.Length * 7 <= slot);

        writer.WriteLine("<figure>");
        writer.WriteLine("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + Num(ChartWidth) + " " + Num(height) + "\" role=\"img\" aria-label=\"" + Encode(chart.Heading ?? "Bar chart") + "\">");
        WriteYAxis(scale, writer);
        var zero = scale.Y(0);
        for (var i = 0; i < n; i++)
        {
            var bar = chart.Bars[i];
            var centre = Left + (slot * (i + 0.5));
            var labelY = Top + PlotHeight + (turned ? 12 : 18);
            writer.WriteLine(turned
                ? "<text x=\"" + Num(centre) + "\" y=\"" + Num(labelY) + "\" text-anchor=\"end\" transform=\"rotate(-45 " + Num(centre) + " " + Num(labelY) + ")\">" + Encode(labels[i]) + "</text>"
                : "<text x=\"" + Num(centre) + "\" y=\"" + Num(labelY) + "\" text-anchor=\"middle\">" + Encode(labels[i]) + "</text>");
            if (bar.Value is { } v)
            {
                var y = scale.Y(v);
                writer.WriteLine("<rect class=\"bar\" x=\"" + Num(centre - (barWidth / 2)) + "\" y=\"" + Num(Math.Min(y, zero)) + "\" width=\"" + Num(barWidth) + "\" height=\"" + Num(Math.Abs(zero - y)) + "\"><title>" + Encode($"{bar.Label}: {bar.ValueText}") + "</title></rect>");
                if (showValues)
                {
                    writer.WriteLine("<text class=\"value\" x=\"" + Num(centre) + "\" y=\"" + Num(v >= 0 ? y - 4 : y + 14) + "\" text-anchor=\"middle\">" + Encode(bar.ValueText) + "</text>");
                }
            }
            else
            {
                writer.WriteLine("<text class=\"value\" x=\"" + Num(centre) + "\" y=\"" + Num(zero - 4) + "\" text-anchor=\"middle\">" + Encode(bar.ValueText) + "<title>" + Encode($"{bar.Label}: {bar.ValueText}") + "</title></text>");
            }
        }

        foreach (var reference in chart.References)
        {
            var y = scale.Y(reference.Value);
            writer.WriteLine("<g class=\"reference-group\">");
            writer.WriteLine("<line class=\"reference\" x1=\"" + Num(Left) + "\" x2=\"" + Num(Left + PlotWidth) + "\" y1=\"" + Num(y) + "\" y2=\"" + Num(y) + "\" stroke-dasharray=\"6 4\"><title>" + Encode(reference.Label) + "</title></line>");
            writer.WriteLine("<text class=\"reference-label\" x=\"" + Num(Left + PlotWidth) + "\" y=\"" + Num(y - 4) + "\" text-anchor=\"end\">" + Encode(reference.Label) + "</text>");
            writer.WriteLine("</g>");
        }

        writer.WriteLine("</svg>");
        writer.WriteLine("</figure>");
    }

    private static void WriteYAxis(Scale scale, TextWriter writer)
    {
        foreach (var tick in scale.Ticks)
        {
            var y = scale.Y(tick);
            writer.WriteLine("<line class=\"grid\" x1=\"" + Num(Left) + "\" x2=\"" + Num(Left + PlotWidth) + "\" y1=\"" + Num(y) + "\" y2=\"" + Num(y) + "\"/>");
            writer.WriteLine("<text x=\"" + Num(Left - 6) + "\" y=\"" + Num(y + 4) + "\" text-anchor=\"end\">" + Encode(Tick(tick)) + "</text>");
        }

        writer.WriteLine("<line class=\"axis\" x1=\"" + Num(Left) + "\" x2=\"" + Num(Left) + "\" y1=\"" + Num(Top) + "\" y2=\"" + Num(Top + PlotHeight) + "\"/>");
        writer.WriteLine("<line class=\"axis\" x1=\"" + Num(Left) + "\" x2=\"" + Num(Left + PlotWidth) + "\" y1=\"" + Num(scale.Y(scale.Ticks[0])) + "\" y2=\"" + Num(scale.Y(scale.Ticks[0])) + "\"/>");
    }

    /// <summary>
    /// Returns an axis label: invariant (<c>0.5</c>, <c>2,500</c>), with ten thousand and more in thousands or millions
    /// (<c>500k</c>, <c>1.5M</c>), so that a label fits the chart's left margin; the exact values are in the table and the
    /// marks' tooltips.
    /// </summary>
    internal static string Tick(double value)
    {
        var magnitude = Math.Abs(value);
        var (scaled, suffix) = magnitude >= 1e6 ? (value / 1e6, "M") : magnitude >= 1e4 ? (value / 1e3, "k") : (value, string.Empty);
        return Math.Round(scaled, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", CultureInfo.InvariantCulture) + suffix;
    }

    private static int PlotWidth => ChartWidth - Left - Right;

    private static int PlotHeight => ChartHeight - Top - Bottom;

    private static string Align(TableColumn column) => column.Alignment == ColumnAlignment.Right ? " class=\"num\"" : string.Empty;

    /// <summary>Encodes text for an element or a quoted attribute, with control characters replaced first.</summary>
    internal static string Encode(string text) => WebUtility.HtmlEncode(KpiValueText.Printable(text));

    /// <summary>Returns a number as the page writes it: invariant, at most two decimals, no thousands separator, never <c>-0</c>.</summary>
    internal static string Num(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>The vertical scale of a chart: round ticks from at most zero to at least the largest value.</summary>
    private sealed class Scale
    {
        private Scale(double min, double max, List<double> ticks)
        {
            Min = min;
            Max = max;
            Ticks = ticks;
        }

        public double Min { get; }

        public double Max { get; }

        public List<double> Ticks { get; }

        public static Scale For(List<double> values)
        {
            var low = Math.Min(0, values.Count == 0 ? 0 : values.Min());
            var high = Math.Max(0, values.Count == 0 ? 0 : values.Max());
            if (high - low <= 0)
            {
                high = low + 1;
            }

            var step = NiceStep((high - low) / 4);
            var min = Math.Floor(low / step) * step;
            var max = Math.Ceiling(high / step) * step;
            var ticks = new List<double>();
            for (var k = 0; min + (k * step) <= max + (step / 2); k++)
            {
                ticks.Add(Math.Round(min + (k * step), 10));
            }

            return new Scale(min, max, ticks);
        }

        public double Y(double value) => Top + PlotHeight - ((value - Min) / (Max - Min) * PlotHeight);

        /// <summary>Returns 1, 2 or 5 times a power of ten, the smallest at least the rough step.</summary>
        private static double NiceStep(double rough)
        {
            var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
            var fraction = rough / power;
            return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
        }
    }
}
