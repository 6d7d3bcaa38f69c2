using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// Composition and one-line evaluation of any <see cref="KpiCalculator"/>, built-in or custom.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in the collection they take; the optional settings are the same trailing parameter in each.")]
public static class KpiCalculatorExtensions
{
    /// <summary>Returns the KPI evaluated only over the records the filter keeps.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="filter">The records to keep.</param>
    /// <param name="id">The filtered KPI's id; the KPI's own id when null.</param>
    /// <returns>The filtered KPI.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/> or <paramref name="filter"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public static KpiCalculator Where(this KpiCalculator kpi, KpiFilter filter, string? id = null)
    {
        Preconditions.CheckNotNull(kpi);
        return new FilteredKpiCalculator(id ?? kpi.Id, kpi, filter);
    }

    /// <summary>Returns the ratio of this KPI to another as a new KPI, such as calls per deal.</summary>
    /// <param name="numerator">The KPI divided.</param>
    /// <param name="denominator">The KPI it is divided by.</param>
    /// <param name="id">The new KPI's id.</param>
    /// <returns>The ratio KPI.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public static KpiCalculator DividedBy(this KpiCalculator numerator, KpiCalculator denominator, string id) =>
        new RatioKpiCalculator(id, numerator, denominator);

    /// <summary>Returns the period-over-period change of this KPI as a new KPI.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="id">The new KPI's id.</param>
    /// <returns>The change KPI.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public static KpiCalculator PeriodOverPeriod(this KpiCalculator kpi, string id) =>
        new PeriodOverPeriodKpiCalculator(id, Preconditions.CheckNotNull(kpi));

    /// <summary>Returns the KPI evaluated, for each period of a report, over a window of dates instead of the period.</summary>
    /// <param name="kpi">The KPI: any KPI, built-in, derived, filtered or custom.</param>
    /// <param name="window">The dates of each period's window.</param>
    /// <param name="id">The new KPI's id; when null, the KPI's id and the window's <see cref="KpiWindow.IdSuffix"/>, such as <c>revenue-rolling-90d</c>.</param>
    /// <returns>The time-window KPI, with the KPI's unit and direction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/> or <paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    /// <remarks>See <see cref="KpiWindow"/> for the dates of each kind of window, and <see cref="KpiWindowCalculator"/> for how it is evaluated.</remarks>
    public static KpiCalculator Over(this KpiCalculator kpi, KpiWindow window, string? id = null)
    {
        Preconditions.CheckNotNull(kpi);
        Preconditions.CheckNotNull(window);
        return new KpiWindowCalculator(id ?? kpi.Id + "-" + window.IdSuffix, kpi, window);
    }

    /// <summary>Returns the KPI over a trailing window ending where each period ends: the last 90 days, the last 4 weeks.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="length">The window's length: whole years, months, weeks and days, such as <c>Period.FromDays(90)</c>.</param>
    /// <param name="id">The new KPI's id; <c>{id}-rolling-90d</c> (the length as <c>1y</c>, <c>3m</c>, <c>4w</c>, <c>90d</c>) when null.</param>
    /// <returns>The rolling KPI.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/> or <paramref name="length"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="length"/> has a time part, a negative part or is zero, or <paramref name="id"/> is not kebab-case.</exception>
    public static KpiCalculator Rolling(this KpiCalculator kpi, Period length, string? id = null)
    {
        Preconditions.CheckNotNull(kpi);
        return kpi.Over(KpiWindow.Rolling(length), id);
    }

    /// <summary>Returns the KPI from the start of the week, month, quarter, fiscal quarter or fiscal year each period ends in, to the end of the period.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="unit">The unit whose start the window starts at; for the calendar year use <see cref="YearToDate"/>.</param>
    /// <param name="id">The new KPI's id; <c>{id}-mtd</c>, <c>-qtd</c>, <c>-wtd</c>, <c>-fqtd</c> or <c>-fytd</c> when null.</param>
    /// <returns>The to-date KPI.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a week, month, quarter, fiscal quarter or fiscal year.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public static KpiCalculator ToDate(this KpiCalculator kpi, PeriodUnit unit, string? id = null)
    {
        Preconditions.CheckNotNull(kpi);
        return kpi.Over(KpiWindow.ToDate(unit), id);
    }

    /// <summary>Returns the KPI from 1 January of the year each period ends in, to the end of the period.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="id">The new KPI's id; <c>{id}-ytd</c> when null.</param>
    /// <returns>The year-to-date KPI.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public static KpiCalculator YearToDate(this KpiCalculator kpi, string? id = null) => kpi.Over(KpiWindow.YearToDate, id);

    /// <summary>Returns the KPI from the start of the report's range to the end of each period.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="id">The new KPI's id; <c>{id}-cumulative</c> when null.</param>
    /// <returns>The cumulative KPI.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public static KpiCalculator Cumulative(this KpiCalculator kpi, string? id = null) => kpi.Over(KpiWindow.Cumulative, id);

    /// <summary>Returns the KPI over each period's dates moved back by a length: the same month a quarter ago, the same week last year.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="back">How far back: whole years, months, weeks and days, such as <c>Period.FromMonths(1)</c>.</param>
    /// <param name="id">The new KPI's id; <c>{id}-offset-1m</c> (<c>{id}-last-year</c> for one year) when null.</param>
    /// <returns>The offset KPI.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/> or <paramref name="back"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="back"/> has a time part, a negative part or is zero, or <paramref name="id"/> is not kebab-case.</exception>
    public static KpiCalculator Offset(this KpiCalculator kpi, Period back, string? id = null)
    {
        Preconditions.CheckNotNull(kpi);
        return kpi.Over(KpiWindow.Offset(back), id);
    }

    /// <summary>Returns the KPI over the same period last year: 2025-Q1 → 2024-Q1, 2025-03 → 2024-03, 29 February → 28 February.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="id">The new KPI's id; <c>{id}-last-year</c> when null.</param>
    /// <returns>The last-year KPI.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public static KpiCalculator SamePeriodLastYear(this KpiCalculator kpi, string? id = null) => kpi.Over(KpiWindow.LastYear, id);

    /// <summary>Returns the year-over-year growth of the KPI, (this period − the same period last year) / the same period last year, as a ratio.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="id">The new KPI's id; <c>{id}-yoy-growth</c> when null.</param>
    /// <returns>The growth KPI: a ratio, better in the KPI's direction; undefined with a reason when last year's value is zero or either value is undefined.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public static KpiCalculator YearOverYearGrowth(this KpiCalculator kpi, string? id = null)
    {
        Preconditions.CheckNotNull(kpi);
        return new YearOverYearKpiCalculator(id ?? kpi.Id + "-yoy-growth", kpi);
    }

    /// <summary>Evaluates the KPI over a snapshot for a range of dates, ungrouped.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="data">The snapshot.</param>
    /// <param name="range">The dates, inclusive.</param>
    /// <param name="settings">The settings; <see cref="KpiSettings.Default"/> when null.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/>, <paramref name="data"/> or <paramref name="range"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the settings.</exception>
    public static KpiValue Evaluate(this KpiCalculator kpi, SalesData data, DateInterval range, KpiSettings? settings = null) =>
        new KpiEvaluator(settings, maxDegreeOfParallelism: 1).Evaluate(kpi, data, range);

    /// <summary>Evaluates the KPI over activities alone.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="activities">The activities.</param>
    /// <param name="range">The dates, inclusive.</param>
    /// <param name="settings">The settings; <see cref="KpiSettings.Default"/> when null.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public static KpiValue Evaluate(this KpiCalculator kpi, IEnumerable<SalesActivity> activities, DateInterval range, KpiSettings? settings = null) =>
        kpi.Evaluate(SalesData.Create(activities: Preconditions.CheckNotNull(activities)), range, settings);

    /// <summary>Evaluates the KPI over leads alone.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="leads">The leads.</param>
    /// <param name="range">The dates, inclusive.</param>
    /// <param name="settings">The settings; <see cref="KpiSettings.Default"/> when null.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public static KpiValue Evaluate(this KpiCalculator kpi, IEnumerable<Lead> leads, DateInterval range, KpiSettings? settings = null) =>
        kpi.Evaluate(SalesData.Create(leads: Preconditions.CheckNotNull(leads)), range, settings);

    /// <summary>Evaluates the KPI over opportunities alone.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="range">The dates, inclusive.</param>
    /// <param name="settings">The settings; <see cref="KpiSettings.Default"/> when null.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public static KpiValue Evaluate(this KpiCalculator kpi, IEnumerable<Opportunity> opportunities, DateInterval range, KpiSettings? settings = null) =>
        kpi.Evaluate(SalesData.Create(opportunities: Preconditions.CheckNotNull(opportunities)), range, settings);

    /// <summary>Evaluates the KPI over deals alone.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="deals">The deals.</param>
    /// <param name="range">The dates, inclusive.</param>
    /// <param name="settings">The settings; <see cref="KpiSettings.Default"/> when null.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public static KpiValue Evaluate(this KpiCalculator kpi, IEnumerable<Deal> deals, DateInterval range, KpiSettings? settings = null) =>
        kpi.Evaluate(SalesData.Create(deals: Preconditions.CheckNotNull(deals)), range, settings);

    /// <summary>Evaluates the KPI grouped and bucketed.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="data">The snapshot.</param>
    /// <param name="range">The dates, inclusive.</param>
    /// <param name="groupBy">The grouping.</param>
    /// <param name="per">The periods.</param>
    /// <param name="settings">The settings; <see cref="KpiSettings.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public static KpiReport Evaluate(this KpiCalculator kpi, SalesData data, DateInterval range, KpiGrouping groupBy, PeriodUnit per = PeriodUnit.None, KpiSettings? settings = null)
    {
        Preconditions.CheckNotNull(kpi);
        Preconditions.CheckNotNull(groupBy);
        return new KpiEvaluator(settings, maxDegreeOfParallelism: 1).Evaluate(data, new KpiQuery(range, [kpi], groupBy, per));
    }
}
