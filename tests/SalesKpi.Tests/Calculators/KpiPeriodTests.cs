using NodaTime;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

/// <summary>Equality, containment and display of <see cref="KpiPeriod"/>, taken from the periods of real reports.</summary>
public class KpiPeriodTests
{
    private static System.Collections.Immutable.ImmutableArray<KpiPeriod> Months(KpiSettings settings) =>
        new KpiEvaluator(settings).Evaluate(SalesData.Empty, new KpiQuery(Dates(2025, 1, 1, 2025, 3, 31), [Kpis.Calls], per: PeriodUnit.Month)).Periods;

    [Fact]
    public void Equals_SamePeriodFromTwoReports_IsEqualWithEqualHashCodes()
    {
        var first = Months(KpiSettings.Default)[1];
        var second = Months(KpiSettings.Default)[1];

        Assert.NotSame(first, second);
        Assert.True(first == second);
        Assert.False(first != second);
        Assert.True(first.Equals(second));
        Assert.True(first.Equals((object)second));
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentMonths_AreNotEqual()
    {
        var months = Months(KpiSettings.Default);

        Assert.False(months[0] == months[1]);
        Assert.True(months[0] != months[1]);
        Assert.False(months[0].Equals(months[1]));
        Assert.False(months[0].Equals((object)months[1]));
    }

    [Fact]
    public void Equals_SameDatesInAnotherTimeZone_AreNotEqualBecauseTheInstantsDiffer()
    {
        // February 2025 in UTC starts at 2025-02-01T00:00Z; in New York (UTC-5 in winter) at 2025-02-01T05:00Z.
        var utc = Months(KpiSettings.Default)[1];
        var newYork = Months(KpiSettings.Default.WithZone("America/New_York"))[1];

        Assert.Equal(utc.Dates, newYork.Dates);
        Assert.Equal(Instant.FromUtc(2025, 2, 1, 5, 0), newYork.Start);
        Assert.True(utc != newYork);
        Assert.False(utc.Equals(newYork));
    }

    [Fact]
    public void Equals_NullAndOtherTypes_AreNotEqualAndTwoNullsAre()
    {
        var period = Months(KpiSettings.Default)[0];
        KpiPeriod? none = null;

        Assert.False(period.Equals(null));
        Assert.False(period.Equals((object?)null));
        Assert.False(period.Equals("2025-01"));
        Assert.False(period == none);
        Assert.True(none != period);
        Assert.True(none == null);
    }

    [Fact]
    public void Contains_BoundaryInstants_IncludesStartAndExcludesEnd()
    {
        var january = Months(KpiSettings.Default)[0];

        Assert.True(january.Contains(Instant.FromUtc(2025, 1, 1, 0, 0)));
        Assert.True(january.Contains(Instant.FromUtc(2025, 1, 31, 23, 59)));
        Assert.False(january.Contains(Instant.FromUtc(2025, 2, 1, 0, 0)));
        Assert.False(january.Contains(Instant.FromUtc(2024, 12, 31, 23, 59)));
    }

    [Fact]
    public void ToString_Month_IsTheLabelFollowedByTheDates()
    {
        var january = Months(KpiSettings.Default)[0];

        Assert.Equal("2025-01 [2025-01-01, 2025-01-31]", january.ToString());
    }
}
