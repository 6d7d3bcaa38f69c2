using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpiReportTests
{
    /// <summary>
    /// Seed 004 compares a rep with "the peer average". Calls and demos in March: r1 12, r2 10, r3 20, r4 30.
    /// For r1 the peers are r2, r3, r4: mean (10 + 20 + 30) / 3 = 20, and (12 - 20) / 20 = -0.4, "40% below".
    /// </summary>
    private static SalesData FourReps() => SalesData.Create(
        activities:
        [
            .. new[] { ("r1", 12), ("r2", 10), ("r3", 20), ("r4", 30) }.SelectMany(r => Times(r.Item2, i => Call(r.Item1, Mar(1 + (i % 28))))),
            .. new[] { ("r1", 12), ("r2", 10), ("r3", 20), ("r4", 30) }.SelectMany(r => Times(r.Item2, i => Demo(r.Item1, Mar(1 + (i % 28))))),
        ],
        roster: Roster(("r1", "t1"), ("r2", "t2"), ("r3", "t3"), ("r4", "t4")));

    [Fact]
    public void CompareWithPeers_RepFortyPercentBelowTheOthers_HasRelativeDifferenceMinusPointFour()
    {
        var report = new KpiEvaluator().Evaluate(FourReps(), new KpiQuery(March2025, [Kpis.Calls], KpiGrouping.ByRep));

        var r1 = report.CompareWithPeers(KpiIds.Calls, "r1");

        // Peers of r1 exclude r1: (10 + 20 + 30) / 3 = 20; (12 - 20) / 20 = -0.4. Including r1 the mean would be 18.
        Assert.Equal(20m, r1.PeerMean.Value);
        Assert.Equal(-0.4m, r1.RelativeDifference.Value);
        Assert.Equal(3, r1.PeerCount);
        // Higher is better for calls: r3 (20) and r4 (30) beat 12, so r1 ranks 3rd of 4.
        Assert.Equal(3, r1.Rank);
        Assert.Equal("r1", r1.Group);
        Assert.Equal(KpiValue.Count(12), r1.Value);
        // The mean in the unit of the value (a count), the difference as a percentage: -0.4 is -40%.
        Assert.Equal("r1: 12 vs peer mean 20 (-40%), rank 3 of 4", r1.ToString());
    }

    [Fact]
    public void CompareWithPeers_CustomKpiWhereLowerIsBetter_RanksTheOtherWay()
    {
        var fewerDemosBetter = new DemosCalculator(direction: KpiDirection.LowerIsBetter);
        var report = new KpiEvaluator().Evaluate(FourReps(), new KpiQuery(March2025, [fewerDemosBetter], KpiGrouping.ByRep));

        var r1 = report.CompareWithPeers("demos", "r1");
        var r4 = report.CompareWithPeers("demos", "r4");

        // The same numbers as calls, so the same -0.4, but lower is better: only r2 (10) beats 12, so r1 ranks 2nd.
        Assert.Equal(-0.4m, r1.RelativeDifference.Value);
        Assert.Equal(2, r1.Rank);
        // r4: peers (12 + 10 + 20) / 3 = 14; (30 - 14) / 14 = 8/7 above; the most demos ranks last, 4th.
        Assert.Equal(8m / 7m, r4.RelativeDifference.Value);
        Assert.Equal(4, r4.Rank);
    }

    [Fact]
    public void CompareWithPeers_NoneGroup_IsNotAPeer()
    {
        var data = FourReps();
        data = data.WithActivities([.. data.Activities, .. Times(1_000, i => Call("r9", Mar(5)))]); // r9 is on no team
        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(March2025, [Kpis.Calls], KpiGrouping.ByTeam));

        var t1 = report.CompareWithPeers(KpiIds.Calls, "t1");

        // "(none)" with 1,000 calls is a bucket of unassigned records, not a peer: still (12 - 20) / 20 = -0.4.
        Assert.True(report.HasGroup(KpiGrouping.NoKey));
        Assert.Equal(-0.4m, t1.RelativeDifference.Value);
        Assert.Equal(3, t1.PeerCount);
    }

    [Fact]
    public void CompareWithPeers_PeersWithUndefinedValues_AreLeftOut()
    {
        var data = SalesData.Create(activities:
        [
            .. Times(10, i => Call("r1", Mar(1 + i))), Meeting("r1", Mar(3)), // 0.1
            .. Times(10, i => Call("r2", Mar(1 + i))), .. Times(3, i => Meeting("r2", Mar(1 + i))), // 0.3
            Meeting("r3", Mar(3)), // undefined: no calls
        ]);
        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(March2025, [Kpis.CallToMeetingRate], KpiGrouping.ByRep));

        var r1 = report.CompareWithPeers(KpiIds.CallToMeetingRate, "r1");
        var r3 = report.CompareWithPeers(KpiIds.CallToMeetingRate, "r3");

        // r1's only peer with a value is r2: (0.1 - 0.3) / 0.3 = -2/3.
        Assert.Equal(1, r1.PeerCount);
        Assert.Equal(-0.2m / 0.3m, r1.RelativeDifference.Value);
        Assert.Equal(2, r1.Rank);
        // r3 has no value: no rank, and the difference is undefined with the reason.
        Assert.Null(r3.Rank);
        Assert.Equal("the group's value is undefined: calls is zero", r3.RelativeDifference.UndefinedReason);
        Assert.Equal(0.2m, r3.PeerMean.Value); // (0.1 + 0.3) / 2
        // -2/3 = -66.666…% rounds to -66.67%; r3's value is undefined, so it shows the reason and no difference or rank.
        Assert.Equal("r1: 0.1 vs peer mean 0.3 (-66.67%), rank 2 of 2", r1.ToString());
        Assert.Equal("r3: undefined (calls is zero) vs peer mean 0.2, not ranked", r3.ToString());
    }

    [Fact]
    public void CompareWithPeers_Ties_ShareARank()
    {
        var data = SalesData.Create(activities: [.. Times(2, i => Demo("r1", Mar(3))), .. Times(2, i => Demo("r2", Mar(3))), Demo("r3", Mar(3))]);
        var report = DemosByRep(data);

        Assert.Equal(1, report.CompareWithPeers("demos", "r1").Rank);
        Assert.Equal(1, report.CompareWithPeers("demos", "r2").Rank);
        Assert.Equal(3, report.CompareWithPeers("demos", "r3").Rank);
    }

    [Fact]
    public void CompareWithPeers_OnlyGroup_HasNoPeerMeanAndRanksFirst()
    {
        var report = DemosByRep(SalesData.Create(activities: [Demo("r1", Mar(3))]));

        var r1 = report.CompareWithPeers("demos", "r1");

        Assert.Equal(0, r1.PeerCount);
        Assert.Equal("there are no peers with a value", r1.PeerMean.UndefinedReason);
        Assert.Equal("there are no peers with a value", r1.RelativeDifference.UndefinedReason);
        Assert.Equal(1, r1.Rank);
        Assert.Equal("r1: 1 vs no peers, rank 1 of 1", r1.ToString());
    }

    [Fact]
    public void CompareWithPeers_PeerMeanZero_IsUndefinedWithReason()
    {
        var data = SalesData.Create(activities: [Demo("r1", Mar(3)), Call("r2", Mar(3))]);
        var report = DemosByRep(data);

        var r1 = report.CompareWithPeers("demos", "r1");

        // r2 gave 0 demos: 1 demo against a mean of 0 is no finite relative difference.
        Assert.Equal(0m, r1.PeerMean.Value);
        Assert.Equal("the peer mean is zero", r1.RelativeDifference.UndefinedReason);
        // No difference to show; 1 demo beats r2's 0, so r1 ranks 1st of the 2.
        Assert.Equal("r1: 1 vs peer mean 0, rank 1 of 2", r1.ToString());
    }

    /// <summary>Evaluates <c>demos</c> by rep over March.</summary>
    private static KpiReport DemosByRep(SalesData data) => new DemosCalculator().Evaluate(data, March2025, KpiGrouping.ByRep);

    [Fact]
    public void CompareWithPeers_NegativePeerMean_AboveTheMeanIsPositive()
    {
        // Regression: the difference was divided by the signed mean, so beating a negative mean read as "below".
        // Calls February -> March: r1 10 -> 9 (-0.1), r2 10 -> 6 (-0.4), r3 10 -> 8 (-0.2).
        // Peers of r1: (-0.4 + -0.2) / 2 = -0.3; (-0.1 - -0.3) / |-0.3| = 0.2 / 0.3 = 2/3 above.
        var calls = new[] { ("r1", 10, 9), ("r2", 10, 6), ("r3", 10, 8) };
        var data = SalesData.Create(activities:
        [
            .. calls.SelectMany(r => Times(r.Item2, i => Call(r.Item1, Feb(1 + i)))),
            .. calls.SelectMany(r => Times(r.Item3, i => Call(r.Item1, Mar(1 + i)))),
        ]);
        var growth = Kpis.Calls.PeriodOverPeriod("calls-growth");

        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(March2025, [growth], KpiGrouping.ByRep));
        var r1 = report.CompareWithPeers("calls-growth", "r1");

        Assert.Equal(-0.3m, r1.PeerMean.Value);
        Assert.Equal(0.2m / 0.3m, r1.RelativeDifference.Value);
        Assert.Equal(1, r1.Rank);
        // Above a negative mean is positive, and the text says so with its sign: 2/3 = +66.67%.
        Assert.Equal("r1: -0.1 vs peer mean -0.3 (+66.67%), rank 1 of 3", r1.ToString());
    }
}
