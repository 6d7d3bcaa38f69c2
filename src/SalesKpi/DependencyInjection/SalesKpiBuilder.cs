namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The builder <see cref="SalesKpiServiceCollectionExtensions.AddSalesKpi(IServiceCollection)"/> returns.</summary>
internal sealed class SalesKpiBuilder(IServiceCollection services) : ISalesKpiBuilder
{
    public IServiceCollection Services { get; } = services;
}
