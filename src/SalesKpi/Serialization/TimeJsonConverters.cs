using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using SalesKpi.Reporting;

namespace SalesKpi.Serialization;

/// <summary>Reads and writes a NodaTime <see cref="LocalDate"/> as an ISO date, <c>"2025-03-01"</c>.</summary>
/// <remarks>The properties of this library's types that hold dates carry it; add it to your options for your own.</remarks>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    /// <inheritdoc />
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        KpiJsonFormat.ParseDate(reader.TokenType == JsonTokenType.String ? reader.GetString() : null, "date");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(KpiJsonFormat.Date(value));
    }
}

/// <summary>Reads and writes a NodaTime <see cref="Instant"/> as an ISO instant in UTC, <c>"2025-03-01T09:30:00Z"</c>.</summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    /// <inheritdoc />
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var result = InstantPattern.ExtendedIso.Parse(text ?? string.Empty);
        return result.Success ? result.Value : throw new JsonException($"'{text}' is not an ISO instant in UTC (such as 2025-03-01T09:30:00Z).");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}

/// <summary>Reads and writes a NodaTime <see cref="DateInterval"/> as <c>{"from": "2025-03-01", "to": "2025-03-31"}</c>, both days included.</summary>
public sealed class DateIntervalJsonConverter : JsonConverter<DateInterval>
{
    /// <inheritdoc />
    public override DateInterval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        KpiJsonFormat.ReadInterval(ref reader, "date interval");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateInterval value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("from", KpiJsonFormat.Date(value.Start));
        writer.WriteString("to", KpiJsonFormat.Date(value.End));
        writer.WriteEndObject();
    }
}

/// <summary>Writes a <see cref="KpiPeriod"/> as a report's period: <c>label</c>, <c>from</c>, <c>to</c> (dates), <c>start</c>, <c>end</c> (instants).</summary>
/// <remarks>A period is read back by a report (<see cref="KpiReportJson"/>), whose settings give its instants; alone it is written only.</remarks>
public sealed class KpiPeriodJsonConverter : JsonConverter<KpiPeriod>
{
    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: read the report that holds the period.</exception>
    public override KpiPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A KpiPeriod is read as part of its report (JsonSerializer.Deserialize<KpiReport>), whose settings give its instants.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, KpiPeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("label", value.Label);
        writer.WriteString("from", KpiJsonFormat.Date(value.Dates.Start));
        writer.WriteString("to", KpiJsonFormat.Date(value.Dates.End));
        writer.WriteString("start", InstantPattern.ExtendedIso.Format(value.Start));
        writer.WriteString("end", InstantPattern.ExtendedIso.Format(value.End));
        writer.WriteEndObject();
    }
}

/// <summary>Reads and writes a <see cref="WorkingDayCalendar"/> as <c>{"weekendDays": ["Saturday", "Sunday"], "holidays": ["2025-01-01"]}</c>.</summary>
public sealed class WorkingDayCalendarJsonConverter : JsonConverter<WorkingDayCalendar>
{
    /// <inheritdoc />
    public override WorkingDayCalendar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        KpiJsonFormat.Expect(ref reader, JsonTokenType.StartObject, "a working-day calendar");
        var weekend = new List<IsoDayOfWeek>();
        var holidays = new List<LocalDate>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "weekendDays":
                    KpiJsonFormat.Expect(ref reader, JsonTokenType.StartArray, "'weekendDays'");
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var day = KpiJsonFormat.Text(ref reader, "weekendDays");
                        weekend.Add(Enum.TryParse<IsoDayOfWeek>(day, ignoreCase: false, out var d) && d != IsoDayOfWeek.None && !int.TryParse(day, out _)
                            ? d
                            : throw new JsonException($"'weekendDays': '{day}' is not a day of the week (Monday … Sunday)."));
                    }

                    break;
                case "holidays":
                    KpiJsonFormat.Expect(ref reader, JsonTokenType.StartArray, "'holidays'");
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        holidays.Add(KpiJsonFormat.ParseDate(KpiJsonFormat.Text(ref reader, "holidays"), "holidays"));
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new WorkingDayCalendar(weekend, holidays);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, WorkingDayCalendar value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteStartArray("weekendDays");
        foreach (var day in value.WeekendDays)
        {
            writer.WriteStringValue(day.ToString());
        }

        writer.WriteEndArray();
        writer.WriteStartArray("holidays");
        foreach (var day in value.Holidays)
        {
            writer.WriteStringValue(KpiJsonFormat.Date(day));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
