using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;
using NodaTime;
using SalesKpi.Rendering;
using SalesKpi.Reporting;

namespace SalesKpi.Cli.Output;

/// <summary>
/// What a command (<c>plan</c>, <c>targets</c>, <c>compare</c>, <c>trend</c>) writes, in every format: a document for
/// table, Markdown and HTML (SalesKpi.Rendering), a JSON document, and CSV rows under a header.
/// </summary>
/// <param name="Document">Makes the document of table, markdown and html.</param>
/// <param name="Json">Writes the members of the JSON document (inside its object).</param>
/// <param name="CsvHeader">The header of the CSV, such as <c>kpi,group,value</c>.</param>
/// <param name="CsvRows">Makes the CSV rows, one per line item; each cell already a CSV cell (<see cref="CsvReportWriter.Text"/>).</param>
internal sealed record CommandOutput(Func<KpiDocument> Document, Action<Utf8JsonWriter> Json, string CsvHeader, Func<IEnumerable<IReadOnlyList<string>>> CsvRows)
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the output in a format, to standard output or to a file; returns the exit code.</summary>
    /// <param name="console">The console.</param>
    /// <param name="format">The format.</param>
    /// <param name="outputPath">The <c>--output</c> file, or null for standard output.</param>
    public int Write(CliConsole console, OutputFormat format, string? outputPath)
    {
        console.Cancellation.ThrowIfCancellationRequested();
        var text = Render(format, outputPath is null ? console.Width : CliConsole.DefaultWidth);
        if (outputPath is null)
        {
            console.Out.Write(text);
            return ExitCodes.Success;
        }

        try
        {
            File.WriteAllText(outputPath, text, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine(KpiValueText.Printable($"saleskpi: bad data: cannot write {outputPath}: {e.Message}"));
            return ExitCodes.BadData;
        }

        return ExitCodes.Success;
    }

    /// <summary>Returns the text of the output in a format.</summary>
    internal string Render(OutputFormat format, int width)
    {
        switch (format)
        {
            case OutputFormat.Json:
                var buffer = new MemoryStream();
                using (var json = new Utf8JsonWriter(buffer, Indented))
                {
                    json.WriteStartObject();
                    json.WriteNumber("formatVersion", 1);
                    Json(json);
                    json.WriteEndObject();
                }

                return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
            case OutputFormat.Csv:
                var csv = new StringBuilder(CsvHeader).Append('\n');
                foreach (var row in CsvRows())
                {
                    csv.AppendJoin(',', row).Append('\n');
                }

                return csv.ToString();
            default:
                var renderFormat = format switch
                {
                    OutputFormat.Markdown => RenderFormat.Markdown,
                    OutputFormat.Html => RenderFormat.Html,
                    _ => RenderFormat.Text,
                };
                return DocumentRenderer.Render(Document(), renderFormat, new RenderOptions { Width = width });
        }
    }

    /// <summary>Writes a number as JSON: rounded to 10 decimal places, trailing zeros dropped; null as null.</summary>
    public static void WriteNumber(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Normal(v));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes the dates of a range as <c>{ "from": …, "to": … }</c>.</summary>
    public static void WriteRange(Utf8JsonWriter json, string name, DateInterval range)
    {
        json.WriteStartObject(name);
        json.WriteString("from", ReportRange.Iso(range.Start));
        json.WriteString("to", ReportRange.Iso(range.End));
        json.WriteEndObject();
    }

    /// <summary>Writes a KPI value's members: value, unit, currency and, when undefined, the reason.</summary>
    public static void WriteValue(Utf8JsonWriter json, KpiValue value, string name = "value")
    {
        WriteNumber(json, name, value.Value);
        json.WriteString("unit", KpiValueText.UnitName(value.Unit));
        json.WriteString("currency", value.Currency?.Code);
        json.WriteString("reason", value.UndefinedReason is { } r ? KpiValueText.Printable(r) : null);
    }

    /// <summary>Returns a number as a CSV cell: invariant, rounded to 10 decimal places; empty for null.</summary>
    public static string Number(decimal? value) =>
        value is { } v ? Normal(v).ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static decimal Normal(decimal value) => decimal.Round(value, 10, MidpointRounding.ToEven) / 1.0000000000000000000000000000m;
}
