namespace SalesKpi.Reporting;

/// <summary>The unit of a KPI's value.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<KpiUnit>))]
public enum KpiUnit
{
    /// <summary>A number of records, such as calls or deals won.</summary>
    Count = 0,

    /// <summary>A share between 0 and 1 (or a change, which may be negative or above 1), with numerator and denominator.</summary>
    Ratio = 1,

    /// <summary>An amount of money in the reporting currency.</summary>
    Money = 2,

    /// <summary>A duration in days, with sample size, mean, median and percentiles.</summary>
    Days = 3,

    /// <summary>An amount of money per day, such as sales velocity.</summary>
    MoneyPerDay = 4,

    /// <summary>A plain number that is none of the above, such as a weekly target count.</summary>
    Number = 5,
}

/// <summary>The text names of the units, as the report document and the KPI gauges write them.</summary>
internal static class KpiUnitNames
{
    /// <summary>Returns <c>count</c>, <c>ratio</c>, <c>money</c>, <c>days</c>, <c>money-per-day</c> or <c>number</c>.</summary>
    public static string Of(KpiUnit unit) => unit switch
    {
        KpiUnit.Count => "count",
        KpiUnit.Ratio => "ratio",
        KpiUnit.Money => "money",
        KpiUnit.Days => "days",
        KpiUnit.MoneyPerDay => "money-per-day",
        _ => "number",
    };
}
