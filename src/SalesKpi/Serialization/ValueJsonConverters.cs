using System.Text.Json;
using System.Text.Json.Serialization;
using SalesKpi.Reporting;

namespace SalesKpi.Serialization;

/// <summary>Reads and writes a <see cref="Currency"/> as its ISO 4217 code, <c>"EUR"</c>.</summary>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    /// <inheritdoc />
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => KpiJsonFormat.ReadCurrency(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }
}

/// <summary>Reads and writes <see cref="Money"/> as <c>{"value": 1250.5, "currency": "EUR"}</c>, the amount exact.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <inheritdoc />
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => KpiJsonFormat.ReadMoney(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        KpiJsonFormat.WriteMoney(writer, value, round: false);
    }
}

/// <summary>
/// Reads and writes a <see cref="KpiValue"/> as the report document writes a value: <c>value</c> (null when
/// undefined), <c>unit</c>, and the fields it has (<c>currency</c>, <c>numerator</c>, <c>denominator</c>,
/// <c>amount</c>, <c>sampleSize</c>, <c>median</c>, <c>p25</c>, <c>p75</c>, <c>p90</c>, <c>unpriced</c>, <c>reason</c>).
/// </summary>
/// <remarks>Alone, a value is written exactly, so that it reads back equal; inside a report, ratios and means are rounded to 10 decimals.</remarks>
public sealed class KpiValueJsonConverter : JsonConverter<KpiValue>
{
    /// <inheritdoc />
    public override KpiValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => KpiJsonFormat.ReadValue(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, KpiValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        KpiJsonFormat.WriteValue(writer, value, round: false);
    }
}

/// <summary>
/// Reads and writes a <see cref="KpiReport"/> as the documented report document (<see cref="KpiReportJson"/>), so that
/// <c>JsonSerializer.Serialize(report)</c> and ASP.NET Core's <c>Results.Ok(report)</c> write it.
/// </summary>
/// <remarks>
/// <para><see cref="KpiReport"/> carries this converter, which reads the built-in KPIs. To read a report of your own
/// KPIs, add <c>new KpiReportJsonConverter(catalog)</c> to <see cref="JsonSerializerOptions.Converters"/>.</para>
/// </remarks>
public sealed class KpiReportJsonConverter : JsonConverter<KpiReport>
{
    private readonly IKpiCatalog? _catalog;

    /// <summary>Initializes a converter that reads the built-in KPIs.</summary>
    public KpiReportJsonConverter()
    {
    }

    /// <summary>Initializes a converter that reads the KPIs of a catalog.</summary>
    /// <param name="catalog">The KPIs a document may name, by id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    public KpiReportJsonConverter(IKpiCatalog catalog) => _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <inheritdoc />
    public override KpiReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => KpiReportJson.Read(ref reader, _catalog);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, KpiReport value, JsonSerializerOptions options) => KpiReportJson.Write(writer, value);
}
