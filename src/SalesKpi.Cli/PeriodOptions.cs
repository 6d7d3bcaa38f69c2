using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using NodaTime;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>
/// The options that cut a range into periods — <c>--per day|week|month|quarter|fiscal-quarter|fiscal-year|none</c> and
/// <c>--fiscal-start MONTH</c> — and the time windows applied to the KPIs in each period — <c>--rolling</c>,
/// <c>--to-date</c>, <c>--cumulative</c>, <c>--vs last-year</c> — with their checks, and what they make of the settings
/// and the KPIs.
/// </summary>
internal sealed class PeriodOptions
{
    /// <summary>The month names <c>--fiscal-start</c> accepts besides 1 to 12, January first.</summary>
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] FullMonthNames = [.. Enumerable.Range(1, 12).Select(m => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m).ToLowerInvariant())];

    /// <summary>Creates the options.</summary>
    /// <param name="description">The help of <c>--per</c>; null for the report's.</param>
    /// <param name="defaultValue">The <c>--per</c> a command line without one means.</param>
    /// <param name="units">The <c>--per</c> values the command accepts; null for all of <see cref="Units"/>.</param>
    public PeriodOptions(string? description = null, string defaultValue = "none", string[]? units = null)
    {
        Per = ChoiceOption.Create(
            "--per",
            description ?? "Cut the range into days, weeks (ISO, Monday first), months, quarters, fiscal quarters or fiscal years (starting in --fiscal-start), or not at all.",
            "period",
            defaultValue,
            units ?? Units,
            Hints);

        FiscalStart = new Option<int?>("--fiscal-start")
        {
            Description = "The month the fiscal year starts in, for --per fiscal-quarter and fiscal-year: 1 to 12, or jan to dec. Default: jan. A fiscal year is named by the year it ends in (April 2025 to March 2026 is FY2026).",
            HelpName = "MONTH",
            CustomParser = r => ParseMonth(r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty, out var error) is { } month ? month : Error(r, error!),
        };

        Rolling = new Option<Period?>("--rolling")
        {
            Description = "Show each KPI over a trailing window ending where each period ends instead of over the period: a number and d (days), w (weeks), m (months) or y (years), such as 90d, 4w or 3m. The ids become revenue-rolling-90d, ….",
            HelpName = "LENGTH",
            CustomParser = r => ParseLength(r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty, out var error) ?? ErrorOf<Period>(r, error!),
        };

        ToDate = ChoiceOption.Create(
            "--to-date",
            "Show each KPI from the start of the week, month, quarter, calendar year, fiscal quarter or fiscal year each period ends in, to the end of the period (month-, quarter-, year-to-date). The ids become revenue-qtd, ….",
            "to-date unit",
            "none",
            ToDateUnits,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["mtd"] = "month", ["qtd"] = "quarter", ["ytd"] = "year", ["fytd"] = "fiscal-year", ["wtd"] = "week" },
            helpName: "UNIT");

        Cumulative = new Option<bool>("--cumulative")
        {
            Description = "Show each KPI from the start of the range to the end of each period (needs --per). The ids become revenue-cumulative, ….",
        };

        Versus = ChoiceOption.Create(
            "--vs",
            "Add, beside each KPI, its value in the same period last year (29 February → 28 February) and the year-over-year growth, (this − last year) / last year: revenue-last-year and revenue-yoy-growth.",
            "comparison",
            "none",
            ["last-year", "none"],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["yoy"] = "last-year", ["year"] = "last-year", ["ly"] = "last-year", ["previous-year"] = "last-year", ["sply"] = "last-year" });
    }

    /// <summary>Gets the values of <c>--to-date</c>, in the order of the help.</summary>
    public static string[] ToDateUnits { get; } = ["week", "month", "quarter", "year", "fiscal-quarter", "fiscal-year", "none"];

    /// <summary>Gets <c>--rolling</c>.</summary>
    public Option<Period?> Rolling { get; }

    /// <summary>Gets <c>--to-date</c>.</summary>
    public Option<string> ToDate { get; }

    /// <summary>Gets <c>--cumulative</c>.</summary>
    public Option<bool> Cumulative { get; }

    /// <summary>Gets <c>--vs</c>.</summary>
    public Option<string> Versus { get; }

    /// <summary>Gets the values of <c>--per</c>, in the order of the help.</summary>
    public static string[] Units { get; } = ["day", "week", "month", "quarter", "fiscal-quarter", "fiscal-year", "none"];

    /// <summary>Gets <c>--per</c>.</summary>
    public Option<string> Per { get; }

    /// <summary>Gets <c>--fiscal-start</c>.</summary>
    public Option<int?> FiscalStart { get; }

    /// <summary>Gets what a person may write for <c>--per</c> that is no typo of a period, with what it means.</summary>
    private static Dictionary<string, string> Hints { get; } = new(StringComparer.Ordinal)
    {
        ["rep"] = "--by rep", ["team"] = "--by team", ["source"] = "--by source", ["daily"] = "day", ["days"] = "day", ["weekly"] = "week",
        ["monthly"] = "month", ["quarterly"] = "quarter", ["year"] = "fiscal-year", ["yearly"] = "fiscal-year", ["annual"] = "fiscal-year",
        ["fy"] = "fiscal-year", ["fq"] = "fiscal-quarter", ["fiscal"] = "fiscal-year",
    };

    /// <summary>Adds the options to a command: <c>--per</c>, then <c>--fiscal-start</c>.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Per);
        command.Options.Add(FiscalStart);
    }

    /// <summary>Adds the time-window options to a command: <c>--rolling</c>, <c>--to-date</c>, <c>--cumulative</c>, <c>--vs</c>.</summary>
    /// <param name="command">The command.</param>
    public void AddWindowsTo(Command command)
    {
        command.Options.Add(Rolling);
        command.Options.Add(ToDate);
        command.Options.Add(Cumulative);
        command.Options.Add(Versus);
    }

    /// <summary>
    /// Returns why the options do not go together (<c>--fiscal-start</c> without fiscal periods, or fiscal periods of a
    /// to-date window; two windows at once; a cumulative or to-date window that is the period itself), or null.
    /// </summary>
    /// <param name="parseResult">The parsed command line.</param>
    public string? Conflict(ParseResult parseResult)
    {
        var unit = Unit(parseResult);
        var hasWindows = parseResult.CommandResult.Command.Options.Contains(Rolling);
        var toDate = hasWindows ? parseResult.GetValue(ToDate)! : "none";
        var fiscalToDate = toDate is "fiscal-quarter" or "fiscal-year";
        if (parseResult.GetValue(FiscalStart) is not null && unit is not (PeriodUnit.FiscalQuarter or PeriodUnit.FiscalYear) && !fiscalToDate)
        {
            return $"--fiscal-start is the start of fiscal periods: give --per fiscal-quarter or --per fiscal-year with it (--per is {parseResult.GetValue(Per)}).";
        }

        if (!hasWindows)
        {
            return null;
        }

        string[] windows =
        [
            .. parseResult.GetValue(Rolling) is { } rolling ? [$"--rolling {Text(rolling)}"] : Array.Empty<string>(),
            .. toDate != "none" ? [$"--to-date {toDate}"] : Array.Empty<string>(),
            .. parseResult.GetValue(Cumulative) ? ["--cumulative"] : Array.Empty<string>(),
        ];
        if (windows.Length > 1)
        {
            return $"{windows[0]} and {windows[1]} are two windows: give one of --rolling, --to-date and --cumulative (--vs last-year goes with any).";
        }

        if (parseResult.GetValue(Cumulative) && unit == PeriodUnit.None)
        {
            return "--cumulative adds each period to the ones before it: give --per (day, week, month, …) with it; over the whole range it is the KPI itself.";
        }

        if (toDate != "none" && unit != PeriodUnit.None && Rank(ToDateUnit(toDate)) < Rank(unit))
        {
            return $"--to-date {toDate} per {parseResult.GetValue(Per)} would show only the last {toDate} of each {parseResult.GetValue(Per)}: give a --per no longer than a {toDate} (such as --per {(toDate == "week" ? "day" : "week")}), or a longer --to-date.";
        }

        return null;
    }

    /// <summary>Returns the KPIs with the time-window options applied: each in its window, then, with <c>--vs last-year</c>, its last year's value and growth beside it.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="kpis">The KPIs asked for.</param>
    public ImmutableArray<KpiCalculator> ApplyWindows(ParseResult parseResult, IEnumerable<KpiCalculator> kpis)
    {
        var toDate = parseResult.GetValue(ToDate);
        var rolling = parseResult.GetValue(Rolling);
        var cumulative = parseResult.GetValue(Cumulative);
        var lastYear = parseResult.GetValue(Versus) == "last-year";
        var result = ImmutableArray.CreateBuilder<KpiCalculator>();
        foreach (var kpi in kpis)
        {
            var windowed = rolling is not null ? kpi.Rolling(rolling)
                : cumulative ? kpi.Cumulative()
                : toDate is null or "none" ? kpi
                : toDate == "year" ? kpi.YearToDate()
                : kpi.ToDate(ToDateUnit(toDate));
            result.Add(windowed);
            if (lastYear)
            {
                result.Add(windowed.SamePeriodLastYear());
                result.Add(windowed.YearOverYearGrowth());
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Returns the length of a <c>--rolling</c> value (<c>90d</c>, <c>4w</c>, <c>3m</c>, <c>1y</c>), or null with why not.</summary>
    /// <param name="text">The value.</param>
    /// <param name="error">Why it is not a length, in the tool's words.</param>
    /// <param name="option">The option the value is of, named in the error.</param>
    internal static Period? ParseLength(string text, out string? error, string option = "--rolling")
    {
        error = null;
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed.Length >= 2
            && int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n is >= 1 and <= MaxLength)
        {
            switch (trimmed[^1])
            {
                case 'd': return Period.FromDays(n);
                case 'w': return Period.FromWeeks(n);
                case 'm': return Period.FromMonths(n);
                case 'y': return Period.FromYears(n);
            }
        }

        error = $"{option}: {ChoiceOption.Quote(text)} is not a length; write a number from 1 to {MaxLength} and d (days), w (weeks), m (months) or y (years), such as 90d, 4w or 3m.";
        return null;
    }

    /// <summary>The longest <c>--rolling</c> number.</summary>
    private const int MaxLength = 100_000;

    private static string Text(Period length)
    {
        var (n, unit) = length.Days != 0 ? (length.Days, 'd') : length.Weeks != 0 ? (length.Weeks, 'w') : length.Months != 0 ? (length.Months, 'm') : (length.Years, 'y');
        return n.ToString(CultureInfo.InvariantCulture) + unit;
    }

    private static PeriodUnit ToDateUnit(string name) => name switch
    {
        "week" => PeriodUnit.Week,
        "month" => PeriodUnit.Month,
        "quarter" => PeriodUnit.Quarter,
        "fiscal-quarter" => PeriodUnit.FiscalQuarter,
        _ => PeriodUnit.FiscalYear, // "year" is the calendar year: as long as a fiscal one
    };

    /// <summary>Returns the order of the units by length: day, week, month, quarters, years.</summary>
    private static int Rank(PeriodUnit unit) => unit switch
    {
        PeriodUnit.Day => 0,
        PeriodUnit.Week => 1,
        PeriodUnit.Month => 2,
        PeriodUnit.Quarter or PeriodUnit.FiscalQuarter => 3,
        _ => 4,
    };

    /// <summary>Returns the period unit of <c>--per</c>.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    public PeriodUnit Unit(ParseResult parseResult) => UnitOf(parseResult.GetValue(Per));

    /// <summary>Returns the month of <c>--fiscal-start</c>, 1 (January) when it is left out.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    public int FiscalStartMonth(ParseResult parseResult) => parseResult.GetValue(FiscalStart) ?? 1;

    /// <summary>Returns the period unit of a <c>--per</c> value.</summary>
    /// <param name="name">The value.</param>
    public static PeriodUnit UnitOf(string? name) => name switch
    {
        "day" => PeriodUnit.Day,
        "week" => PeriodUnit.Week,
        "month" => PeriodUnit.Month,
        "quarter" => PeriodUnit.Quarter,
        "fiscal-quarter" => PeriodUnit.FiscalQuarter,
        "fiscal-year" => PeriodUnit.FiscalYear,
        _ => PeriodUnit.None,
    };

    /// <summary>Returns the month of a <c>--fiscal-start</c> value (<c>4</c>, <c>apr</c>, <c>April</c>), or null with why not.</summary>
    /// <param name="text">The value.</param>
    /// <param name="error">Why it is not a month, in the tool's words.</param>
    internal static int? ParseMonth(string text, out string? error)
    {
        error = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 12)
        {
            return number;
        }

        var lower = text.Trim().ToLowerInvariant();
        var index = Array.IndexOf(MonthNames, lower);
        index = index >= 0 ? index : Array.IndexOf(FullMonthNames, lower);
        if (index >= 0)
        {
            return index + 1;
        }

        var suggestion = text.Length > 0 && !char.IsAsciiDigit(text[0]) ? Suggestions.DidYouMean(lower, [.. MonthNames, .. FullMonthNames]) : string.Empty;
        error = $"--fiscal-start: {ChoiceOption.Quote(text)} is not a month{suggestion} (write 1 to 12, or jan to dec).";
        return null;
    }

    private static int? Error(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }

    private static T? ErrorOf<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
        where T : class
    {
        result.AddError(message);
        return null;
    }
}
