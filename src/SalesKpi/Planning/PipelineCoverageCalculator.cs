using System.Globalization;
using SalesKpi.BuiltIn;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>Options of <see cref="PipelineCoverageCalculator"/>.</summary>
public sealed class PipelineCoverageOptions
{
    /// <summary>Gets or sets the KPI's id.</summary>
    /// <value>The default value is <c>pipeline-coverage</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Id { get; set => field = Preconditions.CheckSetNotNull(value); } = KpiIds.PipelineCoverage;

    /// <summary>Gets or sets the revenue target of a group (such as a rep id) in a period; null when it has none, which makes its coverage undefined.</summary>
    /// <value>The default value is null; a target is required.</value>
    public Func<string, KpiPeriod, Money?>? Target { get; set; }
}

/// <summary>
/// <c>pipeline-coverage</c>: how many times the open pipeline expected to close in the period covers the revenue still
/// needed — open pipeline value expected to close in the period / (target − revenue already won in the period).
/// </summary>
/// <remarks>
/// <para>The pipeline is the unweighted amount of the opportunities that are open and whose expected close date falls
/// in the period (an open opportunity with no expected close date is not counted; for a weighted pipeline see
/// <c>weighted-pipeline</c>). The revenue already won is <c>revenue</c> in the period. The target comes from
/// <see cref="PipelineCoverageOptions.Target"/> per group and period, in the reporting currency.</para>
/// <para>The value is a ratio with the pipeline as numerator and the remaining target as denominator; 3 means "three
/// times coverage". It is undefined with the reason when the group has no target or the target is already met
/// (nothing remains to cover).</para>
/// </remarks>
/// <example>
/// <code>
/// var targets = new Dictionary&lt;string, Money&gt; { ["ayse"] = new(300_000m, Currency.USD) };
/// var coverage = new PipelineCoverageCalculator(new PipelineCoverageOptions
/// {
///     Target = (rep, period) => targets.TryGetValue(rep, out var t) ? t : null,
/// });
/// // 600,000 USD expected to close, 100,000 won of 300,000: 600,000 / 200,000 = 3.
/// KpiReport report = coverage.Evaluate(data, quarter, KpiGrouping.ByRep);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads, provided the target delegate is.</threadsafety>
public sealed class PipelineCoverageCalculator : DerivedKpiCalculator
{
    private readonly Func<string, KpiPeriod, Money?> _target;

    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or its target is null.</exception>
    /// <exception cref="ArgumentException">The id is not kebab-case.</exception>
    public PipelineCoverageCalculator(PipelineCoverageOptions options)
        : base(Preconditions.CheckNotNull(options).Id, [new PipelineExpectedToCloseCalculator(), Kpis.Revenue])
    {
        _target = Preconditions.CheckNotNull(options.Target, "options.Target");
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description => "open pipeline expected to close in the period / (target − revenue already won)";

    /// <summary>Returns the coverage: open pipeline / (target − won).</summary>
    /// <param name="openPipeline">The open pipeline expected to close in the period; not negative.</param>
    /// <param name="target">The revenue target of the period; not negative.</param>
    /// <param name="won">The revenue already won in the period; not negative.</param>
    /// <returns>A ratio; undefined with the reason when nothing remains to cover.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    /// <exception cref="ArgumentException">The amounts are in different currencies.</exception>
    public static KpiValue Calculate(Money openPipeline, Money target, Money won)
    {
        Preconditions.CheckRange(openPipeline.Amount >= 0m, openPipeline, "The pipeline must not be negative.", nameof(openPipeline));
        Preconditions.CheckRange(target.Amount >= 0m, target, "The target must not be negative.", nameof(target));
        Preconditions.CheckRange(won.Amount >= 0m, won, "The revenue won must not be negative.", nameof(won));
        Preconditions.CheckArgument(target.Currency == openPipeline.Currency, nameof(target), $"The target is in {target.Currency} but the pipeline is in {openPipeline.Currency}.");
        Preconditions.CheckArgument(won.Currency == target.Currency, nameof(won), $"The revenue won is in {won.Currency} but the target is in {target.Currency}.");
        var remaining = target.Amount - won.Amount;
        return remaining <= 0m
            ? KpiValue.Undefined(KpiUnit.Ratio, string.Create(CultureInfo.InvariantCulture, $"the target is already met ({won} won of {target}): no revenue remains to cover"))
            : KpiValue.Ratio(openPipeline.Amount, remaining);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A target is in another currency than the pipeline or the revenue.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A target is negative.</exception>
    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        if (_target(values.Group, values.Period) is not { } target)
        {
            return KpiValue.Undefined(Unit, $"no target is set for group '{values.Group}' in {values.Period.Label}");
        }

        var pipeline = values.Current(0);
        var won = values.Current(1);
        if (ComponentMoney.FirstUndefined(Components, pipeline, won) is { } reason)
        {
            return KpiValue.Undefined(Unit, reason);
        }

        var value = Calculate(
            ComponentMoney.In(pipeline, target.Currency, Components[0].Id),
            target,
            ComponentMoney.In(won, target.Currency, Components[1].Id));
        return value.WithUnpriced(pipeline.UnpricedCount + won.UnpricedCount);
    }
}
