using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Calculators;

/// <summary>
/// <see cref="KpiRecords.Where{TRecord}"/>: a condition of the whole record, for what no trait expresses (the amount of
/// an opportunity, say). It replaces the record-count and record-ratio calculators: a count or share by a predicate of
/// your own is a measure like any other, decided record by record.
/// </summary>
public sealed class KpiRecordsWhereTests
{
    private static readonly Instant Closed = Instant.FromUtc(2025, 1, 10, 12, 0);

    private static SalesData Pipeline() => SalesData.Create(
        [],
        [
            CreateOpportunity(id: "O-1", amount: Usd(25_000m), status: OpportunityStatus.Won, closedAt: Closed),
            CreateOpportunity(id: "O-2", amount: Usd(12_000m), status: OpportunityStatus.Lost, closedAt: Closed),
            CreateOpportunity(id: "O-3", amount: Usd(10_000m), status: OpportunityStatus.Won, closedAt: Closed),
            CreateOpportunity(id: "O-4", amount: Usd(2_000m), status: OpportunityStatus.Won, closedAt: Closed),
            CreateOpportunity(id: "O-5", amount: Usd(50_000m), status: OpportunityStatus.Open),
        ],
        [],
        [],
        [],
        CreateRoster());

    private static KpiRecords Large => KpiRecords.OpportunitiesClosed.Where<Opportunity>(o => o.Amount.Amount >= 10_000m, "of at least 10,000");

    [Fact]
    public void Share_OfLargeOpportunities_IsTheCloseRateAboveTheThreshold()
    {
        // Closed in January with an amount of at least 10,000: O-1 (won), O-2 (lost), O-3 (won); O-4 is too small and
        // O-5 is open. Won among them: 2 of 3 -> 0.666…
        var bigDealCloseRate = new MeasureKpiCalculator(
            "big-deal-close-rate",
            KpiMeasure.Share(Large, Large.WithStatus(OpportunityStatus.Won), "no large opportunities closed"));

        var value = new KpiEvaluator().Evaluate(bigDealCloseRate, Pipeline(), January);

        Assert.Equal(2m, value.Numerator);
        Assert.Equal(3m, value.Denominator);
    }

    [Fact]
    public void Count_WithAPredicate_EqualsTheSameRecordsCountedByHand_OnEveryCoreCount()
    {
        // Large closed opportunities: O-1, O-2, O-3 -> 3, whatever the partitions.
        var large = new MeasureKpiCalculator("large-closed", KpiMeasure.Count(Large));
        var data = Pipeline();
        var split = new KpiEvaluator(null, null, null, maxDegreeOfParallelism: 2, columnar: true, recordsPerPartition: 2);

        Assert.Equal(3m, new KpiEvaluator(maxDegreeOfParallelism: 1).Evaluate(large, data, January).Value);
        Assert.Equal(3m, split.Evaluate(large, data, January).Value);
    }

    [Fact]
    public void Where_CombinesWithTraitConditions_InEitherOrder()
    {
        // Won and at least 10,000: O-1 and O-3 -> 2, the trait condition before or after the predicate.
        var before = new MeasureKpiCalculator("a", KpiMeasure.Count(KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Won).Where<Opportunity>(o => o.Amount.Amount >= 10_000m, "large")));
        var after = new MeasureKpiCalculator("b", KpiMeasure.Count(Large.WithStatus(OpportunityStatus.Won)));
        var evaluator = new KpiEvaluator();

        Assert.Equal(2m, evaluator.Evaluate(before, Pipeline(), January).Value);
        Assert.Equal(2m, evaluator.Evaluate(after, Pipeline(), January).Value);
    }

    [Fact]
    public void Where_NeedsTheRecord_SoTheColumnarScanLeavesTheMeasureToTheRecordPath()
    {
        var compiled = CompiledQuery.Compile(
            new KpiQuery(January, [new MeasureKpiCalculator("large", KpiMeasure.Count(Large)), Kpis.DealsWon], KpiGrouping.ByRep, PeriodUnit.Month),
            KpiSettings.Default);

        var plan = FastPlan.Create(compiled, Pipeline(), KpiSettings.Default);

        Assert.NotNull(plan);
        Assert.False(plan.IsFast(compiled.Leaves.Single(l => l.Calculator.Id == "large").Index));
        Assert.True(plan.IsFast(compiled.Leaves.Single(l => l.Calculator.Id == KpiIds.DealsWon).Index));
        Assert.True(Large.Condition.ReadsRecords);
        Assert.False(KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Won).Condition.ReadsRecords);
    }

    [Fact]
    public void Where_OfAnotherRecordType_ThrowsNamingBoth()
    {
        var e = Assert.Throws<InvalidOperationException>(() => KpiRecords.Deals.Where<SalesActivity>(_ => true, "calls"));

        Assert.Equal("deals by closed at are deals, not SalesActivity records; use Where<Deal>.", e.Message);
    }

    [Fact]
    public void Where_OnActivities_CountsThoseThePredicateKeeps()
    {
        // Two calls in January, A-1 and A-2; the predicate keeps A-1 -> 1.
        var data = SalesData.Create(
            [],
            [],
            [],
            [CreateActivity(id: "A-1"), CreateActivity(id: "A-2", occurredAt: T1)],
            [],
            CreateRoster());
        var first = new MeasureKpiCalculator("first-call", KpiMeasure.Count(KpiRecords.Activities.OfKind(SalesActivityKind.Call).Where<SalesActivity>(a => a.Id.Value == "A-1", "the first")));

        Assert.Equal(1m, new KpiEvaluator().Evaluate(first, data, January).Value);
    }
}
