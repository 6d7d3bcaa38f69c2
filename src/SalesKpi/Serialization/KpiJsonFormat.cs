using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SalesKpi.Reporting;

namespace SalesKpi.Serialization;

/// <summary>The text forms of the report document shared by its writer and reader: unit and direction names, dates, rounding.</summary>
internal static class KpiJsonFormat
{
    /// <summary>The numbers of a report are written to this many decimals at most: counts, and sums of money in cents, are exact.</summary>
    public const int Decimals = 10;

    public static KpiUnit ParseUnit(string? name) => name switch
    {
        "count" => KpiUnit.Count,
        "ratio" => KpiUnit.Ratio,
        "money" => KpiUnit.Money,
        "days" => KpiUnit.Days,
        "money-per-day" => KpiUnit.MoneyPerDay,
        "number" => KpiUnit.Number,
        _ => throw new JsonException($"'{name}' is not a KPI unit: expected count, ratio, money, days, money-per-day or number."),
    };

    public static string DirectionName(KpiDirection direction) =>
        direction == KpiDirection.HigherIsBetter ? "higher-is-better" : "lower-is-better";

    public static string PeriodUnitName(PeriodUnit unit) => unit == PeriodUnit.None ? "none" : unit.ToString().ToLowerInvariant();

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static LocalDate ParseDate(string? text, string property)
    {
        var result = LocalDatePattern.Iso.Parse(text ?? string.Empty);
        return result.Success
            ? result.Value
            : throw new JsonException($"'{property}': '{text}' is not an ISO date (yyyy-MM-dd).");
    }

    /// <summary>Rounds to <see cref="Decimals"/> places and drops trailing zeros, so that 0.5 is written 0.5 and 1250.00 is 1250.</summary>
    public static decimal Round(decimal value) => decimal.Round(value, Decimals, MidpointRounding.ToEven) / 1.0000000000000000000000000000m;

    /// <summary>Writes a value's object: <c>value</c>, <c>unit</c> and the fields it has.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="round">Whether decimals are rounded to <see cref="Decimals"/> places (in a report) or written exactly.</param>
    public static void WriteValue(Utf8JsonWriter json, KpiValue value, bool round)
    {
        json.WriteStartObject();
        if (value.Value is { } v)
        {
            json.WriteNumber("value", round ? Round(v) : v);
        }
        else
        {
            json.WriteNull("value");
        }

        json.WriteString("unit", KpiUnitNames.Of(value.Unit));
        if (value.Currency is { } currency)
        {
            json.WriteString("currency", currency.Code);
        }

        Number(json, "numerator", value.Numerator, round);
        Number(json, "denominator", value.Denominator, round);
        if (value.Amount is { } amount)
        {
            json.WritePropertyName("amount");
            WriteMoney(json, amount, round);
        }

        if (value.SampleSize is { } n)
        {
            json.WriteNumber("sampleSize", n);
        }

        Number(json, "median", value.Median, round);
        Number(json, "p25", value.Percentile25, round);
        Number(json, "p75", value.Percentile75, round);
        Number(json, "p90", value.Percentile90, round);
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

    public static void WriteMoney(Utf8JsonWriter json, Money money, bool round)
    {
        json.WriteStartObject();
        json.WriteNumber("value", round ? Round(money.Amount) : money.Amount);
        json.WriteString("currency", money.Currency.Code);
        json.WriteEndObject();
    }

    /// <summary>Reads a value's object as <see cref="WriteValue"/> writes it.</summary>
    public static KpiValue ReadValue(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "a KPI value");
        decimal? value = null, numerator = null, denominator = null, median = null, p25 = null, p75 = null, p90 = null;
        string? unit = null, reason = null;
        Currency? currency = null;
        Money? amount = null;
        int? sampleSize = null;
        var unpriced = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "value": value = reader.TokenType == JsonTokenType.Null ? null : Decimal(ref reader, "value"); break;
                case "unit": unit = Text(ref reader, "unit"); break;
                case "currency": currency = ReadCurrency(ref reader); break;
                case "numerator": numerator = Decimal(ref reader, "numerator"); break;
                case "denominator": denominator = Decimal(ref reader, "denominator"); break;
                case "amount": amount = ReadMoney(ref reader); break;
                case "sampleSize": sampleSize = Int32(ref reader, "sampleSize"); break;
                case "median": median = Decimal(ref reader, "median"); break;
                case "p25": p25 = Decimal(ref reader, "p25"); break;
                case "p75": p75 = Decimal(ref reader, "p75"); break;
                case "p90": p90 = Decimal(ref reader, "p90"); break;
                case "unpriced": unpriced = Int32(ref reader, "unpriced"); break;
                case "reason": reason = Text(ref reader, "reason"); break;
                default: reader.Skip(); break;
            }
        }

        if (unit is null)
        {
            throw new JsonException("A KPI value has no 'unit'.");
        }

        if (unpriced < 0 || sampleSize < 0)
        {
            throw new JsonException($"A KPI value's '{(unpriced < 0 ? "unpriced" : "sampleSize")}' cannot be negative.");
        }

        if (value is not null && ParseUnit(unit) is KpiUnit.Money or KpiUnit.MoneyPerDay && currency is null)
        {
            throw new JsonException($"A KPI value of unit '{unit}' needs a 'currency'.");
        }

        if (value is null && string.IsNullOrWhiteSpace(reason))
        {
            throw new JsonException("A KPI value without a 'value' must have a 'reason'.");
        }

        return KpiValue.FromParts(ParseUnit(unit), value, reason, currency, numerator, denominator, amount, sampleSize, median, p25, p75, p90, unpriced);
    }

    public static Money ReadMoney(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "an amount of money");
        decimal? value = null;
        Currency? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "value": value = Decimal(ref reader, "value"); break;
                case "currency": currency = ReadCurrency(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return value is { } v && currency is { } c
            ? new Money(v, c)
            : throw new JsonException("An amount of money needs a 'value' and a 'currency'.");
    }

    public static Currency ReadCurrency(ref Utf8JsonReader reader)
    {
        var code = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Currency.IsValidCode(code)
            ? new Currency(code!)
            : throw new JsonException($"'{code}' is not an ISO 4217 currency code (such as USD or EUR).");
    }

    /// <summary>Reads <c>{"from": "2025-03-01", "to": "2025-03-31"}</c>; <paramref name="where"/> names it in errors.</summary>
    public static DateInterval ReadInterval(ref Utf8JsonReader reader, string where)
    {
        Expect(ref reader, JsonTokenType.StartObject, $"'{where}'");
        string? from = null, to = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "from": from = Text(ref reader, "from"); break;
                case "to": to = Text(ref reader, "to"); break;
                default: reader.Skip(); break;
            }
        }

        var start = ParseDate(from, where + ".from");
        var end = ParseDate(to, where + ".to");
        return end >= start ? new DateInterval(start, end) : throw new JsonException($"'{where}': 'to' ({to}) is before 'from' ({from}).");
    }

    /// <summary>Returns a string or null value, or throws naming <paramref name="property"/>.</summary>
    public static string? Text(ref Utf8JsonReader reader, string property) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"'{property}' must be a string, found {reader.TokenType}."),
    };

    /// <summary>Returns a number that a decimal holds, or throws naming <paramref name="property"/>.</summary>
    public static decimal Decimal(ref Utf8JsonReader reader, string property) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)
            ? value
            : throw new JsonException($"'{property}' must be a number a decimal holds (at most 7.9 × 10^28), found {reader.TokenType}.");

    /// <summary>Returns a whole number that an int holds, or throws naming <paramref name="property"/>.</summary>
    public static int Int32(ref Utf8JsonReader reader, string property) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : throw new JsonException($"'{property}' must be a whole number, found {reader.TokenType}.");

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"Expected {what} ({token}), found {reader.TokenType}.");
        }
    }

    private static void Number(Utf8JsonWriter json, string name, decimal? value, bool round)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, round ? Round(v) : v);
        }
    }
}
