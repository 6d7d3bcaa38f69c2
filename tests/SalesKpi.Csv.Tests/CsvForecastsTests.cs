using System.Text;
using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;

namespace SalesKpi.Csv.Tests;

public class CsvForecastsTests
{
    private static System.Collections.Immutable.ImmutableArray<ForecastSubmission> Read(string csv, CsvForecastOptions? options = null) =>
        CsvForecasts.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "forecasts.csv", options);

    private static CsvRejection Reject(string csv, CsvForecastOptions? options = null) =>
        Assert.Throws<CsvImportException>(() => Read(csv, options)).Rejection!;

    [Fact]
    public void Read_EverySubmitterForm_AndTheDefaults()
    {
        var submissions = Read("""
            submitter,period,amount,currency,submitted_at,category
            rep:ayse,2025-Q1,150000,USD,2024-12-28T09:00:00Z,
            team:north,2025-Q1,200000.50,USD,2024-12-20T12:00:00+03:00,best-case
            bora,2025-03,40000,EUR,2025-02-27T17:30Z,Pipeline
            all,2025,1000000,USD,2024-12-01T00:00:00Z,commit

            """);

        Assert.Equal([KpiGrouping.ByRep, KpiGrouping.ByTeam, KpiGrouping.ByRep, KpiGrouping.None], submissions.Select(s => s.Grouping));
        Assert.Equal(["ayse", "north", "bora", "all"], submissions.Select(s => s.Submitter));
        Assert.Equal([ForecastCategory.Commit, ForecastCategory.BestCase, ForecastCategory.Pipeline, ForecastCategory.Commit], submissions.Select(s => s.Category));
        // 12:00 at +03:00 is 09:00 UTC; minutes without seconds are read.
        Assert.Equal(Instant.FromUtc(2024, 12, 20, 9, 0), submissions[1].SubmittedAt);
        Assert.Equal(Instant.FromUtc(2025, 2, 27, 17, 30), submissions[2].SubmittedAt);
        Assert.Equal(new Money(200_000.50m, Currency.USD), submissions[1].Amount);
        Assert.Equal(Currency.EUR, submissions[2].Amount.Currency);
        Assert.Equal((new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31), "2025-Q1"), (submissions[0].Period.Start, submissions[0].Period.End, submissions[0].PeriodLabel));
    }

    [Fact]
    public void Read_NoCurrencyColumn_TakesTheDefaultCurrency_OrNamesTheAmountCell()
    {
        const string csv = "submitter,period,amount,submitted_at\nayse,2025-Q1,100,2024-12-01T00:00:00Z\n";

        Assert.Equal(Currency.USD, Assert.Single(Read(csv, new CsvForecastOptions { DefaultCurrency = Currency.USD })).Amount.Currency);
        Assert.Equal("forecasts.csv:2:14: amount: no currency: add a column 'currency' with an ISO 4217 code such as USD", Reject(csv).ToString());
    }

    [Theory]
    [InlineData("ayse,2025-H1,1,USD,2024-12-01T00:00:00Z,", "forecasts.csv:2:6: period: '2025-H1' is not a period")]
    [InlineData("ayse,2025-Q1,lots,USD,2024-12-01T00:00:00Z,", "forecasts.csv:2:14: amount: 'lots' is not an amount")]
    [InlineData("ayse,2025-Q1,-5,USD,2024-12-01T00:00:00Z,", "forecasts.csv:2:14: amount: -5 is negative")]
    [InlineData("ayse,2025-Q1,5,US,2024-12-01T00:00:00Z,", "forecasts.csv:2:16: currency: 'US' is not a currency")]
    [InlineData("ayse,2025-Q1,5,USD,2024-12-01,", "forecasts.csv:2:20: submitted_at: '2024-12-01' is not an ISO-8601 instant such as 2024-12-20T09:00:00Z or 2024-12-20T12:00:00+03:00; a date alone is not an instant")]
    [InlineData("ayse,2025-Q1,5,USD,2024-12-01T00:00:00Z,comit", "forecasts.csv:2:41: category: 'comit' is not a forecast category; did you mean 'commit'?")]
    [InlineData("ayse,2025-Q1,5,USD,2024-12-01T00:00:00Z,closed", "forecasts.csv:2:41: category: 'closed' is not a forecast category")]
    [InlineData("region:west,2025-Q1,5,USD,2024-12-01T00:00:00Z,", "forecasts.csv:2:1: submitter: 'region' is not a submitter's dimension")]
    [InlineData(",2025-Q1,5,USD,2024-12-01T00:00:00Z,", "forecasts.csv:2:1: submitter: no submitter")]
    public void Read_ABadCell_IsNamedByFileLineAndColumn(string row, string expected)
    {
        var rejection = Reject("submitter,period,amount,currency,submitted_at,category\n" + row + "\n");

        Assert.StartsWith(expected, rejection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AnUnknownRepOrTeam_SuggestsTheClosest()
    {
        var options = new CsvForecastOptions
        {
            KnownGroups = g => g == KpiGrouping.ByTeam ? ["north", "south"] : ["ayse", "bora"],
        };

        Assert.Equal("forecasts.csv:2:1: submitter: the data has no rep 'ayze'; did you mean 'ayse'?", Reject("submitter,period,amount,currency,submitted_at\nayze,2025,1,USD,2024-12-01T00:00:00Z\n", options).ToString());
        Assert.StartsWith("forecasts.csv:2:1: submitter: the data has no team 'west'", Reject("submitter,period,amount,currency,submitted_at\nteam:west,2025,1,USD,2024-12-01T00:00:00Z\n", options).ToString());
    }

    [Fact]
    public void Read_BadHeader_NamesTheColumn()
    {
        Assert.Equal("forecasts.csv:1:25: unknown column 'submited_at'; did you mean 'submitted_at'? (the columns are submitter, period, amount, currency, submitted_at, category)", Reject("submitter,period,amount,submited_at\n").ToString());
        Assert.StartsWith("forecasts.csv:1:1: the header has no column 'submitted_at'", Reject("submitter,period,amount\n").ToString(), StringComparison.Ordinal);
        Assert.StartsWith("forecasts.csv:1:1: the file is empty", Reject(string.Empty).ToString(), StringComparison.Ordinal);
    }
}
