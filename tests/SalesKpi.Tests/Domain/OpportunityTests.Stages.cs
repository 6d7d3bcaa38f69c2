using SalesKpi.Opportunities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class OpportunityTests
{
    private static readonly StageEntry[] History =
    [
        new(OpportunityStage.FirstAppointment, T0),
        new(OpportunityStage.Proposal, T1),
        new(OpportunityStage.Negotiation, T2),
        new(OpportunityStage.Proposal, T3),
    ];

    [Fact]
    public void CurrentStage_EmptyHistory_IsNull() =>
        Assert.Null(CreateOpportunity().CurrentStage);

    [Fact]
    public void CurrentStage_IsTheLastEntrysStage()
    {
        Assert.Equal(OpportunityStage.Proposal, CreateOpportunity(stageHistory: History).CurrentStage);
        Assert.Equal(OpportunityStage.Negotiation, CreateOpportunity(stageHistory: History[..3]).CurrentStage);
    }

    [Fact]
    public void FirstEntered_StageEnteredTwice_ReturnsFirstEntry() =>
        Assert.Equal(T1, CreateOpportunity(stageHistory: History).FirstEntered(OpportunityStage.Proposal));

    [Fact]
    public void FirstEntered_StageInAnotherCase_MatchesIgnoringCase() =>
        Assert.Equal(T2, CreateOpportunity(stageHistory: History).FirstEntered(new OpportunityStage("NEGOTIATION")));

    [Fact]
    public void FirstEntered_StageNeverEntered_ReturnsNull()
    {
        Assert.Null(CreateOpportunity(stageHistory: History).FirstEntered(OpportunityStage.Prospecting));
        Assert.Null(CreateOpportunity().FirstEntered(OpportunityStage.Proposal));
    }

    [Fact]
    public void WithStage_AppendsEntryAndLeavesOriginal()
    {
        var original = CreateOpportunity(stageHistory: History[..1]);

        var moved = original.WithStage(OpportunityStage.Proposal, T1);

        Assert.Equal(History[..2], moved.StageHistory);
        Assert.Equal(OpportunityStage.Proposal, moved.CurrentStage);
        Assert.Equal(History[..1], original.StageHistory);
        Assert.Equal(CreateOpportunity(stageHistory: History[..2]), moved);
    }

    [Fact]
    public void WithStage_EmptyHistory_StartsHistory() =>
        Assert.Equal(
            new[] { new StageEntry(OpportunityStage.Prospecting, T0) },
            CreateOpportunity().WithStage(OpportunityStage.Prospecting, T0).StageHistory);

    [Fact]
    public void WithStage_SameInstantAsLastEntry_IsAccepted() =>
        Assert.Equal(2, CreateOpportunity(stageHistory: History[..1]).WithStage(OpportunityStage.Proposal, T0).StageHistory.Length);

    [Fact]
    public void WithStage_BeforeLastEntry_ThrowsArgumentExceptionNamingEnteredAt()
    {
        // Regression: the exception used to name the constructor's "stageHistory", which WithStage does not have.
        var opportunity = CreateOpportunity(stageHistory: History[..2]);

        Assert.Throws<ArgumentException>("enteredAt", () => opportunity.WithStage(OpportunityStage.Negotiation, T0));
    }

    [Fact]
    public void WithStage_BeforeCreation_ThrowsArgumentExceptionNamingEnteredAt()
    {
        // Regression: the exception used to name the constructor's "stageHistory", which WithStage does not have.
        var opportunity = CreateOpportunity();

        Assert.Throws<ArgumentException>("enteredAt", () => opportunity.WithStage(OpportunityStage.Prospecting, BeforeT0));
    }

    [Fact]
    public void Constructor_DefaultImmutableArrayHistory_IsEmpty()
    {
        // Regression: a default ImmutableArray used to throw NullReferenceException.
        var opportunity = CreateOpportunity(stageHistory: default(System.Collections.Immutable.ImmutableArray<StageEntry>));

        Assert.Empty(opportunity.StageHistory);
    }

    [Fact]
    public void WithStage_DefaultStage_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("stage", () => CreateOpportunity().WithStage(default, T1));
}
