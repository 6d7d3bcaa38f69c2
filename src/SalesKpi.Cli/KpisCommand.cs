using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using SalesKpi.Rendering;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>The <c>kpis</c> command: lists the ids <c>--kpi</c> accepts, as text or JSON.</summary>
internal static class KpisCommand
{
    public static Command Create(CliConsole console)
    {
        var format = ChoiceOption.Create(
            "--format",
            "table for a person, or json: an array of {id, unit, direction, description} (docs/cli.md).",
            "format",
            "table",
            ["table", "json"],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["text"] = "table", ["txt"] = "table" });
        var command = new Command("kpis", "Lists the built-in KPIs: id, unit and what each one measures (docs/kpis.md has the definitions).")
        {
            format,
        };
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(format) == "json")
            {
                WriteJson(console.Out);
                return ExitCodes.Success;
            }

            var width = Kpis.All.Max(k => k.Id.Length);
            foreach (var kpi in Kpis.All)
            {
                console.Out.WriteLine($"{kpi.Id.PadRight(width)}  {KpiValueText.UnitName(kpi.Unit),-13}  {kpi.Description}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Writes the KPIs as a JSON array, each with the fields of a report's <c>kpis</c> (id, unit, direction, description),
    /// with a <see cref="Utf8JsonWriter"/>: no reflection, so the tool compiles ahead of time.
    /// </summary>
    private static void WriteJson(TextWriter writer)
    {
        using var utf8 = new MemoryStream();
        using (var json = new Utf8JsonWriter(utf8, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var kpi in Kpis.All)
            {
                json.WriteStartObject();
                json.WriteString("id", kpi.Id);
                json.WriteString("unit", KpiValueText.UnitName(kpi.Unit));
                json.WriteString("direction", kpi.Direction == KpiDirection.HigherIsBetter ? "higher-is-better" : "lower-is-better");
                json.WriteString("description", kpi.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(utf8.GetBuffer(), 0, (int)utf8.Length));
    }
}
