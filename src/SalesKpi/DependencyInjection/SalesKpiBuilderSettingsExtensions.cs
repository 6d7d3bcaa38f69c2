using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using SalesKpi;
using SalesKpi.Reporting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Extension methods that configure the settings, the clock and the exchange rates of SalesKpi.
/// </summary>
/// <remarks>
/// <para>Each method runs at once and validates what it is given, so an invalid setting throws at registration, before
/// the container is built, with a message that names the setting. The container serves the resulting immutable
/// <see cref="KpiSettings"/> as a singleton.</para>
/// </remarks>
public static class SalesKpiBuilderSettingsExtensions
{
    /// <summary>Changes settings: the delegate receives the current settings as <see cref="KpiSettingsOptions"/>, and what it sets is validated at once.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the time zone, week start, fiscal-year start, reporting currency or fixed rate date,
    /// such as <c>s =&gt; s.TimeZone = "Europe/Istanbul"</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it, such as
    /// <c>SalesKpi setting TimeZone: 'Mars/Base' is not a known time zone</c>. Or SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder ConfigureSettings(this ISalesKpiBuilder builder, Action<KpiSettingsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var registrations = KpiRegistrations.Of(builder);
        var options = new KpiSettingsOptions(registrations.Settings);
        configure(options);
        var settings = options.ToSettings();
        if (registrations.ExchangeRatesFromContainer && settings.ReportingCurrency is null)
        {
            throw new InvalidOperationException(
                "SalesKpi setting ReportingCurrency: exchange rates are configured (UseExchangeRates), so a reporting currency to convert into is required.");
        }

        return Apply(builder, registrations, settings, registrations.ExchangeRatesFromContainer);
    }

    /// <summary>
    /// Changes settings when the container creates them, from its services: the delegate receives the settings made in
    /// code as <see cref="KpiSettingsOptions"/>, and what it sets is validated then. Configuration binding
    /// (SalesKpi.Extensions.Hosting) is built on it.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the settings from the application's services, such as from its configuration.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>The delegates run once, in registration order, when <see cref="KpiSettings"/> (or the evaluator) is first
    /// resolved, after every setting made in code (<see cref="ConfigureSettings"/>,
    /// <see cref="UseSettings"/>, <c>UseExchangeRates</c>), whatever the order of the calls: what they set wins. An
    /// invalid setting then throws <see cref="InvalidOperationException"/> from the resolution, with the message of
    /// <see cref="KpiSettingsOptions.ToSettings"/> or the one the delegate throws.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder ConfigureSettingsFromServices(this ISalesKpiBuilder builder, Action<IServiceProvider, KpiSettingsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        KpiRegistrations.Of(builder).SettingsOnBuild.Add(configure);
        return builder;
    }

    /// <summary>Replaces every setting, exchange rates included, with the given settings.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="settings">The settings, such as <c>KpiSettings.Default.WithZone("Europe/Istanbul")</c>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>An exchange-rate provider added before with <see cref="UseExchangeRates{TProvider}"/> is no longer used; call it
    /// after this method to add one.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="settings"/> is null.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder UseSettings(this ISalesKpiBuilder builder, KpiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        return Apply(builder, KpiRegistrations.Of(builder), settings, exchangeRatesFromContainer: false);
    }

    /// <summary>Uses the given clock for "now", in place of the system clock; tests pass a NodaTime <c>FakeClock</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="clock"/> is null.</exception>
    public static ISalesKpiBuilder UseClock(this ISalesKpiBuilder builder, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(clock);
        RemoveUnkeyed(builder.Services, typeof(IClock));
        builder.Services.AddSingleton(clock);
        return builder;
    }

    /// <summary>Reports money in <paramref name="reportingCurrency"/>, converting other currencies with the given provider.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="reportingCurrency">The currency money KPIs are reported in.</param>
    /// <param name="provider">The exchange rates; also registered as the <see cref="IExchangeRateProvider"/> service.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="provider"/> is null.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder UseExchangeRates(this ISalesKpiBuilder builder, Currency reportingCurrency, IExchangeRateProvider provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(provider);
        var registrations = KpiRegistrations.Of(builder);
        RemoveUnkeyed(builder.Services, typeof(IExchangeRateProvider));
        builder.Services.AddSingleton(provider);
        var settings = registrations.Settings.WithReportingCurrency(reportingCurrency, provider, registrations.Settings.FixedRateDate);
        return Apply(builder, registrations, settings, exchangeRatesFromContainer: false);
    }

    /// <summary>
    /// Reports money in <paramref name="reportingCurrency"/>, converting other currencies with a provider the container
    /// builds with constructor injection (a rates client that needs other services).
    /// </summary>
    /// <typeparam name="TProvider">The provider, registered as the singleton <see cref="IExchangeRateProvider"/>; a
    /// dependency it lacks fails the container's <c>ValidateOnBuild</c>.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="reportingCurrency">The currency money KPIs are reported in.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder UseExchangeRates<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>(
        this ISalesKpiBuilder builder,
        Currency reportingCurrency)
        where TProvider : class, IExchangeRateProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        var registrations = KpiRegistrations.Of(builder);
        RemoveUnkeyed(builder.Services, typeof(IExchangeRateProvider));
        builder.Services.AddSingleton<IExchangeRateProvider, TProvider>();
        var settings = registrations.Settings.WithReportingCurrency(reportingCurrency, null, registrations.Settings.FixedRateDate);
        return Apply(builder, registrations, settings, exchangeRatesFromContainer: true);
    }

    private static ISalesKpiBuilder Apply(ISalesKpiBuilder builder, KpiRegistrations registrations, KpiSettings settings, bool exchangeRatesFromContainer)
    {
        registrations.Settings = settings;
        registrations.ExchangeRatesFromContainer = exchangeRatesFromContainer;

        // Settings the application registered itself before AddSalesKpi give way to the ones configured here.
        RemoveUnkeyed(builder.Services, typeof(KpiSettings));
        builder.Services.TryAddSingleton(KpiRegistrations.ResolveSettings);
        return builder;
    }

    private static void RemoveUnkeyed(IServiceCollection services, Type serviceType)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == serviceType && !services[i].IsKeyedService)
            {
                services.RemoveAt(i);
            }
        }
    }
}
