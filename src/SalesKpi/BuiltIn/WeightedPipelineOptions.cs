using SalesKpi.Opportunities;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>Options of <see cref="WeightedPipelineCalculator"/>.</summary>
public sealed class WeightedPipelineOptions
{
    /// <summary>Gets or sets the KPI's id.</summary>
    /// <value>The default value is <c>weighted-pipeline</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Id { get; set => field = Preconditions.CheckSetNotNull(value); } = Reporting.KpiIds.WeightedPipeline;

    /// <summary>Gets or sets the probability (0 to 1) that an open opportunity in a stage is won.</summary>
    /// <value>The default values are Prospecting 0.1, Qualification 0.2, FirstAppointment 0.3, Proposal 0.5, Negotiation 0.7.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public IReadOnlyDictionary<OpportunityStage, decimal> Probabilities { get; set => field = Preconditions.CheckSetNotNull(value); } = new Dictionary<OpportunityStage, decimal>
    {
        [OpportunityStage.Prospecting] = 0.1m,
        [OpportunityStage.Qualification] = 0.2m,
        [OpportunityStage.FirstAppointment] = 0.3m,
        [OpportunityStage.Proposal] = 0.5m,
        [OpportunityStage.Negotiation] = 0.7m,
    };

    /// <summary>Gets or sets the probability of a stage not in <see cref="Probabilities"/>, and of an opportunity with no stage history.</summary>
    /// <value>The default value is 0.</value>
    public decimal DefaultProbability { get; set; }

    /// <summary>
    /// Gets or sets the instant the pipeline is taken as of: the opportunities open then, each with the amount, expected
    /// close date and stage it had then (the rule of <see cref="Opportunity.AsOf"/>), read from the histories without
    /// rebuilding the snapshot; null for the pipeline as it is.
    /// </summary>
    /// <value>The default value is null.</value>
    /// <remarks><para>The same figures as the calculator without it evaluated on <see cref="SalesData.AsOf"/>, for the
    /// cost of a plain weighted pipeline (docs/performance.md).</para></remarks>
    public NodaTime.Instant? AsOf { get; set; }
}
