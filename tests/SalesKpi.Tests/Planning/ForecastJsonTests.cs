using System.Text.Json;
using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using SalesKpi.Serialization;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

/// <summary>The forecasting results written through <see cref="SalesKpiJsonContext"/> (docs/json.md), from hand-built values.</summary>
public class ForecastJsonTests
{
    private static readonly DateInterval Q1 = Dates(Date(2025, 1, 1), Date(2025, 3, 31));
    private static readonly DateInterval April = Dates(Date(2025, 4, 1), Date(2025, 4, 30));
    private static readonly JsonSerializerOptions Reflection = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>ayse forecast 150,000 USD for Q1 on 2024-12-28 and won 120,000: accuracy 120,000 / 150,000 = 0.8, error 30,000 / 120,000 = 0.25.</summary>
    private static ForecastAccuracyResult Result()
    {
        var submission = new ForecastSubmission(KpiGrouping.ByRep, "ayse", Q1, Usd(150_000m), Instant.FromUtc(2024, 12, 28, 9, 0)) { PeriodLabel = "2025-Q1" };
        var ayse = new ForecastAccuracy(
            KpiGrouping.ByRep, "ayse", Q1, "2025-Q1", 1, Instant.FromUtc(2025, 1, 1, 0, 0), submission,
            KpiValue.FromMoney(Usd(150_000m)), KpiValue.FromMoney(Usd(120_000m)), KpiValue.Ratio(120_000m, 150_000m), KpiValue.Ratio(30_000m, 120_000m));
        // One judged submitter: MAPE 0.25; bias (150,000 − 120,000) / 120,000 = 0.25.
        var summary = new ForecastErrorSummary(KpiGrouping.ByRep, Q1, "2025-Q1", KpiValue.Number(0.25m, KpiUnit.Ratio), KpiValue.Ratio(30_000m, 120_000m), 1, 0, 0);
        return new ForecastAccuracyResult([ayse], [summary]);
    }

    /// <summary>ayse on 10 of April's 30 days: won 30,000, weighted 15,000, projected 45,000 of a 90,000 quota = 0.5; run rate 30,000 × 30 / 10 = 90,000, 1.</summary>
    private static AttainmentProjection Projection() => new(
        "ayse", April, Instant.FromUtc(2025, 4, 11, 0, 0), 10, 30,
        KpiValue.FromMoney(Usd(30_000m)), KpiValue.FromMoney(Usd(15_000m)), KpiValue.FromMoney(Usd(45_000m)), KpiValue.FromMoney(Usd(90_000m)),
        Usd(90_000m), KpiValue.Ratio(45_000m, 90_000m), KpiValue.Ratio(90_000m, 90_000m));

    private const string Q1Json = "{\"from\":\"2025-01-01\",\"to\":\"2025-03-31\"}";

    [Fact]
    public void ForecastAccuracyResult_WritesTheDocumentedProperties()
    {
        var json = JsonSerializer.Serialize(Result(), SalesKpiJsonContext.Default.ForecastAccuracyResult);

        Assert.Equal(
            "{\"submitters\":[{\"grouping\":\"rep\",\"submitter\":\"ayse\",\"period\":" + Q1Json + ",\"periodLabel\":\"2025-Q1\",\"submissionCount\":1,\"cutoff\":\"2025-01-01T00:00:00Z\","
            + "\"submission\":{\"grouping\":\"rep\",\"submitter\":\"ayse\",\"period\":" + Q1Json + ",\"periodLabel\":\"2025-Q1\",\"amount\":{\"value\":150000,\"currency\":\"USD\"},\"submittedAt\":\"2024-12-28T09:00:00Z\",\"category\":\"commit\"},"
            + "\"forecast\":{\"value\":150000,\"unit\":\"money\",\"currency\":\"USD\"},\"actual\":{\"value\":120000,\"unit\":\"money\",\"currency\":\"USD\"},"
            + "\"accuracy\":{\"value\":0.8,\"unit\":\"ratio\",\"numerator\":120000,\"denominator\":150000},"
            + "\"absolutePercentageError\":{\"value\":0.25,\"unit\":\"ratio\",\"numerator\":30000,\"denominator\":120000}}],"
            + "\"periods\":[{\"grouping\":\"rep\",\"period\":" + Q1Json + ",\"periodLabel\":\"2025-Q1\",\"mape\":{\"value\":0.25,\"unit\":\"ratio\"},"
            + "\"bias\":{\"value\":0.25,\"unit\":\"ratio\",\"numerator\":30000,\"denominator\":120000},\"judgedCount\":1,\"zeroActualCount\":0,\"withoutForecastCount\":0}]}",
            json);
    }

    [Fact]
    public void AttainmentProjection_WritesTheDocumentedProperties_AndAListOfThem()
    {
        var json = JsonSerializer.Serialize(Projection(), SalesKpiJsonContext.Default.AttainmentProjection);

        Assert.Equal(
            "{\"group\":\"ayse\",\"period\":{\"from\":\"2025-04-01\",\"to\":\"2025-04-30\"},\"asOf\":\"2025-04-11T00:00:00Z\",\"elapsedDays\":10,\"periodDays\":30,"
            + "\"wonSoFar\":{\"value\":30000,\"unit\":\"money\",\"currency\":\"USD\"},\"weightedPipeline\":{\"value\":15000,\"unit\":\"money\",\"currency\":\"USD\"},"
            + "\"projected\":{\"value\":45000,\"unit\":\"money\",\"currency\":\"USD\"},\"runRate\":{\"value\":90000,\"unit\":\"money\",\"currency\":\"USD\"},"
            + "\"quota\":{\"value\":90000,\"currency\":\"USD\"},\"projectedAttainment\":{\"value\":0.5,\"unit\":\"ratio\",\"numerator\":45000,\"denominator\":90000},"
            + "\"runRateAttainment\":{\"value\":1,\"unit\":\"ratio\",\"numerator\":90000,\"denominator\":90000}}",
            json);
        Assert.Equal("[" + json + "]", JsonSerializer.Serialize([Projection()], SalesKpiJsonContext.Default.ImmutableArrayAttainmentProjection));
    }

    [Fact]
    public void ReflectionBasedSerialization_WritesTheSame()
    {
        Assert.Equal(JsonSerializer.Serialize(Result(), SalesKpiJsonContext.Default.ForecastAccuracyResult), JsonSerializer.Serialize(Result(), Reflection));
        Assert.Equal(JsonSerializer.Serialize(Projection(), SalesKpiJsonContext.Default.AttainmentProjection), JsonSerializer.Serialize(Projection(), Reflection));
    }

    [Fact]
    public void NoSubmissionAndNoQuota_WriteNull_AndAHierarchyWritesItsDimension()
    {
        var grouping = KpiGrouping.FromName("team/rep");
        var none = new ForecastAccuracy(
            grouping, "north / dana", Q1, "2025-Q1", 0, Instant.FromUtc(2025, 1, 1, 0, 0), null,
            KpiValue.Undefined(KpiUnit.Money, "no forecast"), KpiValue.FromMoney(Usd(0m)), KpiValue.Undefined(KpiUnit.Ratio, "no forecast"), KpiValue.Undefined(KpiUnit.Ratio, "no forecast"));
        var noQuota = new AttainmentProjection("bora", April, Instant.FromUtc(2025, 4, 11, 0, 0), 10, 30, KpiValue.FromMoney(Usd(0m)), KpiValue.FromMoney(Usd(0m)), KpiValue.FromMoney(Usd(0m)), KpiValue.FromMoney(Usd(0m)), null, KpiValue.Undefined(KpiUnit.Ratio, "no quota"), KpiValue.Undefined(KpiUnit.Ratio, "no quota"));

        var json = JsonSerializer.Serialize(none, SalesKpiJsonContext.Default.ForecastAccuracy);

        Assert.StartsWith("{\"grouping\":\"team/rep\",", json, StringComparison.Ordinal);
        Assert.Contains("\"submission\":null,\"forecast\":{\"value\":null,\"unit\":\"money\",\"reason\":\"no forecast\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"quota\":null,", JsonSerializer.Serialize(noQuota, SalesKpiJsonContext.Default.AttainmentProjection), StringComparison.Ordinal);
    }

    [Fact]
    public void ForecastCategory_IsWrittenAndReadByItsName()
    {
        Assert.Equal("\"best-case\"", JsonSerializer.Serialize(ForecastCategory.BestCase));
        Assert.Equal(ForecastCategory.Omitted, JsonSerializer.Deserialize<ForecastCategory>("\"omitted\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ForecastCategory>("\"maybe\""));
    }
}
