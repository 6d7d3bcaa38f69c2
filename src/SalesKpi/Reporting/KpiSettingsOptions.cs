using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// The <see cref="KpiSettings"/> as plain settable properties — the shape of a configuration section or of the
/// <c>ConfigureSettings</c> delegate of <c>AddSalesKpi</c> — turned into validated settings by <see cref="ToSettings"/>.
/// </summary>
/// <remarks>
/// <para>Nothing is validated when a property is set; <see cref="ToSettings"/> validates them all and names the setting
/// at fault, such as <c>SalesKpi setting TimeZone: 'Mars/Base' is not a known time zone</c>.</para>
/// </remarks>
/// <threadsafety>This type is mutable and not thread-safe; the settings it builds are immutable.</threadsafety>
public sealed class KpiSettingsOptions
{
    private readonly DateTimeZone _seedZone;
    private readonly IExchangeRateProvider? _exchangeRates;

    /// <summary>Initializes options with the values of <see cref="KpiSettings.Default"/>.</summary>
    public KpiSettingsOptions()
        : this(KpiSettings.Default)
    {
    }

    /// <summary>Initializes options with the values of existing settings, whose exchange rates <see cref="ToSettings"/> keeps.</summary>
    /// <param name="settings">The settings to start from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public KpiSettingsOptions(KpiSettings settings)
    {
        Preconditions.CheckNotNull(settings);
        _seedZone = settings.Zone;
        _exchangeRates = settings.ExchangeRates;
        TimeZone = settings.Zone.Id;
        FirstDayOfWeek = settings.FirstDayOfWeek;
        FiscalYearStartMonth = settings.FiscalYearStartMonth;
        ReportingCurrency = settings.ReportingCurrency?.Code;
        FixedRateDate = settings.FixedRateDate;
        WorkingDays = settings.WorkingDays;
    }

    /// <summary>Gets or sets the IANA (TZDB) id of the time zone that decides local dates, such as <c>Europe/Istanbul</c>.</summary>
    /// <value>The default value is <c>UTC</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string TimeZone { get; set => field = Preconditions.CheckSetNotNull(value); }

    /// <summary>Gets or sets the first day of a week bucket.</summary>
    /// <value>The default value is <see cref="IsoDayOfWeek.Monday"/>.</value>
    public IsoDayOfWeek FirstDayOfWeek { get; set; }

    /// <summary>Gets or sets the month, 1 to 12, in which the fiscal year starts.</summary>
    /// <value>The default value is 1 (January).</value>
    public int FiscalYearStartMonth { get; set; }

    /// <summary>Gets or sets the ISO 4217 code of the currency money KPIs are reported in, such as <c>EUR</c>.</summary>
    /// <value>The default value is null: every amount must be in one currency.</value>
    public string? ReportingCurrency { get; set; }

    /// <summary>Gets or sets the one date whose exchange rates convert every amount.</summary>
    /// <value>The default value is null: each amount is converted at its event's date.</value>
    public LocalDate? FixedRateDate { get; set; }

    /// <summary>Gets or sets the working-day calendar (weekend days and holidays) of activity plans.</summary>
    /// <value>The default value is <see cref="WorkingDayCalendar.MondayToFriday"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public WorkingDayCalendar WorkingDays { get; set => field = Preconditions.CheckSetNotNull(value); }

    /// <summary>Validates the options and returns the settings they describe.</summary>
    /// <returns>New immutable settings.</returns>
    /// <exception cref="InvalidOperationException">A setting is invalid: the message begins with <c>SalesKpi setting</c> and its
    /// name (<c>TimeZone</c>, <c>FirstDayOfWeek</c>, <c>FiscalYearStartMonth</c>, <c>ReportingCurrency</c>, <c>WorkingDays</c>).</exception>
    public KpiSettings ToSettings()
    {
        var zone = ResolveZone();
        Check(
            FirstDayOfWeek is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday,
            nameof(FirstDayOfWeek),
            $"'{FirstDayOfWeek}' is not a day of the week (Monday to Sunday).");
        Check(
            FiscalYearStartMonth is >= 1 and <= 12,
            nameof(FiscalYearStartMonth),
            string.Create(CultureInfo.InvariantCulture, $"{FiscalYearStartMonth} is outside 1-12 (the month the fiscal year starts in)."));
        Currency? currency = null;
        if (ReportingCurrency is { } code)
        {
            Check(Currency.IsValidCode(code), nameof(ReportingCurrency), $"'{code}' is not an ISO 4217 currency code (three upper-case letters such as USD or EUR).");
            currency = new Currency(code);
        }

        Check(
            _exchangeRates is null || currency is not null,
            nameof(ReportingCurrency),
            "exchange rates are configured, so a reporting currency to convert into is required.");
        Check(WorkingDays is not null, nameof(WorkingDays), "a working-day calendar is required (WorkingDayCalendar.MondayToFriday by default).");
        return KpiSettings.Default
            .WithZone(zone)
            .WithFirstDayOfWeek(FirstDayOfWeek)
            .WithFiscalYearStartMonth(FiscalYearStartMonth)
            .WithReportingCurrency(currency, _exchangeRates, FixedRateDate)
            .WithWorkingDays(WorkingDays);
    }

    private static void Check([DoesNotReturnIf(false)] bool condition, string setting, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"SalesKpi setting {setting}: {message}");
        }
    }

    private DateTimeZone ResolveZone()
    {
        Check(!string.IsNullOrWhiteSpace(TimeZone), nameof(TimeZone), "a time zone id is required (IANA/TZDB, such as Europe/Istanbul).");
        if (string.Equals(TimeZone, _seedZone.Id, StringComparison.Ordinal))
        {
            return _seedZone;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone);
        Check(zone is not null, nameof(TimeZone), $"'{TimeZone}' is not a known time zone (an IANA/TZDB id such as Europe/Istanbul).");
        return zone;
    }
}
