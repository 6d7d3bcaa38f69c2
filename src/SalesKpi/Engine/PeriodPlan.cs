using System.Globalization;
using NodaTime;
using NodaTime.Calendars;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Engine;

/// <summary>
/// The periods of one evaluation, with their boundaries as instants, and the search that places an event in one.
/// </summary>
internal sealed class PeriodPlan
{
    private readonly Instant[] _starts;
    private readonly LocalDate[] _firstDates;

    private readonly int[]? _previousOf;

    private PeriodPlan(KpiPeriod[] periods, int firstVisible, int[]? previousOf = null)
    {
        Periods = periods;
        FirstVisible = firstVisible;
        _previousOf = previousOf;
        _starts = periods.Select(p => p.Start).ToArray();
        _firstDates = periods.Select(p => p.Dates.Start).ToArray();
        RangeStart = periods[0].Start;
        RangeEnd = periods[^1].End;
        FirstDate = periods[0].Dates.Start;
        LastDate = periods[^1].Dates.End;
    }

    /// <summary>Gets every period, the hidden previous one (if any) first.</summary>
    public KpiPeriod[] Periods { get; }

    /// <summary>Gets the index of the first period the report shows (1 when a previous period was added).</summary>
    public int FirstVisible { get; }

    public Instant RangeStart { get; }

    public Instant RangeEnd { get; }

    public LocalDate FirstDate { get; }

    public LocalDate LastDate { get; }

    public static PeriodPlan Create(DateInterval range, PeriodUnit unit, KpiSettings settings, bool includePrevious)
    {
        var periods = new List<KpiPeriod>();
        if (includePrevious)
        {
            // The previous period is the whole bucket before the one the range starts in (the previous week, month, …),
            // or the same number of days before an unbucketed range. When the range starts inside a bucket, the days
            // between that bucket's start and the range's start are in no period.
            // Within KpiQuery's range (from 0001-01-01) these never pass the start of the calendar but for an unbucketed
            // range of thousands of years, whose previous period is then cut at the calendar's first date.
            var previousEnd = DateMath.SaturatingPlusDays(BucketStart(range.Start, unit, settings), -1);
            var previousStart = unit == PeriodUnit.None
                ? DateMath.SaturatingPlusDays(previousEnd, 1L - range.Length)
                : BucketStart(previousEnd, unit, settings);
            periods.Add(Make(new DateInterval(previousStart, previousEnd), unit, settings));
        }

        var start = range.Start;
        while (start <= range.End)
        {
            var next = unit == PeriodUnit.None ? range.End.PlusDays(1) : NextBucketStart(BucketStart(start, unit, settings), unit);
            var end = next.PlusDays(-1);
            if (end > range.End)
            {
                end = range.End;
            }

            periods.Add(Make(new DateInterval(start, end), unit, settings));
            start = end.PlusDays(1);
        }

        return new PeriodPlan([.. periods], includePrevious ? 1 : 0);
    }

    /// <summary>
    /// Returns the plan of a time-window KPI's windows: disjoint date intervals in order, possibly with gaps between them,
    /// none hidden; <paramref name="previousOf"/> gives each window's previous period (the index of another of them), or -1.
    /// </summary>
    public static PeriodPlan FromWindows(IReadOnlyList<DateInterval> windows, int[] previousOf, KpiSettings settings) =>
        new([.. windows.Select(w => Make(w, PeriodUnit.None, settings))], 0, previousOf);

    /// <summary>Returns the index of the period a period-over-period KPI compares a period with: the one before it, or a window's previous window; -1 for none.</summary>
    public int PreviousOf(int period) => _previousOf is { } previous ? previous[period] : period - 1;

    /// <summary>Returns the index of the period that contains the instant, or -1 (also in the gap after a previous period).</summary>
    public int Locate(Instant instant)
    {
        if (instant < RangeStart || instant >= RangeEnd)
        {
            return -1;
        }

        var index = Array.BinarySearch(_starts, instant);
        index = index >= 0 ? index : ~index - 1;
        return instant < Periods[index].End ? index : -1;
    }

    /// <summary>Returns the index of the period that contains the date, or -1 (also in the gap after a previous period).</summary>
    public int Locate(LocalDate date)
    {
        if (date < FirstDate || date > LastDate)
        {
            return -1;
        }

        var index = LastStartingOnOrBefore(date);
        return date <= Periods[index].Dates.End ? index : -1;
    }

    /// <summary>Returns the indexes of the first and last periods that overlap the dates; first &gt; last when none do.</summary>
    public (int First, int Last) Overlapping(LocalDate start, LocalDate end)
    {
        if (end < FirstDate || start > LastDate || end < start)
        {
            return (0, -1);
        }

        int first;
        if (start < FirstDate)
        {
            first = 0;
        }
        else
        {
            // The period containing start, or the next one when start falls in the gap after a previous period.
            first = LastStartingOnOrBefore(start);
            if (start > Periods[first].Dates.End)
            {
                first++;
            }
        }

        var last = end > LastDate ? Periods.Length - 1 : LastStartingOnOrBefore(end);
        return (first, last);
    }

    private int LastStartingOnOrBefore(LocalDate date)
    {
        var index = Array.BinarySearch(_firstDates, date);
        return index >= 0 ? index : ~index - 1;
    }

    private static KpiPeriod Make(DateInterval dates, PeriodUnit unit, KpiSettings settings) =>
        new(dates, settings.SaturatingStartOf(dates.Start), EndOf(dates.End, settings), Label(dates, unit, settings));

    /// <summary>Returns the instant a period ending on the date ends at: the start of the next day, or the end of time after the calendar's last date.</summary>
    private static Instant EndOf(LocalDate last, KpiSettings settings) =>
        last == LocalDate.MaxIsoValue ? Instant.MaxValue : settings.SaturatingStartOf(last.PlusDays(1));

    /// <summary>Returns the first day of the bucket (week, month, …) of the unit the date is in; the date itself for days and no unit.</summary>
    internal static LocalDate BucketStart(LocalDate date, PeriodUnit unit, KpiSettings settings) => unit switch
    {
        PeriodUnit.Week => date.With(DateAdjusters.PreviousOrSame(settings.FirstDayOfWeek)),
        PeriodUnit.Day => date,
        PeriodUnit.Month => new LocalDate(date.Year, date.Month, 1),
        PeriodUnit.Quarter => new LocalDate(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1),
        PeriodUnit.FiscalYear => FiscalYearStart(date, settings),
        PeriodUnit.FiscalQuarter => FiscalQuarterStart(date, settings),
        _ => date,
    };

    private static LocalDate FiscalYearStart(LocalDate date, KpiSettings settings) => date.Month >= settings.FiscalYearStartMonth
        ? new LocalDate(date.Year, settings.FiscalYearStartMonth, 1)
        : new LocalDate(date.Year - 1, settings.FiscalYearStartMonth, 1);

    /// <summary>Returns the first day of the fiscal quarter of the date: a month 0, 3, 6 or 9 months after the fiscal year's start.</summary>
    private static LocalDate FiscalQuarterStart(LocalDate date, KpiSettings settings)
    {
        var monthsIntoYear = (date.Month - settings.FiscalYearStartMonth + 12) % 12;
        var month = date.Month - (monthsIntoYear % 3);
        return month >= 1 ? new LocalDate(date.Year, month, 1) : new LocalDate(date.Year - 1, month + 12, 1);
    }

    /// <summary>Returns the year a fiscal year starting on the date is named by: the year it ends in.</summary>
    private static int FiscalYearName(LocalDate fiscalYearStart) =>
        fiscalYearStart.Month == 1 ? fiscalYearStart.Year : fiscalYearStart.Year + 1;

    /// <summary>Returns the first day of the bucket after the one starting on <paramref name="bucketStart"/>.</summary>
    internal static LocalDate NextBucketStart(LocalDate bucketStart, PeriodUnit unit) => unit switch
    {
        PeriodUnit.Week => bucketStart.PlusWeeks(1),
        PeriodUnit.Month => bucketStart.PlusMonths(1),
        PeriodUnit.Quarter or PeriodUnit.FiscalQuarter => bucketStart.PlusMonths(3),
        PeriodUnit.FiscalYear => bucketStart.PlusYears(1),
        _ => bucketStart.PlusDays(1),
    };

    private static string Label(DateInterval dates, PeriodUnit unit, KpiSettings settings)
    {
        var start = BucketStart(dates.Start, unit, settings);
        return unit switch
        {
            PeriodUnit.Week when settings.FirstDayOfWeek == IsoDayOfWeek.Monday => string.Create(
                CultureInfo.InvariantCulture,
                $"{WeekYearRules.Iso.GetWeekYear(start):D4}-W{WeekYearRules.Iso.GetWeekOfWeekYear(start):D2}"),
            PeriodUnit.Week => "week of " + start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PeriodUnit.Day => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PeriodUnit.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            PeriodUnit.Quarter => string.Create(CultureInfo.InvariantCulture, $"{start.Year:D4}-Q{((start.Month - 1) / 3) + 1}"),
            PeriodUnit.FiscalYear => string.Create(CultureInfo.InvariantCulture, $"FY{FiscalYearName(start):D4}"),
            PeriodUnit.FiscalQuarter => string.Create(
                CultureInfo.InvariantCulture,
                $"FY{FiscalYearName(FiscalYearStart(start, settings)):D4}-Q{((start.Month - settings.FiscalYearStartMonth + 12) % 12 / 3) + 1}"),
            _ => dates.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".." + dates.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }
}
