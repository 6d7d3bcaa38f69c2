using NodaTime;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Extensibility;

/// <summary>
/// What a calculator may read during one evaluation: the settings, the data snapshot, the clock and the services of
/// the application. Calculators read no global state.
/// </summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiCalculatorContext
{
    /// <summary>Initializes a context.</summary>
    /// <param name="settings">The evaluation settings.</param>
    /// <param name="data">The data snapshot being evaluated.</param>
    /// <param name="clock">The clock that says what "now" is, or null when none is configured.</param>
    /// <param name="services">The application's services, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> or <paramref name="data"/> is null.</exception>
    public KpiCalculatorContext(KpiSettings settings, SalesData data, IClock? clock = null, IServiceProvider? services = null)
    {
        Settings = Preconditions.CheckNotNull(settings);
        Data = Preconditions.CheckNotNull(data);
        Clock = clock;
        Services = services;
    }

    /// <summary>Gets the evaluation settings.</summary>
    public KpiSettings Settings { get; }

    /// <summary>Gets the data snapshot being evaluated, for look-ups across collections (such as a lead's source).</summary>
    public SalesData Data { get; }

    /// <summary>Gets the clock.</summary>
    /// <value>The clock, or null when none was configured.</value>
    public IClock? Clock { get; }

    /// <summary>Gets the application's services.</summary>
    /// <value>The service provider, or null outside dependency injection.</value>
    public IServiceProvider? Services { get; }

    /// <summary>Returns the clock, or throws when none was configured.</summary>
    /// <param name="kpiId">The KPI that needs it, for the message.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpiId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No clock was configured.</exception>
    public IClock RequireClock(string kpiId)
    {
        Preconditions.CheckNotNull(kpiId);
        return Clock ?? throw new InvalidOperationException($"KPI '{kpiId}' needs a clock for 'now'; pass an IClock to the KpiEvaluator (or register one with AddSalesKpi).");
    }

    /// <summary>Creates an empty money total that converts into the reporting currency under these settings.</summary>
    /// <returns>A new total.</returns>
    public MoneyTotal CreateMoneyTotal() => new(Settings);
}
