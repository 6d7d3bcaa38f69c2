using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Hostile;

/// <summary>A stage entered after the opportunity closed (data the importer refuses, but a caller can build): never a negative stay.</summary>
public class TimeInStageAfterCloseTests
{
    [Fact]
    public void Regression_TimeInStage_StageEnteredAfterTheClose_IsAStayOfNoTimeInsteadOfANegativeOne()
    {
        // Lost on 2025-03-01, FirstAppointment entered on 2025-04-01: the stay used to end at the close, 31 days before it
        // began (-31 days). It now ends where it begins: 0 days, a sample of 1.
        var opportunity = CreateOpportunity(
            createdAt: Instant.FromUtc(2025, 1, 15, 9, 0),
            status: OpportunityStatus.Lost,
            closedAt: Instant.FromUtc(2025, 3, 1, 9, 0),
            stageHistory: [new StageEntry(OpportunityStage.FirstAppointment, Instant.FromUtc(2025, 4, 1, 10, 0))]);

        var value = new KpiEvaluator().Evaluate(Kpis.TimeInStage, SalesData.Create(opportunities: [opportunity]), Year2025);

        Assert.Equal(0m, value.Value);
        Assert.Equal(1, value.SampleSize);
    }
}
