using SalesKpi.Calculators;
using SalesKpi.Utility;

namespace SalesKpi.Opportunities;

/// <summary>
/// <c>close-rate</c>: the share of opportunities won.
/// </summary>
/// <remarks>
/// <para>By default, of the opportunities closed in the period (by close date), won / (won + lost); open ones are
/// excluded. With <see cref="CloseRatePopulation.Cohort"/>, of the opportunities created in the period, won (by now) /
/// created, open ones in the denominator. With <see cref="CloseRateBasis.Value"/>, amounts replace counts. Undefined
/// when the population is empty.</para>
/// </remarks>
/// <example>
/// <code>
/// // 3 won, 1 lost, 2 open closed-or-created in March: period close rate 3 / 4 = 0.75.
/// KpiValue rate = Kpis.CloseRate.Evaluate(data, march);
/// var byValue = new CloseRateCalculator(new CloseRateOptions { Id = "close-rate-by-value", Basis = CloseRateBasis.Value });
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class CloseRateCalculator : AggregateKpiCalculator
{
    private readonly RecordRatioCalculator<Opportunity> _ratio;

    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options; the defaults when null.</param>
    /// <exception cref="ArgumentException">The id is not kebab-case.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The basis or population is not a defined value.</exception>
    public CloseRateCalculator(CloseRateOptions? options = null)
        : base((options ??= new CloseRateOptions()).Id)
    {
        Preconditions.CheckRange(Enum.IsDefined(options.Basis), options.Basis, "Unknown close-rate basis.", "options.Basis");
        Preconditions.CheckRange(Enum.IsDefined(options.Population), options.Population, "Unknown close-rate population.", "options.Population");
        Basis = options.Basis;
        Population = options.Population;
        Func<Opportunity, Money>? weight = Basis == CloseRateBasis.Value ? static o => o.Amount : null;
        _ratio = Population == CloseRatePopulation.Period
            ? new RecordRatioCalculator<Opportunity>(
                Id,
                KpiInput.Opportunities(static o => o.ClosedAt, "closed at"),
                static o => o.IsClosed,
                static o => o.Status == OpportunityStatus.Won,
                weight,
                "no opportunities closed in the period")
            : new RecordRatioCalculator<Opportunity>(
                Id,
                KpiInput.Opportunities(static o => o.CreatedAt, "created at"),
                static _ => true,
                static o => o.Status == OpportunityStatus.Won,
                weight,
                "no opportunities created in the period");
    }

    /// <summary>Gets whether opportunities are counted or weighed by amount.</summary>
    public CloseRateBasis Basis { get; }

    /// <summary>Gets the population.</summary>
    public CloseRatePopulation Population { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description => Population == CloseRatePopulation.Period
        ? "won / (won + lost) of opportunities closed in the period"
        : "won / created of opportunities created in the period";

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs => _ratio.Inputs;

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => _ratio.CreateAccumulator(context);
}
