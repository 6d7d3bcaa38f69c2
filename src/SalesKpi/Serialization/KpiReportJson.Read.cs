using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Serialization;

public static partial class KpiReportJson
{
    /// <summary>Reads a report document, as <see cref="Write(Utf8JsonWriter, KpiReport, KpiReportJsonOptions?)"/> writes it.</summary>
    /// <param name="reader">The reader, before or on the document's <c>{</c>; left on its <c>}</c>.</param>
    /// <param name="catalog">Where the KPIs are found by id; the built-in KPIs (<see cref="KpiCatalog.BuiltIn"/>) when null.
    /// A report of your own KPIs is read with a catalog that has them (<see cref="IKpiCatalog"/> from dependency injection).</param>
    /// <returns>The report: its values as written (ratios and means to 10 decimals), its query, settings, periods and groups.</returns>
    /// <exception cref="JsonException">The document is not a report of <see cref="FormatVersion"/> 1, a field is malformed,
    /// a KPI is not in <paramref name="catalog"/>, or a value is missing; the message names the field.</exception>
    /// <remarks>
    /// <para>What the document does not hold is not restored: a grouping is known by its dimension only (the built-in
    /// ones are themselves; another is a <see cref="KpiGrouping.Custom"/> one that keys no record), and the settings are
    /// the zone, the first day of the week and the reporting currency, without exchange rates. Properties added through
    /// <see cref="KpiReportJsonOptions"/> are skipped. <c>results</c> must come after <c>periods</c>, <c>groups</c> and
    /// <c>kpis</c>, as they are written.</para>
    /// </remarks>
    public static KpiReport Read(ref Utf8JsonReader reader, IKpiCatalog? catalog = null)
    {
        catalog ??= KpiCatalog.BuiltIn;
        if (reader.TokenType == JsonTokenType.None)
        {
            reader.Read();
        }

        KpiJsonFormat.Expect(ref reader, JsonTokenType.StartObject, "a report document");
        var version = 0;
        DateInterval? range = null;
        var settings = KpiSettings.Default;
        string? by = null;
        var per = PeriodUnit.None;
        var periods = new List<(string Label, LocalDate From, LocalDate To)>();
        var groups = new List<string>();
        var kpis = new List<KpiCalculator>();
        ChunkedArray<KpiValue>? values = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "formatVersion":
                    version = KpiJsonFormat.Int32(ref reader, "formatVersion");
                    if (version != FormatVersion)
                    {
                        throw new JsonException($"'formatVersion' is {version}; this version of SalesKpi reads version {FormatVersion}.");
                    }

                    break;
                case "range":
                    range = KpiJsonFormat.ReadInterval(ref reader, "range");
                    break;
                case "settings":
                    (settings, by, per) = ReadSettings(ref reader);
                    break;
                case "periods":
                    ReadPeriods(ref reader, periods);
                    break;
                case "groups":
                    ReadGroups(ref reader, groups);
                    break;
                case "kpis":
                    ReadKpis(ref reader, kpis, catalog);
                    break;
                case "results":
                    values = ReadResults(ref reader, periods, groups, kpis);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (version == 0)
        {
            throw new JsonException("The document has no 'formatVersion': it is not a SalesKpi report.");
        }

        if (range is null || values is null)
        {
            throw new JsonException($"The report document has no '{(range is null ? "range" : "results")}'.");
        }

        var grouping = by switch
        {
            null or "none" => KpiGrouping.None,
            "rep" => KpiGrouping.ByRep,
            "team" => KpiGrouping.ByTeam,
            "source" => KpiGrouping.BySource,
            "deal-kind" => KpiGrouping.ByDealKind,
            "tool" => KpiGrouping.ByTool,
            "lost-reason" => KpiGrouping.ByLostReason,
            "forecast-category" => KpiGrouping.ByForecastCategory,
            _ => KpiGrouping.Custom(by),
        };
        KpiQuery query;
        try
        {
            query = new KpiQuery(range, kpis, grouping, per);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"The report's query cannot be rebuilt: {e.Message}", e);
        }

        var reportPeriods = periods
            .Select(p => new KpiPeriod(new DateInterval(p.From, p.To), settings.StartOf(p.From), settings.StartOf(p.To.PlusDays(1)), p.Label))
            .ToImmutableArray();
        return new KpiReport(query, settings, reportPeriods, [.. groups], values);
    }

    private static (KpiSettings Settings, string? By, PeriodUnit Per) ReadSettings(ref Utf8JsonReader reader)
    {
        KpiJsonFormat.Expect(ref reader, JsonTokenType.StartObject, "'settings'");
        var settings = KpiSettings.Default;
        string? by = null;
        var per = PeriodUnit.None;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "zone":
                    var zone = KpiJsonFormat.Text(ref reader, "settings.zone") ?? string.Empty;
                    var tz = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone)
                        ?? throw new JsonException($"'settings.zone': '{zone}' is not a time zone id of the IANA database (such as Europe/Istanbul).");
                    settings = settings.WithZone(tz);
                    break;
                case "currency":
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        settings = settings.WithReportingCurrency(KpiJsonFormat.ReadCurrency(ref reader));
                    }

                    break;
                case "by":
                    by = KpiJsonFormat.Text(ref reader, "settings.by");
                    break;
                case "per":
                    var unit = KpiJsonFormat.Text(ref reader, "settings.per");
                    per = Enum.TryParse<PeriodUnit>(unit, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(unit, out _)
                        ? parsed
                        : throw new JsonException($"'settings.per': '{unit}' is not a period unit (none, week, month, quarter, fiscalyear or fiscalquarter).");
                    break;
                case "firstDayOfWeek":
                    var day = KpiJsonFormat.Text(ref reader, "settings.firstDayOfWeek");
                    settings = Enum.TryParse<IsoDayOfWeek>(day, ignoreCase: false, out var d) && d != IsoDayOfWeek.None && !int.TryParse(day, out _)
                        ? settings.WithFirstDayOfWeek(d)
                        : throw new JsonException($"'settings.firstDayOfWeek': '{day}' is not a day of the week (Monday … Sunday).");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return (settings, by, per);
    }

    private static void ReadPeriods(ref Utf8JsonReader reader, List<(string Label, LocalDate From, LocalDate To)> periods)
    {
        KpiJsonFormat.Expect(ref reader, JsonTokenType.StartArray, "'periods'");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            KpiJsonFormat.Expect(ref reader, JsonTokenType.StartObject, "a period");
            string? label = null, from = null, to = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "label": label = KpiJsonFormat.Text(ref reader, "label"); break;
                    case "from": from = KpiJsonFormat.Text(ref reader, "from"); break;
                    case "to": to = KpiJsonFormat.Text(ref reader, "to"); break;
                    default: reader.Skip(); break;
                }
            }

            var where = $"periods[{periods.Count}]";
            var start = KpiJsonFormat.ParseDate(from, where + ".from");
            var end = KpiJsonFormat.ParseDate(to, where + ".to");
            if (end < start || start < KpiQuery.MinDate || end > KpiQuery.MaxDate)
            {
                throw new JsonException($"'{where}': {from}..{to} is not a period (its 'to' is before its 'from', or it is outside {KpiJsonFormat.Date(KpiQuery.MinDate)}..{KpiJsonFormat.Date(KpiQuery.MaxDate)}).");
            }

            periods.Add((string.IsNullOrEmpty(label) ? throw new JsonException($"'{where}' has no 'label'.") : label, start, end));
        }
    }

    private static void ReadGroups(ref Utf8JsonReader reader, List<string> groups)
    {
        KpiJsonFormat.Expect(ref reader, JsonTokenType.StartArray, "'groups'");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            KpiJsonFormat.Expect(ref reader, JsonTokenType.StartObject, "a group");
            string? key = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "key")
                {
                    key = KpiJsonFormat.Text(ref reader, "groups.key");
                }
                else
                {
                    reader.Skip();
                }
            }

            groups.Add(key ?? throw new JsonException($"'groups[{groups.Count}]' has no 'key'."));
        }
    }

    private static void ReadKpis(ref Utf8JsonReader reader, List<KpiCalculator> kpis, IKpiCatalog catalog)
    {
        KpiJsonFormat.Expect(ref reader, JsonTokenType.StartArray, "'kpis'");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            KpiJsonFormat.Expect(ref reader, JsonTokenType.StartObject, "a KPI");
            string? id = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "id")
                {
                    id = KpiJsonFormat.Text(ref reader, "kpis.id");
                }
                else
                {
                    reader.Skip();
                }
            }

            if (id is null)
            {
                throw new JsonException($"'kpis[{kpis.Count}]' has no 'id'.");
            }

            kpis.Add(catalog.TryGet(id, out var kpi)
                ? kpi
                : throw new JsonException(KpiIdSuggestions.NotFoundMessage(id, catalog.All.Select(k => k.Id), "the catalog")
                    + " To read a report of your own KPIs, pass a catalog that has them."));
        }
    }

    private static ChunkedArray<KpiValue> ReadResults(
        ref Utf8JsonReader reader,
        List<(string Label, LocalDate From, LocalDate To)> periods,
        List<string> groups,
        List<KpiCalculator> kpis)
    {
        KpiJsonFormat.Expect(ref reader, JsonTokenType.StartArray, "'results'");
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            groupIndex.TryAdd(groups[i], i);
        }

        var periodIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < periods.Count; i++)
        {
            periodIndex.TryAdd(periods[i].Label, i);
        }

        var kpiIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < kpis.Count; i++)
        {
            kpiIndex.TryAdd(kpis[i].Id, i);
        }

        // The cells are sized from what the document declares, so a declared size is bounded by what it can hold: every
        // cell needs a result, and a result a few bytes, so more cells than a document of 2 GB could fill is malformed.
        var declared = (long)groups.Count * periods.Count * kpis.Count;
        if (declared > int.MaxValue / 8)
        {
            throw new JsonException($"'results' would need {declared:N0} values ({groups.Count} groups × {periods.Count} periods × {kpis.Count} KPIs): more than a report document holds.");
        }

        var count = (int)declared;
        var values = new ChunkedArray<KpiValue>(count);
        var seen = new bool[count];
        var filled = 0;
        var row = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            KpiJsonFormat.Expect(ref reader, JsonTokenType.StartObject, "a result");
            string? group = null, period = null;
            var cells = new List<(int Kpi, KpiValue Value)>(kpis.Count);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "group": group = KpiJsonFormat.Text(ref reader, "group"); break;
                    case "period": period = KpiJsonFormat.Text(ref reader, "period"); break;
                    case "values":
                        KpiJsonFormat.Expect(ref reader, JsonTokenType.StartObject, $"'results[{row}].values'");
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                        {
                            var id = reader.GetString()!;
                            reader.Read();
                            if (!kpiIndex.TryGetValue(id, out var k))
                            {
                                throw new JsonException($"'results[{row}].values' has KPI '{id}', which is not in 'kpis'.");
                            }

                            cells.Add((k, KpiJsonFormat.ReadValue(ref reader)));
                        }

                        break;
                    default: reader.Skip(); break;
                }
            }

            if (group is null || !groupIndex.TryGetValue(group, out var g))
            {
                throw new JsonException($"'results[{row}].group' ('{group}') is not in 'groups'.");
            }

            if (period is null || !periodIndex.TryGetValue(period, out var p))
            {
                throw new JsonException($"'results[{row}].period' ('{period}') is not in 'periods'.");
            }

            foreach (var (k, value) in cells)
            {
                var index = (((g * periods.Count) + p) * kpis.Count) + k;
                if (!seen[index])
                {
                    seen[index] = true;
                    filled++;
                }

                values[index] = value;
            }

            row++;
        }

        return filled == count
            ? values
            : throw new JsonException($"'results' has {filled} of the {count} values of {groups.Count} groups × {periods.Count} periods × {kpis.Count} KPIs.");
    }
}
