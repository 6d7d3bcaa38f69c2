using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Hostile;

/// <summary>
/// Hostile input class: legal amounts (any non-negative decimal) whose sum, product or ratio overflows a decimal. The
/// overflowing group's cell is undefined with a reason naming the overflow; every other cell is computed exactly.
/// </summary>
public sealed class OverflowTests
{
    // 5 × 10^28 is a legal amount (decimal.MaxValue ≈ 7.9 × 10^28); two of them add up to 10^29, which is not.
    private const decimal Huge = 50_000_000_000_000_000_000_000_000_000m;

    private static readonly Instant Jan10 = Instant.FromUtc(2025, 1, 10, 12, 0);
    private static readonly Instant Feb10 = Instant.FromUtc(2025, 2, 10, 12, 0);

    public static TheoryData<string> Engines() => new() { "columnar", "record-by-record", "partitioned" };

    [Theory]
    [MemberData(nameof(Engines))]
    public void EveryKpi_OneRepsAmountsOverflow_ThatRepIsUndefinedAndTheOtherIsAsAlone(string engine)
    {
        // r01's records carry two amounts of 5 × 10^28 each (deals, opportunities, recurring revenue); r02's are small.
        var data = Data(hugeRep: true);
        var alone = Data(hugeRep: false);
        var kpis = Kpis.All.Concat(HostileKpis.All).ToArray();
        var query = new KpiQuery(Year2025, kpis, KpiGrouping.ByRep, PeriodUnit.Month);

        var report = Evaluator(engine).Evaluate(data, query);
        var expected = Evaluator(engine).Evaluate(alone, query);

        foreach (var kpi in kpis)
        {
            for (var p = 0; p < report.Periods.Length; p++)
            {
                // r02's values do not depend on r01's overflow: they equal a report over r02's records alone.
                Assert.Equal(expected.Get(kpi.Id, "r02", p), report.Get(kpi.Id, "r02", p));
                var r01 = report.Get(kpi.Id, "r01", p);
                Assert.True(r01.IsDefined || !string.IsNullOrWhiteSpace(r01.UndefinedReason), $"{kpi.Id} for r01 is undefined with no reason");
            }
        }

        // January, r01: 5 × 10^28 + 5 × 10^28 overflows; r02: 1,000 + 3,000 = 4,000, average 4,000 / 2 = 2,000.
        AssertOverflowed(report.Get(KpiIds.Revenue, "r01", 0), "the sum of the amounts overflows a decimal");
        AssertOverflowed(report.Get(KpiIds.AverageDealSize, "r01", 0), "overflows a decimal");
        AssertOverflowed(report.Get(HostileKpis.CustomTotal.Id, "r01", 0), "the sum of the amounts overflows a decimal");
        AssertOverflowed(report.Get(HostileKpis.CustomMeasure.Id, "r01", 0), "the sum of the amounts overflows a decimal");
        Assert.Equal(4000m, report.Get(KpiIds.Revenue, "r02", 0).Value);
        Assert.Equal(2000m, report.Get(KpiIds.AverageDealSize, "r02", 0).Value);
        Assert.Equal(2, (int)report.Get(KpiIds.DealsWon, "r02", 0).Value!.Value);
        Assert.Equal(4000m, report.Get(KpiIds.DealsWon, "r02", 0).Amount!.Value.Amount);

        // The won-opportunity total of r02 in January: 1,000 + 3,000 = 4,000.
        Assert.Equal(4000m, report.Get(HostileKpis.CustomMeasure.Id, "r02", 0).Value);

        // February, r01 has one deal of 5 × 10^28 only: defined, exactly that.
        Assert.Equal(Huge, report.Get(KpiIds.Revenue, "r01", 1).Value);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void GrowthOverATinyPreviousValue_Overflows_TheOtherRepIsExact(string engine)
    {
        // r01: January 10^-28 (the smallest positive decimal), February 10^18: (10^18 − 10^-28) / 10^-28 ≈ 10^46 overflows.
        // r02: January 1,000, February 1,500: (1,500 − 1,000) / 1,000 = 0.5.
        const decimal tiny = 0.0000000000000000000000000001m;
        var data = SalesData.Create(deals:
        [
            CreateDeal("D-1", owner: "r01", closedAt: Jan10, value: Usd(tiny)),
            CreateDeal("D-2", owner: "r01", closedAt: Feb10, value: Usd(1_000_000_000_000_000_000m)),
            CreateDeal("D-3", owner: "r02", closedAt: Jan10, value: Usd(1000m)),
            CreateDeal("D-4", owner: "r02", closedAt: Feb10, value: Usd(1500m)),
        ]);
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 2, 28)), [Kpis.RevenueGrowth, Kpis.Revenue], KpiGrouping.ByRep, PeriodUnit.Month);

        var report = Evaluator(engine).Evaluate(data, query);

        var overflowed = report.Get(KpiIds.RevenueGrowth, "r01", 1);
        AssertOverflowed(overflowed, "overflows a decimal");
        Assert.Contains("/ 0.0000000000000000000000000001", overflowed.UndefinedReason, StringComparison.Ordinal);
        Assert.Equal(0.5m, report.Get(KpiIds.RevenueGrowth, "r02", 1).Value);
        Assert.Equal(1_000_000_000_000_000_000m, report.Get(KpiIds.Revenue, "r01", 1).Value);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void CostPerLead_HugeSpendOverATinyLeadCount_IsExactAndSumsOverflowPerSource(string engine)
    {
        // Source "web": spend 5 × 10^28 twice in January overflows; source "ads": 900 over 3 leads = 300 per lead.
        var data = SalesData.Create(
            leads: [CreateLead("L-1", Jan10, "web"), CreateLead("L-2", Jan10, "ads"), CreateLead("L-3", Jan10, "ads"), CreateLead("L-4", Jan10, "ads")],
            spend: [CreateSpend("web", January, Usd(Huge)), CreateSpend("web", January, Usd(Huge)), CreateSpend("ads", January, Usd(900m))]);
        var query = new KpiQuery(January, [Kpis.CostPerLead, Kpis.NewLeads], KpiGrouping.BySource);

        var report = Evaluator(engine).Evaluate(data, query);

        AssertOverflowed(report.Get(KpiIds.CostPerLead, "web"), "overflows a decimal");
        Assert.Equal(300m, report.Get(KpiIds.CostPerLead, "ads").Value);
        Assert.Equal(1m, report.Get(KpiIds.NewLeads, "web").Value);
    }

    [Fact]
    public void AmountTimesExchangeRate_Overflows_TheOtherRepIsConverted()
    {
        // r01: 5 × 10^28 EUR × 2 = 10^29 USD overflows; r02: 100 EUR × 2 = 200 USD.
        var rates = new RatesOf2();
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, rates);
        var data = SalesData.Create(deals: [CreateDeal("D-1", owner: "r01", value: Eur(Huge)), CreateDeal("D-2", owner: "r02", value: Eur(100m))]);

        var report = new KpiEvaluator(settings).Evaluate(data, new KpiQuery(January, [Kpis.Revenue, Kpis.AverageDealSize], KpiGrouping.ByRep));

        AssertOverflowed(report.Get(KpiIds.Revenue, "r01"), "the sum of the amounts overflows a decimal");
        Assert.Equal(200m, report.Get(KpiIds.Revenue, "r02").Value);
        Assert.Equal(200m, report.Get(KpiIds.AverageDealSize, "r02").Value);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void CustomAccumulatorOverflowingWhenFinishing_IsUndefined_TheOtherRepIsExact(string engine)
    {
        // doubled-revenue returns 2 × the sum: r01 2 × 5 × 10^28 overflows in GetValue; r02 2 × 1,000 = 2,000.
        var data = SalesData.Create(deals: [CreateDeal("D-1", owner: "r01", value: Usd(Huge)), CreateDeal("D-2", owner: "r02", value: Usd(1000m))]);

        var report = Evaluator(engine).Evaluate(data, new KpiQuery(January, [new DoubledRevenue()], KpiGrouping.ByRep));

        AssertOverflowed(report.Get("doubled-revenue", "r01"), "computing the value overflows a decimal");
        Assert.Equal(2000m, report.Get("doubled-revenue", "r02").Value);
    }

    [Fact]
    public void MergingAccumulationsWhoseSumOverflows_LeavesThatCellUndefined()
    {
        // Each part holds one 5 × 10^28 deal of r01 (legal); merged, the sum overflows. r02: 1,000 + 2,000 = 3,000.
        var evaluator = new KpiEvaluator();
        var query = new KpiQuery(January, [Kpis.Revenue, HostileKpis.CustomTotal], KpiGrouping.ByRep);
        var first = evaluator.Accumulate(SalesData.Create(deals: [CreateDeal("D-1", owner: "r01", value: Usd(Huge)), CreateDeal("D-2", owner: "r02", value: Usd(1000m))]), query);
        var second = evaluator.Accumulate(SalesData.Create(deals: [CreateDeal("D-3", owner: "r01", value: Usd(Huge)), CreateDeal("D-4", owner: "r02", value: Usd(2000m))]), query);

        first.Merge(second);
        var report = first.ToReport();

        AssertOverflowed(report.Get(KpiIds.Revenue, "r01"), "the sum of the amounts overflows a decimal");
        AssertOverflowed(report.Get(HostileKpis.CustomTotal.Id, "r01"), "the sum of the amounts overflows a decimal");
        Assert.Equal(3000m, report.Get(KpiIds.Revenue, "r02").Value);
        Assert.Equal(3000m, report.Get(HostileKpis.CustomTotal.Id, "r02").Value);
    }

    [Fact]
    public void Ratio_WhoseQuotientOverflows_IsUndefinedNamingTheRatio()
    {
        // 10^18 / 10^-28 = 10^46 > 7.9 × 10^28.
        var value = KpiValue.Ratio(1_000_000_000_000_000_000m, 0.0000000000000000000000000001m);

        Assert.False(value.IsDefined);
        Assert.Equal("the ratio 1000000000000000000 / 0.0000000000000000000000000001 overflows a decimal (more than 7.9 × 10^28)", value.UndefinedReason);
        Assert.Equal(1_000_000_000_000_000_000m, value.Numerator);

        var money = KpiValue.MoneyRatio(Usd(Huge), 0.5m);
        Assert.False(money.IsDefined);
        Assert.Contains("overflows a decimal", money.UndefinedReason, StringComparison.Ordinal);
        Assert.Equal(Currency.USD, money.Currency);

        // At the edge: 5 × 10^28 / 1 is exactly representable.
        Assert.Equal(Huge, KpiValue.Ratio(Huge, 1m).Value);
    }

    [Fact]
    public void Regression_SumOfHugeAmounts_UsedToThrowABareOverflowExceptionForTheWholeReport()
    {
        // Before: Revenue over two 5 × 10^28 deals threw OverflowException naming no KPI, and no report was made.
        // Now revenue (and deals-won, whose value carries the amount) is undefined and the one call is still counted.
        var deals = new[] { CreateDeal("D-1", value: Usd(Huge)), CreateDeal("D-2", value: Usd(Huge)) };
        var data = SalesData.Create(deals: deals, activities: [CreateActivity()]);
        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(January, [Kpis.Revenue, Kpis.DealsWon, Kpis.Calls]));

        AssertOverflowed(report.Get(KpiIds.Revenue), "the sum of the amounts overflows a decimal (more than 7.9 × 10^28)");
        AssertOverflowed(report.Get(KpiIds.DealsWon), "the sum of the amounts overflows a decimal (more than 7.9 × 10^28)");
        Assert.Equal(1m, report.Get(KpiIds.Calls).Value);
    }

    [Fact]
    public void Regression_RatioOverATinyDenominator_UsedToThrowOverflowException()
    {
        // Before: KpiValue.Ratio(10^18, 10^-28) threw OverflowException.
        var value = KpiValue.Ratio(1_000_000_000_000_000_000m, 0.0000000000000000000000000001m);

        Assert.Null(value.Value);
        Assert.Contains("overflows a decimal", value.UndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_SpendSoLargeThatAmountTimesDaysOverflows_UsedToThrowWhenProrated()
    {
        // Before: pro-rating computed amount × covered days first, which overflowed for a legal amount of 5 × 10^28.
        // Spend over January 30 – February 1 (3 days), 2 of them in January: 5 × 10^28 × 2 / 3 = 3.333… × 10^28, one
        // lead, so cost per lead ≈ 33,333,333,333,333,333,333,333,333,333.
        var spend = CreateSpend("web", new DateInterval(new LocalDate(2025, 1, 30), new LocalDate(2025, 2, 1)), Usd(Huge));
        var data = SalesData.Create(leads: [CreateLead("L-1", Jan10, "web")], spend: [spend]);

        var value = new KpiEvaluator().Evaluate(Kpis.CostPerLead, data, January);

        Assert.True(value.IsDefined);
        Assert.InRange(value.Value!.Value, 33_333_333_333_333_333_333_333_333_333m, 33_333_333_333_333_333_333_333_333_334m);
    }

    private static KpiEvaluator Evaluator(string engine) => engine switch
    {
        "columnar" => new KpiEvaluator(null, null, null, 1, columnar: true, recordsPerPartition: 250_000),
        "record-by-record" => new KpiEvaluator(null, null, null, 1, columnar: false, recordsPerPartition: 250_000),
        _ => new KpiEvaluator(null, null, null, 2, columnar: false, recordsPerPartition: 1),
    };

    private static void AssertOverflowed(KpiValue value, string reason)
    {
        Assert.False(value.IsDefined, $"expected an overflow, got {value}");
        Assert.Contains(reason, value.UndefinedReason, StringComparison.Ordinal);
    }

    private static SalesData Data(bool hugeRep)
    {
        var deals = new List<Deal>
        {
            CreateDeal("D-3", account: "beta", owner: "r02", closedAt: Jan10, value: Usd(1000m), term: Year2025, recurringMonthly: Usd(10m)),
            CreateDeal("D-4", account: "beta", owner: "r02", closedAt: Jan10, value: Usd(3000m), kind: DealKind.Renewal),
        };
        var opportunities = new List<Opportunity>
        {
            CreateOpportunity("O-3", account: "beta", owner: "r02", createdAt: Jan10, amount: Usd(1000m), status: OpportunityStatus.Won, closedAt: Jan10),
            CreateOpportunity("O-4", account: "beta", owner: "r02", createdAt: Jan10, amount: Usd(3000m), status: OpportunityStatus.Won, closedAt: Jan10),
            CreateOpportunity("O-5", account: "beta", owner: "r02", createdAt: Jan10, amount: Usd(500m)),
        };
        if (hugeRep)
        {
            deals.Add(CreateDeal("D-1", owner: "r01", closedAt: Jan10, value: Usd(Huge), term: Year2025, recurringMonthly: Usd(Huge)));
            deals.Add(CreateDeal("D-2", owner: "r01", closedAt: Jan10, value: Usd(Huge), term: Year2025, recurringMonthly: Usd(Huge)));
            deals.Add(CreateDeal("D-5", owner: "r01", closedAt: Feb10, value: Usd(Huge)));
            opportunities.Add(CreateOpportunity("O-1", owner: "r01", createdAt: Jan10, amount: Usd(Huge), status: OpportunityStatus.Won, closedAt: Jan10));
            opportunities.Add(CreateOpportunity("O-2", owner: "r01", createdAt: Jan10, amount: Usd(Huge), status: OpportunityStatus.Won, closedAt: Jan10));
            opportunities.Add(CreateOpportunity("O-6", owner: "r01", createdAt: Jan10, amount: Usd(Huge)));
            opportunities.Add(CreateOpportunity("O-7", owner: "r01", createdAt: Jan10, amount: Usd(Huge)));
        }

        return SalesData.Create(opportunities: opportunities, deals: deals, roster: CreateRoster());
    }

    private sealed class RatesOf2 : IExchangeRateProvider
    {
        public bool TryGetRate(Currency source, Currency target, LocalDate rateDate, out decimal rate)
        {
            rate = 2m;
            return true;
        }
    }

    private sealed class DoubledRevenue() : AggregateKpiCalculator("doubled-revenue")
    {
        public override KpiUnit Unit => KpiUnit.Money;

        public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Deals(d => d.ClosedAt, "closed at")];

        public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => new Accumulator();

        private sealed class Accumulator : KpiAccumulator
        {
            private decimal _sum;

            public override void Add(Deal deal, KpiPeriod period) => _sum += deal.Value.Amount;

            public override void Merge(KpiAccumulator other) => _sum += ((Accumulator)other)._sum;

            public override KpiValue GetValue() => KpiValue.FromMoney(Usd(_sum * 2m));
        }
    }
}
