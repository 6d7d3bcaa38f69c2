using NodaTime;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>Options of <see cref="LeadResponseTimeCalculator"/>.</summary>
public sealed class LeadResponseTimeOptions
{
    /// <summary>Gets or sets the KPI's id.</summary>
    /// <value>The default value is <c>lead-response-time</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Id { get; set => field = Preconditions.CheckSetNotNull(value); } = Reporting.KpiIds.LeadResponseTime;

    /// <summary>Gets or sets the percentile of the response times that is the value, as a fraction: 0.5 for the median, 0.9 for the 90th percentile.</summary>
    /// <value>The default value is 0.5 (the median).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value set is below 0 or above 1.</exception>
    public decimal Percentile
    {
        get;
        set
        {
            Preconditions.CheckRange(value is >= 0m and <= 1m, value, "The Percentile setting is a fraction from 0 to 1, such as 0.9.", nameof(value));
            field = value;
        }
    } = 0.5m;
}

/// <summary>Options of <see cref="LeadResponseSlaCalculator"/>.</summary>
public sealed class LeadResponseSlaOptions
{
    /// <summary>Gets or sets the KPI's id.</summary>
    /// <value>The default value is <c>lead-response-sla</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Id { get; set => field = Preconditions.CheckSetNotNull(value); } = Reporting.KpiIds.LeadResponseSla;

    /// <summary>Gets or sets the longest time from a lead's creation to its first activity that meets the service level (inclusive).</summary>
    /// <value>The default value is one hour.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value set is not positive.</exception>
    public Duration Threshold
    {
        get;
        set
        {
            Preconditions.CheckRange(value > Duration.Zero, value, "The Threshold setting must be positive, such as one hour.", nameof(value));
            field = value;
        }
    } = Duration.FromHours(1);
}
