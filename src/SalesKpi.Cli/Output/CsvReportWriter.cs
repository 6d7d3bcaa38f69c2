using System.Globalization;
using SalesKpi.Rendering;

namespace SalesKpi.Cli.Output;

/// <summary>
/// Writes a report in long format, one row per group, period and KPI:
/// <c>group,period,kpi,value,unit,currency,numerator,denominator,sample_size,median,reason</c>.
/// </summary>
/// <remarks>
/// <para>Numbers are invariant-culture decimals. A text cell from the data (a group key such as a rep id or a lead
/// source) that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return and is not a plain number
/// gets a leading <c>'</c> and quotes, so that a spreadsheet does not run it as a formula (CSV injection); the numeric
/// cells (values, numerators, medians) are written by the tool and left as they are, negative ones included.</para>
/// </remarks>
internal static class CsvReportWriter
{
    public const string Header = "group,period,kpi,value,unit,currency,numerator,denominator,sample_size,median,reason";

    /// <summary>Writes the report a row at a time, streaming to <paramref name="writer"/>.</summary>
    public static void Write(ReportOutput output, TextWriter writer, CancellationToken cancellationToken = default)
    {
        var report = output.Report!;
        writer.Write(Header);
        writer.Write('\n');
        var written = 0;
        foreach (var row in report.ReadRows())
        {
            var value = row.Value;
            string[] cells =
            [
                Text(row.Group),
                Text(row.Period.Label),
                Text(row.KpiId),
                Number(value.Value),
                KpiValueText.UnitName(value.Unit),
                value.Currency?.Code ?? string.Empty,
                Number(value.Numerator),
                Number(value.Denominator),
                value.SampleSize?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Number(value.Median),
                Text(value.UndefinedReason ?? string.Empty),
            ];
            writer.Write(string.Join(',', cells));
            writer.Write('\n');
            if (++written % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>
    /// Returns a text cell, neutralised against formula injection and quoted when needed (RFC 4180).
    /// </summary>
    /// <remarks>
    /// Per the OWASP guidance on CSV injection, a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
    /// carriage return gets a leading <c>'</c> and is quoted, so that a spreadsheet shows it as text instead of running
    /// it. A text cell that is a plain number (<c>-5</c>, <c>+1.5</c>) cannot run anything and is left as it is.
    /// </remarks>
    internal static string Text(string value)
    {
        if (value.Length > 0 && (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') && !IsPlainNumber(value))
        {
            return Quoted("'" + value);
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? Quoted(value) : value;
    }

    private static string Quoted(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Returns true for an optional sign, digits and at most one decimal point, such as <c>-12.5</c>.</summary>
    private static bool IsPlainNumber(string value)
    {
        var digits = value.AsSpan(value[0] is '+' or '-' ? 1 : 0);
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        return whole.Length > 0 && !whole.ContainsAnyExceptInRange('0', '9') && !fraction.ContainsAnyExceptInRange('0', '9');
    }

    private static string Number(decimal? value) =>
        value is { } v ? (decimal.Round(v, 10, MidpointRounding.ToEven) / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : string.Empty;
}
