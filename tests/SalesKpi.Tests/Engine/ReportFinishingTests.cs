using System.Globalization;
using NodaTime;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// The finishing step of a report (<see cref="KpiAccumulation.ToReport()"/>): its values made in bulk per group, shared
/// between cells that are equal, and its groups finished on several cores, give exactly — to the scale of every decimal —
/// the rows a reader makes one by one on one core.
/// </summary>
public class ReportFinishingTests
{
    private static readonly DateInterval Year = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));

    public static TheoryData<int, string, bool> Cases => new()
    {
        { 1, "rep", true },
        { 2, "team", true },
        { 3, "none", true },
        { 4, "rep", false },
        { 5, "deal-kind", true },
        { 6, "source", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToReport_OnOneAndFourCores_GivesTheSameRowsAsAReaderOnOne(int seed, string grouping, bool columnar)
    {
        var data = RandomSalesData.Create(seed, size: 3_000, reps: 9);
        var query = new KpiQuery(Year, Kpis.All, GroupingOf(grouping), PeriodUnit.Week);
        var one = new KpiEvaluator(null, null, null, 1, columnar, recordsPerPartition: 250_000);
        // One row per core is enough to finish on four: every group may go to another core.
        var four = new KpiEvaluator(null, null, null, 4, columnar, recordsPerPartition: 250_000, rowsPerCore: 1);

        using var reader = one.EvaluateRows(data, query);
        var expected = reader.ReadRows().Select(Describe).ToList();
        var onOne = one.Evaluate(data, query);
        var onFour = four.Evaluate(data, query);

        Assert.True(expected.Count > 1_000, $"Only {expected.Count} rows: the check would prove little.");
        Assert.Equal(expected, onOne.Rows.Select(Describe));
        Assert.Equal(expected, onFour.Rows.Select(Describe));
        Assert.Equal<string>(reader.Groups, onFour.Groups);
    }

    [Fact]
    public void ToReport_LongCyclesInHistogramsOnFourCores_GivesTheSameRowsAsAReaderOnOne()
    {
        // Cycles of over 4,096 days are kept in histograms per cell, not in dense windows.
        var data = RandomSalesData.Create(8, size: 2_000, longCycles: true);
        var query = new KpiQuery(Year, [Kpis.SalesCycleLength, Kpis.CloseRate, Kpis.AverageDealSize], KpiGrouping.ByRep, PeriodUnit.Month);
        var one = new KpiEvaluator(null, null, null, 1, columnar: true, recordsPerPartition: 250_000);
        var four = new KpiEvaluator(null, null, null, 4, columnar: true, recordsPerPartition: 250_000, rowsPerCore: 1);

        using var reader = one.EvaluateRows(data, query);

        Assert.Equal(reader.ReadRows().Select(Describe), four.Evaluate(data, query).Rows.Select(Describe));
    }

    [Fact]
    public void ToReportAgain_LeavesTheAccumulationAsItWas()
    {
        var data = RandomSalesData.Create(9, size: 2_000);
        var query = new KpiQuery(Year, Kpis.All, KpiGrouping.ByRep, PeriodUnit.Week);
        var evaluator = new KpiEvaluator(maxDegreeOfParallelism: 1);
        var expected = evaluator.Evaluate(data, query).Rows.Select(Describe).ToList();
        var accumulation = evaluator.Accumulate(data, query);

        var first = accumulation.ToReportAgain();
        var second = accumulation.ToReportAgain();

        Assert.Equal(expected, first.Rows.Select(Describe));
        Assert.Equal(expected, second.Rows.Select(Describe));
        Assert.Equal(expected, accumulation.ToReport().Rows.Select(Describe));
        Assert.Throws<InvalidOperationException>(accumulation.ToReportAgain);
    }

    [Fact]
    public void ToReport_FailingGroupsOnFourCores_ThrowsTheErrorOfTheFirstAsOneCoreDoes()
    {
        // Every group but the first fails: on one core the second group's error ends the report; on four, whatever
        // group a core meets first, the error thrown is still the second group's.
        var data = RandomSalesData.Create(10, size: 2_000, reps: 9);
        var query = new KpiQuery(Year, [Kpis.Calls, new FailingKpi()], KpiGrouping.ByRep, PeriodUnit.Week);
        var one = new KpiEvaluator(null, null, null, 1, columnar: true, recordsPerPartition: 250_000);
        var four = new KpiEvaluator(null, null, null, 4, columnar: true, recordsPerPartition: 250_000, rowsPerCore: 1);
        var groups = one.EvaluateRows(data, new KpiQuery(Year, [Kpis.Calls], KpiGrouping.ByRep, PeriodUnit.Week)).Groups;

        var onOne = Assert.Throws<InvalidOperationException>(() => one.Evaluate(data, query));
        var onFour = Assert.Throws<InvalidOperationException>(() => four.Evaluate(data, query));

        Assert.True(groups.Length > 4, "Too few groups for the cores to race.");
        Assert.Equal("r1", groups[0]);
        Assert.Equal($"fails in {groups[1]}", onOne.Message);
        Assert.Equal(onOne.Message, onFour.Message);
    }

    [Fact]
    public void Get_AfterTheRowsAreRead_ReturnsTheRowsValues()
    {
        // A report's rows are made when first read; the values it looks up are theirs.
        var report = new KpiEvaluator().Evaluate(RandomSalesData.Create(11), new KpiQuery(Year, Kpis.All, KpiGrouping.ByRep, PeriodUnit.Month));
        var before = report.Get(KpiIds.Calls, report.Groups[0], 2);

        var rows = report.Rows;

        Assert.Same(report.Rows[0], rows[0]);
        Assert.Same(before, rows[(2 * report.Query.Kpis.Length) + report.Query.Kpis.IndexOf(Kpis.Calls)].Value);
    }

    [Fact]
    public void ToReport_ACustomKpiHandingBackAnotherReportsSharedValue_RatiosStillUseTheirOwnValues()
    {
        // A report numbers the values its cells share and remembers ratios of two shared values by those numbers. A
        // custom accumulator may hand back a value another report numbered; its number may then be the one this report
        // gave another value. Here report A's shared "no deal" value of the custom KPI (7) comes back, in report B, from
        // every cell with a deal, while B's own "no deal" value (0) got the same number: each ratio must still be
        // stamp / calls of its own cell.
        var data = RandomSalesData.Create(12, size: 3_000, reps: 9);
        // The first week has no record at all, so both reports make their "no deal" value first, with the same number.
        var range = new DateInterval(new LocalDate(2024, 11, 4), new LocalDate(2025, 12, 28));
        var stamp = new StampKpi();
        var query = new KpiQuery(range, [stamp, Kpis.Calls, new RatioKpiCalculator("stamp-per-call", stamp, Kpis.Calls)], KpiGrouping.ByRep, PeriodUnit.Week);
        var evaluator = new KpiEvaluator(maxDegreeOfParallelism: 1);

        stamp.Empty = 7;
        var a = evaluator.Evaluate(data, query);
        var foreign = a.Get("stamp", a.Groups[0], 0);
        stamp.Empty = 0;
        stamp.WithDeals = foreign;
        var b = evaluator.Evaluate(data, query);

        Assert.Equal(7m, foreign.Value);
        Assert.NotEqual(0, foreign.ShareId);
        Assert.Equal(foreign.ShareId, b.Get("stamp", b.Groups[0], 0).ShareId);
        var checkedCells = 0;
        foreach (var group in b.Groups)
        {
            for (var p = 0; p < b.Periods.Length; p++)
            {
                var numerator = b.Get("stamp", group, p);
                var calls = b.Get(KpiIds.Calls, group, p);
                var ratio = b.Get("stamp-per-call", group, p);
                if (calls.Value is > 0m)
                {
                    // The ratio of the cell's own values: 7 / calls with a deal, 0 / calls without.
                    Assert.Equal(numerator.Value!.Value / calls.Value!.Value, ratio.Value);
                    checkedCells++;
                }
            }
        }

        // Both numerators, with the same number, are in the report beside calls (so their memo keys meet; without the
        // check of the objects, a 0 / n cell read the 7 / n of a cell before it).
        Assert.True(checkedCells > 100, $"Only {checkedCells} cells with calls.");
        Assert.Contains(b.Groups, g => Enumerable.Range(0, b.Periods.Length).Any(p => b.Get("stamp", g, p).Value == 7m));
        Assert.Contains(b.Groups, g => Enumerable.Range(1, b.Periods.Length - 1).Any(p => b.Get("stamp", g, p).Value == 0m && b.Get(KpiIds.Calls, g, p).Value > 0m));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Durations_OfAHistogramOrWindow_HasTheBitsOfTheSortedDecimals(int seed)
    {
        // The percentiles of whole days are interpolated in integers: every size from 1 (one rank) to 60 (every
        // fraction of each level), spreads from one value to hundreds, and a few negative days (the decimal path).
        var random = new Random(seed);
        for (var size = 1; size <= 60; size++)
        {
            var spread = random.Next(1, 400);
            var offset = random.Next(4) == 0 ? -random.Next(0, 5) : 0;
            var days = Enumerable.Range(0, size).Select(_ => offset + random.Next(spread)).ToArray();
            var histogram = new SalesKpi.Engine.DayHistogram();
            var window = new int[spread + 10];
            foreach (var d in days)
            {
                histogram.Add(d);
                window[d + 5]++;
            }

            var expected = Describe(KpiValue.Durations(days.Select(d => (decimal)d)));

            Assert.Equal(expected, Describe(KpiValue.Durations(new SalesKpi.Engine.DaySample(histogram), "the sample is empty")));
            Assert.Equal(expected, Describe(KpiValue.Durations(new SalesKpi.Engine.DaySample(window, 0, window.Length, -5), "the sample is empty")));
        }
    }

    private static KpiGrouping GroupingOf(string name) => name switch
    {
        "rep" => KpiGrouping.ByRep,
        "team" => KpiGrouping.ByTeam,
        "deal-kind" => KpiGrouping.ByDealKind,
        "source" => KpiGrouping.BySource,
        _ => KpiGrouping.None,
    };

    /// <summary>A custom KPI over deals: <see cref="Empty"/> in a cell with none, <see cref="WithDeals"/> (or the count) in a cell with some.</summary>
    private sealed class StampKpi() : AggregateKpiCalculator("stamp")
    {
        public int Empty { get; set; }

        public KpiValue? WithDeals { get; set; }

        public override KpiUnit Unit => KpiUnit.Count;

        public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Deals(d => d.ClosedAt, "closed at")];

        public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => new Stamp(this);

        private sealed class Stamp(StampKpi owner) : KpiAccumulator
        {
            private long _deals;

            public override void Add(SalesKpi.Deals.Deal deal, KpiPeriod period) => _deals++;

            public override void Merge(KpiAccumulator other) => _deals += ((Stamp)other)._deals;

            public override KpiValue GetValue() => _deals == 0 ? KpiValue.Count(owner.Empty) : owner.WithDeals ?? KpiValue.Count(_deals);
        }
    }

    /// <summary>Returns every property of a row, each decimal with its scale (<c>5.00</c> is not <c>5</c>).</summary>
    private static string Describe(KpiReportRow row) => $"{row.Group}|{row.Period.Label}|{row.KpiId}|{Describe(row.Value)}";

    private static string Describe(KpiValue v) => string.Create(
        CultureInfo.InvariantCulture,
        $"{v.Unit}|{v.Value}|{v.UndefinedReason}|{v.Currency}|{v.Numerator}|{v.Denominator}|{v.Amount?.Amount}|{v.Amount?.Currency}|{v.SampleSize}|{v.Median}|{v.Percentile25}|{v.Percentile75}|{v.Percentile90}|{v.UnpricedCount}");

    /// <summary>A KPI that fails in every group but the first, naming the group.</summary>
    private sealed class FailingKpi() : DerivedKpiCalculator("failing", [Kpis.Calls])
    {
        public override KpiUnit Unit => KpiUnit.Count;

        public override KpiValue Combine(KpiCombination values)
        {
            // The first group in report order is the smallest key: r1.
            return string.CompareOrdinal(values.Group, "r1") <= 0 ? values.Current(0) : throw new InvalidOperationException($"fails in {values.Group}");
        }
    }
}
