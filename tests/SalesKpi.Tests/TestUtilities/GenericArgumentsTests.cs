using Microsoft.Extensions.DependencyInjection;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Tests.Calculators;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>Proves that <see cref="GenericArguments"/> picks a type argument that meets every constraint.</summary>
public sealed class GenericArgumentsTests
{
    [Fact]
    public void TryClose_ClassConstraint_TakesTheFirstDomainRecord() =>
        Assert.Equal(typeof(KpiInput<Opportunity>), GenericArguments.TryClose(typeof(KpiInput<>)));

    [Fact]
    public void TryClose_KpiDefinitionConstraint_TakesAKpiThatDeclaresItsId()
    {
        var method = typeof(SalesKpiBuilderExtensions).GetMethods().Single(m => m.Name == "AddKpi" && m.IsGenericMethodDefinition);

        var closed = GenericArguments.TryClose(method);

        var argument = Assert.Single(Assert.IsAssignableFrom<System.Reflection.MethodInfo>(closed).GetGenericArguments());
        Assert.True(typeof(KpiCalculator).IsAssignableFrom(argument) && typeof(IKpiDefinition).IsAssignableFrom(argument), argument.Name);
    }

    [Fact]
    public void TryClose_ProviderConstraint_TakesAnExchangeRateProvider()
    {
        var method = typeof(SalesKpiBuilderSettingsExtensions).GetMethods().Single(m => m.Name == "UseExchangeRates" && m.IsGenericMethodDefinition);

        Assert.Equal(typeof(FakeExchangeRates), Assert.Single(GenericArguments.TryClose(method)!.GetGenericArguments()));
    }

    [Fact]
    public void TryClose_NoCandidateFits_ReturnsNull() =>
        Assert.Null(GenericArguments.TryClose(typeof(NeedsDisposableStruct<>)));

    private sealed class NeedsDisposableStruct<T>
        where T : struct, IDisposable;
}
