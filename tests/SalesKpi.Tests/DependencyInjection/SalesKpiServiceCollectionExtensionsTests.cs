using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

public sealed class SalesKpiServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSalesKpi_NullServices_Throws()
    {
        Assert.Throws<ArgumentNullException>("services", () => SalesKpiServiceCollectionExtensions.AddSalesKpi(null!));
        Assert.Throws<ArgumentNullException>("services", () => SalesKpiServiceCollectionExtensions.AddSalesKpi(null!, _ => { }));
    }

    [Fact]
    public void AddSalesKpi_NullConfigure_Throws()
    {
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddSalesKpi(null!));
    }

    [Fact]
    public void AddSalesKpi_ReturnsBuilderOverTheSameServices()
    {
        var services = new ServiceCollection();

        var builder = services.AddSalesKpi();

        Assert.Same(services, builder.Services);
    }

    [Fact]
    public void AddSalesKpi_CalledTwice_AddsNoDescriptor()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi();
        var once = services.ToArray();

        services.AddSalesKpi();
        services.AddSalesKpi(_ => { });

        Assert.Equal(once, services.ToArray());
    }

    [Fact]
    public void AddSalesKpi_CalledTwiceAfterCustomKpis_KeepsThemAndAddsNothing()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddKpi<RecountedCallsCalculator>().ReplaceKpi<ConnectedCallsOnlyCalculator>();
        var before = services.Count;

        services.AddSalesKpi();

        Assert.Equal(before, services.Count);
        using var provider = services.BuildServiceProvider(SampleData.Strict);
        Assert.IsType<ConnectedCallsOnlyCalculator>(provider.GetRequiredKeyedService<KpiCalculator>(KpiIds.Calls));
        Assert.Equal(Kpis.All.Length + 1, provider.GetRequiredService<IKpiCatalog>().All.Length);
    }

    [Fact]
    public void AddSalesKpi_RegistersEveryBuiltInAsKeyedSingletonUnderItsId()
    {
        using var provider = new ServiceCollection().AddSalesKpi().Services.BuildServiceProvider(SampleData.Strict);

        Assert.All(Kpis.All, kpi => Assert.Same(kpi, provider.GetRequiredKeyedService<KpiCalculator>(kpi.Id)));
        Assert.Null(provider.GetKeyedService<KpiCalculator>("no-such-kpi"));
    }

    [Fact]
    public void AddSalesKpi_Catalog_ListsTheBuiltInsInCatalogOrder()
    {
        using var provider = new ServiceCollection().AddSalesKpi().Services.BuildServiceProvider(SampleData.Strict);

        var catalog = provider.GetRequiredService<IKpiCatalog>();

        Assert.Equal<KpiCalculator>(Kpis.All, catalog.All);
        Assert.Same(Kpis.CloseRate, catalog.Get(KpiIds.CloseRate));
    }

    [Fact]
    public void AddSalesKpi_CoreServices_AreSingletons()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi();

        foreach (var type in new[] { typeof(IKpiCatalog), typeof(KpiEvaluator), typeof(KpiSettings), typeof(IClock) })
        {
            Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == type && !d.IsKeyedService).Lifetime);
        }

        Assert.All(services.Where(d => d.ServiceType == typeof(KpiCalculator)), d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }

    [Fact]
    public void AddSalesKpi_ResolvedFromScopes_SameSingletonsEverywhere()
    {
        using var provider = new ServiceCollection().AddSalesKpi().AddKpi<RecountedCallsCalculator>().Services.BuildServiceProvider(SampleData.Strict);
        using var scope1 = provider.CreateScope();
        using var scope2 = provider.CreateScope();

        Assert.Same(provider.GetRequiredService<IKpiCatalog>(), scope1.ServiceProvider.GetRequiredService<IKpiCatalog>());
        Assert.Same(scope1.ServiceProvider.GetRequiredService<KpiEvaluator>(), scope2.ServiceProvider.GetRequiredService<KpiEvaluator>());
        Assert.Same(
            scope1.ServiceProvider.GetRequiredKeyedService<KpiCalculator>(RecountedCallsCalculator.KpiId),
            scope2.ServiceProvider.GetRequiredKeyedService<KpiCalculator>(RecountedCallsCalculator.KpiId));
    }

    [Fact]
    public void AddSalesKpi_Evaluator_UsesTheRegisteredSettingsClockAndRootServices()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 20, 12, 0));
        using var provider = new ServiceCollection().AddSalesKpi().UseClock(clock).Services.BuildServiceProvider(SampleData.Strict);

        var evaluator = provider.GetRequiredService<KpiEvaluator>();

        Assert.Same(provider.GetRequiredService<KpiSettings>(), evaluator.Settings);
        Assert.Same(clock, evaluator.Clock);
        Assert.NotNull(evaluator.Services);
        Assert.Same(evaluator, evaluator.Services.GetRequiredService<KpiEvaluator>());
    }

    [Fact]
    public void AddSalesKpi_Default_UsesTheSystemClockAndDefaultSettings()
    {
        using var provider = new ServiceCollection().AddSalesKpi().Services.BuildServiceProvider(SampleData.Strict);

#pragma warning disable RS0030 // The test checks that the DI default is the system clock.
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
#pragma warning restore RS0030
        Assert.Same(KpiSettings.Default, provider.GetRequiredService<KpiSettings>());
    }

    [Fact]
    public void AddSalesKpi_ClockRegisteredByTheAppFirst_IsKept()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 1, 0, 0));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);

        services.AddSalesKpi();

        using var provider = services.BuildServiceProvider(SampleData.Strict);
        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.Same(clock, provider.GetRequiredService<KpiEvaluator>().Clock);
    }

    [Fact]
    public void AddSalesKpi_SettingsRegisteredByTheAppFirst_AreKeptAndConfigureStartsFromThem()
    {
        var services = new ServiceCollection();
        services.AddSingleton(KpiSettings.Default.WithZone("Europe/Istanbul"));
        services.AddSingleton<IDemoPolicy, FixedDemoPolicy>(); // registered after the settings: not mistaken for them

        var builder = services.AddSalesKpi();
        using (var provider = services.BuildServiceProvider(SampleData.Strict))
        {
            Assert.Equal("Europe/Istanbul", provider.GetRequiredService<KpiSettings>().Zone.Id);
        }

        builder.ConfigureSettings(s => s.FiscalYearStartMonth = 4);
        using (var provider = services.BuildServiceProvider(SampleData.Strict))
        {
            var settings = provider.GetRequiredService<KpiSettings>();
            Assert.Equal("Europe/Istanbul", settings.Zone.Id);
            Assert.Equal(4, settings.FiscalYearStartMonth);
        }
    }

    [Fact]
    public void AddSalesKpi_WithConfigure_RunsItAtOnce()
    {
        var services = new ServiceCollection();
        ISalesKpiBuilder? seen = null;

        var builder = services.AddSalesKpi(b => seen = b.AddKpi<RecountedCallsCalculator>());

        Assert.Same(builder.Services, seen!.Services);
        Assert.Contains(services, d => d.ServiceType == typeof(RecountedCallsCalculator));
    }

    [Fact]
    public void AddSalesKpi_BuiltWithValidateScopesAndValidateOnBuild_Succeeds()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDemoPolicy, FixedDemoPolicy>();
        services.AddSalesKpi()
            .AddKpi<RecountedCallsCalculator>()
            .AddKpi<PolicyDemosCalculator>()
            .AddKpi<DealsWonPaceCalculator>()
            .AddRatioKpi("calls-per-deal", KpiIds.Calls, KpiIds.DealsWon);

        using var provider = services.BuildServiceProvider(SampleData.Strict);
        using var scope = provider.CreateScope();

        Assert.Equal(Kpis.All.Length + 4, scope.ServiceProvider.GetRequiredService<IKpiCatalog>().All.Length);
    }

    [Fact]
    public void AddSalesKpi_CustomKpiDependingOnAScopedService_FailsWhenTheContainerIsBuilt()
    {
        var services = new ServiceCollection();
        services.AddScoped<IDemoPolicy, FixedDemoPolicy>();
        services.AddSalesKpi().AddKpi<PolicyDemosCalculator>();

        var e = Assert.Throws<AggregateException>(() => services.BuildServiceProvider(SampleData.Strict));

        Assert.Contains(e.InnerExceptions, x => x.Message.Contains("Cannot consume scoped service", StringComparison.Ordinal)
            && x.Message.Contains(nameof(IDemoPolicy), StringComparison.Ordinal));
    }

    [Fact]
    public void AddSalesKpi_CustomKpiDependingOnAnUnregisteredService_FailsWhenTheContainerIsBuilt()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddKpi<PolicyDemosCalculator>();

        var e = Assert.Throws<AggregateException>(() => services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));

        Assert.Contains(e.InnerExceptions, x => x.Message.Contains($"Unable to resolve service for type '{typeof(IDemoPolicy).FullName}'", StringComparison.Ordinal)
            && x.Message.Contains(nameof(PolicyDemosCalculator), StringComparison.Ordinal));
    }

    [Fact]
    public void AddSalesKpi_CustomKpiDependingOnAnUnregisteredKeyedKpi_FailsAtRegistration_NamingTheId()
    {
        var services = new ServiceCollection();

        // DemosPerWonDealCalculator takes [FromKeyedServices("demos")]; "demos" is never registered. The container's own
        // error, at BuildServiceProvider, would name the type only.
        var e = Assert.Throws<ArgumentException>(() => services.AddSalesKpi().AddKpi<DemosPerWonDealCalculator>());

        Assert.Equal("TKpi", e.ParamName);
        Assert.Contains("takes the KPI 'demos'", e.Message, StringComparison.Ordinal);
        Assert.Contains("No KPI has the id 'demos' in the registered KPIs", e.Message, StringComparison.Ordinal);
        Assert.Contains("Register the KPIs it takes before it.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSalesKpi_CustomKpiDependingOnAMistypedKeyedKpi_SuggestsTheRegisteredOne()
    {
        var services = new ServiceCollection();
        var builder = services.AddSalesKpi().AddKpi<DemosCalculator>();

        // "demo" is one letter from "demos", registered before: the message suggests it.
        var e = Assert.Throws<ArgumentException>(() => builder.AddKpi<TakesDemo>());

        Assert.Contains("Did you mean 'demos'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSalesKpi_CustomKpiDependingOnARegisteredKeyedKpi_Builds()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddKpi<DemosCalculator>().AddKpi<DemosPerWonDealCalculator>();

        using var provider = services.BuildServiceProvider(SampleData.Strict);

        Assert.Equal("demos-per-won-deal", provider.GetRequiredKeyedService<KpiCalculator>("demos-per-won-deal").Id);
    }

    /// <summary>A KPI that takes the mistyped id "demo".</summary>
    private sealed class TakesDemo([FromKeyedServices("demo")] KpiCalculator demo) : DerivedKpiCalculator(KpiId, [demo]), IKpiDefinition
    {
        public static string KpiId => "takes-demo";

        public override KpiUnit Unit => KpiUnit.Count;

        public override KpiDirection Direction => KpiDirection.HigherIsBetter;

        public override string Description => "takes demo";

        public override KpiValue Combine(KpiCombination values) => values.Current(0);
    }
}
