using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Extension methods that register SalesKpi in an <see cref="IServiceCollection"/>.
/// </summary>
public static class SalesKpiServiceCollectionExtensions
{
    /// <summary>
    /// Adds SalesKpi to the service collection: every built-in KPI, the catalog, the evaluator, the settings and the
    /// clock. Calling it again adds nothing.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder that adds the application's own KPIs and configures the settings.</returns>
    /// <remarks>
    /// <para>Registers, as singletons:</para>
    /// <list type="bullet">
    /// <item><description>each KPI of <see cref="Kpis.All"/> as a keyed <see cref="KpiCalculator"/> under its id
    /// (<c>GetRequiredKeyedService&lt;KpiCalculator&gt;("close-rate")</c>, or
    /// <c>[FromKeyedServices("close-rate")] KpiCalculator closeRate</c> in a constructor);</description></item>
    /// <item><description><see cref="IKpiCatalog"/>, listing every registered KPI, built-in or added with the builder,
    /// and resolving one by id;</description></item>
    /// <item><description><see cref="KpiEvaluator"/>, built from the settings, the clock and the root service provider
    /// (which custom calculators read through <see cref="KpiCalculatorContext.Services"/>);</description></item>
    /// <item><description><see cref="SalesKpi.Pipeline.PipelineWaterfallCalculator"/>, built from the settings;</description></item>
    /// <item><description><see cref="KpiSettings"/>: <see cref="KpiSettings.Default"/> until the builder configures
    /// them;</description></item>
    /// <item><description>a NodaTime <see cref="IClock"/>: the system clock, unless the application registered a clock
    /// already or calls <c>UseClock</c>.</description></item>
    /// </list>
    /// <para>Every registration is a <c>TryAdd</c>: a second call finds SalesKpi registered and adds no descriptor,
    /// and a service the application registered first is kept.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static ISalesKpiBuilder AddSalesKpi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (KpiRegistrations.Find(services) is null)
        {
            var registrations = new KpiRegistrations(ExistingSettings(services) ?? KpiSettings.Default);
            services.TryAddSingleton(registrations);
            foreach (var kpi in Kpis.All)
            {
                var descriptor = ServiceDescriptor.KeyedSingleton(kpi.Id, kpi);
                services.TryAdd(descriptor);
                registrations.Add(new KpiRegistration(kpi.Id, "built-in", [descriptor]));
            }
        }

        services.TryAddSingleton(KpiRegistrations.ResolveSettings);
        services.TryAddSingleton<IKpiCatalog>(static sp => new KpiCatalog(
            sp.GetRequiredService<KpiRegistrations>().Ids.Select(id => sp.GetRequiredKeyedService<KpiCalculator>(id))));
        services.TryAddSingleton(static sp => new KpiEvaluator(sp.GetRequiredService<KpiSettings>(), sp.GetRequiredService<IClock>(), sp));
        services.TryAddSingleton(static sp => new SalesKpi.Pipeline.PipelineWaterfallCalculator(sp.GetRequiredService<KpiSettings>()));
#pragma warning disable RS0030 // The DI default is the one use of the system clock the library allows; tests and apps replace it with UseClock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        return new SalesKpiBuilder(services);
    }

    /// <summary>
    /// Adds SalesKpi to the service collection, as <see cref="AddSalesKpi(IServiceCollection)"/> does, and configures it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds KPIs and configures the settings, such as
    /// <c>kpi =&gt; kpi.ConfigureSettings(s =&gt; s.TimeZone = "Europe/Istanbul").AddKpi&lt;DemosCalculator&gt;()</c>; it runs
    /// at once, so an invalid setting or a duplicate KPI id throws here, before the container is built.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static ISalesKpiBuilder AddSalesKpi(this IServiceCollection services, Action<ISalesKpiBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddSalesKpi();
        configure(builder);
        return builder;
    }

    private static KpiSettings? ExistingSettings(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(KpiSettings) && !d.IsKeyedService)?.ImplementationInstance as KpiSettings;
}
