using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Engine;

/// <summary>
/// The seam where an executor plugs in: a compiled query's leaves (the KPIs that read records) are shared among
/// executors, each leaf evaluated by exactly one, and each executor fills the leaf's accumulators for every group and
/// period. The evaluator runs every executor on each partition of the data, merges the partitions of each executor, and
/// hands the merged state to the one <see cref="KpiAccumulation"/> the report is finished from.
/// </summary>
/// <remarks>
/// <para>The core has two: <see cref="ColumnarExecutor"/> (the fused loops of a <see cref="FastPlan"/> over the
/// snapshot's compact columns, for the measures they can count) and <see cref="RecordExecutor"/> (every other leaf,
/// record by record through its accumulator). SalesKpi.Sql's executor — the measures as aggregate queries over a
/// database — is a third: it claims the leaves it pushed down (it is passed to <see cref="QueryExecutors.For"/> as the
/// pushed executor) and writes their cells with <see cref="KpiAccumulation.MeasureCell"/>, and the finishing step does
/// not change.</para>
/// </remarks>
internal interface IQueryExecutor
{
    /// <summary>Gets a short name for diagnostics and tests, such as <c>columnar scan</c>.</summary>
    string Name { get; }

    /// <summary>Returns true when this executor evaluates the leaf.</summary>
    bool Evaluates(CompiledQuery.LeafNode leaf);

    /// <summary>Accumulates one partition (a slice of every collection) of the data, checking <paramref name="cancellationToken"/> between chunks of records.</summary>
    IExecutorPart Execute(int partition, int partitions, CancellationToken cancellationToken);
}

/// <summary>What one executor accumulated over one partition.</summary>
internal interface IExecutorPart
{
    /// <summary>Adds another partition of the same executor into this one; <paramref name="other"/> is not used afterwards.</summary>
    void Merge(IExecutorPart other);

    /// <summary>Hands the merged state to the accumulation the report is finished from, creating it when null, and returns it.</summary>
    KpiAccumulation DeliverTo(KpiAccumulation? accumulation);
}

/// <summary>The columnar executor: the fused loops of a <see cref="FastPlan"/> over the snapshot's compact columns.</summary>
internal sealed class ColumnarExecutor : IQueryExecutor
{
    private readonly FastPlan _plan;
    private readonly CompiledQuery _compiled;
    private readonly KpiCalculatorContext _context;

    public ColumnarExecutor(FastPlan plan, CompiledQuery compiled, KpiCalculatorContext context)
    {
        _plan = plan;
        _compiled = compiled;
        _context = context;
    }

    public string Name => "columnar scan";

    public bool Evaluates(CompiledQuery.LeafNode leaf) => _plan.IsFast(leaf.Index);

    public IExecutorPart Execute(int partition, int partitions, CancellationToken cancellationToken) => new Part(this, _plan.Scan(partition, partitions, cancellationToken));

    private sealed class Part(ColumnarExecutor owner, FastPlan.Partial counters) : IExecutorPart
    {
        private FastPlan.Partial Counters { get; } = counters;

        public void Merge(IExecutorPart other) => FastPlan.Merge(Counters, ((Part)other).Counters);

        public KpiAccumulation DeliverTo(KpiAccumulation? accumulation)
        {
            // The counters stay pending until the report is finished (or merged): folding them into accumulators costs
            // one step per cell, paid once whatever the number of partitions.
            accumulation ??= new KpiAccumulation(owner._compiled, owner._context);
            accumulation.SetPending(owner._plan, Counters);
            return accumulation;
        }
    }
}

/// <summary>The record-by-record executor: every leaf no other executor claims, through its own accumulator.</summary>
internal sealed class RecordExecutor(CompiledQuery compiled, KpiCalculatorContext context, SalesData data, IQueryExecutor? claimedBy, IQueryExecutor? pushed = null) : IQueryExecutor
{
    public string Name => "record by record";

    /// <summary>Gets whether any leaf of the query is left to this executor.</summary>
    public bool HasWork => compiled.Leaves.Any(Evaluates);

    public bool Evaluates(CompiledQuery.LeafNode leaf) => leaf.UnsupportedReason is null && claimedBy?.Evaluates(leaf) != true && pushed?.Evaluates(leaf) != true;

    public IExecutorPart Execute(int partition, int partitions, CancellationToken cancellationToken)
    {
        var part = new KpiAccumulation(compiled, context);
        part.Scan(data, partition, partitions, Evaluates, cancellationToken);
        return new Part(part);
    }

    private sealed class Part(KpiAccumulation accumulation) : IExecutorPart
    {
        private KpiAccumulation Accumulation { get; } = accumulation;

        public void Merge(IExecutorPart other) => Accumulation.Merge(((Part)other).Accumulation);

        public KpiAccumulation DeliverTo(KpiAccumulation? target)
        {
            if (target is null)
            {
                return Accumulation;
            }

            target.Merge(Accumulation);
            return target;
        }
    }
}

/// <summary>Chooses the executors of an evaluation.</summary>
internal static class QueryExecutors
{
    /// <summary>
    /// Returns the executors of a compiled query over a snapshot: the columnar scan first when allowed and possible,
    /// then the record-by-record executor for what the scan does not claim, when anything is left. An executor given as
    /// <paramref name="pushed"/> (the database's, which computed its leaves elsewhere) claims its leaves before either.
    /// </summary>
    public static IReadOnlyList<IQueryExecutor> For(CompiledQuery compiled, SalesData data, KpiCalculatorContext context, bool columnar, IQueryExecutor? pushed = null)
    {
        var executors = new List<IQueryExecutor>(3);
        IQueryExecutor? scan = null;
        if (columnar && compiled.Leaves.Length > 0 && FastPlan.Create(compiled, data, compiled.Settings, pushed is null ? null : pushed.Evaluates) is { } plan)
        {
            scan = new ColumnarExecutor(plan, compiled, context);
        }

        if (pushed is not null)
        {
            executors.Add(pushed);
        }

        var records = new RecordExecutor(compiled, context, data, scan, pushed);
        if (records.HasWork)
        {
            executors.Add(records);
        }

        if (scan is not null)
        {
            executors.Add(scan);
        }

        return executors;
    }
}
