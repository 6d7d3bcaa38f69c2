using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

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
        var byAmount = Basis == CloseRateBasis.Value;
        Measure = Population == CloseRatePopulation.Period
            ? KpiMeasure.Share(
                KpiRecords.OpportunitiesClosed,
                KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Won),
                "no opportunities closed in the period",
                byAmount)
            : KpiMeasure.Share(
                KpiRecords.OpportunitiesCreated,
                KpiRecords.OpportunitiesCreated.WithStatus(OpportunityStatus.Won),
                "no opportunities created in the period",
                byAmount);
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
    public override KpiMeasure Measure { get; }

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs => Measure.Inputs;

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return Measure.CreateAccumulator(context);
    }
}
