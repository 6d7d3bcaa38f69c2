using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>How <see cref="StageConversionCalculator"/> treats an opportunity that skips a stage.</summary>
public enum StageConversionMode
{
    /// <summary>
    /// An opportunity reaches a stage when it first enters that stage or any later one, so a skipped stage counts as
    /// passed; a won opportunity has passed every stage, at its close at the latest.
    /// </summary>
    AnyStageReached = 0,

    /// <summary>
    /// An opportunity enters the funnel when it enters <see cref="StageConversionOptions.From"/> itself, and converts
    /// only if it then enters every stage of the order up to <see cref="StageConversionOptions.To"/>, one after the
    /// other, without skipping one; a move backwards is allowed, and winning enters, at the close, the stages after the
    /// furthest one entered.
    /// </summary>
    Ordered = 1,
}

/// <summary>Options of <see cref="StageConversionCalculator"/>.</summary>
public sealed class StageConversionOptions
{
    /// <summary>Gets or sets the KPI's id.</summary>
    /// <value>The default value is <c>stage-conversion</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Id { get; set => field = Preconditions.CheckSetNotNull(value); } = Reporting.KpiIds.StageConversion;

    /// <summary>Gets or sets the stage converted from.</summary>
    /// <value>The default value is <see cref="OpportunityStage.FirstAppointment"/>.</value>
    public OpportunityStage From { get; set; } = OpportunityStage.FirstAppointment;

    /// <summary>Gets or sets the stage converted to; it must come after <see cref="From"/> in <see cref="StageOrder"/>.</summary>
    /// <value>The default value is <see cref="OpportunityStage.Proposal"/>.</value>
    public OpportunityStage To { get; set; } = OpportunityStage.Proposal;

    /// <summary>Gets or sets the stages of the pipeline in order; stages not listed are ignored.</summary>
    /// <value>The default value is <see cref="OpportunityStage.WellKnown"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public IReadOnlyList<OpportunityStage> StageOrder { get; set => field = Preconditions.CheckSetNotNull(value); } = OpportunityStage.WellKnown;

    /// <summary>Gets or sets how a skipped stage and a move backwards are treated.</summary>
    /// <value>The default value is <see cref="StageConversionMode.AnyStageReached"/>.</value>
    public StageConversionMode Mode { get; set; } = StageConversionMode.AnyStageReached;

    /// <summary>
    /// Gets or sets how soon after reaching <see cref="From"/> the opportunity must reach <see cref="To"/> to count as
    /// converted, in calendar days (weeks, months, years) of the report's time zone: the deadline is the same local
    /// time that many days later, inclusive.
    /// </summary>
    /// <value>The default value is null: no window, a conversion counts at any time since.</value>
    /// <remarks>Only years, months, weeks and days, none negative and not all zero, such as <c>Period.FromDays(30)</c>.</remarks>
    public Period? Window { get; set; }
}
