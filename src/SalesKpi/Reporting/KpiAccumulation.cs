using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.ExceptionServices;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// The accumulated, not yet finished state of a query over some data: one accumulator per KPI, group and period.
/// Accumulations of disjoint parts of the data merge exactly into the accumulation of the whole.
/// </summary>
/// <remarks>
/// <para>Create one with <see cref="KpiEvaluator.Accumulate(SalesData, KpiQuery)"/>; combine partitions with
/// <see cref="Merge"/>; finish with <see cref="ToReport()"/>. Memory grows with KPIs × groups × periods, not with the
/// number of records.</para>
/// </remarks>
/// <threadsafety>An accumulation is used by one thread at a time.</threadsafety>
public sealed class KpiAccumulation
{
    private readonly CompiledQuery _compiled;
    private readonly KpiCalculatorContext _context;
    private readonly Dictionary<string, int> _groupIndex = new(StringComparer.Ordinal);
    private readonly List<string> _groupKeys = [];
    private readonly List<KpiAccumulator?[]> _cells = [];
    private bool _finished;

    // The columnar scan's counters, not yet folded into accumulators: a report reads its values straight from them, and
    // they are folded only if this accumulation is merged.
    private FastPlan? _pendingPlan;
    private FastPlan.Partial? _pending;

    // The accumulations of the time-window KPIs' queries: one per window node and batch of windows.
    private KpiAccumulation[][] _windows = [];

    // While a time-window KPI's accumulation is read by the query it belongs to: its columnar view and the group read.
    private FastPlan.ReportView? _windowView;
    private GroupValues? _windowGroup;

    internal KpiAccumulation(CompiledQuery compiled, KpiCalculatorContext context)
    {
        _compiled = compiled;
        _context = context;
    }

    /// <summary>Gets the query accumulated.</summary>
    public KpiQuery Query => _compiled.Query;

    /// <summary>Adds the state of another accumulation of the same query over a disjoint part of the data.</summary>
    /// <param name="other">The other accumulation; it is not used afterwards.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> accumulated another query or settings.</exception>
    /// <exception cref="InvalidOperationException">This or <paramref name="other"/> was already merged or finished.</exception>
    public void Merge(KpiAccumulation other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckArgument(
            ReferenceEquals(other._compiled.Query, _compiled.Query) && ReferenceEquals(other._compiled.Settings, _compiled.Settings),
            nameof(other),
            "Only accumulations of the same query and settings can be merged.");
        Preconditions.CheckArgument(!ReferenceEquals(other, this), nameof(other), "An accumulation cannot be merged into itself.");
        Preconditions.CheckState(!_finished && !other._finished, "The accumulation was already merged or finished.");
        MergeCore(other);
    }

    /// <summary>Merges another accumulation of a query compiled alike (the same query, or a time-window KPI's query compiled with it).</summary>
    private void MergeCore(KpiAccumulation other)
    {
        for (var w = 0; w < _windows.Length; w++)
        {
            for (var b = 0; b < _windows[w].Length; b++)
            {
                _windows[w][b].MergeCore(other._windows[w][b]);
            }
        }

        Materialize();
        other.Materialize();
        for (var g = 0; g < other._groupKeys.Count; g++)
        {
            var mine = Cells(GroupOf(other._groupKeys[g]));
            var theirs = other._cells[g];
            for (var i = 0; i < theirs.Length; i++)
            {
                if (theirs[i] is not { } t)
                {
                    continue;
                }

                if (mine[i] is not { } m || t is OverflowedAccumulator)
                {
                    mine[i] = t;
                }
                else if (m is not OverflowedAccumulator)
                {
                    try
                    {
                        m.Merge(t);
                    }
                    catch (OverflowException)
                    {
                        mine[i] = OverflowedAccumulator.Of(_compiled.Leaves[i / _compiled.PeriodCount]);
                    }
                }
            }
        }

        other._finished = true;
    }

    /// <summary>Finishes the accumulation into a report.</summary>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidOperationException">The accumulation was merged into another.</exception>
    public KpiReport ToReport() => ToReport(CancellationToken.None);

    /// <summary>Finishes the accumulation into a report, looking at <paramref name="cancellationToken"/> between groups.</summary>
    internal KpiReport ToReport(CancellationToken cancellationToken)
    {
        Preconditions.CheckState(!_finished, FinishedMessage);
        _finished = true;
        var pending = _pending;
        _pending = null;
        return Report(pending, releasePending: true, cancellationToken);
    }

    /// <summary>Finishes the accumulation into a report as <see cref="ToReport()"/> does, but leaves it unfinished and its counters in place: for benchmarks of the finishing step, which finish one accumulation again and again.</summary>
    internal KpiReport ToReportAgain()
    {
        Preconditions.CheckState(!_finished, FinishedMessage);
        return Report(_pending, releasePending: false);
    }

    /// <summary>Finishes the accumulation as a reader of rows, each made when it is read and not kept.</summary>
    /// <returns>The reader; dispose it when its rows are not read to the end.</returns>
    /// <exception cref="InvalidOperationException">The accumulation was merged into another or already finished.</exception>
    public KpiReportReader ToReader()
    {
        Preconditions.CheckState(!_finished, FinishedMessage);
        _finished = true;
        var query = _compiled.Query;
        var plan = _compiled.Plan;
        var view = _pending is { } pending ? _pendingPlan!.CreateView(pending) : null;
        _pending = null;
        OpenWindows();
        var ordered = GroupsOf(view);
        var released = 0;
        void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                view?.Return();
                CloseWindows();
            }
        }

        return new KpiReportReader(query, _compiled.Settings, [.. plan.Periods.Skip(plan.FirstVisible)], ordered, Rows(ordered, view, Release), Release);
    }

    /// <summary>Gets or sets the most cores <see cref="ToReport()"/> finishes groups on (the evaluator's degree of parallelism).</summary>
    internal int MaxDegreeOfParallelism { get; set; } = 1;

    /// <summary>Gets or sets the fewest rows per core when <see cref="ToReport()"/> finishes groups on several: smaller reports are finished on one.</summary>
    internal int RowsPerCore { get; set; } = DefaultRowsPerCore;

    /// <summary>The default of <see cref="RowsPerCore"/>: a core's share must outweigh the cost of starting it.</summary>
    internal const int DefaultRowsPerCore = 4096;

    private const string FinishedMessage = "The accumulation was merged into another or already finished, and cannot be finished.";

    /// <summary>Returns the report's group keys in order: those with cells or routed counters, and every known one when the query asks for them.</summary>
    private ImmutableArray<string> GroupsOf(FastPlan.ReportView? view)
    {
        var query = _compiled.Query;
        var keys = new HashSet<string>(_groupKeys, StringComparer.Ordinal);
        if (view is not null)
        {
            keys.UnionWith(view.RoutedGroups());
        }

        if (query.IncludeAllKnownGroups || ReferenceEquals(query.GroupBy, KpiGrouping.None))
        {
            keys.UnionWith(query.GroupBy.KnownKeys(_context.Data));
        }

        // A group with records only in a window (before the range, for a rolling or last year's value) has a value there.
        foreach (var batch in _windows.SelectMany(w => w))
        {
            keys.UnionWith(batch.WindowGroupKeys());
        }

        return [.. keys.Order(query.GroupBy.KeyOrder)];
    }

    /// <summary>Makes the report: every row in report order, each group's on one core and its values in bulk; then gives the columnar counters back when <paramref name="releasePending"/>.</summary>
    private KpiReport Report(FastPlan.Partial? pending, bool releasePending, CancellationToken cancellationToken = default)
    {
        var view = pending is not null ? _pendingPlan!.CreateView(pending) : null;
        OpenWindows();
        try
        {
            var query = _compiled.Query;
            var plan = _compiled.Plan;
            var ordered = GroupsOf(view);
            var rowsPerGroup = (plan.Periods.Length - plan.FirstVisible) * query.Kpis.Length;
            var rows = new ChunkedArray<KpiValue>(checked((int)((long)ordered.Length * rowsPerGroup)));
            // The windows' accumulations are read one group at a time: their reports are finished on one core.
            var cores = _windows.Length > 0 ? 1 : (int)Math.Min(Math.Min(MaxDegreeOfParallelism, ordered.Length), rows.Length / Math.Max(1, RowsPerCore));
            if (cores <= 1)
            {
                var group = NewGroupValues(view, report: true);
                for (var g = 0; g < ordered.Length; g++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    FinishGroup(group, ordered[g], rows, g * rowsPerGroup);
                }
            }
            else
            {
                // Groups are independent: each core finishes whole groups into their own rows, with its own shared values,
                // so the rows are those of one core. The error of the first failing group is the one one core would meet
                // first (Break still runs every group before it), thrown as it was thrown.
                var errors = new ExceptionDispatchInfo?[ordered.Length];
                Parallel.For(
                    0,
                    ordered.Length,
                    new ParallelOptions { MaxDegreeOfParallelism = cores, CancellationToken = cancellationToken },
                    () => NewGroupValues(view, report: true),
                    (g, state, group) =>
                    {
                        try
                        {
                            FinishGroup(group, ordered[g], rows, g * rowsPerGroup);
                        }
#pragma warning disable CA1031 // Every error is rethrown below, unwrapped.
                        catch (Exception e)
#pragma warning restore CA1031
                        {
                            errors[g] = ExceptionDispatchInfo.Capture(e);
                            state.Break();
                        }

                        return group;
                    },
                    _ => { });
                foreach (var error in errors)
                {
                    error?.Throw();
                }
            }

            return new KpiReport(query, _compiled.Settings, [.. plan.Periods.Skip(plan.FirstVisible)], ordered, rows);
        }
        finally
        {
            if (releasePending)
            {
                view?.Return();
            }

            CloseWindows(releasePending);
        }
    }

    /// <summary>Hands the accumulations of the query's time-window KPIs (one per window node and batch) to this accumulation.</summary>
    internal void SetWindows(KpiAccumulation[][] windows) => _windows = windows;

    /// <summary>Makes every window accumulation readable by group (<see cref="WindowValue"/>), however deep.</summary>
    private void OpenWindows()
    {
        foreach (var batch in _windows.SelectMany(w => w))
        {
            batch.OpenWindows();
            batch._windowView = batch._pending is { } pending ? batch._pendingPlan!.CreateView(pending) : null;
            batch._windowGroup = batch.NewGroupValues(batch._windowView, report: true);
            batch._windowGroup.Start(string.Empty, null);
            batch._windowKey = null;
        }
    }

    /// <summary>Gives back the window accumulations' columnar views; when <paramref name="release"/>, their counters too, as this accumulation's are.</summary>
    private void CloseWindows(bool release = true)
    {
        foreach (var batch in _windows.SelectMany(w => w))
        {
            batch.CloseWindows(release);
            batch._windowGroup = null;
            if (batch._windowView is { } view)
            {
                batch._windowView = null;
                if (release)
                {
                    view.Return();
                    batch._pending = null;
                }
            }
        }
    }

    private string? _windowKey;

    /// <summary>Returns the keys of the groups this window accumulation has records of.</summary>
    private IEnumerable<string> WindowGroupKeys() =>
        _windowView is { } view ? _groupKeys.Concat(view.RoutedGroups()) : _groupKeys;

    /// <summary>Returns the value of this window accumulation's one KPI for a group in one of its windows.</summary>
    private KpiValue WindowValue(string key, int period)
    {
        var group = _windowGroup!;
        if (!string.Equals(_windowKey, key, StringComparison.Ordinal))
        {
            group.Start(key, _groupIndex.TryGetValue(key, out var g) ? _cells[g] : null);
            _windowKey = key;
        }

        return Evaluate(_compiled.Roots[0], group, period);
    }

    /// <summary>Returns the state of finishing groups one after another: for a report, every period's leaf values of a group and shared values; for a reader, only what a derived KPI can still ask for.</summary>
    private GroupValues NewGroupValues(FastPlan.ReportView? view, bool report)
    {
        // A leaf's value in a cell with no records, or where it is unsupported, is the same in every such cell: made once.
        var empty = new KpiValue?[_compiled.Leaves.Length];
        // A reader keeps leaf values only for the periods a derived KPI can still ask for (the current one, and one more for
        // each period-over-period KPI in the deepest chain), so a group's memory does not grow with its periods; a report
        // holds every value anyway.
        var window = report ? _compiled.PeriodCount : 1 + (_compiled.Roots.Length == 0 ? 0 : _compiled.Roots.Max(Lag));
        var memo = new ValueMemo(_compiled.Leaves.Length, Math.Max(1, window));
        return new GroupValues(memo, empty, view, report ? new FastPlan.SharedValues(_compiled.Leaves.Length) : null, report);
    }

    /// <summary>Finishes the values of one group's rows of a report into <paramref name="rows"/> from <paramref name="at"/>: the columnar leaves' values in bulk, leaf by leaf, then every row's in order.</summary>
    private void FinishGroup(GroupValues group, string key, ChunkedArray<KpiValue> rows, int at)
    {
        var plan = _compiled.Plan;
        var periodCount = _compiled.PeriodCount;
        group.Start(key, _groupIndex.TryGetValue(key, out var g) ? _cells[g] : null);
        if (group.View is { } view)
        {
            // The columnar scan's values cannot fail, so making them first does not change which error a report meets.
            foreach (var leaf in _compiled.Leaves)
            {
                if (leaf.UnsupportedReason is not null || !view.Evaluates(leaf))
                {
                    continue;
                }

                var offset = leaf.Index * periodCount;
                for (var p = 0; p < periodCount; p++)
                {
                    if (group.Cells?[offset + p] is null)
                    {
                        group.Memo.Set(leaf.Index, p, view.ValueAt(leaf, group.Groups, p, group.Shared));
                    }
                }
            }
        }

        var roots = _compiled.Roots;
        for (var p = plan.FirstVisible; p < plan.Periods.Length; p++)
        {
            for (var k = 0; k < roots.Length; k++)
            {
                rows[at++] = Evaluate(roots[k], group, p);
            }
        }
    }

    /// <summary>Makes the rows of every group, period and KPI in report order, then releases the columnar counters.</summary>
    private IEnumerable<KpiReportRow> Rows(ImmutableArray<string> ordered, FastPlan.ReportView? view, Action release)
    {
        try
        {
            var query = _compiled.Query;
            var plan = _compiled.Plan;
            var group = NewGroupValues(view, report: false);
            foreach (var key in ordered)
            {
                group.Start(key, _groupIndex.TryGetValue(key, out var g) ? _cells[g] : null);
                for (var p = plan.FirstVisible; p < plan.Periods.Length; p++)
                {
                    for (var k = 0; k < query.Kpis.Length; k++)
                    {
                        var value = Evaluate(_compiled.Roots[k], group, p);
                        yield return new KpiReportRow(key, plan.Periods[p], query.Kpis[k].Id, value);
                    }
                }
            }
        }
        finally
        {
            release();
        }
    }

    /// <summary>Accumulates one partition of the records, record by record, for the leaves <paramref name="evaluates"/> selects.</summary>
    internal void Scan(SalesData data, int partition, int partitions, Func<CompiledQuery.LeafNode, bool> evaluates, CancellationToken cancellationToken = default)
    {
        var leaves = _compiled.Leaves;
        if (leaves.Length == 0)
        {
            return;
        }

        var grouping = _compiled.Query.GroupBy;
        ScanCollection<Lead>(data, static d => d.Leads, KpiRecordType.Leads, grouping.KeyOf, RecordAccess.Add, partition, partitions, evaluates, cancellationToken);
        ScanCollection<Opportunity>(data, static d => d.Opportunities, KpiRecordType.Opportunities, grouping.KeyOf, RecordAccess.Add, partition, partitions, evaluates, cancellationToken);
        ScanCollection<Deal>(data, static d => d.Deals, KpiRecordType.Deals, grouping.KeyOf, RecordAccess.Add, partition, partitions, evaluates, cancellationToken);
        ScanCollection<SalesActivity>(data, static d => d.Activities, KpiRecordType.Activities, grouping.KeyOf, RecordAccess.Add, partition, partitions, evaluates, cancellationToken);
        ScanCollection<MarketingSpend>(data, static d => d.Spend, KpiRecordType.Spend, grouping.KeyOf, RecordAccess.Add, partition, partitions, evaluates, cancellationToken);
    }

    private void ScanCollection<T>(
        SalesData snapshot,
        Func<SalesData, ImmutableArray<T>> collection,
        KpiRecordType type,
        Func<T, SalesData, string?> keyOf,
        Action<KpiAccumulator, T, KpiPeriod> add,
        int partition,
        int partitions,
        Func<CompiledQuery.LeafNode, bool> evaluates,
        CancellationToken cancellationToken)
        where T : class
    {
        var readers = new List<(CompiledQuery.LeafNode Leaf, KpiInput<T> Input, Func<T, SalesData, bool>? Keep)>();
        foreach (var leaf in _compiled.Leaves)
        {
            if (evaluates(leaf) && leaf.InputOf<T>(type) is { } input)
            {
                readers.Add((leaf, input, leaf.Filter?.PredicateFor<T>()));
            }
        }

        if (readers.Count == 0)
        {
            return;
        }

        // Read only when a KPI reads it: a snapshot as of an instant makes a collection on first use.
        var records = collection(snapshot);
        if (records.IsEmpty)
        {
            return;
        }

        var plan = _compiled.Plan;
        var periods = plan.Periods;
        var periodCount = periods.Length;
        var data = _context.Data;
        var settings = _compiled.Settings;
        var from = (int)((long)records.Length * partition / partitions);
        var to = (int)((long)records.Length * (partition + 1) / partitions);
        for (var i = from; i < to; i++)
        {
            // Once per 4,096 records: a look at a field beside each record's calls through its accumulators.
            if (((i - from) & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var record = records[i];
            KpiAccumulator?[]? cells = null;
            foreach (var (leaf, input, keep) in readers)
            {
                if (keep is not null && !keep(record, data))
                {
                    continue;
                }

                int first, last;
                if (input.DecidingInstant is { } decide)
                {
                    if (decide(record) is not { } instant || (first = plan.Locate(instant)) < 0)
                    {
                        continue;
                    }

                    last = first;
                }
                else
                {
                    if (input.Span!(record, settings) is not { } span)
                    {
                        continue;
                    }

                    (first, last) = plan.Overlapping(span.Start, span.End ?? plan.LastDate);
                }

                cells ??= Cells(GroupOf(keyOf(record, data) ?? KpiGrouping.NoKey));
                var offset = leaf.Index * periodCount;
                for (var p = first; p <= last; p++)
                {
                    var cell = cells[offset + p] ??= leaf.CreateAccumulator(_context);
                    try
                    {
                        add(cell, record, periods[p]);
                    }
                    catch (OverflowException)
                    {
                        // The cell's sum no longer fits a decimal: it is undefined, and the rest of the report goes on.
                        cells[offset + p] = OverflowedAccumulator.Of(leaf);
                    }
                }
            }
        }
    }

    /// <summary>Returns the accumulator of a measure leaf for a group and period, creating the group and the accumulator when needed; null when the cell overflowed.</summary>
    internal MeasureAccumulator? MeasureCell(string key, CompiledQuery.LeafNode leaf, int period)
    {
        var cells = Cells(GroupOf(key));
        return (cells[(leaf.Index * _compiled.PeriodCount) + period] ??= leaf.CreateAccumulator(_context)) as MeasureAccumulator;
    }

    /// <summary>Marks a leaf's cell as overflowed: folding the columnar counters into it overflowed a decimal.</summary>
    internal void SetOverflowed(string key, CompiledQuery.LeafNode leaf, int period) =>
        Cells(GroupOf(key))[(leaf.Index * _compiled.PeriodCount) + period] = OverflowedAccumulator.Of(leaf);

    private int GroupOf(string key)
    {
        if (!_groupIndex.TryGetValue(key, out var g))
        {
            g = _groupKeys.Count;
            _groupIndex.Add(key, g);
            _groupKeys.Add(key);
            _cells.Add(new KpiAccumulator?[_compiled.Leaves.Length * _compiled.PeriodCount]);
        }

        return g;
    }

    private KpiAccumulator?[] Cells(int group) => _cells[group];

    /// <summary>Hands the columnar scan's counters to this accumulation (which then owns their pooled buffers).</summary>
    internal void SetPending(FastPlan plan, FastPlan.Partial partial)
    {
        _pendingPlan = plan;
        _pending = partial;
    }

    /// <summary>Folds pending counters into accumulators, so that this accumulation can be merged cell by cell.</summary>
    private void Materialize()
    {
        if (_pending is { } pending)
        {
            _pendingPlan!.Fold(this, pending);
            _pending = null;
        }
    }

    private KpiValue Evaluate(CompiledQuery.Node node, GroupValues group, int period)
    {
        switch (node)
        {
            case CompiledQuery.LeafNode leaf:
                if (leaf.UnsupportedReason is { } reason)
                {
                    return group.Empty[leaf.Index] ??= Share(group, KpiValue.Undefined(leaf.Calculator.Unit, reason));
                }

                if (group.Memo.Get(leaf.Index, period) is { } known)
                {
                    return known;
                }

                return group.Memo.Set(leaf.Index, period, LeafValue(leaf, group, period, (leaf.Index * _compiled.PeriodCount) + period));
            case CompiledQuery.DerivedNode derived:
                if (group.Ratios is { } ratios && derived.Derived is RatioKpiCalculator ratioKpi && derived.Children.Length == 2)
                {
                    // A built-in ratio of two KPIs is a function of their two values alone: a report's cells whose values
                    // are the same shared objects (small counts, the values of cells with no record) share its value. A
                    // pair with a value of its own cannot repeat, and is not remembered.
                    var numerator = Evaluate(derived.Children[0], group, period);
                    var denominator = Evaluate(derived.Children[1], group, period);
                    if (numerator.ShareId == 0 || denominator.ShareId == 0)
                    {
                        return Ratio(ratioKpi, numerator, denominator);
                    }

                    // The numbers are this report's, but a custom accumulator may hand back a value another report
                    // numbered: a remembered ratio is used only for the very objects it was made from.
                    var pair = ((long)derived.Ordinal << 42) | ((long)numerator.ShareId << 21) | (uint)denominator.ShareId;
                    if (ratios.TryGetValue(pair, out var remembered))
                    {
                        return ReferenceEquals(remembered.Numerator, numerator) && ReferenceEquals(remembered.Denominator, denominator)
                            ? remembered.Ratio
                            : Ratio(ratioKpi, numerator, denominator);
                    }

                    var ratio = Ratio(ratioKpi, numerator, denominator);
                    if (ratios.Count < GroupValues.MostRatios)
                    {
                        ratio = Share(group, ratio);
                        ratios.Add(pair, new SharedRatio(numerator, denominator, ratio));
                    }

                    return ratio;
                }

                var current = new KpiValue[derived.Children.Length];
                var before = derived.Derived.UsesPreviousPeriod ? _compiled.Plan.PreviousOf(period) : -1;
                KpiValue[]? previous = before >= 0 ? new KpiValue[derived.Children.Length] : null;
                for (var c = 0; c < current.Length; c++)
                {
                    current[c] = Evaluate(derived.Children[c], group, period);
                    if (previous is not null)
                    {
                        previous[c] = Evaluate(derived.Children[c], group, before);
                    }
                }

                return Combine(derived, current, previous, group, period, before);
            case CompiledQuery.WindowNode window:
                return window.BatchOf[period] is var batch && batch < 0
                    ? KpiValue.Undefined(window.Calculator.Unit, $"the window of {window.Calculator.Id} lies before {KpiQuery.MinDate:uuuu-MM-dd}")
                    : _windows[window.Ordinal][batch].WindowValue(group.Key, window.PeriodInBatch[period]);
            default:
                throw new InvalidOperationException("Unknown node.");
        }
    }

    /// <summary>Returns a built-in ratio of two values as <see cref="Combine"/> would through its <see cref="KpiCombination"/>, without making one.</summary>
    private static KpiValue Ratio(RatioKpiCalculator ratio, KpiValue numerator, KpiValue denominator)
    {
        try
        {
            return ratio.Combine(numerator, denominator);
        }
        catch (OverflowException)
        {
            return KpiValue.Undefined(ratio.Unit, OverflowedAccumulator.FinishReason);
        }
    }

    /// <summary>Combines the values of a derived KPI's components in a group and period.</summary>
    private KpiValue Combine(CompiledQuery.DerivedNode derived, KpiValue[] current, KpiValue[]? previous, GroupValues group, int period, int before)
    {
        var periods = _compiled.Plan.Periods;
        var combination = new KpiCombination(current, previous, periods[period], previous is null ? null : periods[before], group.Key, _context);
        KpiValue? combined;
        try
        {
            combined = derived.Derived.Combine(combination);
        }
        catch (OverflowException)
        {
            return KpiValue.Undefined(derived.Calculator.Unit, OverflowedAccumulator.FinishReason);
        }

        return combined ?? throw new InvalidOperationException(string.Create(
            CultureInfo.InvariantCulture,
            $"KPI '{derived.Calculator.Id}' ({derived.Calculator.GetType().Name}) returned null from Combine for group '{group.Key}' in period {periods[period].Label}; return KpiValue.Undefined(unit, reason) when the value cannot be computed."));
    }

    /// <summary>Finishes a leaf's cell: its accumulator's value, the columnar counters' value, or the value of no records.</summary>
    private KpiValue LeafValue(CompiledQuery.LeafNode leaf, GroupValues group, int period, int index)
    {
        KpiAccumulator? accumulator = null;
        try
        {
            if (group.Cells?[index] is { } cell)
            {
                accumulator = cell;
                return cell.GetValue() ?? throw ReturnedNull(leaf, cell, group.Key, period);
            }

            if (group.View is { } view && view.Evaluates(leaf))
            {
                return view.ValueAt(leaf, group.Groups, period, group.Shared);
            }

            if (group.Empty[leaf.Index] is { } empty)
            {
                return empty;
            }

            accumulator = leaf.CreateAccumulator(_context);
            return group.Empty[leaf.Index] = Share(group, accumulator.GetValue() ?? throw ReturnedNull(leaf, accumulator, group.Key, period));
        }
        catch (OverflowException)
        {
            // The counters of the columnar scan sum decimals as they are read; a KPI's own accumulator may overflow finishing.
            return KpiValue.Undefined(leaf.Calculator.Unit, accumulator is null ? OverflowedAccumulator.SumReason : OverflowedAccumulator.FinishReason);
        }
    }

    /// <summary>Returns a value a report's cells share, numbered for its ratios (<see cref="GroupValues.Ratios"/>); a reader's as it is.</summary>
    private static KpiValue Share(GroupValues group, KpiValue value) => group.Shared?.Share(value) ?? value;

    private InvalidOperationException ReturnedNull(CompiledQuery.LeafNode leaf, KpiAccumulator accumulator, string group, int period) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"KPI '{leaf.Calculator.Id}': {accumulator.GetType().Name}.GetValue() returned null for group '{group}' in period {_compiled.Plan.Periods[period].Label}; return KpiValue.Undefined(unit, reason) when the value cannot be computed."));

    /// <summary>Returns how many periods back a KPI reads: one for each period-over-period step in its deepest chain.</summary>
    private static int Lag(CompiledQuery.Node node) => node is CompiledQuery.DerivedNode derived
        ? (derived.Derived.UsesPreviousPeriod ? 1 : 0) + (derived.Children.Length == 0 ? 0 : derived.Children.Max(Lag))
        : 0;

    /// <summary>The leaf values of one group for a window of recent periods: a period's values overwrite those of the period a window earlier.</summary>
    private sealed class ValueMemo(int leaves, int window)
    {
        private readonly KpiValue?[] _values = new KpiValue?[leaves * window];
        private readonly int[] _periods = new int[leaves * window];

        public void Clear()
        {
            Array.Clear(_values);
            Array.Fill(_periods, -1);
        }

        public KpiValue? Get(int leaf, int period)
        {
            var slot = Slot(leaf, period);
            return _periods[slot] == period ? _values[slot] : null;
        }

        public KpiValue Set(int leaf, int period, KpiValue value)
        {
            var slot = Slot(leaf, period);
            _periods[slot] = period;
            return _values[slot] = value;
        }

        // A report's window holds every period: no division.
        private int Slot(int leaf, int period) => (leaf * window) + (period < window ? period : period % window);
    }

    /// <summary>What evaluating one group's cells reads: its accumulators, the columnar counters, and the values made so far; one group after another.</summary>
    private sealed class GroupValues(ValueMemo memo, KpiValue?[] empty, FastPlan.ReportView? view, FastPlan.SharedValues? shared, bool report)
    {
        public string Key { get; private set; } = string.Empty;

        public KpiAccumulator?[]? Cells { get; private set; }

        public ValueMemo Memo { get; } = memo;

        public KpiValue?[] Empty { get; } = empty;

        public FastPlan.ReportView? View { get; } = view;

        /// <summary>Gets the values shared between cells (a report's), or null (a reader's).</summary>
        public FastPlan.SharedValues? Shared { get; } = shared;

        /// <summary>The most ratios remembered: the dictionary's arrays stay off the large-object heap (see <see cref="ChunkedArray{T}"/>).</summary>
        public const int MostRatios = 1024;

        /// <summary>Gets the values of built-in ratios of two shared KPI values by their node and the values (a report's), or null (a reader's).</summary>
        /// <remarks>The key is the node's ordinal and the two values' share numbers (<see cref="KpiValue.ShareId"/>), 21 bits each.</remarks>
        public Dictionary<long, SharedRatio>? Ratios => report ? _ratios ??= new(MostRatios) : null;

        private Dictionary<long, SharedRatio>? _ratios;

        /// <summary>Gets the group's index in each unit of the columnar counters.</summary>
        public int[] Groups { get; } = new int[view?.Units ?? 0];

        /// <summary>Moves on to a group: its key and accumulators (null when it has none), with no values made yet.</summary>
        public void Start(string key, KpiAccumulator?[]? cells)
        {
            Key = key;
            Cells = cells;
            Memo.Clear();
            View?.GroupsOf(key, Groups);
        }
    }

    /// <summary>A remembered ratio of two shared values, with the values it was made from.</summary>
    private readonly record struct SharedRatio(KpiValue Numerator, KpiValue Denominator, KpiValue Ratio);
}
