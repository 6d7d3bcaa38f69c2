using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reps;
using SalesKpi.Tests.TestUtilities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

/// <summary>The dimensions every record carries: never null, part of equality, kept by every copy.</summary>
public sealed class RecordDimensionsTests
{
    private static readonly Dimensions West = Dimensions.Of("office", "West");

    [Fact]
    public void Records_WithoutDimensions_HaveTheEmptyOnes()
    {
        Assert.Same(Dimensions.Empty, CreateLead().Dimensions);
        Assert.Same(Dimensions.Empty, CreateOpportunity().Dimensions);
        Assert.Same(Dimensions.Empty, CreateDeal().Dimensions);
        Assert.Same(Dimensions.Empty, CreateActivity().Dimensions);
        Assert.Same(Dimensions.Empty, CreateSpend().Dimensions);
        Assert.Same(Dimensions.Empty, CreateRep().Dimensions);
        Assert.Same(Dimensions.Empty, new Account(new AccountId("acme")).Dimensions);
    }

    [Fact]
    public void Equality_IncludesTheDimensions()
    {
        EqualityAssert.EqualAndUnequal(CreateLead().WithDimensions(West), CreateLead().WithDimensions(Dimensions.Of("OFFICE", "West")), CreateLead(), CreateLead().WithDimensions(Dimensions.Of("office", "East")));
        EqualityAssert.EqualAndUnequal(CreateOpportunity().WithDimensions(West), CreateOpportunity().WithDimensions(West), CreateOpportunity());
        EqualityAssert.EqualAndUnequal(CreateDeal().WithDimensions(West), CreateDeal().WithDimensions(West), CreateDeal());
        EqualityAssert.EqualAndUnequal(CreateActivity().WithDimensions(West), CreateActivity().WithDimensions(West), CreateActivity());
        EqualityAssert.EqualAndUnequal(CreateSpend().WithDimensions(West), CreateSpend().WithDimensions(West), CreateSpend());
        EqualityAssert.EqualAndUnequal(CreateRep().WithDimensions(West), CreateRep().WithDimensions(West), CreateRep());
        EqualityAssert.EqualAndUnequal(
            new Account(new AccountId("acme"), Dimensions.Of("sector", "Retail")),
            new Account(new AccountId("acme")).WithDimensions(Dimensions.Of("sector", "Retail")),
            new Account(new AccountId("acme")),
            new Account(new AccountId("globex"), Dimensions.Of("sector", "Retail")));
    }

    [Fact]
    public void Copies_KeepTheDimensions()
    {
        var lead = CreateLead().WithDimensions(West);
        Assert.Equal(West, lead.WithOwner(new RepId("r02")).WithQualifiedAt(T1).WithConvertedAt(T2).Dimensions);

        var opportunity = CreateOpportunity().WithDimensions(West);
        Assert.Equal(West, opportunity.WithAmount(Usd(5m)).WithOwner(new RepId("r02")).WithStage(OpportunityStage.Proposal, T1).WithStatus(OpportunityStatus.Won, T2).Dimensions);

        var deal = CreateDeal().WithDimensions(West);
        Assert.Equal(West, deal.WithValue(Usd(5m)).WithTerm(January, Usd(1m)).Dimensions);

        Assert.Equal(West, CreateActivity().WithDimensions(West).WithOutcomes(ActivityOutcomes.Connected).Dimensions);
    }

    [Fact]
    public void Constructors_TakeTheDimensionsLast()
    {
        Assert.Equal(West, new Lead(new LeadId("L-1"), T0, "web", dimensions: West).Dimensions);
        Assert.Equal(West, new Opportunity(new OpportunityId("O-1"), new AccountId("acme"), new RepId("r01"), T0, Usd(1m), dimensions: West).Dimensions);
        Assert.Equal(West, new Deal(new DealId("D-1"), new AccountId("acme"), new RepId("r01"), T0, Usd(1m), dimensions: West).Dimensions);
        Assert.Equal(West, new SalesActivity(new ActivityId("A-1"), SalesActivityKind.Call, new RepId("r01"), T0, dimensions: West).Dimensions);
        Assert.Equal(West, new MarketingSpend("web", January, Usd(1m), West).Dimensions);
        Assert.Equal(West, new Rep(new RepId("r01"), "Ayşe Demir", new TeamId("team-east"), West).Dimensions);
    }

    [Fact]
    public void WithDimensions_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("dimensions", () => CreateLead().WithDimensions(null!));
        Assert.Throws<ArgumentNullException>("dimensions", () => new Account(new AccountId("acme")).WithDimensions(null!));
    }

    [Fact]
    public void Account_DefaultId_Throws() =>
        Assert.Throws<ArgumentException>("id", () => new Account(default));

    [Fact]
    public void Account_ToString_IsIdAndDimensions()
    {
        Assert.Equal("Account acme (sector=Retail)", new Account(new AccountId("acme"), Dimensions.Of("sector", "Retail")).ToString());
        Assert.Equal("Account acme", new Account(new AccountId("acme")).ToString());
    }
}
