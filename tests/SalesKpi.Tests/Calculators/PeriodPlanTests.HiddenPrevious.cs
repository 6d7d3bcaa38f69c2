using NodaTime;
using SalesKpi.Engine;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class PeriodPlanTests
{
    [Fact]
    public void Create_PreviousOfAMidWeekRange_IsTheWholeWeekBeforeAndTheDaysBetweenAreInNoPeriod()
    {
        // Range Wed 2025-03-05 .. Sun 03-16; the previous period is W09, Mon 02-24 .. Sun 03-02; Mon 03-03 and
        // Tue 03-04 belong to no period.
        var plan = PeriodPlan.Create(Dates(2025, 3, 5, 2025, 3, 16), PeriodUnit.Week, KpiSettings.Default, includePrevious: true);

        Assert.Equal(1, plan.FirstVisible);
        Assert.Equal(["2025-W09", "2025-W10", "2025-W11"], plan.Periods.Select(p => p.Label));
        Assert.Equal(Dates(2025, 2, 24, 2025, 3, 2), plan.Periods[0].Dates);
        Assert.Equal(0, plan.Locate(Mar(2, 23, 59)));
        Assert.Equal(-1, plan.Locate(Mar(3, 0, 0)));
        Assert.Equal(-1, plan.Locate(Mar(4, 23, 59)));
        Assert.Equal(1, plan.Locate(Mar(5, 0, 0)));
        Assert.Equal(-1, plan.Locate(new LocalDate(2025, 3, 4)));
        Assert.Equal(1, plan.Locate(new LocalDate(2025, 3, 5)));
    }

    [Fact]
    public void Overlapping_SpansAroundTheGapAfterTheHiddenPreviousPeriod_SkipTheGap()
    {
        var plan = PeriodPlan.Create(Dates(2025, 3, 5, 2025, 3, 16), PeriodUnit.Week, KpiSettings.Default, includePrevious: true);
        static LocalDate Day(int month, int day) => new(2025, month, day);

        // Inside the gap (Mar 3-4): no period. first > last means none.
        var (first, last) = plan.Overlapping(Day(3, 3), Day(3, 4));
        Assert.True(first > last);
        // From the gap into the range: W10 only. From W09 into the gap: W09 only. Across the gap: all three.
        Assert.Equal((1, 1), plan.Overlapping(Day(3, 4), Day(3, 6)));
        Assert.Equal((0, 0), plan.Overlapping(Day(3, 1), Day(3, 3)));
        Assert.Equal((0, 2), plan.Overlapping(Day(2, 1), Day(4, 30)));
    }

    [Fact]
    public void Create_PreviousOfARangeStartingOnABucket_IsTheBucketJustBefore()
    {
        var plan = PeriodPlan.Create(March2025, PeriodUnit.Month, KpiSettings.Default, includePrevious: true);

        Assert.Equal(Dates(2025, 2, 1, 2025, 2, 28), plan.Periods[0].Dates);
        Assert.Equal(plan.Periods[0].End, plan.Periods[1].Start); // no gap
        Assert.Equal(0, plan.Locate(Feb(28, 23, 59)));
    }

    [Fact]
    public void Create_PreviousOfAnUnbucketedRange_IsTheSameNumberOfDaysBefore()
    {
        var plan = PeriodPlan.Create(Dates(2025, 3, 10, 2025, 3, 16), PeriodUnit.None, KpiSettings.Default, includePrevious: true);

        Assert.Equal(Dates(2025, 3, 3, 2025, 3, 9), plan.Periods[0].Dates);
        Assert.Equal("2025-03-03..2025-03-09", plan.Periods[0].Label);
    }
}
