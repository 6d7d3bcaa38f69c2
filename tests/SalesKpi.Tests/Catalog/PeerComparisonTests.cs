using SalesKpi.Deals;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

/// <summary>Seed 004's comparisons through <see cref="KpiReport.CompareWithPeers"/>.</summary>
public sealed class PeerComparisonTests
{
    // Average deal size in March: ayse (4,000 + 8,000) / 2 = 6,000; budi 10,000 / 1; olga (10,000 + 10,000) / 2 = 10,000.
    private static readonly Deal[] Deals =
    [
        Deal("a1", At(2025, 3, 3), 4_000m, Ayse),
        Deal("a2", At(2025, 3, 4), 8_000m, Ayse),
        Deal("b1", At(2025, 3, 5), 10_000m, Budi),
        Deal("o1", At(2025, 3, 6), 10_000m, Olga),
        Deal("o2", At(2025, 3, 7), 10_000m, Olga),
    ];

    // Sales cycles won in March: ayse 30 and 50 (mean 40); budi 40; olga 21 and 35 (mean 28).
    private static readonly Opportunity[] Won =
    [
        OpportunityTestData.Won("ya", At(2025, 2, 1), At(2025, 3, 3), owner: Ayse),     // 1 Feb → 3 Mar: 28 + 2 = 30
        OpportunityTestData.Won("yb", At(2025, 1, 20), At(2025, 3, 11), owner: Ayse),   // 20 Jan → 11 Mar: 11 + 28 + 11 = 50
        OpportunityTestData.Won("yc", At(2025, 2, 1), At(2025, 3, 13), owner: Budi),    // 1 Feb → 13 Mar: 28 + 12 = 40
        OpportunityTestData.Won("yd", At(2025, 3, 1), At(2025, 3, 22), owner: Olga),    // 1 → 22 Mar: 21
        OpportunityTestData.Won("ye", At(2025, 2, 20), At(2025, 3, 27), owner: Olga),   // 20 Feb → 27 Mar: 8 + 27 = 35
    ];

    private static KpiReport March { get; } = new KpiEvaluator(maxDegreeOfParallelism: 1).Evaluate(
        Data(Won, Deals), new KpiQuery(Month(2025, 3), [Kpis.AverageDealSize, Kpis.SalesCycleLength], KpiGrouping.ByRep));

    [Fact]
    public void CompareWithPeers_AverageDealSize40PercentBelowThePeers_IsMinusZeroPointFour()
    {
        // Peers: budi 10,000 and olga 10,000 → mean 10,000. ayse: 6,000. (6,000 − 10,000) / 10,000 = −0.4.
        // Higher is better: both peers are above ayse, so she ranks 3rd of 3.
        var comparison = March.CompareWithPeers(KpiIds.AverageDealSize, "ayse");

        Assert.Equal(6_000m, comparison.Value.Value);
        Assert.Equal(10_000m, comparison.PeerMean.Value);
        Assert.Equal(-0.4m, comparison.RelativeDifference.Value);
        Assert.Equal(2, comparison.PeerCount);
        Assert.Equal(3, comparison.Rank);
        // The peer mean is written in the KPI's unit, with its currency, like the value.
        Assert.Equal("ayse: 6,000.00 USD vs peer mean 10,000.00 USD (-40%), rank 3 of 3", comparison.ToString());
    }

    [Fact]
    public void CompareWithPeers_SalesCycle30PercentShorterThanThePeers_IsMinusZeroPointThreeAndRanksFirst()
    {
        // Peers: ayse 40 and budi 40 → mean 40. olga: (21 + 35) / 2 = 28. (28 − 40) / 40 = −0.3.
        // Lower is better for a cycle: no peer is shorter, so olga ranks 1st.
        var comparison = March.CompareWithPeers(KpiIds.SalesCycleLength, "olga");

        Assert.Equal(28m, comparison.Value.Value);
        Assert.Equal(40m, comparison.PeerMean.Value);
        Assert.Equal(-0.3m, comparison.RelativeDifference.Value);
        Assert.Equal(1, comparison.Rank);
        Assert.Equal("olga: 28 days vs peer mean 40 days (-30%), rank 1 of 3", comparison.ToString());
    }

    [Fact]
    public void CompareWithPeers_LowerIsBetter_TiesShareARank()
    {
        // ayse and budi both average 40 days; olga's 28 is shorter. Both rank 2nd: one peer (olga) is better.
        // ayse's peer mean is (40 + 28) / 2 = 34, so she is (40 − 34) / 34 = 3/17 longer.
        var ayse = March.CompareWithPeers(KpiIds.SalesCycleLength, "ayse");
        var budi = March.CompareWithPeers(KpiIds.SalesCycleLength, "budi");

        Assert.Equal(2, ayse.Rank);
        Assert.Equal(2, budi.Rank);
        Assert.Equal(34m, ayse.PeerMean.Value);
        Assert.Equal(6m / 34m, ayse.RelativeDifference.Value);
        // 6 / 34 = 0.176470… → +17.65%.
        Assert.Equal("ayse: 40 days vs peer mean 34 days (+17.65%), rank 2 of 3", ayse.ToString());
    }

    [Fact]
    public void CompareWithPeers_HigherIsBetter_RanksTheLargestFirst()
    {
        // budi and olga tie at 10,000 for the largest average deal: both 1st.
        Assert.Equal(1, March.CompareWithPeers(KpiIds.AverageDealSize, "budi").Rank);
        Assert.Equal(1, March.CompareWithPeers(KpiIds.AverageDealSize, "olga").Rank);
    }

    [Fact]
    public void CompareWithPeers_GroupWithoutAValue_HasNoRankAndAnUndefinedDifference()
    {
        // By team, with zed (not on the roster) in the "(none)" group. south (olga) won no deal in February, so
        // south's average deal size is undefined; the "(none)" group is never a peer.
        Deal[] deals = [Deal("n1", At(2025, 2, 3), 5_000m, Ayse), Deal("z1", At(2025, 2, 4), 1_000_000m, new RepId("zed"))];
        var report = Report(Kpis.AverageDealSize, Data(deals: deals), Month(2025, 2), KpiGrouping.ByTeam, allGroups: true);

        var south = report.CompareWithPeers(KpiIds.AverageDealSize, "south");
        var north = report.CompareWithPeers(KpiIds.AverageDealSize, "north");

        Assert.Equal(["north", "south", KpiGrouping.NoKey], report.Groups.AsEnumerable());
        Assert.Null(south.Rank);
        Assert.Equal("the group's value is undefined: no deals won in the period", south.RelativeDifference.UndefinedReason);
        Assert.Equal(0, north.PeerCount);
        Assert.Equal("there are no peers with a value", north.RelativeDifference.UndefinedReason);
        Assert.Equal(1, north.Rank);
    }
}
