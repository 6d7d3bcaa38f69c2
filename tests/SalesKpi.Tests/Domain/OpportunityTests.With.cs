using SalesKpi.Opportunities;
using SalesKpi.Reps;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class OpportunityTests
{
    [Theory]
    [InlineData(OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Lost)]
    public void WithStatus_Closed_ReturnsClosedCopyAndLeavesOriginal(OpportunityStatus status)
    {
        var original = CreateOpportunity(stageHistory: History[..1]);

        var closed = original.WithStatus(status, T2);

        Assert.Equal(CreateOpportunity(status: status, closedAt: T2, stageHistory: History[..1]), closed);
        Assert.Equal(OpportunityStatus.Open, original.Status);
        Assert.Null(original.ClosedAt);
    }

    [Fact]
    public void WithStatus_Reopen_ClearsCloseDate()
    {
        var reopened = CreateOpportunity(status: OpportunityStatus.Lost, closedAt: T1).WithStatus(OpportunityStatus.Open, null);

        Assert.Equal(CreateOpportunity(), reopened);
    }

    [Fact]
    public void WithStatus_WonWithoutCloseDate_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("closedAt", () => CreateOpportunity().WithStatus(OpportunityStatus.Won, null));

    [Fact]
    public void WithStatus_OpenWithCloseDate_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("closedAt", () => CreateOpportunity().WithStatus(OpportunityStatus.Open, T1));

    [Fact]
    public void WithStatus_CloseDateBeforeCreation_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("closedAt", () => CreateOpportunity().WithStatus(OpportunityStatus.Lost, BeforeT0));

    [Fact]
    public void WithStatus_UndefinedStatus_ThrowsArgumentOutOfRangeException() =>
        Assert.Throws<ArgumentOutOfRangeException>("status", () => CreateOpportunity().WithStatus((OpportunityStatus)7, T1));

    [Fact]
    public void WithAmount_ReturnsCopyAndLeavesOriginal()
    {
        var original = CreateOpportunity();

        var changed = original.WithAmount(Eur(250m));

        Assert.Equal(CreateOpportunity(amount: Eur(250m)), changed);
        Assert.Equal(Usd(1000m), original.Amount);
    }

    [Fact]
    public void WithOwner_ReturnsCopyAndLeavesOriginal()
    {
        var original = CreateOpportunity(owner: "r01");

        var changed = original.WithOwner(new RepId("r02"));

        Assert.Equal(CreateOpportunity(owner: "r02"), changed);
        Assert.Equal(new RepId("r01"), original.Owner);
    }

    [Fact]
    public void WithOwner_DefaultOwner_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("owner", () => CreateOpportunity().WithOwner(default));
}
