using NodaTime;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Tests.TestUtilities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class OpportunityTests
{
    [Fact]
    public void Equality_IsComponentWise()
    {
        var lead = new LeadId("L-1");
        var close = new LocalDate(2025, 3, 31);
        StageEntry[] history = [new(OpportunityStage.FirstAppointment, T0), new(OpportunityStage.Proposal, T1)];
        Opportunity Won(
            string id = "O-1",
            string account = "acme",
            string owner = "r01",
            Instant? createdAt = null,
            Money? amount = null,
            OpportunityStatus status = OpportunityStatus.Won,
            Instant? closedAt = null,
            LeadId? withLead = null,
            StageEntry[]? stageHistory = null,
            LocalDate? expectedClose = null) =>
            CreateOpportunity(
                id, account, owner, createdAt ?? T0, amount ?? Usd(1000m), status, closedAt ?? T2, withLead ?? lead, stageHistory ?? history, expectedClose ?? close);

        EqualityAssert.EqualAndUnequal(
            Won(),
            Won(stageHistory: [.. history]),
            Won(id: "O-2"),
            Won(account: "globex"),
            Won(owner: "r02"),
            Won(createdAt: BeforeT0),
            Won(amount: Usd(1001m)),
            Won(amount: Eur(1000m)),
            Won(status: OpportunityStatus.Lost),
            Won(closedAt: T3),
            Won(withLead: new LeadId("L-2")),
            CreateOpportunity(amount: Usd(1000m), status: OpportunityStatus.Won, closedAt: T2, lead: null, stageHistory: history, expectedClose: close),
            Won(stageHistory: [new(OpportunityStage.FirstAppointment, T0)]),
            Won(stageHistory: [new(OpportunityStage.FirstAppointment, T0), new(OpportunityStage.Negotiation, T1)]),
            Won(stageHistory: [new(OpportunityStage.FirstAppointment, T0), new(OpportunityStage.Proposal, T2)]),
            Won(stageHistory: [.. history, new(OpportunityStage.Negotiation, T2)]),
            Won(stageHistory: []),
            Won(expectedClose: close.PlusDays(1)),
            CreateOpportunity(amount: Usd(1000m), status: OpportunityStatus.Won, closedAt: T2, lead: lead, stageHistory: history, expectedClose: null));
    }

    [Fact]
    public void Equality_StageNamesDifferingOnlyInCase_AreEqual() =>
        EqualityAssert.Equal(
            CreateOpportunity(stageHistory: [new(OpportunityStage.Proposal, T1)]),
            CreateOpportunity(stageHistory: [new(new OpportunityStage("proposal"), T1)]));

    [Fact]
    public void Equality_OpenAndStatusOnlyDiffer_AreNotEqual() =>
        EqualityAssert.NotEqual(CreateOpportunity(), CreateOpportunity(status: OpportunityStatus.Won, closedAt: T0));

    [Theory]
    [MemberData(nameof(CultureScope.Names), MemberType = typeof(CultureScope))]
    public void ToString_AnyCurrentCulture_IsStable(string culture)
    {
        using (new CultureScope(culture))
        {
            Assert.Equal("Opportunity O-1 (open, 1,000.00 USD, created 2025-01-02T09:00:00Z)", CreateOpportunity().ToString());
            Assert.Equal(
                "Opportunity O-1 (won, 1,000.00 USD, created 2025-01-02T09:00:00Z)",
                CreateOpportunity(status: OpportunityStatus.Won, closedAt: T1).ToString());
            Assert.Equal(
                "Opportunity O-9 (lost, 12,345.60 EUR, created 2025-01-02T09:00:00Z)",
                CreateOpportunity(id: "O-9", amount: Eur(12345.6m), status: OpportunityStatus.Lost, closedAt: T1).ToString());
        }
    }
}
