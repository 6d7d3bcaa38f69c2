using NodaTime;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

public sealed class KpiSettingsOptionsTests
{
    [Fact]
    public void Constructor_Default_HasTheDefaultSettings()
    {
        var options = new KpiSettingsOptions();

        Assert.Equal("UTC", options.TimeZone);
        Assert.Equal(IsoDayOfWeek.Monday, options.FirstDayOfWeek);
        Assert.Equal(1, options.FiscalYearStartMonth);
        Assert.Null(options.ReportingCurrency);
        Assert.Null(options.FixedRateDate);
        Assert.Same(KpiSettings.Default.Zone, options.ToSettings().Zone);
    }

    [Fact]
    public void Constructor_NullSettings_Throws()
    {
        Assert.Throws<ArgumentNullException>("settings", () => new KpiSettingsOptions(null!));
    }

    [Fact]
    public void ToSettings_FromSettings_RoundTrips()
    {
        var rates = new NoRates();
        var settings = KpiSettings.Default
            .WithZone("Asia/Jakarta")
            .WithFirstDayOfWeek(IsoDayOfWeek.Saturday)
            .WithFiscalYearStartMonth(10)
            .WithReportingCurrency(Currency.IDR, rates, new LocalDate(2025, 6, 30));

        var copy = new KpiSettingsOptions(settings).ToSettings();

        Assert.Same(settings.Zone, copy.Zone);
        Assert.Equal(settings.FirstDayOfWeek, copy.FirstDayOfWeek);
        Assert.Equal(settings.FiscalYearStartMonth, copy.FiscalYearStartMonth);
        Assert.Equal(settings.ReportingCurrency, copy.ReportingCurrency);
        Assert.Same(rates, copy.ExchangeRates);
        Assert.Equal(settings.FixedRateDate, copy.FixedRateDate);
    }

    [Theory]
    [InlineData("Mars/Base", "SalesKpi setting TimeZone: 'Mars/Base' is not a known time zone")]
    [InlineData("", "SalesKpi setting TimeZone: a time zone id is required")]
    [InlineData("europe/istanbul", "SalesKpi setting TimeZone: 'europe/istanbul' is not a known time zone")]
    public void ToSettings_BadTimeZone_ThrowsNamingTheSetting(string zone, string expected)
    {
        var options = new KpiSettingsOptions { TimeZone = zone };

        var e = Assert.Throws<InvalidOperationException>(options.ToSettings);

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeZone_SetNull_ThrowsArgumentNullExceptionNamingTheSetting()
    {
        // Refused when set (issue #8 null sweep), not later in ToSettings: the stack trace points at the culprit.
        var options = new KpiSettingsOptions();

        var e = Assert.Throws<ArgumentNullException>("value", () => options.TimeZone = null!);

        Assert.Contains("TimeZone", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void ToSettings_FiscalYearStartMonthOutOfRange_ThrowsNamingTheSetting(int month)
    {
        var options = new KpiSettingsOptions { FiscalYearStartMonth = month };

        var e = Assert.Throws<InvalidOperationException>(options.ToSettings);

        Assert.Equal($"SalesKpi setting FiscalYearStartMonth: {month} is outside 1-12 (the month the fiscal year starts in).", e.Message);
    }

    [Fact]
    public void ToSettings_UndefinedDayOfWeek_ThrowsNamingTheSetting()
    {
        var options = new KpiSettingsOptions { FirstDayOfWeek = IsoDayOfWeek.None };

        Assert.StartsWith("SalesKpi setting FirstDayOfWeek:", Assert.Throws<InvalidOperationException>(options.ToSettings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSettings_UnknownCurrency_ThrowsNamingTheSetting()
    {
        var options = new KpiSettingsOptions { ReportingCurrency = "EURO" };

        Assert.StartsWith("SalesKpi setting ReportingCurrency: 'EURO'", Assert.Throws<InvalidOperationException>(options.ToSettings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSettings_RatesWithoutCurrency_ThrowsNamingTheSetting()
    {
        var options = new KpiSettingsOptions(KpiSettings.Default.WithReportingCurrency(Currency.EUR, new NoRates())) { ReportingCurrency = null };

        Assert.StartsWith("SalesKpi setting ReportingCurrency:", Assert.Throws<InvalidOperationException>(options.ToSettings).Message, StringComparison.Ordinal);
    }

    private sealed class NoRates : IExchangeRateProvider
    {
        public bool TryGetRate(Currency source, Currency target, LocalDate rateDate, out decimal rate)
        {
            rate = 0m;
            return false;
        }
    }

    [Fact]
    public void ToSettings_WorkingDays_ReachTheSettings()
    {
        var calendar = new SalesKpi.Reporting.WorkingDayCalendar([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], [new LocalDate(2025, 4, 23)]);

        var settings = new KpiSettingsOptions { WorkingDays = calendar }.ToSettings();

        Assert.Same(calendar, settings.WorkingDays);
    }

    [Fact]
    public void WorkingDays_SetNull_ThrowsArgumentNullExceptionNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentNullException>("value", () => new KpiSettingsOptions { WorkingDays = null! });

        Assert.Contains("WorkingDays", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithWorkingDays_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("workingDays", () => KpiSettings.Default.WithWorkingDays(null!));

    [Fact]
    public void Default_WorkingDays_AreMondayToFriday() =>
        Assert.Equal(SalesKpi.Reporting.WorkingDayCalendar.MondayToFriday, KpiSettings.Default.WorkingDays);
}
