using SalesKpi.BuiltIn;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

public class QuarterlyAmountTests
{
    [Fact]
    public void Constructor_AcceptsCalendarAndFiscalQuarters()
    {
        Assert.Equal(Dates(Date(2025, 4, 1), Date(2025, 6, 30)), QuarterlyAmount.ForQuarter(2025, 2, Usd(1m)).Quarter);
        // A fiscal quarter from February: 1 Feb to 30 April.
        var fiscal = new QuarterlyAmount(Dates(Date(2025, 2, 1), Date(2025, 4, 30)), Usd(1m));
        Assert.Equal(Usd(1m), fiscal.Amount);
        // November to January crosses a year.
        Assert.True(QuarterlyAmount.IsQuarter(Dates(Date(2024, 11, 1), Date(2025, 1, 31))));
    }

    [Fact]
    public void Constructor_MonthlyFigure_IsRefused()
    {
        var april = Dates(Date(2025, 4, 1), Date(2025, 4, 30));
        var error = Assert.Throws<ArgumentException>("quarter", () => new QuarterlyAmount(april, Usd(125_000m)));
        Assert.StartsWith("[2025-04-01, 2025-04-30] is 1 whole month, not a quarter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OtherIntervals_AreRefused()
    {
        // 90 days from mid-month, four months, and a quarter's dates less its last day.
        Assert.Throws<ArgumentException>("quarter", () => new QuarterlyAmount(Dates(Date(2025, 1, 15), Date(2025, 4, 14)), Usd(1m)));
        Assert.Throws<ArgumentException>("quarter", () => new QuarterlyAmount(Dates(Date(2025, 1, 1), Date(2025, 4, 30)), Usd(1m)));
        Assert.Throws<ArgumentException>("quarter", () => new QuarterlyAmount(Dates(Date(2025, 1, 1), Date(2025, 3, 30)), Usd(1m)));
        Assert.Throws<ArgumentNullException>("quarter", () => new QuarterlyAmount(null!, Usd(1m)));
        Assert.Throws<ArgumentOutOfRangeException>("amount", () => QuarterlyAmount.ForQuarter(2025, 1, Usd(-1m)));
        Assert.Throws<ArgumentOutOfRangeException>("quarter", () => QuarterlyAmount.ForQuarter(2025, 5, Usd(1m)));
    }

    [Fact]
    public void Equality_AndToString()
    {
        var a = QuarterlyAmount.ForQuarter(2025, 1, Usd(300_000m));
        var b = new QuarterlyAmount(Dates(Date(2025, 1, 1), Date(2025, 3, 31)), Usd(300_000m));
        Assert.True(a == b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != QuarterlyAmount.ForQuarter(2025, 1, Usd(1m)));
        Assert.Equal("[2025-01-01, 2025-03-31]: 300,000.00 USD", a.ToString());
    }
}
