using NodaTime;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reps;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class OpportunityTests
{
    private static readonly OpportunityId Id = new("O-1");
    private static readonly AccountId Account = new("acme");
    private static readonly RepId Owner = new("r01");

    [Fact]
    public void Constructor_DefaultId_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("id", () => new Opportunity(default, Account, Owner, T0, Usd(1m)));

    [Fact]
    public void Constructor_DefaultAccount_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("account", () => new Opportunity(Id, default, Owner, T0, Usd(1m)));

    [Fact]
    public void Constructor_DefaultOwner_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("owner", () => new Opportunity(Id, Account, default, T0, Usd(1m)));

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public void Constructor_UndefinedStatus_ThrowsArgumentOutOfRangeException(int undefined) =>
        Assert.Throws<ArgumentOutOfRangeException>("status", () => CreateOpportunity(status: (OpportunityStatus)undefined, closedAt: T1));

    [Fact]
    public void Constructor_LostReason_IsTrimmed() =>
        Assert.Equal("price", new Opportunity(Id, Account, Owner, T0, Usd(1m), OpportunityStatus.Lost, T1, lostReason: "  price ").LostReason);

    [Theory]
    [InlineData(OpportunityStatus.Open)]
    [InlineData(OpportunityStatus.Won)]
    public void Constructor_LostReasonWhenNotLost_ThrowsArgumentException(OpportunityStatus status) =>
        Assert.Throws<ArgumentException>("lostReason", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), status, status == OpportunityStatus.Open ? null : T1, lostReason: "price"));

    [Fact]
    public void Constructor_BlankLostReason_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("lostReason", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), OpportunityStatus.Lost, T1, lostReason: " "));

    [Fact]
    public void WithMethods_KeepTheLostReason_AndWithStatusDropsItUnlessLost()
    {
        var lost = new Opportunity(Id, Account, Owner, T0, Usd(1m), OpportunityStatus.Lost, T1, lostReason: "price");

        Assert.Equal("price", lost.WithAmount(Usd(2m)).LostReason);
        Assert.Equal("price", lost.WithDimensions(Dimensions.Empty).LostReason);
        Assert.Null(lost.WithStatus(OpportunityStatus.Won, T1).LostReason);
        Assert.Null(lost.WithLostReason(null).LostReason);
        Assert.NotEqual(lost, lost.WithLostReason("timing"));
    }

    [Fact]
    public void Constructor_DefaultLead_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("lead", () => CreateOpportunity(lead: default(LeadId)));

    [Fact]
    public void Constructor_OpenWithCloseDate_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("closedAt", () => CreateOpportunity(status: OpportunityStatus.Open, closedAt: T1));

    [Theory]
    [InlineData(OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Lost)]
    public void Constructor_ClosedWithoutCloseDate_ThrowsArgumentException(OpportunityStatus status) =>
        Assert.Throws<ArgumentException>("closedAt", () => CreateOpportunity(status: status, closedAt: null));

    [Theory]
    [InlineData(OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Lost)]
    public void Constructor_ClosedBeforeCreated_ThrowsArgumentException(OpportunityStatus status) =>
        Assert.Throws<ArgumentException>("closedAt", () => CreateOpportunity(status: status, closedAt: BeforeT0));

    [Theory]
    [InlineData(OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Lost)]
    public void Constructor_ClosedAtCreation_IsAccepted(OpportunityStatus status)
    {
        var opportunity = CreateOpportunity(status: status, closedAt: T0);

        Assert.Equal(status, opportunity.Status);
        Assert.Equal(T0, opportunity.ClosedAt);
        Assert.True(opportunity.IsClosed);
    }

    [Fact]
    public void Constructor_StageEntryBeforeCreation_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(
            "stageHistory",
            () => CreateOpportunity(stageHistory: [new StageEntry(OpportunityStage.Prospecting, BeforeT0)]));

    [Fact]
    public void Constructor_LaterStageEntryBeforeCreation_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(
            "stageHistory",
            () => CreateOpportunity(createdAt: T1, stageHistory: [new StageEntry(OpportunityStage.Prospecting, T1), new StageEntry(OpportunityStage.Proposal, T0)]));

    [Fact]
    public void Constructor_StageEntriesOutOfOrder_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(
            "stageHistory",
            () => CreateOpportunity(stageHistory:
            [
                new StageEntry(OpportunityStage.Prospecting, T0),
                new StageEntry(OpportunityStage.FirstAppointment, T2),
                new StageEntry(OpportunityStage.Proposal, T1),
            ]));

        Assert.Contains("Stage entry 2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DefaultStageEntry_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("stageHistory", () => CreateOpportunity(stageHistory: [default(StageEntry)]));

    [Fact]
    public void Constructor_StageEntriesAtTheSameInstant_AreAccepted()
    {
        var opportunity = CreateOpportunity(stageHistory:
        [
            new StageEntry(OpportunityStage.Prospecting, T0),
            new StageEntry(OpportunityStage.Qualification, T0),
        ]);

        Assert.Equal(2, opportunity.StageHistory.Length);
    }

    [Fact]
    public void Constructor_AllValues_KeepsThem()
    {
        StageEntry[] history = [new(OpportunityStage.FirstAppointment, T0), new(OpportunityStage.Proposal, T1)];

        var opportunity = new Opportunity(
            Id, Account, Owner, T0, Eur(5000m), OpportunityStatus.Won, T2, new LeadId("L-1"), history, new LocalDate(2025, 2, 1));

        Assert.Equal(Id, opportunity.Id);
        Assert.Equal(Account, opportunity.Account);
        Assert.Equal(Owner, opportunity.Owner);
        Assert.Equal(T0, opportunity.CreatedAt);
        Assert.Equal(Eur(5000m), opportunity.Amount);
        Assert.Equal(OpportunityStatus.Won, opportunity.Status);
        Assert.Equal(T2, opportunity.ClosedAt);
        Assert.Equal(new LeadId("L-1"), opportunity.Lead);
        Assert.Equal(history, opportunity.StageHistory);
        Assert.Equal(new LocalDate(2025, 2, 1), opportunity.ExpectedClose);
        Assert.True(opportunity.IsClosed);
    }

    [Fact]
    public void Constructor_OptionalValuesOmitted_AreOpenAndEmpty()
    {
        var opportunity = new Opportunity(Id, Account, Owner, T0, Usd(1m));

        Assert.Equal(OpportunityStatus.Open, opportunity.Status);
        Assert.False(opportunity.IsClosed);
        Assert.Null(opportunity.ClosedAt);
        Assert.Null(opportunity.Lead);
        Assert.Null(opportunity.ExpectedClose);
        Assert.True(opportunity.StageHistory.IsEmpty);
        Assert.False(opportunity.StageHistory.IsDefault);
    }

    [Fact]
    public void Constructor_StageHistory_IsCopied()
    {
        var history = new List<StageEntry> { new(OpportunityStage.Prospecting, T0) };

        var opportunity = CreateOpportunity(stageHistory: history);
        history.Add(new StageEntry(OpportunityStage.Proposal, T1));
        history[0] = new StageEntry(OpportunityStage.Negotiation, T0);

        Assert.Equal(new[] { new StageEntry(OpportunityStage.Prospecting, T0) }, opportunity.StageHistory);
    }

    [Fact]
    public void Constructor_NegativeAmount_IsAcceptedAsAValue()
    {
        // The specification puts no sign invariant on an opportunity's amount (only on deals and spend).
        Assert.Equal(Usd(-1m), CreateOpportunity(amount: Usd(-1m)).Amount);
    }
}
