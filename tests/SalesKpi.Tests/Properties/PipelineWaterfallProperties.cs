using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Pipeline;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Properties;

/// <summary>
/// The laws of the pipeline waterfall over generated opportunities whose field histories change amounts (in USD and, one
/// case in three, EUR: changes of currency), move expected close dates in and out of the window, and close, with instants
/// on period boundaries and several events at one instant: each waterfall adds up, per currency and in counts, and a
/// period opens where the one before it closed.
/// </summary>
public sealed class PipelineWaterfallProperties
{
    [Property(MaxTest = 200, Arbitrary = [typeof(Arbitraries)])]
    public void Evaluate_AnyHistoryPeriodAndWindow_OpeningPlusFlowsIsClosing(WaterfallCase c)
    {
        var report = new PipelineWaterfallCalculator(c.Scenario.Settings).Evaluate(c.Scenario.Data, c.Scenario.Range, c.Grouping, c.Scenario.Per, c.Window);

        foreach (var waterfall in report.Waterfalls)
        {
            Assert.True(waterfall.Reconciles(), $"{waterfall.Period.Label} {waterfall.Group}: {string.Join("; ", waterfall.Discrepancies())} in {c}");
        }
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(Arbitraries)])]
    public void Evaluate_OneWindowForEveryPeriod_EachPeriodOpensWhereThePreviousClosed(WaterfallCase c)
    {
        // Under a fixed or unbounded window the pipeline is one set whatever the period, so the stock at a boundary is seen
        // the same from both sides; the period window changes at each boundary, so this law is not its.
        var window = c.Window.Dates is { } || c.Window.IsUnbounded ? c.Window : PipelineWindow.Fixed(c.Scenario.Range);
        var report = new PipelineWaterfallCalculator(c.Scenario.Settings).Evaluate(c.Scenario.Data, c.Scenario.Range, c.Grouping, c.Scenario.Per, window);

        foreach (var group in report.Groups)
        {
            for (var p = 1; p < report.Periods.Length; p++)
            {
                var closing = report.Get(group, p - 1).Closing;
                var opening = report.Get(group, p).Opening;
                Assert.True(
                    closing.Count == opening.Count && closing.Amounts.SequenceEqual(opening.Amounts),
                    $"{group}, period {p}: closed {closing}, opened {opening} in {c}");
            }
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(Arbitraries)])]
    public void Evaluate_Grouped_GroupsAddUpToTheWhole(WaterfallCase c)
    {
        var calculator = new PipelineWaterfallCalculator(c.Scenario.Settings);
        var whole = calculator.Evaluate(c.Scenario.Data, c.Scenario.Range, null, c.Scenario.Per, c.Window);
        var grouped = calculator.Evaluate(c.Scenario.Data, c.Scenario.Range, c.Grouping, c.Scenario.Per, c.Window);

        for (var p = 0; p < whole.Periods.Length; p++)
        {
            foreach (var kind in Enum.GetValues<PipelineFlowKind>())
            {
                var all = whole.Get(KpiGrouping.AllKey, p).Flow(kind);
                var parts = grouped.Groups.Select(g => grouped.Get(g, p).Flow(kind)).ToList();
                Assert.Equal(all.Count, parts.Sum(f => f.Count));
                foreach (var amount in all.Amounts)
                {
                    Assert.Equal(amount, parts.Aggregate(Money.Zero(amount.Currency), (sum, f) => sum + f.AmountIn(amount.Currency)));
                }
            }
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(Arbitraries)])]
    public void FlowKpis_InAReport_AreTheWaterfallsLines(WaterfallCase c)
    {
        // The KPIs sum money under the settings (the mixed cases convert), so only their counts are compared there.
        var kpis = Enum.GetValues<PipelineFlowKind>().Select(k => (KpiCalculator)new PipelineFlowCalculator(k, c.Window)).ToArray();
        var report = KpiEvaluatorProperties.Evaluator(c.Scenario).Evaluate(c.Scenario.Data, new KpiQuery(c.Scenario.Range, kpis, c.Grouping, c.Scenario.Per));
        var waterfalls = new PipelineWaterfallCalculator(c.Scenario.Settings).Evaluate(c.Scenario.Data, c.Scenario.Range, c.Grouping, c.Scenario.Per, c.Window);

        foreach (var group in waterfalls.Groups)
        {
            for (var p = 0; p < waterfalls.Periods.Length; p++)
            {
                foreach (var kind in Enum.GetValues<PipelineFlowKind>())
                {
                    var line = waterfalls.Get(group, p).Flow(kind);
                    var value = report.HasGroup(group) ? report.Get(PipelineFlowCalculator.IdOf(kind), group, p) : KpiValue.Count(0);
                    Assert.Equal(line.Count, value.Value);
                    if (!c.Scenario.MixedCurrencies && line.Count > 0)
                    {
                        Assert.Equal(line.AmountIn(Currency.USD), value.Amount);
                    }
                }
            }
        }
    }

    /// <summary>A scenario whose opportunities have field histories, a grouping of opportunities and a close window.</summary>
    public sealed record WaterfallCase(Scenario Scenario, KpiGrouping Grouping, PipelineWindow Window)
    {
        public override string ToString() => $"{Scenario}, grouped by {Grouping}, window {Window}";
    }

    public static class Arbitraries
    {
        public static Arbitrary<WaterfallCase> WaterfallCase() => Arb.From(Case());

        private static Gen<WaterfallCase> Case() =>
            from s in SalesDataGen.Scenario()
            let frame = new SalesDataGen.Frame(s.Zone, s.Range, s.FirstDayOfWeek, s.MixedCurrencies)
            from count in Gen.Choose(0, 25)
            from opportunities in SalesDataGen.Many(count, i => Opportunity(frame, i))
            from grouping in Gen.Elements(SalesDataGen.Groupings.Where(g => g.Supports(KpiRecordType.Opportunities)).ToArray())
            from window in Window(s.Range)
            select new WaterfallCase(s.WithData(s.Data.WithOpportunities(opportunities)), grouping, window);

        private static Gen<PipelineWindow> Window(DateInterval range) =>
            Gen.OneOf(
                Gen.Constant(PipelineWindow.Period),
                Gen.Constant(PipelineWindow.All),
                Gen.Elements(PeriodUnit.Week, PeriodUnit.Month, PeriodUnit.Quarter, PeriodUnit.FiscalYear).Select(PipelineWindow.Enclosing),
                from start in Gen.Choose(-10, range.Length)
                from length in Gen.Choose(1, 60)
                select PipelineWindow.Fixed(new DateInterval(range.Start.PlusDays(start), range.Start.PlusDays(start + length - 1))));

        private static Gen<LocalDate> CloseDate(SalesDataGen.Frame frame) =>
            Gen.Choose(-10, frame.Range.Length + 10).Select(d => frame.Range.Start.PlusDays(d));

        private static Gen<OpportunityChange?> Change(SalesDataGen.Frame frame, Instant at) =>
            from amount in Gen.Frequency((1, Gen.Constant<Money?>(null)), (2, SalesDataGen.Amount(frame).Select(m => (Money?)m)))
            from close in Gen.Frequency((1, Gen.Constant<LocalDate?>(null)), (2, CloseDate(frame).Select(d => (LocalDate?)d)))
            select amount is null && close is null ? null : new OpportunityChange(at, amount, close);

        private static Gen<Opportunity> Opportunity(SalesDataGen.Frame frame, int i) =>
            from created in SalesDataGen.Instant(frame)
            from owner in Gen.Elements(SalesDataGen.Reps)
            from amount in SalesDataGen.Amount(frame)
            from expected in Gen.Frequency((1, Gen.Constant<LocalDate?>(null)), (4, CloseDate(frame).Select(d => (LocalDate?)d)))
            from startsAtCreation in Gen.Elements(true, false)
            from delays in Gen.Choose(0, 5).SelectMany(n => SalesDataGen.Many(n, _ => SalesDataGen.Delay()))
            from changes in Gen.CollectToArray(Enumerable.Range(0, delays.Length).Select(k => Change(frame, created + Sum(delays, k))))
            from status in Gen.Elements(OpportunityStatus.Open, OpportunityStatus.Won, OpportunityStatus.Lost)
            from closeDelay in SalesDataGen.Delay()
            from closeAfter in Gen.Choose(0, 5)
            select Make(i, created, owner, amount, expected, startsAtCreation, changes, status, created + Sum(delays, Math.Min(closeAfter, delays.Length - 1)) + closeDelay);

        private static Duration Sum(Duration[] delays, int upTo)
        {
            var sum = Duration.Zero;
            for (var k = 0; k <= upTo && k < delays.Length; k++)
            {
                sum += delays[k];
            }

            return sum;
        }

        private static Opportunity Make(
            int i, Instant created, Reps.RepId owner, Money amount, LocalDate? expected, bool startsAtCreation, OpportunityChange?[] changes, OpportunityStatus status, Instant closeAt)
        {
            var history = new List<OpportunityChange>();
            if (startsAtCreation)
            {
                history.Add(new OpportunityChange(created, amount, expected));
            }

            history.AddRange(changes.OfType<OpportunityChange>());
            var lastAmount = history.LastOrDefault(c => c.Amount is not null)?.Amount ?? amount;
            var lastClose = history.LastOrDefault(c => c.ExpectedClose is not null)?.ExpectedClose ?? expected;
            return new Opportunity(
                new OpportunityId($"O{i}"), new AccountId($"acc{i % 3}"), owner, created, lastAmount, status,
                status == OpportunityStatus.Open ? null : closeAt,
                expectedClose: lastClose,
                history: history);
        }
    }
}
