using System.Globalization;
using System.Text;
using SalesKpi.Reporting;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>
/// Compares two reports value by value: the same rows (group, period, KPI) in the same order; counts, sums, amounts,
/// numerators, denominators, sample sizes, currencies, unpriced counts and undefined reasons exactly (decimals by value:
/// DuckDB gives 45000 for 45000.00); ratios, means, medians and percentiles within a relative 1e-12.
/// </summary>
public static class ReportComparison
{
    private const decimal Tolerance = 1e-12m;
    private const int Shown = 25;

    /// <summary>Returns every difference, described for a failure message; empty when the reports agree.</summary>
    public static List<string> Differences(KpiReport expected, KpiReport actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        if (!expected.Groups.SequenceEqual(actual.Groups))
        {
            differences.Add($"groups: expected [{string.Join(", ", expected.Groups)}], got [{string.Join(", ", actual.Groups)}]");
        }

        if (!expected.Periods.SequenceEqual(actual.Periods))
        {
            differences.Add($"periods: expected [{string.Join(", ", expected.Periods)}], got [{string.Join(", ", actual.Periods)}]");
        }

        var e = expected.Rows;
        var a = actual.Rows;
        if (e.Length != a.Length)
        {
            differences.Add($"rows: expected {e.Length}, got {a.Length}");
        }

        for (var i = 0; i < Math.Min(e.Length, a.Length); i++)
        {
            var (x, y) = (e[i], a[i]);
            if (x.Group != y.Group || x.Period != y.Period || x.KpiId != y.KpiId)
            {
                differences.Add($"row {i}: expected {x.Group} | {x.Period.Label} | {x.KpiId}, got {y.Group} | {y.Period.Label} | {y.KpiId}");
                break; // Every later row is shifted: one difference says it.
            }

            Compare(differences, $"{x.Group} | {x.Period.Label} | {x.KpiId}", x.Value, y.Value);
        }

        return differences;
    }

    /// <summary>Fails with the first differences and their number when there are any.</summary>
    public static void AssertSame(KpiReport expected, KpiReport actual, string what)
    {
        var differences = Differences(expected, actual);
        if (differences.Count > 0)
        {
            var message = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{what}: {differences.Count} difference(s) from the in-memory report ({expected.Rows.Length} rows)")
                .AppendLine();
            foreach (var difference in differences.Take(Shown))
            {
                message.Append("  ").AppendLine(difference);
            }

            Assert.Fail(message.ToString());
        }
    }

    private static void Compare(List<string> differences, string row, KpiValue e, KpiValue a)
    {
        void Differ(string field, object? expected, object? actual) =>
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{row}: {field}: expected {Show(expected)}, got {Show(actual)} (expected {e}, got {a})"));

        if (e.Unit != a.Unit)
        {
            Differ("unit", e.Unit, a.Unit);
        }

        if (e.UndefinedReason != a.UndefinedReason)
        {
            Differ("undefined reason", e.UndefinedReason, a.UndefinedReason);
        }

        // Counts and sums of money are exact; a ratio, a mean, a rate per day or a number divides, so it is close.
        var exactValue = e.Unit is KpiUnit.Count or KpiUnit.Money;
        if (exactValue ? e.Value != a.Value : !Close(e.Value, a.Value))
        {
            Differ("value", e.Value, a.Value);
        }

        if (e.Numerator != a.Numerator)
        {
            Differ("numerator", e.Numerator, a.Numerator);
        }

        if (e.Denominator != a.Denominator)
        {
            Differ("denominator", e.Denominator, a.Denominator);
        }

        if (e.Currency != a.Currency)
        {
            Differ("currency", e.Currency, a.Currency);
        }

        if (e.Amount?.Currency != a.Amount?.Currency || e.Amount?.Amount != a.Amount?.Amount)
        {
            Differ("amount", e.Amount, a.Amount);
        }

        if (e.SampleSize != a.SampleSize)
        {
            Differ("sample size", e.SampleSize, a.SampleSize);
        }

        if (e.UnpricedCount != a.UnpricedCount)
        {
            Differ("unpriced count", e.UnpricedCount, a.UnpricedCount);
        }

        foreach (var (field, x, y) in new[] { ("median", e.Median, a.Median), ("p25", e.Percentile25, a.Percentile25), ("p75", e.Percentile75, a.Percentile75), ("p90", e.Percentile90, a.Percentile90) })
        {
            if (!Close(x, y))
            {
                Differ(field, x, y);
            }
        }
    }

    /// <summary>Returns true when both are absent, or both present and within a relative <see cref="Tolerance"/> of each other.</summary>
    public static bool Close(decimal? expected, decimal? actual) =>
        expected is not { } x || actual is not { } y
            ? expected is null && actual is null
            : x == y || Math.Abs(x - y) <= Tolerance * Math.Max(Math.Abs(x), Math.Abs(y));

    private static string Show(object? value) => value switch
    {
        null => "null",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        string s => $"'{s}'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };
}
