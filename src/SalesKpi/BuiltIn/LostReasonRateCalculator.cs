using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>Options of <see cref="LostReasonRateCalculator"/>.</summary>
public sealed class LostReasonRateOptions
{
    /// <summary>Gets or sets the KPI's id.</summary>
    /// <value>The default value is <c>lost-reason-rate</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Id { get; set => field = Preconditions.CheckSetNotNull(value); } = KpiIds.LostReasonRate;

    /// <summary>Gets or sets the lost reasons counted in the numerator, compared ignoring case after trimming.</summary>
    /// <value>The default value is empty: any recorded reason counts, so the KPI is the share of the lost opportunities
    /// whose reason was recorded.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public IReadOnlyList<string> Reasons { get; set => field = Preconditions.CheckSetNotNull(value); } = [];
}

/// <summary>
/// <c>lost-reason-rate</c>: of the opportunities lost in the period (by closed at), the share lost for one of
/// <see cref="LostReasonRateOptions.Reasons"/> — by default, for any recorded reason.
/// </summary>
/// <remarks>
/// <para>A group's value is a share of that group's lost opportunities. To see how the losses of a period split by
/// reason, report <c>deals-lost</c> grouped by <see cref="KpiGrouping.ByLostReason"/>, or one rate per reason of
/// interest (<c>new LostReasonRateCalculator(new() { Id = "lost-on-price", Reasons = ["price"] })</c>).</para>
/// </remarks>
/// <example>
/// <code>
/// var lostOnPrice = new LostReasonRateCalculator(new LostReasonRateOptions { Id = "lost-on-price", Reasons = ["price"] });
/// KpiValue share = lostOnPrice.Evaluate(data, march); // share.Value: lost on price / lost
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class LostReasonRateCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options; the defaults when null.</param>
    /// <exception cref="ArgumentException">The id is not kebab-case, or a reason is null, empty or white space.</exception>
    public LostReasonRateCalculator(LostReasonRateOptions? options = null)
        : base((options ??= new LostReasonRateOptions()).Id)
    {
        Preconditions.CheckNotNull(options.Reasons, "options.Reasons");
        Preconditions.CheckArgument(
            options.Reasons.All(r => !string.IsNullOrWhiteSpace(r)),
            "options.Reasons",
            "A lost reason is null, empty or white space; name each reason as it is recorded, such as 'price'.");
        Reasons = [.. options.Reasons.Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        var set = Reasons.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lost = KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Lost);
        var subset = Reasons.Count == 0
            ? lost.Where<Opportunity>(static o => o.LostReason is not null, "with a lost reason")
            : lost.Where<Opportunity>(o => o.LostReason is { } r && set.Contains(r), "lost for " + string.Join(" or ", Reasons));
        Measure = KpiMeasure.Share(lost, subset, "no opportunities lost in the period");
    }

    /// <summary>Gets the reasons counted in the numerator; empty for any recorded reason.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description => Reasons.Count == 0
        ? "share of the opportunities lost in the period with a recorded lost reason"
        : $"share of the opportunities lost in the period lost for {string.Join(" or ", Reasons)}";

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
