using Microsoft.Extensions.DependencyInjection;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

public sealed class ConfigureSettingsFromServicesTests
{
    private sealed record ZoneSource(string Zone);

    [Fact]
    public void ConfigureSettingsFromServices_RunsWhenTheSettingsAreCreated_AfterTheCodeSettingsWhateverTheOrder()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ZoneSource("Europe/Istanbul"));
        var runs = 0;
        services.AddSalesKpi()
            .ConfigureSettingsFromServices((sp, s) =>
            {
                runs++;
                s.TimeZone = sp.GetRequiredService<ZoneSource>().Zone;
            })
            .ConfigureSettings(s =>
            {
                s.TimeZone = "Asia/Tokyo";
                s.FiscalYearStartMonth = 4;
            });
        Assert.Equal(0, runs);
        using var provider = services.BuildServiceProvider();

        var settings = provider.GetRequiredService<KpiSettings>();

        Assert.Equal(1, runs);
        Assert.Equal("Europe/Istanbul", settings.Zone.Id);
        Assert.Equal(4, settings.FiscalYearStartMonth);
        Assert.Same(settings, provider.GetRequiredService<KpiEvaluator>().Settings);
    }

    [Fact]
    public void ConfigureSettingsFromServices_InvalidSetting_ThrowsWhenResolvedNamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().ConfigureSettingsFromServices((_, s) => s.FiscalYearStartMonth = 13);
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<KpiSettings>());

        Assert.StartsWith("SalesKpi setting FiscalYearStartMonth:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureSettingsFromServices_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderSettingsExtensions.ConfigureSettingsFromServices(null!, (_, _) => { }));
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddSalesKpi().ConfigureSettingsFromServices(null!));
    }
}
