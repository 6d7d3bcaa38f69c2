using System.Globalization;

namespace SalesKpi.Cli.Output;

/// <summary>
/// Writes a report in long format, one row per group, period and KPI:
/// <c>group,period,kpi,value,unit,currency,numerator,denominator,sample_size,median,reason</c>.
/// </summary>
/// <remarks>
/// <para>Numbers are invariant-culture decimals. A text cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab
/// or a carriage return gets a leading <c>'</c>, so that a spreadsheet does not run it as a formula (CSV injection);
/// the numeric cells are written by the tool and left as they are.</para>
/// </remarks>
internal static class CsvReportWriter
{
    public const string Header = "group,period,kpi,value,unit,currency,numerator,denominator,sample_size,median,reason";

    public static void Write(ReportOutput output, TextWriter writer)
    {
        var report = output.Report;
        writer.Write(Header);
        writer.Write('\n');
        foreach (var row in report.Rows)
        {
            var value = row.Value;
            string[] cells =
            [
                Text(row.Group),
                Text(row.Period.Label),
                Text(row.KpiId),
                Number(value.Value),
                ValueText.UnitName(value.Unit),
                value.Currency?.Code ?? string.Empty,
                Number(value.Numerator),
                Number(value.Denominator),
                value.SampleSize?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Number(value.Median),
                Text(value.UndefinedReason ?? string.Empty),
            ];
            writer.Write(string.Join(',', cells));
            writer.Write('\n');
        }
    }

    /// <summary>Returns a text cell, neutralised against formula injection and quoted when needed (RFC 4180).</summary>
    internal static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Number(decimal? value) =>
        value is { } v ? (decimal.Round(v, 10, MidpointRounding.ToEven) / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : string.Empty;
}
