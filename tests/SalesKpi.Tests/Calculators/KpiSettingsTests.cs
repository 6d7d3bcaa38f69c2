using NodaTime;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Calculators;

/// <summary>The evaluation settings: zone, week start, fiscal year start and reporting currency.</summary>
public class KpiSettingsTests
{
    [Fact]
    public void WithReportingCurrency_RatesWithoutACurrency_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>("exchangeRates", () => KpiSettings.Default.WithReportingCurrency(null, new FakeExchangeRates()));

        Assert.Contains("reporting currency", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithReportingCurrency_CurrencyAndRates_KeepsTheOtherSettings()
    {
        var rates = new FakeExchangeRates();
        var settings = KpiSettings.Default.WithZone("Europe/Istanbul").WithReportingCurrency(Currency.TRY, rates, new LocalDate(2025, 1, 1));

        Assert.Equal(Currency.TRY, settings.ReportingCurrency);
        Assert.Same(rates, settings.ExchangeRates);
        Assert.Equal(new LocalDate(2025, 1, 1), settings.FixedRateDate);
        Assert.Equal("Europe/Istanbul", settings.Zone.Id);
    }

    [Fact]
    public void Default_IsUtcIsoWeeksCalendarFiscalYearAndNoCurrency()
    {
        var settings = KpiSettings.Default;

        Assert.Equal(DateTimeZone.Utc, settings.Zone);
        Assert.Equal(IsoDayOfWeek.Monday, settings.FirstDayOfWeek);
        Assert.Equal(1, settings.FiscalYearStartMonth);
        Assert.Null(settings.ReportingCurrency);
        Assert.Null(settings.ExchangeRates);
    }

    [Fact]
    public void WithMethods_InvalidArguments_ThrowNamingThem()
    {
        Assert.Throws<ArgumentException>("zoneId", () => KpiSettings.Default.WithZone("Mars/Olympus_Mons"));
        Assert.Throws<ArgumentNullException>("zone", () => KpiSettings.Default.WithZone((DateTimeZone)null!));
        Assert.Throws<ArgumentOutOfRangeException>("month", () => KpiSettings.Default.WithFiscalYearStartMonth(13));
        Assert.Throws<ArgumentOutOfRangeException>("month", () => KpiSettings.Default.WithFiscalYearStartMonth(0));
        Assert.Throws<ArgumentOutOfRangeException>("firstDayOfWeek", () => KpiSettings.Default.WithFirstDayOfWeek(IsoDayOfWeek.None));
    }

    [Fact]
    public void LocalDateOf_InstantNearMidnight_IsTheDateInTheZone()
    {
        var istanbul = KpiSettings.Default.WithZone("Europe/Istanbul");

        // 2025-03-31T21:30Z is 2025-04-01T00:30 in Istanbul (UTC+3).
        Assert.Equal(new LocalDate(2025, 4, 1), istanbul.LocalDateOf(Instant.FromUtc(2025, 3, 31, 21, 30)));
        Assert.Equal(Instant.FromUtc(2025, 3, 31, 21, 0), istanbul.StartOf(new LocalDate(2025, 4, 1)));
    }
}
