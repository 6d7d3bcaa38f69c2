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
    private CompiledQuery(KpiQuery query, KpiSettings settings, List<LeafNode> leaves, Node[] roots, PeriodPlan plan)
    {
        Query = query;
        Settings = settings;
        Leaves = [.. leaves];
        Roots = roots;
        Plan = plan;
    }

    public KpiQuery Query { get; }

    public KpiSettings Settings { get; }

    public LeafNode[] Leaves { get; }

    public Node[] Roots { get; }

    public PeriodPlan Plan { get; }

    public int PeriodCount => Plan.Periods.Length;

    public static CompiledQuery Compile(KpiQuery query, KpiSettings settings)
    {
        var leaves = new List<LeafNode>();
        var cache = new Dictionary<(AggregateKpiCalculator, KpiFilter?), LeafNode>();
        var usesPrevious = false;
        var derivedCount = 0;

        Node Build(KpiCalculator calculator, KpiFilter? filter)
        {
            switch (calculator)
            {
                case FilteredKpiCalculator filtered:
                    return Build(filtered.Inner, filter is null ? filtered.Filter : filter.And(filtered.Filter));
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
        var plan = PeriodPlan.Create(query.Range, query.Per, settings, usesPrevious);
        return new CompiledQuery(query, settings, leaves, roots, plan);
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
