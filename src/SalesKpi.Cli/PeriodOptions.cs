using System.CommandLine;
using System.Globalization;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>
/// The options that cut a range into periods — <c>--per day|week|month|quarter|fiscal-quarter|fiscal-year|none</c> and
/// <c>--fiscal-start MONTH</c> — their checks, and what they make of the settings.
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
    }

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

    /// <summary>Returns why the options do not go together (<c>--fiscal-start</c> without fiscal periods), or null.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    public string? Conflict(ParseResult parseResult) =>
        parseResult.GetValue(FiscalStart) is not null && Unit(parseResult) is not (PeriodUnit.FiscalQuarter or PeriodUnit.FiscalYear)
            ? $"--fiscal-start is the start of fiscal periods: give --per fiscal-quarter or --per fiscal-year with it (--per is {parseResult.GetValue(Per)})."
            : null;

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
}
