using SalesKpi.Opportunities;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

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
}
