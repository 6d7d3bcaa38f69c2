using NodaTime;
using SalesKpi.BuiltIn;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

public sealed class CloseRateTests
{
    private static readonly Opportunity[] Data1 =
    [
        Won("c1", At(2025, 1, 10), At(2025, 3, 5), 1_000m, Ayse),   // closed in March, created before
        Won("c2", At(2025, 3, 2), At(2025, 3, 20), 3_000m, Ayse),   // created and closed in March
        Lost("c3", At(2025, 3, 4), At(2025, 3, 25), 6_000m, Budi),  // created and closed in March
        Lost("c4", At(2025, 2, 10), At(2025, 3, 10), 2_000m, Budi), // closed in March, created before
        Open("c5", At(2025, 3, 6), 5_000m, Olga),                   // created in March, still open
        Won("c6", At(2025, 3, 7), At(2025, 4, 3), 4_000m, Olga),    // created in March, won in April
        Won("c7", At(2025, 2, 1), At(2025, 2, 20), 9_000m, Olga),   // neither created nor closed in March
        Open("c8", At(2025, 3, 8), 1_000m, Budi),                   // created in March, still open
    ];

    private static readonly DateInterval March = Month(2025, 3);

    private static CloseRateCalculator Rate(CloseRateBasis basis, CloseRatePopulation population) =>
        new(new CloseRateOptions { Id = "close-rate-under-test", Basis = basis, Population = population });

    [Fact]
    public void Evaluate_Default_IsWonOverWonPlusLostOfTheOpportunitiesClosedInThePeriod()
    {
        // Closed in March: c1 won, c2 won, c3 lost, c4 lost; open c5 and c8 are excluded. 2 / (2 + 2) = 0.5.
        var value = Evaluate(Kpis.CloseRate, Data(Data1), March);

        Assert.Equal(KpiUnit.Ratio, value.Unit);
        Assert.Equal(0.5m, value.Value);
        Assert.Equal(2m, value.Numerator);
        Assert.Equal(4m, value.Denominator);
    }

    [Fact]
    public void Evaluate_DefaultOptions_AreCountAndPeriod()
    {
        var rate = (CloseRateCalculator)Kpis.CloseRate;

        Assert.Equal(CloseRateBasis.Count, rate.Basis);
        Assert.Equal(CloseRatePopulation.Period, rate.Population);
        Assert.Equal(Evaluate(Kpis.CloseRate, Data(Data1), March), Evaluate(Rate(CloseRateBasis.Count, CloseRatePopulation.Period), Data(Data1), March));
    }

    [Fact]
    public void Evaluate_ByValueOverThePeriod_IsWonAmountOverClosedAmount()
    {
        // Won: c1 1,000 + c2 3,000 = 4,000. Closed: 4,000 + c3 6,000 + c4 2,000 = 12,000. 4,000 / 12,000 = 1/3.
        var value = Evaluate(Rate(CloseRateBasis.Value, CloseRatePopulation.Period), Data(Data1), March);

        Assert.Equal(4_000m, value.Numerator);
        Assert.Equal(12_000m, value.Denominator);
        Assert.Equal(4_000m / 12_000m, value.Value);
    }

    [Fact]
    public void Evaluate_ByCountOverTheCohort_PutsOpenOpportunitiesInTheDenominator()
    {
        // Created in March: c2 (won), c3 (lost), c5 (open), c6 (won in April), c8 (open) = 5.
        // Won by now: c2, c6 = 2. 2 / 5 = 0.4.
        var value = Evaluate(Rate(CloseRateBasis.Count, CloseRatePopulation.Cohort), Data(Data1), March);

        Assert.Equal(2m, value.Numerator);
        Assert.Equal(5m, value.Denominator);
        Assert.Equal(0.4m, value.Value);
    }

    [Fact]
    public void Evaluate_ByValueOverTheCohort_IsWonAmountOverCreatedAmount()
    {
        // Won: c2 3,000 + c6 4,000 = 7,000. Created: 3,000 + 6,000 + 5,000 + 4,000 + 1,000 = 19,000. 7 / 19.
        var value = Evaluate(Rate(CloseRateBasis.Value, CloseRatePopulation.Cohort), Data(Data1), March);

        Assert.Equal(7_000m, value.Numerator);
        Assert.Equal(19_000m, value.Denominator);
        Assert.Equal(7_000m / 19_000m, value.Value);
    }

    [Fact]
    public void Evaluate_GroupedByRep_IsEachOwnersRate()
    {
        // ayse: c1, c2 won → 2 / 2 = 1. budi: c3, c4 lost → 0 / 2 = 0.
        // olga closed nothing in March (c6 closed in April, c7 in February): undefined when every rep is asked for.
        var report = Report(Kpis.CloseRate, Data(Data1), March, KpiGrouping.ByRep, allGroups: true);

        Assert.Equal(1m, report.Get(KpiIds.CloseRate, "ayse").Value);
        Assert.Equal(0m, report.Get(KpiIds.CloseRate, "budi").Value);
        Assert.Equal(2m, report.Get(KpiIds.CloseRate, "budi").Denominator);
        Assert.Equal("undefined: no opportunities closed in the period", report.Get(KpiIds.CloseRate, "olga").ToString());
    }

    [Fact]
    public void Evaluate_CohortGroupedByTeam_IsEachTeamsRate()
    {
        // north (ayse, budi) created in March: c2 won, c3 lost, c8 open → 1 / 3. south (olga): c5 open, c6 won → 1 / 2.
        var report = Report(Rate(CloseRateBasis.Count, CloseRatePopulation.Cohort), Data(Data1), March, KpiGrouping.ByTeam);

        Assert.Equal("0.3333 (1 / 3)", report.Get("close-rate-under-test", "north").ToString());
        Assert.Equal("0.5 (1 / 2)", report.Get("close-rate-under-test", "south").ToString());
    }

    [Fact]
    public void Evaluate_NothingClosedInThePeriod_IsUndefinedWithTheReason()
    {
        // In December 2024 nothing closed and nothing was created.
        var period = Evaluate(Kpis.CloseRate, Data(Data1), Month(2024, 12));
        var cohort = Evaluate(Rate(CloseRateBasis.Count, CloseRatePopulation.Cohort), Data(Data1), Month(2024, 12));

        Assert.False(period.IsDefined);
        Assert.Equal("no opportunities closed in the period", period.UndefinedReason);
        Assert.Equal(0m, period.Denominator);
        Assert.Equal("no opportunities created in the period", cohort.UndefinedReason);
    }

    [Fact]
    public void Evaluate_ByValueWhenTheClosedAmountsAddUpToZero_IsUndefinedWithTheReason()
    {
        Opportunity[] free = [Won("z1", At(2025, 3, 1), At(2025, 3, 2), 0m), Lost("z2", At(2025, 3, 1), At(2025, 3, 3), 0m)];

        var value = Evaluate(Rate(CloseRateBasis.Value, CloseRatePopulation.Period), Data(free), March);

        Assert.Equal("the amounts in the denominator add up to zero", value.UndefinedReason);
    }

    [Fact]
    public void Evaluate_InIstanbul_TheCloseInstantsLocalDateDecidesThePeriod()
    {
        // Lost at 22:00 UTC on 31 March = 01:00 on 1 April in Istanbul: in UTC March has 1 won of 2 closed; in Istanbul
        // the loss moves to April and March has 1 of 1.
        Opportunity[] data = [Won("i1", At(2025, 3, 1), At(2025, 3, 10)), Lost("i2", At(2025, 3, 1), At(2025, 3, 31, 22))];

        Assert.Equal(0.5m, Evaluate(Kpis.CloseRate, Data(data), March).Value);
        Assert.Equal(1m, Evaluate(Kpis.CloseRate, Data(data), March, KpiSettings.Default.WithZone("Europe/Istanbul")).Value);
    }

    [Fact]
    public void UndefinedReasonByValueWhenEveryClosedAmountIsUnpriced_SaysNoAmountCouldBePriced()
    {
        // Regression: an opportunity won and one lost in March, both in GBP with no rate into USD. The close rate by
        // value is undefined because no amount could be priced, not because the amounts "add up to zero".
        Opportunity[] gbp =
        [
            new(new OpportunityId("u1"), new AccountId("acc-u1"), Ayse, At(2025, 3, 1), new Money(1_000m, Currency.GBP), OpportunityStatus.Won, At(2025, 3, 2)),
            new(new OpportunityId("u2"), new AccountId("acc-u2"), Ayse, At(2025, 3, 1), new Money(3_000m, Currency.GBP), OpportunityStatus.Lost, At(2025, 3, 3)),
        ];
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, new RevenueTests.FixedRates());

        var value = Evaluate(Rate(CloseRateBasis.Value, CloseRatePopulation.Period), Data(gbp), March, settings);

        Assert.False(value.IsDefined);
        Assert.Equal(2, value.UnpricedCount);
        Assert.Equal("no amount in the denominator could be priced in the reporting currency", value.UndefinedReason);
    }
}
