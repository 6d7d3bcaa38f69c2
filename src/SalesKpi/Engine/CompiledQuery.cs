using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Engine;

/// <summary>A query flattened into the aggregate KPIs that read records (leaves) and the tree that combines them.</summary>
internal sealed class CompiledQuery
{
    private CompiledQuery(KpiQuery query, KpiSettings settings, List<LeafNode> leaves, Node[] roots, PeriodPlan plan, List<WindowNode> windows)
    {
        Query = query;
        Settings = settings;
        Leaves = [.. leaves];
        Roots = roots;
        Plan = plan;
        Windows = [.. windows];
    }

    public KpiQuery Query { get; }

    public KpiSettings Settings { get; }

    public LeafNode[] Leaves { get; }

    public Node[] Roots { get; }

    public PeriodPlan Plan { get; }

    public int PeriodCount => Plan.Periods.Length;

    /// <summary>Gets the time-window KPIs of the query, each evaluated over its own windows by queries of its own (<see cref="WindowNode.Batches"/>).</summary>
    public WindowNode[] Windows { get; }

    /// <summary>Returns the leaves of this query and of every window's queries, however deep.</summary>
    public IEnumerable<LeafNode> AllLeaves() => Leaves.Concat(Windows.SelectMany(w => w.Batches.SelectMany(b => b.AllLeaves())));

    public static CompiledQuery Compile(KpiQuery query, KpiSettings settings) => Compile(query, settings, null);

    /// <summary>Compiles a query over the periods of <paramref name="windowPlan"/> when given (a window's query), else over those of its range and unit.</summary>
    private static CompiledQuery Compile(KpiQuery query, KpiSettings settings, PeriodPlan? windowPlan)
    {
        var leaves = new List<LeafNode>();
        var windows = new List<WindowNode>();
        var windowCache = new Dictionary<(KpiCalculator, KpiWindow, KpiFilter?), WindowNode>();
        var cache = new Dictionary<(AggregateKpiCalculator, KpiFilter?), LeafNode>();
        var usesPrevious = false;
        var derivedCount = 0;

        Node Build(KpiCalculator calculator, KpiFilter? filter)
        {
            switch (calculator)
            {
                case FilteredKpiCalculator filtered:
                    return Build(filtered.Inner, filter is null ? filtered.Filter : filter.And(filtered.Filter));
                case KpiWindowCalculator window:
                    // One node per source, window and filter: last year's value and the growth over it share their windows.
                    if (!windowCache.TryGetValue((window.Source, window.Window, filter), out var windowNode))
                    {
                        var source = filter is null ? window.Source : new FilteredKpiCalculator(window.Source.Id, window.Source, filter);
                        windowNode = new WindowNode(window, source, windows.Count);
                        windows.Add(windowNode);
                        windowCache.Add((window.Source, window.Window, filter), windowNode);
                    }

                    return windowNode;
                case DerivedKpiCalculator derived:
                    usesPrevious |= derived.UsesPreviousPeriod;
                    return new DerivedNode(derived, [.. derived.Components.Select(c => Build(c, filter))], derivedCount++);
                case AggregateKpiCalculator aggregate:
                    if (!cache.TryGetValue((aggregate, filter), out var leaf))
                    {
                        leaf = new LeafNode(aggregate, filter, leaves.Count, query.GroupBy);
                        leaves.Add(leaf);
                        cache.Add((aggregate, filter), leaf);
                    }

                    return leaf;
                default:
                    throw new InvalidOperationException($"KPI '{calculator.Id}' is of an unknown kind {calculator.GetType().Name}.");
            }
        }

        var roots = query.Kpis.Select(k => Build(k, null)).ToArray();
        var plan = windowPlan ?? PeriodPlan.Create(query.Range, query.Per, settings, usesPrevious);
        foreach (var window in windows)
        {
            window.Prepare(query, settings, plan);
        }

        return new CompiledQuery(query, settings, leaves, roots, plan, windows);
    }

    internal abstract class Node(KpiCalculator calculator)
    {
        public KpiCalculator Calculator { get; } = calculator;
    }

    internal sealed class DerivedNode(DerivedKpiCalculator calculator, Node[] children, int ordinal) : Node(calculator)
    {
        public DerivedKpiCalculator Derived { get; } = calculator;

        /// <summary>Gets the node's number among the query's derived nodes, from 0.</summary>
        public int Ordinal { get; } = ordinal;

        public Node[] Children { get; } = children;
    }

    /// <summary>
    /// A time-window KPI: its source evaluated over each period's window. The distinct windows are dealt into batches of
    /// disjoint ones, in order, and each batch is a query of its own whose periods are the windows — so every window is
    /// evaluated exactly as a report over its dates would be, by the same executors, whatever the source.
    /// </summary>
    internal sealed class WindowNode(KpiWindowCalculator calculator, KpiCalculator source, int ordinal) : Node(calculator)
    {
        public KpiWindow Window { get; } = calculator.Window;

        /// <summary>Gets the KPI evaluated over the windows, with the filters around the window applied.</summary>
        public KpiCalculator Source { get; } = source;

        /// <summary>Gets the node's number among the query's windows, from 0.</summary>
        public int Ordinal { get; } = ordinal;

        /// <summary>Gets the queries of the windows, each over disjoint windows.</summary>
        public CompiledQuery[] Batches { get; private set; } = [];

        /// <summary>Gets the batch of each period's window, or -1 when the window ends before <see cref="KpiQuery.MinDate"/>.</summary>
        public int[] BatchOf { get; private set; } = [];

        /// <summary>Gets the index of each period's window among its batch's periods.</summary>
        public int[] PeriodInBatch { get; private set; } = [];

        public void Prepare(KpiQuery query, KpiSettings settings, PeriodPlan plan)
        {
            var periods = plan.Periods;
            var dates = periods.Select(p => Window.DatesFor(p.Dates, query.Range, settings)).ToArray();
            var distinct = dates.OfType<DateInterval>().Distinct().OrderBy(d => d.Start).ThenBy(d => d.End).ToList();

            // A source that compares with the previous period compares each window with the as many days just before it,
            // as a report over the window's dates alone would: the two are dealt into the same batch, one after the other.
            var withPrevious = ReadsPrevious(Source);
            DateInterval? PreviousOf(DateInterval window) =>
                withPrevious && window.Start > KpiQuery.MinDate
                    ? new DateInterval(
                        window.Start.PlusDays(-Math.Min(window.Length, Period.DaysBetween(KpiQuery.MinDate, window.Start))),
                        window.Start.PlusDays(-1))
                    : null;

            // First fit: a window (and its previous one) joins the first batch whose last window ends before it starts.
            var batches = new List<(List<DateInterval> Windows, List<int> Previous)>();
            var where = new Dictionary<DateInterval, (int Batch, int Index)>();
            foreach (var window in distinct)
            {
                var previous = PreviousOf(window);
                var first = previous?.Start ?? window.Start;
                var b = batches.FindIndex(batch => batch.Windows[^1].End < first);
                if (b < 0)
                {
                    b = batches.Count;
                    batches.Add(([], []));
                }

                var (windows, previousOf) = batches[b];
                var previousIndex = -1;
                if (previous is not null)
                {
                    previousIndex = windows.Count;
                    windows.Add(previous);
                    previousOf.Add(-1);
                }

                where.Add(window, (b, windows.Count));
                windows.Add(window);
                previousOf.Add(previousIndex);
            }

            Batches =
            [
                .. batches.Select(batch => Compile(
                    new KpiQuery(new DateInterval(batch.Windows[0].Start, batch.Windows[^1].End), [Source], query.GroupBy, query.Per),
                    settings,
                    PeriodPlan.FromWindows(batch.Windows, [.. batch.Previous], settings))),
            ];
            BatchOf = [.. dates.Select(d => d is null ? -1 : where[d].Batch)];
            PeriodInBatch = [.. dates.Select(d => d is null ? -1 : where[d].Index)];
        }

        /// <summary>Returns true when a KPI (or one of its parts outside a window of its own) compares with the previous period.</summary>
        private static bool ReadsPrevious(KpiCalculator kpi) => kpi switch
        {
            KpiWindowCalculator => false,
            FilteredKpiCalculator filtered => ReadsPrevious(filtered.Inner),
            DerivedKpiCalculator derived => derived.UsesPreviousPeriod || derived.Components.Any(ReadsPrevious),
            _ => false,
        };
    }

    internal sealed class LeafNode : Node
    {
        private readonly KpiInput?[] _inputs = new KpiInput?[5];

        public LeafNode(AggregateKpiCalculator calculator, KpiFilter? filter, int index, KpiGrouping grouping)
            : base(calculator)
        {
            Aggregate = calculator;
            Filter = filter;
            Index = index;
            Measure = calculator.Measure;
            var inputs = Measure?.Inputs ?? calculator.Inputs ?? throw new InvalidOperationException($"KPI '{calculator.Id}' declares no inputs (Inputs is null).");
            foreach (var input in inputs)
            {
                if (input is null)
                {
                    throw new InvalidOperationException($"KPI '{calculator.Id}' declares a null input.");
                }

                var slot = (int)input.RecordType;
                if (_inputs[slot] is not null)
                {
                    throw new InvalidOperationException($"KPI '{calculator.Id}' declares two inputs of {input.RecordType}; a KPI reads each collection through one input.");
                }

                _inputs[slot] = input;
                if (!grouping.Supports(input.RecordType) && UnsupportedReason is null)
                {
                    UnsupportedReason = $"{calculator.Id} reads {input.RecordType.ToString().ToLowerInvariant()}, which cannot be grouped by {grouping.Dimension}";
                }
            }
        }

        public AggregateKpiCalculator Aggregate { get; }

        /// <summary>Gets the KPI's measure, which decides its inputs and accumulators when it has one.</summary>
        public KpiMeasure? Measure { get; }

        public KpiFilter? Filter { get; }

        public int Index { get; }

        public string? UnsupportedReason { get; }

        public KpiAccumulator CreateAccumulator(KpiCalculatorContext context) =>
            Measure?.CreateAccumulator(context)
            ?? Aggregate.CreateAccumulator(context)
            ?? throw new InvalidOperationException($"KPI '{Aggregate.Id}' ({Aggregate.GetType().Name}) returned null from CreateAccumulator; return a new accumulator for each group and period.");

        public KpiInput<T>? InputOf<T>(KpiRecordType type)
            where T : class => _inputs[(int)type] as KpiInput<T>;
    }
}

/// <summary>Per-collection access used by the scan: the collection, its record type, the grouping key and the accumulator call.</summary>
internal static class RecordAccess
{
    public static void Add(KpiAccumulator a, Lead r, KpiPeriod p) => a.Add(r, p);

    public static void Add(KpiAccumulator a, Opportunity r, KpiPeriod p) => a.Add(r, p);

    public static void Add(KpiAccumulator a, Deal r, KpiPeriod p) => a.Add(r, p);

    public static void Add(KpiAccumulator a, SalesActivity r, KpiPeriod p) => a.Add(r, p);

    public static void Add(KpiAccumulator a, MarketingSpend r, KpiPeriod p) => a.Add(r, p);
}
