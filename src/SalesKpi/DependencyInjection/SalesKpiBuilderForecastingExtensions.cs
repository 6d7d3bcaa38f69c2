using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesKpi.Planning;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Extension methods that register SalesKpi's forecasting services in a service collection.</summary>
public static class SalesKpiBuilderForecastingExtensions
{
    /// <summary>
    /// Registers <see cref="ForecastAccuracyCalculator"/> and <see cref="AttainmentProjectionCalculator"/> as singletons,
    /// built from options the callbacks configure (the defaults otherwise: revenue against commit forecasts; no quota).
    /// A later call replaces the calculators of an earlier one.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configureAccuracy">Configures the accuracy's options, or null for the defaults.</param>
    /// <param name="configureProjection">Configures the projection's options (its quotas), or null for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>Both are evaluated with the registered <c>KpiEvaluator</c>, whose settings decide the zone and the currency:
    /// <c>sp.GetRequiredService&lt;ForecastAccuracyCalculator&gt;().Evaluate(sp.GetRequiredService&lt;KpiEvaluator&gt;(), data, submissions)</c>.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid (a measure that is not money); thrown here, before the container is built.</exception>
    public static ISalesKpiBuilder AddForecasting(
        this ISalesKpiBuilder builder,
        Action<ForecastAccuracyOptions>? configureAccuracy = null,
        Action<AttainmentProjectionOptions>? configureProjection = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var accuracy = new ForecastAccuracyOptions();
        configureAccuracy?.Invoke(accuracy);
        var projection = new AttainmentProjectionOptions();
        configureProjection?.Invoke(projection);
        builder.Services.Replace(ServiceDescriptor.Singleton(new ForecastAccuracyCalculator(accuracy)));
        builder.Services.Replace(ServiceDescriptor.Singleton(new AttainmentProjectionCalculator(projection)));
        return builder;
    }
}
