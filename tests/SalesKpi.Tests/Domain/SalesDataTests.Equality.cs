using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Reps;
using SalesKpi.Tests.TestUtilities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class SalesDataTests
{
    [Fact]
    public void Equality_ComparesEveryCollectionInOrder()
    {
        var full = Full();

        EqualityAssert.EqualAndUnequal(
            full,
            Full(),
            full.WithLeads([CreateLead("L-2")]),
            full.WithLeads([]),
            full.WithLeads([CreateLead(), CreateLead()]),
            full.WithOpportunities([CreateOpportunity(amount: Usd(999m))]),
            full.WithDeals([CreateDeal(kind: DealKind.AddOn)]),
            full.WithActivities([CreateActivity(outcomes: ActivityOutcomes.Connected)]),
            full.WithSpend([CreateSpend(amount: Usd(1m))]),
            full.WithRoster(Roster.Empty),
            full.WithRoster(new Roster(CreateRoster().Reps.Reverse())));
    }

    [Fact]
    public void Equality_SameRecordsInAnotherOrder_AreNotEqual() =>
        EqualityAssert.NotEqual(
            SalesData.Create(leads: [CreateLead("L-1"), CreateLead("L-2")]),
            SalesData.Create(leads: [CreateLead("L-2"), CreateLead("L-1")]));

    [Fact]
    public void Equality_EmptySnapshots_AreEqual() =>
        EqualityAssert.Equal(SalesData.Empty, SalesData.Create(roster: new Roster([])));

    [Theory]
    [MemberData(nameof(CultureScope.Names), MemberType = typeof(CultureScope))]
    public void ToString_AnyCurrentCulture_CountsRecords(string culture)
    {
        using (new CultureScope(culture))
        {
            var data = SalesData.Create(
                leads: [CreateLead("L-1"), CreateLead("L-2")],
                opportunities: [CreateOpportunity()],
                activities: Enumerable.Range(1, 5).Select(i => CreateActivity($"A-{i}")),
                roster: CreateRoster());

            Assert.Equal("SalesData (2 leads, 1 opportunities, 0 deals, 5 activities, 0 spend, 3 reps)", data.ToString());
            Assert.Equal("SalesData (0 leads, 0 opportunities, 0 deals, 0 activities, 0 spend, 0 reps)", SalesData.Empty.ToString());
        }
    }
}
