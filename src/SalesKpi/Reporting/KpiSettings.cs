using System.Diagnostics.Contracts;
using NodaTime;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// How KPIs are evaluated: the time zone that decides which period an event falls in, the first day of the week, the
/// first month of the fiscal year, the reporting currency with the exchange rates that convert into it, and the
/// working-day calendar of activity plans.
/// </summary>
/// <remarks>
/// <para>Start from <see cref="Default"/> and change what you need with the <c>WithXxx</c> methods; each validates its
/// argument. An event is in a period when its local date in <see cref="Zone"/> is one of the period's dates; NodaTime
/// decides local dates, so daylight-saving transitions are handled exactly.</para>
/// <para>Money: with no <see cref="ReportingCurrency"/>, every amount summed must be in one currency, or evaluation
/// fails with <see cref="InvalidOperationException"/>. With a reporting currency and no <see cref="ExchangeRates"/>,
/// amounts in other currencies fail the same way. With both, amounts are converted at the rate of
/// <see cref="FixedRateDate"/> or, when it is null, of the event's local date (a deal's close date, an opportunity's
/// decisive date, the first day of the part of a spend record that falls in the period: a record straddling two
/// periods converts each share at its own date); an amount with no rate is left out and counted in
/// <see cref="KpiValue.UnpricedCount"/>.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiSettings
{
    // The local ticks of the calendar's first date and of the day after its last (as if in UTC): a local date-time outside them has no LocalDate.
    private static readonly long MinLocalTicks = Instant.MinValue.ToUnixTimeTicks();
    private static readonly long EndLocalTicks = Instant.MaxValue.ToUnixTimeTicks() + 1;

    private KpiSettings(
        DateTimeZone zone,
        IsoDayOfWeek firstDayOfWeek,
        int fiscalYearStartMonth,
        Currency? reportingCurrency,
        IExchangeRateProvider? exchangeRates,
        LocalDate? fixedRateDate,
        WorkingDayCalendar workingDays)
    {
        Zone = zone;
        FirstDayOfWeek = firstDayOfWeek;
        FiscalYearStartMonth = fiscalYearStartMonth;
        ReportingCurrency = reportingCurrency;
        ExchangeRates = exchangeRates;
        FixedRateDate = fixedRateDate;
        WorkingDays = workingDays;
    }

    /// <summary>Gets the default settings: UTC, ISO weeks starting on Monday, the fiscal year starting in January, no reporting currency.</summary>
    public static KpiSettings Default { get; } = new(DateTimeZone.Utc, IsoDayOfWeek.Monday, 1, null, null, null, WorkingDayCalendar.MondayToFriday);

    /// <summary>Gets the time zone that decides local dates.</summary>
    /// <value>The default value is UTC.</value>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the first day of a week bucket.</summary>
    /// <value>The default value is Monday, which gives ISO weeks (labelled <c>2025-W01</c>).</value>
    public IsoDayOfWeek FirstDayOfWeek { get; }

    /// <summary>Gets the month (1–12) in which the fiscal year starts.</summary>
    /// <value>The default value is 1 (January): the fiscal year is the calendar year.</value>
    public int FiscalYearStartMonth { get; }

    /// <summary>Gets the currency money KPIs are reported in.</summary>
    /// <value>The default value is null: every amount must be in one currency.</value>
    public Currency? ReportingCurrency { get; }

    /// <summary>Gets the exchange rates that convert amounts into <see cref="ReportingCurrency"/>.</summary>
    /// <value>The default value is null: no conversion.</value>
    public IExchangeRateProvider? ExchangeRates { get; }

    /// <summary>Gets the one date whose rates convert every amount.</summary>
    /// <value>The default value is null: each amount is converted at its event's date.</value>
    public LocalDate? FixedRateDate { get; }

    /// <summary>Gets the working-day calendar that activity plans divide their volumes by.</summary>
    /// <value>The default value is <see cref="WorkingDayCalendar.MondayToFriday"/>, with no holidays.</value>
    public WorkingDayCalendar WorkingDays { get; }

    /// <summary>Returns a copy with another working-day calendar.</summary>
    /// <param name="workingDays">The calendar: weekend days and holidays.</param>
    /// <returns>New settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workingDays"/> is null.</exception>
    [Pure]
    public KpiSettings WithWorkingDays(WorkingDayCalendar workingDays) =>
        new(Zone, FirstDayOfWeek, FiscalYearStartMonth, ReportingCurrency, ExchangeRates, FixedRateDate, Preconditions.CheckNotNull(workingDays));

    /// <summary>Returns a copy with another time zone.</summary>
    /// <param name="zone">The time zone.</param>
    /// <returns>New settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    [Pure]
    public KpiSettings WithZone(DateTimeZone zone) =>
        new(Preconditions.CheckNotNull(zone), FirstDayOfWeek, FiscalYearStartMonth, ReportingCurrency, ExchangeRates, FixedRateDate, WorkingDays);

    /// <summary>Returns a copy with the time zone of the given IANA (TZDB) identifier, such as <c>Europe/Istanbul</c>.</summary>
    /// <param name="zoneId">The TZDB identifier.</param>
    /// <returns>New settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="zoneId"/> is not a known TZDB identifier.</exception>
    [Pure]
    public KpiSettings WithZone(string zoneId)
    {
        Preconditions.CheckNotNull(zoneId);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new ArgumentException($"'{zoneId}' is not a known time zone identifier (IANA/TZDB, such as Europe/Istanbul).", nameof(zoneId));
        return WithZone(zone);
    }

    /// <summary>Returns a copy whose weeks start on another day.</summary>
    /// <param name="firstDayOfWeek">The first day of a week bucket.</param>
    /// <returns>New settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstDayOfWeek"/> is not a day of the week.</exception>
    [Pure]
    public KpiSettings WithFirstDayOfWeek(IsoDayOfWeek firstDayOfWeek)
    {
        Preconditions.CheckRange(
            firstDayOfWeek is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday,
            firstDayOfWeek,
            "The first day of the week must be Monday to Sunday.",
            nameof(firstDayOfWeek));
        return new(Zone, firstDayOfWeek, FiscalYearStartMonth, ReportingCurrency, ExchangeRates, FixedRateDate, WorkingDays);
    }

    /// <summary>Returns a copy whose fiscal year starts in another month.</summary>
    /// <param name="month">The first month of the fiscal year, 1 to 12.</param>
    /// <returns>New settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is outside 1–12.</exception>
    [Pure]
    public KpiSettings WithFiscalYearStartMonth(int month)
    {
        Preconditions.CheckRange(month is >= 1 and <= 12, month, "The fiscal year start month must be 1 to 12.", nameof(month));
        return new(Zone, FirstDayOfWeek, month, ReportingCurrency, ExchangeRates, FixedRateDate, WorkingDays);
    }

    /// <summary>Returns a copy that reports money in another currency, optionally converting with exchange rates.</summary>
    /// <param name="currency">The reporting currency, or null for "the one currency of the data".</param>
    /// <param name="exchangeRates">The rates that convert other currencies into it, or null for none.</param>
    /// <param name="fixedRateDate">The one rate date for every amount, or null for each event's own date.</param>
    /// <returns>New settings.</returns>
    /// <exception cref="ArgumentException"><paramref name="exchangeRates"/> is given without a <paramref name="currency"/>.</exception>
    [Pure]
    public KpiSettings WithReportingCurrency(Currency? currency, IExchangeRateProvider? exchangeRates = null, LocalDate? fixedRateDate = null)
    {
        Preconditions.CheckArgument(
            exchangeRates is null || currency is not null,
            nameof(exchangeRates),
            "Exchange rates need a reporting currency to convert into.");
        return new(Zone, FirstDayOfWeek, FiscalYearStartMonth, currency, exchangeRates, fixedRateDate, WorkingDays);
    }

    /// <summary>Returns the local date of an instant in <see cref="Zone"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>
    /// The local date. Near the ends of time the local date of an instant can lie outside NodaTime's calendar (for
    /// example <see cref="Instant.MaxValue"/> is already the next day, 10000-01-01, in a zone ahead of UTC): such a
    /// date saturates to <see cref="LocalDate.MaxIsoValue"/> (or <see cref="LocalDate.MinIsoValue"/> before the start of
    /// the calendar), so that this method returns a date for every instant and never throws.
    /// </returns>
    public LocalDate LocalDateOf(Instant instant)
    {
        // The offset of any instant is known; only the local date-time it gives may be out of the calendar's range.
        var offset = Zone.GetUtcOffset(instant);
        var localTicks = instant.ToUnixTimeTicks() + offset.Ticks;
        if (localTicks < MinLocalTicks)
        {
            return LocalDate.MinIsoValue;
        }

        if (localTicks >= EndLocalTicks)
        {
            return LocalDate.MaxIsoValue;
        }

        return instant.WithOffset(offset).Date;
    }

    /// <summary>Returns the instant a local date starts at in <see cref="Zone"/> (daylight-saving aware).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The first instant of the date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The start of <paramref name="date"/> in <see cref="Zone"/> is not a
    /// representable <see cref="Instant"/> (between <see cref="Instant.MinValue"/> and <see cref="Instant.MaxValue"/>):
    /// this happens only for dates at the very ends of the calendar, such as <see cref="LocalDate.MinIsoValue"/> in a zone
    /// ahead of UTC. Every date from <see cref="KpiQuery.MinDate"/> to the day after <see cref="KpiQuery.MaxDate"/> has a start in every zone.</exception>
    public Instant StartOf(LocalDate date) =>
        TryStartOf(date) ?? throw new ArgumentOutOfRangeException(
            nameof(date),
            date,
            string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"The start of {date:uuuu-MM-dd} in the time zone {Zone.Id} is outside the range of instants NodaTime can represent ({Instant.MinValue} to {Instant.MaxValue})."));

    /// <summary>Returns the start of the date in the zone, or the end of time it would pass (<see cref="Instant.MinValue"/> or <see cref="Instant.MaxValue"/>): for boundaries of spans.</summary>
    internal Instant SaturatingStartOf(LocalDate date) =>
        TryStartOf(date) ?? (date.Year < 0 ? Instant.MinValue : Instant.MaxValue);

    private Instant? TryStartOf(LocalDate date)
    {
        try
        {
            // Past the ends, NodaTime may return one of its out-of-range sentinel instants instead of throwing.
            var start = Zone.AtStartOfDay(date).ToInstant();
            return start >= Instant.MinValue && start <= Instant.MaxValue ? start : null;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
