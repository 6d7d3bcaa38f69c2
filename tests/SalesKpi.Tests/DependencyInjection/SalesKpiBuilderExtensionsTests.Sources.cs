using Microsoft.Extensions.DependencyInjection;
using SalesKpi.Activities;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

public sealed partial class SalesKpiBuilderExtensionsTests
{
    /// <summary>Each way of registering a KPI, with how a later duplicate-id message names it.</summary>
    public static TheoryData<string, string> Registrations() => new()
    {
        { "instance", "AddKpi(MeasureKpiCalculator 'plain-demos')" },
        { "filtered", "AddFilteredKpi(\"plain-demos\", \"calls\")" },
        { "period-over-period", "AddPeriodOverPeriodKpi(\"plain-demos\", \"calls\")" },
        { "replaced by factory", "ReplaceKpi(\"calls\", factory)" },
        { "replaced by instance", "ReplaceKpi(MeasureKpiCalculator 'calls')" },
        { "replaced by type", "ReplaceKpi<ConnectedCallsOnlyCalculator>()" },
    };

    [Theory]
    [MemberData(nameof(Registrations))]
    public void AddKpi_IdRegisteredBefore_MessageNamesHowItWasRegistered(string how, string source)
    {
        var builder = new ServiceCollection().AddSalesKpi();
        var recountedCalls = new MeasureKpiCalculator(KpiIds.Calls, KpiMeasure.Count(KpiRecords.Activities.OfKind(SalesActivityKind.Call)));
        var id = how switch
        {
            "instance" => Register(() => builder.AddKpi(Demos), Demos.Id),
            "filtered" => Register(() => builder.AddFilteredKpi("plain-demos", KpiIds.Calls, KpiFilter.Activities(_ => true)), "plain-demos"),
            "period-over-period" => Register(() => builder.AddPeriodOverPeriodKpi("plain-demos", KpiIds.Calls), "plain-demos"),
            "replaced by factory" => Register(() => builder.ReplaceKpi(KpiIds.Calls, _ => recountedCalls), KpiIds.Calls),
            "replaced by instance" => Register(() => builder.ReplaceKpi(recountedCalls), KpiIds.Calls),
            _ => Register(() => builder.ReplaceKpi<ConnectedCallsOnlyCalculator>(), KpiIds.Calls),
        };

        var e = Assert.Throws<ArgumentException>("id", () => builder.AddKpi(id, _ => Kpis.Calls));

        Assert.Contains($"a KPI with id '{id}' is already registered ({source}).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKpiOfT_TypeRegisteredByTheApplicationFirst_ServesTheApplicationsInstance()
    {
        // The application's own registration of the type is kept (not a second one added), so the KPI is its instance.
        var mine = new RecountedCallsCalculator();
        var services = new ServiceCollection();
        services.AddSingleton(mine);
        services.AddSalesKpi().AddKpi<RecountedCallsCalculator>();
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        Assert.Single(services, d => d.ServiceType == typeof(RecountedCallsCalculator));
        Assert.Same(mine, provider.GetRequiredKeyedService<KpiCalculator>(RecountedCallsCalculator.KpiId));
    }

    [Fact]
    public void AddKpiOfT_TypeRegisteredOnlyAsAKeyedService_AddsItsOwnRegistration()
    {
        var services = new ServiceCollection();
        services.AddKeyedSingleton<RecountedCallsCalculator>("elsewhere");
        services.AddSalesKpi().AddKpi<RecountedCallsCalculator>();
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        Assert.Single(services, d => d.ServiceType == typeof(RecountedCallsCalculator) && !d.IsKeyedService);
        Assert.IsType<RecountedCallsCalculator>(provider.GetRequiredKeyedService<KpiCalculator>(RecountedCallsCalculator.KpiId));
    }

    [Fact]
    public void AddComposedKpi_NoComponentOrAnUnknownOne_MessagesSaySo()
    {
        var builder = new ServiceCollection().AddSalesKpi();

        var none = Assert.Throws<ArgumentException>("componentIds", () => builder.AddComposedKpi("a", [], c => c[0]));
        var unknown = Assert.Throws<ArgumentException>("componentIds", () => builder.AddComposedKpi("a", ["callz"], c => c[0]));
        var nothingToReplace = Assert.Throws<ArgumentException>("id", () => builder.ReplaceKpi("callz", _ => Kpis.Calls));

        Assert.StartsWith("A composed KPI needs at least one component.", none.Message, StringComparison.Ordinal);
        Assert.Contains("No KPI has the id 'callz' in the registered KPIs. Did you mean 'calls'?", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("No KPI has the id 'callz' in the registered KPIs. Did you mean 'calls'?", nothingToReplace.Message, StringComparison.Ordinal);
    }

    private static string Register(Func<ISalesKpiBuilder> register, string id)
    {
        register();
        return id;
    }
}
