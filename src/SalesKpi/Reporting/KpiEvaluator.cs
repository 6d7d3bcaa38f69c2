using System.Runtime.ExceptionServices;
using NodaTime;
using SalesKpi.Diagnostics;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// Evaluates KPIs over a <see cref="SalesData"/> snapshot: every KPI of a query, for every group and period, in one
/// pass over each collection.
/// </summary>
/// <remarks>
/// <para>Each record is read once per evaluation, whatever the number of KPIs: the KPIs that read its collection
/// each route it to the cell of its group and of the period its deciding instant falls in. Large snapshots are split
/// into partitions accumulated on separate cores and merged exactly, so the result does not depend on
/// the evaluator's degree of parallelism.</para>
/// </remarks>
/// <example>
/// <code>
/// var evaluator = new KpiEvaluator(KpiSettings.Default.WithZone("Europe/Istanbul"));
/// var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)),
///     [Kpis.Calls, Kpis.CloseRate], KpiGrouping.ByRep, PeriodUnit.Month);
/// KpiReport report = evaluator.Evaluate(data, query);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiEvaluator
{
    /// <summary>Initializes an evaluator.</summary>
    /// <param name="settings">The evaluation settings; <see cref="KpiSettings.Default"/> when null.</param>
    /// <param name="clock">The clock for KPIs that need "now" (quota pacing); none when null.</param>
    /// <param name="services">Services for custom calculators that need them; none when null.</param>
    /// <param name="maxDegreeOfParallelism">The most cores to use; by default, all of them.</param>
    /// <exception cref="ArgumentOutOfRangeException">the evaluator's degree of parallelism is less than 1.</exception>
    public KpiEvaluator(KpiSettings? settings = null, IClock? clock = null, IServiceProvider? services = null, int? maxDegreeOfParallelism = null)
        : this(settings, clock, services, maxDegreeOfParallelism, columnar: true, recordsPerPartition: 250_000)
    {
    }

    /// <summary>Initializes an evaluator that may be kept off the columnar scan, or split small data and small reports, so that tests can compare both engines, the merge of partitions and the finishing of groups on several cores.</summary>
    internal KpiEvaluator(KpiSettings? settings, IClock? clock, IServiceProvider? services, int? maxDegreeOfParallelism, bool columnar, int recordsPerPartition, int rowsPerCore = KpiAccumulation.DefaultRowsPerCore)
    {
        Preconditions.CheckRange(
            maxDegreeOfParallelism is null or >= 1,
            maxDegreeOfParallelism,
            "The degree of parallelism must be at least 1.",
            nameof(maxDegreeOfParallelism));
        Settings = settings ?? KpiSettings.Default;
        Clock = clock;
        Services = services;
        MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        Columnar = columnar;
        RecordsPerPartition = recordsPerPartition;
        RowsPerCore = rowsPerCore;
    }

    /// <summary>Gets the evaluation settings.</summary>
    public KpiSettings Settings { get; }

    /// <summary>Gets the clock, or null.</summary>
    public IClock? Clock { get; }

    /// <summary>Gets the services passed to calculators, or null.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>Gets the most cores an evaluation uses.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Gets a value indicating whether measure KPIs are evaluated by the columnar scan (always, outside tests).</summary>
    internal bool Columnar { get; }

    /// <summary>Gets the fewest records (of the largest collection) per partition: smaller data is not split.</summary>
    internal int RecordsPerPartition { get; }

    /// <summary>Gets the fewest rows of a report per core finishing it: smaller reports are finished on one.</summary>
    internal int RowsPerCore { get; }

    /// <summary>Returns how many partitions an evaluation of the data uses: one per <see cref="RecordsPerPartition"/> records of its largest collection, at least one, at most <see cref="MaxDegreeOfParallelism"/>.</summary>
    internal int PartitionsFor(SalesData data)
    {
        return Math.Min(MaxDegreeOfParallelism, Math.Max(1, data.LargestCollectionEstimate / RecordsPerPartition));
    }

    /// <summary>Evaluates a query.</summary>
    /// <param name="data">The snapshot.</param>
    /// <param name="query">The KPIs, range, grouping and periods.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the settings,
    /// or a calculator is inconsistent (two inputs of one collection, an accumulator that does not handle its input).</exception>
    public KpiReport Evaluate(SalesData data, KpiQuery query) => Evaluate(data, query, CancellationToken.None);

    /// <summary>Evaluates a query that can be cancelled.</summary>
    /// <param name="data">The snapshot.</param>
    /// <param name="query">The KPIs, range, grouping and periods.</param>
    /// <param name="cancellationToken">Cancels the evaluation: the scan looks at it between chunks of records, and the
    /// finishing of the report between groups.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the settings,
    /// or a calculator is inconsistent (two inputs of one collection, an accumulator that does not handle its input).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>
    /// <para>The token is looked at once per chunk of tens of thousands of records on each core, not per record, so
    /// that it costs nothing measurable and a cancelled evaluation of millions of records stops within milliseconds.</para>
    /// <para>There is no <c>EvaluateAsync</c>: an evaluation is work for the processor, with nothing to wait for, and a
    /// method that only wrapped it in a task would hide where it runs. A caller that must keep its thread free (a UI)
    /// runs it with <c>Task.Run(() =&gt; evaluator.Evaluate(data, query, token), token)</c>; a web request calls this
    /// method directly.</para>
    /// </remarks>
    public KpiReport Evaluate(SalesData data, KpiQuery query, CancellationToken cancellationToken) =>
        Accumulate(data, query, cancellationToken).ToReport(cancellationToken);

    /// <summary>Evaluates a query as a reader of rows, each finished when it is read and not kept: for reports too large to hold, written straight to a file or a response.</summary>
    /// <param name="data">The snapshot.</param>
    /// <param name="query">The KPIs, range, grouping and periods.</param>
    /// <returns>The reader; dispose it when its rows are not read to the end.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the settings
    /// (here, or while the rows are read), or a calculator is inconsistent.</exception>
    public KpiReportReader EvaluateRows(SalesData data, KpiQuery query) => EvaluateRows(data, query, CancellationToken.None);

    /// <summary>Evaluates a query as a reader of rows, as <see cref="EvaluateRows(SalesData, KpiQuery)"/> does, with a scan that can be cancelled.</summary>
    /// <param name="data">The snapshot.</param>
    /// <param name="query">The KPIs, range, grouping and periods.</param>
    /// <param name="cancellationToken">Cancels the scan of the records, which this method finishes before it returns;
    /// the rows are made as they are read, and a caller stops reading them to stop.</param>
    /// <returns>The reader; dispose it when its rows are not read to the end.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the settings
    /// (here, or while the rows are read), or a calculator is inconsistent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public KpiReportReader EvaluateRows(SalesData data, KpiQuery query, CancellationToken cancellationToken) =>
        Accumulate(data, query, cancellationToken).ToReader();

    /// <summary>Evaluates one KPI over a range, ungrouped and unbucketed.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="data">The snapshot.</param>
    /// <param name="range">The dates, inclusive.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the settings.</exception>
    public KpiValue Evaluate(KpiCalculator kpi, SalesData data, DateInterval range)
    {
        Preconditions.CheckNotNull(kpi);
        return Evaluate(data, new KpiQuery(range, [kpi])).Rows[0].Value;
    }

    /// <summary>Accumulates a query over a snapshot without finishing it, so that it can be merged with the accumulation of another part of the data.</summary>
    /// <param name="data">The snapshot (or one part of the data).</param>
    /// <param name="query">The query.</param>
    /// <returns>The accumulation.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the settings.</exception>
    public KpiAccumulation Accumulate(SalesData data, KpiQuery query) => Accumulate(data, query, CancellationToken.None);

    /// <summary>Accumulates a query over a snapshot without finishing it, with a scan that can be cancelled.</summary>
    /// <param name="data">The snapshot (or one part of the data).</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the scan: it is looked at between chunks of records.</param>
    /// <returns>The accumulation.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the settings.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public KpiAccumulation Accumulate(SalesData data, KpiQuery query, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(data);
        Preconditions.CheckNotNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        using var telemetry = EvaluationTelemetry.Start(data, query, Settings);
        return Accumulate(data, CompiledQuery.Compile(query, Settings), null, telemetry, cancellationToken);
    }

    /// <summary>
    /// Accumulates a compiled query with an executor that evaluated some leaves elsewhere (a database, for SalesKpi.Sql):
    /// it claims them, and the snapshot — what the database could not compute, read into memory — serves the rest.
    /// </summary>
    internal KpiAccumulation Accumulate(SalesData data, CompiledQuery compiled, Func<KpiCalculatorContext, IQueryExecutor> pushed, CancellationToken cancellationToken)
    {
        using var telemetry = EvaluationTelemetry.Start(data, compiled.Query, Settings);
        return Accumulate(data, compiled, pushed, telemetry, cancellationToken);
    }

    private KpiAccumulation Accumulate(SalesData data, CompiledQuery compiled, Func<KpiCalculatorContext, IQueryExecutor>? pushed, EvaluationTelemetry? telemetry, CancellationToken cancellationToken)
    {
        var context = new KpiCalculatorContext(Settings, data, Clock, Services);
        var claimed = pushed?.Invoke(context);
        var executors = QueryExecutors.For(compiled, data, context, Columnar, claimed);
        try
        {
            return Accumulate(data, compiled, context, executors, cancellationToken);
        }
        catch (OverflowException) when (executors.Any(e => e is ColumnarExecutor))
        {
            // The columnar scan sums amounts per cell as it goes and cannot leave one cell out: when a sum overflows a
            // decimal, the evaluation is redone record by record, where the overflowing cell alone is undefined.
            return Accumulate(data, compiled, context, QueryExecutors.For(compiled, data, context, columnar: false, claimed), cancellationToken);
        }
        catch (Exception e) when (EvaluationTelemetry.Failed(telemetry, e))
        {
            throw; // Never reached: the filter records the failure on the span and lets the exception through.
        }
    }

    private KpiAccumulation Accumulate(SalesData data, CompiledQuery compiled, KpiCalculatorContext context, IReadOnlyList<IQueryExecutor> executors, CancellationToken cancellationToken)
    {
        var partitions = PartitionsFor(data);
        var parts = new IExecutorPart[executors.Count][];
        for (var e = 0; e < executors.Count; e++)
        {
            parts[e] = new IExecutorPart[partitions];
        }

        if (partitions <= 1)
        {
            Part(0);
        }
        else
        {
            var errors = new ExceptionDispatchInfo?[partitions];
            Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions, CancellationToken = cancellationToken }, p =>
            {
                try
                {
                    Part(p);
                }
#pragma warning disable CA1031 // Every error is rethrown below, unwrapped.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    errors[p] = ExceptionDispatchInfo.Capture(e);
                }
            });

            // Rethrow the first partition's error as it was thrown, not wrapped in an AggregateException, so that large
            // data fails with the same documented exception as small data does on one core.
            foreach (var error in errors)
            {
                error?.Throw();
            }
        }

        // Each executor merges its own partitions (the record-by-record executor merges accumulations; the columnar
        // scan adds its counters up and folds them into accumulators once, so the cost of a cell is paid once whatever
        // the number of partitions), then hands the result to the one accumulation the report is finished from.
        KpiAccumulation? accumulation = null;
        for (var e = 0; e < executors.Count; e++)
        {
            for (var p = 1; p < partitions; p++)
            {
                parts[e][0].Merge(parts[e][p]);
            }

            accumulation = parts[e][0].DeliverTo(accumulation);
        }

        accumulation ??= new KpiAccumulation(compiled, context);
        if (compiled.Windows.Length > 0)
        {
            // Each time-window KPI's batches of windows are queries of their own over the same data: the records before
            // the range that a window reaches are read there.
            accumulation.SetWindows(
            [
                .. compiled.Windows.Select(w => w.Batches.Select(b => Accumulate(data, b, (Func<KpiCalculatorContext, IQueryExecutor>?)null, null, cancellationToken)).ToArray()),
            ]);
        }

        accumulation.MaxDegreeOfParallelism = MaxDegreeOfParallelism;
        accumulation.RowsPerCore = RowsPerCore;
        return accumulation;

        void Part(int partition)
        {
            for (var e = 0; e < executors.Count; e++)
            {
                parts[e][partition] = executors[e].Execute(partition, partitions, cancellationToken);
            }
        }
    }
}
