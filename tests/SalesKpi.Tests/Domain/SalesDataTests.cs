using System.Collections.Immutable;
using System.Runtime.InteropServices;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reps;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class SalesDataTests
{
    [Fact]
    public void Create_NoArguments_IsEmptyWithEmptyRoster()
    {
        var data = SalesData.Create();

        Assert.Empty(data.Leads);
        Assert.Empty(data.Opportunities);
        Assert.Empty(data.Deals);
        Assert.Empty(data.Activities);
        Assert.Empty(data.Spend);
        Assert.Same(Roster.Empty, data.Roster);
        Assert.False(data.Leads.IsDefault);
        Assert.Equal(SalesData.Empty, data);
    }

    [Fact]
    public void Empty_HoldsNothing()
    {
        Assert.Empty(SalesData.Empty.Leads);
        Assert.Empty(SalesData.Empty.Opportunities);
        Assert.Empty(SalesData.Empty.Deals);
        Assert.Empty(SalesData.Empty.Activities);
        Assert.Empty(SalesData.Empty.Spend);
        Assert.Empty(SalesData.Empty.Roster.Reps);
    }

    [Fact]
    public void Create_NullLeadElement_ThrowsArgumentExceptionGivingIndex()
    {
        var exception = Assert.Throws<ArgumentException>("leads", () => SalesData.Create(leads: [CreateLead(), null!]));

        Assert.Contains("Element 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullOpportunityElement_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("opportunities", () => SalesData.Create(opportunities: [null!]));

    [Fact]
    public void Create_NullDealElement_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("deals", () => SalesData.Create(deals: [CreateDeal(), CreateDeal("D-2"), null!]));

    [Fact]
    public void Create_NullActivityElement_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("activities", () => SalesData.Create(activities: [null!, CreateActivity()]));

    [Fact]
    public void Create_NullSpendElement_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("spend", () => SalesData.Create(spend: [null!]));

    [Fact]
    public void Create_NullElementInImmutableArray_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("leads", () => SalesData.Create(leads: ImmutableArray.Create(CreateLead(), null!)));

    [Fact]
    public void Create_ImmutableArrays_AreStoredWithoutCopying()
    {
        var leads = ImmutableArray.Create(CreateLead());
        var opportunities = ImmutableArray.Create(CreateOpportunity());
        var deals = ImmutableArray.Create(CreateDeal());
        var activities = ImmutableArray.Create(CreateActivity());
        var spend = ImmutableArray.Create(CreateSpend());

        var data = SalesData.Create(leads, opportunities, deals, activities, spend);

        Assert.Same(ImmutableCollectionsMarshal.AsArray(leads), ImmutableCollectionsMarshal.AsArray(data.Leads));
        Assert.Same(ImmutableCollectionsMarshal.AsArray(opportunities), ImmutableCollectionsMarshal.AsArray(data.Opportunities));
        Assert.Same(ImmutableCollectionsMarshal.AsArray(deals), ImmutableCollectionsMarshal.AsArray(data.Deals));
        Assert.Same(ImmutableCollectionsMarshal.AsArray(activities), ImmutableCollectionsMarshal.AsArray(data.Activities));
        Assert.Same(ImmutableCollectionsMarshal.AsArray(spend), ImmutableCollectionsMarshal.AsArray(data.Spend));
    }

    [Fact]
    public void Create_Array_IsCopied()
    {
        Lead[] leads = [CreateLead("L-1"), CreateLead("L-2")];

        var data = SalesData.Create(leads: leads);
        leads[0] = CreateLead("L-9");

        Assert.Equal(new[] { CreateLead("L-1"), CreateLead("L-2") }, data.Leads);
        Assert.NotSame(leads, ImmutableCollectionsMarshal.AsArray(data.Leads));
    }

    [Fact]
    public void Create_LazySequence_IsEnumeratedOnce()
    {
        var enumerations = 0;
        IEnumerable<SalesActivity> Activities()
        {
            enumerations++;
            yield return CreateActivity("A-1");
            yield return CreateActivity("A-2");
        }

        var data = SalesData.Create(activities: Activities());

        Assert.Equal(1, enumerations);
        Assert.Equal(new[] { CreateActivity("A-1"), CreateActivity("A-2") }, data.Activities);
    }

    [Fact]
    public void Create_KeepsOrderAndRoster()
    {
        var roster = CreateRoster();
        Deal[] deals = [CreateDeal("D-3"), CreateDeal("D-1"), CreateDeal("D-2")];

        var data = SalesData.Create(deals: deals, roster: roster);

        Assert.Equal(deals, data.Deals);
        Assert.Same(roster, data.Roster);
    }

    [Fact]
    public void TryGetLead_KnownId_ReturnsLead()
    {
        var data = SalesData.Create(leads: [CreateLead("L-1"), CreateLead("L-2", source: "referral")]);

        Assert.True(data.TryGetLead(new LeadId("L-2"), out var lead));
        Assert.Equal(CreateLead("L-2", source: "referral"), lead);
    }

    [Fact]
    public void TryGetLead_UnknownId_ReturnsFalseAndNull()
    {
        var data = SalesData.Create(leads: [CreateLead("L-1")]);

        Assert.False(data.TryGetLead(new LeadId("L-3"), out var lead));
        Assert.Null(lead);
        Assert.False(data.TryGetLead(new LeadId("l-1"), out _));
        Assert.False(SalesData.Empty.TryGetLead(new LeadId("L-1"), out _));
    }

    [Fact]
    public void TryGetLead_DuplicateId_ReturnsFirstRecord()
    {
        var data = SalesData.Create(leads: [CreateLead("L-1", source: "web"), CreateLead("L-1", source: "referral")]);

        Assert.True(data.TryGetLead(new LeadId("L-1"), out var lead));
        Assert.Equal("web", lead.Source);
    }

    [Fact]
    public void TryGetLead_AfterWithLeads_SeesTheNewLeads()
    {
        var data = SalesData.Create(leads: [CreateLead("L-1")]);
        Assert.True(data.TryGetLead(new LeadId("L-1"), out _));

        var replaced = data.WithLeads([CreateLead("L-2")]);

        Assert.False(replaced.TryGetLead(new LeadId("L-1"), out _));
        Assert.True(replaced.TryGetLead(new LeadId("L-2"), out _));
        Assert.True(data.TryGetLead(new LeadId("L-1"), out _));
    }

    [Fact]
    public void TryGetLead_ManyThreads_AllFindTheLead()
    {
        var data = SalesData.Create(leads: Enumerable.Range(0, 1000).Select(i => CreateLead($"L-{i}")));

        var found = new bool[64];
        Parallel.For(0, found.Length, i => found[i] = data.TryGetLead(new LeadId($"L-{i * 10}"), out var lead) && lead.Id == new LeadId($"L-{i * 10}"));

        Assert.All(found, Assert.True);
    }

    [Fact]
    public void TryGetOpportunity_KnownAndUnknownIds_FindsOnlyKnownOnes()
    {
        var data = SalesData.Create(opportunities: [CreateOpportunity("O-1"), CreateOpportunity("O-2", amount: Eur(5m))]);

        Assert.True(data.TryGetOpportunity(new OpportunityId("O-2"), out var opportunity));
        Assert.Equal(CreateOpportunity("O-2", amount: Eur(5m)), opportunity);
        Assert.False(data.TryGetOpportunity(new OpportunityId("O-3"), out var missing));
        Assert.Null(missing);
    }
}

public class SalesDataDefaultArrayTests
{
    [Fact]
    public void Create_DefaultImmutableArray_IsEmpty()
    {
        // Regression: a default ImmutableArray used to throw NullReferenceException.
        var data = SalesData.Create(leads: default(System.Collections.Immutable.ImmutableArray<SalesKpi.Leads.Lead>));

        Assert.Empty(data.Leads);
    }

    [Fact]
    public void WithActivities_DefaultImmutableArray_IsEmpty()
    {
        // Regression: a default ImmutableArray used to throw NullReferenceException.
        var data = SalesData.Empty.WithActivities(default(System.Collections.Immutable.ImmutableArray<SalesKpi.Activities.SalesActivity>));

        Assert.Empty(data.Activities);
    }
}
