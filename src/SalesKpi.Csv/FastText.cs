using NodaTime;

namespace SalesKpi.Csv;

/// <summary>
/// Parses the common forms of the values a CSV file holds — ISO-8601 instants and dates, plain decimal amounts —
/// straight from Sep's span, without a string.
/// </summary>
/// <remarks>
/// <para>Each method accepts only text that the general parser (NodaTime's ISO patterns, <see cref="decimal.TryParse(string, out decimal)"/>
/// with the importer's number styles) accepts, and gives the same value; it returns false for everything else — a form
/// it does not know, a value near the ends of the calendar, a malformed value — which then goes through the general
/// parser and its exact messages. A test compares both on random and edge-case text.</para>
/// </remarks>
internal static class FastText
{
    private static readonly long[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    /// <summary>Parses <c>yyyy-MM-ddTHH:mm[:ss[.fffffffff]]</c> followed by <c>Z</c> or <c>±HH:mm</c>, years 2 to 9998.</summary>
    public static bool TryParseInstant(ReadOnlySpan<char> s, out Instant instant)
    {
        instant = default;
        if (s.Length < 17 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute))
        {
            return false;
        }

        var i = 16;
        var second = 0;
        long nanoseconds = 0;
        if (s[i] == ':')
        {
            if (s.Length < 20 || !Digits(s, 17, 2, out second))
            {
                return false;
            }

            i = 19;
            if (i < s.Length && s[i] == '.')
            {
                var start = ++i;
                long fraction = 0;
                while (i < s.Length && i - start < 9 && char.IsAsciiDigit(s[i]))
                {
                    fraction = (fraction * 10) + (s[i] - '0');
                    i++;
                }

                var count = i - start;
                if (count == 0 || (i < s.Length && char.IsAsciiDigit(s[i])))
                {
                    return false;
                }

                nanoseconds = fraction * PowersOfTen[9 - count];
            }
        }

        int offsetSeconds;
        if (i == s.Length - 1 && s[i] == 'Z')
        {
            offsetSeconds = 0;
        }
        else if (i == s.Length - 6 && s[i] is '+' or '-' && s[i + 3] == ':'
            && Digits(s, i + 1, 2, out var offsetHours) && Digits(s, i + 4, 2, out var offsetMinutes)
            && offsetHours < 18 && offsetMinutes < 60)
        {
            offsetSeconds = ((offsetHours * 3600) + (offsetMinutes * 60)) * (s[i] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        // Years 1 and 9999 are left to the general parser, which knows where the calendar ends.
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var seconds = (DaysSinceEpoch(year, month, day) * 86_400L) + (hour * 3600) + (minute * 60) + second - offsetSeconds;
        instant = Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(nanoseconds);
        return true;
    }

    /// <summary>Parses <c>yyyy-MM-dd</c>, years 1 to 9999.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> s, out LocalDate date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>Parses digits with an optional decimal point and fraction (<c>1250</c>, <c>1250.50</c>): at most 18 digits in all.</summary>
    public static bool TryParseAmount(ReadOnlySpan<char> s, out decimal amount)
    {
        amount = 0m;
        if (s.Length is 0 or > 19)
        {
            return false;
        }

        ulong mantissa = 0;
        var digits = 0;
        var point = -1;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                mantissa = (mantissa * 10) + (ulong)(c - '0');
                digits++;
            }
            else if (c == '.' && point < 0 && i > 0 && i < s.Length - 1)
            {
                point = i;
            }
            else
            {
                return false;
            }
        }

        if (digits > 18)
        {
            return false;
        }

        var scale = point < 0 ? 0 : s.Length - point - 1;
        amount = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, isNegative: false, (byte)scale);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    private static int DaysInMonth(int year, int month) =>
        month == 2 ? (DateTime.IsLeapYear(year) ? 29 : 28) : month is 4 or 6 or 9 or 11 ? 30 : 31;

    /// <summary>Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).</summary>
    private static long DaysSinceEpoch(int year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = y / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097L) + dayOfEra - 719_468;
    }
}
