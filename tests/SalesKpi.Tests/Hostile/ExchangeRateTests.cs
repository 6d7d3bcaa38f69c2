using NodaTime;
using SalesKpi.Reporting;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Hostile;

/// <summary>Hostile input class: an exchange-rate provider that returns a rate no amount can be converted at (zero or negative).</summary>
public sealed class ExchangeRateTests
{
    [Theory]
    [InlineData("-1.5")]
    [InlineData("0")]
    [InlineData("-0.0000000000000000000000000001")]
    public void Regression_ZeroOrNegativeRate_UsedToYieldZeroOrNegativeRevenue(string rateText)
    {
        // Before: MoneyTotal.Add multiplied by any rate, so −1.5 turned 100 EUR into −150 USD of revenue.
        var rate = decimal.Parse(rateText, System.Globalization.CultureInfo.InvariantCulture);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, new FakeRates(rate));
        var deal = CreateDeal(closedAt: Instant.FromUtc(2025, 3, 1, 10, 0), value: Eur(100m));
        var march = new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31));

        var e = Assert.Throws<InvalidOperationException>(() => Kpis.Revenue.Evaluate([deal], march, settings));

        Assert.Equal(
            $"The exchange-rate provider FakeRates returned the rate {rateText} for EUR to USD on 2025-03-01; a rate must be greater than zero (return false from TryGetRate when no rate is known).",
            e.Message);
    }

    [Fact]
    public void BadRate_AtAFixedRateDate_NamesThatDate()
    {
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, new FakeRates(-2m), new LocalDate(2024, 12, 31));

        var e = Assert.Throws<InvalidOperationException>(() => Kpis.Revenue.Evaluate([CreateDeal(value: Eur(1m))], January, settings));

        Assert.Contains("on 2024-12-31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PositiveRate_StillConverts()
    {
        // 100 EUR × 1.1 = 110 USD.
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, new FakeRates(1.1m));

        var value = Kpis.Revenue.Evaluate([CreateDeal(value: Eur(100m))], January, settings);

        Assert.Equal(110m, value.Value);
    }

    private sealed class FakeRates(decimal rate) : IExchangeRateProvider
    {
        public bool TryGetRate(Currency source, Currency target, LocalDate rateDate, out decimal rate1)
        {
            rate1 = rate;
            return true;
        }
    }
}
