namespace SalesKpi.Reporting;

/// <summary>How a reporting range is cut into periods.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PeriodUnit>))]
public enum PeriodUnit
{
    /// <summary>One period: the whole range.</summary>
    None = 0,

    /// <summary>Weeks starting on <see cref="KpiSettings.FirstDayOfWeek"/>.</summary>
    Week = 1,

    /// <summary>Calendar months.</summary>
    Month = 2,

    /// <summary>Calendar quarters (January–March, …).</summary>
    Quarter = 3,

    /// <summary>Fiscal years starting in <see cref="KpiSettings.FiscalYearStartMonth"/>.</summary>
    FiscalYear = 4,

    /// <summary>
    /// Quarters of the fiscal year: three months each, the first starting in <see cref="KpiSettings.FiscalYearStartMonth"/>.
    /// With the default January start they are the calendar quarters, labelled as fiscal ones (<c>FY2025-Q1</c>).
    /// </summary>
    FiscalQuarter = 5,

    /// <summary>
    /// Days: the local dates of <see cref="KpiSettings.Zone"/>, labelled <c>2025-03-07</c>. A day is as long as the zone
    /// says: 23 or 25 hours across a daylight-saving change.
    /// </summary>
    Day = 6,
}
