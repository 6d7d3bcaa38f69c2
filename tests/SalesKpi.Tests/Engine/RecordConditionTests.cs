using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Engine;

/// <summary>Conditions on records' traits (white-box): what each keeps, and the conjunction of two, per collection.</summary>
public sealed class RecordConditionTests
{
    private static readonly RecordCondition Calls = RecordCondition.OfActivities((k, _) => k == SalesActivityKind.Call);
    private static readonly RecordCondition Connected = RecordCondition.OfActivities((_, o) => o.HasFlag(ActivityOutcomes.Connected));
    private static readonly RecordCondition Web = RecordCondition.OfLeads((s, _, _) => s == "web");
    private static readonly RecordCondition Qualified = RecordCondition.OfLeads((_, q, _) => q);
    private static readonly RecordCondition Won = RecordCondition.OfOpportunities(s => s == OpportunityStatus.Won);
    private static readonly RecordCondition Closed = RecordCondition.OfOpportunities(s => s != OpportunityStatus.Open);
    private static readonly RecordCondition Renewal = RecordCondition.OfDeals(k => k == DealKind.Renewal);
    private static readonly RecordCondition NotNew = RecordCondition.OfDeals(k => k != DealKind.NewBusiness);

    [Fact]
    public void KeepsAll_OnlyForTheCollectionsItHasNoRuleFor()
    {
        KpiRecordType[] types = [KpiRecordType.Leads, KpiRecordType.Opportunities, KpiRecordType.Deals, KpiRecordType.Activities, KpiRecordType.Spend];
        Assert.Equal([true, true, true, true, true], types.Select(RecordCondition.All.KeepsAll));
        Assert.Equal([true, true, true, false, true], types.Select(Calls.KeepsAll));
        Assert.Equal([false, true, true, true, true], types.Select(Web.KeepsAll));
        Assert.Equal([true, false, true, true, true], types.Select(Won.KeepsAll));
        Assert.Equal([true, true, false, true, true], types.Select(Renewal.KeepsAll));
    }

    [Fact]
    public void And_WithAllOrItself_IsTheSameCondition()
    {
        Assert.Same(Calls, RecordCondition.All.And(Calls));
        Assert.Same(Calls, Calls.And(RecordCondition.All));
        Assert.Same(Calls, Calls.And(Calls));
        Assert.Same(RecordCondition.All, RecordCondition.All.And(RecordCondition.All));
    }

    [Fact]
    public void And_KeepsARecordOnlyWhenBothDo_InEveryCollection()
    {
        var call = CreateActivity(kind: SalesActivityKind.Call);
        var connectedCall = CreateActivity(kind: SalesActivityKind.Call, outcomes: ActivityOutcomes.Connected);
        var connectedEmail = CreateActivity(kind: SalesActivityKind.Email, outcomes: ActivityOutcomes.Connected);
        var both = Calls.And(Connected);
        Assert.Equal([false, true, false], new[] { call, connectedCall, connectedEmail }.Select(both.Matches));

        var webLead = CreateLead(source: "web");
        var qualifiedWebLead = CreateLead(source: "web", qualifiedAt: T1);
        var qualifiedAdsLead = CreateLead(source: "ads", qualifiedAt: T1);
        var webQualified = Web.And(Qualified);
        Assert.Equal([false, true, false], new[] { webLead, qualifiedWebLead, qualifiedAdsLead }.Select(webQualified.Matches));

        var wonAndClosed = Won.And(Closed);
        var closedAndWon = Closed.And(Won);
        var statuses = new[] { OpportunityStatus.Open, OpportunityStatus.Won, OpportunityStatus.Lost }
            .Select(s => CreateOpportunity(status: s, closedAt: s == OpportunityStatus.Open ? null : T2)).ToArray();
        Assert.Equal([false, true, false], statuses.Select(wonAndClosed.Matches));
        Assert.Equal([false, true, false], statuses.Select(closedAndWon.Matches));

        var renewalNotNew = Renewal.And(NotNew);
        var deals = Enum.GetValues<DealKind>().Select(k => CreateDeal(kind: k)).ToArray();
        Assert.Equal([false, false, true, false], deals.Select(renewalNotNew.Matches));
        Assert.Equal([false, true, true, true], deals.Select(NotNew.And(RecordCondition.OfDeals(_ => true)).Matches));
    }

    [Fact]
    public void And_OfRulesOnDifferentCollections_KeepsEachRuleForItsCollection()
    {
        // Each side has a rule for one collection: the conjunction has both, and no rule elsewhere.
        var combined = Calls.And(Web).And(Won).And(Renewal);
        Assert.True(combined.Matches(CreateActivity(kind: SalesActivityKind.Call)));
        Assert.False(combined.Matches(CreateActivity(kind: SalesActivityKind.Email)));
        Assert.True(combined.Matches(CreateLead(source: "web")));
        Assert.False(combined.Matches(CreateLead(source: "ads")));
        Assert.True(combined.Matches(CreateOpportunity(status: OpportunityStatus.Won, closedAt: T2)));
        Assert.False(combined.Matches(CreateOpportunity(status: OpportunityStatus.Lost, closedAt: T2)));
        Assert.True(combined.Matches(CreateDeal(kind: DealKind.Renewal)));
        Assert.False(combined.Matches(CreateDeal(kind: DealKind.AddOn)));

        var reversed = Renewal.And(Won).And(Web).And(Calls);
        Assert.True(reversed.Matches(CreateActivity(kind: SalesActivityKind.Call)));
        Assert.False(reversed.Matches(CreateActivity(kind: SalesActivityKind.Email)));
        Assert.False(reversed.Matches(CreateLead(source: "ads")));
        Assert.False(reversed.Matches(CreateOpportunity(status: OpportunityStatus.Lost, closedAt: T2)));
        Assert.False(reversed.Matches(CreateDeal(kind: DealKind.AddOn)));
    }
}
