using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Globalization;
using NodaTime;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// Which dates are working days: every date except the weekend days of the week and the holiday dates. The activity
/// plan divides each required volume by the working days of its horizon.
/// </summary>
/// <remarks>
/// <para>A holiday that falls on a weekend day is not subtracted twice. A calendar has at least one working day of the
/// week; holidays may still leave an interval with no working day at all, which <see cref="CountWorkingDays"/>
/// reports as 0.</para>
/// <para>Counting takes time proportional to the number of holidays in the interval, not to its length.</para>
/// <para>Equality compares the set of weekend days and the set of holidays.</para>
/// </remarks>
/// <example>
/// <code>
/// var istanbul = WorkingDayCalendar.MondayToFriday.WithHolidays([new LocalDate(2025, 5, 1), new LocalDate(2025, 5, 19)]);
/// int days = istanbul.CountWorkingDays(new DateInterval(new LocalDate(2025, 5, 1), new LocalDate(2025, 5, 31))); // 22 weekdays − 2 = 20
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.WorkingDayCalendarJsonConverter))]
public sealed class WorkingDayCalendar : IEquatable<WorkingDayCalendar>
{
    private const int AllDays = 0b111_1111;

    // Bit (d - 1) is set when IsoDayOfWeek d is a weekend day.
    private readonly int _weekendMask;

    // Holidays that fall on working weekdays, sorted; the ones that matter for counting.
    private readonly ImmutableArray<LocalDate> _workingDayHolidays;

    /// <summary>Initializes a calendar.</summary>
    /// <param name="weekendDays">The days of the week that are never working days; may be empty, may not be all seven.</param>
    /// <param name="holidays">Dates that are not working days; none when null. Duplicates are ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weekendDays"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weekend day is not Monday to Sunday.</exception>
    /// <exception cref="ArgumentException"><paramref name="weekendDays"/> names all seven days, leaving no working day.</exception>
    public WorkingDayCalendar(IEnumerable<IsoDayOfWeek> weekendDays, IEnumerable<LocalDate>? holidays = null)
        : this(MaskOf(weekendDays), holidays is null ? [] : [.. holidays.Distinct().Order()])
    {
    }

    private WorkingDayCalendar(int weekendMask, ImmutableArray<LocalDate> holidays)
    {
        _weekendMask = weekendMask;
        Holidays = holidays;
        _workingDayHolidays = [.. holidays.Where(h => !IsWeekendDay(h.DayOfWeek))];
        WeekendDays = [.. Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d).Where(IsWeekendDay)];
    }

    /// <summary>Gets the calendar of a Monday-to-Friday week with no holidays: Saturday and Sunday are the weekend.</summary>
    public static WorkingDayCalendar MondayToFriday { get; } = new(MaskOf([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday]), []);

    /// <summary>Gets the days of the week that are never working days, Monday first.</summary>
    public ImmutableArray<IsoDayOfWeek> WeekendDays { get; }

    /// <summary>Gets the holiday dates, in order, including any that fall on a weekend day.</summary>
    public ImmutableArray<LocalDate> Holidays { get; }

    /// <summary>Gets the number of working days in a week with no holiday.</summary>
    public int WorkingDaysPerWeek => 7 - WeekendDays.Length;

    /// <summary>Returns true when both calendars have the same weekend days and holidays, or both are null.</summary>
    /// <param name="left">The first calendar.</param>
    /// <param name="right">The second calendar.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(WorkingDayCalendar? left, WorkingDayCalendar? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null
            && left._weekendMask == right._weekendMask
            && left.Holidays.AsSpan().SequenceEqual(right.Holidays.AsSpan()));

    /// <summary>Returns true when the calendars differ.</summary>
    /// <param name="left">The first calendar.</param>
    /// <param name="right">The second calendar.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(WorkingDayCalendar? left, WorkingDayCalendar? right) => !(left == right);

    /// <summary>Returns a copy with other weekend days and the same holidays.</summary>
    /// <param name="weekendDays">The days of the week that are never working days.</param>
    /// <returns>A new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weekendDays"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weekend day is not Monday to Sunday.</exception>
    /// <exception cref="ArgumentException"><paramref name="weekendDays"/> names all seven days.</exception>
    [Pure]
    public WorkingDayCalendar WithWeekendDays(IEnumerable<IsoDayOfWeek> weekendDays) => new(MaskOf(weekendDays), Holidays);

    /// <summary>Returns a copy with the given holidays added to this calendar's.</summary>
    /// <param name="holidays">The dates to add.</param>
    /// <returns>A new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is null.</exception>
    [Pure]
    public WorkingDayCalendar WithHolidays(IEnumerable<LocalDate> holidays)
    {
        Preconditions.CheckNotNull(holidays);
        return new(_weekendMask, [.. Holidays.Concat(holidays).Distinct().Order()]);
    }

    /// <summary>Returns true when the date is a working day: not a weekend day and not a holiday.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True for a working day.</returns>
    public bool IsWorkingDay(LocalDate date) => !IsWeekendDay(date.DayOfWeek) && _workingDayHolidays.BinarySearch(date) < 0;

    /// <summary>Returns the number of working days in an interval, both ends included.</summary>
    /// <param name="interval">The dates.</param>
    /// <returns>The number of working days; 0 when every date is a weekend day or a holiday.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    public int CountWorkingDays(DateInterval interval)
    {
        Preconditions.CheckNotNull(interval);
        var length = interval.Length;
        var count = (length / 7) * WorkingDaysPerWeek;
        var remainder = length % 7;
        var day = interval.Start.DayOfWeek;
        for (var i = 0; i < remainder; i++)
        {
            if (!IsWeekendDay(day))
            {
                count++;
            }

            day = day == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : day + 1;
        }

        return count - HolidaysIn(interval);
    }

    /// <summary>Returns true when <paramref name="other"/> has the same weekend days and holidays.</summary>
    /// <param name="other">The calendar to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(WorkingDayCalendar? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WorkingDayCalendar other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(_weekendMask, Holidays.Length, Holidays.IsEmpty ? default : Holidays[0], Holidays.IsEmpty ? default : Holidays[^1]);

    /// <summary>
    /// Returns a stable, culture-invariant description, such as <c>weekend Saturday, Sunday; 2 holidays</c>.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"weekend {(WeekendDays.IsEmpty ? "none" : string.Join(", ", WeekendDays))}; {Holidays.Length} {(Holidays.Length == 1 ? "holiday" : "holidays")}");

    private static int MaskOf(IEnumerable<IsoDayOfWeek> weekendDays)
    {
        Preconditions.CheckNotNull(weekendDays);
        var mask = 0;
        foreach (var day in weekendDays)
        {
            Preconditions.CheckRange(day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday, day, "A weekend day must be Monday to Sunday.", nameof(weekendDays));
            mask |= 1 << ((int)day - 1);
        }

        Preconditions.CheckArgument(mask != AllDays, nameof(weekendDays), "A calendar needs at least one working day a week; all seven days are weekend days.");
        return mask;
    }

    private bool IsWeekendDay(IsoDayOfWeek day) => (_weekendMask & (1 << ((int)day - 1))) != 0;

    private int HolidaysIn(DateInterval interval)
    {
        if (_workingDayHolidays.IsEmpty)
        {
            return 0;
        }

        var first = _workingDayHolidays.BinarySearch(interval.Start);
        var last = _workingDayHolidays.BinarySearch(interval.End);
        first = first >= 0 ? first : ~first;
        last = last >= 0 ? last + 1 : ~last;
        return last - first;
    }
}
