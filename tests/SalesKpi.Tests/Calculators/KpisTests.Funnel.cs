using SalesKpi.Activities;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpisTests
{
    /// <summary>
    /// Seed 000's month: 1,000 cold calls, 150 appointments (meetings) and 50 sales, spread over March 2025 (the
    /// day of the month cycles through 1-31), by two reps.
    /// </summary>
    private static SalesData Seed000Funnel() => SalesData.Create(
        activities:
        [
            .. Times(1_000, i => Call(i % 2 == 0 ? "r1" : "r2", Mar(1 + (i % 31), 9 + (i % 8)))),
            .. Times(150, i => Meeting(i % 2 == 0 ? "r1" : "r2", Mar(1 + (i % 31), 14))),
        ],
        deals: [.. Enumerable.Range(0, 50).Select(i => Deal(i % 2 == 0 ? "r1" : "r2", Mar(1 + (i % 31), 16)))]);

    [Fact]
    public void CallToMeetingRate_TwentyCallsThreeMeetings_IsMeetingsOverCalls()
    {
        SalesActivity[] activities =
        [
            .. Times(20, i => Call("r1", Mar(1 + i))),
            .. Times(3, i => Meeting("r1", Mar(10 + i))),
            Meeting("r1", Apr(1)), Call("r1", Feb(28)), // outside March
        ];

        var value = Kpis.CallToMeetingRate.Evaluate(activities, March2025);

        // 3 meetings / 20 calls = 0.15
        Assert.Equal(0.15m, value.Value);
        Assert.Equal(3m, value.Numerator);
        Assert.Equal(20m, value.Denominator);
    }

    [Fact]
    public void CallToMeetingRate_MeetingsButNoCalls_IsUndefinedWithReason()
    {
        var value = Kpis.CallToMeetingRate.Evaluate([Meeting("r1", Mar(3))], March2025);

        Assert.False(value.IsDefined);
        Assert.Equal("calls is zero", value.UndefinedReason);
    }

    [Fact]
    public void CallToMeetingRate_GroupedByRep_IsEachRepsRate()
    {
        var data = SalesData.Create(activities:
        [
            .. Times(10, i => Call("r1", Mar(1 + i))), .. Times(2, i => Meeting("r1", Mar(1 + i))),
            .. Times(4, i => Call("r2", Mar(1 + i))), Meeting("r2", Mar(9)),
            Meeting("r3", Mar(9)),
        ]);

        var report = Kpis.CallToMeetingRate.Evaluate(data, March2025, KpiGrouping.ByRep);

        // r1: 2 / 10 = 0.2; r2: 1 / 4 = 0.25; r3 met without calling.
        Assert.Equal(0.2m, report.Get(KpiIds.CallToMeetingRate, "r1").Value);
        Assert.Equal(0.25m, report.Get(KpiIds.CallToMeetingRate, "r2").Value);
        Assert.Equal("calls is zero", report.Get(KpiIds.CallToMeetingRate, "r3").UndefinedReason);
    }

    [Fact]
    public void MeetingToDealRate_SixMeetingsTwoDeals_IsWonDealsOverMeetings()
    {
        var data = SalesData.Create(
            activities: [.. Times(6, i => Meeting("r1", Mar(1 + i))), Meeting("r1", Apr(2)), Call("r1", Mar(2))],
            deals: [Deal("r1", Mar(20)), Deal("r1", Mar(31, 23, 0)), Deal("r1", Apr(1, 0, 30))]);

        var value = Kpis.MeetingToDealRate.Evaluate(data, March2025);

        // Deals by close date, meetings by occurrence: 2 deals closed in March / 6 meetings in March = 1/3.
        Assert.Equal(1m / 3m, value.Value);
        Assert.Equal(2m, value.Numerator);
        Assert.Equal(6m, value.Denominator);
    }

    [Fact]
    public void MeetingToDealRate_DealsButNoMeetings_IsUndefinedWithReason()
    {
        var data = SalesData.Create(activities: [Call("r1", Mar(3))], deals: [Deal("r1", Mar(3))]);

        var value = Kpis.MeetingToDealRate.Evaluate(data, March2025);

        Assert.False(value.IsDefined);
        Assert.Equal("no meetings in the period", value.UndefinedReason);
    }

    [Fact]
    public void MeetingToDealRate_GroupedByRep_IsEachRepsRateAndMayExceedOne()
    {
        var data = SalesData.Create(
            activities: [.. Times(4, i => Meeting("r1", Mar(1 + i))), .. Times(2, i => Meeting("r2", Mar(1 + i)))],
            deals: [Deal("r1", Mar(9)), Deal("r2", Mar(9)), Deal("r2", Mar(10)), Deal("r2", Mar(11))]);

        var report = Kpis.MeetingToDealRate.Evaluate(data, March2025, KpiGrouping.ByRep);

        // r1: 1 deal / 4 meetings = 0.25; r2: 3 deals / 2 meetings = 1.5 (deals are not linked to meetings one to one).
        Assert.Equal(0.25m, report.Get(KpiIds.MeetingToDealRate, "r1").Value);
        Assert.Equal(1.5m, report.Get(KpiIds.MeetingToDealRate, "r2").Value);
    }

    [Fact]
    public void Evaluate_Seed000Funnel_GivesFifteenPercentOneInThreeAndFivePercent()
    {
        var callToDeal = new RatioKpiCalculator("call-to-deal-rate", Kpis.DealsWon, Kpis.Calls);
        var query = new KpiQuery(March2025, [Kpis.Calls, Kpis.Meetings, Kpis.DealsWon, Kpis.CallToMeetingRate, Kpis.MeetingToDealRate, callToDeal]);

        var report = new KpiEvaluator().Evaluate(Seed000Funnel(), query);

        Assert.Equal(1_000m, report.Get(KpiIds.Calls).Value);
        Assert.Equal(150m, report.Get(KpiIds.Meetings).Value);
        Assert.Equal(50m, report.Get(KpiIds.DealsWon).Value);
        // 150 meetings / 1,000 calls = 0.15
        Assert.Equal(0.15m, report.Get(KpiIds.CallToMeetingRate).Value);
        // 50 deals / 150 meetings = 1/3: one appointment in three closes.
        Assert.Equal(1m / 3m, report.Get(KpiIds.MeetingToDealRate).Value);
        // 50 deals / 1,000 calls = 0.05: 5% of prospects called close.
        Assert.Equal(0.05m, report.Get("call-to-deal-rate").Value);
        Assert.Equal(50m, report.Get("call-to-deal-rate").Numerator);
        Assert.Equal(1_000m, report.Get("call-to-deal-rate").Denominator);
    }

    [Fact]
    public void Evaluate_Seed000FunnelByRep_SplitsEvenlyBetweenTheTwoReps()
    {
        var query = new KpiQuery(March2025, [Kpis.CallToMeetingRate, Kpis.MeetingToDealRate], KpiGrouping.ByRep);

        var report = new KpiEvaluator().Evaluate(Seed000Funnel(), query);

        // Each rep: 500 calls, 75 meetings, 25 deals: 75 / 500 = 0.15 and 25 / 75 = 1/3.
        foreach (var rep in new[] { "r1", "r2" })
        {
            Assert.Equal(0.15m, report.Get(KpiIds.CallToMeetingRate, rep).Value);
            Assert.Equal(1m / 3m, report.Get(KpiIds.MeetingToDealRate, rep).Value);
        }
    }
}
