using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

public sealed class SalesKpiBuilderSettingsExtensionsTests
{
    [Fact]
    public void ConfigureSettings_SetsEverySetting()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().ConfigureSettings(s =>
        {
            s.TimeZone = "Europe/Istanbul";
            s.FirstDayOfWeek = IsoDayOfWeek.Sunday;
            s.FiscalYearStartMonth = 4;
            s.ReportingCurrency = "EUR";
            s.FixedRateDate = new LocalDate(2025, 1, 1);
        });
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var settings = provider.GetRequiredService<KpiSettings>();

        Assert.Equal("Europe/Istanbul", settings.Zone.Id);
        Assert.Equal(IsoDayOfWeek.Sunday, settings.FirstDayOfWeek);
        Assert.Equal(4, settings.FiscalYearStartMonth);
        Assert.Equal(Currency.EUR, settings.ReportingCurrency);
        Assert.Equal(new LocalDate(2025, 1, 1), settings.FixedRateDate);
        Assert.Same(settings, provider.GetRequiredService<KpiEvaluator>().Settings);
    }

    [Fact]
    public void ConfigureSettings_CalledTwice_StartsFromTheCurrentSettings()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi()
            .ConfigureSettings(s => s.TimeZone = "Asia/Jakarta")
            .ConfigureSettings(s => s.FiscalYearStartMonth = 7);
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var settings = provider.GetRequiredService<KpiSettings>();

        Assert.Equal("Asia/Jakarta", settings.Zone.Id);
        Assert.Equal(7, settings.FiscalYearStartMonth);
    }

    [Fact]
    public void ConfigureSettings_UnknownTimeZone_ThrowsNamingTheSettingBeforeTheContainerIsBuilt()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        var e = Assert.Throws<InvalidOperationException>(() => builder.ConfigureSettings(s => s.TimeZone = "Mars/Base"));

        Assert.StartsWith("SalesKpi setting TimeZone: 'Mars/Base' is not a known time zone", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(-1)]
    public void ConfigureSettings_FiscalStartMonthOutside1To12_ThrowsNamingTheSetting(int month)
    {
        var e = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSalesKpi(b => b.ConfigureSettings(s => s.FiscalYearStartMonth = month)));

        Assert.StartsWith($"SalesKpi setting FiscalYearStartMonth: {month} is outside 1-12", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureSettings_InvalidSetting_LeavesTheSettingsUnchanged()
    {
        var services = new ServiceCollection();
        var builder = services.AddSalesKpi().ConfigureSettings(s => s.TimeZone = "Europe/Istanbul");

        Assert.Throws<InvalidOperationException>(() => builder.ConfigureSettings(s =>
        {
            s.TimeZone = "Europe/Moscow";
            s.ReportingCurrency = "EURO";
        }));

        using var provider = services.BuildServiceProvider(SampleData.Strict);
        Assert.Equal("Europe/Istanbul", provider.GetRequiredService<KpiSettings>().Zone.Id);
    }

    [Fact]
    public void ConfigureSettings_ClearingTheCurrencyOfContainerBuiltRates_ThrowsNamingTheSetting()
    {
        var builder = new ServiceCollection().AddSalesKpi().UseExchangeRates<FixedRates>(Currency.EUR);

        var e = Assert.Throws<InvalidOperationException>(() => builder.ConfigureSettings(s => s.ReportingCurrency = null));

        Assert.StartsWith("SalesKpi setting ReportingCurrency:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureSettings_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderSettingsExtensions.ConfigureSettings(null!, _ => { }));
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddSalesKpi().ConfigureSettings(null!));
    }

    [Fact]
    public void UseSettings_ReplacesTheSettings()
    {
        var settings = KpiSettings.Default.WithZone(DateTimeZoneProviders.Bcl.GetSystemDefault());
        var services = new ServiceCollection();
        services.AddSalesKpi().ConfigureSettings(s => s.FiscalYearStartMonth = 4).UseSettings(settings);
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        Assert.Same(settings, provider.GetRequiredService<KpiSettings>());
    }

    [Fact]
    public void UseSettings_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderSettingsExtensions.UseSettings(null!, KpiSettings.Default));
        Assert.Throws<ArgumentNullException>("settings", () => new ServiceCollection().AddSalesKpi().UseSettings(null!));
    }

    [Fact]
    public void UseClock_ReplacesTheSystemClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 20, 12, 0));
        var services = new ServiceCollection();
        services.AddSalesKpi().UseClock(clock);
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
    }

    [Fact]
    public void UseClock_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderSettingsExtensions.UseClock(null!, new FakeClock(Instant.MinValue)));
        Assert.Throws<ArgumentNullException>("clock", () => new ServiceCollection().AddSalesKpi().UseClock(null!));
    }

    [Fact]
    public void UseExchangeRates_Instance_ConvertsIntoTheReportingCurrency()
    {
        var rates = new FixedRates();
        var services = new ServiceCollection();
        services.AddSalesKpi().UseExchangeRates(Currency.EUR, rates);
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var settings = provider.GetRequiredService<KpiSettings>();
        var revenue = provider.GetRequiredService<KpiEvaluator>().Evaluate(Kpis.Revenue, SampleData.Create(), SampleData.January);

        Assert.Same(rates, settings.ExchangeRates);
        Assert.Same(rates, provider.GetRequiredService<IExchangeRateProvider>());
        Assert.Equal(Currency.EUR, revenue.Currency);
        Assert.Equal(1_500m, revenue.Value); // 3,000 USD at 0.5
    }

    [Fact]
    public void UseExchangeRates_CalledAgain_ReplacesTheProviderService()
    {
        // Instance, then container-built, then instance again: one IExchangeRateProvider service each time, the last.
        var first = new FixedRates();
        var last = new FixedRates();
        var services = new ServiceCollection();
        var builder = services.AddSalesKpi().UseExchangeRates(Currency.EUR, first);
        Assert.Single(services, d => d.ServiceType == typeof(IExchangeRateProvider));

        builder.UseExchangeRates<FixedRates>(Currency.EUR);
        Assert.Single(services, d => d.ServiceType == typeof(IExchangeRateProvider) && d.ImplementationType == typeof(FixedRates));

        builder.UseExchangeRates(Currency.GBP, last);
        using var provider = services.BuildServiceProvider(SampleData.Strict);
        Assert.Same(last, Assert.Single(provider.GetServices<IExchangeRateProvider>()));
        Assert.Same(last, provider.GetRequiredService<KpiSettings>().ExchangeRates);
    }

    [Fact]
    public void UseExchangeRatesOfT_ProviderBuiltByTheContainer_IsInTheSettings()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().UseExchangeRates<FixedRates>(Currency.EUR).ConfigureSettings(s => s.TimeZone = "Europe/Istanbul");
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var settings = provider.GetRequiredService<KpiSettings>();

        Assert.IsType<FixedRates>(settings.ExchangeRates);
        Assert.Same(provider.GetRequiredService<IExchangeRateProvider>(), settings.ExchangeRates);
        Assert.Equal(Currency.EUR, settings.ReportingCurrency);
        Assert.Equal("Europe/Istanbul", settings.Zone.Id);
    }

    [Fact]
    public void UseExchangeRatesOfT_ProviderWithAnUnregisteredDependency_FailsWhenTheContainerIsBuilt()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().UseExchangeRates<PolicyRates>(Currency.EUR);

        var e = Assert.Throws<AggregateException>(() => services.BuildServiceProvider(SampleData.Strict));

        Assert.Contains(e.InnerExceptions, x => x.Message.Contains(nameof(IDemoPolicy), StringComparison.Ordinal));
    }

    [Fact]
    public void UseExchangeRates_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderSettingsExtensions.UseExchangeRates(null!, Currency.EUR, new FixedRates()));
        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderSettingsExtensions.UseExchangeRates<FixedRates>(null!, Currency.EUR));
        Assert.Throws<ArgumentNullException>("provider", () => new ServiceCollection().AddSalesKpi().UseExchangeRates(Currency.EUR, null!));
    }

    [Fact]
    public void Settings_UsedByTheEvaluator_DecideThePeriods()
    {
        // 2025-01-31T22:30Z is already February 1st in Istanbul (UTC+3).
        var late = new Activities.SalesActivity(new Activities.ActivityId("late"), Activities.SalesActivityKind.Call, SampleData.Ayse, Instant.FromUtc(2025, 1, 31, 22, 30));
        var services = new ServiceCollection();
        services.AddSalesKpi().ConfigureSettings(s => s.TimeZone = "Europe/Istanbul");
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var value = provider.GetRequiredService<KpiEvaluator>().Evaluate(Kpis.Calls, SalesData.Create(activities: [late]), SampleData.January);

        Assert.Equal(0m, value.Value);
    }

    private sealed class FixedRates : IExchangeRateProvider
    {
        public bool TryGetRate(Currency source, Currency target, LocalDate rateDate, out decimal rate)
        {
            rate = source == target ? 1m : 0.5m;
            return true;
        }
    }

    private sealed class PolicyRates(IDemoPolicy policy) : IExchangeRateProvider
    {
        public bool TryGetRate(Currency source, Currency target, LocalDate rateDate, out decimal rate)
        {
            rate = policy.DemoKind.Name.Length;
            return true;
        }
    }
}
