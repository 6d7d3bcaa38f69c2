using System.Globalization;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Domain;

public sealed partial class MoneyTests
{
    [Theory]
    [InlineData("1250", "EUR", "1,250.00 EUR")]
    [InlineData("0", "USD", "0.00 USD")]
    [InlineData("1", "USD", "1.00 USD")]
    [InlineData("1.5", "USD", "1.50 USD")]
    [InlineData("1.000", "USD", "1.00 USD")]
    [InlineData("0.125", "EUR", "0.125 EUR")]
    [InlineData("-1250.5", "TRY", "-1,250.50 TRY")]
    [InlineData("1234567.891", "IDR", "1,234,567.891 IDR")]
    [InlineData("999.999", "GBP", "999.999 GBP")]
    [InlineData("0.0000000000000000000000000001", "USD", "0.0000000000000000000000000001 USD")]
    [InlineData("79228162514264337593543950335", "USD", "79,228,162,514,264,337,593,543,950,335.00 USD")]
    public void ToString_FormatsWithGroupingAtLeastTwoDecimalsAndCode(string amount, string code, string expected) =>
        Assert.Equal(expected, new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), new Currency(code)).ToString());

    [Theory]
    [MemberData(nameof(CultureScope.Names), MemberType = typeof(CultureScope))]
    public void ToString_AnyCurrentCulture_UsesInvariantCulture(string culture)
    {
        using (new CultureScope(culture))
        {
            Assert.Equal("1,250.00 EUR", new Money(1250m, Currency.EUR).ToString());
            Assert.Equal("-1,234,567.891 TRY", new Money(-1234567.891m, Currency.TRY).ToString());
        }
    }
}
