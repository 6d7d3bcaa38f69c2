using System.Diagnostics.CodeAnalysis;
using SalesKpi;
using SalesKpi.Reporting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What <c>AddSalesKpi</c> and the builder registered: every KPI id in registration order with the descriptors that
/// serve it, and the settings built so far. One instance per service collection, held in it as a singleton, so every
/// builder over the collection sees the same registrations.
/// </summary>
/// <remarks>
/// <para>Registration runs on one thread, before the container is built; the container reads the ids once, when it
/// creates the catalog.</para>
/// </remarks>
internal sealed class KpiRegistrations
{
    private readonly List<KpiRegistration> _entries = [];
    private readonly Dictionary<string, KpiRegistration> _byId = new(StringComparer.Ordinal);

    public KpiRegistrations(KpiSettings settings) => Settings = settings;

    /// <summary>Gets or sets the settings built so far by <c>ConfigureSettings</c>, <c>UseSettings</c> and <c>UseExchangeRates</c>.</summary>
    public KpiSettings Settings { get; set; }

    /// <summary>Gets or sets a value indicating whether the exchange-rate provider is built by the container (<c>UseExchangeRates&lt;TProvider&gt;</c>).</summary>
    public bool ExchangeRatesFromContainer { get; set; }

    /// <summary>Gets the changes to the settings made when the container creates them (<c>ConfigureSettingsFromServices</c>), in registration order.</summary>
    public List<Action<IServiceProvider, KpiSettingsOptions>> SettingsOnBuild { get; } = [];

    /// <summary>Gets the registered ids, in registration order.</summary>
    public IEnumerable<string> Ids => _entries.Select(e => e.Id);

    /// <summary>Returns the settings the container serves: <see cref="Settings"/>, with the container's exchange-rate provider when it builds one.</summary>
    public static KpiSettings ResolveSettings(IServiceProvider services)
    {
        var r = services.GetRequiredService<KpiRegistrations>();
        var settings = r.ExchangeRatesFromContainer
            ? r.Settings.WithReportingCurrency(r.Settings.ReportingCurrency, services.GetRequiredService<IExchangeRateProvider>(), r.Settings.FixedRateDate)
            : r.Settings;
        if (r.SettingsOnBuild.Count == 0)
        {
            return settings;
        }

        var options = new KpiSettingsOptions(settings);
        foreach (var configure in r.SettingsOnBuild)
        {
            configure(services, options);
        }

        return options.ToSettings();
    }

    public static KpiRegistrations? Find(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var d = services[i];
            if (d.ServiceType == typeof(KpiRegistrations) && !d.IsKeyedService && d.ImplementationInstance is KpiRegistrations found)
            {
                return found;
            }
        }

        return null;
    }

    public static KpiRegistrations Of(ISalesKpiBuilder builder) =>
        Find(builder.Services)
        ?? throw new InvalidOperationException(
            "SalesKpi is not registered in this service collection: call services.AddSalesKpi() and use the builder it returns.");

    public bool TryGet(string id, [NotNullWhen(true)] out KpiRegistration? registration) => _byId.TryGetValue(id, out registration);

    public void Add(KpiRegistration registration)
    {
        _entries.Add(registration);
        _byId.Add(registration.Id, registration);
    }

    /// <summary>Puts <paramref name="registration"/> in the place of the registration with the same id, keeping the catalog order.</summary>
    public void Replace(KpiRegistration registration)
    {
        var index = _entries.FindIndex(e => string.Equals(e.Id, registration.Id, StringComparison.Ordinal));
        _entries[index] = registration;
        _byId[registration.Id] = registration;
    }
}

/// <summary>One registered KPI: its id, how it was registered (for messages) and the descriptors that serve it.</summary>
internal sealed class KpiRegistration(string id, string source, IReadOnlyList<ServiceDescriptor> descriptors)
{
    public string Id { get; } = id;

    /// <summary>Gets how the KPI was registered, such as <c>AddKpi&lt;DemosCalculator&gt;()</c> or <c>built-in</c>.</summary>
    public string Source { get; } = source;

    /// <summary>Gets the descriptors added for this KPI, removed again when it is replaced.</summary>
    public IReadOnlyList<ServiceDescriptor> Descriptors { get; } = descriptors;
}
