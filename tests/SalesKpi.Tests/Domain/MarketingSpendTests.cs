using NodaTime;
using SalesKpi.Marketing;
using SalesKpi.Tests.TestUtilities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed class MarketingSpendTests
{
    [Fact]
    public void Constructor_NullChannel_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("channel", () => new MarketingSpend(null!, January, Usd(1m)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankChannel_ThrowsArgumentException(string blank) =>
        Assert.Throws<ArgumentException>("channel", () => new MarketingSpend(blank, January, Usd(1m)));

    [Fact]
    public void Constructor_NullPeriod_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("period", () => new MarketingSpend("web", null!, Usd(1m)));

    [Theory]
    [InlineData("-0.01")]
    [InlineData("-500")]
    public void Constructor_NegativeAmount_ThrowsArgumentOutOfRangeException(string negative)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            "amount",
            () => new MarketingSpend("web", January, Usd(decimal.Parse(negative, System.Globalization.CultureInfo.InvariantCulture))));

        Assert.StartsWith("Marketing spend must not be negative.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ZeroAmount_IsAccepted() =>
        Assert.Equal(Eur(0m), CreateSpend(amount: Eur(0m)).Amount);

    [Fact]
    public void Constructor_KeepsValues()
    {
        var spend = new MarketingSpend("paid-search", Year2025, Eur(12000m));

        Assert.Equal("paid-search", spend.Channel);
        Assert.Equal(Year2025, spend.Period);
        Assert.Equal(Eur(12000m), spend.Amount);
    }

    [Fact]
    public void Equality_IsComponentWise() =>
        EqualityAssert.EqualAndUnequal(
            CreateSpend(),
            new MarketingSpend("web", new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31)), Usd(1000.00m)),
            CreateSpend(channel: "referral"),
            CreateSpend(channel: "Web"),
            CreateSpend(period: new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 30))),
            CreateSpend(period: new DateInterval(new LocalDate(2025, 1, 2), new LocalDate(2025, 1, 31))),
            CreateSpend(amount: Usd(999m)),
            CreateSpend(amount: Eur(1000m)));

    [Theory]
    [MemberData(nameof(CultureScope.Names), MemberType = typeof(CultureScope))]
    public void ToString_AnyCurrentCulture_IsStable(string culture)
    {
        using (new CultureScope(culture))
        {
            Assert.Equal("web [2025-01-01, 2025-01-31]: 1,000.00 USD", CreateSpend().ToString());
            Assert.Equal("paid-search [2025-01-01, 2025-12-31]: 12,000.50 EUR", new MarketingSpend("paid-search", Year2025, Eur(12000.5m)).ToString());
        }
    }
}
