using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Serialization;

namespace SalesKpi.Tests.Serialization;

/// <summary>The report's JSON document, written by JsonSerializer, the source-generated context and KpiReportJson alike, and read back.</summary>
public sealed class ReportJsonTests
{
    private static readonly DateInterval Year = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));

    /// <summary>Three deals in May: ayse 6,000 USD, budi 10,000 USD and 5,000 USD.</summary>
    private static KpiReport Report()
    {
        var deal = (string id, string rep, decimal usd) =>
            new Deal(new DealId(id), new AccountId("acc-" + id), new RepId(rep), Instant.FromUtc(2025, 5, 5, 12, 0), new Money(usd, Currency.USD));
        var data = SalesData.Create(deals: [deal("d1", "ayse", 6_000m), deal("d2", "budi", 10_000m), deal("d3", "budi", 5_000m)]);
        var query = new KpiQuery(Year, [Kpis.AverageDealSize, Kpis.CloseRate], KpiGrouping.ByRep, PeriodUnit.Quarter);
        return new KpiEvaluator(KpiSettings.Default.WithZone("Europe/Istanbul")).Evaluate(data, query);
    }

    [Fact]
    public void Serialize_WritesTheDocumentNotTheInternals()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Report()))!;

        Assert.Equal(1, (int)json["formatVersion"]!);
        Assert.Equal("2025-01-01", (string)json["range"]!["from"]!);
        Assert.Equal("Europe/Istanbul", (string)json["settings"]!["zone"]!);
        Assert.Equal("rep", (string)json["settings"]!["by"]!);
        Assert.Equal("quarter", (string)json["settings"]!["per"]!);
        Assert.Equal(["ayse", "budi"], json["groups"]!.AsArray().Select(g => (string)g!["key"]!));
        Assert.Equal(4, json["periods"]!.AsArray().Count);
        Assert.Equal("2025-04-01", (string)json["periods"]![1]!["from"]!);

        // budi, Q2: (10,000 + 5,000) / 2 deals = 7,500 USD; results are group by group, period by period: budi's Q2 is row 4 + 1.
        var budiQ2 = json["results"]![5]!;
        Assert.Equal("budi", (string)budiQ2["group"]!);
        Assert.Equal("2025-Q2", (string)budiQ2["period"]!);
        var size = budiQ2["values"]!["average-deal-size"]!;
        Assert.Equal(7_500m, (decimal)size["value"]!);
        Assert.Equal("money", (string)size["unit"]!);
        Assert.Equal("USD", (string)size["currency"]!);
        Assert.Equal(15_000m, (decimal)size["numerator"]!);
        Assert.Equal(2m, (decimal)size["denominator"]!);

        // No opportunity closed: the close rate is undefined, with its reason, never 0.
        var close = budiQ2["values"]!["close-rate"]!;
        Assert.Null(close["value"]);
        Assert.False(string.IsNullOrEmpty((string?)close["reason"]));
    }

    [Fact]
    public void SourceGeneratedContext_And_KpiReportJson_WriteTheSameDocument()
    {
        var report = Report();
        var reflection = JsonSerializer.Serialize(report);
        var generated = JsonSerializer.Serialize(report, SalesKpiJsonContext.Default.KpiReport);

        using var stream = new MemoryStream();
        KpiReportJson.Serialize(stream, report, new KpiReportJsonOptions { Indented = false });

        // The serializer escapes as its options say ('+' as \u002B by default); KpiReportJson writes it as is. The same document.
        Assert.Equal(reflection, generated);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(reflection), JsonNode.Parse(Encoding.UTF8.GetString(stream.ToArray()))));
    }

    [Fact]
    public async Task SerializeAsync_WritesWhatSerializeWrites()
    {
        var report = Report();
        using var sync = new MemoryStream();
        using var async = new MemoryStream();

        KpiReportJson.Serialize(sync, report);
        await KpiReportJson.SerializeAsync(async, report);

        Assert.Equal(sync.ToArray(), async.ToArray());
    }

    [Fact]
    public void Deserialize_AReportByForecastCategory_ReadsTheGroupingBack()
    {
        // One open opportunity of 1,000 USD in commit, in Proposal (0.5), due in March: commit 500 USD.
        var opportunity = new Opportunity(
            new OpportunityId("o1"), new AccountId("a1"), new RepId("ayse"), Instant.FromUtc(2025, 1, 2, 9, 0), new Money(1_000m, Currency.USD),
            stageHistory: [new StageEntry(OpportunityStage.Proposal, Instant.FromUtc(2025, 1, 2, 9, 0))], expectedClose: new LocalDate(2025, 3, 10), forecastCategory: ForecastCategory.Commit);
        var report = new KpiEvaluator().Evaluate(SalesData.Create(opportunities: [opportunity]), new KpiQuery(new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)), [Kpis.WeightedPipeline], KpiGrouping.ByForecastCategory));

        var back = JsonSerializer.Deserialize<KpiReport>(JsonSerializer.Serialize(report))!;

        Assert.Same(KpiGrouping.ByForecastCategory, back.Query.GroupBy);
        Assert.Equal(500m, back.Get(KpiIds.WeightedPipeline, "commit").Value);
    }

    [Fact]
    public void Deserialize_ReadsTheReportBack()
    {
        var report = Report();
        var json = JsonSerializer.Serialize(report);

        var back = JsonSerializer.Deserialize<KpiReport>(json)!;

        Assert.Equal(report.Groups.ToArray(), back.Groups.ToArray());
        Assert.Equal(report.Periods.ToArray(), back.Periods.ToArray());
        Assert.Equal(["average-deal-size", "close-rate"], back.Query.Kpis.Select(k => k.Id));
        Assert.Same(KpiGrouping.ByRep, back.Query.GroupBy);
        Assert.Equal(PeriodUnit.Quarter, back.Query.Per);
        Assert.Equal("Europe/Istanbul", back.Settings.Zone.Id);
        for (var p = 0; p < report.Periods.Length; p++)
        {
            foreach (var group in report.Groups)
            {
                Assert.Equal(report.Get("average-deal-size", group, p), back.Get("average-deal-size", group, p));
                Assert.Equal(report.Get("close-rate", group, p), back.Get("close-rate", group, p));
            }
        }

        // ayse, Q2: 6,000 USD over 1 deal; budi's is 7,500 (above).
        Assert.Equal(6_000m, back.Get("average-deal-size", "ayse", 1).Value);
        Assert.Equal(json, JsonSerializer.Serialize(back));
    }

    [Fact]
    public void Deserialize_ADailyReportWithATimeWindow_ReadsItBackThroughACatalogOfTheWindowedKpi()
    {
        // Berlin, 29–31 March 2025 per day: the 30th is 23 hours long. Deals of 100 on the 29th and 50 on the 31st: the
        // two days ending on the 29th, 30th and 31st hold 100, 100 and 50.
        var rolling = Kpis.Revenue.Rolling(Period.FromDays(2));
        var berlin = KpiSettings.Default.WithZone("Europe/Berlin");
        var data = SalesData.Create(deals:
        [
            new Deal(new DealId("d1"), new AccountId("a"), new RepId("ayse"), Instant.FromUtc(2025, 3, 29, 12, 0), new Money(100m, Currency.USD)),
            new Deal(new DealId("d2"), new AccountId("a"), new RepId("ayse"), Instant.FromUtc(2025, 3, 31, 12, 0), new Money(50m, Currency.USD)),
        ]);
        var report = new KpiEvaluator(berlin).Evaluate(data, new KpiQuery(new DateInterval(new LocalDate(2025, 3, 29), new LocalDate(2025, 3, 31)), [Kpis.Revenue, rolling], per: PeriodUnit.Day));
        var json = JsonSerializer.Serialize(report);

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var back = KpiReportJson.Read(ref reader, new KpiCatalog([Kpis.Revenue, rolling]));

        Assert.Contains("\"per\":\"day\"", json, StringComparison.Ordinal);
        Assert.Equal(PeriodUnit.Day, back.Query.Per);
        Assert.Equal(["2025-03-29", "2025-03-30", "2025-03-31"], back.Periods.Select(p => p.Label));
        Assert.Equal(Duration.FromHours(23), back.Periods[1].End - back.Periods[1].Start);
        Assert.Equal([100m, 100m, 50m], Enumerable.Range(0, 3).Select(p => back.Get("revenue-rolling-2d", KpiGrouping.AllKey, p).Value));
        Assert.Equal(json, JsonSerializer.Serialize(back));
    }

    [Fact]
    public void Deserialize_AnUnknownKpi_NamesItAndSuggestsTheNearest()
    {
        var json = JsonSerializer.Serialize(Report()).Replace("\"id\":\"close-rate\"", "\"id\":\"close-rat\"", StringComparison.Ordinal);

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<KpiReport>(json));

        Assert.Contains("'close-rat'", e.Message, StringComparison.Ordinal);
        Assert.Contains("close-rate", e.Message.Replace("'close-rat'", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_AnotherFormatVersion_SaysWhichItReads()
    {
        var json = JsonSerializer.Serialize(Report()).Replace("\"formatVersion\":1", "\"formatVersion\":2", StringComparison.Ordinal);

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<KpiReport>(json));

        Assert.Contains("'formatVersion' is 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_AMissingValue_CountsWhatIsThere()
    {
        var node = JsonNode.Parse(JsonSerializer.Serialize(Report()))!;
        node["results"]!.AsArray().RemoveAt(0);

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<KpiReport>(node.ToJsonString()));

        // 2 groups × 4 quarters × 2 KPIs = 16 values; one result row (2 values) removed leaves 14.
        Assert.Contains("14 of the 16 values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hooks_AddTheApplicationsProperties()
    {
        var options = new KpiReportJsonOptions
        {
            WriteSettings = json => json.WriteString("source", "crm-export"),
            WriteGroup = (json, key) => json.WriteString("name", key.ToUpperInvariant()),
            WriteEnd = json => json.WriteNumber("rows", 16),
        };
        using var stream = new MemoryStream();

        KpiReportJson.Serialize(stream, Report(), options);

        var json = JsonNode.Parse(stream.ToArray())!;
        Assert.Equal("crm-export", (string)json["settings"]!["source"]!);
        Assert.Equal("BUDI", (string)json["groups"]![1]!["name"]!);
        Assert.Equal(16, (int)json["rows"]!);

        // What the hooks add is skipped when read back.
        stream.Position = 0;
        Assert.Equal(["ayse", "budi"], JsonSerializer.Deserialize<KpiReport>(stream)!.Groups.ToArray());
    }

    [Fact]
    public void SerializeRows_ReadsTheRowsOnce()
    {
        var deal = new Deal(new DealId("d1"), new AccountId("a1"), new RepId("ayse"), Instant.FromUtc(2025, 5, 5, 12, 0), new Money(100m, Currency.USD));
        var data = SalesData.Create(deals: [deal]);
        using var reader = new KpiEvaluator().EvaluateRows(data, new KpiQuery(Year, [Kpis.AverageDealSize]));
        using var stream = new MemoryStream();

        KpiReportJson.SerializeRows(stream, reader);

        // One deal of 100 USD: the average is 100.
        Assert.Equal(100m, (decimal)JsonNode.Parse(stream.ToArray())!["results"]![0]!["values"]!["average-deal-size"]!["value"]!);
        Assert.Throws<InvalidOperationException>(() => KpiReportJson.SerializeRows(new MemoryStream(), reader));
    }

    [Theory]
    [InlineData("\"formatVersion\":1,", "\"formatVersion\":\"1\",", "'formatVersion' must be a whole number")]
    [InlineData("\"zone\":\"Europe/Istanbul\"", "\"zone\":5", "'settings.zone' must be a string")]
    [InlineData("\"label\":\"2025-Q1\",", "\"label\":5,", "'label' must be a string")]
    [InlineData("\"numerator\":15000", "\"numerator\":null", "'numerator' must be a number")]
    [InlineData("\"numerator\":15000", "\"numerator\":1e40", "'numerator' must be a number a decimal holds")]
    [InlineData("\"from\":\"2025-01-01\",\"to\":\"2025-03-31\"", "\"from\":\"2025-03-31\",\"to\":\"2025-01-01\"", "'periods[0]': 2025-03-31..2025-01-01 is not a period")]
    [InlineData("\"from\":\"2025-10-01\",\"to\":\"2025-12-31\"", "\"from\":\"2025-10-01\",\"to\":\"9999-12-31\"", "is not a period")]
    public void Deserialize_AMistypedField_IsAJsonExceptionNamingIt(string find, string replace, string message)
    {
        var json = JsonSerializer.Serialize(Report());
        Assert.Contains(find, json, StringComparison.Ordinal);
        var bad = ReplaceFirst(json, find, replace);

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<KpiReport>(bad));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);

        // Read directly, too: the same exception, not the reader's InvalidOperationException or FormatException.
        var direct = Assert.Throws<JsonException>(() =>
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(bad));
            KpiReportJson.Read(ref reader);
        });
        Assert.Contains(message, direct.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ADocumentDeclaringMoreValuesThanItCanHold_IsRefusedBeforeAllocating()
    {
        // 50,000 groups × 50,000 periods × 1 KPI = 2.5 billion cells declared by a document of a few megabytes.
        var groups = string.Join(",", Enumerable.Range(0, 50_000).Select(i => $"{{\"key\":\"g{i}\"}}"));
        var periods = string.Join(",", Enumerable.Range(0, 50_000).Select(i => $"{{\"label\":\"p{i}\",\"from\":\"2025-01-01\",\"to\":\"2025-01-01\"}}"));
        var json = $"{{\"formatVersion\":1,\"range\":{{\"from\":\"2025-01-01\",\"to\":\"2025-01-01\"}},\"periods\":[{periods}],\"groups\":[{groups}],\"kpis\":[{{\"id\":\"calls\"}}],\"results\":[]}}";

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<KpiReport>(json));

        Assert.Contains("2,500,000,000 values", e.Message, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }
}
