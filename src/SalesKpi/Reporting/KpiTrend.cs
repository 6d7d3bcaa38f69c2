using System.Collections.Immutable;

namespace SalesKpi.Reporting;

/// <summary>A KPI of one group as a time series over consecutive periods, with the change from each period to the next.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiTrend
{
    internal KpiTrend(string kpiId, string group, ImmutableArray<KpiTrendPoint> points)
    {
        KpiId = kpiId;
        Group = group;
        Points = points;
    }

    /// <summary>Gets the KPI's id.</summary>
    public string KpiId { get; }

    /// <summary>Gets the group.</summary>
    public string Group { get; }

    /// <summary>Gets the points, one per period, in order.</summary>
    public ImmutableArray<KpiTrendPoint> Points { get; }
}

/// <summary>One period of a <see cref="KpiTrend"/>.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiTrendPoint
{
    internal KpiTrendPoint(KpiPeriod period, KpiValue value, KpiValue change)
    {
        Period = period;
        Value = value;
        Change = change;
    }

    /// <summary>Gets the period.</summary>
    public KpiPeriod Period { get; }

    /// <summary>Gets the KPI's value in the period.</summary>
    public KpiValue Value { get; }

    /// <summary>Gets (value − previous value) / previous value; undefined for the first period, and when the previous value is zero or undefined.</summary>
    public KpiValue Change { get; }

    /// <summary>Returns <c>label: value (change)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Period.Label}: {Value} ({Change})";
}
