using SalesKpi.Opportunities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

/// <summary>Bad input is refused with a message that says what is wrong (surviving mutants blanked these messages).</summary>
public sealed partial class OpportunityTests
{
    [Fact]
    public void Constructor_UnknownStatus_MessageSaysTheStatusIsUnknown()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("status", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), (OpportunityStatus)42));

        Assert.StartsWith("Unknown opportunity status.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OpenWithCloseDate_MessageSaysAnOpenOpportunityHasNone()
    {
        var e = Assert.Throws<ArgumentException>("closedAt", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), OpportunityStatus.Open, T1));

        Assert.StartsWith("An open opportunity has no close date.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WonWithoutCloseDate_MessageSaysItNeedsOne()
    {
        var e = Assert.Throws<ArgumentException>("closedAt", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), OpportunityStatus.Won));

        Assert.StartsWith("A won opportunity needs a close date.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ClosedBeforeCreated_MessageNamesBothInstants()
    {
        var e = Assert.Throws<ArgumentException>("closedAt", () => new Opportunity(Id, Account, Owner, T1, Usd(1m), OpportunityStatus.Lost, T0));

        Assert.StartsWith($"An opportunity cannot close ({T0}) before it was created ({T1}).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DefaultStageEntry_ThrowsNamingTheEntry()
    {
        var e = Assert.Throws<ArgumentException>("stageHistory", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), stageHistory: [default(StageEntry)]));

        Assert.StartsWith("Stage entry 0 has no stage.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EntriesOutOfOrder_MessageNamesTheEntryAndItsPredecessor()
    {
        var first = new StageEntry(new OpportunityStage("demo"), T2);
        var second = new StageEntry(new OpportunityStage("proposal"), T1);

        var e = Assert.Throws<ArgumentException>("stageHistory", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), stageHistory: [first, second]));

        Assert.StartsWith($"Stage entry 1 ({second}) is before the entry preceding it ({first}); the history must be in chronological order.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EntryBeforeCreation_MessageNamesTheEntryAndTheCreation()
    {
        var early = new StageEntry(new OpportunityStage("demo"), BeforeT0);

        var e = Assert.Throws<ArgumentException>("stageHistory", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), stageHistory: [early]));

        Assert.StartsWith($"Stage entry 0 ({early}) is before the opportunity was created ({T0}).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithStage_EntryBeforeCreation_MessageNamesTheEntryAndTheCreation()
    {
        var opportunity = new Opportunity(Id, Account, Owner, T0, Usd(1m));

        var e = Assert.Throws<ArgumentException>("enteredAt", () => opportunity.WithStage(new OpportunityStage("demo"), BeforeT0));

        Assert.StartsWith($"The stage entry ({BeforeT0}) is before the opportunity was created ({T0}).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithStage_EntryBeforeTheLastOne_MessageNamesTheEntryAndTheLastEntry()
    {
        var last = new StageEntry(new OpportunityStage("demo"), T2);
        var opportunity = new Opportunity(Id, Account, Owner, T0, Usd(1m), stageHistory: [last]);

        var e = Assert.Throws<ArgumentException>("enteredAt", () => opportunity.WithStage(new OpportunityStage("proposal"), T1));

        Assert.StartsWith($"The stage entry ({T1}) is before the last entry of the history ({last}).", e.Message, StringComparison.Ordinal);
    }
}
