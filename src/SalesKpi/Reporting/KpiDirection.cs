namespace SalesKpi.Reporting;

/// <summary>Whether a larger or a smaller value of a KPI is better; peer ranks and targets follow it.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<KpiDirection>))]
public enum KpiDirection
{
    /// <summary>Larger is better (revenue, close rate).</summary>
    HigherIsBetter = 0,

    /// <summary>Smaller is better (cost per lead, sales-cycle length).</summary>
    LowerIsBetter = 1,
}
