using System.Collections.Frozen;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>weighted-pipeline</c>: the amount of the open opportunities expected to close in the period (by expected close
/// date), each weighed by the probability of its current stage.
/// </summary>
/// <remarks>
/// <para>Only opportunities that are open now and have an expected close date count. The current stage is the last
/// entry of the stage history. Amounts are converted at the expected close date.</para>
/// <para>With <see cref="WeightedPipelineOptions.AsOf"/>, the pipeline as it stood at an instant: the opportunities open
/// then, with their amount, expected close date and stage then.</para>
/// </remarks>
/// <example>
/// <code>
/// // 10,000 USD in Proposal (0.5) and 4,000 USD in Negotiation (0.7) expected in June: 7,800 USD.
/// KpiValue weighted = Kpis.WeightedPipeline.Evaluate(data, june);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class WeightedPipelineCalculator : AggregateKpiCalculator
{
    private readonly FrozenDictionary<OpportunityStage, decimal> _probabilities;

    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options; the defaults when null.</param>
    /// <exception cref="ArgumentException">The id is not kebab-case.</exception>
    /// <exception cref="ArgumentNullException">The probabilities are null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability is outside 0–1.</exception>
    public WeightedPipelineCalculator(WeightedPipelineOptions? options = null)
        : base((options ??= new WeightedPipelineOptions()).Id)
    {
        Preconditions.CheckNotNull(options.Probabilities, "options.Probabilities");
        foreach (var (stage, p) in options.Probabilities)
        {
            Preconditions.CheckRange(p is >= 0m and <= 1m, p, $"The probability of stage '{stage}' must be between 0 and 1.", "options.Probabilities");
        }

        Preconditions.CheckRange(options.DefaultProbability is >= 0m and <= 1m, options.DefaultProbability, "The default probability must be between 0 and 1.", "options.DefaultProbability");
        _probabilities = options.Probabilities.ToFrozenDictionary();
        DefaultProbability = options.DefaultProbability;
        AsOf = options.AsOf;
        Inputs = AsOf is { } asOf
            ? [KpiInput.OpportunitiesByDate(o => o.IsOpenAt(asOf) ? o.ExpectedCloseAt(asOf) : null, "expected close date as of " + asOf.ToString(null, System.Globalization.CultureInfo.InvariantCulture))]
            : [KpiInput.OpportunitiesByDate(static o => o.Status == OpportunityStatus.Open ? o.ExpectedClose : null, "expected close date")];
    }

    /// <summary>Gets the probability of each stage.</summary>
    public IReadOnlyDictionary<OpportunityStage, decimal> Probabilities => _probabilities;

    /// <summary>Gets the probability of any other stage.</summary>
    public decimal DefaultProbability { get; }

    /// <summary>Gets the instant the pipeline is taken as of, or null for the pipeline as it is.</summary>
    public NodaTime.Instant? AsOf { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Money;

    /// <inheritdoc />
    public override string Description => AsOf is { } asOf
        ? "open amount × stage probability, by expected close date, as of " + asOf.ToString(null, System.Globalization.CultureInfo.InvariantCulture)
        : "open amount × stage probability, by expected close date";

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; }

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Sum(this, context.CreateMoneyTotal());
    }

    private sealed class Sum(WeightedPipelineCalculator owner, MoneyTotal total) : KpiAccumulator
    {
        public override void Add(Opportunity opportunity, KpiPeriod period)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(period);
            if (owner.AsOf is { } asOf)
            {
                var then = opportunity.StageAt(asOf) is { } stageThen && owner._probabilities.TryGetValue(stageThen, out var knownThen) ? knownThen : owner.DefaultProbability;
                total.Add(opportunity.AmountAt(asOf) * then, opportunity.ExpectedCloseAt(asOf)!.Value);
                return;
            }

            var p = opportunity.CurrentStage is { } stage && owner._probabilities.TryGetValue(stage, out var known) ? known : owner.DefaultProbability;
            total.Add(opportunity.Amount * p, opportunity.ExpectedClose!.Value);
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            total.Merge(((Sum)other).Total);
        }

        public override KpiValue GetValue() => KpiValue.FromMoney(total.ToMoney(), total.UnpricedCount);

        private MoneyTotal Total => total;
    }
}
