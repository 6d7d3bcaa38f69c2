using NodaTime;
using SalesKpi.Activities;
using SalesKpi.BuiltIn;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Opportunities.OpportunityStage;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

public sealed class LostAndStalledDealsTests
{
    private static readonly DateInterval March = Month(2025, 3);

    // Closed in March: lost for price (2,000), lost for "Price " (6,000), lost for competitor (1,500), lost with no
    // reason (500), won (1,000). Lost on 2 April (700) and open (900): not March's losses.
    private static readonly Opportunity[] Losses =
    [
        Lost("l1", At(2025, 1, 5), At(2025, 3, 5), 2_000m, Ayse).WithLostReason("price"),
        Lost("l2", At(2025, 2, 1), At(2025, 3, 20), 6_000m, Budi).WithLostReason("Price "),
        Lost("l3", At(2025, 2, 1), At(2025, 3, 21), 1_500m, Budi).WithLostReason("competitor"),
        Lost("l4", At(2025, 2, 1), At(2025, 3, 22), 500m, Olga),
        Won("w1", At(2025, 2, 1), At(2025, 3, 10), 1_000m, Olga),
        Lost("l5", At(2025, 2, 1), At(2025, 4, 2), 700m, Olga).WithLostReason("price"),
        Open("o1", At(2025, 2, 1), 900m, Olga),
    ];

    [Fact]
    public void DealsLost_CountsTheOpportunitiesLostInThePeriodWithTheirAmount()
    {
        // l1 + l2 + l3 + l4 = 4 opportunities, 2,000 + 6,000 + 1,500 + 500 = 10,000 USD.
        Assert.Equal("4 (10,000.00 USD)", Evaluate(Kpis.DealsLost, Data(Losses), March).ToString());
    }

    [Fact]
    public void DealsLost_ByLostReason_SplitsTheLossesByTheirReason()
    {
        // "Price " and "price" are different keys: the reason is trimmed but kept as written ("Price" and "price").
        // The won and open opportunities have no reason: (none) holds l4 only among March's losses.
        var report = Report(Kpis.DealsLost, Data(Losses), March, KpiGrouping.FromName("lost-reason"));

        Assert.Equal(new[] { "Price", "competitor", "price", KpiGrouping.NoKey }, report.Groups.AsEnumerable());
        Assert.Equal("1 (6,000.00 USD)", report.Get(KpiIds.DealsLost, "Price").ToString());
        Assert.Equal("1 (1,500.00 USD)", report.Get(KpiIds.DealsLost, "competitor").ToString());
        Assert.Equal("1 (2,000.00 USD)", report.Get(KpiIds.DealsLost, "price").ToString());
        Assert.Equal("1 (500.00 USD)", report.Get(KpiIds.DealsLost, KpiGrouping.NoKey).ToString());
    }

    [Fact]
    public void ByLostReason_SupportsOpportunitiesOnly()
    {
        Assert.True(KpiGrouping.ByLostReason.Supports(KpiRecordType.Opportunities));
        Assert.False(KpiGrouping.ByLostReason.Supports(KpiRecordType.Deals));
        Assert.Same(KpiGrouping.ByLostReason, KpiGrouping.FromName("Lost-Reason"));
    }

    [Fact]
    public void LostReasonRate_ByDefault_IsTheShareOfLossesWithARecordedReason()
    {
        // Lost in March: l1, l2, l3 with a reason, l4 without → 3 / 4 = 0.75.
        var value = Evaluate(Kpis.LostReasonRate, Data(Losses), March);

        Assert.Equal(0.75m, value.Value);
        Assert.Equal(4m, value.Denominator);
    }

    [Fact]
    public void LostReasonRate_WithReasons_IsTheShareLostForOneOfThem()
    {
        // Reasons compared ignoring case: l1 (price) and l2 (Price) of 4 losses → 2 / 4 = 0.5.
        var lostOnPrice = new LostReasonRateCalculator(new LostReasonRateOptions { Id = "lost-on-price", Reasons = [" PRICE"] });

        Assert.Equal(0.5m, Evaluate(lostOnPrice, Data(Losses), March).Value);
    }

    [Fact]
    public void LostReasonRate_WithNoLosses_IsUndefined()
    {
        var value = Evaluate(Kpis.LostReasonRate, Data([Open("o1", At(2025, 2, 1))]), March);

        Assert.Null(value.Value);
        Assert.Equal("no opportunities lost in the period", value.UndefinedReason);
    }

    [Fact]
    public void LostReasonRate_RejectsABlankReason() =>
        Assert.Throws<ArgumentException>(() => new LostReasonRateCalculator(new LostReasonRateOptions { Reasons = [" "] }));

    [Fact]
    public void OpenDealAge_IsTheMeanDaysFromCreationToThePeriodsLastDay()
    {
        // Open at the end of March (last day 31 March): a1 created 1 March → 30 days; a2 created 31 January → 59
        // (28 to 28 February + 31); a3 created 15 March → 16; a4 lost on 10 March and a5 created 2 April are not open
        // at the end; a6 won on 1 April was open on 31 March: created 31 March → 0.
        // Sorted 0, 16, 30, 59: mean 105 / 4 = 26.25, median (16 + 30) / 2 = 23.
        Opportunity[] opportunities =
        [
            Open("a1", At(2025, 3, 1)),
            Open("a2", At(2025, 1, 31)),
            Open("a3", At(2025, 3, 15)),
            Lost("a4", At(2025, 1, 1), At(2025, 3, 10)),
            Open("a5", At(2025, 4, 2)),
            Won("a6", At(2025, 3, 31), At(2025, 4, 1)),
        ];

        var value = Evaluate(Kpis.OpenDealAge, Data(opportunities), March);

        Assert.Equal(26.25m, value.Value);
        Assert.Equal(23m, value.Median);
        Assert.Equal(4, value.SampleSize);
    }

    [Fact]
    public void OpenDealAge_WithNoOpenOpportunity_IsUndefined()
    {
        var value = Evaluate(Kpis.OpenDealAge, Data([Won("w", At(2025, 3, 1), At(2025, 3, 2))]), March);

        Assert.Equal("no opportunities open at the end of the period", value.UndefinedReason);
    }

    // Open at the end of March (last day 31 March), with 30 days untouched to be stalled:
    // s1 (1,000): stage on 20 February → 8 + 31 = 39 days → stalled.
    // s2 (2,000): stage on 20 February, a call on 5 March naming it → 26 days → not stalled.
    // s3 (4,000): created 25 February, nothing since → 3 + 31 = 34 days → stalled.
    // s4 (8,000): created 2 March → 29 days → not stalled.
    // s5 (500): stage on 1 March, an activity on 2 April (after the end: ignored) → exactly 30 days → stalled.
    // s6: lost on 15 March → not open at the end.
    private static SalesData StalledData() =>
        Data(
        [
            Open("s1", At(2025, 1, 1), 1_000m, Ayse, null, Stage(Prospecting, At(2025, 1, 1)), Stage(Qualification, At(2025, 2, 20))),
            Open("s2", At(2025, 1, 1), 2_000m, Ayse, null, Stage(Qualification, At(2025, 2, 20))),
            Open("s3", At(2025, 2, 25), 4_000m, Budi),
            Open("s4", At(2025, 3, 2), 8_000m, Budi),
            Open("s5", At(2025, 1, 1), 500m, Olga, null, Stage(Proposal, At(2025, 3, 1))),
            Lost("s6", At(2025, 1, 1), At(2025, 3, 15), 300m, Olga),
        ]).WithActivities(
        [
            new SalesActivity(new ActivityId("c1"), SalesActivityKind.Call, Olga, At(2025, 3, 5), opportunity: new OpportunityId("s2")),
            new SalesActivity(new ActivityId("c2"), SalesActivityKind.Email, Olga, At(2025, 4, 2), opportunity: new OpportunityId("s5")),
            new SalesActivity(new ActivityId("c3"), SalesActivityKind.Call, Olga, At(2025, 3, 30), opportunity: new OpportunityId("s6")),
        ]);

    [Fact]
    public void StalledDeals_CountsTheOpenOpportunitiesUntouchedForThirtyDays()
    {
        // s1, s3, s5 → 3, 1,000 + 4,000 + 500 = 5,500 USD.
        Assert.Equal("3 (5,500.00 USD)", Evaluate(Kpis.StalledDeals, StalledData(), March).ToString());
    }

    [Fact]
    public void StalledDealRate_IsStalledOverOpenAtTheEnd()
    {
        // 3 stalled of s1..s5 open → 3 / 5 = 0.6.
        var value = Evaluate(Kpis.StalledDealRate, StalledData(), March);

        Assert.Equal(0.6m, value.Value);
        Assert.Equal(5m, value.Denominator);
    }

    [Fact]
    public void StalledDeals_ByRep_LooksUpTheActivitiesOfAnotherRep()
    {
        // The call on s2 is Olga's, the opportunity Ayşe's: Ayşe has s1 stalled, s2 not → 1 (1,000.00 USD).
        var report = Report(Kpis.StalledDeals, StalledData(), March, KpiGrouping.ByRep);

        Assert.Equal("1 (1,000.00 USD)", report.Get(KpiIds.StalledDeals, "ayse").ToString());
    }

    [Fact]
    public void StalledDeals_WithFewerDays_StallsMore()
    {
        // 20 days: s2 (26) and s4 (29) stall too → all 5.
        var stalled = new StalledDealsCalculator(new StalledDealsOptions { Id = "stalled-20", Days = 20 });

        Assert.Equal(5m, Evaluate(stalled, StalledData(), March).Value);
    }

    [Fact]
    public void StalledDeals_RejectsDaysThatAreNotPositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StalledDealsCalculator(new StalledDealsOptions { Days = 0 }));

    [Fact]
    public void StalledDealRate_WithNoOpenOpportunity_IsUndefined()
    {
        var value = Evaluate(Kpis.StalledDealRate, Data([Won("w", At(2025, 3, 1), At(2025, 3, 2))]), March);

        Assert.Equal("no opportunities open at the end of the period", value.UndefinedReason);
    }
}
