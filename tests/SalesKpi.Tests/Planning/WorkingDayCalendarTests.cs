using NodaTime;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

public class WorkingDayCalendarTests
{
    private static readonly DateInterval March2025 = Dates(Date(2025, 3, 1), Date(2025, 3, 31));
    private static readonly DateInterval May2025 = Dates(Date(2025, 5, 1), Date(2025, 5, 31));

    [Fact]
    public void CountWorkingDays_MondayToFridayInMarch2025_Is21()
    {
        // March 2025 starts on a Saturday and has 31 days = 4 weeks + Sat, Sun, Mon:
        // Saturdays 5, Sundays 5, so 31 - 10 = 21 weekdays (the seed's "21 working days").
        Assert.Equal(21, WorkingDayCalendar.MondayToFriday.CountWorkingDays(March2025));
    }

    [Fact]
    public void CountWorkingDays_FridaySaturdayWeekend_CountsSundayToThursday()
    {
        // March 2025: Fridays 4 (7, 14, 21, 28), Saturdays 5 (1, 8, 15, 22, 29): 31 - 9 = 22.
        var calendar = new WorkingDayCalendar([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday]);
        Assert.Equal(22, calendar.CountWorkingDays(March2025));
    }

    [Fact]
    public void CountWorkingDays_HolidaysOnWeekdays_AreSubtracted_HolidaysOnWeekends_AreNot()
    {
        // May 2025 starts on a Thursday: weekdays 1-2, 5-9, 12-16, 19-23, 26-30 = 2 + 4 × 5 = 22.
        // Holidays: Thu 1 May and Mon 19 May are weekdays (-2); Sat 3 May is already a weekend day (-0): 20.
        var calendar = WorkingDayCalendar.MondayToFriday.WithHolidays([Date(2025, 5, 1), Date(2025, 5, 19), Date(2025, 5, 3)]);
        Assert.Equal(20, calendar.CountWorkingDays(May2025));
    }

    [Fact]
    public void CountWorkingDays_HolidaysOutsideTheInterval_AreIgnored()
    {
        var calendar = WorkingDayCalendar.MondayToFriday.WithHolidays([Date(2025, 2, 28), Date(2025, 4, 1)]);
        Assert.Equal(21, calendar.CountWorkingDays(March2025));
    }

    [Fact]
    public void CountWorkingDays_NoWeekend_CountsEveryDay()
    {
        Assert.Equal(31, new WorkingDayCalendar([]).CountWorkingDays(March2025));
    }

    [Fact]
    public void CountWorkingDays_OnlyWeekendAndHolidays_IsZero()
    {
        // Sat 3 May, Sun 4 May; Thu 1 and Fri 2 May are holidays: no working day from 1 to 4 May.
        var calendar = WorkingDayCalendar.MondayToFriday.WithHolidays([Date(2025, 5, 1), Date(2025, 5, 2)]);
        Assert.Equal(0, calendar.CountWorkingDays(Dates(Date(2025, 5, 1), Date(2025, 5, 4))));
    }

    [Fact]
    public void CountWorkingDays_MatchesDayByDayCount_ForEveryStartAndLength()
    {
        var calendar = new WorkingDayCalendar([IsoDayOfWeek.Sunday], [Date(2025, 1, 1), Date(2025, 1, 5), Date(2025, 1, 14), Date(2025, 2, 3)]);
        for (var start = Date(2024, 12, 20); start <= Date(2025, 1, 20); start = start.PlusDays(1))
        {
            for (var length = 1; length <= 50; length++)
            {
                var interval = new DateInterval(start, start.PlusDays(length - 1));
                var expected = interval.Count(calendar.IsWorkingDay);
                Assert.Equal(expected, calendar.CountWorkingDays(interval));
            }
        }
    }

    [Fact]
    public void IsWorkingDay_WeekendHolidayAndWeekday()
    {
        var calendar = WorkingDayCalendar.MondayToFriday.WithHolidays([Date(2025, 5, 19)]);
        Assert.False(calendar.IsWorkingDay(Date(2025, 5, 17))); // Saturday
        Assert.False(calendar.IsWorkingDay(Date(2025, 5, 19))); // holiday, a Monday
        Assert.True(calendar.IsWorkingDay(Date(2025, 5, 20)));  // Tuesday
    }

    [Fact]
    public void Constructor_AllSevenDays_Throws()
    {
        IsoDayOfWeek[] all = [.. Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d)];
        Assert.Throws<ArgumentException>("weekendDays", () => new WorkingDayCalendar(all));
    }

    [Fact]
    public void Constructor_NotADayOfTheWeek_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("weekendDays", () => new WorkingDayCalendar([IsoDayOfWeek.None]));
    }

    [Fact]
    public void Constructor_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("weekendDays", () => new WorkingDayCalendar(null!));
        Assert.Throws<ArgumentNullException>("holidays", () => WorkingDayCalendar.MondayToFriday.WithHolidays(null!));
        Assert.Throws<ArgumentNullException>("interval", () => WorkingDayCalendar.MondayToFriday.CountWorkingDays(null!));
    }

    [Fact]
    public void Properties_AreNormalized()
    {
        var calendar = new WorkingDayCalendar([IsoDayOfWeek.Sunday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], [Date(2025, 5, 19), Date(2025, 5, 1), Date(2025, 5, 19)]);
        Assert.Equal([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], calendar.WeekendDays.AsEnumerable());
        Assert.Equal([Date(2025, 5, 1), Date(2025, 5, 19)], calendar.Holidays.AsEnumerable());
        Assert.Equal(5, calendar.WorkingDaysPerWeek);
    }

    [Fact]
    public void Equality_SameWeekendAndHolidaysInAnyOrder_AreEqual()
    {
        var a = new WorkingDayCalendar([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], [Date(2025, 5, 1), Date(2025, 5, 19)]);
        var b = WorkingDayCalendar.MondayToFriday.WithHolidays([Date(2025, 5, 19)]).WithHolidays([Date(2025, 5, 1)]);
        var c = a.WithWeekendDays([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday]);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.False(a.Equals(c));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void ToString_IsStable()
    {
        var calendar = WorkingDayCalendar.MondayToFriday.WithHolidays([Date(2025, 5, 1), Date(2025, 5, 19)]);
        Assert.Equal("weekend Saturday, Sunday; 2 holidays", calendar.ToString());
        Assert.Equal("weekend none; 0 holidays", new WorkingDayCalendar([]).ToString());
    }
}
