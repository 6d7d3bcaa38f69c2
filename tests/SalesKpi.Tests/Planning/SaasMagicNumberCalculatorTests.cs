using NodaTime;
using SalesKpi.BuiltIn;
using SalesKpi.Marketing;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

public class SaasMagicNumberCalculatorTests
{
    private static readonly DateInterval FirstHalf2025 = Dates(Date(2025, 1, 1), Date(2025, 6, 30));

    private static QuarterlyAmount Q(int year, int quarter, decimal amount) => QuarterlyAmount.ForQuarter(year, quarter, Usd(amount));

    /// <summary>
    /// Recurring revenue: d1 runs all of 2024 and 2025 at 100,000 a month (300,000 a quarter); d2 starts 1 April 2025 at
    /// 25,000 a month (75,000 in Q2). So Q4 2024 = Q1 2025 = 300,000 and Q2 = 375,000.
    /// Spend: "sales" 160,000 over Q1; "ads" 181,000 over the 181 days of January to June, 1,000 a day, so Q1's 90 days
    /// carry 90,000: Q1 spend = 250,000. Nothing was spent in Q4 2024.
    /// </summary>
    private static SalesData Data(params SalesKpi.Deals.Deal[] more) => SalesData.Create(
        deals:
        [
            Deal("d1", "ayse", At(2023, 12, 15), 2_400_000m, Dates(Date(2024, 1, 1), Date(2025, 12, 31)), 100_000m),
            Deal("d2", "bora", At(2025, 3, 20), 300_000m, Dates(Date(2025, 4, 1), Date(2026, 3, 31)), 25_000m),
            .. more,
        ],
        spend:
        [
            new MarketingSpend("sales", Dates(Date(2025, 1, 1), Date(2025, 3, 31)), Usd(160_000m)),
            new MarketingSpend("ads", Dates(Date(2025, 1, 1), Date(2025, 6, 30)), Usd(181_000m)),
        ]);

    [Fact]
    public void Calculate_GrowthTimesFourOverLastQuartersSpend()
    {
        // (375,000 − 300,000) × 4 / 250,000 = 300,000 / 250,000 = 1.2.
        var value = SaasMagicNumberCalculator.Calculate(Q(2025, 2, 375_000m), Q(2025, 1, 300_000m), Q(2025, 1, 250_000m));
        Assert.Equal(1.2m, value.Value);
        Assert.Equal((300_000m, 250_000m), (value.Numerator, value.Denominator));
    }

    [Fact]
    public void Calculate_ShrinkingRevenue_IsNegative()
    {
        // (270,000 − 300,000) × 4 / 250,000 = −120,000 / 250,000 = −0.48.
        Assert.Equal(-0.48m, SaasMagicNumberCalculator.Calculate(Q(2025, 2, 270_000m), Q(2025, 1, 300_000m), Q(2025, 1, 250_000m)).Value);
    }

    [Fact]
    public void Calculate_NoSpend_IsUndefined()
    {
        var value = SaasMagicNumberCalculator.Calculate(Q(2025, 2, 375_000m), Q(2025, 1, 300_000m), Q(2025, 1, 0m));
        Assert.Equal("there was no sales and marketing spend last quarter", value.UndefinedReason);
    }

    [Fact]
    public void Calculate_QuartersThatDoNotFollow_Throw()
    {
        Assert.Throws<ArgumentException>("recurringRevenueLastQuarter", () => SaasMagicNumberCalculator.Calculate(Q(2025, 2, 1m), Q(2024, 4, 1m), Q(2024, 4, 1m)));
        Assert.Throws<ArgumentException>("salesAndMarketingSpendLastQuarter", () => SaasMagicNumberCalculator.Calculate(Q(2025, 2, 1m), Q(2025, 1, 1m), Q(2025, 2, 1m)));
        Assert.Throws<ArgumentException>("recurringRevenueLastQuarter", () => SaasMagicNumberCalculator.Calculate(Q(2025, 2, 1m), QuarterlyAmount.ForQuarter(2025, 1, new Money(1m, Currency.EUR)), Q(2025, 1, 1m)));
        Assert.Throws<ArgumentException>("salesAndMarketingSpendLastQuarter", () => SaasMagicNumberCalculator.Calculate(Q(2025, 2, 1m), Q(2025, 1, 1m), QuarterlyAmount.ForQuarter(2025, 1, new Money(1m, Currency.EUR))));
        Assert.Throws<ArgumentNullException>("recurringRevenueThisQuarter", () => SaasMagicNumberCalculator.Calculate(null!, Q(2025, 1, 1m), Q(2025, 1, 1m)));
    }

    [Fact]
    public void Evaluate_ByQuarter_ComputesEachQuarterFromTheOneBefore()
    {
        // Q1 2025: last quarter (Q4 2024) had no spend: undefined. Q2 2025: 1.2 as above.
        var report = Kpis.SaasMagicNumber.Evaluate(Data(), FirstHalf2025, KpiGrouping.None, PeriodUnit.Quarter);

        Assert.Equal("there was no sales and marketing spend last quarter", report.Get(KpiIds.SaasMagicNumber, periodIndex: 0).UndefinedReason);
        var q2 = report.Get(KpiIds.SaasMagicNumber, periodIndex: 1);
        Assert.Equal(1.2m, q2.Value);
        Assert.Equal((300_000m, 250_000m), (q2.Numerator, q2.Denominator));
    }

    [Fact]
    public void Evaluate_PartialMonthsOfATerm_AreProratedByTheirDays()
    {
        // d3 runs 16 May to 15 June 2025 at 3,100 a month: May 16–31 is 16 of 31 days, 3,100 × 16 / 31 = 1,600;
        // June 1–15 is 15 of 30 days, 3,100 × 15 / 30 = 1,550. Q2 = 375,000 + 3,150 = 378,150.
        // (378,150 − 300,000) × 4 / 250,000 = 312,600 / 250,000 = 1.2504.
        var d3 = Deal("d3", "cem", At(2025, 5, 10), 3_100m, Dates(Date(2025, 5, 16), Date(2025, 6, 15)), 3_100m);
        var report = Kpis.SaasMagicNumber.Evaluate(Data(d3), FirstHalf2025, KpiGrouping.None, PeriodUnit.Quarter);

        Assert.Equal(1.2504m, report.Get(KpiIds.SaasMagicNumber, periodIndex: 1).Value);
    }

    [Fact]
    public void Evaluate_ByMonth_IsUndefinedRatherThanMixingUnits()
    {
        var report = Kpis.SaasMagicNumber.Evaluate(Data(), Dates(Date(2025, 4, 1), Date(2025, 4, 30)), KpiGrouping.None, PeriodUnit.Month);

        Assert.Equal(
            "saas-magic-number is defined on quarters: evaluate it by PeriodUnit.Quarter over whole quarters; "
            + "[2025-04-01, 2025-04-30] is 1 whole month, not a quarter: a quarterly amount covers three whole months (add up the three months of a quarter first).",
            report.Get(KpiIds.SaasMagicNumber).UndefinedReason);
    }

    [Fact]
    public void Evaluate_UnbucketedQuarter_IsUndefinedBecauseThePreviousPeriodIsNotAQuarter()
    {
        // Unbucketed, the previous period is the 91 days before Q2: [2024-12-31, 2025-03-31], not Q1.
        var value = Kpis.SaasMagicNumber.Evaluate(Data(), Dates(Date(2025, 4, 1), Date(2025, 6, 30)));

        Assert.Equal(
            "saas-magic-number needs the quarter before [2025-04-01, 2025-06-30], and the previous period [2024-12-31, 2025-03-31] is not it: evaluate it by PeriodUnit.Quarter",
            value.UndefinedReason);
    }

    [Fact]
    public void Evaluate_PartialQuarterAtTheStartOfTheRange_IsUndefined_AndSoIsTheQuarterAfterIt()
    {
        var report = Kpis.SaasMagicNumber.Evaluate(Data(), Dates(Date(2025, 2, 15), Date(2025, 6, 30)), KpiGrouping.None, PeriodUnit.Quarter);

        // The first period is [2025-02-15, 2025-03-31]: not a quarter, and so not a whole quarter before Q2 either.
        Assert.StartsWith("saas-magic-number is defined on quarters", report.Get(KpiIds.SaasMagicNumber, periodIndex: 0).UndefinedReason, StringComparison.Ordinal);
        Assert.Equal(
            "saas-magic-number needs the quarter before [2025-04-01, 2025-06-30], and the previous period [2025-02-15, 2025-03-31] is not it: evaluate it by PeriodUnit.Quarter",
            report.Get(KpiIds.SaasMagicNumber, periodIndex: 1).UndefinedReason);
    }

    [Fact]
    public void Evaluate_ByRep_IsUndefinedBecauseSpendHasNoRep()
    {
        var report = Kpis.SaasMagicNumber.Evaluate(Data(), FirstHalf2025, KpiGrouping.ByRep, PeriodUnit.Quarter);
        Assert.Equal(
            "sales-and-marketing-spend is undefined: sales-and-marketing-spend reads spend, which cannot be grouped by rep",
            report.Get(KpiIds.SaasMagicNumber, "ayse", 1).UndefinedReason);
    }

    [Fact]
    public void IsInTheCatalog()
    {
        Assert.True(Kpis.TryGet(KpiIds.SaasMagicNumber, out var kpi));
        Assert.Same(Kpis.SaasMagicNumber, kpi);
        Assert.True(((SaasMagicNumberCalculator)kpi).UsesPreviousPeriod);
        Assert.Contains(Kpis.SaasMagicNumber, Kpis.All);
        Assert.Equal(KpiIds.SaasMagicNumber, Kpis.All[Kpis.All.IndexOf(Kpis.SalesVelocity) + 1].Id);
    }
}
