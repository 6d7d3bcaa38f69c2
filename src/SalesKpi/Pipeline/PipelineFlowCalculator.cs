using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Pipeline;

/// <summary>
/// One line of the pipeline waterfall as a KPI a report shows beside any other: <c>pipeline-opening</c>,
/// <c>pipeline-created</c>, <c>pipeline-increased</c>, <c>pipeline-decreased</c>, <c>pipeline-pulled-in</c>,
/// <c>pipeline-slipped-out</c>, <c>pipeline-won</c>, <c>pipeline-lost</c> and <c>pipeline-closing</c>, each the count of
/// its line (for increased and decreased, the number of changes) with its amount in <see cref="KpiValue.Amount"/>.
/// </summary>
/// <remarks>
/// <para>The value of a group and period is the line of <see cref="PipelineWaterfallCalculator"/> for that period under
/// the window (<see cref="PipelineWindow.All"/> by default). Unlike the waterfall, the KPI's amount is one sum under the
/// currency rules of <see cref="KpiSettings"/>: several currencies need a reporting currency, and each opportunity's
/// amount is converted at the period's last date. These KPIs are not in <see cref="Kpis.All"/>: they take a window,
/// and nine lines of one waterfall would crowd every default report; add them to a query, or register them with
/// <c>AddKpi</c>.</para>
/// </remarks>
/// <example>
/// <code>
/// var slipped = new PipelineFlowCalculator(PipelineFlowKind.SlippedOut, PipelineWindow.Enclosing(PeriodUnit.Quarter));
/// KpiReport report = evaluator.Evaluate(data, new KpiQuery(q2, [slipped, Kpis.WeightedPipeline], KpiGrouping.ByRep, PeriodUnit.Week));
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class PipelineFlowCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the KPI of one line of the waterfall.</summary>
    /// <param name="flow">The line.</param>
    /// <param name="window">The close window; <see cref="PipelineWindow.All"/> (every open opportunity) when null.</param>
    /// <param name="id">The KPI's id; <see cref="IdOf"/> the line when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flow"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public PipelineFlowCalculator(PipelineFlowKind flow, PipelineWindow? window = null, string? id = null)
        : base(id ?? IdOf(flow))
    {
        Flow = flow;
        Window = window ?? PipelineWindow.All;
    }

    /// <summary>Gets the line of the waterfall.</summary>
    public PipelineFlowKind Flow { get; }

    /// <summary>Gets the close window.</summary>
    public PipelineWindow Window { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Count;

    /// <inheritdoc />
    public override KpiDirection Direction =>
        Flow is PipelineFlowKind.Decreased or PipelineFlowKind.SlippedOut or PipelineFlowKind.Lost ? KpiDirection.LowerIsBetter : KpiDirection.HigherIsBetter;

    /// <inheritdoc />
    public override string Description => Flow switch
    {
        PipelineFlowKind.Opening => $"pipeline at the period's start (close window: {Window})",
        PipelineFlowKind.Created => $"opportunities created into the pipeline (close window: {Window})",
        PipelineFlowKind.Increased => $"amount increases of the pipeline (close window: {Window})",
        PipelineFlowKind.Decreased => $"amount decreases of the pipeline (close window: {Window})",
        PipelineFlowKind.PulledIn => $"opportunities pulled into the close window ({Window})",
        PipelineFlowKind.SlippedOut => $"opportunities slipped out of the close window ({Window})",
        PipelineFlowKind.Won => $"opportunities won from the pipeline (close window: {Window})",
        PipelineFlowKind.Lost => $"opportunities lost from the pipeline (close window: {Window})",
        _ => $"pipeline at the period's end (close window: {Window})",
    };

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.OpportunitiesAlive()];

    /// <summary>Returns the default id of a line: <c>pipeline-</c> and the line in kebab case, such as <c>pipeline-slipped-out</c>.</summary>
    /// <param name="flow">The line.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flow"/> is not a defined value.</exception>
    public static string IdOf(PipelineFlowKind flow) => flow switch
    {
        PipelineFlowKind.Opening => "pipeline-opening",
        PipelineFlowKind.Created => "pipeline-created",
        PipelineFlowKind.Increased => "pipeline-increased",
        PipelineFlowKind.Decreased => "pipeline-decreased",
        PipelineFlowKind.PulledIn => "pipeline-pulled-in",
        PipelineFlowKind.SlippedOut => "pipeline-slipped-out",
        PipelineFlowKind.Won => "pipeline-won",
        PipelineFlowKind.Lost => "pipeline-lost",
        PipelineFlowKind.Closing => "pipeline-closing",
        _ => throw new ArgumentOutOfRangeException(nameof(flow), flow, "Unknown pipeline flow."),
    };

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator(this, context);
    }

    private sealed class Accumulator(PipelineFlowCalculator owner, KpiCalculatorContext context) : KpiAccumulator
    {
        private readonly MoneyTotal _total = context.CreateMoneyTotal();
        private long _count;

        public override void Add(Opportunity opportunity, KpiPeriod period)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(period);
            var lines = PipelineWaterfallCalculator.NewLines();
            PipelineWaterfallCalculator.Add(opportunity, period.Start, period.End, owner.Window.For(period, context.Settings), lines);
            var line = lines[(int)owner.Flow].ToFlow();
            _count += line.Count;
            foreach (var amount in line.Amounts)
            {
                _total.Add(amount, period.Dates.End);
            }
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            var o = (Accumulator)other;
            _count += o._count;
            _total.Merge(o._total);
        }

        public override KpiValue GetValue() => KpiValue.Count(_count, _total.Currency is null ? null : _total.ToMoney(), _total.UnpricedCount);
    }
}
