using SalesKpi.Reporting;

namespace SalesKpi.Cli.Output;

/// <summary>
/// Says in the tool's options why a value is undefined where the library's reason speaks of its API: the reason
/// <c>saas-magic-number</c> gives outside whole quarters names <c>PeriodUnit.Quarter</c>, the tool says
/// <c>--per quarter</c>. Tables show these hints; JSON and CSV keep the library's reason.
/// </summary>
internal static class UndefinedHints
{
    /// <summary>Returns the hint for an undefined value of a KPI in a period of a report, or null when the library's reason says it.</summary>
    /// <param name="kpiId">The KPI.</param>
    /// <param name="value">The value.</param>
    /// <param name="periods">The periods of the report.</param>
    /// <param name="period">The index of the value's period.</param>
    /// <param name="per">The periods asked for.</param>
    public static string? For(string kpiId, KpiValue value, IReadOnlyList<KpiPeriod> periods, int period, PeriodUnit per)
    {
        if (value.IsDefined || kpiId != KpiIds.SaasMagicNumber)
        {
            return null;
        }

        if (per is not (PeriodUnit.Quarter or PeriodUnit.FiscalQuarter))
        {
            return $"{kpiId} needs whole quarters: run with --per quarter (or --per fiscal-quarter).";
        }

        // The first period's previous quarter is a whole one before it (the report adds it); a clipped quarter, or one
        // after a clipped quarter, has no value.
        return !IsWholeQuarter(periods[period].Dates) || (period > 0 && !IsWholeQuarter(periods[period - 1].Dates))
            ? $"{kpiId} needs whole quarters: start --from on the first day of a quarter and end --to on the last day of one."
            : null;
    }

    /// <summary>Returns the short form of a hint, for a Detail cell beside the value: the option, the sentence under the table.</summary>
    /// <param name="hint">A hint of <see cref="For"/>.</param>
    public static string Short(string hint) => hint.Contains("--per quarter", StringComparison.Ordinal)
        ? "needs whole quarters: --per quarter"
        : "needs whole quarters: see below";

    /// <summary>Returns the distinct hints of the undefined values of a report, each with its KPI, in the order of the values.</summary>
    /// <param name="values">The values with their KPI and period index.</param>
    /// <param name="periods">The periods of the report.</param>
    /// <param name="per">The periods asked for.</param>
    public static List<(string KpiId, string Text)> Notes(IEnumerable<(string KpiId, int Period, KpiValue Value)> values, IReadOnlyList<KpiPeriod> periods, PeriodUnit per)
    {
        var notes = new List<(string KpiId, string Text)>();
        foreach (var (kpiId, period, value) in values)
        {
            if (For(kpiId, value, periods, period, per) is { } hint && !notes.Contains((kpiId, hint)))
            {
                notes.Add((kpiId, hint));
            }
        }

        return notes;
    }

    private static bool IsWholeQuarter(NodaTime.DateInterval dates) =>
        dates.Start.Day == 1 && dates.End == dates.Start.PlusMonths(3).PlusDays(-1);
}
