using NodaTime;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class SalesDataTests
{
    [Fact]
    public void AsOf_KeepsWhatExistedBeforeTheInstant()
    {
        var data = SalesData.Create(
            leads: [new Lead(new LeadId("L-1"), T0, "web", qualifiedAt: T1, convertedAt: T3), new Lead(new LeadId("L-2"), T3, "web")],
            opportunities: [CreateOpportunity(createdAt: T0, status: OpportunityStatus.Won, closedAt: T3), CreateOpportunity(id: "O-2", createdAt: T3)],
            deals: [CreateDeal(closedAt: T1), CreateDeal(id: "D-2", closedAt: T3)]);

        var then = data.AsOf(T2);

        // L-1 qualified (T1) before T2 but converted (T3) after; L-2 did not exist yet.
        var lead = Assert.Single(then.Leads);
        Assert.Equal((T1, (Instant?)null), (lead.QualifiedAt, lead.ConvertedAt));
        // O-1 was still open at T2; O-2 not yet created.
        Assert.Equal(OpportunityStatus.Open, Assert.Single(then.Opportunities).Status);
        Assert.Equal(T1, Assert.Single(then.Deals).ClosedAt);
    }

    [Fact]
    public void AsOf_AnyKpi_SeesThePipelineAsItStood()
    {
        // 10,000 USD expected 2025-03-31 in Proposal (0.5) until T3, then grown to 16,000 USD.
        var opportunity = CreateOpportunity(amount: Usd(10_000m), expectedClose: new LocalDate(2025, 3, 31), stageHistory: [new StageEntry(OpportunityStage.Proposal, T0)])
            .WithChange(new OpportunityChange(T3, amount: Usd(16_000m)));
        var data = SalesData.Create(opportunities: [opportunity]);
        var march = new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31));

        // As of T2: 10,000 × 0.5 = 5,000; now: 16,000 × 0.5 = 8,000.
        Assert.Equal(5_000m, Kpis.WeightedPipeline.Evaluate(data.AsOf(T2), march).Value);
        Assert.Equal(8_000m, Kpis.WeightedPipeline.Evaluate(data, march).Value);
    }
}
