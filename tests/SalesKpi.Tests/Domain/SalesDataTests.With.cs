using System.Collections.Immutable;
using System.Runtime.InteropServices;
using SalesKpi.Reps;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class SalesDataTests
{
    private static SalesData Full() =>
        SalesData.Create(
            [CreateLead()],
            [CreateOpportunity()],
            [CreateDeal()],
            [CreateActivity()],
            [CreateSpend()],
            CreateRoster());

    [Fact]
    public void WithLeads_ReplacesOnlyLeads()
    {
        var original = Full();

        var changed = original.WithLeads([CreateLead("L-2"), CreateLead("L-3")]);

        Assert.Equal(new[] { CreateLead("L-2"), CreateLead("L-3") }, changed.Leads);
        Assert.Equal(SalesData.Create([CreateLead("L-2"), CreateLead("L-3")], original.Opportunities, original.Deals, original.Activities, original.Spend, original.Roster), changed);
        Assert.Equal(new[] { CreateLead() }, original.Leads);
    }

    [Fact]
    public void WithOpportunities_ReplacesOnlyOpportunities()
    {
        var original = Full();

        var changed = original.WithOpportunities([]);

        Assert.Equal(SalesData.Create(original.Leads, [], original.Deals, original.Activities, original.Spend, original.Roster), changed);
        Assert.Single(original.Opportunities);
    }

    [Fact]
    public void WithDeals_ReplacesOnlyDeals()
    {
        var original = Full();

        var changed = original.WithDeals([CreateDeal("D-2")]);

        Assert.Equal(SalesData.Create(original.Leads, original.Opportunities, [CreateDeal("D-2")], original.Activities, original.Spend, original.Roster), changed);
        Assert.Equal(new[] { CreateDeal() }, original.Deals);
    }

    [Fact]
    public void WithActivities_ReplacesOnlyActivities()
    {
        var original = Full();

        var changed = original.WithActivities([CreateActivity("A-2"), CreateActivity("A-3")]);

        Assert.Equal(
            SalesData.Create(original.Leads, original.Opportunities, original.Deals, [CreateActivity("A-2"), CreateActivity("A-3")], original.Spend, original.Roster),
            changed);
        Assert.Equal(new[] { CreateActivity() }, original.Activities);
    }

    [Fact]
    public void WithSpend_ReplacesOnlySpend()
    {
        var original = Full();

        var changed = original.WithSpend([CreateSpend("referral")]);

        Assert.Equal(SalesData.Create(original.Leads, original.Opportunities, original.Deals, original.Activities, [CreateSpend("referral")], original.Roster), changed);
        Assert.Equal(new[] { CreateSpend() }, original.Spend);
    }

    [Fact]
    public void WithRoster_ReplacesOnlyRoster()
    {
        var original = Full();
        var roster = new Roster([CreateRep("r09")]);

        var changed = original.WithRoster(roster);

        Assert.Same(roster, changed.Roster);
        Assert.Equal(SalesData.Create(original.Leads, original.Opportunities, original.Deals, original.Activities, original.Spend, roster), changed);
        Assert.Equal(CreateRoster(), original.Roster);
    }

    [Fact]
    public void WithActivities_ImmutableArray_IsStoredWithoutCopying()
    {
        var activities = ImmutableArray.Create(CreateActivity("A-1"), CreateActivity("A-2"));

        var data = Full().WithActivities(activities);

        Assert.Same(ImmutableCollectionsMarshal.AsArray(activities), ImmutableCollectionsMarshal.AsArray(data.Activities));
    }

    [Fact]
    public void WithLeads_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("leads", () => Full().WithLeads(null!));

    [Fact]
    public void WithOpportunities_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("opportunities", () => Full().WithOpportunities(null!));

    [Fact]
    public void WithDeals_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("deals", () => Full().WithDeals(null!));

    [Fact]
    public void WithActivities_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("activities", () => Full().WithActivities(null!));

    [Fact]
    public void WithSpend_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("spend", () => Full().WithSpend(null!));

    [Fact]
    public void WithRoster_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("roster", () => Full().WithRoster(null!));

    [Fact]
    public void WithLeads_NullElement_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("leads", () => Full().WithLeads([null!]));

    [Fact]
    public void WithOpportunities_NullElement_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("opportunities", () => Full().WithOpportunities([CreateOpportunity(), null!]));

    [Fact]
    public void WithDeals_NullElement_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("deals", () => Full().WithDeals([null!]));

    [Fact]
    public void WithActivities_NullElement_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("activities", () => Full().WithActivities([null!]));

    [Fact]
    public void WithSpend_NullElement_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("spend", () => Full().WithSpend([null!]));
}
