using SalesKpi.Opportunities;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>Which stays in a stage <see cref="TimeInStageCalculator"/> measures when an opportunity entered the stage more than once.</summary>
public enum TimeInStageMode
{
    /// <summary>The latest completed stay.</summary>
    LatestStay = 0,

    /// <summary>The sum of every stay, once the last one is completed.</summary>
    Cumulative = 1,
}

/// <summary>Options of <see cref="TimeInStageCalculator"/>.</summary>
public sealed class TimeInStageOptions
{
    /// <summary>Gets or sets the KPI's id.</summary>
    /// <value>The default value is <c>time-in-stage</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Id { get; set => field = Preconditions.CheckSetNotNull(value); } = Reporting.KpiIds.TimeInStage;

    /// <summary>Gets or sets the stage measured.</summary>
    /// <value>The default value is <see cref="OpportunityStage.FirstAppointment"/>.</value>
    public OpportunityStage Stage { get; set; } = OpportunityStage.FirstAppointment;

    /// <summary>Gets or sets which stays are measured.</summary>
    /// <value>The default value is <see cref="TimeInStageMode.LatestStay"/>.</value>
    public TimeInStageMode Mode { get; set; } = TimeInStageMode.LatestStay;
}
