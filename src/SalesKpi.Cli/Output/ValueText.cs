using System.Globalization;
using System.Text;
using SalesKpi.Reporting;

namespace SalesKpi.Cli.Output;

/// <summary>How KPI values are written for a person: units shown, numbers rounded, undefined as a dash.</summary>
internal static class ValueText
{
    /// <summary>The mark of an undefined value in a table.</summary>
    public const string Undefined = "—";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Returns the name of a unit as written in JSON and CSV output: count, ratio, money, days, money-per-day, number.</summary>
    public static string UnitName(KpiUnit unit) => unit switch
    {
        KpiUnit.Count => "count",
        KpiUnit.Ratio => "ratio",
        KpiUnit.Money => "money",
        KpiUnit.Days => "days",
        KpiUnit.MoneyPerDay => "money-per-day",
        _ => "number",
    };

    /// <summary>Returns a table cell: <c>1,234</c>, <c>27.2%</c>, <c>45,300 USD</c>, <c>41.2 d (median 38)</c> or <c>—</c>.</summary>
    public static string Short(KpiValue value) => value.Value is not { } x
        ? Undefined
        : value.Unit switch
        {
            KpiUnit.Days => $"{Fixed1(x)} d (median {Fixed1(value.Median ?? x)})",
            _ => Formatted(value, x),
        };

    /// <summary>Returns the value column of a one-column table: like <see cref="Short"/>, with days spelled out.</summary>
    public static string Long(KpiValue value) => value.Value is not { } x
        ? Undefined
        : value.Unit == KpiUnit.Days ? $"{Fixed1(x)} days" : Formatted(value, x);

    /// <summary>Returns what is behind a value: numerator and denominator, median and percentiles, the total amount, or why it is undefined.</summary>
    public static string Detail(KpiValue value)
    {
        if (!value.IsDefined)
        {
            return value.UndefinedReason ?? string.Empty;
        }

        var text = value.Unit switch
        {
            KpiUnit.Count when value.Amount is { } amount => "total " + Money(amount.Amount, amount.Currency),
            KpiUnit.Ratio when value.Numerator is { } n && value.Denominator is { } d => $"{Plain(n)} / {Plain(d)}",
            KpiUnit.Money or KpiUnit.MoneyPerDay when value.Numerator is { } n && value.Denominator is { } d =>
                $"{Money(n, value.Currency)} / {Plain(d)}",
            KpiUnit.Days =>
                $"median {Fixed1(value.Median ?? 0)} · p25 {Fixed1(value.Percentile25 ?? 0)} · p75 {Fixed1(value.Percentile75 ?? 0)} · p90 {Fixed1(value.Percentile90 ?? 0)} · n = {value.SampleSize:N0}",
            _ => string.Empty,
        };
        return value.UnpricedCount > 0 ? $"{text} ({value.UnpricedCount} amounts unpriced)".TrimStart() : text;
    }

    /// <summary>Replaces control characters (terminal escape sequences in a CSV cell) so that data cannot drive the terminal.</summary>
    public static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? '\uFFFD' : c);
        }

        return builder.ToString();
    }

    private static string Formatted(KpiValue value, decimal x) => value.Unit switch
    {
        KpiUnit.Count => x.ToString("#,0", Invariant),
        KpiUnit.Ratio => (x * 100m).ToString("0.0", Invariant) + "%",
        KpiUnit.Money => Money(x, value.Currency),
        KpiUnit.MoneyPerDay => Money(x, value.Currency) + "/day",
        _ => Plain(x),
    };

    /// <summary>Returns whole units from 1,000 up or when there are no cents (<c>45,300 USD</c>, <c>0 USD</c>), else cents (<c>196.18 USD</c>).</summary>
    private static string Money(decimal amount, Currency? currency) =>
        amount.ToString(Math.Abs(amount) >= 1000m || amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", Invariant)
        + (currency is { } c ? " " + c.Code : string.Empty);

    private static string Plain(decimal x) => x.ToString("#,0.##", Invariant);

    private static string Fixed1(decimal x) => x.ToString("#,0.0", Invariant);
}
