using NodaTime;
using SalesKpi.Engine;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// Placing timestamps and dates in periods (white-box): the columnar engine's slot table, and the period plan's
/// look-ups, each checked against a brute-force search over the periods, at every boundary and in the gap after a
/// hidden previous period.
/// </summary>
public sealed class PeriodIndexTests
{
    [Fact]
    public void Create_SlotsOfThePowerOfTwoBelowTheShortestInterval()
    {
        // January to March 2025 by month in UTC: bounds 1 Jan, 1 Feb, 1 Mar, 1 Apr. The shortest interval is February,
        // 28 days = 24,192,000,000,000 ticks, whose highest power of two is 2^44 (17,592,186,044,416 ticks, 20.36 days).
        // The span, 90 days = 77,760,000,000,000 ticks, makes ((span - 1) >> 44) + 1 = 4 + 1 = 5 slots starting on
        // 1 Jan, 21.4 Jan, 10.7 Feb, 3.1 Mar and 23.4 Mar: in intervals 0, 0, 1, 2, 2.
        var plan = PeriodPlan.Create(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31)), PeriodUnit.Month, KpiSettings.Default, includePrevious: false);
        var index = PeriodIndex.Create(plan);

        Assert.Equal(44, index.Shift);
        Assert.Equal([0, 0, 1, 2, 2], index.Slots);
        Assert.Equal(Instant.FromUtc(2025, 1, 1, 0, 0).ToUnixTimeTicks(), index.Start);
        Assert.Equal(Duration.FromDays(90).BclCompatibleTicks, index.Span);
        Assert.Equal([0, 1, 2], index.ColumnOf);
    }

    [Theory]
    [InlineData("Etc/UTC", PeriodUnit.Week, false)]
    [InlineData("Europe/Istanbul", PeriodUnit.Month, true)]
    [InlineData("America/New_York", PeriodUnit.Week, true)]
    [InlineData("Australia/Lord_Howe", PeriodUnit.Quarter, true)]
    [InlineData("Asia/Kathmandu", PeriodUnit.None, true)]
    public void IntervalOf_IsTheLastBoundOnOrBeforeTheTick(string zone, PeriodUnit unit, bool previous)
    {
        var settings = KpiSettings.Default.WithZone(zone);
        var plan = PeriodPlan.Create(new DateInterval(new LocalDate(2025, 1, 8), new LocalDate(2025, 11, 20)), unit, settings, previous);
        var index = PeriodIndex.Create(plan);
        var random = new Random(7);
        var ticks = index.Bounds.SkipLast(1).SelectMany(b => new[] { b - 1, b, b + 1 })
            .Concat(Enumerable.Range(0, 1_000).Select(_ => index.Start + random.NextInt64(index.Span)))
            .Where(t => t >= index.Start && t < index.Start + index.Span);
        foreach (var t in ticks)
        {
            var expected = index.Bounds.Count(b => b <= t) - 1;
            Assert.True(expected == index.IntervalOf(t), $"tick {t}: expected interval {expected}, got {index.IntervalOf(t)}");
        }
    }

    [Theory]
    [InlineData(PeriodUnit.Week, false)]
    [InlineData(PeriodUnit.Week, true)]
    [InlineData(PeriodUnit.Month, true)]
    [InlineData(PeriodUnit.None, true)]
    public void Locate_AndOverlapping_AgreeWithASearchOverEveryPeriod(PeriodUnit unit, bool previous)
    {
        // A range starting on a Wednesday: with a hidden previous period there is a gap of two days (Monday, Tuesday)
        // in no period.
        var settings = KpiSettings.Default.WithZone("Europe/Istanbul");
        var plan = PeriodPlan.Create(new DateInterval(new LocalDate(2025, 1, 8), new LocalDate(2025, 3, 12)), unit, settings, previous);
        var periods = plan.Periods;
        int Containing(LocalDate d) => Array.FindIndex(periods, p => p.Dates.Contains(d));
        var dates = Enumerable.Range(-5, Period.DaysBetween(plan.FirstDate, plan.LastDate) + 11).Select(plan.FirstDate.PlusDays).ToArray();

        foreach (var date in dates)
        {
            Assert.True(Containing(date) == plan.Locate(date), $"{date}");
            foreach (var instant in new[] { date.AtStartOfDayInZone(settings.Zone).ToInstant(), date.PlusDays(1).AtStartOfDayInZone(settings.Zone).ToInstant().Minus(Duration.Epsilon) })
            {
                Assert.True(Containing(date) == plan.Locate(instant), $"{instant}");
            }
        }

        foreach (var start in dates)
        {
            foreach (var end in dates.Where(d => Period.DaysBetween(start, d) is >= -2 and <= 20))
            {
                var overlapping = Enumerable.Range(0, periods.Length).Where(p => periods[p].Dates.Start <= end && periods[p].Dates.End >= start).ToArray();
                var (first, last) = plan.Overlapping(start, end);
                if (overlapping.Length == 0 || end < start)
                {
                    Assert.True(first > last, $"{start}..{end}: expected none, got {first}..{last}");
                }
                else
                {
                    Assert.True((overlapping[0], overlapping[^1]) == (first, last), $"{start}..{end}: expected {overlapping[0]}..{overlapping[^1]}, got {first}..{last}");
                }
            }
        }
    }

    [Theory]
    [InlineData(1, "2025-Q1")]
    [InlineData(4, "2025-Q2")]
    [InlineData(7, "2025-Q3")]
    [InlineData(10, "2025-Q4")]
    public void Label_Quarters_AreNumberedFromTheirFirstMonth(int month, string label)
    {
        var plan = PeriodPlan.Create(new DateInterval(new LocalDate(2025, month, 1), new LocalDate(2025, month, 2)), PeriodUnit.Quarter, KpiSettings.Default, includePrevious: false);
        Assert.Equal(label, plan.Periods[0].Label);
    }

    [Fact]
    public void Label_FiscalYearOfTheCalendarYear_IsNamedByThatYear()
    {
        // A fiscal year starting in January ends on 31 December of the same year: FY2025.
        var plan = PeriodPlan.Create(new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 2)), PeriodUnit.FiscalYear, KpiSettings.Default, includePrevious: false);
        Assert.Equal("FY2025", plan.Periods[0].Label);
    }

    [Theory]
    [InlineData(1, 1, "FY2025-Q1")]
    [InlineData(1, 12, "FY2025-Q4")]
    [InlineData(4, 3, "FY2025-Q4")]
    [InlineData(4, 4, "FY2026-Q1")]
    [InlineData(7, 6, "FY2025-Q4")]
    [InlineData(7, 9, "FY2026-Q1")]
    [InlineData(10, 12, "FY2026-Q1")]
    [InlineData(12, 2, "FY2025-Q1")]
    [InlineData(12, 3, "FY2025-Q2")]
    [InlineData(12, 12, "FY2026-Q1")]
    public void Label_FiscalQuarters_AreNumberedFromTheFiscalYearStart(int startMonth, int month, string label)
    {
        // A fiscal year is named by the year it ends in, as FiscalYear: with July, 2025-09 is in FY2026 (2025-07-01 ..
        // 2026-06-30), months 1-3 of it, Q1; with December, 2025-02 is in FY2025 (2024-12-01 .. 2025-11-30), months 1-3
        // of it (December, January, February), Q1, and 2025-03 opens Q2; 2025-12 opens FY2026.
        var settings = KpiSettings.Default.WithFiscalYearStartMonth(startMonth);
        var plan = PeriodPlan.Create(new DateInterval(new LocalDate(2025, month, 1), new LocalDate(2025, month, 2)), PeriodUnit.FiscalQuarter, settings, includePrevious: false);
        Assert.Equal(label, plan.Periods[0].Label);
    }
}
