using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesKpi.Extensions.Hosting;
using SalesKpi.Reporting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Extension methods that bind the SalesKpi settings from configuration, such as the <c>SalesKpi</c> section of
/// <c>appsettings.json</c>, and validate them when the host starts.
/// </summary>
/// <remarks>
/// <para>The section's keys are the properties of <see cref="KpiSettingsOptions"/>: <c>TimeZone</c> (an IANA/TZDB id),
/// <c>FirstDayOfWeek</c> (<c>Monday</c> to <c>Sunday</c>, or 1 to 7), <c>FiscalYearStartMonth</c> (1 to 12),
/// <c>ReportingCurrency</c> (an ISO 4217 code; empty for none) and <c>FixedRateDate</c> (<c>yyyy-MM-dd</c>; empty for
/// none). A key the section lacks keeps the value set in code, or the default; a key it has wins over the code,
/// whatever the order of the calls. Keys are case-insensitive, as configuration keys are.</para>
/// <para>Every error names its configuration key, such as
/// <c>SalesKpi:TimeZone: 'Europe/Istanbl' is not a time zone id. Did you mean 'Europe/Istanbul'?</c>. A host started
/// with invalid settings fails in <c>StartAsync</c> with an <see cref="OptionsValidationException"/> that lists every
/// error (<c>ValidateOnStart</c>); without a host, resolving <see cref="KpiSettings"/> or the evaluator throws
/// <see cref="InvalidOperationException"/>. The settings are read once, when the container first creates them: a
/// configuration reloaded later does not change them.</para>
/// </remarks>
public static class SalesKpiConfigurationExtensions
{
    /// <summary>
    /// Adds SalesKpi to the service collection, as <c>AddSalesKpi()</c> does, with the settings bound from a
    /// configuration section.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, such as <c>builder.Configuration.GetSection("SalesKpi")</c>.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static ISalesKpiBuilder AddSalesKpi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSalesKpi().BindConfiguration(configuration);
    }

    /// <summary>Binds the settings from a configuration section, validated when the host starts.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section, such as <c>builder.Configuration.GetSection("SalesKpi")</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configuration"/> is null.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder BindConfiguration(this ISalesKpiBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.ConfigureSettingsFromServices((_, options) => ConfigurationSettings.Bind(configuration, options));
        builder.Services.AddOptions<SettingsCheck>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SettingsCheck>, SettingsValidator>());
        return builder;
    }
}
