using System.Globalization;
using System.Text;
using NodaTime;
using SalesKpi.Engine;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>The kinds of <see cref="KpiWindow"/>.</summary>
public enum KpiWindowKind
{
    /// <summary>A trailing window of a fixed length ending where the period ends (the last 90 days, the last 4 weeks).</summary>
    Rolling = 0,

    /// <summary>From the start of the week, month, quarter, fiscal quarter or fiscal year the period ends in, to the end of the period.</summary>
    ToDate = 1,

    /// <summary>From the start of the calendar year the period ends in, to the end of the period.</summary>
    YearToDate = 2,

    /// <summary>From the start of the report's range to the end of the period.</summary>
    Cumulative = 3,

    /// <summary>The period's dates moved back by a fixed length (the same period last year).</summary>
    Offset = 4,
}

/// <summary>
/// The dates a time-window KPI is evaluated over for each period of a report: a rolling window, a period-to-date or
/// cumulative span, or the period shifted back. Apply one with <see cref="KpiCalculatorExtensions.Over"/> (or
/// <c>Rolling</c>, <c>ToDate</c>, <c>Cumulative</c>, <c>Offset</c>, <c>SamePeriodLastYear</c>).
/// </summary>
/// <remarks>
/// <para>Windows are local dates in <see cref="KpiSettings.Zone"/>, turned into instants the way periods are, so a
/// window across a daylight-saving change is exact. Dates are moved by calendar arithmetic: one month before 31 March
/// is 28 (or 29) February, one year before 29 February is 28 February.</para>
/// <para>For a period from <c>S</c> to <c>E</c> (inclusive) in a report over the range from <c>R</c>:</para>
/// <list type="bullet">
/// <item><description>rolling by a length <c>L</c>: from <c>(E + 1 day) − L</c> to <c>E</c> (a 90-day window is the 90 days
/// ending on <c>E</c>; a 3-month window ending on 31 May starts on 1 March);</description></item>
/// <item><description>to date by a unit: from the first day of the unit's bucket that <c>E</c> is in, to <c>E</c>;</description></item>
/// <item><description>cumulative: from <c>R</c> (or <c>S</c> when earlier, for a hidden previous period) to <c>E</c>;</description></item>
/// <item><description>offset by <c>L</c>: from <c>S − L</c> to <c>E − L</c>, except that a period of whole months (from a
/// 1st to a month's last day) ends on the last day of its month: February 2025 one year back is 1–29 February 2024, April
/// one month back is 1–31 March, and a day maps to the same date (29 February to 28 February).</description></item>
/// </list>
/// <para>Windows may start before the report's range, and the evaluation reads the records there; a window is cut at
/// <see cref="KpiQuery.MinDate"/>, and one that ends before it has no value.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiWindow : IEquatable<KpiWindow>
{
    private KpiWindow(KpiWindowKind kind, Period? length, PeriodUnit unit)
    {
        Kind = kind;
        Length = length;
        Unit = unit;
    }

    /// <summary>Gets the window from the start of the report's range to the end of each period.</summary>
    public static KpiWindow Cumulative { get; } = new(KpiWindowKind.Cumulative, null, PeriodUnit.None);

    /// <summary>Gets the window from 1 January of the year each period ends in, to the end of the period.</summary>
    public static KpiWindow YearToDate { get; } = new(KpiWindowKind.YearToDate, null, PeriodUnit.None);

    /// <summary>Gets the same period one year earlier: <see cref="Offset"/> by one year.</summary>
    public static KpiWindow LastYear { get; } = new(KpiWindowKind.Offset, Period.FromYears(1), PeriodUnit.None);

    /// <summary>Gets the kind of window.</summary>
    public KpiWindowKind Kind { get; }

    /// <summary>Gets the length of a rolling window, or how far an offset window moves back.</summary>
    /// <value>The length; null for the other kinds.</value>
    public Period? Length { get; }

    /// <summary>Gets the unit a to-date window starts at the start of.</summary>
    /// <value>The unit; <see cref="PeriodUnit.None"/> for the other kinds.</value>
    public PeriodUnit Unit { get; }

    /// <summary>Gets the suffix a time-window KPI's id takes by default: <c>rolling-90d</c>, <c>qtd</c>, <c>cumulative</c>, <c>last-year</c>, <c>offset-1m</c>.</summary>
    public string IdSuffix => Kind switch
    {
        KpiWindowKind.Rolling => "rolling-" + LengthText(Length!),
        KpiWindowKind.ToDate => Unit switch
        {
            PeriodUnit.Week => "wtd",
            PeriodUnit.Month => "mtd",
            PeriodUnit.Quarter => "qtd",
            PeriodUnit.FiscalQuarter => "fqtd",
            _ => "fytd",
        },
        KpiWindowKind.YearToDate => "ytd",
        KpiWindowKind.Cumulative => "cumulative",
        _ => Equals(LastYear) ? "last-year" : "offset-" + LengthText(Length!),
    };

    /// <summary>Gets a short description, such as <c>over the trailing 90 days</c> or <c>quarter to date</c>.</summary>
    public string Description => Kind switch
    {
        KpiWindowKind.Rolling => $"over the trailing {LengthWords(Length!)}",
        KpiWindowKind.ToDate => Unit switch
        {
            PeriodUnit.Week => "week to date",
            PeriodUnit.Month => "month to date",
            PeriodUnit.Quarter => "quarter to date",
            PeriodUnit.FiscalQuarter => "fiscal quarter to date",
            _ => "fiscal year to date",
        },
        KpiWindowKind.YearToDate => "year to date",
        KpiWindowKind.Cumulative => "cumulative from the start of the range",
        _ => Equals(LastYear) ? "in the same period last year" : $"in the period {LengthWords(Length!)} earlier",
    };

    /// <summary>Returns a rolling window: the given length of days ending where each period ends.</summary>
    /// <param name="length">The length: whole years, months, weeks and days, none negative, not all zero.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="length"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="length"/> has a time part, a negative part, or is zero.</exception>
    public static KpiWindow Rolling(Period length) => new(KpiWindowKind.Rolling, CheckLength(length, nameof(length)), PeriodUnit.None);

    /// <summary>Returns a to-date window: from the start of the unit's bucket each period ends in, to the end of the period.</summary>
    /// <param name="unit"><see cref="PeriodUnit.Week"/>, <see cref="PeriodUnit.Month"/>, <see cref="PeriodUnit.Quarter"/>,
    /// <see cref="PeriodUnit.FiscalQuarter"/> or <see cref="PeriodUnit.FiscalYear"/>; for the calendar year use <see cref="YearToDate"/>.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is <see cref="PeriodUnit.None"/>, <see cref="PeriodUnit.Day"/> or not defined.</exception>
    public static KpiWindow ToDate(PeriodUnit unit)
    {
        Preconditions.CheckRange(
            unit is PeriodUnit.Week or PeriodUnit.Month or PeriodUnit.Quarter or PeriodUnit.FiscalQuarter or PeriodUnit.FiscalYear,
            unit,
            "A to-date window starts at the start of a week, month, quarter, fiscal quarter or fiscal year.",
            nameof(unit));
        return new(KpiWindowKind.ToDate, null, unit);
    }

    /// <summary>Returns an offset window: each period's dates moved back by the given length.</summary>
    /// <param name="back">How far back: whole years, months, weeks and days, none negative, not all zero.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="back"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="back"/> has a time part, a negative part, or is zero.</exception>
    public static KpiWindow Offset(Period back) => new(KpiWindowKind.Offset, CheckLength(back, nameof(back)), PeriodUnit.None);

    /// <summary>Returns true when both windows are equal, or both are null.</summary>
    /// <param name="left">The first window.</param>
    /// <param name="right">The second window.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(KpiWindow? left, KpiWindow? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null && left.Kind == right.Kind && left.Unit == right.Unit && Equals(left.Length, right.Length));

    /// <summary>Returns true when the windows differ.</summary>
    /// <param name="left">The first window.</param>
    /// <param name="right">The second window.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(KpiWindow? left, KpiWindow? right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> is the same window.</summary>
    /// <param name="other">The window to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(KpiWindow? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KpiWindow other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Unit, Length);

    /// <summary>Returns the <see cref="Description"/>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;

    /// <summary>Returns the dates of the window of a period, cut at <see cref="KpiQuery.MinDate"/>; null when the window ends before it.</summary>
    internal DateInterval? DatesFor(DateInterval period, DateInterval range, KpiSettings settings)
    {
        try
        {
            var (start, end) = Kind switch
            {
                KpiWindowKind.Rolling => (period.End.PlusDays(1).Minus(Length!), period.End),
                KpiWindowKind.ToDate => (PeriodPlan.BucketStart(period.End, Unit, settings), period.End),
                KpiWindowKind.YearToDate => (new LocalDate(period.End.Year, 1, 1), period.End),
                KpiWindowKind.Cumulative => (period.Start < range.Start ? period.Start : range.Start, period.End),
                _ => (period.Start.Minus(Length!), OffsetEnd(period, Length!)),
            };
            if (end < KpiQuery.MinDate)
            {
                return null;
            }

            return new DateInterval(start < KpiQuery.MinDate ? KpiQuery.MinDate : start, end);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Moved back past NodaTime's first date: before KpiQuery.MinDate anyway.
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }

        // Whole months stay whole: the last day of a period from the 1st to a month's end moves to the last day of its month.
        static LocalDate OffsetEnd(DateInterval period, Period back)
        {
            var end = period.End.Minus(back);
            return period.Start.Day == 1 && period.End.PlusDays(1).Day == 1
                ? end.With(DateAdjusters.EndOfMonth)
                : end;
        }
    }

    private static Period CheckLength(Period length, string paramName)
    {
        Preconditions.CheckNotNull(length, paramName);
        Preconditions.CheckArgument(!length.HasTimeComponent, paramName, "A window's length is whole years, months, weeks and days, with no time part.");
        Preconditions.CheckArgument(
            length.Years >= 0 && length.Months >= 0 && length.Weeks >= 0 && length.Days >= 0,
            paramName,
            "A window's length has no negative part.");
        Preconditions.CheckArgument(length.HasDateComponent && !length.Equals(Period.Zero), paramName, "A window's length is not zero.");
        return length;
    }

    /// <summary>Returns a length in words: <c>1 year 2 months</c>, <c>90 days</c>.</summary>
    private static string LengthWords(Period length)
    {
        var parts = new List<string>();
        void Part(int value, string unit)
        {
            if (value != 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(value == 1 ? string.Empty : "s")}"));
            }
        }

        Part(length.Years, "year");
        Part(length.Months, "month");
        Part(length.Weeks, "week");
        Part(length.Days, "day");
        return string.Join(' ', parts);
    }

    /// <summary>Returns a length as <c>1y2m</c>, <c>4w</c>, <c>90d</c>.</summary>
    private static string LengthText(Period length)
    {
        var text = new StringBuilder();
        void Part(int value, char unit)
        {
            if (value != 0)
            {
                text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }

        Part(length.Years, 'y');
        Part(length.Months, 'm');
        Part(length.Weeks, 'w');
        Part(length.Days, 'd');
        return text.ToString();
    }
}
