using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Pipeline;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Pipeline;

public sealed class PipelineWaterfallTests
{
    private static readonly PipelineWaterfallCalculator Calculator = new();

    [Fact]
    public void Evaluate_AprilOfTheExample_EachLineAsWorkedByHand()
    {
        var data = WaterfallExample.Data();
        var april = WaterfallExample.April;

        // <snippet:pipeline-waterfall>
        var waterfalls = new PipelineWaterfallCalculator(KpiSettings.Default);
        PipelineWaterfallReport report = waterfalls.Evaluate(data, april, window: PipelineWindow.Period);
        PipelineWaterfall waterfall = report.Get();   // ungrouped: the one group, "all"
        bool addsUp = waterfall.Reconciles();         // per currency and in counts
        Money slipped = waterfall.SlippedOut.AmountIn(Currency.USD);
        // </snippet:pipeline-waterfall>

        Assert.True(addsUp);
        Assert.Equal(TestData.Usd(2_000m), slipped);
        AssertWorkedExample(waterfall);
    }

    private static void AssertWorkedExample(PipelineWaterfall april)
    {
        // Opening (open before Apr 1 00:00, due in April): O1 1,000 + O2 2,000 + O6 700 + O8 900 (won at the start
        // itself, so still open just before it) + O9 600 = 5 for 5,200 USD. O3 is due May 31; O7 is created at the start.
        AssertLine(april.Opening, 5, TestData.Usd(5_200m));

        // Created into the pipeline: O4 800 USD, O5 1,200 EUR, O7 400 USD = 3.
        AssertLine(april.Created, 3, TestData.Eur(1_200m), TestData.Usd(1_200m));

        // Increased: O1 +500 USD; O5's change of currency adds its new 1,300 USD = 2 changes, 1,800 USD.
        AssertLine(april.Increased, 2, TestData.Usd(1_800m));

        // Decreased: O3 −500 USD; O5's old 1,200 EUR leaves = 2 changes.
        AssertLine(april.Decreased, 2, TestData.Eur(1_200m), TestData.Usd(500m));

        // Pulled in: O3 at 3,000 USD (moved to Apr 30 before it was cut). Slipped out: O2 at 2,000 USD.
        AssertLine(april.PulledIn, 1, TestData.Usd(3_000m));
        AssertLine(april.SlippedOut, 1, TestData.Usd(2_000m));

        // Won: O1 at 1,500 (its amount then) + O8 900 = 2,400 USD; lost: O4 800 USD. O6 is won at May 1 00:00: not April.
        AssertLine(april.Won, 2, TestData.Usd(2_400m));
        AssertLine(april.Lost, 1, TestData.Usd(800m));

        // Closing (open before May 1 00:00, due in April): O3 2,500 + O5 1,300 + O6 700 + O7 400 + O9 600 (its move at
        // May 1 00:00 not yet seen) = 5 for 5,500 USD.
        // USD: 5,200 + 1,200 + 1,800 − 500 + 3,000 − 2,000 − 2,400 − 800 = 5,500; EUR: 1,200 − 1,200 = 0; count: 5 + 3 + 1 − 1 − 2 − 1 = 5.
        AssertLine(april.Closing, 5, TestData.Usd(5_500m));
        Assert.Equal(Money.Zero(Currency.EUR), april.Closing.AmountIn(Currency.EUR));
        Assert.True(april.Reconciles(), string.Join("; ", april.Discrepancies()));
        Assert.Equal(WaterfallExample.April, april.Window);
        Assert.Equal([Currency.EUR, Currency.USD], april.Currencies.ToArray());
    }

    [Fact]
    public void Evaluate_AllOpenPipeline_NothingMovesInOrOutAndTheOpeningHoldsEveryOpenOpportunity()
    {
        // The default window is every open opportunity.
        var april = Calculator.Evaluate(WaterfallExample.Data(), WaterfallExample.April).Get();

        // Opening: the five of the example's opening plus O3 (3,000, due May 31) = 6 for 8,200 USD.
        AssertLine(april.Opening, 6, TestData.Usd(8_200m));
        AssertLine(april.PulledIn, 0);
        AssertLine(april.SlippedOut, 0);

        // Closing: O2 2,000 (slipped, but still open) + O3 2,500 + O5 1,300 + O6 700 + O7 400 + O9 600 = 6 for 7,500 USD;
        // 8,200 + 1,200 + 1,800 − 500 − 2,400 − 800 = 7,500.
        AssertLine(april.Closing, 6, TestData.Usd(7_500m));
        Assert.Null(april.Window);
        Assert.True(april.Reconciles());
    }

    [Fact]
    public void Evaluate_ByRep_CurrentOwnersSplitTheStocks()
    {
        var report = Calculator.Evaluate(WaterfallExample.Data(), WaterfallExample.April, KpiGrouping.ByRep, window: PipelineWindow.Period);

        Assert.Equal(["r01", "r02"], report.Groups.ToArray());

        // r01 owns O1–O4: opening O1 1,000 + O2 2,000 = 3,000; closing O3 2,500.
        AssertLine(report.Get("r01").Opening, 2, TestData.Usd(3_000m));
        AssertLine(report.Get("r01").Closing, 1, TestData.Usd(2_500m));

        // r02 owns O5–O9: opening O6 700 + O8 900 + O9 600 = 2,200; closing O5 1,300 + O6 700 + O7 400 + O9 600 = 3,000.
        AssertLine(report.Get("r02").Opening, 3, TestData.Usd(2_200m));
        AssertLine(report.Get("r02").Closing, 4, TestData.Usd(3_000m));
        Assert.True(report.Reconciles());
    }

    [Fact]
    public void Evaluate_EventsAtOneInstant_CreationThenChangesThenClose()
    {
        // Created at 10:00 with 100 USD, raised to 150 at the same instant, and won at that instant too: created 100,
        // increased 50, won 150, and nothing left at the end: 0 + 100 + 50 − 150 = 0.
        var at = Instant.FromUtc(2025, 4, 2, 10, 0);
        var opportunity = new Opportunity(new OpportunityId("O-1"), new AccountId("acme"), new RepId("r01"), at, TestData.Usd(100m), expectedClose: new LocalDate(2025, 4, 30))
            .WithChange(new OpportunityChange(at, amount: TestData.Usd(150m)))
            .WithStatus(OpportunityStatus.Won, at);

        var april = Calculator.Evaluate(SalesData.Create(opportunities: [opportunity]), WaterfallExample.April).Get();

        AssertLine(april.Created, 1, TestData.Usd(100m));
        AssertLine(april.Increased, 1, TestData.Usd(50m));
        AssertLine(april.Won, 1, TestData.Usd(150m));
        AssertLine(april.Closing, 0);
        Assert.True(april.Reconciles());
    }

    [Fact]
    public void Evaluate_ChangesAfterTheClose_AreNotFlows()
    {
        // Lost on Apr 5 at 500 USD; a later correction of its amount (Apr 9) and of its date (Apr 10) is no flow: the
        // opportunity left the pipeline on Apr 5. Opening 500 − lost 500 = closing 0.
        var opportunity = new Opportunity(new OpportunityId("O-1"), new AccountId("acme"), new RepId("r01"), Instant.FromUtc(2025, 3, 1, 9, 0), TestData.Usd(500m), expectedClose: new LocalDate(2025, 4, 20))
            .WithChange(new OpportunityChange(Instant.FromUtc(2025, 4, 9, 9, 0), amount: TestData.Usd(900m)))
            .WithChange(new OpportunityChange(Instant.FromUtc(2025, 4, 10, 9, 0), expectedClose: new LocalDate(2025, 7, 1)))
            .WithStatus(OpportunityStatus.Lost, Instant.FromUtc(2025, 4, 5, 9, 0));

        var april = Calculator.Evaluate(SalesData.Create(opportunities: [opportunity]), WaterfallExample.April).Get();

        AssertLine(april.Opening, 1, TestData.Usd(500m));
        AssertLine(april.Lost, 1, TestData.Usd(500m));
        AssertLine(april.Increased, 0);
        AssertLine(april.SlippedOut, 0);
        AssertLine(april.Closing, 0);
    }

    [Fact]
    public void Evaluate_NoExpectedClose_InThePipelineOnlyWhenTheWindowIsUnbounded()
    {
        var opportunity = TestData.CreateOpportunity(createdAt: Instant.FromUtc(2025, 3, 1, 9, 0));
        var data = SalesData.Create(opportunities: [opportunity]);

        // 1,000 USD with no expected close date: out of April's window, in the unbounded one at both ends.
        AssertLine(Calculator.Evaluate(data, WaterfallExample.April, window: PipelineWindow.Period).Get().Opening, 0);
        AssertLine(Calculator.Evaluate(data, WaterfallExample.April, window: PipelineWindow.All).Get().Opening, 1, TestData.Usd(1_000m));
        AssertLine(Calculator.Evaluate(data, WaterfallExample.April, window: PipelineWindow.All).Get().Closing, 1, TestData.Usd(1_000m));
    }

    [Fact]
    public void Evaluate_WeeksOfTheQuarterWindow_TheWindowIsTheQuarterOfEachWeek()
    {
        // Weeks from Monday Mar 24 to Sunday Apr 13: the weeks of Mar 24 and Mar 31 are in Q1 (by their first day), the
        // week of Apr 7 in Q2.
        var range = new DateInterval(new LocalDate(2025, 3, 24), new LocalDate(2025, 4, 13));
        var report = Calculator.Evaluate(WaterfallExample.Data(), range, per: PeriodUnit.Week, window: PipelineWindow.Enclosing(PeriodUnit.Quarter));

        Assert.Equal(3, report.Periods.Length);
        Assert.Equal(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31)), report.Get(periodIndex: 0).Window);
        Assert.Equal(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31)), report.Get(periodIndex: 1).Window);
        Assert.Equal(new DateInterval(new LocalDate(2025, 4, 1), new LocalDate(2025, 6, 30)), report.Get(periodIndex: 2).Window);

        // Week of Apr 7 (Q2): opening O1 1,000 + O2 2,000 + O3 3,000 (pulled in on Apr 5, but due in Q2 all along) +
        // O5 1,200 EUR + O6 700 + O7 400 + O9 600 = 7: 7,700 USD and 1,200 EUR. O8 was won on Apr 1, O4 not yet created.
        var second = report.Get(periodIndex: 2);
        AssertLine(second.Opening, 7, TestData.Eur(1_200m), TestData.Usd(7_700m));
        AssertLine(second.PulledIn, 0);
        Assert.True(report.Reconciles());
    }

    [Fact]
    public void Evaluate_AGroupingThatDoesNotGroupOpportunities_Throws() =>
        Assert.Throws<ArgumentException>(() => Calculator.Evaluate(WaterfallExample.Data(), WaterfallExample.April, KpiGrouping.ByDealKind));

    [Fact]
    public void Evaluate_NoData_OneEmptyWaterfallOfAll()
    {
        var report = Calculator.Evaluate(SalesData.Create(), WaterfallExample.April);

        var all = Assert.Single(report.Waterfalls);
        Assert.Equal(KpiGrouping.AllKey, all.Group);
        AssertLine(all.Opening, 0);
        AssertLine(all.Closing, 0);
        Assert.True(all.Reconciles());
    }

    [Theory]
    [InlineData("period")]
    [InlineData("all")]
    [InlineData("quarter")]
    [InlineData("fiscal-year")]
    [InlineData("2025-04-01..2025-06-30")]
    public void PipelineWindow_Name_ReadsBack(string name)
    {
        Assert.True(PipelineWindow.TryParse(name, out var window));
        Assert.Equal(name, window.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("year")]
    [InlineData("2025-06-30..2025-04-01")]
    [InlineData("2025-04-01..")]
    public void PipelineWindow_NotAName_IsNotRead(string name) => Assert.False(PipelineWindow.TryParse(name, out _));

    [Fact]
    public void Flow_UnknownKind_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calculator.Evaluate(SalesData.Create(), WaterfallExample.April).Get().Flow((PipelineFlowKind)42));

    [Fact]
    public void Discrepancies_ALineOff_NamesTheCurrency()
    {
        // Not reachable through the calculator: a hand-made waterfall whose closing is 100 USD short.
        var lines = PipelineWaterfallCalculator.NewLines();
        lines[(int)PipelineFlowKind.Opening].Add(TestData.Usd(300m));
        lines[(int)PipelineFlowKind.Closing].Add(TestData.Usd(200m));
        var period = Calculator.Evaluate(SalesData.Create(), WaterfallExample.April).Periods[0];
        var waterfall = new PipelineWaterfall(period, KpiGrouping.AllKey, null, [.. lines.Select(l => l.ToFlow())]);

        Assert.False(waterfall.Reconciles());
        Assert.Equal(["USD: opening + flows = 300.00, closing = 200.00"], waterfall.Discrepancies().ToArray());
    }

    internal static void AssertLine(PipelineFlow line, long count, params Money[] amounts)
    {
        Assert.Equal(count, line.Count);
        Assert.Equal(amounts, line.Amounts.ToArray());
    }
}
