using SalesKpi.BuiltIn;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Opportunities.OpportunityStage;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

public sealed class QualifiedPipelineTests
{
    // The qualifying stage is FirstAppointment in the order Prospecting, Qualification, FirstAppointment, Proposal,
    // Negotiation. Month ends (UTC): 31 January, 28 February, 31 March.
    private static readonly Opportunity[] Quarter =
    [
        // Open, first appointment on 20 January: qualified at every month end of the quarter.
        Open("q1", At(2025, 1, 10), 1_000m, Ayse, null, Stage(Prospecting, At(2025, 1, 10)), Stage(FirstAppointment, At(2025, 1, 20))),

        // First appointment on 10 February, lost on 5 March: qualified only at the end of February.
        Lost("q2", At(2025, 1, 5), At(2025, 3, 5), 2_000m, Ayse, Stage(Qualification, At(2025, 1, 5)), Stage(FirstAppointment, At(2025, 2, 10))),

        // Skipped FirstAppointment and went straight to Proposal on 3 February: a skipped stage counts as passed.
        Open("q3", At(2025, 2, 1), 4_000m, Budi, null, Stage(Proposal, At(2025, 2, 3))),

        // Never past Prospecting: never qualified.
        Open("q4", At(2025, 1, 2), 8_000m, Budi, null, Stage(Prospecting, At(2025, 1, 2))),

        // No stage history, won on 2 April: it passed every stage at its close at the latest, which is after March.
        Won("q5", At(2025, 1, 3), At(2025, 4, 2), 500m, Olga),

        // Created and qualified late on 31 March: open and qualified at the end of March.
        Open("q6", At(2025, 3, 31, 22), 3_000m, Olga, null, Stage(FirstAppointment, At(2025, 3, 31, 23))),

        // Reached Proposal on 21 February, then moved back to Qualification on 2 March: a move backwards does not
        // undo progress, so it stays qualified.
        Open("q7", At(2025, 2, 20), 700m, Olga, null, Stage(Proposal, At(2025, 2, 21)), Stage(Qualification, At(2025, 3, 2))),
    ];

    [Fact]
    public void Evaluate_PerMonth_CountsEveryMonthEndAnOpportunityIsOpenAndQualifiedAt()
    {
        // January: q1 → 1, 1,000 USD.
        // February: q1, q2, q3, q7 → 4, 1,000 + 2,000 + 4,000 + 700 = 7,700 USD.
        // March: q1, q3, q6, q7 (q2 closed on 5 March) → 4, 1,000 + 4,000 + 3,000 + 700 = 8,700 USD.
        var report = Report(Kpis.QualifiedPipeline, Data(Quarter), Quarter1Of2025, KpiGrouping.None, PeriodUnit.Month);

        Assert.Equal(["2025-01", "2025-02", "2025-03"], report.Periods.Select(p => p.Label));
        Assert.Equal("1 (1,000.00 USD)", report.Get(KpiIds.QualifiedPipeline, KpiGrouping.AllKey, 0).ToString());
        Assert.Equal("4 (7,700.00 USD)", report.Get(KpiIds.QualifiedPipeline, KpiGrouping.AllKey, 1).ToString());
        Assert.Equal("4 (8,700.00 USD)", report.Get(KpiIds.QualifiedPipeline, KpiGrouping.AllKey, 2).ToString());
    }

    [Fact]
    public void Evaluate_OverTheWholeQuarter_LooksAtTheQuarterEndOnly()
    {
        // One period, ending 31 March: the same opportunities as the March bucket.
        var value = Evaluate(Kpis.QualifiedPipeline, Data(Quarter), Quarter1Of2025);

        Assert.Equal(4m, value.Value);
        Assert.Equal(Usd(8_700m), value.Amount);
    }

    [Fact]
    public void Evaluate_GroupedByRep_SplitsEachMonthEndByOwner()
    {
        // ayse (q1, q2): January 1 (1,000), February 2 (3,000), March 1 (1,000).
        // budi (q3, q4): January 0, February 1 (4,000), March 1 (4,000).
        // olga (q5, q6, q7): January 0, February 1 (700), March 2 (3,000 + 700 = 3,700).
        var report = Report(Kpis.QualifiedPipeline, Data(Quarter), Quarter1Of2025, KpiGrouping.ByRep, PeriodUnit.Month);

        string[] Row(string rep) => [.. Enumerable.Range(0, 3).Select(p => report.Get(KpiIds.QualifiedPipeline, rep, p).ToString())];

        Assert.Equal(["1 (1,000.00 USD)", "2 (3,000.00 USD)", "1 (1,000.00 USD)"], Row("ayse"));
        Assert.Equal(["0", "1 (4,000.00 USD)", "1 (4,000.00 USD)"], Row("budi"));
        Assert.Equal(["0", "1 (700.00 USD)", "2 (3,700.00 USD)"], Row("olga"));
    }

    [Fact]
    public void Evaluate_ClosedAtTheFirstInstantAfterThePeriod_WasStillOpenAtItsEnd()
    {
        // Lost at 00:00 on 1 February: it was open through all of January, so it is January's pipeline.
        Opportunity[] data = [Lost("b1", At(2025, 1, 5), At(2025, 2, 1, 0), 1_200m, Ayse, Stage(FirstAppointment, At(2025, 1, 6)))];

        Assert.Equal(1m, Evaluate(Kpis.QualifiedPipeline, Data(data), Month(2025, 1)).Value);
        Assert.Equal(0m, Evaluate(Kpis.QualifiedPipeline, Data(data), Month(2025, 2)).Value);
    }

    [Fact]
    public void Evaluate_WithAnotherQualifyingStage_CountsOnlyOpportunitiesPastIt()
    {
        // Qualifying stage Proposal: at the end of March only q3 (Proposal on 3 February) and q7 (Proposal on
        // 21 February, moved back since) qualify: 2, 4,000 + 700 = 4,700 USD.
        var kpi = new QualifiedPipelineCalculator(new QualifiedPipelineOptions { Id = "proposal-pipeline", QualifyingStage = Proposal });

        var value = Evaluate(kpi, Data(Quarter), Month(2025, 3));

        Assert.Equal("2 (4,700.00 USD)", value.ToString());
    }

    [Fact]
    public void Evaluate_GroupedByDealKind_IsUndefinedWithTheReason()
    {
        var report = Report(Kpis.QualifiedPipeline, Data(Quarter), Quarter1Of2025, KpiGrouping.ByDealKind, allGroups: true);

        var value = report.Get(KpiIds.QualifiedPipeline, "new-business");
        Assert.False(value.IsDefined);
        Assert.Null(value.Value);
        Assert.Equal("qualified-pipeline reads opportunities, which cannot be grouped by deal-kind", value.UndefinedReason);
    }

    [Fact]
    public void Constructor_QualifyingStageNotInTheStageOrder_Throws()
    {
        var options = new QualifiedPipelineOptions { QualifyingStage = new OpportunityStage("Demo") };

        Assert.Throws<ArgumentException>("options.QualifyingStage", () => new QualifiedPipelineCalculator(options));
    }
}
