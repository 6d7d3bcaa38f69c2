using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>stage-conversion</c>: of the opportunities that reached stage <see cref="StageConversionOptions.From"/> in the
/// period, the share that reached <see cref="StageConversionOptions.To"/> (at any time since), such as seed 004's
/// first appointment to proposal.
/// </summary>
/// <remarks>
/// <para>Skipped stages and moves backwards follow one rule: an opportunity reaches a stage when it first enters that
/// stage or any later stage of <see cref="StageConversionOptions.StageOrder"/>, so skipping a stage counts as passing
/// it; a won opportunity has passed every stage (at its close, if its history does not say earlier); going back to an
/// earlier stage does not undo progress. The period is decided by the instant the opportunity reached
/// <c>From</c>. Undefined when no opportunity reached it in the period.</para>
/// </remarks>
/// <example>
/// <code>
/// // 20 opportunities had a first appointment in March; 13 of them reached Proposal: 0.65.
/// KpiValue rate = Kpis.StageConversion.Evaluate(data, march);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class StageConversionCalculator : AggregateKpiCalculator
{
    private readonly RecordRatioCalculator<Opportunity> _ratio;

    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options; the defaults when null.</param>
    /// <exception cref="ArgumentException">The id is not kebab-case; a stage is not in the stage order; <c>To</c> does not come after <c>From</c>.</exception>
    /// <exception cref="ArgumentNullException">The stage order is null.</exception>
    public StageConversionCalculator(StageConversionOptions? options = null)
        : base((options ??= new StageConversionOptions()).Id)
    {
        Preconditions.CheckNotNull(options.StageOrder, "options.StageOrder");
        var progress = new StageProgress([.. options.StageOrder]);
        Preconditions.CheckArgument(progress.Contains(options.From), "options.From", $"Stage '{options.From}' is not in the stage order.");
        Preconditions.CheckArgument(progress.Contains(options.To), "options.To", $"Stage '{options.To}' is not in the stage order.");
        Preconditions.CheckArgument(
            progress.IndexOf(options.To) > progress.IndexOf(options.From),
            "options.To",
            $"Stage '{options.To}' must come after '{options.From}' in the stage order.");
        From = options.From;
        To = options.To;
        var from = From;
        var to = To;
        _ratio = new RecordRatioCalculator<Opportunity>(
            Id,
            KpiInput.Opportunities(o => progress.PassedAt(o, from), "reached " + from),
            static _ => true,
            o => progress.PassedAt(o, to) is not null,
            emptyReason: $"no opportunities reached {from} in the period");
    }

    /// <summary>Gets the stage converted from.</summary>
    public OpportunityStage From { get; }

    /// <summary>Gets the stage converted to.</summary>
    public OpportunityStage To { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description => $"share of opportunities that reached {From} in the period and later reached {To}";

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs => _ratio.Inputs;

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return _ratio.CreateAccumulator(context);
    }
}
