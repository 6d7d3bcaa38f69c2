using Microsoft.Extensions.DependencyInjection;
using SalesKpi.BuiltIn;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

public sealed partial class SalesKpiBuilderExtensionsTests
{
    [Fact]
    public void ReplaceKpiOfT_BuiltIn_ServesTheReplacementInTheSamePlace()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().ReplaceKpi<ConnectedCallsOnlyCalculator>();
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var catalog = provider.GetRequiredService<IKpiCatalog>();
        var calls = provider.GetRequiredKeyedService<KpiCalculator>(KpiIds.Calls);

        Assert.IsType<ConnectedCallsOnlyCalculator>(calls);
        Assert.Same(calls, catalog.Get(KpiIds.Calls));
        Assert.Equal(Kpis.All.Select(k => k.Id), catalog.All.Select(k => k.Id));
        Assert.Equal(3m, calls.Evaluate(SampleData.Create(), SampleData.January).Value);
        Assert.Single(services, d => d.ServiceType == typeof(KpiCalculator) && Equals(d.ServiceKey, KpiIds.Calls));
    }

    [Fact]
    public void ReplaceKpiOfT_BuiltInDerivedKpis_KeepTheirOwnDefinition()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().ReplaceKpi<ConnectedCallsOnlyCalculator>();
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        Assert.Same(Kpis.CallToMeetingRate, provider.GetRequiredService<IKpiCatalog>().Get(KpiIds.CallToMeetingRate));
    }

    [Fact]
    public void ReplaceKpiOfT_IdNotRegistered_ThrowsAtRegistration()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        var e = Assert.Throws<ArgumentException>("TKpi", () => builder.ReplaceKpi<RecountedCallsCalculator>());

        Assert.Contains("nothing to replace", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplaceKpiOfT_ReplacedTypeNoLongerValidated()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi()
            .AddKpi<PolicyDemosCalculator>() // needs an IDemoPolicy nobody registered...
            .ReplaceKpi(PolicyDemosCalculator.KpiId, _ => Demos.Where(KpiFilter.Activities(_ => true), PolicyDemosCalculator.KpiId)); // ...until replaced

        using var provider = services.BuildServiceProvider(SampleData.Strict);

        Assert.IsType<FilteredKpiCalculator>(provider.GetRequiredService<IKpiCatalog>().Get(PolicyDemosCalculator.KpiId));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(PolicyDemosCalculator));
    }

    [Fact]
    public void ReplaceKpiWithInstance_BuiltInWithOtherOptions()
    {
        var cohort = new CloseRateCalculator(new CloseRateOptions { Population = CloseRatePopulation.Cohort });
        var services = new ServiceCollection();
        services.AddSalesKpi().ReplaceKpi(cohort);
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        Assert.Same(cohort, provider.GetRequiredService<IKpiCatalog>().Get(KpiIds.CloseRate));
        Assert.Same(cohort, provider.GetRequiredKeyedService<KpiCalculator>(KpiIds.CloseRate));
    }

    [Fact]
    public void ReplaceKpiWithInstance_IdNotRegistered_ThrowsSuggestingTheNearestId()
    {
        var builder = new ServiceCollection().AddSalesKpi();
        var misnamed = Kpis.CloseRate.Where(KpiFilter.Deals(_ => true), "close-rates");

        var e = Assert.Throws<ArgumentException>("kpi", () => builder.ReplaceKpi(misnamed));

        Assert.Contains("Did you mean 'close-rate'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplaceKpiWithFactory_CustomKpi_ReplacesIt()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddKpi(Demos).ReplaceKpi(Demos.Id, _ => new RecountedCallsCalculator().Where(KpiFilter.Activities(_ => true), Demos.Id));
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var kpi = provider.GetRequiredService<IKpiCatalog>().Get(Demos.Id);

        Assert.Equal(5m, kpi.Evaluate(SampleData.Create(), SampleData.January).Value);
    }

    [Fact]
    public void ReplaceKpi_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderExtensions.ReplaceKpi<ConnectedCallsOnlyCalculator>(null!));
        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderExtensions.ReplaceKpi(null!, Kpis.Calls));
        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderExtensions.ReplaceKpi(null!, "calls", _ => Kpis.Calls));
        Assert.Throws<ArgumentNullException>("kpi", () => builder.ReplaceKpi((KpiCalculator)null!));
        Assert.Throws<ArgumentNullException>("id", () => builder.ReplaceKpi(null!, _ => Kpis.Calls));
        Assert.Throws<ArgumentNullException>("factory", () => builder.ReplaceKpi("calls", null!));
    }
}
