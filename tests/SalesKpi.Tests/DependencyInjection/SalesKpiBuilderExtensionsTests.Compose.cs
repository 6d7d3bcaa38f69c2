using Microsoft.Extensions.DependencyInjection;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

public sealed partial class SalesKpiBuilderExtensionsTests
{
    [Fact]
    public void AddRatioKpi_OfABuiltInAndACustomKpi_EvaluatesTheRatio()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi()
            .AddKpi<DemosCalculator>()
            .AddRatioKpi("demos-per-deal", DemosCalculator.KpiId, KpiIds.DealsWon, KpiDirection.LowerIsBetter);
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var kpi = Assert.IsType<RatioKpiCalculator>(provider.GetRequiredService<IKpiCatalog>().Get("demos-per-deal"));

        Assert.Equal(KpiDirection.LowerIsBetter, kpi.Direction);
        Assert.Same(provider.GetRequiredKeyedService<KpiCalculator>(DemosCalculator.KpiId), kpi.Numerator);
        Assert.Same(Kpis.DealsWon, kpi.Denominator);
        Assert.Equal(1.5m, kpi.Evaluate(SampleData.Create(), SampleData.January).Value);
    }

    [Fact]
    public void AddRatioKpi_UnknownComponent_ThrowsAtRegistrationSuggestingTheNearestId()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        var e = Assert.Throws<ArgumentException>("denominatorId", () => builder.AddRatioKpi("calls-per-deal", KpiIds.Calls, "deals-wonn"));

        Assert.Contains("No KPI has the id 'deals-wonn'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'deals-won'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRatioKpi_ComponentRegisteredLater_ThrowsAtRegistration()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        var e = Assert.Throws<ArgumentException>("numeratorId", () => builder.AddRatioKpi("demos-per-deal", DemosCalculator.KpiId, KpiIds.DealsWon));

        Assert.Contains("Register a component before the KPIs composed of it", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRatioKpi_DuplicateOrInvalidId_ThrowsAtRegistration()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        Assert.Throws<ArgumentException>("id", () => builder.AddRatioKpi(KpiIds.CallToMeetingRate, KpiIds.Meetings, KpiIds.Calls));
        Assert.Throws<ArgumentException>("id", () => builder.AddRatioKpi("Calls/Deal", KpiIds.Calls, KpiIds.DealsWon));
        Assert.Throws<ArgumentException>("numeratorId", () => builder.AddRatioKpi("loop", "loop", KpiIds.DealsWon));
    }

    [Fact]
    public void AddRatioKpi_ComposedOfItself_MessageNamesTheCallAndTheKpi()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        var e = Assert.Throws<ArgumentException>("denominatorId", () => builder.AddRatioKpi("loop", KpiIds.Calls, "loop"));

        Assert.StartsWith(
            "AddRatioKpi(\"loop\", \"calls\", \"loop\"): KPI 'loop' cannot be composed of itself.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AddRatioKpi_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        Assert.Throws<ArgumentNullException>("builder", () => SalesKpiBuilderExtensions.AddRatioKpi(null!, "a", "b", "c"));
        Assert.Throws<ArgumentNullException>("id", () => builder.AddRatioKpi(null!, "b", "c"));
        Assert.Throws<ArgumentNullException>("numeratorId", () => builder.AddRatioKpi("a", null!, "c"));
        Assert.Throws<ArgumentNullException>("denominatorId", () => builder.AddRatioKpi("a", "b", null!));
    }

    [Fact]
    public void AddRatioKpi_ComponentReplacedAfterwards_UsesTheReplacement()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi()
            .AddRatioKpi("calls-per-deal", KpiIds.Calls, KpiIds.DealsWon)
            .ReplaceKpi<ConnectedCallsOnlyCalculator>();
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var kpi = provider.GetRequiredService<IKpiCatalog>().Get("calls-per-deal");

        Assert.Equal(1.5m, kpi.Evaluate(SampleData.Create(), SampleData.January).Value); // 3 connected calls / 2 deals
    }

    [Fact]
    public void AddFilteredKpi_EvaluatesTheComponentOverTheKeptRecords()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddFilteredKpi("ayse-calls", KpiIds.Calls, KpiFilter.Activities(a => a.Owner == SampleData.Ayse));
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var kpi = Assert.IsType<FilteredKpiCalculator>(provider.GetRequiredService<IKpiCatalog>().Get("ayse-calls"));

        Assert.Same(Kpis.Calls, kpi.Inner);
        Assert.Equal(3m, kpi.Evaluate(SampleData.Create(), SampleData.January).Value);
    }

    [Fact]
    public void AddFilteredKpi_InvalidArguments_Throw()
    {
        var builder = new ServiceCollection().AddSalesKpi();
        var filter = KpiFilter.Activities(_ => true);

        Assert.Throws<ArgumentNullException>("filter", () => builder.AddFilteredKpi("a", KpiIds.Calls, null!));
        Assert.Throws<ArgumentNullException>("kpiId", () => builder.AddFilteredKpi("a", null!, filter));
        Assert.Throws<ArgumentException>("kpiId", () => builder.AddFilteredKpi("a", "nope", filter));
        Assert.Throws<ArgumentException>("id", () => builder.AddFilteredKpi(KpiIds.Calls, KpiIds.Meetings, filter));
    }

    [Fact]
    public void AddPeriodOverPeriodKpi_EvaluatesTheChange()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddPeriodOverPeriodKpi("calls-growth", KpiIds.Calls);
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var kpi = provider.GetRequiredService<IKpiCatalog>().Get("calls-growth");
        var report = kpi.Evaluate(SampleData.Create(), SampleData.JanuaryToFebruary, KpiGrouping.None, PeriodUnit.Month);

        Assert.Equal(0.2m, report.Get("calls-growth", periodIndex: 1).Value); // 5 -> 6
    }

    [Fact]
    public void AddPeriodOverPeriodKpi_InvalidArguments_Throw()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        Assert.Throws<ArgumentNullException>("kpiId", () => builder.AddPeriodOverPeriodKpi("a", null!));
        Assert.Throws<ArgumentException>("kpiId", () => builder.AddPeriodOverPeriodKpi("a", "nope"));
    }

    [Fact]
    public void AddComposedKpi_PassesTheComponentsInOrder()
    {
        IReadOnlyList<KpiCalculator>? seen = null;
        var services = new ServiceCollection();
        services.AddSalesKpi().AddComposedKpi("meetings-per-call", [KpiIds.Meetings, KpiIds.Calls], c =>
        {
            seen = c;
            return c[0].DividedBy(c[1], "meetings-per-call");
        });
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        provider.GetRequiredService<IKpiCatalog>();

        Assert.Equal([Kpis.Meetings, Kpis.Calls], seen);
    }

    [Fact]
    public void AddComposedKpi_InvalidArguments_Throw()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        Assert.Throws<ArgumentNullException>("componentIds", () => builder.AddComposedKpi("a", null!, c => c[0]));
        Assert.Throws<ArgumentNullException>("compose", () => builder.AddComposedKpi("a", [KpiIds.Calls], null!));
        Assert.Throws<ArgumentException>("componentIds", () => builder.AddComposedKpi("a", [], c => c[0]));
        Assert.Throws<ArgumentNullException>("componentIds", () => builder.AddComposedKpi("a", [null!], c => c[0]));
        Assert.Throws<ArgumentException>("componentIds", () => builder.AddComposedKpi("a", ["nope"], c => c[0]));
    }

    [Fact]
    public void AddComposedKpi_NullOrUnknownComponent_MessageNamesTheCall()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        var nullComponent = Assert.Throws<ArgumentNullException>("componentIds", () => builder.AddComposedKpi("a", [KpiIds.Calls, null!], c => c[0]));
        var unknown = Assert.Throws<ArgumentException>("componentIds", () => builder.AddComposedKpi("a", ["nope"], c => c[0]));

        Assert.StartsWith("AddComposedKpi(\"a\"): a component id is null.", nullComponent.Message, StringComparison.Ordinal);
        Assert.StartsWith("AddComposedKpi(\"a\"): ", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("'nope'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddComposedKpi_ComposeReturnsAnotherId_FailsWhenCreated()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddComposedKpi("meetings-per-call", [KpiIds.Meetings, KpiIds.Calls], c => c[0].DividedBy(c[1], "meeting-rate"));
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IKpiCatalog>());

        Assert.Contains("'meetings-per-call'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'meeting-rate'", e.Message, StringComparison.Ordinal);
    }
}
