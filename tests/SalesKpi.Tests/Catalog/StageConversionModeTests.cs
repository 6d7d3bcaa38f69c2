using NodaTime;
using SalesKpi.BuiltIn;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Opportunities.OpportunityStage;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

/// <summary>
/// <c>stage-conversion</c>'s two modes (any stage reached, the default, and ordered) and its window (issue #22), on
/// FirstAppointment → Negotiation, whose path has Proposal in between. The order is Prospecting, Qualification,
/// FirstAppointment, Proposal, Negotiation.
/// </summary>
public sealed class StageConversionModeTests
{
    private static readonly Opportunity[] Funnel =
    [
        // o1: every stage in order. Any: yes. Ordered: yes.
        Open("o1", At(2025, 3, 1), stages: [Stage(FirstAppointment, At(2025, 3, 3)), Stage(Proposal, At(2025, 3, 10)), Stage(Negotiation, At(2025, 3, 20))]),

        // o2: skipped Proposal. Any: yes (the skip counts as passing it). Ordered: in the funnel, not converted.
        Open("o2", At(2025, 3, 1), stages: [Stage(FirstAppointment, At(2025, 3, 4)), Stage(Negotiation, At(2025, 3, 12))]),

        // o3: skipped FirstAppointment itself. Any: reached it with Proposal on 5 March, converted. Ordered: never
        // entered FirstAppointment, so not in the funnel.
        Open("o3", At(2025, 3, 1), stages: [Stage(Qualification, At(2025, 3, 2)), Stage(Proposal, At(2025, 3, 5)), Stage(Negotiation, At(2025, 3, 9))]),

        // o4: back from Proposal to FirstAppointment, then on. Ordered: the move backwards keeps Proposal reached, the
        // second Proposal is another move backwards, Negotiation is the next stage: converted. Any: yes.
        Open("o4", At(2025, 3, 1), stages:
        [
            Stage(FirstAppointment, At(2025, 3, 6)), Stage(Proposal, At(2025, 3, 8)), Stage(FirstAppointment, At(2025, 3, 11)),
            Stage(Proposal, At(2025, 3, 15)), Stage(Negotiation, At(2025, 3, 18)),
        ]),

        // o5: won from Proposal. Ordered: winning goes through Negotiation at the close: converted. Any: yes.
        Won("o5", At(2025, 3, 1), At(2025, 3, 25), stages: [Stage(FirstAppointment, At(2025, 3, 7)), Stage(Proposal, At(2025, 3, 9))]),

        // o6: skipped Proposal, then came back and did it in order. Ordered: a skip is not mended: not converted. Any: yes.
        Open("o6", At(2025, 3, 1), stages:
        [
            Stage(FirstAppointment, At(2025, 3, 10)), Stage(Negotiation, At(2025, 3, 14)), Stage(Proposal, At(2025, 3, 16)),
            Stage(Negotiation, At(2025, 3, 20)),
        ]),

        // o7: won with no history: every stage at its close, 15 March, in both modes: converted.
        Won("o7", At(2025, 3, 1), At(2025, 3, 15)),

        // o8: lost in Proposal. In the funnel in both modes, converted in neither.
        Lost("o8", At(2025, 3, 1), At(2025, 3, 30), stages: [Stage(FirstAppointment, At(2025, 3, 12)), Stage(Proposal, At(2025, 3, 13))]),

        // o9: Proposal in February, back to FirstAppointment on 2 March, then in order. Any: passed FirstAppointment in
        // February (February's). Ordered: entered FirstAppointment itself on 2 March (March's), then converted.
        Open("o9", At(2025, 2, 1), stages:
        [
            Stage(Proposal, At(2025, 2, 20)), Stage(FirstAppointment, At(2025, 3, 2)), Stage(Proposal, At(2025, 3, 5)),
            Stage(Negotiation, At(2025, 3, 9)),
        ]),

        // o10: won from Proposal, never in FirstAppointment. Any: in the funnel on 3 March, converted (won). Ordered:
        // its history went past FirstAppointment without entering it, so winning does not put it in the funnel.
        Won("o10", At(2025, 3, 1), At(2025, 3, 10), stages: [Stage(Proposal, At(2025, 3, 3))]),
    ];

    private static StageConversionCalculator Kpi(StageConversionMode mode, Period? window = null) =>
        new(new StageConversionOptions { Id = "first-appointment-to-negotiation", To = Negotiation, Mode = mode, Window = window });

    [Fact]
    public void Evaluate_AnyStageReached_CountsSkippedStagesAsPassed()
    {
        // In the funnel in March: o1, o2, o3, o4, o5, o6, o7, o8, o10 = 9 (o9 is February's).
        // Converted: all but o8 = 8. 8 / 9.
        var value = Evaluate(Kpi(StageConversionMode.AnyStageReached), Data(Funnel), Month(2025, 3));

        Assert.Equal(8m, value.Numerator);
        Assert.Equal(9m, value.Denominator);
    }

    [Fact]
    public void Evaluate_Ordered_CountsOnlyTheOpportunitiesThatWentThroughEveryStageInOrder()
    {
        // Entered FirstAppointment itself in March: o1, o2, o4, o5, o6, o7 (won), o8, o9 = 8 (o3, o10 never did).
        // Converted in order: o1, o4 (backwards), o5 (won), o7 (won), o9 = 5 (o2, o6 skipped; o8 lost). 5 / 8 = 0.625.
        var value = Evaluate(Kpi(StageConversionMode.Ordered), Data(Funnel), Month(2025, 3));

        Assert.Equal("0.625 (5 / 8)", value.ToString());
    }

    [Fact]
    public void Evaluate_OrderedInFebruary_LeavesOutTheOpportunityThatPassedFirstAppointmentWithoutEnteringIt()
    {
        // Any: o9 passed FirstAppointment by entering Proposal on 20 February: 1 / 1. Ordered: nothing entered
        // FirstAppointment in February: undefined.
        Assert.Equal("1 (1 / 1)", Evaluate(Kpi(StageConversionMode.AnyStageReached), Data(Funnel), Month(2025, 2)).ToString());

        var ordered = Evaluate(Kpi(StageConversionMode.Ordered), Data(Funnel), Month(2025, 2));

        Assert.False(ordered.IsDefined);
        Assert.Equal("no opportunities reached FirstAppointment in the period", ordered.UndefinedReason);
    }

    [Theory]
    [InlineData(StageConversionMode.AnyStageReached, "1 (1 / 1)")]
    [InlineData(StageConversionMode.Ordered, "0 (0 / 1)")]
    public void Evaluate_SkippedStage_PassesOnlyInAnyStageMode(StageConversionMode mode, string expected)
    {
        // FirstAppointment → Negotiation, skipping Proposal.
        var data = Data([Funnel[1]]);

        Assert.Equal(expected, Evaluate(Kpi(mode), data, Month(2025, 3)).ToString());
    }

    [Fact]
    public void Evaluate_OrderedWithTheDefaultStages_OnTheCatalogData()
    {
        // Default FirstAppointment → Proposal, ordered, the data of StageConversionTests (any-stage 4 / 5 there):
        // entered FirstAppointment in March: s1 (3 March), s2, s4, s5 (back to it on 2 March), s6 (won, no history) = 5;
        // s3 skipped it, s7 entered it in February, s8 never. Then Proposal: s1, s4 (April), s6 (won) = 3. 3 / 5 = 0.6.
        Opportunity[] data =
        [
            Open("s1", At(2025, 3, 1), stages: [Stage(FirstAppointment, At(2025, 3, 3)), Stage(Proposal, At(2025, 3, 10))]),
            Lost("s2", At(2025, 3, 1), At(2025, 3, 30), stages: [Stage(FirstAppointment, At(2025, 3, 5))]),
            Open("s3", At(2025, 3, 1), stages: [Stage(Qualification, At(2025, 3, 1)), Stage(Proposal, At(2025, 3, 4))]),
            Open("s4", At(2025, 3, 1), stages: [Stage(FirstAppointment, At(2025, 3, 6)), Stage(Proposal, At(2025, 4, 2))]),
            Open("s5", At(2025, 2, 1), stages: [Stage(Proposal, At(2025, 2, 20)), Stage(FirstAppointment, At(2025, 3, 2))]),
            Won("s6", At(2025, 3, 1), At(2025, 3, 15)),
            Open("s7", At(2025, 2, 1), stages: [Stage(FirstAppointment, At(2025, 2, 25)), Stage(Proposal, At(2025, 3, 3))]),
            Open("s8", At(2025, 3, 1), stages: [Stage(Prospecting, At(2025, 3, 1))]),
        ];

        var value = Evaluate(new StageConversionCalculator(new StageConversionOptions { Mode = StageConversionMode.Ordered }), Data(data), Month(2025, 3));

        Assert.Equal("0.6 (3 / 5)", value.ToString());
    }

    [Theory]
    [InlineData(StageConversionMode.AnyStageReached, "1 (1 / 1)")]
    [InlineData(StageConversionMode.Ordered, "0 (0 / 1)")]
    public void Evaluate_WonAfterASkip_IsNotMendedInOrderedMode(StageConversionMode mode, string expected)
    {
        // FirstAppointment → Negotiation (skipping Proposal) → won: winning does not undo the skip.
        var data = Data([Won("w", At(2025, 3, 1), At(2025, 3, 20), stages: [Stage(FirstAppointment, At(2025, 3, 2)), Stage(Negotiation, At(2025, 3, 5))])]);

        Assert.Equal(expected, Evaluate(Kpi(mode), data, Month(2025, 3)).ToString());
    }

    [Fact]
    public void Evaluate_OrderedWonFromAnEarlierStage_EntersFromAtItsClose()
    {
        // Qualification on 20 February, won on 10 March: its history has not gone as far as FirstAppointment, so winning
        // enters FirstAppointment, Proposal and Negotiation on 10 March: March's, converted (as in any-stage mode).
        var data = Data([Won("w", At(2025, 2, 1), At(2025, 3, 10), stages: [Stage(Qualification, At(2025, 2, 20))])]);

        Assert.Equal("1 (1 / 1)", Evaluate(Kpi(StageConversionMode.Ordered), data, Month(2025, 3)).ToString());
        Assert.False(Evaluate(Kpi(StageConversionMode.Ordered), data, Month(2025, 2)).IsDefined);
    }

    // The window across Berlin's clock changes. 30 March 2025: 02:00 CET becomes 03:00 CEST (a 23-hour day);
    // 26 October 2025: 03:00 CEST becomes 02:00 CET (a 25-hour day).
    private static readonly KpiSettings Berlin = KpiSettings.Default.WithZone("Europe/Berlin");

    private static Opportunity Converted(string id, Instant from, Instant to) =>
        Open(id, from, stages: [Stage(FirstAppointment, from), Stage(Proposal, to)]);

    private static StageConversionCalculator ThreeDays(StageConversionMode mode = StageConversionMode.AnyStageReached) =>
        new(new StageConversionOptions { Mode = mode, Window = Period.FromDays(3) });

    [Theory]
    [InlineData(StageConversionMode.AnyStageReached)]
    [InlineData(StageConversionMode.Ordered)]
    public void Evaluate_WindowAcrossTheSpringClockChange_EndsAtTheSameLocalTimeThreeCalendarDaysLater(StageConversionMode mode)
    {
        // FirstAppointment at 28 March 10:00 CET = 09:00Z. Three calendar days later: 31 March 10:00 CEST = 08:00Z,
        // 71 hours later. Proposal exactly then: converted; one tick later: not; at 08:30Z (71.5 hours, under 3 × 24) not.
        var start = Instant.FromUtc(2025, 3, 28, 9, 0);
        var deadline = Instant.FromUtc(2025, 3, 31, 8, 0);
        var data = Data(
        [
            Converted("exact", start, deadline),
            Converted("tick-late", start, deadline.PlusTicks(1)),
            Converted("hour-rule", start, Instant.FromUtc(2025, 3, 31, 8, 30)),
        ]);

        var value = Evaluate(ThreeDays(mode), data, Month(2025, 3), Berlin);

        Assert.Equal((1m, 3m), (value.Numerator, value.Denominator));
    }

    [Fact]
    public void Evaluate_WindowAcrossTheAutumnClockChange_IsSeventyThreeHoursLong()
    {
        // FirstAppointment at 24 October 10:00 CEST = 08:00Z. Three calendar days later: 27 October 10:00 CET = 09:00Z,
        // 73 hours later. At 09:00Z: converted; one tick later: not. 1 / 2.
        var start = Instant.FromUtc(2025, 10, 24, 8, 0);
        var deadline = Instant.FromUtc(2025, 10, 27, 9, 0);
        var data = Data([Converted("exact", start, deadline), Converted("tick-late", start, deadline.PlusTicks(1))]);

        Assert.Equal("0.5 (1 / 2)", Evaluate(ThreeDays(), data, Month(2025, 10), Berlin).ToString());
    }

    [Fact]
    public void Evaluate_WindowInUtc_IsSeventyTwoHours()
    {
        // The spring data in UTC: 28 March 09:00Z + 3 days = 31 March 09:00Z, so all three convert (the 08:00Z + 1 tick
        // and 08:30Z ones too) and 09:00Z + 1 tick does not: 3 / 4.
        var start = Instant.FromUtc(2025, 3, 28, 9, 0);
        var data = Data(
        [
            Converted("a", start, Instant.FromUtc(2025, 3, 31, 8, 0)),
            Converted("b", start, Instant.FromUtc(2025, 3, 31, 8, 0).PlusTicks(1)),
            Converted("c", start, Instant.FromUtc(2025, 3, 31, 9, 0)),
            Converted("d", start, Instant.FromUtc(2025, 3, 31, 9, 0).PlusTicks(1)),
        ]);

        Assert.Equal("0.75 (3 / 4)", Evaluate(ThreeDays(), data, Month(2025, 3)).ToString());
    }

    [Fact]
    public void Evaluate_WindowOnTheFunnel_CountsFromReachingFromToReachingTo()
    {
        // Within 10 days of reaching FirstAppointment (noon UTC each):
        // Any (9 in the funnel): o1 3 → 20 March (17 days) no; o2 4 → 12 (8) yes; o3 5 (passed via Proposal) → 9 (4) yes;
        // o4 6 → 18 (12) no; o5 7 → won 25 (18) no; o6 10 → 14 (4) yes; o7 won 15 → 15 (0) yes; o8 no; o10 3 → won 10
        // (7) yes = 5 / 9.
        // Ordered (8 in the funnel): o1 no (17); o4 no (12); o5 no (18); o7 yes (0); o9 2 → 9 (7) yes = 2 / 8 = 0.25.
        var window = Period.FromDays(10);

        var any = Evaluate(Kpi(StageConversionMode.AnyStageReached, window), Data(Funnel), Month(2025, 3));
        var ordered = Evaluate(Kpi(StageConversionMode.Ordered, window), Data(Funnel), Month(2025, 3));

        Assert.Equal((5m, 9m), (any.Numerator, any.Denominator));
        Assert.Equal("0.25 (2 / 8)", ordered.ToString());
    }

    [Fact]
    public void Evaluate_WindowOfAWeek_IsSevenDays()
    {
        // 1 week = 7 days: 3 March noon → 10 March noon converts, 10 March noon + 1 tick does not. 1 / 2.
        var start = At(2025, 3, 3);
        var data = Data([Converted("a", start, At(2025, 3, 10)), Converted("b", start, At(2025, 3, 10).PlusTicks(1))]);
        var kpi = new StageConversionCalculator(new StageConversionOptions { Window = Period.FromWeeks(1) });

        Assert.Equal("0.5 (1 / 2)", Evaluate(kpi, data, Month(2025, 3)).ToString());
    }

    [Fact]
    public void Merge_TwoPartitions_AddsTheirCounts()
    {
        // Ordered: o1–o5 give o1, o2, o4, o5 in the funnel and o1, o4, o5 converted; o6–o10 give o6, o7, o8, o9 and
        // o7, o9 converted. Merged: 5 / 8, as the whole.
        var kpi = Kpi(StageConversionMode.Ordered);
        var evaluator = new KpiEvaluator(maxDegreeOfParallelism: 1);
        var query = new KpiQuery(Month(2025, 3), [kpi]);
        var merged = evaluator.Accumulate(Data(Funnel[..5]), query);
        merged.Merge(evaluator.Accumulate(Data(Funnel[5..]), query));

        Assert.Equal("0.625 (5 / 8)", merged.ToReport().Get(kpi.Id).ToString());
    }

    [Fact]
    public void Properties_ReportTheOptions()
    {
        var kpi = new StageConversionCalculator(new StageConversionOptions { Mode = StageConversionMode.Ordered, Window = Period.FromDays(30) });

        Assert.Equal(StageConversionMode.Ordered, kpi.Mode);
        Assert.Equal(Period.FromDays(30), kpi.Window);
        Assert.Equal("share of opportunities that reached FirstAppointment in the period and later reached Proposal through every stage in order within 30 days", kpi.Description);
        Assert.Equal("opportunities by entered FirstAppointment", Assert.Single(kpi.Inputs).Description);
    }

    [Fact]
    public void Defaults_AreAnyStageReachedWithNoWindow()
    {
        var options = new StageConversionOptions();
        var kpi = (StageConversionCalculator)Kpis.StageConversion;

        Assert.Equal(StageConversionMode.AnyStageReached, options.Mode);
        Assert.Null(options.Window);
        Assert.Equal((StageConversionMode.AnyStageReached, (Period?)null), (kpi.Mode, kpi.Window));
        Assert.Equal("share of opportunities that reached FirstAppointment in the period and later reached Proposal", kpi.Description);
    }
}
