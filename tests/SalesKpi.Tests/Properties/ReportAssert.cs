using SalesKpi.Reporting;

namespace SalesKpi.Tests.Properties;

/// <summary>Compares whole reports value for value.</summary>
internal static class ReportAssert
{
    /// <summary>Asserts that two reports have the same groups, periods and rows, each value equal to the last field
    /// (<see cref="KpiValue"/> equality: value, unit, reason, numerator, denominator, amount, sample and percentiles).</summary>
    public static void Same(KpiReport expected, KpiReport actual)
    {
        Assert.Equal<string>(expected.Groups, actual.Groups);
        Assert.Equal<KpiPeriod>(expected.Periods, actual.Periods);
        Assert.Equal(expected.Rows.Length, actual.Rows.Length);
        for (var i = 0; i < expected.Rows.Length; i++)
        {
            var e = expected.Rows[i];
            var a = actual.Rows[i];
            if (e.Group != a.Group || e.Period != a.Period || e.KpiId != a.KpiId || e.Value != a.Value)
            {
                Assert.Fail($"Row {i} differs.\nExpected: {e}\nActual:   {a}");
            }
        }
    }
}
