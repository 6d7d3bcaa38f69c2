using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesKpi.BuiltIn;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

/// <summary>The docs/dependency-injection.md example of configuring a built-in KPI's options: stage-conversion ordered and with a window.</summary>
public sealed class StageConversionRegistrationTests
{
    [Fact]
    public void ReplaceKpi_WithAConfiguredStageConversion_IsWhatTheCatalogAndTheKeyedServiceGive()
    {
        var services = new ServiceCollection();

        // <snippet:di-stage-conversion>
        services.AddSalesKpi()
            .ReplaceKpi(new StageConversionCalculator(new StageConversionOptions
            {
                Mode = StageConversionMode.Ordered, // a skipped stage is no conversion
                Window = Period.FromDays(30),       // proposal within 30 calendar days of the first appointment
            }));
        // </snippet:di-stage-conversion>

        using var provider = services.BuildServiceProvider(SampleData.Strict);
        var kpi = Assert.IsType<StageConversionCalculator>(provider.GetRequiredKeyedService<KpiCalculator>(KpiIds.StageConversion));
        Assert.Same(kpi, provider.GetRequiredService<IKpiCatalog>().Get(KpiIds.StageConversion));
        Assert.Equal((StageConversionMode.Ordered, Period.FromDays(30)), (kpi.Mode, kpi.Window));
    }
}
