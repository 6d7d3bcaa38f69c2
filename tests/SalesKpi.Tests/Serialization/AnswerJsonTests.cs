using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Serialization;

namespace SalesKpi.Tests.Serialization;

/// <summary>Plans, comparisons, trends and targets serialize as readable documents: dates as ISO text, enums by name, values as KpiValue.</summary>
public sealed class AnswerJsonTests
{
    private static readonly DateInterval March = new(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31));

    private static KpiReport Report()
    {
        var deal = (string id, string rep, int month, decimal usd) =>
            new Deal(new DealId(id), new AccountId("acc-" + id), new RepId(rep), Instant.FromUtc(2025, month, 5, 12, 0), new Money(usd, Currency.USD));
        var data = SalesData.Create(deals: [deal("d1", "ayse", 1, 6_000m), deal("d2", "budi", 1, 10_000m), deal("d3", "ayse", 2, 9_000m)]);
        var range = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 2, 28));
        return new KpiEvaluator().Evaluate(data, new KpiQuery(range, [Kpis.AverageDealSize], KpiGrouping.ByRep, PeriodUnit.Month));
    }

    [Fact]
    public void ActivityPlan_WritesItsHorizonCalendarAndSteps()
    {
        // 50 sales at 5% of calls: 50 / 0.05 = 1,000 calls; 1,000 / 21 working days in March 2025 = 47.6 → 48 a day.
        var plan = ActivityPlan.ForDeals(50m, March, [new FunnelStep("calls", PlanInput.GivenRatio(0.05m))], WorkingDayCalendar.MondayToFriday);

        // The reflection serializer keeps the property names; the source-generated context writes them in camel case.
        foreach (var (json, name) in new (string, Func<string, string>)[]
        {
            (JsonSerializer.Serialize(plan), n => n),
            (JsonSerializer.Serialize(plan, SalesKpiJsonContext.Default.ActivityPlan), JsonNamingPolicy.CamelCase.ConvertName),
        })
        {
            var node = JsonNode.Parse(json)!;
            Assert.Equal("2025-03-01", (string)node[name("Horizon")]!["from"]!);
            Assert.Equal("2025-03-31", (string)node[name("Horizon")]!["to"]!);
            Assert.Equal(21, (int)node[name("WorkingDays")]!);
            Assert.Equal(["Saturday", "Sunday"], node[name("Calendar")]!["weekendDays"]!.AsArray().Select(d => (string)d!));
            var calls = node[name("Steps")]![0]!;
            Assert.Equal(1_000m, (decimal)calls[name("Required")]!["value"]!);
            Assert.Equal(48m, (decimal)calls[name("RequiredPerWorkingDay")]!["value"]!);
            Assert.Equal("Given", (string)calls[name("ConversionRate")]![name("Source")]!);
            Assert.DoesNotContain("{}", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PeerComparisonAndTrend_WriteTheirValues()
    {
        var report = Report();

        // January: ayse 6,000 against budi's 10,000: (6,000 − 10,000) / 10,000 = −0.4.
        var comparison = JsonNode.Parse(JsonSerializer.Serialize(report.CompareWithPeers("average-deal-size", "ayse"), SalesKpiJsonContext.Default.PeerComparison))!;
        Assert.Equal("ayse", (string)comparison["group"]!);
        Assert.Equal(-0.4m, (decimal)comparison["relativeDifference"]!["value"]!);
        Assert.Equal(10_000m, (decimal)comparison["peerMean"]!["value"]!);

        // ayse: 6,000 in January, 9,000 in February, a change of (9,000 − 6,000) / 6,000 = 0.5.
        var trend = JsonNode.Parse(JsonSerializer.Serialize(report.Trend("average-deal-size", "ayse"), SalesKpiJsonContext.Default.KpiTrend))!;
        var february = trend["points"]![1]!;
        Assert.Equal("2025-02", (string)february["period"]!["label"]!);
        Assert.Equal("2025-02-01", (string)february["period"]!["from"]!);
        Assert.Equal("2025-02-01T00:00:00Z", (string)february["period"]!["start"]!);
        Assert.Equal(9_000m, (decimal)february["value"]!["value"]!);
        Assert.Equal(0.5m, (decimal)february["change"]!["value"]!);
    }

    [Fact]
    public void TargetResult_WritesStatusAndComparisonByName()
    {
        // January: ayse 6,000 against a target of at least 8,000: 6,000 / 8,000 = 0.75 attained.
        var result = Report().EvaluateTarget(new KpiTarget("average-deal-size", 8_000m)).Single(r => r.Group == "ayse");

        var json = JsonNode.Parse(JsonSerializer.Serialize(result, SalesKpiJsonContext.Default.KpiTargetResult))!;

        Assert.Equal("AtLeast", (string)json["target"]!["comparison"]!);
        Assert.Equal(0.75m, (decimal)json["attainment"]!["value"]!);
        Assert.Equal(result.Status.ToString(), (string)json["status"]!);
    }

    [Fact]
    public void NodaTimeConverters_RoundTrip()
    {
        var options = new JsonSerializerOptions { Converters = { new LocalDateJsonConverter(), new InstantJsonConverter(), new DateIntervalJsonConverter() } };
        var instant = Instant.FromUtc(2025, 3, 30, 1, 30);

        Assert.Equal("\"2025-03-30T01:30:00Z\"", JsonSerializer.Serialize(instant, options));
        Assert.Equal(instant, JsonSerializer.Deserialize<Instant>("\"2025-03-30T01:30:00Z\"", options));
        Assert.Equal(March, JsonSerializer.Deserialize<DateInterval>(JsonSerializer.Serialize(March, options), options));
        Assert.Equal(new LocalDate(2025, 2, 28), JsonSerializer.Deserialize<LocalDate>("\"2025-02-28\"", options));
        var calendar = new WorkingDayCalendar([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], [new LocalDate(2025, 3, 31)]);
        var back = JsonSerializer.Deserialize<WorkingDayCalendar>(JsonSerializer.Serialize(calendar))!;
        Assert.Equal(calendar.WeekendDays.ToArray(), back.WeekendDays.ToArray());
        Assert.Equal(calendar.Holidays.ToArray(), back.Holidays.ToArray());
        Assert.Contains("not an ISO instant", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Instant>("\"March\"", options)).Message, StringComparison.Ordinal);
    }
}
