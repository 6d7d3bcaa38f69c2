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

    // The active alphabetic codes of ISO 4217 (list one, as published by the maintenance agency in 2025) and the
    // X codes for precious metals, bond-market units, testing and "no currency" — the standard this type promises.
    private static readonly string[] Iso4217Codes =
    [
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN",
        "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
        "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK",
        "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP",
        "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF",
        "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY",
        "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
        "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN",
        "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR",
        "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN",
        "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
        "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST",
        "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XTS",
        "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
    ];

    [Fact]
    public void IsValidCode_EveryThreeLetterString_AcceptedExactlyWhenOnTheIso4217List()
    {
        // All 26^3 = 17,576 upper-case three-letter strings: the ISO list is accepted, every other one refused.
        var expected = new HashSet<string>(Iso4217Codes, StringComparer.Ordinal);
        Assert.Equal(Iso4217Codes.Length, expected.Count);
        var wrong = new List<string>();
        for (var a = 'A'; a <= 'Z'; a++)
        {
            for (var b = 'A'; b <= 'Z'; b++)
            {
                for (var c = 'A'; c <= 'Z'; c++)
                {
                    var code = new string([a, b, c]);
                    if (Currency.IsValidCode(code) != expected.Contains(code))
                    {
                        wrong.Add(code);
                    }
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Constructor_EveryIso4217Code_KeepsCodeAndEqualsItself()
    {
        foreach (var code in Iso4217Codes)
        {
            var currency = new Currency(code);
            Assert.Equal(code, currency.Code);
            Assert.Equal(new Currency(code), currency);
        }
    }

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
