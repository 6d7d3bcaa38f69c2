using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using SalesKpi.Reporting;

namespace SalesKpi.Rendering;

/// <summary>
/// How KPI values are written for a person, in the invariant culture: units shown, numbers rounded, undefined as a dash.
/// The <c>saleskpi</c> tool's tables, Markdown and HTML all write values this way.
/// </summary>
/// <example><c>1,234</c>, <c>27.2%</c>, <c>45,300 USD</c>, <c>196.18 USD</c>, <c>41.2 d (median 38.0)</c>, <c>—</c>.</example>
public static class KpiValueText
{
    /// <summary>The mark of an undefined value in a table: an em dash.</summary>
    public const string Undefined = "—";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Returns the name of a unit as written in JSON and CSV output: count, ratio, money, days, money-per-day, number.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The name; <c>number</c> for a unit it does not know.</returns>
    public static string UnitName(KpiUnit unit) => unit switch
    {
        KpiUnit.Count => "count",
        KpiUnit.Ratio => "ratio",
        KpiUnit.Money => "money",
        KpiUnit.Days => "days",
        KpiUnit.MoneyPerDay => "money-per-day",
        _ => "number",
    };

    /// <summary>Returns a table cell: <c>1,234</c>, <c>27.2%</c>, <c>45,300 USD</c>, <c>41.2 d (median 38.0)</c> or <see cref="Undefined"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Short and long forms of a value, as the saleskpi tool has always named them.")]
    public static string Short(KpiValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Value is not { } x
            ? Undefined
            : value.Unit switch
            {
                KpiUnit.Days => $"{Fixed1(x)} d (median {Fixed1(value.Median ?? x)})",
                _ => Formatted(value.Unit, value.Currency, x),
            };
    }

    /// <summary>Returns the value column of a one-column table: like <see cref="Short"/>, with days spelled out (<c>41.2 days</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Short and long forms of a value, as the saleskpi tool has always named them.")]
    public static string Long(KpiValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Value is not { } x
            ? Undefined
            : value.Unit == KpiUnit.Days ? $"{Fixed1(x)} days" : Formatted(value.Unit, value.Currency, x);
    }

    /// <summary>
    /// Returns a number in the unit and currency of a value, as <see cref="Long"/> writes it: a peer mean or a target
    /// beside the value it is compared with (<c>10,000 USD</c>, <c>25.0%</c>, <c>38.5 days</c>; a count keeps up to two
    /// decimals, <c>1.5</c>, since it is usually a mean).
    /// </summary>
    /// <param name="number">The number, in the value's unit (a ratio as a fraction: 0.25 for 25%).</param>
    /// <param name="like">The value whose unit and currency are used.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="like"/> is null.</exception>
    public static string InUnitOf(decimal number, KpiValue like)
    {
        ArgumentNullException.ThrowIfNull(like);
        // A mean of counts keeps its fraction: 1.5 deals is not 2.
        return like.Unit switch
        {
            KpiUnit.Days => $"{Fixed1(number)} days",
            KpiUnit.Count => Plain(number),
            _ => Formatted(like.Unit, like.Currency, number),
        };
    }

    /// <summary>Returns a ratio as a signed percentage with one decimal (<c>+12.5%</c>, <c>-40.0%</c>, <c>0.0%</c>), or <see cref="Undefined"/>.</summary>
    /// <param name="value">The value; its number is read as a fraction whatever its unit.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string SignedPercent(KpiValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Value is not { } x)
        {
            return Undefined;
        }

        var percent = decimal.Round(x * 100m, 1, MidpointRounding.AwayFromZero);
        return (percent > 0 ? "+" : string.Empty) + percent.ToString("#,0.0", Invariant) + "%";
    }

    /// <summary>Returns what is behind a value: numerator and denominator, median and percentiles, the total amount, or why it is undefined.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text; empty when there is nothing to add.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string Detail(KpiValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
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
                string.Create(Invariant, $"median {Fixed1(value.Median ?? 0)} · p25 {Fixed1(value.Percentile25 ?? 0)} · p75 {Fixed1(value.Percentile75 ?? 0)} · p90 {Fixed1(value.Percentile90 ?? 0)} · n = {value.SampleSize:N0}"),
            _ => string.Empty,
        };
        return value.UnpricedCount > 0 ? string.Create(Invariant, $"{text} ({value.UnpricedCount} amounts unpriced)").TrimStart() : text;
    }

    /// <summary>Replaces control characters (terminal escape sequences in a CSV cell) with U+FFFD so that data cannot drive a terminal.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text, or a copy with its control characters replaced.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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

    private static string Formatted(KpiUnit unit, Currency? currency, decimal x) => unit switch
    {
        KpiUnit.Count => x.ToString("#,0", Invariant),
        KpiUnit.Ratio => (x * 100m).ToString("0.0", Invariant) + "%",
        KpiUnit.Money => Money(x, currency),
        KpiUnit.MoneyPerDay => Money(x, currency) + "/day",
        _ => Plain(x),
    };

    /// <summary>Returns whole units from 1,000 up or when there are no cents (<c>45,300 USD</c>, <c>0 USD</c>), else cents (<c>196.18 USD</c>).</summary>
    private static string Money(decimal amount, Currency? currency) =>
        amount.ToString(Math.Abs(amount) >= 1000m || amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", Invariant)
        + (currency is { } c ? " " + c.Code : string.Empty);

    private static string Plain(decimal x) => x.ToString("#,0.##", Invariant);

    private static string Fixed1(decimal x) => x.ToString("#,0.0", Invariant);
}
