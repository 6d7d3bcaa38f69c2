using SalesKpi.Activities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

/// <summary>The built-in KPIs of <see cref="Kpis"/>: worked examples, undefined cases and grouped cases.</summary>
public partial class KpisTests
{
    [Fact]
    public void Calls_MixedActivities_CountsTheCallsThatOccurredInThePeriod()
    {
        SalesActivity[] activities =
        [
            Call("r1", Mar(3)), Call("r1", Mar(10)), Call("r2", Mar(31, 23, 59)),
            SalesActivity(new SalesActivityKind("CALL"), "r2", Mar(5)), // kind names compare ignoring case: a call too
            Email("r1", Mar(3)), Meeting("r1", Mar(4)), Demo("r1", Mar(4)),
            Call("r1", Feb(28, 23, 59)), Call("r1", Apr(1, 0, 0)), // just outside March (UTC)
        ];

        var value = Kpis.Calls.Evaluate(activities, March2025);

        // 3 calls + 1 "CALL" in March = 4; the email, meeting and demo are not calls; Feb 28 and Apr 1 are outside.
        Assert.Equal(KpiValue.Count(4), value);
    }

    [Fact]
    public void Calls_GroupedByRep_CountsEachRepsCalls()
    {
        var data = SalesData.Create(activities:
        [
            Call("r1", Mar(3)), Call("r1", Mar(4)), Call("r1", Mar(5)),
            Call("r2", Mar(3)),
            Email("r3", Mar(3)),
        ]);

        var report = Kpis.Calls.Evaluate(data, March2025, KpiGrouping.ByRep);

        // r1: 3 calls; r2: 1 call; r3 only emailed, so its group exists (it has records) with 0 calls.
        Assert.Equal<string>(["r1", "r2", "r3"], report.Groups);
        Assert.Equal(KpiValue.Count(3), report.Get(KpiIds.Calls, "r1"));
        Assert.Equal(KpiValue.Count(1), report.Get(KpiIds.Calls, "r2"));
        Assert.Equal(KpiValue.Count(0), report.Get(KpiIds.Calls, "r3"));
    }

    [Fact]
    public void EmailsSent_MixedActivities_CountsEveryEmailWhateverItsOutcome()
    {
        SalesActivity[] activities =
        [
            Email("r1", Mar(1, 0, 0), ActivityOutcomes.Delivered | ActivityOutcomes.Opened),
            Email("r1", Mar(2)), // bounced: no outcome, still sent
            Email("r2", Mar(20), ActivityOutcomes.Positive),
            Call("r1", Mar(2), ActivityOutcomes.Delivered), // a call is not an email whatever its flags
            Email("r1", Apr(1)),
        ];

        var value = Kpis.EmailsSent.Evaluate(activities, March2025);

        // 3 emails in March (delivered/opened, bounced, positive); the April one is outside.
        Assert.Equal(KpiValue.Count(3), value);
    }

    [Fact]
    public void EmailsSent_GroupedByRep_CountsEachRepsEmails()
    {
        var data = SalesData.Create(activities:
        [
            Email("r1", Mar(3)), Email("r1", Mar(4)),
            Email("r2", Mar(3)), Email("r2", Mar(5)), Email("r2", Mar(6)),
        ]);

        var report = Kpis.EmailsSent.Evaluate(data, March2025, KpiGrouping.ByRep);

        // r1: 2 emails; r2: 3 emails.
        Assert.Equal(KpiValue.Count(2), report.Get(KpiIds.EmailsSent, "r1"));
        Assert.Equal(KpiValue.Count(3), report.Get(KpiIds.EmailsSent, "r2"));
    }

    [Fact]
    public void Meetings_MixedActivities_CountsTheMeetingsInThePeriod()
    {
        SalesActivity[] activities =
        [
            Meeting("r1", Mar(3)), Meeting("r2", Mar(17), ActivityOutcomes.Connected),
            Meeting("r1", Apr(2)), Call("r1", Mar(3)),
        ];

        var value = Kpis.Meetings.Evaluate(activities, March2025);

        // 2 meetings in March (held or not: a meeting is an appointment set); the April one is outside.
        Assert.Equal(KpiValue.Count(2), value);
    }

    [Fact]
    public void Meetings_GroupedByRep_CountsEachRepsMeetings()
    {
        var data = SalesData.Create(activities: [Meeting("r1", Mar(3)), Meeting("r2", Mar(4)), Meeting("r2", Mar(5)), Meeting("r2", Apr(5))]);

        var report = Kpis.Meetings.Evaluate(data, March2025, KpiGrouping.ByRep);

        // r1: 1; r2: 2 in March (its April meeting is outside).
        Assert.Equal(KpiValue.Count(1), report.Get(KpiIds.Meetings, "r1"));
        Assert.Equal(KpiValue.Count(2), report.Get(KpiIds.Meetings, "r2"));
    }

    [Fact]
    public void Meetings_GroupedByTeam_CountsEachTeamsMeetingsThroughTheRoster()
    {
        var data = SalesData.Create(
            activities:
            [
                Meeting("r1", Mar(3)), Meeting("r2", Mar(4)), Meeting("r2", Mar(5)),
                Meeting("r3", Mar(3)),
                Meeting("ghost", Mar(3)), // not on the roster
            ],
            roster: Roster(("r1", "east"), ("r2", "east"), ("r3", "west")));

        var report = Kpis.Meetings.Evaluate(data, March2025, KpiGrouping.ByTeam);

        // east = r1 (1) + r2 (2) = 3; west = r3 (1); the rep not on the roster goes to "(none)", last.
        Assert.Equal<string>(["east", "west", KpiGrouping.NoKey], report.Groups);
        Assert.Equal(KpiValue.Count(3), report.Get(KpiIds.Meetings, "east"));
        Assert.Equal(KpiValue.Count(1), report.Get(KpiIds.Meetings, "west"));
        Assert.Equal(KpiValue.Count(1), report.Get(KpiIds.Meetings, KpiGrouping.NoKey));
    }

    [Fact]
    public void Conversations_MixedActivities_CountsConnectedCallsAndMeetingsOnly()
    {
        SalesActivity[] activities =
        [
            Call("r1", Mar(3), ActivityOutcomes.Connected), Call("r1", Mar(3)),
            Call("r1", Mar(4), ActivityOutcomes.Connected), Call("r1", Mar(4)),
            Meeting("r1", Mar(5), ActivityOutcomes.Connected), Meeting("r1", Mar(6), ActivityOutcomes.Connected),
            Meeting("r1", Mar(7)), // set but not held
            Email("r1", Mar(5), ActivityOutcomes.Connected | ActivityOutcomes.Delivered), // an email is no conversation
            SalesActivity(DemosCalculator.Demo, "r1", Mar(5), ActivityOutcomes.Connected), // nor is a custom kind
            Call("r1", Apr(1), ActivityOutcomes.Connected), // outside
        ];

        var value = Kpis.Conversations.Evaluate(activities, March2025);

        // 2 connected calls + 2 connected meetings = 4.
        Assert.Equal(KpiValue.Count(4), value);
    }

    [Fact]
    public void Conversations_GroupedByRep_CountsEachRepsConversations()
    {
        var data = SalesData.Create(activities:
        [
            Call("r1", Mar(3), ActivityOutcomes.Connected), Meeting("r1", Mar(4), ActivityOutcomes.Connected),
            Call("r2", Mar(3)), Call("r2", Mar(4), ActivityOutcomes.Connected),
        ]);

        var report = Kpis.Conversations.Evaluate(data, March2025, KpiGrouping.ByRep);

        // r1: 1 call + 1 meeting = 2; r2: 1 of its 2 calls connected = 1.
        Assert.Equal(KpiValue.Count(2), report.Get(KpiIds.Conversations, "r1"));
        Assert.Equal(KpiValue.Count(1), report.Get(KpiIds.Conversations, "r2"));
    }

    [Fact]
    public void CrmUsage_MixedActivities_CountsTheCrmUpdatesInThePeriod()
    {
        SalesActivity[] activities =
        [
            .. Times(5, i => CrmUpdate("r1", Mar(1 + i))),
            CrmUpdate("r1", Feb(27)), SalesActivity(new SalesActivityKind("Crm-Update"), "r2", Mar(9)), Call("r1", Mar(9)),
        ];

        var value = Kpis.CrmUsage.Evaluate(activities, March2025);

        // 5 updates on March 1-5 + 1 "Crm-Update" (case-insensitive) = 6; February's is outside.
        Assert.Equal(KpiValue.Count(6), value);
    }

    [Fact]
    public void CrmUsage_GroupedByRep_CountsEachRepsCrmUpdates()
    {
        var data = SalesData.Create(activities: [CrmUpdate("r1", Mar(3)), CrmUpdate("r2", Mar(3)), CrmUpdate("r2", Mar(30))]);

        var report = Kpis.CrmUsage.Evaluate(data, March2025, KpiGrouping.ByRep);

        // r1: 1; r2: 2.
        Assert.Equal(KpiValue.Count(1), report.Get(KpiIds.CrmUsage, "r1"));
        Assert.Equal(KpiValue.Count(2), report.Get(KpiIds.CrmUsage, "r2"));
    }

    [Fact]
    public void SalesToolUsage_MixedActivities_CountsToolUsagesWithOrWithoutATool()
    {
        SalesActivity[] activities =
        [
            ToolUsage("r1", Mar(3), "linkedin"), ToolUsage("r1", Mar(4), "gong"), ToolUsage("r2", Mar(5), null),
            CrmUpdate("r1", Mar(3)), ToolUsage("r1", Apr(3), "gong"),
        ];

        var value = Kpis.SalesToolUsage.Evaluate(activities, March2025);

        // 3 tool usages in March (one with no tool recorded); the CRM update is not one, April's is outside.
        Assert.Equal(KpiValue.Count(3), value);
    }

    [Fact]
    public void SalesToolUsage_GroupedByTool_CountsEachToolAndPutsUnrecordedToolsInNone()
    {
        var data = SalesData.Create(activities:
        [
            ToolUsage("r1", Mar(3), "linkedin"), ToolUsage("r2", Mar(4), "linkedin"), ToolUsage("r1", Mar(5), "linkedin"),
            ToolUsage("r1", Mar(3), "gong"), ToolUsage("r2", Mar(6), "gong"),
            ToolUsage("r2", Mar(6), null),
        ]);

        var report = Kpis.SalesToolUsage.Evaluate(data, March2025, KpiGrouping.ByTool);

        // gong: 2; linkedin: 3; no tool recorded: 1 in "(none)". Ordinal order, "(none)" last.
        Assert.Equal<string>(["gong", "linkedin", KpiGrouping.NoKey], report.Groups);
        Assert.Equal(KpiValue.Count(2), report.Get(KpiIds.SalesToolUsage, "gong"));
        Assert.Equal(KpiValue.Count(3), report.Get(KpiIds.SalesToolUsage, "linkedin"));
        Assert.Equal(KpiValue.Count(1), report.Get(KpiIds.SalesToolUsage, KpiGrouping.NoKey));
    }

    [Fact]
    public void SalesToolUsage_GroupedByRep_CountsEachRepsToolUsages()
    {
        var data = SalesData.Create(activities:
        [
            ToolUsage("r1", Mar(3), "linkedin"), ToolUsage("r1", Mar(4), "gong"), ToolUsage("r2", Mar(5), "gong"),
        ]);

        var report = Kpis.SalesToolUsage.Evaluate(data, March2025, KpiGrouping.ByRep);

        // r1: 2; r2: 1.
        Assert.Equal(KpiValue.Count(2), report.Get(KpiIds.SalesToolUsage, "r1"));
        Assert.Equal(KpiValue.Count(1), report.Get(KpiIds.SalesToolUsage, "r2"));
    }

    [Theory]
    [InlineData(KpiIds.Calls)]
    [InlineData(KpiIds.EmailsSent)]
    [InlineData(KpiIds.Meetings)]
    [InlineData(KpiIds.Conversations)]
    [InlineData(KpiIds.CrmUsage)]
    [InlineData(KpiIds.SalesToolUsage)]
    [InlineData(KpiIds.NewLeads)]
    [InlineData(KpiIds.SqlCount)]
    public void CountKpis_NothingInThePeriod_AreZeroNotUndefined(string id)
    {
        Assert.True(Kpis.TryGet(id, out var kpi));

        var value = kpi.Evaluate(SalesData.Empty, March2025);

        // A count of nothing is 0, a defined value: only a quotient can be undefined for lack of records.
        Assert.True(value.IsDefined);
        Assert.Equal(KpiValue.Count(0), value);
    }

    [Theory]
    [InlineData(KpiIds.Calls, "activities")]
    [InlineData(KpiIds.EmailsSent, "activities")]
    [InlineData(KpiIds.Meetings, "activities")]
    [InlineData(KpiIds.Conversations, "activities")]
    [InlineData(KpiIds.CrmUsage, "activities")]
    [InlineData(KpiIds.SalesToolUsage, "activities")]
    [InlineData(KpiIds.NewLeads, "leads")]
    [InlineData(KpiIds.SqlCount, "leads")]
    public void CountKpis_GroupedByDealKind_AreUndefinedBecauseTheirCollectionCannotBeSplit(string id, string collection)
    {
        Assert.True(Kpis.TryGet(id, out var kpi));
        var data = SalesData.Create(
            activities: [Call("r1", Mar(3)), Email("r1", Mar(3)), Meeting("r1", Mar(3))],
            leads: [Lead(Mar(3), qualifiedAt: Mar(4))]);
        var query = new KpiQuery(March2025, [kpi], KpiGrouping.ByDealKind, includeAllKnownGroups: true);

        var report = new KpiEvaluator().Evaluate(data, query);

        // Activities and leads have no deal kind: every deal-kind group is undefined, with the reason.
        Assert.Equal<string>(["add-on", "new-business", "renewal", "win-back"], report.Groups);
        Assert.All(report.Rows, row =>
        {
            Assert.False(row.Value.IsDefined);
            Assert.Equal($"{id} reads {collection}, which cannot be grouped by deal-kind", row.Value.UndefinedReason);
        });
    }
}
