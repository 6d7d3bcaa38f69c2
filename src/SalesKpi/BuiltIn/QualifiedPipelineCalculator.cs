using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>Options of <see cref="QualifiedPipelineCalculator"/>.</summary>
public sealed class QualifiedPipelineOptions
{
    /// <summary>Gets or sets the KPI's id.</summary>
    /// <value>The default value is <c>qualified-pipeline</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Id { get; set => field = Preconditions.CheckSetNotNull(value); } = KpiIds.QualifiedPipeline;

    /// <summary>Gets or sets the stage an opportunity must have reached to be qualified pipeline.</summary>
    /// <value>The default value is <see cref="OpportunityStage.FirstAppointment"/>.</value>
    public OpportunityStage QualifyingStage { get; set; } = OpportunityStage.FirstAppointment;

    /// <summary>Gets or sets the stages of the pipeline in order.</summary>
    /// <value>The default value is <see cref="OpportunityStage.WellKnown"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public IReadOnlyList<OpportunityStage> StageOrder { get; set => field = Preconditions.CheckSetNotNull(value); } = OpportunityStage.WellKnown;
}

/// <summary>
/// <c>qualified-pipeline</c>: the opportunities open at the end of the period that had reached the qualifying stage by
/// then: their count, and their total amount in <see cref="KpiValue.Amount"/>.
/// </summary>
/// <remarks>
/// <para>An opportunity is open at the end of the period when it was created before the period's end and closed at or
/// after it (or is still open). Reaching a stage follows the rule of <see cref="StageConversionCalculator"/>: entering
/// it or any later stage. Amounts are converted at the period's last date.</para>
/// </remarks>
/// <example>
/// <code>
/// KpiValue pipeline = Kpis.QualifiedPipeline.Evaluate(data, march); // pipeline.Value: count; pipeline.Amount: total
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class QualifiedPipelineCalculator : AggregateKpiCalculator
{
    private readonly StageProgress _progress;

    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options; the defaults when null.</param>
    /// <exception cref="ArgumentException">The id is not kebab-case, or the qualifying stage is not in the stage order.</exception>
    /// <exception cref="ArgumentNullException">The stage order is null.</exception>
    public QualifiedPipelineCalculator(QualifiedPipelineOptions? options = null)
        : base((options ??= new QualifiedPipelineOptions()).Id)
    {
        Preconditions.CheckNotNull(options.StageOrder, "options.StageOrder");
        _progress = new StageProgress([.. options.StageOrder]);
        Preconditions.CheckArgument(
            _progress.Contains(options.QualifyingStage),
            "options.QualifyingStage",
            $"Stage '{options.QualifyingStage}' is not in the stage order.");
        QualifyingStage = options.QualifyingStage;
    }

    /// <summary>Gets the stage an opportunity must have reached.</summary>
    public OpportunityStage QualifyingStage { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Count;

    /// <inheritdoc />
    public override string Description => $"open opportunities at period end past {QualifyingStage}";

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.OpportunitiesAlive()];

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator(this, context.CreateMoneyTotal());
    }

    private sealed class Accumulator(QualifiedPipelineCalculator owner, MoneyTotal total) : KpiAccumulator
    {
        private long _count;

        public override void Add(Opportunity opportunity, KpiPeriod period)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(period);
            var end = period.End;
            if (!opportunity.IsOpenAt(end))
            {
                return;
            }

            if (owner._progress.PassedAt(opportunity, owner.QualifyingStage) is { } passed && passed < end)
            {
                _count++;
                total.Add(opportunity.Amount, period.Dates.End);
            }
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            var o = (Accumulator)other;
            _count += o._count;
            total.Merge(o.Total);
        }

        public override KpiValue GetValue() => KpiValue.Count(_count, total.Currency is null ? null : total.ToMoney(), total.UnpricedCount);

        private MoneyTotal Total => total;
    }
}
