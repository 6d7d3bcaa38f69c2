using SalesKpi.BuiltIn;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Calculators;

/// <summary>A custom share of records, by count and weighted by an amount, with mixed currencies and partitions.</summary>
public sealed class RecordRatioCalculatorTests
{
    private static readonly KpiInput<Opportunity> Closed = KpiInput.Opportunities(o => o.ClosedAt, "closed at");

    private static RecordRatioCalculator<Opportunity> WonShare(bool byValue) => new(
        byValue ? "won-value-share" : "won-share",
        Closed,
        denominator: o => o.Status != OpportunityStatus.Open,
        numerator: o => o.Status == OpportunityStatus.Won,
        weight: byValue ? o => o.Amount : null,
        emptyReason: byValue ? null : "nothing closed");

    private static Opportunity Closing(string id, OpportunityStatus status, Money amount) =>
        CreateOpportunity(id: id, status: status, closedAt: T2, amount: amount);

    private static SalesData Data(params Opportunity[] opportunities) => SalesData.Create([], opportunities, [], [], [], CreateRoster());

    [Fact]
    public void Share_ByCountAndByValue_InTheReportingCurrency()
    {
        // Won 1,000 USD, lost 3,000 USD, won 500 EUR at 2 USD per EUR = 1,000 USD, and one open (not in the denominator).
        // By count: 2 won / 3 closed. By value: (1,000 + 1,000) / (1,000 + 3,000 + 1,000) = 2,000 / 5,000 = 0.4.
        var data = Data(
            Closing("O-1", OpportunityStatus.Won, Usd(1_000m)),
            Closing("O-2", OpportunityStatus.Lost, Usd(3_000m)),
            Closing("O-3", OpportunityStatus.Won, Eur(500m)),
            CreateOpportunity(id: "O-4", amount: Usd(9_000m)));
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, new FakeExchangeRates().With(Currency.EUR, Currency.USD, January, 2m));
        var evaluator = new KpiEvaluator(settings);

        var byCount = evaluator.Evaluate(WonShare(byValue: false), data, January);
        var byValue = evaluator.Evaluate(WonShare(byValue: true), data, January);

        Assert.Equal((2m, 3m), (byCount.Numerator!.Value, byCount.Denominator!.Value));
        Assert.Equal(0.4m, byValue.Value);
        Assert.Equal(0, byValue.UnpricedCount);
    }

    [Fact]
    public void Share_ByValue_LeavesAnUnpricedAmountOutOfBothSidesAndCountsIt()
    {
        // No EUR rate: the 500 EUR win is unpriced -> 1,000 / (1,000 + 3,000) = 0.25, one unpriced.
        var data = Data(
            Closing("O-1", OpportunityStatus.Won, Usd(1_000m)),
            Closing("O-2", OpportunityStatus.Lost, Usd(3_000m)),
            Closing("O-3", OpportunityStatus.Won, Eur(500m)));
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, new FakeExchangeRates());

        var value = new KpiEvaluator(settings).Evaluate(WonShare(byValue: true), data, January);

        Assert.Equal(0.25m, value.Value);
        Assert.Equal(1, value.UnpricedCount);
    }

    [Fact]
    public void Share_Undefined_SaysWhy()
    {
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, new FakeExchangeRates());
        var evaluator = new KpiEvaluator(settings);

        Assert.Equal("nothing closed", evaluator.Evaluate(WonShare(byValue: false), Data(), January).UndefinedReason);
        Assert.Equal("no records in the denominator", evaluator.Evaluate(WonShare(byValue: true), Data(), January).UndefinedReason);
        Assert.Equal(
            "no amount in the denominator could be priced in the reporting currency",
            evaluator.Evaluate(WonShare(byValue: true), Data(Closing("O-1", OpportunityStatus.Won, Eur(5m))), January).UndefinedReason);
        Assert.Equal(
            "the amounts in the denominator add up to zero",
            evaluator.Evaluate(WonShare(byValue: true), Data(Closing("O-1", OpportunityStatus.Lost, Usd(0m))), January).UndefinedReason);
    }

    [Fact]
    public void Share_AsAMeasureByAmount_IsUndefinedForTheSameReasons()
    {
        // The built-in form of the same share (KpiMeasure.Share by amount) gives the same three reasons.
        var measure = new MeasureKpiCalculator(
            "won-value-share",
            KpiMeasure.Share(KpiRecords.OpportunitiesClosed, KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Won), "nothing closed", byAmount: true));
        var evaluator = new KpiEvaluator(KpiSettings.Default.WithReportingCurrency(Currency.USD, new FakeExchangeRates()));

        Assert.Equal("nothing closed", evaluator.Evaluate(measure, Data(), January).UndefinedReason);
        Assert.Equal(
            "no amount in the denominator could be priced in the reporting currency",
            evaluator.Evaluate(measure, Data(Closing("O-1", OpportunityStatus.Won, Eur(5m))), January).UndefinedReason);
        Assert.Equal(
            "the amounts in the denominator add up to zero",
            evaluator.Evaluate(measure, Data(Closing("O-1", OpportunityStatus.Lost, Usd(0m))), January).UndefinedReason);
    }

    [Fact]
    public void Share_ByValueOverPartitions_IsTheShareOfTheWhole()
    {
        // 40 closed opportunities: the i-th is worth (i + 1) × 100 USD, won when i is even. Won value = 100 × (1 + 3 + …
        // + 39) = 100 × 400 = 40,000; all = 100 × (1 + … + 40) = 100 × 820 = 82,000 -> 40 / 82.
        var opportunities = Enumerable.Range(0, 40)
            .Select(i => Closing($"O-{i}", i % 2 == 0 ? OpportunityStatus.Won : OpportunityStatus.Lost, Usd((i + 1) * 100m)))
            .ToArray();
        var split = new KpiEvaluator(KpiSettings.Default, null, null, maxDegreeOfParallelism: 4, columnar: true, recordsPerPartition: 10);

        var value = split.Evaluate(WonShare(byValue: true), Data(opportunities), January);

        Assert.Equal(40_000m / 82_000m, value.Value);
        Assert.Equal("won-share: share of opportunities by closed at", WonShare(byValue: false).Description);
    }
}
