using SalesKpi.Activities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

/// <summary>Grouping through the evaluator: by rep, by team through the roster, by source, by a custom key; known groups and order.</summary>
public class KpiGroupingTests
{
    private static readonly DemosCalculator Demos = new();

    /// <summary>
    /// Roster: r1, r2 in team east; r3 in team west. r9 is not on the roster.
    /// <code>
    ///        calls  demos   (March)
    /// r1       4      2
    /// r2       6      1
    /// r3       2      0
    /// r9       1      1
    /// </code>
    /// </summary>
    private static SalesData TeamData() => SalesData.Create(
        activities:
        [
            .. Times(4, i => Call("r1", Mar(1 + i))), .. Times(2, i => Demo("r1", Mar(1 + i))),
            .. Times(6, i => Call("r2", Mar(1 + i))), Demo("r2", Mar(9)),
            .. Times(2, i => Call("r3", Mar(1 + i))),
            Call("r9", Mar(3)), Demo("r9", Mar(3)),
        ],
        roster: Roster(("r1", "east"), ("r2", "east"), ("r3", "west")));

    [Fact]
    public void ByRep_BuiltInAndCustom_SplitEveryRecordByItsOwner()
    {
        var report = new KpiEvaluator().Evaluate(TeamData(), new KpiQuery(March2025, [Kpis.Calls, Demos], KpiGrouping.ByRep));

        // Grouping by rep needs no roster: r9 is its own group.
        Assert.Equal<string>(["r1", "r2", "r3", "r9"], report.Groups);
        Assert.Equal([4m, 6m, 2m, 1m], report.Groups.Select(g => report.Get(KpiIds.Calls, g).Value));
        Assert.Equal([2m, 1m, 0m, 1m], report.Groups.Select(g => report.Get("demos", g).Value));
    }

    [Fact]
    public void ByTeam_RepNotOnTheRoster_GoesToNoneAndNothingIsLost()
    {
        var report = new KpiEvaluator().Evaluate(TeamData(), new KpiQuery(March2025, [Kpis.Calls, Demos], KpiGrouping.ByTeam));

        // east = r1 + r2: 4 + 6 = 10 calls, 2 + 1 = 3 demos; west = r3: 2 calls, 0 demos; r9 is in no team: "(none)".
        Assert.Equal<string>(["east", "west", KpiGrouping.NoKey], report.Groups);
        Assert.Equal(10m, report.Get(KpiIds.Calls, "east").Value);
        Assert.Equal(3m, report.Get("demos", "east").Value);
        Assert.Equal(2m, report.Get(KpiIds.Calls, "west").Value);
        Assert.Equal(0m, report.Get("demos", "west").Value);
        Assert.Equal(1m, report.Get(KpiIds.Calls, KpiGrouping.NoKey).Value);
        Assert.Equal(1m, report.Get("demos", KpiGrouping.NoKey).Value);
        // The groups add up to the whole: 10 + 2 + 1 = 13 calls.
        Assert.Equal(13m, report.Groups.Sum(g => report.Get(KpiIds.Calls, g).Value));
    }

    [Fact]
    public void BySource_ActivitiesWithoutALead_GoToNone()
    {
        var data = SalesData.Create(
            leads: [Lead(Feb(1), "web", id: "L1"), Lead(Feb(1), "referral", id: "L2")],
            activities: [Call("r1", Mar(3), lead: "L1"), Demo("r1", Mar(3), lead: "L1"), Demo("r1", Mar(4), lead: "L2"), Call("r1", Mar(5)), Demo("r1", Mar(5), lead: "L-unknown")]);

        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(March2025, [Kpis.Calls, Demos], KpiGrouping.BySource));

        // web: 1 call, 1 demo; referral: 1 demo; no lead (or a lead not in the data): 1 call, 1 demo.
        Assert.Equal<string>(["referral", "web", KpiGrouping.NoKey], report.Groups);
        Assert.Equal([0m, 1m, 1m], report.Groups.Select(g => report.Get(KpiIds.Calls, g).Value));
        Assert.Equal([1m, 1m, 1m], report.Groups.Select(g => report.Get("demos", g).Value));
    }

    [Fact]
    public void Custom_KeyOfYourOwn_GroupsBuiltInAndCustomKpisAlike()
    {
        // Morning (before 12:00 UTC) or afternoon; the engine knows nothing of the key.
        var partOfDay = KpiGrouping.Custom("part-of-day", activities: a => a.OccurredAt.InUtc().Hour < 12 ? "morning" : "afternoon");
        var data = SalesData.Create(activities:
        [
            Call("r1", Mar(3, 9)), Call("r2", Mar(3, 10)), Call("r1", Mar(3, 15)),
            Demo("r1", Mar(4, 16)), Demo("r2", Mar(4, 17)),
        ]);

        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(March2025, [Kpis.Calls, Demos], partOfDay));

        // morning: 2 calls, 0 demos; afternoon: 1 call, 2 demos.
        Assert.Equal<string>(["afternoon", "morning"], report.Groups);
        Assert.Equal(2m, report.Get(KpiIds.Calls, "morning").Value);
        Assert.Equal(1m, report.Get(KpiIds.Calls, "afternoon").Value);
        Assert.Equal(2m, report.Get("demos", "afternoon").Value);
        Assert.Equal("part-of-day", partOfDay.Dimension);
    }

    [Fact]
    public void Custom_KeyFunctionsGiven_SupportsAndKeysExactlyThoseCollections()
    {
        var bySpendChannel = KpiGrouping.Custom("channel", spend: s => s.Channel, deals: d => d.Kind.ToString());
        var spend = Spend("web", March2025, Usd(100m));
        var deal = Deal("r1", Mar(3));

        Assert.True(bySpendChannel.Supports(KpiRecordType.Spend));
        Assert.True(bySpendChannel.Supports(KpiRecordType.Deals));
        Assert.False(bySpendChannel.Supports(KpiRecordType.Leads));
        Assert.False(bySpendChannel.Supports(KpiRecordType.Opportunities));
        Assert.False(bySpendChannel.Supports(KpiRecordType.Activities));
        Assert.Equal("web", bySpendChannel.KeyOf(spend, SalesData.Empty));
        Assert.Equal("NewBusiness", bySpendChannel.KeyOf(deal, SalesData.Empty));
        Assert.Null(bySpendChannel.KeyOf(Lead(Mar(3)), SalesData.Empty));
        Assert.Null(bySpendChannel.KeyOf(Opportunity("o1", "r1", Mar(3)), SalesData.Empty));
        Assert.Null(bySpendChannel.KeyOf(Call("r1", Mar(3)), SalesData.Empty));
        Assert.Equal("channel", bySpendChannel.ToString());
    }

    [Fact]
    public void None_AnyRecord_IsInTheSingleAllGroup()
    {
        var data = SalesData.Create(deals: [Deal("r1", Mar(3))]);

        Assert.Equal(KpiGrouping.AllKey, KpiGrouping.None.KeyOf(Lead(Mar(3)), data));
        Assert.Equal(KpiGrouping.AllKey, KpiGrouping.None.KeyOf(Spend("web", March2025, Usd(100m)), data));
        Assert.Equal<string>([KpiGrouping.AllKey], KpiGrouping.None.KnownKeys(data));
        Assert.True(KpiGrouping.None.Supports(KpiRecordType.Spend));
        Assert.Equal("none", KpiGrouping.None.ToString());
    }

    [Fact]
    public void ByRep_SpendRecords_AreNotSupportedAndTheDimensionIsNamed()
    {
        Assert.False(KpiGrouping.ByRep.Supports(KpiRecordType.Spend));
        Assert.True(KpiGrouping.ByRep.Supports(KpiRecordType.Deals));
        Assert.Equal("rep", KpiGrouping.ByRep.ToString());
        Assert.Equal("team", KpiGrouping.ByTeam.ToString());
    }

    [Fact]
    public void Custom_NullKey_GoesToNone()
    {
        var grouping = KpiGrouping.Custom("lead", activities: a => a.Lead?.Value);
        var data = SalesData.Create(activities: [Demo("r1", Mar(3), lead: "L1"), Demo("r1", Mar(3))]);

        var report = Demos.Evaluate(data, March2025, grouping);

        Assert.Equal<string>(["L1", KpiGrouping.NoKey], report.Groups);
        Assert.Equal(1m, report.Get("demos", KpiGrouping.NoKey).Value);
    }

    [Fact]
    public void ByRep_BucketedByMonth_GivesEachRepEachMonth()
    {
        var data = SalesData.Create(activities:
        [
            Call("r1", Mar(3)), Call("r1", Apr(3)), Call("r1", Apr(4)), Demo("r1", Apr(5)),
            Demo("r2", Mar(3)), Demo("r2", Mar(4)),
        ]);

        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(Dates(2025, 3, 1, 2025, 4, 30), [Kpis.Calls, Demos], KpiGrouping.ByRep, PeriodUnit.Month));

        // r1: calls March 1, April 2; demos March 0, April 1. r2: calls 0 and 0; demos March 2, April 0.
        Assert.Equal(1m, report.Get(KpiIds.Calls, "r1", 0).Value);
        Assert.Equal(2m, report.Get(KpiIds.Calls, "r1", 1).Value);
        Assert.Equal(0m, report.Get("demos", "r1", 0).Value);
        Assert.Equal(1m, report.Get("demos", "r1", 1).Value);
        Assert.Equal(2m, report.Get("demos", "r2", 0).Value);
        Assert.Equal(0m, report.Get("demos", "r2", 1).Value);
        // Rows are ordered by group, then period, then KPI.
        Assert.Equal(
            ["r1 | 2025-03 | calls", "r1 | 2025-03 | demos", "r1 | 2025-04 | calls", "r1 | 2025-04 | demos",
             "r2 | 2025-03 | calls", "r2 | 2025-03 | demos", "r2 | 2025-04 | calls", "r2 | 2025-04 | demos"],
            report.Rows.Select(r => $"{r.Group} | {r.Period.Label} | {r.KpiId}"));
    }

    [Fact]
    public void IncludeAllKnownGroups_RosterRepWithNoRecords_IsReportedOnlyWhenAsked()
    {
        var data = SalesData.Create(
            activities: [Call("r1", Mar(3)), Meeting("r1", Mar(3)), Demo("r1", Mar(4))],
            roster: Roster(("r1", "east"), ("r2", "east"), ("r3", "west")));
        KpiCalculator[] kpis = [Kpis.Calls, Demos, Kpis.CallToMeetingRate];

        var asked = new KpiEvaluator().Evaluate(data, new KpiQuery(March2025, kpis, KpiGrouping.ByRep, includeAllKnownGroups: true));
        var notAsked = new KpiEvaluator().Evaluate(data, new KpiQuery(March2025, kpis, KpiGrouping.ByRep));

        Assert.Equal<string>(["r1"], notAsked.Groups);
        Assert.Equal<string>(["r1", "r2", "r3"], asked.Groups);
        // r2 did nothing: its counts are 0 and its rate is undefined, with the reason.
        Assert.Equal(KpiValue.Count(0), asked.Get(KpiIds.Calls, "r2"));
        Assert.Equal(KpiValue.Count(0), asked.Get("demos", "r2"));
        Assert.Equal("calls is zero", asked.Get(KpiIds.CallToMeetingRate, "r2").UndefinedReason);
        Assert.False(notAsked.HasGroup("r2"));
    }

    [Fact]
    public void IncludeAllKnownGroups_ByTeam_ReportsEveryRosterTeam()
    {
        var data = SalesData.Create(activities: [Demo("r1", Mar(3))], roster: Roster(("r1", "east"), ("r2", "west")));

        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(March2025, [Demos], KpiGrouping.ByTeam, includeAllKnownGroups: true));

        Assert.Equal<string>(["east", "west"], report.Groups);
        Assert.Equal(0m, report.Get("demos", "west").Value);
    }

    [Fact]
    public void Groups_AnyKeys_AreOrderedOrdinallyWithNoneLast()
    {
        var grouping = KpiGrouping.Custom("key", activities: a => a.Tool);
        SalesActivity[] activities = [.. new[] { "b", null, "B", "a", "A9", "A10", "_", "Z" }.Select(k => ToolUsage("r1", Mar(3), k))];

        var report = Kpis.SalesToolUsage.Evaluate(SalesData.Create(activities: activities), March2025, grouping);

        // Ordinal, not alphabetical or natural: upper case before "_" before lower case, "A10" before "A9";
        // "(none)" is last although "(" sorts first ordinally.
        Assert.Equal<string>(["A10", "A9", "B", "Z", "_", "a", "b", KpiGrouping.NoKey], report.Groups);
    }

    [Fact]
    public void Groups_SameDataInAnotherOrder_AreInTheSameOrder()
    {
        SalesActivity[] activities = [Call("r3", Mar(1)), Call("r1", Mar(2)), Call("r2", Mar(3)), Call("r10", Mar(4))];

        var forward = Kpis.Calls.Evaluate(SalesData.Create(activities: activities), March2025, KpiGrouping.ByRep);
        var backward = Kpis.Calls.Evaluate(SalesData.Create(activities: activities.Reverse()), March2025, KpiGrouping.ByRep);

        Assert.Equal<string>(["r1", "r10", "r2", "r3"], forward.Groups);
        Assert.Equal<string>(forward.Groups, backward.Groups);
    }
}
