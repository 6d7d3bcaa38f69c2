namespace SalesKpi.Reporting;

/// <summary>The collections of a <see cref="SalesData"/> snapshot a KPI can read.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<KpiRecordType>))]
public enum KpiRecordType
{
    /// <summary><see cref="SalesData.Leads"/>.</summary>
    Leads = 0,

    /// <summary><see cref="SalesData.Opportunities"/>.</summary>
    Opportunities = 1,

    /// <summary><see cref="SalesData.Deals"/>.</summary>
    Deals = 2,

    /// <summary><see cref="SalesData.Activities"/>.</summary>
    Activities = 3,

    /// <summary><see cref="SalesData.Spend"/>.</summary>
    Spend = 4,
}
