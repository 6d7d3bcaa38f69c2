using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Hostile;

/// <summary>
/// Hostile input class: a user's extension point that returns null where the engine needs an object (an accumulator's
/// GetValue, a derived KPI's Combine, a calculator's CreateAccumulator), on every path that reaches it.
/// </summary>
public sealed class NullResultTests
{
    public static TheoryData<bool, bool> Paths() => new() { { true, true }, { true, false }, { false, true }, { false, false } };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Regression_GetValueReturningNull_UsedToFailLaterWithNullReferenceException(bool withRecords, bool columnar)
    {
        // Before: KpiAccumulation.Evaluate did cell?.GetValue() ?? …, so null fell through to a NullReferenceException
        // (or a null value in the report). Now it fails at once, naming the KPI, accumulator, group and period.
        // With no records, the roster's reps are reported (includeAllKnownGroups) from an empty accumulator.
        var data = SalesData.Create(deals: withRecords ? [CreateDeal(owner: "r01")] : [], roster: CreateRoster());
        var query = new KpiQuery(January, [new NullValueKpi()], KpiGrouping.ByRep, PeriodUnit.Month, includeAllKnownGroups: true);
        var evaluator = new KpiEvaluator(null, null, null, 1, columnar, 250_000);

        var e = Assert.Throws<InvalidOperationException>(() => evaluator.Evaluate(data, query));

        Assert.Contains("'null-value'", e.Message, StringComparison.Ordinal);
        Assert.Contains("NullAccumulator.GetValue() returned null", e.Message, StringComparison.Ordinal);
        Assert.Contains("2025-01", e.Message, StringComparison.Ordinal);
        Assert.Contains("KpiValue.Undefined(unit, reason)", e.Message, StringComparison.Ordinal);
        Assert.Contains("group 'r01'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetValueReturningNull_ThroughTheSingleKpiExtension_ThrowsTheSameError()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new NullValueKpi().Evaluate([CreateDeal()], January));

        Assert.Contains("NullAccumulator.GetValue() returned null for group 'all'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetValueReturningNull_InsideARatioAndAFilter_NamesTheUsersKpi()
    {
        // The ratio and the filter are built-in, but their part is the user's: the error names the user's KPI.
        var ratio = new RatioKpiCalculator("null-per-deal", new NullValueKpi(), Kpis.DealsWon);
        var filtered = new FilteredKpiCalculator("null-new-business", new NullValueKpi(), KpiFilter.Deals(d => d.Kind == DealKind.NewBusiness));

        foreach (var kpi in new KpiCalculator[] { ratio, filtered })
        {
            var e = Assert.Throws<InvalidOperationException>(() => kpi.Evaluate([CreateDeal()], January));
            Assert.Contains("'null-value'", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CombineReturningNull_ThrowsNamingTheKpiGroupAndPeriod()
    {
        var query = new KpiQuery(January, [new NullCombineKpi()], KpiGrouping.ByRep);

        var e = Assert.Throws<InvalidOperationException>(() => new KpiEvaluator().Evaluate(SalesData.Create(deals: [CreateDeal(owner: "r02")]), query));

        Assert.Contains("KPI 'null-combine' (NullCombineKpi) returned null from Combine for group 'r02' in period 2025-01-01..2025-01-31", e.Message, StringComparison.Ordinal);
        Assert.Contains("KpiValue.Undefined(unit, reason)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateAccumulatorReturningNull_ThrowsNamingTheKpi()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new NullAccumulatorKpi().Evaluate([CreateDeal()], January));

        Assert.Contains("KPI 'null-accumulator' (NullAccumulatorKpi) returned null from CreateAccumulator", e.Message, StringComparison.Ordinal);
    }

    private sealed class NullValueKpi() : AggregateKpiCalculator("null-value")
    {
        public override KpiUnit Unit => KpiUnit.Count;

        public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Deals(d => d.ClosedAt, "closed at")];

        public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => new NullAccumulator();
    }

    private sealed class NullAccumulator : KpiAccumulator
    {
        public override void Add(Deal deal, KpiPeriod period)
        {
        }

        public override void Merge(KpiAccumulator other)
        {
        }

        public override KpiValue GetValue() => null!;
    }

    private sealed class NullCombineKpi() : DerivedKpiCalculator("null-combine", [Kpis.DealsWon])
    {
        public override KpiUnit Unit => KpiUnit.Count;

        public override KpiValue Combine(KpiCombination values) => null!;
    }

    private sealed class NullAccumulatorKpi() : AggregateKpiCalculator("null-accumulator")
    {
        public override KpiUnit Unit => KpiUnit.Count;

        public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Deals(d => d.ClosedAt, "closed at")];

        public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => null!;
    }
}
