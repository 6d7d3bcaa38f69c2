using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Domain;

public sealed class CurrencyTests
{
    [Fact]
    public void Constructor_NullCode_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("code", () => new Currency(null!));

    [Theory]
    [InlineData("usd")]
    [InlineData("Usd")]
    [InlineData("eur")]
    [InlineData("ABC")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData("U SD")]
    [InlineData(" USD")]
    [InlineData("USD ")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("123")]
    [InlineData("€")]
    [InlineData("DEM")]
    public void Constructor_NotAnIso4217Code_ThrowsArgumentException(string candidate)
    {
        var exception = Assert.Throws<ArgumentException>("code", () => new Currency(candidate));
        Assert.Contains($"'{candidate}'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("GBP")]
    [InlineData("TRY")]
    [InlineData("IDR")]
    [InlineData("RUB")]
    [InlineData("JPY")]
    [InlineData("CHF")]
    [InlineData("XXX")]
    [InlineData("XTS")]
    public void Constructor_Iso4217Code_KeepsCode(string isoCode) =>
        Assert.Equal(isoCode, new Currency(isoCode).Code);

    [Theory]
    [InlineData("USD", true)]
    [InlineData("XXX", true)]
    [InlineData("usd", false)]
    [InlineData("ABC", false)]
    [InlineData("US", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidCode_AgreesWithConstructor(string? candidate, bool expected)
    {
        Assert.Equal(expected, Currency.IsValidCode(candidate));
        if (expected)
        {
            Assert.Equal(candidate, new Currency(candidate!).Code);
        }
    }

    [Fact]
    public void WellKnownCurrencies_HaveTheirIsoCodes()
    {
        Assert.Equal("USD", Currency.USD.Code);
        Assert.Equal("EUR", Currency.EUR.Code);
        Assert.Equal("GBP", Currency.GBP.Code);
        Assert.Equal("TRY", Currency.TRY.Code);
        Assert.Equal("IDR", Currency.IDR.Code);
        Assert.Equal("XXX", Currency.None.Code);
    }

    [Fact]
    public void Default_IsNoCurrency()
    {
        Assert.Equal("XXX", default(Currency).Code);
        EqualityAssert.Equal(default, Currency.None);
        EqualityAssert.Equal(default, new Currency("XXX"));
    }

    [Fact]
    public void Equality_IsOrdinalOnCode() =>
        EqualityAssert.EqualAndUnequal(new Currency("USD"), Currency.USD, Currency.EUR, default, new Currency("XTS"));

    [Fact]
    public void ToString_ReturnsCode()
    {
        Assert.Equal("EUR", Currency.EUR.ToString());
        Assert.Equal("XXX", default(Currency).ToString());
    }
}
