using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Domain;

public sealed class StageEntryTests
{
    private static readonly Instant At = Instant.FromUtc(2025, 3, 1, 10, 0);

    [Fact]
    public void Constructor_DefaultStage_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("stage", () => new StageEntry(default, At));

    [Fact]
    public void Constructor_KeepsStageAndInstant()
    {
        var entry = new StageEntry(OpportunityStage.Proposal, At);

        Assert.Equal(OpportunityStage.Proposal, entry.Stage);
        Assert.Equal(At, entry.EnteredAt);
    }

    [Fact]
    public void Equality_IsComponentWiseAndIgnoresStageCase() =>
        EqualityAssert.EqualAndUnequal(
            new StageEntry(OpportunityStage.Proposal, At),
            new StageEntry(new OpportunityStage("PROPOSAL"), At),
            new StageEntry(OpportunityStage.Negotiation, At),
            new StageEntry(OpportunityStage.Proposal, At + Duration.FromSeconds(1)),
            default);

    [Fact]
    public void Default_HasDefaultStageAndUnixEpoch()
    {
        Assert.Equal(default(OpportunityStage), default(StageEntry).Stage);
        Assert.Equal(NodaConstants.UnixEpoch, default(StageEntry).EnteredAt);
    }

    [Theory]
    [MemberData(nameof(CultureScope.Names), MemberType = typeof(CultureScope))]
    public void ToString_AnyCurrentCulture_IsStageAtIsoInstant(string culture)
    {
        using (new CultureScope(culture))
        {
            Assert.Equal("Proposal@2025-03-01T10:00:00Z", new StageEntry(OpportunityStage.Proposal, At).ToString());
        }
    }
}
