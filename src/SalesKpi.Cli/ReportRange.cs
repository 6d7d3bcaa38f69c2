using NodaTime;
using NodaTime.Text;

namespace SalesKpi.Cli;

/// <summary>
/// The dates a report covers: the range the command line asks for, or the default one, kept within the dates the
/// library can report on (<see cref="First"/> to <see cref="Last"/>).
/// </summary>
internal static class ReportRange
{
    /// <summary>Gets the first date a report may cover.</summary>
    public static LocalDate First => Reporting.KpiQuery.MinDate;

    /// <summary>Gets the last date a report may cover.</summary>
    public static LocalDate Last => Reporting.KpiQuery.MaxDate;

    /// <summary>Gets the supported range as written in messages.</summary>
    public static string Supported => $"{Iso(First)} to {Iso(Last)}";

    /// <summary>Returns the year that starts on <paramref name="from"/>: to the day before the same date a year later, so that a year from February 29 ends on February 28.</summary>
    public static DateInterval YearFrom(LocalDate from)
    {
        var next = from.PlusYears(1);
        // PlusYears clamps February 29 to February 28; the year starting on February 29 runs up to March 1.
        return new DateInterval(from, next.Day == from.Day ? next.PlusDays(-1) : next);
    }

    /// <summary>Returns the year that ends on <paramref name="to"/>: from the day after the same date a year earlier.</summary>
    public static DateInterval YearTo(LocalDate to) => new(to.PlusYears(-1).PlusDays(1), to);

    /// <summary>Returns true when the library can report on every date of <paramref name="range"/>.</summary>
    public static bool IsSupported(DateInterval range) => range.Start >= First && range.End <= Last;

    /// <summary>Returns true when a date given on the command line is one the library can report on.</summary>
    public static bool IsSupported(LocalDate date) => date >= First && date <= Last;

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
