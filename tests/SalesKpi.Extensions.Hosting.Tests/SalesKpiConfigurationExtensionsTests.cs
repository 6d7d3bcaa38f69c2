using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Extensions.Hosting.Tests;

public sealed class SalesKpiConfigurationExtensionsTests
{
    private static IConfigurationSection Section(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("SalesKpi:" + v.Key, v.Value)))
            .Build()
            .GetSection("SalesKpi");

    private static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public void AddSalesKpi_MemoryConfiguration_BindsEverySetting()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi(Section(
            ("TimeZone", "Europe/Istanbul"),
            ("FirstDayOfWeek", "sunday"),
            ("FiscalYearStartMonth", "4"),
            ("ReportingCurrency", "EUR"),
            ("FixedRateDate", "2025-01-31")));
        using var provider = Build(services);

        var settings = provider.GetRequiredService<KpiSettings>();

        Assert.Equal("Europe/Istanbul", settings.Zone.Id);
        Assert.Equal(IsoDayOfWeek.Sunday, settings.FirstDayOfWeek);
        Assert.Equal(4, settings.FiscalYearStartMonth);
        Assert.Equal(new Currency("EUR"), settings.ReportingCurrency);
        Assert.Equal(new LocalDate(2025, 1, 31), settings.FixedRateDate);
        Assert.Same(settings, provider.GetRequiredService<KpiEvaluator>().Settings);
    }

    [Fact]
    public void BindConfiguration_KeysTheSectionHas_WinOverCodeWhateverTheOrder_AndTheOthersKeepTheCode()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi()
            .BindConfiguration(Section(("TimeZone", "Europe/Istanbul")))
            .ConfigureSettings(s =>
            {
                s.TimeZone = "America/New_York";
                s.FiscalYearStartMonth = 7;
            });
        using var provider = Build(services);

        var settings = provider.GetRequiredService<KpiSettings>();

        Assert.Equal("Europe/Istanbul", settings.Zone.Id);
        Assert.Equal(7, settings.FiscalYearStartMonth);
    }

    [Fact]
    public void AddSalesKpi_ConfiguredZone_DecidesTheDateOfAnEvent()
    {
        // A call at 22:30 UTC on 31 January is at 01:30 on 1 February in Istanbul (UTC+3): with the configured zone,
        // January has 0 calls and February 1; in UTC it would be the other way round.
        var data = SalesData.Create(activities:
        [
            new SalesActivity(new ActivityId("a1"), SalesActivityKind.Call, new RepId("ayse"), Instant.FromUtc(2025, 1, 31, 22, 30), ActivityOutcomes.None),
        ]);
        var services = new ServiceCollection();
        services.AddSalesKpi(Section(("TimeZone", "Europe/Istanbul")));
        using var provider = Build(services);
        var evaluator = provider.GetRequiredService<KpiEvaluator>();

        var report = evaluator.Evaluate(data, new KpiQuery(new DateInterval(new(2025, 1, 1), new(2025, 2, 28)), [Kpis.Calls], per: PeriodUnit.Month));

        Assert.Equal(0m, report.Get("calls", periodIndex: 0).Value);
        Assert.Equal(1m, report.Get("calls", periodIndex: 1).Value);
    }

    [Fact]
    public async Task Host_JsonFileWithAMisspelledZone_FailsToStartNamingTheKey()
    {
        var directory = Directory.CreateTempSubdirectory("saleskpi-hosting-");
        try
        {
            var file = Path.Combine(directory.FullName, "appsettings.json");
            await File.WriteAllTextAsync(file, """{ "SalesKpi": { "TimeZone": "Europe/Istanbl", "FiscalYearStartMonth": 13 } }""");
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
            builder.Services.AddSalesKpi(builder.Configuration.GetSection("SalesKpi"));
            using var host = builder.Build();

            var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            // Every error, in the order of the configuration's keys, each naming its key.
            Assert.Equal(
                [
                    "SalesKpi:FiscalYearStartMonth: '13' is not a month from 1 to 12 (the month the fiscal year starts in).",
                    "SalesKpi:TimeZone: 'Europe/Istanbl' is not a time zone id. Did you mean 'Europe/Istanbul'?",
                ],
                e.Failures);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Host_ValidJsonFile_StartsAndServesTheSettings()
    {
        var directory = Directory.CreateTempSubdirectory("saleskpi-hosting-");
        try
        {
            var file = Path.Combine(directory.FullName, "appsettings.json");
            await File.WriteAllTextAsync(file, """{ "SalesKpi": { "TimeZone": "Asia/Tokyo", "FirstDayOfWeek": 7 } }""");
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: false);

            // <snippet:hosting-configuration>
            builder.Services.AddSalesKpi(builder.Configuration.GetSection("SalesKpi")) // validated when the host starts
                .AddKpi(Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue"));
            // </snippet:hosting-configuration>
            using var host = builder.Build();

            await host.StartAsync();
            var settings = host.Services.GetRequiredService<KpiSettings>();
            await host.StopAsync();

            Assert.Equal("Asia/Tokyo", settings.Zone.Id);
            Assert.Equal(IsoDayOfWeek.Sunday, settings.FirstDayOfWeek);
            Assert.True(host.Services.GetRequiredService<IKpiCatalog>().TryGet("renewal-revenue", out _));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("TimeZone", "Turkey Standard Time", "SalesKpi:TimeZone: 'Turkey Standard Time' is a Windows time zone id; use its IANA/TZDB id 'Europe/Istanbul'.")]
    [InlineData("TimeZone", "", "SalesKpi:TimeZone: a time zone id is required (IANA/TZDB, such as Europe/Istanbul).")]
    [InlineData("FirstDayOfWeek", "Sundy", "SalesKpi:FirstDayOfWeek: 'Sundy' is not a day of the week (Monday to Sunday, or 1 to 7). Did you mean 'Sunday'?")]
    [InlineData("FirstDayOfWeek", "0", "SalesKpi:FirstDayOfWeek: '0' is not a day of the week (Monday to Sunday, or 1 to 7).")]
    [InlineData("ReportingCurrency", "eur", "SalesKpi:ReportingCurrency: 'eur' is not an ISO 4217 currency code (three upper-case letters such as USD or EUR).")]
    [InlineData("FixedRateDate", "31/01/2025", "SalesKpi:FixedRateDate: '31/01/2025' is not a date (yyyy-MM-dd, such as 2025-01-31).")]
    [InlineData("TimeZon", "UTC", "SalesKpi:TimeZon: not a SalesKpi setting. Did you mean 'TimeZone'? The settings are TimeZone, FirstDayOfWeek, FiscalYearStartMonth, ReportingCurrency, FixedRateDate.")]
    public void Resolve_InvalidValue_ThrowsNamingTheKey(string key, string value, string expected)
    {
        var services = new ServiceCollection();
        services.AddSalesKpi(Section((key, value)));
        using var provider = Build(services);

        var e = Assert.ThrowsAny<InvalidOperationException>(() => provider.GetRequiredService<KpiEvaluator>());

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Resolve_NestedSection_ThrowsNamingTheKey()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi(Section(("TimeZone:Id", "UTC")));
        using var provider = Build(services);

        var e = Assert.ThrowsAny<InvalidOperationException>(() => provider.GetRequiredService<KpiSettings>());

        Assert.Equal("SalesKpi:TimeZone: expects a value, not a section.", e.Message);
    }

    [Fact]
    public void AddSalesKpi_EmptySection_KeepsTheDefaults()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi(Section());
        using var provider = Build(services);

        var settings = provider.GetRequiredService<KpiSettings>();

        Assert.Equal(KpiSettings.Default.Zone, settings.Zone);
        Assert.Equal(KpiSettings.Default.FiscalYearStartMonth, settings.FiscalYearStartMonth);
    }
}
