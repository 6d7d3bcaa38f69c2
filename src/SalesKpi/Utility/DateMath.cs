using NodaTime;

namespace SalesKpi.Utility;

/// <summary>
/// Date arithmetic that stays inside NodaTime's calendar (<see cref="LocalDate.MinIsoValue"/> to
/// <see cref="LocalDate.MaxIsoValue"/>), for dates that only bound a span: a span that reaches an end of the calendar
/// stays there instead of overflowing.
/// </summary>
internal static class DateMath
{
    /// <summary>Returns <paramref name="date"/> plus <paramref name="days"/>, or the end of the calendar it would pass.</summary>
    public static LocalDate SaturatingPlusDays(LocalDate date, long days)
    {
        if (days >= 0)
        {
            var room = (long)Period.DaysBetween(date, LocalDate.MaxIsoValue);
            return days >= room ? LocalDate.MaxIsoValue : date.PlusDays((int)days);
        }

        var roomBefore = (long)Period.DaysBetween(LocalDate.MinIsoValue, date);
        return -days >= roomBefore ? LocalDate.MinIsoValue : date.PlusDays((int)days);
    }

    /// <summary>
    /// Returns the last day of the month <paramref name="months"/> months after the month of <paramref name="date"/>
    /// (0: its own month), or null when that month is past the end of the calendar.
    /// </summary>
    public static LocalDate? EndOfMonthAfter(LocalDate date, int months)
    {
        var index = (((long)date.Year) * 12) + date.Month - 1 + months;
        var year = index >= 0 ? index / 12 : ((index + 1) / 12) - 1;
        var month = (int)(index - (year * 12)) + 1;
        if (year > LocalDate.MaxIsoValue.Year || year < LocalDate.MinIsoValue.Year)
        {
            return null;
        }

        var y = (int)year;
        return new LocalDate(y, month, CalendarSystem.Iso.GetDaysInMonth(y, month));
    }

    /// <summary>Returns true when <paramref name="day"/> is the day just before <paramref name="next"/>.</summary>
    public static bool IsDayBefore(LocalDate day, LocalDate next) => day < next && day.PlusDays(1) == next;
}
