using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Cli.Output;

/// <summary>
/// Writes a report as one JSON document: the range, the settings, the periods, groups and KPIs, every value with its
/// unit and audit fields, and what the import read and rejected. The shape is documented in docs/cli.md.
/// </summary>
internal static class JsonReportWriter
{
    /// <summary>The version of the document's shape; it changes only when a field is removed or changes meaning.</summary>
    public const int FormatVersion = 1;

    /// <summary>Ratios and means are rounded to this many decimals; counts and money sums are exact.</summary>
    private const int Decimals = 10;

    /// <summary>The most bytes held before they are written on: the document is streamed, never built whole.</summary>
    private const int ChunkBytes = 32 * 1024;

    /// <summary>Writes the report, streaming: memory stays at one chunk whatever the number of values.</summary>
    public static void Write(ReportOutput output, TextWriter writer, CancellationToken cancellationToken = default)
    {
        using var json = new ChunkedJson(writer);
        Write(output, json, cancellationToken);
    }

    /// <summary>Writes the document of a run that failed after the import: the error and the import, with its rejections.</summary>
    public static void WriteFailure(CsvImportResult import, int exitCode, string message, TextWriter writer) =>
        WriteFailure(exitCode, message, writer, json => WriteImport(import, json));

    /// <summary>Writes the document of an import that failed: the error and the rows rejected before it (an <c>import</c> with only its rejections).</summary>
    public static void WriteFailure(ImmutableArray<CsvRejection> rejectedBefore, int exitCode, string message, TextWriter writer) =>
        WriteFailure(exitCode, message, writer, json =>
        {
            json.WriteStartObject("import");
            WriteRejections(rejectedBefore, json);
            json.WriteEndObject();
        });

    private static void WriteFailure(int exitCode, string message, TextWriter writer, Action<Utf8JsonWriter> import)
    {
        using var chunked = new ChunkedJson(writer);
        var json = chunked.Json;
        json.WriteStartObject();
        json.WriteNumber("formatVersion", FormatVersion);
        json.WriteStartObject("error");
        json.WriteNumber("exitCode", exitCode);
        json.WriteString("message", message);
        json.WriteEndObject();
        import(json);
        json.WriteEndObject();
    }

    private static void Write(ReportOutput output, ChunkedJson chunked, CancellationToken cancellationToken)
    {
        var json = chunked.Json;
        var report = output.Report;
        var request = output.Request;
        json.WriteStartObject();
        json.WriteNumber("formatVersion", FormatVersion);

        json.WriteStartObject("range");
        json.WriteString("from", Date(report.Query.Range.Start));
        json.WriteString("to", Date(report.Query.Range.End));
        json.WriteEndObject();

        json.WriteStartObject("settings");
        json.WriteString("data", output.Source);
        json.WriteString("mapping", output.Mapping);
        json.WriteString("zone", request.Zone.Id);
        json.WriteString("currency", report.Settings.ReportingCurrency?.Code);
        json.WriteString("by", request.By);
        json.WriteString("per", request.Per == PeriodUnit.None ? "none" : request.Per.ToString().ToLowerInvariant());
        json.WriteString("firstDayOfWeek", report.Settings.FirstDayOfWeek.ToString());
        json.WriteString("onError", request.OnError.ToString().ToLowerInvariant());
        json.WriteEndObject();

        json.WriteStartArray("periods");
        foreach (var period in report.Periods)
        {
            json.WriteStartObject();
            json.WriteString("label", period.Label);
            json.WriteString("from", Date(period.Dates.Start));
            json.WriteString("to", Date(period.Dates.End));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("groups");
        foreach (var group in report.Groups)
        {
            json.WriteStartObject();
            json.WriteString("key", group);
            if (request.By == "rep" && output.Data.Roster.TryGetRep(new Reps.RepId(group), out var rep))
            {
                json.WriteString("name", rep.Name);
                json.WriteString("team", rep.Team.Value);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("kpis");
        foreach (var kpi in report.Query.Kpis)
        {
            json.WriteStartObject();
            json.WriteString("id", kpi.Id);
            json.WriteString("unit", ValueText.UnitName(kpi.Unit));
            json.WriteString("direction", kpi.Direction == KpiDirection.HigherIsBetter ? "higher-is-better" : "lower-is-better");
            json.WriteString("description", kpi.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        // The rows come group by group, period by period, KPI by KPI: each is finished as it is written, none kept.
        json.WriteStartArray("results");
        using var rows = report.ReadRows().GetEnumerator();
        foreach (var group in report.Groups)
        {
            for (var p = 0; p < report.Periods.Length; p++)
            {
                json.WriteStartObject();
                json.WriteString("group", group);
                json.WriteString("period", report.Periods[p].Label);
                json.WriteStartObject("values");
                foreach (var kpi in report.Query.Kpis)
                {
                    rows.MoveNext();
                    json.WritePropertyName(kpi.Id);
                    WriteValue(json, rows.Current.Value);
                }

                json.WriteEndObject();
                json.WriteEndObject();
                chunked.WriteOnIfFull();
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        json.WriteEndArray();

        WriteImport(output.Import, json);
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, KpiValue value)
    {
        json.WriteStartObject();
        if (value.Value is { } v)
        {
            json.WriteNumber("value", Round(v));
        }
        else
        {
            json.WriteNull("value");
        }

        json.WriteString("unit", ValueText.UnitName(value.Unit));
        if (value.Currency is { } currency)
        {
            json.WriteString("currency", currency.Code);
        }

        Number(json, "numerator", value.Numerator);
        Number(json, "denominator", value.Denominator);
        if (value.Amount is { } amount)
        {
            json.WriteStartObject("amount");
            json.WriteNumber("value", Round(amount.Amount));
            json.WriteString("currency", amount.Currency.Code);
            json.WriteEndObject();
        }

        if (value.SampleSize is { } n)
        {
            json.WriteNumber("sampleSize", n);
        }

        Number(json, "median", value.Median);
        Number(json, "p25", value.Percentile25);
        Number(json, "p75", value.Percentile75);
        Number(json, "p90", value.Percentile90);
        if (value.UnpricedCount > 0)
        {
            json.WriteNumber("unpriced", value.UnpricedCount);
        }

        if (value.UndefinedReason is { } reason)
        {
            json.WriteString("reason", reason);
        }

        json.WriteEndObject();
    }

    private static void WriteImport(CsvImportResult import, Utf8JsonWriter json)
    {
        var data = import.Data;
        json.WriteStartObject("import");
        json.WriteStartObject("records");
        json.WriteNumber("reps", data.Roster.Reps.Length);
        var counts = data.Counts;
        json.WriteNumber("leads", counts.Leads);
        json.WriteNumber("opportunities", counts.Opportunities);
        json.WriteNumber("stageChanges", counts.StageChanges);
        json.WriteNumber("deals", counts.Deals);
        json.WriteNumber("activities", counts.Activities);
        json.WriteNumber("spend", counts.Spend);
        json.WriteEndObject();

        json.WriteStartArray("files");
        foreach (var file in import.Files)
        {
            json.WriteStartObject();
            json.WriteString("file", file.File);
            json.WriteString("target", file.Target);
            json.WriteNumber("rows", file.Rows);
            json.WriteNumber("records", file.Records);
            json.WriteNumber("rejected", file.Rejected);
            json.WriteNumber("notSelected", file.NotSelected);
            json.WriteStartArray("skipped");
            foreach (var skip in file.Skipped)
            {
                json.WriteStartObject();
                json.WriteString("reason", skip.Reason);
                json.WriteNumber("count", skip.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        WriteRejections(import.Rejections, json);
        json.WriteEndObject();
    }

    /// <summary>Writes <c>"rejected": n, "rejections": [...]</c>.</summary>
    private static void WriteRejections(ImmutableArray<CsvRejection> rejections, Utf8JsonWriter json)
    {
        json.WriteNumber("rejected", rejections.Length);
        json.WriteStartArray("rejections");
        foreach (var rejection in rejections)
        {
            json.WriteStartObject();
            json.WriteString("file", rejection.File);
            json.WriteNumber("line", rejection.Line);
            json.WriteNumber("column", rejection.Column);
            json.WriteString("field", rejection.Field);
            json.WriteString("reason", rejection.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Round(v));
        }
    }

    /// <summary>Rounds to <see cref="Decimals"/> places and drops trailing zeros, so that 0.5 is written 0.5 and 1250.00 is 1250.</summary>
    private static decimal Round(decimal value) => decimal.Round(value, Decimals, MidpointRounding.ToEven) / 1.0000000000000000000000000000m;

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>A JSON writer whose bytes go on to a text writer a chunk at a time, so that no document is built whole.</summary>
    private sealed class ChunkedJson : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(ChunkBytes * 2);
        private readonly TextWriter _writer;

        public ChunkedJson(TextWriter writer)
        {
            _writer = writer;
            Json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        public Utf8JsonWriter Json { get; }

        /// <summary>Writes what is held on when it is a chunk or more; called between values, so no character is cut.</summary>
        public void WriteOnIfFull()
        {
            if (Json.BytesPending + _buffer.WrittenCount >= ChunkBytes)
            {
                WriteOn();
            }
        }

        public void Dispose()
        {
            WriteOn();
            _writer.WriteLine();
            Json.Dispose();
        }

        private void WriteOn()
        {
            Json.Flush();
            var bytes = _buffer.WrittenSpan;
            var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
            try
            {
                var count = Encoding.UTF8.GetChars(bytes, chars);
                _writer.Write(chars, 0, count);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }

            _buffer.ResetWrittenCount();
        }
    }
}
