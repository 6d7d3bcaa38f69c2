using System.Text.Json;
using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Serialization;

namespace SalesKpi.Tests.Serialization;

/// <summary>The code of docs/json.md, compiled and run.</summary>
public sealed class JsonSnippetTests
{
    [Fact]
    public async Task Json_SerializeReadBackAndStream()
    {
        var may = Instant.FromUtc(2025, 5, 5, 12, 0);
        var data = SalesData.Create(deals:
        [
            new Deal(new DealId("d1"), new AccountId("acme"), new RepId("ayse"), may, new Money(6_000m, Currency.USD)),
            new Deal(new DealId("d2"), new AccountId("initech"), new RepId("ayse"), may, new Money(4_000m, Currency.USD)),
        ]);
        var year = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));
        var query = new KpiQuery(year, [Kpis.AverageDealSize], KpiGrouping.ByRep, PeriodUnit.Quarter);
        var report = new KpiEvaluator().Evaluate(data, query);
        using var response = new MemoryStream();
        var cancellationToken = CancellationToken.None;

        // <snippet:json-serialize>
        string json = JsonSerializer.Serialize(report);                 // the documented document, formatVersion 1
        KpiReport back = JsonSerializer.Deserialize<KpiReport>(json)!; // the same groups, periods and values
        KpiValue q2 = back.Get("average-deal-size", "ayse", periodIndex: 1);

        // Large reports: write a chunk at a time to a stream (a response body, a file), with your own properties.
        await KpiReportJson.SerializeAsync(response, report, new KpiReportJsonOptions
        {
            WriteEnd = writer => writer.WriteString("generatedBy", "nightly-job"),
        }, cancellationToken);
        // </snippet:json-serialize>

        // (6,000 + 4,000) / 2 deals = 5,000 USD in Q2.
        Assert.Equal(new Money(5_000m, Currency.USD), new Money(q2.Value!.Value, q2.Currency!.Value));
        Assert.Equal("nightly-job", JsonDocument.Parse(response.ToArray()).RootElement.GetProperty("generatedBy").GetString());
    }
}
