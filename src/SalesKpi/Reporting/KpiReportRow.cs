using System.Globalization;

namespace SalesKpi.Reporting;

/// <summary>One value of a report: a KPI for one group and one period.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiReportRow
{
    internal KpiReportRow(string group, KpiPeriod period, string kpiId, KpiValue value)
    {
        Group = group;
        Period = period;
        KpiId = kpiId;
        Value = value;
    }

    /// <summary>Gets the group key, such as a rep id, or <see cref="KpiGrouping.AllKey"/> for an ungrouped report.</summary>
    public string Group { get; }

    /// <summary>Gets the period.</summary>
    public KpiPeriod Period { get; }

    /// <summary>Gets the KPI's id.</summary>
    public string KpiId { get; }

    /// <summary>Gets the value.</summary>
    public KpiValue Value { get; }

    /// <summary>Returns <c>group | period | kpi = value</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Group} | {Period.Label} | {KpiId} = {Value}");
}
