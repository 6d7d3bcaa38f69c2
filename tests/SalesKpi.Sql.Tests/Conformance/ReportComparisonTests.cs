using NodaTime;
using SalesKpi.Reporting;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>The comparison the conformance suite rests on tells equal reports from different ones.</summary>
public sealed class ReportComparisonTests
{
    private static readonly KpiQuery Query = new(
        new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31)), [Kpis.DealsWon, Kpis.Revenue, Kpis.AverageDealSize], KpiGrouping.ByRep, PeriodUnit.Month);

    [Theory]
    [InlineData("45000", "45000.00", true)] // The same number, written with other digits (DuckDB's 45000 for 45000.00).
    [InlineData("0.3333333333333333333333333333", "0.3333333333333", true)] // 3.3e-14 apart: within 1e-12 relative.
    [InlineData("1", "1.000000000002", false)] // 2e-12 apart.
    [InlineData("0", "0.0000000000001", false)] // Nothing is within a relative tolerance of zero but zero.
    public void Close_Decimals_WithinARelativeTolerance(string expected, string actual, bool close)
    {
        var (x, y) = (decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(actual, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(close, ReportComparison.Close(x, y));
        Assert.Equal(close, ReportComparison.Close(y, x));
    }

    [Fact]
    public void Close_OneAbsent_IsNotClose()
    {
        Assert.True(ReportComparison.Close(null, null));
        Assert.False(ReportComparison.Close(null, 0m));
        Assert.False(ReportComparison.Close(0m, null));
    }

    [Fact]
    public void Differences_SameReport_None()
    {
        var evaluator = new KpiEvaluator();

        Assert.Empty(ReportComparison.Differences(evaluator.Evaluate(SqlTestDatabase.Sample, Query), evaluator.Evaluate(SqlTestDatabase.Sample, Query)));
    }

    [Fact]
    public void Differences_OneDealLess_NamesItsRepMonthAndEveryValueItChanges()
    {
        var sample = SqlTestDatabase.Sample;
        var deal = sample.Deals.First(d => d.ClosedAt >= Instant.FromUtc(2025, 2, 1, 0, 0) && d.ClosedAt < Instant.FromUtc(2025, 3, 1, 0, 0));
        var fewer = SalesData.Create(sample.Leads, sample.Opportunities, sample.Deals.Where(d => d != deal), sample.Activities, sample.Spend, sample.Roster);
        var evaluator = new KpiEvaluator();

        var differences = ReportComparison.Differences(evaluator.Evaluate(sample, Query), evaluator.Evaluate(fewer, Query));

        var prefix = $"{deal.Owner.Value} | 2025-02 | ";
        Assert.All(differences, d => Assert.StartsWith(prefix, d, StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith(prefix + "deals-won: value: ", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith(prefix + "deals-won: amount: ", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith(prefix + "revenue: value: ", StringComparison.Ordinal));
    }
}
