using SalesKpi.Activities;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpiEvaluatorTests
{
    [Fact]
    public void Evaluate_SixHundredThousandActivitiesOnOneAndTwoCores_GivesIdenticalReports()
    {
        // Above 250,000 records per partition the engine splits the scan: 600,000 activities make 2 partitions on 2 cores.
        var data = VariedQuarter(activities: 600_000);
        var probe = new MergeProbe();
        var byRep = new KpiQuery(Q1Of2025, [.. ActivityAndLeadKpis, probe], KpiGrouping.ByRep, PeriodUnit.Month);
        var byWeek = new KpiQuery(Q1Of2025, [Kpis.CostPerLead, .. ActivityAndLeadKpis], per: PeriodUnit.Week);
        var settings = UsdWithRates();

        var single = new KpiEvaluator(settings, maxDegreeOfParallelism: 1);
        var dual = new KpiEvaluator(settings, maxDegreeOfParallelism: 2);
        var singleByRep = single.Evaluate(data, byRep);
        var mergesOnOneCore = probe.Merges;
        var dualByRep = dual.Evaluate(data, byRep);

        AssertSameReport(singleByRep, dualByRep);
        AssertSameReport(single.Evaluate(data, byWeek), dual.Evaluate(data, byWeek));
        // The two-core run really split the work: its partial accumulators were merged; the one-core run merged none.
        Assert.Equal(0, mergesOnOneCore);
        Assert.True(probe.Merges > 0);
        Assert.Equal(100_000m, singleByRep.Groups.Sum(g => Enumerable.Range(0, 3).Sum(p => singleByRep.Get(KpiIds.Calls, g, p).Value)));
    }

    /// <summary>
    /// Regression: on data large enough to be split across cores, an error raised while scanning a partition (here,
    /// two currencies summed with no reporting currency) escaped wrapped in an <see cref="AggregateException"/>, while
    /// the same data on one core threw the documented <see cref="InvalidOperationException"/>.
    /// </summary>
    [Fact]
    public void Evaluate_MixedCurrenciesInLargeDataOnTwoCores_ThrowsTheSameInvalidOperationException()
    {
        // 500,000 activities make 2 partitions; each partition's half of the deals holds both currencies.
        var data = SalesData.Create(
            activities: Times(500_000, i => Call("r1", Mar(1 + (i % 31)))),
            deals: [Deal("r1", Mar(3), Usd(1m)), Deal("r1", Mar(4), Eur(1m)), Deal("r1", Mar(5), Usd(1m)), Deal("r1", Mar(6), Eur(1m))]);
        var query = new KpiQuery(March2025, [BookedDeals]);

        var onOneCore = Assert.Throws<InvalidOperationException>(() => new KpiEvaluator(maxDegreeOfParallelism: 1).Evaluate(data, query));
        var onTwoCores = Assert.Throws<InvalidOperationException>(() => new KpiEvaluator(maxDegreeOfParallelism: 2).Evaluate(data, query));

        Assert.Equal(onOneCore.Message, onTwoCores.Message);
        Assert.Contains("USD", onTwoCores.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", onTwoCores.Message, StringComparison.Ordinal);
    }

    /// <summary>A KPI that counts activities and how many of its accumulators the engine merged.</summary>
    private sealed class MergeProbe : AggregateKpiCalculator
    {
        private int _merges;

        public MergeProbe()
            : base("merge-probe")
        {
        }

        public int Merges => Volatile.Read(ref _merges);

        public override KpiUnit Unit => KpiUnit.Count;

        public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Activities(a => a.OccurredAt, "occurred at")];

        public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => new Counter(this);

        private sealed class Counter(MergeProbe owner) : KpiAccumulator
        {
            private long _count;

            public override void Add(SalesActivity activity, KpiPeriod period) => _count++;

            public override void Merge(KpiAccumulator other)
            {
                Interlocked.Increment(ref owner._merges);
                _count += ((Counter)other)._count;
            }

            public override KpiValue GetValue() => KpiValue.Count(_count);
        }
    }

    [Fact]
    public void PartitionsFor_OnePerRecordsPerPartitionOfTheLargestCollection_AtLeastOne_AtMostTheCores()
    {
        // 10 records per partition, at most 4: 25 activities -> 2; 45 leads -> 4; 100 opportunities -> 10, capped at
        // 4; 5 deals -> 0, raised to 1. Each collection is the largest once.
        var evaluator = new KpiEvaluator(null, null, null, maxDegreeOfParallelism: 4, columnar: true, recordsPerPartition: 10);
        var activities = Enumerable.Range(0, 25).Select(i => TestUtilities.TestData.CreateActivity(id: $"A-{i}")).ToList();
        var leads = Enumerable.Range(0, 45).Select(i => TestUtilities.TestData.CreateLead(id: $"L-{i}")).ToList();
        var opportunities = Enumerable.Range(0, 100).Select(i => TestUtilities.TestData.CreateOpportunity(id: $"O-{i}")).ToList();
        var deals = Enumerable.Range(0, 5).Select(i => TestUtilities.TestData.CreateDeal(id: $"D-{i}")).ToList();
        var roster = TestUtilities.TestData.CreateRoster();
        Assert.Equal(2, evaluator.PartitionsFor(SalesData.Create([], [], [], activities, [], roster)));
        Assert.Equal(4, evaluator.PartitionsFor(SalesData.Create(leads, [], [], activities, [], roster)));
        Assert.Equal(4, evaluator.PartitionsFor(SalesData.Create([], opportunities, deals, [], [], roster)));
        Assert.Equal(1, evaluator.PartitionsFor(SalesData.Create([], [], deals, [], [], roster)));
    }

    [Fact]
    public void Constructor_Defaults_AllCoresTheColumnarScanAnd250000RecordsPerPartition()
    {
        var defaults = new KpiEvaluator();
        Assert.Equal(Environment.ProcessorCount, defaults.MaxDegreeOfParallelism);
        Assert.True(defaults.Columnar);
        Assert.Equal(250_000, defaults.RecordsPerPartition);
        Assert.Equal(3, new KpiEvaluator(maxDegreeOfParallelism: 3).MaxDegreeOfParallelism);
    }

    [Fact]
    public void Evaluate_AnErrorInOneOfSeveralPartitions_IsThrownAsOnOnePartition()
    {
        // The small-data twin of the two-core regression above: 3 partitions of 100 records on mixed currencies.
        var data = Engine.RandomSalesData.Create(8, mixedCurrencies: true);
        var query = new KpiQuery(Q1Of2025, [Kpis.Revenue], KpiGrouping.ByRep, PeriodUnit.Month);
        var split = new KpiEvaluator(null, null, null, maxDegreeOfParallelism: 3, columnar: true, recordsPerPartition: 100);
        Assert.Equal(3, split.PartitionsFor(data));
        var one = Assert.Throws<InvalidOperationException>(() => new KpiEvaluator(maxDegreeOfParallelism: 1).Evaluate(data, query));
        var several = Assert.Throws<InvalidOperationException>(() => split.Evaluate(data, query));
        Assert.Equal(one.Message, several.Message);
    }

    [Fact]
    public void Evaluate_AKpiThrowingWhileAPartitionIsAccumulated_ThrowsItsExceptionUnwrapped()
    {
        // A user's KPI that throws on its records: each of the 3 partitions fails while accumulating, and the caller
        // gets the KPI's own exception, as on one partition, not an AggregateException from the parallel loop.
        var data = Engine.RandomSalesData.Create(8);
        var exploding = new MeasureKpiCalculator(
            "exploding-calls",
            KpiMeasure.Count(KpiRecords.Activities.Where<SalesActivity>(a => throw new InvalidOperationException($"cannot count {a.Id}"), "that throw")));
        var query = new KpiQuery(Q1Of2025, [exploding], KpiGrouping.ByRep, PeriodUnit.Month);
        var split = new KpiEvaluator(null, null, null, maxDegreeOfParallelism: 3, columnar: true, recordsPerPartition: 100);
        Assert.Equal(3, split.PartitionsFor(data));

        var e = Assert.Throws<InvalidOperationException>(() => split.Evaluate(data, query));

        Assert.StartsWith("cannot count ", e.Message, StringComparison.Ordinal);
    }
}
