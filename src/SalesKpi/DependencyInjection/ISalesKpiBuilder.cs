namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures SalesKpi in a service collection: returned by <c>services.AddSalesKpi()</c>, it takes the application's
/// own KPIs, replacements of built-in ones, the settings and the clock.
/// </summary>
/// <remarks>
/// <para>Everything the builder does is an extension method over <see cref="Services"/> (<c>AddKpi</c>,
/// <c>ReplaceKpi</c>, <c>ConfigureSettings</c>, <c>UseClock</c>, …), so an extension written by another library is as
/// capable as a built-in one.</para>
/// </remarks>
public interface ISalesKpiBuilder
{
    /// <summary>Gets the service collection SalesKpi is registered in.</summary>
    IServiceCollection Services { get; }
}
