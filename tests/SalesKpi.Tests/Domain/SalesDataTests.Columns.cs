using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class SalesDataTests
{
    [Fact]
    public void WithXxx_Copy_SharesTheColumnsOfTheCollectionsItKeepsAndBuildsTheReplacedOnesAnew()
    {
        // Columns are built once per collection: a copy reuses those of the collections it keeps (documented on
        // Prepare), and must not reuse those of the one it replaces, which hold other records.
        var original = Full();
        original.Prepare();

        var withDeals = original.WithDeals([CreateDeal("D-2"), CreateDeal("D-3")]);
        var withLeads = original.WithLeads([CreateLead("L-2"), CreateLead("L-3")]);
        var withOpportunities = original.WithOpportunities([CreateOpportunity("O-2"), CreateOpportunity("O-3")]);
        var withActivities = original.WithActivities([CreateActivity("A-2"), CreateActivity("A-3")]);

        Assert.Same(original.LeadColumns, withDeals.LeadColumns);
        Assert.Same(original.OpportunityColumns, withDeals.OpportunityColumns);
        Assert.Same(original.ActivityColumns, withDeals.ActivityColumns);
        Assert.Same(original.DealColumns, withLeads.DealColumns);
        Assert.Equal(2, withDeals.DealColumns.Count);
        Assert.Equal(2, withLeads.LeadColumns.Count);
        Assert.Equal(2, withOpportunities.OpportunityColumns.Count);
        Assert.Equal(2, withActivities.ActivityColumns.Count);
        Assert.Equal(1, original.DealColumns.Count);
    }
}
