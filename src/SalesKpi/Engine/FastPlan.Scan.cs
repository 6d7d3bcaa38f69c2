using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Engine;

/// <summary>The scan of a <see cref="FastPlan"/>: the per-column loops, their partial results and the fold into accumulators.</summary>
internal sealed partial class FastPlan
{
    /// <summary>Scans one partition (a slice of every column) into counters that <see cref="Merge"/> adds and <see cref="Fold"/> finishes.</summary>
    /// <remarks>Never inlined: with dynamic PGO the evaluator's call through <see cref="IQueryExecutor"/> was devirtualised
    /// and the scan inlined into <c>KpiEvaluator.Accumulate</c>, where the same loops ran about 40 % slower (a 1-thread
    /// report at 100,000 opportunities: 10.0 ms median against 6.3 ms for the scan called on its own).</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Partial Scan(int partition, int partitions, CancellationToken cancellationToken = default)
    {
        var results = new UnitResult[_units.Length];
        for (var u = 0; u < _units.Length; u++)
        {
            var unit = _units[u];
            var from = (int)((long)unit.Count * partition / partitions);
            var to = (int)((long)unit.Count * (partition + 1) / partitions);
            results[u] = unit.Scan(from, to, cancellationToken);
        }

        return new Partial(results);
    }

    /// <summary>Adds the counters of another partition to <paramref name="into"/>; <paramref name="from"/>'s buffers go back to the pool.</summary>
    public static void Merge(Partial into, Partial from)
    {
        for (var u = 0; u < into.Units.Length; u++)
        {
            into.Units[u].Add(from.Units[u]);
        }
    }

    /// <summary>Adds the counters to the accumulators of the leaves they route to, once for the whole evaluation; the buffers go back to the pool.</summary>
    public void Fold(KpiAccumulation target, Partial partial)
    {
        for (var u = 0; u < _units.Length; u++)
        {
            _units[u].Fold(target, partial.Units[u]);
            partial.Units[u].Return();
        }
    }

    /// <summary>Returns a view that reads the values of the plan's leaves straight from merged counters, for a report.</summary>
    public ReportView CreateView(Partial partial) => new(this, partial);

    /// <summary>
    /// The values of the plan's leaves read straight from the merged counters, cell by cell, with no accumulator: what a
    /// report does when its accumulation is not merged with another (the usual case).
    /// </summary>
    internal sealed class ReportView
    {
        private readonly FastPlan _plan;
        private readonly Partial _partial;
        private readonly Dictionary<string, int>[] _groupOf;

        // Per leaf the plan evaluates, the units it reads and its part in each (null for the leaves it does not evaluate):
        // a value reads those units alone.
        private readonly LeafSource[]?[] _sourcesOf;
        private readonly MoneyView _noTotal;

        public ReportView(FastPlan plan, Partial partial)
        {
            _plan = plan;
            _partial = partial;
            _groupOf = [.. plan._units.Select(u => u.GroupIndex())];
            _noTotal = MoneyView.Of(null, plan._settings);
            _sourcesOf = new LeafSource[]?[plan._fast.Length];
            var sources = new List<LeafSource>();
            for (var leaf = 0; leaf < _sourcesOf.Length; leaf++)
            {
                if (plan._fast[leaf])
                {
                    sources.Clear();
                    for (var u = 0; u < plan._units.Length; u++)
                    {
                        if (plan._units[u].LeafOf(leaf) is { } part)
                        {
                            sources.Add(new LeafSource(u, plan._units[u], partial.Units[u], part));
                        }
                    }

                    _sourcesOf[leaf] = [.. sources];
                }
            }
        }

        /// <summary>Gets the number of units, the length of a group's indexes (<see cref="GroupsOf"/>).</summary>
        public int Units => _groupOf.Length;

        /// <summary>Returns true when the plan evaluates the leaf, whose values then come from <see cref="ValueAt"/>.</summary>
        public bool Evaluates(CompiledQuery.LeafNode leaf) => _plan._fast[leaf.Index];

        /// <summary>Writes a group's index in each unit's counters (−1 where the unit has no such group).</summary>
        public void GroupsOf(string key, Span<int> groups)
        {
            for (var u = 0; u < _groupOf.Length; u++)
            {
                groups[u] = _groupOf[u].GetValueOrDefault(key, -1);
            }
        }

        /// <summary>Returns the keys of the groups that have a record routed to a leaf in a period.</summary>
        public IEnumerable<string> RoutedGroups()
        {
            for (var u = 0; u < _plan._units.Length; u++)
            {
                foreach (var key in _plan._units[u].RoutedGroups(_partial.Units[u]))
                {
                    yield return key;
                }
            }
        }

        /// <summary>
        /// Returns the value of a leaf the plan evaluates (<see cref="Evaluates"/>) in a group, given by its indexes
        /// (<see cref="GroupsOf"/>), and a period. With <paramref name="shared"/>, equal values of cells with no record,
        /// small counts and ratios of small counts are one object: for a report, which holds every value anyway, not for
        /// a reader, which lets each value go once it is read.
        /// </summary>
        public KpiValue ValueAt(CompiledQuery.LeafNode leaf, ReadOnlySpan<int> groups, int period, SharedValues? shared)
        {
            var sources = _sourcesOf[leaf.Index]!;
            var measure = leaf.Measure!;
            if (shared is not null)
            {
                if (measure.Shape == MeasureShape.Count)
                {
                    // A count is all a count's cell has; no record is a count of zero.
                    long count = 0;
                    foreach (var source in sources)
                    {
                        if (groups[source.Unit] is var g and >= 0)
                        {
                            count += source.Scan.Sum(source.Result.Counts, source.Scan.Cell(g, period), source.CountBuckets!);
                        }
                    }

                    return count < SharedValues.Counts
                        ? shared.Count[count] ??= shared.Share(MeasureAccumulator.Finish(measure, count, 0, _noTotal, _noTotal, default))
                        : MeasureAccumulator.Finish(measure, count, 0, _noTotal, _noTotal, default);
                }

                long routed = 0;
                foreach (var source in sources)
                {
                    if (groups[source.Unit] is var g and >= 0)
                    {
                        routed += source.Scan.Sum(source.Result.Counts, source.Scan.Cell(g, period), source.Part.RouteBuckets);
                    }
                }

                if (routed == 0)
                {
                    // No record in the cell: every count and total is zero and the sample empty, as below.
                    return shared.Empty[leaf.Index] ??= shared.Share(MeasureAccumulator.Finish(measure, 0, 0, _noTotal, _noTotal, default));
                }
            }

            long count0 = 0, count1 = 0;
            MoneyView total0 = _noTotal, total1 = _noTotal;
            DaySample days = default;
            foreach (var source in sources)
            {
                var g = groups[source.Unit];
                if (g < 0)
                {
                    continue;
                }

                var unit = source.Scan;
                var result = source.Result;
                var cell = unit.Cell(g, period);
                foreach (var component in source.Part.Components)
                {
                    switch (component.Kind)
                    {
                        case MeasureComponentKind.Count:
                            var n = unit.Sum(result.Counts, cell, component.Buckets);
                            if (component.Slot == 0)
                            {
                                count0 += n;
                            }
                            else
                            {
                                count1 += n;
                            }

                            break;
                        case MeasureComponentKind.Sum:
                            if (unit.Total(result, cell, component.Buckets) is { } total)
                            {
                                if (component.Slot == 0)
                                {
                                    total0 = total;
                                }
                                else
                                {
                                    total1 = total;
                                }
                            }

                            break;
                        default:
                            days = unit.Sample(result, cell, component.DaysIndex);
                            break;
                    }
                }
            }

            if (shared is not null && measure.Shape is MeasureShape.Share or MeasureShape.Ratio)
            {
                // A defined ratio of counts depends on its two counts alone (the reason is for a zero denominator).
                var (numerator, denominator) = measure.Shape == MeasureShape.Share ? (count1, count0) : (count0, count1);
                if (denominator > 0 && numerator >= 0 && numerator < SharedValues.RatioCounts && denominator < SharedValues.RatioCounts)
                {
                    return shared.Ratio[(numerator * SharedValues.RatioCounts) + denominator]
                        ??= shared.Share(MeasureAccumulator.Finish(measure, count0, count1, _noTotal, _noTotal, default));
                }
            }

            return MeasureAccumulator.Finish(measure, count0, count1, total0, total1, days);
        }

        /// <summary>Gives the counters' buffers back to the pool.</summary>
        public void Return()
        {
            foreach (var result in _partial.Units)
            {
                result.Return();
            }
        }

        /// <summary>What a leaf reads in one unit: the unit, its counters and the leaf's part there; for a count, the buckets of its first count, all its value reads.</summary>
        private sealed class LeafSource(int unit, ScanUnit scan, UnitResult result, UnitLeaf part)
        {
            public int Unit { get; } = unit;

            public ScanUnit Scan { get; } = scan;

            public UnitResult Result { get; } = result;

            public UnitLeaf Part { get; } = part;

            public int[]? CountBuckets { get; } = part.Leaf.Measure!.Shape == MeasureShape.Count
                ? [.. part.Components.Where(c => c.Kind == MeasureComponentKind.Count && c.Slot == 0).SelectMany(c => c.Buckets)]
                : null;
        }
    }

    /// <summary>The values one finishing of a report shares between its cells: of the cells with no record, per leaf, and small counts.</summary>
    internal sealed class SharedValues(int leaves)
    {
        /// <summary>The counts below this are shared.</summary>
        public const int Counts = 4096;

        /// <summary>Gets each leaf's value in a cell with no record, once made.</summary>
        public KpiValue?[] Empty { get; } = new KpiValue?[leaves];

        /// <summary>The counts of a ratio below this are shared.</summary>
        public const int RatioCounts = 64;

        /// <summary>Gets the values of the counts below <see cref="Counts"/>, once made.</summary>
        public KpiValue?[] Count { get; } = new KpiValue?[Counts];

        /// <summary>Gets the defined ratios of counts below <see cref="RatioCounts"/>, by numerator × <see cref="RatioCounts"/> + denominator, once made.</summary>
        public KpiValue?[] Ratio { get; } = new KpiValue?[RatioCounts * RatioCounts];

        private int _shared;

        /// <summary>The most values numbered: a ratio's key holds each number in 21 bits.</summary>
        public const int MostShared = (1 << 21) - 1;

        /// <summary>Returns an equal value numbered as the next one shared between the report's cells (as it is once <see cref="MostShared"/> are).</summary>
        public KpiValue Share(KpiValue value) => _shared < MostShared ? value.AsShared(++_shared) : value;
    }

    /// <summary>The counters of every unit over one or more partitions.</summary>
    internal sealed class Partial(UnitResult[] units)
    {
        public UnitResult[] Units { get; } = units;
    }

    /// <summary>
    /// The counters of one unit, in pooled buffers: per cell (group × period column) and bucket, a count and the sum of
    /// amounts (whole units, or decimals); per cell and cycle-day sample, a window of day counts or a histogram.
    /// </summary>
    internal sealed class UnitResult
    {
        private readonly int _counters;
        private readonly int _dayCounters;

        public UnitResult(int counters, bool units, bool decimals, int dayCells, int window)
        {
            // Pooled buffers are longer than asked for, with old contents past the cleared part: only that part is used.
            _counters = counters;
            _dayCounters = dayCells * window;
            Counts = Rent<int>(counters);
            SumUnits = units ? Rent<long>(counters) : null;
            Sums = decimals ? Rent<decimal>(counters) : null;
            Window = window;
            DayWindows = dayCells > 0 && window > 0 ? Rent<int>(dayCells * window) : null;
            DayHistograms = dayCells > 0 && window == 0 ? new DayHistogram?[dayCells] : null;
        }

        public int[] Counts { get; }

        public long[]? SumUnits { get; }

        public decimal[]? Sums { get; }

        public int Window { get; }

        public int[]? DayWindows { get; }

        public DayHistogram?[]? DayHistograms { get; }

        public void Add(UnitResult other)
        {
            AddTo(Counts.AsSpan(0, _counters), other.Counts);
            if (SumUnits is not null)
            {
                AddTo(SumUnits.AsSpan(0, _counters), other.SumUnits!);
            }

            if (Sums is not null)
            {
                var mine = Sums.AsSpan(0, _counters);
                var theirs = other.Sums!;
                for (var i = 0; i < mine.Length; i++)
                {
                    if (theirs[i] != 0m)
                    {
                        mine[i] += theirs[i];
                    }
                }
            }

            if (DayWindows is not null)
            {
                AddTo(DayWindows.AsSpan(0, _dayCounters), other.DayWindows!);
            }

            if (DayHistograms is not null)
            {
                for (var i = 0; i < DayHistograms.Length; i++)
                {
                    if (other.DayHistograms![i] is { } theirs)
                    {
                        if (DayHistograms[i] is { } mine)
                        {
                            mine.Merge(theirs);
                        }
                        else
                        {
                            DayHistograms[i] = theirs;
                        }
                    }
                }
            }

            other.Return();
        }

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Counts);
            if (SumUnits is not null)
            {
                ArrayPool<long>.Shared.Return(SumUnits);
            }

            if (Sums is not null)
            {
                ArrayPool<decimal>.Shared.Return(Sums);
            }

            if (DayWindows is not null)
            {
                ArrayPool<int>.Shared.Return(DayWindows);
            }
        }

        // Counters are pooled: a report allocates memory in proportion to its cells once, not per evaluation.
        private static T[] Rent<T>(int length)
        {
            var array = ArrayPool<T>.Shared.Rent(length);
            Array.Clear(array, 0, length);
            return array;
        }

        private static void AddTo(Span<int> mine, int[] theirs)
        {
            var b = theirs.AsSpan(0, mine.Length);
            for (var i = 0; i < mine.Length; i++)
            {
                mine[i] += b[i];
            }
        }

        private static void AddTo(Span<long> mine, long[] theirs)
        {
            var b = theirs.AsSpan(0, mine.Length);
            for (var i = 0; i < mine.Length; i++)
            {
                mine[i] += b[i];
            }
        }
    }

    /// <summary>A leaf's state in a unit: the buckets that route a record to it, and its components.</summary>
    private sealed class UnitLeaf(CompiledQuery.LeafNode leaf, int[] routeBuckets, UnitComponent[] components)
    {
        public CompiledQuery.LeafNode Leaf { get; } = leaf;

        public int[] RouteBuckets { get; } = routeBuckets;

        public UnitComponent[] Components { get; } = components;
    }

    /// <summary>A component's slot in its accumulator and the buckets it sums over (its day-sample index for cycle days).</summary>
    private sealed class UnitComponent(MeasureComponentKind kind, int slot, int[] buckets, int daysIndex)
    {
        public MeasureComponentKind Kind { get; } = kind;

        public int Slot { get; } = slot;

        public int[] Buckets { get; } = buckets;

        public int DaysIndex { get; } = daysIndex;
    }

    /// <summary>
    /// A slot of the period table, with the column offsets resolved: a tick in the slot is in <see cref="Column"/>, or in
    /// <see cref="Column"/> + <see cref="Delta"/> from <see cref="NextBound"/> on (at most one boundary falls in a slot).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Slot(long nextBound, int column, int delta)
    {
        public readonly long NextBound = nextBound;
        public readonly int Column = column;
        public readonly int Delta = delta;
    }

    /// <summary>One timestamp column with everything its loop needs, read-only and shared by the partitions.</summary>
    private sealed class ScanUnit
    {
        private readonly long[] _ticks;
        private readonly SnapshotColumns _columns;
        private readonly uint[] _keys;
        private readonly int _extraGroups;
        private readonly PeriodIndex _periods;
        private readonly int[] _bucketOf;
        private readonly int _buckets;
        private readonly string[] _groupKeys;
        private readonly int _groupShift;
        private readonly uint _groupMask;
        private readonly uint _traitMask;
        private readonly UnitLeaf[] _leaves;
        private readonly AmountColumn? _amounts;
        private readonly bool[] _sumBucket;
        private readonly int _daysComponents;
        private readonly int[]?[] _daysOfBucket;
        private readonly ZoneDays? _zoneDays;
        private readonly int _window;
        private readonly int _columnsPerGroup;

        // Offsets into the counters: of each group code's first cell, and of each interval's (or slot's) column.
        private readonly int[] _cellBase;
        private readonly int[] _columnBase;
        private readonly Slot[] _slots;
        private readonly UnitLeaf?[] _leafOf;
        private readonly int[]? _combined;

        public ScanUnit(
            long[] ticks,
            SnapshotColumns columns,
            uint[] keys,
            int keyGroups,
            int extraGroups,
            PeriodIndex periods,
            int[] bucketOf,
            int buckets,
            string[] groupKeys,
            int[] groupOf,
            bool groupByTrait,
            UnitLeaf[] leaves,
            AmountColumn? amounts,
            bool[] sumBucket,
            int daysComponents,
            int[]?[] daysOfBucket,
            ZoneDays? zoneDays,
            int window)
        {
            _ticks = ticks;
            _columns = columns;
            _keys = keys;
            _extraGroups = extraGroups;
            _periods = periods;
            _bucketOf = bucketOf;
            _buckets = buckets;
            _groupKeys = groupKeys;
            _groupShift = groupByTrait ? 0 : columns.TraitBits;
            _groupMask = groupByTrait ? columns.TraitMask : uint.MaxValue;
            _traitMask = columns.TraitMask;
            _leaves = leaves;
            _amounts = amounts;
            _sumBucket = sumBucket;
            _daysComponents = daysComponents;
            _daysOfBucket = daysOfBucket;
            _zoneDays = zoneDays;
            _window = window;
            _columnsPerGroup = periods.Periods + 1;
            _cellBase = [.. groupOf.Select(g => g * _columnsPerGroup * buckets)];
            _columnBase = [.. periods.ColumnOf.Select(c => c * buckets)];
            // One look-up per record instead of two: the cell offset of the key's group plus its bucket, for every key.
            var keyCount = (long)keyGroups << columns.TraitBits;
            if (keyCount <= MaxCombined)
            {
                _combined = new int[keyCount];
                for (var key = 0u; key < _combined.Length; key++)
                {
                    // Trait codes past the column's (the key's trait field is rounded up to a power of two) have no record.
                    var group = (key >> _groupShift) & _groupMask;
                    var trait = key & _traitMask;
                    _combined[key] = group < _cellBase.Length && trait < bucketOf.Length ? _cellBase[group] + bucketOf[trait] : 0;
                }
            }

            _leafOf = new UnitLeaf?[leaves.Length == 0 ? 0 : leaves.Max(l => l.Leaf.Index) + 1];
            foreach (var leaf in leaves)
            {
                _leafOf[leaf.Leaf.Index] = leaf;
            }

            _slots = new Slot[periods.Slots.Length];
            for (var s = 0; s < _slots.Length; s++)
            {
                var k = periods.Slots[s];
                var hasNext = k + 1 < periods.ColumnOf.Length;
                _slots[s] = new Slot(
                    hasNext ? periods.Bounds[k + 1] : long.MaxValue,
                    _columnBase[k],
                    hasNext ? _columnBase[k + 1] - _columnBase[k] : 0);
            }
        }

        public int Count => _columns.Count;

        public ScanShape Shape => new(_buckets, _combined is not null, _window);

        public bool Scans(long[] ticks) => ReferenceEquals(ticks, _ticks);

        /// <summary>Returns the unit's part of a leaf, or null when the leaf reads nothing through this unit.</summary>
        public UnitLeaf? LeafOf(int leafIndex) => leafIndex < _leafOf.Length ? _leafOf[leafIndex] : null;

        /// <summary>Returns each group key's index in this unit's counters.</summary>
        public Dictionary<string, int> GroupIndex()
        {
            var index = new Dictionary<string, int>(_groupKeys.Length, StringComparer.Ordinal);
            for (var g = 0; g < _groupKeys.Length; g++)
            {
                index[_groupKeys[g]] = g;
            }

            return index;
        }

        /// <summary>Returns the cell of a group and period.</summary>
        public int Cell(int group, int period) => (group * _columnsPerGroup) + period;

        /// <summary>Returns the keys of the groups with a record routed to one of the unit's leaves in a period.</summary>
        public IEnumerable<string> RoutedGroups(UnitResult result)
        {
            for (var g = 0; g < _groupKeys.Length; g++)
            {
                if (Routed(result, g))
                {
                    yield return _groupKeys[g];
                }
            }
        }

        /// <summary>Returns the sum of a cell's counters over some buckets.</summary>
        public long Sum(int[] counters, int cell, int[] buckets)
        {
            long sum = 0;
            var baseIndex = cell * _buckets;
            foreach (var b in buckets)
            {
                sum += counters[baseIndex + b];
            }

            return sum;
        }

        /// <summary>Returns the money total of a cell over some buckets, or null when no record is in them.</summary>
        public MoneyView? Total(UnitResult result, int cell, int[] buckets)
        {
            var n = Sum(result.Counts, cell, buckets);
            if (n == 0)
            {
                return null;
            }

            var baseIndex = cell * _buckets;
            long units = 0;
            var amount = 0m;
            foreach (var b in buckets)
            {
                if (result.SumUnits is not null)
                {
                    units += result.SumUnits[baseIndex + b];
                }
                else
                {
                    amount += result.Sums![baseIndex + b];
                }
            }

            return new MoneyView(result.SumUnits is not null ? _amounts!.FromUnits(units) : amount, _amounts!.Currency.Single, n, 0);
        }

        /// <summary>Returns a cell's sample of cycle days.</summary>
        public DaySample Sample(UnitResult result, int cell, int daysIndex)
        {
            var sampleCell = (cell * _daysComponents) + daysIndex;
            if (result.DayWindows is { } windows)
            {
                return new DaySample(windows, sampleCell * _window, _window, -DayWindowOffset);
            }

            return result.DayHistograms![sampleCell] is { } histogram ? new DaySample(histogram) : default;
        }

        private bool Routed(UnitResult result, int group)
        {
            for (var p = 0; p < _periods.Periods; p++)
            {
                var cell = Cell(group, p);
                foreach (var leaf in _leaves)
                {
                    if (Sum(result.Counts, cell, leaf.RouteBuckets) != 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // Records outside the range are counted past the cells, spread over a few counters so that they do not queue on one.
        private const int Dummies = 8;

        // The records scanned between two looks at the cancellation token.
        private const int ChunkRecords = 1 << 16;

        // The largest table of cell offsets by key (owners × trait codes) worth building: 1 MB.
        private const int MaxCombined = 1 << 18;

        // The cells of every group, and of the one past them that takes the records a filter by a dimension drops.
        private int Cells => (_groupKeys.Length + _extraGroups) * _columnsPerGroup;

        public UnitResult Scan(int from, int to, CancellationToken cancellationToken = default)
        {
            var result = new UnitResult(
                (Cells * _buckets) + Dummies,
                _amounts?.Units is not null,
                _amounts is { Units: null },
                _daysComponents == 0 ? 0 : Cells * _daysComponents,
                _window);

            // The loops run over chunks of the range and the token is checked between them: once per 65,536 records (well
            // under a millisecond of scanning), so a cancelled evaluation stops at once and the loops keep no check of their own.
            for (var start = from; start < to; start += ChunkRecords)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ScanChunk(result, start, (int)Math.Min(to, (long)start + ChunkRecords));
            }

            return result;
        }

        private void ScanChunk(UnitResult result, int from, int to)
        {
            if (_amounts is null && _daysComponents == 0 && _slots.Length != 0)
            {
                if (_combined is not null)
                {
                    CountByKey(result.Counts, from, to);
                }
                else
                {
                    CountOnly(result.Counts, from, to);
                }
            }
            else if (_slots.Length != 0)
            {
                CountAll(result, from, to);
            }
            else
            {
                CountAllSearching(result, from, to);
            }

        }

        // The loops index with Unsafe.Add: every index is in range by construction (owner and trait codes are below the
        // lengths of the code tables, a tick inside the range has a slot, a cell is below the counters' length), and
        // bounds checks would otherwise be much of the work. They have no branch that depends on the data: a record
        // outside the range, or past the boundary in its slot, changes an index by a mask, which costs less than the
        // mispredictions of records in random time order. They are compiled optimized at once, for the first report too.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CountByKey(int[] counts, int from, int to)
        {
            ref var tick0 = ref MemoryMarshal.GetArrayDataReference(_ticks);
            ref var key0 = ref MemoryMarshal.GetArrayDataReference(_keys);
            ref var count0 = ref MemoryMarshal.GetArrayDataReference(counts);
            ref var combined0 = ref MemoryMarshal.GetArrayDataReference(_combined!);
            ref var slot0 = ref MemoryMarshal.GetArrayDataReference(_slots);
            var start = _periods.Start;
            var span = (ulong)_periods.Span;
            var shift = _periods.Shift;
            var dummy = Cells * _buckets;
            for (var i = from; i < to; i++)
            {
                var t = Unsafe.Add(ref tick0, i);
                var offset = (ulong)(t - start);
                var inside = -(int)Unsafe.BitCast<bool, byte>(offset < span);
                ref readonly var slot = ref Unsafe.Add(ref slot0, (nint)((offset >> shift) & (ulong)(long)inside));
                var column = slot.Column + (-(int)Unsafe.BitCast<bool, byte>(t >= slot.NextBound) & slot.Delta);
                var index = Unsafe.Add(ref combined0, (nint)Unsafe.Add(ref key0, i)) + column;
                index = (index & inside) | ((dummy + (i & (Dummies - 1))) & ~inside);
                Debug.Assert((uint)index < (uint)counts.Length, "A cell inside the counters.");
                Unsafe.Add(ref count0, index)++;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CountOnly(int[] counts, int from, int to)
        {
            ref var tick0 = ref MemoryMarshal.GetArrayDataReference(_ticks);
            ref var key0 = ref MemoryMarshal.GetArrayDataReference(_keys);
            ref var count0 = ref MemoryMarshal.GetArrayDataReference(counts);
            ref var cell0 = ref MemoryMarshal.GetArrayDataReference(_cellBase);
            ref var bucket0 = ref MemoryMarshal.GetArrayDataReference(_bucketOf);
            ref var slot0 = ref MemoryMarshal.GetArrayDataReference(_slots);
            var start = _periods.Start;
            var span = (ulong)_periods.Span;
            var shift = _periods.Shift;
            var groupShift = _groupShift;
            var groupMask = _groupMask;
            var traitMask = _traitMask;
            var dummy = Cells * _buckets;
            for (var i = from; i < to; i++)
            {
                var t = Unsafe.Add(ref tick0, i);
                var offset = (ulong)(t - start);
                var inside = -(int)Unsafe.BitCast<bool, byte>(offset < span);
                ref readonly var slot = ref Unsafe.Add(ref slot0, (nint)((offset >> shift) & (ulong)(long)inside));
                var column = slot.Column + (-(int)Unsafe.BitCast<bool, byte>(t >= slot.NextBound) & slot.Delta);
                var key = Unsafe.Add(ref key0, i);
                var index = Unsafe.Add(ref cell0, (nint)((key >> groupShift) & groupMask)) + column + Unsafe.Add(ref bucket0, (nint)(key & traitMask));
                index = (index & inside) | ((dummy + (i & (Dummies - 1))) & ~inside);
                Debug.Assert((uint)index < (uint)counts.Length, "A cell inside the counters.");
                Unsafe.Add(ref count0, index)++;
            }
        }

        // Counts, sums and cycle days with the slot table: the fields in locals and no bounds checks, as above, and the cell
        // of a cycle-day sample found by a multiplication rather than a division. Records outside the range are skipped
        // (the amounts and days are not read for them).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CountAll(UnitResult result, int from, int to)
        {
            ref var tick0 = ref MemoryMarshal.GetArrayDataReference(_ticks);
            ref var key0 = ref MemoryMarshal.GetArrayDataReference(_keys);
            ref var count0 = ref MemoryMarshal.GetArrayDataReference(result.Counts);
            ref var cell0 = ref MemoryMarshal.GetArrayDataReference(_cellBase);
            ref var bucket0 = ref MemoryMarshal.GetArrayDataReference(_bucketOf);
            ref var slot0 = ref MemoryMarshal.GetArrayDataReference(_slots);
            ref var sumBucket0 = ref MemoryMarshal.GetArrayDataReference(_sumBucket);
            var units = result.SumUnits;
            var sums = result.Sums;
            var amountUnits = _amounts?.Units;
            var amounts = _amounts?.Values;
            var hasAmounts = _amounts is not null;
            var start = _periods.Start;
            var span = (ulong)_periods.Span;
            var shift = _periods.Shift;
            var groupShift = _groupShift;
            var groupMask = _groupMask;
            var traitMask = _traitMask;
            var daysComponents = _daysComponents;
            var daysOfBucket = _daysOfBucket;
            var zoneDays = _zoneDays;
            var opportunities = _columns as OpportunityColumns;
            var closedAt = opportunities?.ClosedAt;
            var createdAt = opportunities?.CreatedAt;
            var windows = result.DayWindows;
            var histograms = result.DayHistograms;
            var window = _window;

            // cell / buckets for a cell below 2^31: the high half of cell × ⌈2^64 / buckets⌉, exact for every 32-bit cell.
            var reciprocal = (ulong.MaxValue / (ulong)_buckets) + 1;
            var closedHint = 0;
            var createdHint = 0;
            for (var i = from; i < to; i++)
            {
                var t = Unsafe.Add(ref tick0, i);
                var offset = (ulong)(t - start);
                if (offset >= span)
                {
                    continue;
                }

                ref readonly var slot = ref Unsafe.Add(ref slot0, (nint)(offset >> shift));
                var column = slot.Column + (-(int)Unsafe.BitCast<bool, byte>(t >= slot.NextBound) & slot.Delta);
                var key = Unsafe.Add(ref key0, i);
                var bucket = Unsafe.Add(ref bucket0, (nint)(key & traitMask));
                var cell = Unsafe.Add(ref cell0, (nint)((key >> groupShift) & groupMask)) + column;
                var index = cell + bucket;
                Debug.Assert((uint)index < (uint)result.Counts.Length, "A cell inside the counters.");
                Unsafe.Add(ref count0, index)++;
                if (hasAmounts && Unsafe.Add(ref sumBucket0, bucket))
                {
                    if (units is not null)
                    {
                        units[index] += amountUnits![i];
                    }
                    else
                    {
                        sums![index] += amounts![i];
                    }
                }

                if (daysComponents != 0 && daysOfBucket[bucket] is { } samples && closedAt![i] != SnapshotColumns.NoTicks)
                {
                    var cycle = zoneDays!.DayOf(closedAt[i], ref closedHint) - zoneDays.DayOf(createdAt![i], ref createdHint);
                    var quotient = (int)Math.BigMul((ulong)(uint)cell, reciprocal, out _);
                    Debug.Assert(quotient == cell / _buckets, "The reciprocal divides exactly.");
                    var sampleCell = quotient * daysComponents;
                    foreach (var sample in samples)
                    {
                        if (windows is not null)
                        {
                            windows[((sampleCell + sample) * window) + cycle + DayWindowOffset]++;
                        }
                        else
                        {
                            (histograms![sampleCell + sample] ??= new DayHistogram()).Add(cycle);
                        }
                    }
                }
            }
        }

        // The same without a slot table (a range too long for one): each record's interval by a search of the bounds.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CountAllSearching(UnitResult result, int from, int to)
        {
            var counts = result.Counts;
            var units = result.SumUnits;
            var sums = result.Sums;
            var amountUnits = _amounts?.Units;
            var amounts = _amounts?.Values;
            var keys = _keys;
            var start = _periods.Start;
            var span = (ulong)_periods.Span;
            var opportunities = _columns as OpportunityColumns;
            var closedAt = opportunities?.ClosedAt;
            var createdAt = opportunities?.CreatedAt;
            var windows = result.DayWindows;
            var histograms = result.DayHistograms;
            var window = _window;
            var closedHint = 0;
            var createdHint = 0;
            for (var i = from; i < to; i++)
            {
                var t = _ticks[i];
                if ((ulong)(t - start) >= span)
                {
                    continue;
                }

                var key = keys[i];
                var bucket = _bucketOf[key & _traitMask];
                var cell = _cellBase[(int)((key >> _groupShift) & _groupMask)] + _columnBase[_periods.IntervalOf(t)];
                var index = cell + bucket;
                counts[index]++;
                if (_amounts is not null && _sumBucket[bucket])
                {
                    if (units is not null)
                    {
                        units[index] += amountUnits![i];
                    }
                    else
                    {
                        sums![index] += amounts![i];
                    }
                }

                if (_daysComponents != 0 && _daysOfBucket[bucket] is { } samples && closedAt![i] != SnapshotColumns.NoTicks)
                {
                    var cycle = _zoneDays!.DayOf(closedAt[i], ref closedHint) - _zoneDays.DayOf(createdAt![i], ref createdHint);
                    var sampleCell = Math.DivRem(cell, _buckets).Quotient * _daysComponents;
                    foreach (var sample in samples)
                    {
                        if (windows is not null)
                        {
                            windows[((sampleCell + sample) * window) + cycle + DayWindowOffset]++;
                        }
                        else
                        {
                            (histograms![sampleCell + sample] ??= new DayHistogram()).Add(cycle);
                        }
                    }
                }
            }
        }

        /// <summary>Adds each cell's counters to the accumulators of the leaves it routes to.</summary>
        public void Fold(KpiAccumulation target, UnitResult result)
        {
            var counts = result.Counts;
            var currency = _amounts?.Currency.Single;
            for (var g = 0; g < _groupKeys.Length; g++)
            {
                for (var p = 0; p < _periods.Periods; p++)
                {
                    var cell = (g * _columnsPerGroup) + p;
                    var baseIndex = cell * _buckets;
                    foreach (var leaf in _leaves)
                    {
                        long routed = 0;
                        foreach (var b in leaf.RouteBuckets)
                        {
                            routed += counts[baseIndex + b];
                        }

                        if (routed == 0)
                        {
                            continue;
                        }

                        if (target.MeasureCell(_groupKeys[g], leaf.Leaf, p) is not { } accumulator)
                        {
                            continue;
                        }

                        try
                        {
                            foreach (var component in leaf.Components)
                            {
                                switch (component.Kind)
                                {
                                    case MeasureComponentKind.Count:
                                        foreach (var b in component.Buckets)
                                        {
                                            accumulator.Count(component.Slot) += counts[baseIndex + b];
                                        }

                                        break;
                                    case MeasureComponentKind.Sum:
                                        long n = 0;
                                        long units = 0;
                                        var amount = 0m;
                                        foreach (var b in component.Buckets)
                                        {
                                            n += counts[baseIndex + b];
                                            if (result.SumUnits is not null)
                                            {
                                                units += result.SumUnits[baseIndex + b];
                                            }
                                            else
                                            {
                                                amount += result.Sums![baseIndex + b];
                                            }
                                        }

                                        if (n > 0)
                                        {
                                            accumulator.Total(component.Slot).AddExact(
                                                result.SumUnits is not null ? _amounts!.FromUnits(units) : amount, n, currency!.Value);
                                        }

                                        break;
                                    default:
                                        var sampleCell = (cell * _daysComponents) + component.DaysIndex;
                                        if (result.DayWindows is { } windows)
                                        {
                                            var counted = windows.AsSpan(sampleCell * _window, _window);
                                            if (counted.ContainsAnyExcept(0))
                                            {
                                                accumulator.AddDays(DayHistogram.FromWindow(-DayWindowOffset, counted));
                                            }
                                        }
                                        else if (result.DayHistograms![sampleCell] is { } sample)
                                        {
                                            // The partition's sample is not used again: the accumulator takes it over when it has none.
                                            accumulator.AddDays(sample);
                                            result.DayHistograms[sampleCell] = null;
                                        }

                                        break;
                                }
                            }
                        }
                        catch (OverflowException)
                        {
                            // The cell's sums no longer fit a decimal: it is undefined, and the other cells are folded as usual.
                            target.SetOverflowed(_groupKeys[g], leaf.Leaf, p);
                        }
                    }
                }
            }
        }
    }
}
