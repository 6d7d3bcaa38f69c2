using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Serialization;

/// <summary>
/// Writes and reads a report as the documented JSON document (<see cref="FormatVersion"/> 1, docs/json.md): the range,
/// the settings, the periods, groups and KPIs, and every value with its unit and the fields that explain it.
/// </summary>
/// <remarks>
/// <para><c>JsonSerializer.Serialize(report)</c> and ASP.NET Core's <c>Results.Ok(report)</c> write the same document,
/// through <see cref="KpiReportJsonConverter"/>; <c>JsonSerializer.Deserialize&lt;KpiReport&gt;(json)</c> reads it back.
/// The methods here add what the serializer cannot: a <see cref="KpiReportReader"/> (a report finished as it is
/// written), properties of the application's own (<see cref="KpiReportJsonOptions"/>), and a stream written a chunk
/// at a time, so that a report of millions of values is never held as one document.</para>
/// <para>Every number is written to 10 decimals at most (ratios and means are rounded; counts and sums of money in
/// cents are exact, a converted sum with more decimals is rounded too). Dates are ISO
/// (<c>yyyy-MM-dd</c>), the time zone is its IANA id.</para>
/// </remarks>
/// <threadsafety>This type is stateless and thread-safe.</threadsafety>
public static partial class KpiReportJson
{
    /// <summary>The version of the document's shape; it changes only when a field is removed or changes meaning.</summary>
    public const int FormatVersion = 1;

    /// <summary>The bytes held before they are written on to a stream.</summary>
    private const int ChunkBytes = 32 * 1024;

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a report as one JSON object to a writer the caller owns (and flushes).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    /// <param name="options">Properties to add; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="report"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, KpiReport report, KpiReportJsonOptions? options = null)
    {
        Preconditions.CheckNotNull(writer);
        Preconditions.CheckNotNull(report);
        foreach (var _ in Steps(writer, Shape.Of(report), options ?? KpiReportJsonOptions.Default, CancellationToken.None))
        {
        }
    }

    /// <summary>Writes a report to a stream of UTF-8, a chunk at a time.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="report">The report.</param>
    /// <param name="options">Properties to add and the indentation; null for the defaults.</param>
    /// <param name="cancellationToken">Checked after each group of rows.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="report"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static void Serialize(Stream utf8Json, KpiReport report, KpiReportJsonOptions? options = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(utf8Json);
        Preconditions.CheckNotNull(report);
        WriteToStream(utf8Json, Shape.Of(report), options ?? KpiReportJsonOptions.Default, cancellationToken);
    }

    /// <summary>Writes a report finished as it is read to a stream of UTF-8, a chunk at a time: memory stays at one chunk whatever the number of values.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="report">The report; its rows are read (once).</param>
    /// <param name="options">Properties to add and the indentation; null for the defaults.</param>
    /// <param name="cancellationToken">Checked after each group of rows.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="report"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The report's rows were already read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static void SerializeRows(Stream utf8Json, KpiReportReader report, KpiReportJsonOptions? options = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(utf8Json);
        Preconditions.CheckNotNull(report);
        WriteToStream(utf8Json, Shape.Of(report), options ?? KpiReportJsonOptions.Default, cancellationToken);
    }

    /// <summary>Writes a report to a stream of UTF-8 asynchronously (an HTTP response body, a file), a chunk at a time.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="report">The report.</param>
    /// <param name="options">Properties to add and the indentation; null for the defaults.</param>
    /// <param name="cancellationToken">Checked after each group of rows and passed to the stream.</param>
    /// <returns>A task that completes when the document is written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="report"/> is null.</exception>
    public static Task SerializeAsync(Stream utf8Json, KpiReport report, KpiReportJsonOptions? options = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(utf8Json);
        Preconditions.CheckNotNull(report);
        return WriteToStreamAsync(utf8Json, Shape.Of(report), options ?? KpiReportJsonOptions.Default, cancellationToken);
    }

    /// <summary>Writes a report finished as it is read to a stream of UTF-8 asynchronously, a chunk at a time.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="report">The report; its rows are read (once).</param>
    /// <param name="options">Properties to add and the indentation; null for the defaults.</param>
    /// <param name="cancellationToken">Checked after each group of rows and passed to the stream.</param>
    /// <returns>A task that completes when the document is written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="report"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The report's rows were already read.</exception>
    public static Task SerializeRowsAsync(Stream utf8Json, KpiReportReader report, KpiReportJsonOptions? options = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(utf8Json);
        Preconditions.CheckNotNull(report);
        return WriteToStreamAsync(utf8Json, Shape.Of(report), options ?? KpiReportJsonOptions.Default, cancellationToken);
    }

    private static void WriteToStream(Stream stream, Shape shape, KpiReportJsonOptions options, CancellationToken cancellationToken)
    {
        using var json = new Utf8JsonWriter(stream, options.Indented ? Indented : Compact);
        foreach (var _ in Steps(json, shape, options, cancellationToken))
        {
            json.Flush();
        }

        json.Flush();
    }

    private static async Task WriteToStreamAsync(Stream stream, Shape shape, KpiReportJsonOptions options, CancellationToken cancellationToken)
    {
        var json = new Utf8JsonWriter(stream, options.Indented ? Indented : Compact);
        await using (json.ConfigureAwait(false))
        {
            foreach (var _ in Steps(json, shape, options, cancellationToken))
            {
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the document, stopping (a step) whenever a chunk is pending, so that the caller can write it on.</summary>
    private static IEnumerable<int> Steps(Utf8JsonWriter json, Shape shape, KpiReportJsonOptions options, CancellationToken cancellationToken)
    {
        var query = shape.Query;
        var settings = shape.Settings;
        json.WriteStartObject();
        json.WriteNumber("formatVersion", FormatVersion);

        json.WriteStartObject("range");
        json.WriteString("from", KpiJsonFormat.Date(query.Range.Start));
        json.WriteString("to", KpiJsonFormat.Date(query.Range.End));
        json.WriteEndObject();

        json.WriteStartObject("settings");
        json.WriteString("zone", settings.Zone.Id);
        json.WriteString("currency", settings.ReportingCurrency?.Code);
        json.WriteString("by", query.GroupBy.Dimension);
        var levels = query.GroupBy.Levels;
        if (levels.Length > 1)
        {
            json.WriteStartArray("levels");
            foreach (var level in levels)
            {
                json.WriteStringValue(level.Dimension);
            }

            json.WriteEndArray();
        }

        json.WriteString("per", KpiJsonFormat.PeriodUnitName(query.Per));
        json.WriteString("firstDayOfWeek", settings.FirstDayOfWeek.ToString());
        options.WriteSettings?.Invoke(json);
        json.WriteEndObject();

        json.WriteStartArray("periods");
        foreach (var period in shape.Periods)
        {
            json.WriteStartObject();
            json.WriteString("label", period.Label);
            json.WriteString("from", KpiJsonFormat.Date(period.Dates.Start));
            json.WriteString("to", KpiJsonFormat.Date(period.Dates.End));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("groups");
        foreach (var group in shape.Groups)
        {
            json.WriteStartObject();
            json.WriteString("key", group);
            if (levels.Length > 1)
            {
                json.WriteStartArray("levels");
                foreach (var part in query.GroupBy.SplitKey(group))
                {
                    json.WriteStringValue(part);
                }

                json.WriteEndArray();
            }

            options.WriteGroup?.Invoke(json, group);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("kpis");
        foreach (var kpi in query.Kpis)
        {
            json.WriteStartObject();
            json.WriteString("id", kpi.Id);
            json.WriteString("unit", KpiUnitNames.Of(kpi.Unit));
            json.WriteString("direction", KpiJsonFormat.DirectionName(kpi.Direction));
            json.WriteString("description", kpi.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        // The rows come group by group, period by period, KPI by KPI: each is finished as it is written, none kept.
        json.WriteStartArray("results");
        using (var values = shape.Values.GetEnumerator())
        {
            foreach (var group in shape.Groups)
            {
                foreach (var period in shape.Periods)
                {
                    json.WriteStartObject();
                    json.WriteString("group", group);
                    json.WriteString("period", period.Label);
                    json.WriteStartObject("values");
                    foreach (var kpi in query.Kpis)
                    {
                        values.MoveNext();
                        json.WritePropertyName(kpi.Id);
                        KpiJsonFormat.WriteValue(json, values.Current, round: true);
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                    if (json.BytesPending >= ChunkBytes)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return 0;
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        json.WriteEndArray();
        options.WriteEnd?.Invoke(json);
        json.WriteEndObject();
    }

    /// <summary>What the document is written from: a <see cref="KpiReport"/> or a <see cref="KpiReportReader"/>.</summary>
    private sealed record Shape(KpiQuery Query, KpiSettings Settings, ImmutableArray<KpiPeriod> Periods, ImmutableArray<string> Groups, IEnumerable<KpiValue> Values)
    {
        public static Shape Of(KpiReport report) =>
            new(report.Query, report.Settings, report.Periods, report.Groups, ValuesOf(report));

        public static Shape Of(KpiReportReader report) =>
            new(report.Query, report.Settings, report.Periods, report.Groups, report.ReadRows().Select(r => r.Value));

        private static IEnumerable<KpiValue> ValuesOf(KpiReport report)
        {
            var count = report.Groups.Length * report.Periods.Length * report.Query.Kpis.Length;
            for (var i = 0; i < count; i++)
            {
                yield return report.ValueAt(i);
            }
        }
    }
}
