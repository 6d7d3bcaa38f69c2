using System.Text.Json;
using System.Text.Json.Serialization;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Serialization;

/// <summary>Writes a <see cref="KpiGrouping"/> as its dimension's name, <c>"rep"</c>, as the report document's <c>by</c>; reads it back through <see cref="KpiGrouping.FromName"/>.</summary>
internal sealed class KpiGroupingJsonConverter : JsonConverter<KpiGrouping>
{
    public override KpiGrouping Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return string.IsNullOrWhiteSpace(text)
            ? throw new JsonException("A grouping is the name of its dimension, such as \"rep\".")
            : KpiGrouping.FromName(text);
    }

    public override void Write(Utf8JsonWriter writer, KpiGrouping value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Dimension);
    }
}

/// <summary>Reads and writes a <see cref="ForecastCategory"/> as its name, <c>"best-case"</c> (<see cref="ForecastCategories.ToName"/>).</summary>
internal sealed class ForecastCategoryJsonConverter : JsonConverter<ForecastCategory>
{
    public override ForecastCategory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return ForecastCategories.TryParse(text, out var category)
            ? category
            : throw new JsonException($"'{text}' is not a forecast category: use pipeline, best-case, commit, closed or omitted.");
    }

    public override void Write(Utf8JsonWriter writer, ForecastCategory value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ForecastCategories.ToName(value));
    }
}
