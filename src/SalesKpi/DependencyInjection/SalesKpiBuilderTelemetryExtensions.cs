using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesKpi.Diagnostics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Extension methods that register SalesKpi's metrics in a service collection.</summary>
public static class SalesKpiBuilderTelemetryExtensions
{
    /// <summary>
    /// Registers <see cref="KpiMetrics"/> as a singleton, on a meter of its own named <c>SalesKpi</c>, which the
    /// container disposes with it. Calling it again adds nothing.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>The application publishes reports to it, such as from a scheduled evaluation:
    /// <c>services.GetRequiredService&lt;KpiMetrics&gt;().Publish(report)</c>, and turns the meter on with its listener,
    /// such as OpenTelemetry's <c>AddMeter("SalesKpi")</c>.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISalesKpiBuilder AddKpiMetrics(this ISalesKpiBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(static _ => new KpiMetrics());
        return builder;
    }
}
