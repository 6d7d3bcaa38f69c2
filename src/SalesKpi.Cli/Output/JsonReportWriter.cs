using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SalesKpi.Csv;
using SalesKpi.Serialization;

namespace SalesKpi.Cli.Output;

/// <summary>
/// Writes a report as one JSON document: the range, the settings, the periods, groups and KPIs, every value with its
/// unit and audit fields, and what the import read and rejected. The shape is documented in docs/cli.md.
/// </summary>
internal static class JsonReportWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the report, streaming: memory stays at one chunk whatever the number of values.</summary>
    public static void Write(ReportOutput output, TextWriter writer, CancellationToken cancellationToken = default)
    {
        using (var utf8 = new TextWriterStream(writer))
        {
            Write(output, utf8, cancellationToken);
        }

        writer.WriteLine();
    }

    /// <summary>Writes the document of a run that failed after the import: the error and the import, with its rejections.</summary>
    public static void WriteFailure(CsvImportResult import, RecordCounts counts, int exitCode, string message, TextWriter writer) =>
        WriteFailure(exitCode, message, writer, json => WriteImport(import, counts, json));

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
        using (var utf8 = new TextWriterStream(writer))
        using (var json = new Utf8JsonWriter(utf8, Indented))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", KpiReportJson.FormatVersion);
            json.WriteStartObject("error");
            json.WriteNumber("exitCode", exitCode);
            json.WriteString("message", message);
            json.WriteEndObject();
            import(json);
            json.WriteEndObject();
        }

        writer.WriteLine();
    }

    private static void Write(ReportOutput output, Stream utf8, CancellationToken cancellationToken)
    {
        var request = output.Request;
        var options = new KpiReportJsonOptions
        {
            WriteSettings = json =>
            {
                json.WriteString("data", output.Source);
                json.WriteString("mapping", output.Mapping);
                json.WriteString("onError", request.OnError.ToString().ToLowerInvariant());
                if (request.Data.Where.IsEmpty)
                {
                    return;
                }

                json.WriteStartArray("where");
                foreach (var clause in request.Data.Where)
                {
                    json.WriteStartObject();
                    json.WriteString("dimension", clause.Name);
                    json.WriteStartArray("values");
                    clause.Values.ToList().ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            },
            WriteGroup = (json, group) =>
            {
                if (request.By == "rep" && output.Data.Roster.TryGetRep(new Reps.RepId(group), out var rep))
                {
                    json.WriteString("name", rep.Name);
                    json.WriteString("team", rep.Team.Value);
                }
            },
            WriteEnd = json => WriteImport(output.Import, output.Counts, json),
        };
        KpiReportJson.SerializeRows(utf8, output.Report!, options, cancellationToken);
    }

    private static void WriteImport(CsvImportResult import, RecordCounts counts, Utf8JsonWriter json)
    {
        json.WriteStartObject("import");
        json.WriteStartObject("records");
        json.WriteNumber("reps", counts.Reps);
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

    /// <summary>
    /// A write-only stream that decodes the UTF-8 written to it onto a text writer (the console), keeping the bytes of a
    /// character cut between two writes for the next one.
    /// </summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private char[] _chars = [];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = _decoder.GetCharCount(buffer, flush: false);
            if (_chars.Length < needed)
            {
                if (_chars.Length > 0)
                {
                    ArrayPool<char>.Shared.Return(_chars);
                }

                _chars = ArrayPool<char>.Shared.Rent(needed);
            }

            var count = _decoder.GetChars(buffer, _chars, flush: false);
            writer.Write(_chars, 0, count);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && _chars.Length > 0)
            {
                ArrayPool<char>.Shared.Return(_chars);
                _chars = [];
            }

            base.Dispose(disposing);
        }
    }
}
