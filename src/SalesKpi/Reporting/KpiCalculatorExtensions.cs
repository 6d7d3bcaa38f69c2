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
