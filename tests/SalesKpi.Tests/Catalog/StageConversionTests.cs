using SalesKpi.BuiltIn;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Opportunities.OpportunityStage;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

public sealed class StageConversionTests
{
    // Default: FirstAppointment → Proposal, in the order Prospecting, Qualification, FirstAppointment, Proposal,
    // Negotiation. The period is decided by when the opportunity reached FirstAppointment.
    private static readonly Opportunity[] Data1 =
    [
        Open("s1", At(2025, 3, 1), owner: Ayse, stages: [Stage(FirstAppointment, At(2025, 3, 3)), Stage(Proposal, At(2025, 3, 10))]),
        Lost("s2", At(2025, 3, 1), At(2025, 3, 30), owner: Ayse, stages: [Stage(FirstAppointment, At(2025, 3, 5))]),

        // Skipped FirstAppointment: reaching Proposal on 4 March counts as reaching FirstAppointment then.
        Open("s3", At(2025, 3, 1), owner: Budi, stages: [Stage(Qualification, At(2025, 3, 1)), Stage(Proposal, At(2025, 3, 4))]),

        // Reached Proposal in April: it still converts ("at any time since").
        Open("s4", At(2025, 3, 1), owner: Budi, stages: [Stage(FirstAppointment, At(2025, 3, 6)), Stage(Proposal, At(2025, 4, 2))]),

        // Proposal in February, then back to FirstAppointment in March: the move backwards does not undo progress, and
        // it reached FirstAppointment (by passing it) in February, so it is February's.
        Open("s5", At(2025, 2, 1), owner: Olga, stages: [Stage(Proposal, At(2025, 2, 20)), Stage(FirstAppointment, At(2025, 3, 2))]),

        // No history, won on 15 March: a won opportunity has passed every stage, at its close.
        Won("s6", At(2025, 3, 1), At(2025, 3, 15), owner: Olga),

        // FirstAppointment in February: February's.
        Open("s7", At(2025, 2, 1), owner: Olga, stages: [Stage(FirstAppointment, At(2025, 2, 25)), Stage(Proposal, At(2025, 3, 3))]),

        // Never reached FirstAppointment.
        Open("s8", At(2025, 3, 1), owner: Olga, stages: [Stage(Prospecting, At(2025, 3, 1))]),
    ];

    [Fact]
    public void Evaluate_March_IsTheShareOfThoseWhoReachedFirstAppointmentThatReachedProposal()
    {
        // Reached FirstAppointment in March: s1, s2, s3 (skipped), s4, s6 (won) = 5.
        // Of those, reached Proposal: s1, s3, s4 (in April), s6 (won) = 4. 4 / 5 = 0.8.
        var value = Evaluate(Kpis.StageConversion, Data(Data1), Month(2025, 3));

        Assert.Equal(4m, value.Numerator);
        Assert.Equal(5m, value.Denominator);
        Assert.Equal(0.8m, value.Value);
    }

    [Fact]
    public void Evaluate_February_CountsTheOpportunityThatMovedBackwardsOnce()
    {
        // Reached FirstAppointment in February: s5 (by entering Proposal on 20 February), s7 = 2; both reached
        // Proposal. s5's return to FirstAppointment in March neither removes it from February nor adds it to March.
        var value = Evaluate(Kpis.StageConversion, Data(Data1), Month(2025, 2));

        Assert.Equal("1 (2 / 2)", value.ToString());
    }

    [Fact]
    public void Evaluate_GroupedByRep_IsEachOwnersShare()
    {
        // ayse: s1 yes, s2 no → 1 / 2. budi: s3, s4 → 2 / 2. olga: s6 → 1 / 1 (s5, s7 are February's; s8 never started).
        var report = Report(Kpis.StageConversion, Data(Data1), Month(2025, 3), KpiGrouping.ByRep);

        Assert.Equal("0.5 (1 / 2)", report.Get(KpiIds.StageConversion, "ayse").ToString());
        Assert.Equal("1 (2 / 2)", report.Get(KpiIds.StageConversion, "budi").ToString());
        Assert.Equal("1 (1 / 1)", report.Get(KpiIds.StageConversion, "olga").ToString());
    }

    [Fact]
    public void Evaluate_OtherStages_FollowTheSameRule()
    {
        // Qualification → Negotiation in March. Reached Qualification in March (by entering it or any later stage):
        // s1 (FirstAppointment 3 March), s2 (5 March), s3 (1 March), s4 (6 March), s6 (won 15 March) = 5.
        // Reached Negotiation: only s6, which is won. 1 / 5 = 0.2.
        var kpi = new StageConversionCalculator(new StageConversionOptions { Id = "qualification-to-negotiation", From = Qualification, To = Negotiation });

        var value = Evaluate(kpi, Data(Data1), Month(2025, 3));

        Assert.Equal("0.2 (1 / 5)", value.ToString());
    }

    [Fact]
    public void Evaluate_NoOpportunityReachedTheStageInThePeriod_IsUndefinedWithTheReason()
    {
        var value = Evaluate(Kpis.StageConversion, Data(Data1), Month(2025, 1));

        Assert.False(value.IsDefined);
        Assert.Equal("no opportunities reached FirstAppointment in the period", value.UndefinedReason);
    }

    [Fact]
    public void Constructor_TargetStageBeforeTheSourceStage_Throws()
    {
        var options = new StageConversionOptions { From = Proposal, To = FirstAppointment };

        Assert.Throws<ArgumentException>("options.To", () => new StageConversionCalculator(options));
    }

    [Fact]
    public void Inputs_ReadOpportunitiesByWhenTheyReachedTheFromStage() =>
        Assert.Equal(
            "opportunities by reached Qualification",
            Assert.Single(new StageConversionCalculator(new StageConversionOptions { From = Qualification, To = Proposal }).Inputs).Description);
}
