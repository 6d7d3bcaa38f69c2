using Microsoft.Extensions.DependencyInjection;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

public sealed partial class SalesKpiBuilderExtensionsTests
{
    private static readonly KpiCalculator Demos = new MeasureKpiCalculator("plain-demos", KpiMeasure.Count(KpiRecords.Activities.OfKind(SampleData.Demo)));

    [Fact]
    public void AddKpiOfT_RegistersTheTypeAndAKeyedSingletonListedLastInTheCatalog()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddKpi<RecountedCallsCalculator>();

        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var keyed = provider.GetRequiredKeyedService<KpiCalculator>(RecountedCallsCalculator.KpiId);
        Assert.IsType<RecountedCallsCalculator>(keyed);
        Assert.Same(keyed, provider.GetRequiredService<RecountedCallsCalculator>());
        Assert.Same(keyed, provider.GetRequiredService<IKpiCatalog>().All[^1]);
        Assert.Same(keyed, provider.GetRequiredService<IKpiCatalog>().Get(RecountedCallsCalculator.KpiId));
    }

    [Fact]
    public void AddKpiOfT_ActivatesWithConstructorInjection()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDemoPolicy, FixedDemoPolicy>();
        services.AddSalesKpi().AddKpi<PolicyDemosCalculator>();
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var kpi = provider.GetRequiredService<IKpiCatalog>().Get(PolicyDemosCalculator.KpiId);

        Assert.Equal(3m, provider.GetRequiredService<KpiEvaluator>().Evaluate(kpi, SampleData.Create(), SampleData.January).Value);
    }

    [Fact]
    public void AddKpiOfT_DuplicateId_ThrowsAtRegistration()
    {
        var builder = new ServiceCollection().AddSalesKpi().AddKpi<RecountedCallsCalculator>();

        var e = Assert.Throws<ArgumentException>("TKpi", () => builder.AddKpi<RecountedCallsCalculator>());

        Assert.Contains("'recounted-calls' is already registered (AddKpi<RecountedCallsCalculator>())", e.Message, StringComparison.Ordinal);
        Assert.Contains("ReplaceKpi", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKpiOfT_IdOfABuiltIn_ThrowsAtRegistration()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        var e = Assert.Throws<ArgumentException>("TKpi", () => builder.AddKpi<ConnectedCallsOnlyCalculator>());

        Assert.Contains("'calls' is already registered (built-in)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKpiOfT_IdNotKebabCase_ThrowsAtRegistration()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        var e = Assert.Throws<ArgumentException>("TKpi", () => builder.AddKpi<BadlyNamedCalculator>());

        Assert.Contains("'Badly_Named' is not a valid KPI id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKpiOfT_AbstractType_ThrowsAtRegistration()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        var e = Assert.Throws<ArgumentException>("TKpi", () => builder.AddKpi<AbstractDemosCalculator>());

        Assert.Contains("is abstract", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKpiOfT_InstanceIdDiffersFromDeclaredId_FailsWhenCreatedNamingBoth()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddKpi<MislabelledCalculator>();
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IKpiCatalog>());

        Assert.Contains("'mislabelled'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'something-else'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKpiWithFactory_FactoryReturnsNull_FailsWhenCreatedNamingTheRegistration()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddKpi("nothing", _ => null!);
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IKpiCatalog>());

        Assert.Equal("AddKpi(\"nothing\", factory) created no KPI (null) for id 'nothing'.", e.Message);
    }

    [Fact]
    public void AddKpiOfT_WithoutAddSalesKpi_ThrowsSayingSo()
    {
        var builder = new ForeignBuilder(new ServiceCollection());

        var e = Assert.Throws<InvalidOperationException>(() => builder.AddKpi<RecountedCallsCalculator>());

        Assert.Contains("AddSalesKpi()", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKpiOfT_NullBuilder_Throws()
    {
        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderExtensions.AddKpi<RecountedCallsCalculator>(null!));
    }

    [Fact]
    public void AddKpiWithFactory_CreatesTheKpiOnceFromTheServices()
    {
        var calls = 0;
        var services = new ServiceCollection();
        services.AddSingleton<IDemoPolicy, FixedDemoPolicy>();
        services.AddSalesKpi().AddKpi("factory-demos", sp =>
        {
            calls++;
            var kind = sp.GetRequiredService<IDemoPolicy>().DemoKind;
            return new MeasureKpiCalculator("factory-demos", KpiMeasure.Count(KpiRecords.Activities.OfKind(kind)));
        });
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var kpi = provider.GetRequiredService<IKpiCatalog>().Get("factory-demos");

        Assert.Same(kpi, provider.GetRequiredKeyedService<KpiCalculator>("factory-demos"));
        Assert.Equal(1, calls);
        Assert.Equal(3m, kpi.Evaluate(SampleData.Create(), SampleData.January).Value);
    }

    [Fact]
    public void AddKpiWithFactory_DuplicateId_ThrowsAtRegistration()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        var e = Assert.Throws<ArgumentException>("id", () => builder.AddKpi(KpiIds.Revenue, _ => Kpis.Revenue));

        Assert.Contains("'revenue' is already registered (built-in)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Demos")]
    [InlineData("demos per deal")]
    [InlineData("demos--per-deal")]
    [InlineData("-demos")]
    [InlineData("")]
    public void AddKpiWithFactory_IdNotKebabCase_ThrowsAtRegistration(string badId)
    {
        var builder = new ServiceCollection().AddSalesKpi();

        var e = Assert.Throws<ArgumentException>("id", () => builder.AddKpi(badId, _ => Demos));

        Assert.Contains("is not a valid KPI id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKpiWithFactory_FactoryReturnsAnotherId_FailsWhenCreated()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddKpi("other-demos", _ => Demos);
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<KpiCalculator>("other-demos"));

        Assert.Contains("registered under id 'other-demos' but created a KPI whose Id is 'plain-demos'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKpiWithFactory_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderExtensions.AddKpi(null!, "x", _ => Demos));
        Assert.Throws<ArgumentNullException>("id", () => builder.AddKpi(null!, _ => Demos));
        Assert.Throws<ArgumentNullException>("factory", () => builder.AddKpi("x", (Func<IServiceProvider, KpiCalculator>)null!));
    }

    [Fact]
    public void AddKpiInstance_RegistersItUnderItsId()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddKpi(Demos);
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        Assert.Same(Demos, provider.GetRequiredKeyedService<KpiCalculator>("plain-demos"));
        Assert.Same(Demos, provider.GetRequiredService<IKpiCatalog>().Get("plain-demos"));
    }

    [Fact]
    public void AddKpiInstance_DuplicateId_ThrowsAtRegistration()
    {
        var builder = new ServiceCollection().AddSalesKpi().AddKpi(Demos);

        Assert.Throws<ArgumentException>("kpi", () => builder.AddKpi(Demos));
        Assert.Throws<ArgumentException>("kpi", () => builder.AddKpi(Kpis.CloseRate));
    }

    [Fact]
    public void AddKpiInstance_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderExtensions.AddKpi(null!, Demos));
        Assert.Throws<ArgumentNullException>("kpi", () => new ServiceCollection().AddSalesKpi().AddKpi((KpiCalculator)null!));
    }

    [Fact]
    public void AddKpi_FailedRegistration_LeavesTheServicesUnchanged()
    {
        var builder = new ServiceCollection().AddSalesKpi().AddKpi(Demos);
        var before = builder.Services.ToArray();

        Assert.Throws<ArgumentException>(() => builder.AddKpi(Demos));
        Assert.Throws<ArgumentException>(() => builder.AddKpi<BadlyNamedCalculator>());
        Assert.Throws<ArgumentException>(() => builder.AddRatioKpi("x-per-y", "x", "y"));

        Assert.Equal(before, builder.Services.ToArray());
    }

    private sealed class ForeignBuilder(IServiceCollection services) : ISalesKpiBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
