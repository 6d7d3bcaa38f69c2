using System.Globalization;
using SalesKpi.Tests.TestUtilities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class MoneyTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1250.5")]
    [InlineData("-3")]
    public void Constructor_AnyAmount_KeepsAmountAndCurrency(string text)
    {
        var amount = decimal.Parse(text, CultureInfo.InvariantCulture);

        var money = new Money(amount, Currency.EUR);

        Assert.Equal(amount, money.Amount);
        Assert.Equal(Currency.EUR, money.Currency);
    }

    [Fact]
    public void Default_IsZeroInNoCurrency()
    {
        var money = default(Money);

        Assert.Equal(0m, money.Amount);
        Assert.Equal(Currency.None, money.Currency);
        Assert.Equal("XXX", money.Currency.Code);
        Assert.Equal("0.00 XXX", money.ToString());
        EqualityAssert.Equal(default, Money.Zero(Currency.None));
    }

    [Fact]
    public void Zero_ReturnsZeroInCurrency()
    {
        var zero = Money.Zero(Currency.TRY);

        Assert.Equal(0m, zero.Amount);
        Assert.Equal(Currency.TRY, zero.Currency);
    }

    [Fact]
    public void WithAmount_KeepsCurrency()
    {
        var money = Eur(10m).WithAmount(-2.5m);

        Assert.Equal(Eur(-2.5m), money);
    }

    [Fact]
    public void Equality_IsComponentWise() =>
        EqualityAssert.EqualAndUnequal(
            Usd(100m),
            new Money(100.00m, Currency.USD),
            Eur(100m),
            Usd(101m),
            Usd(-100m),
            Usd(100.001m),
            new Money(100m, Currency.None));

    [Fact]
    public void Equality_ZeroAndNegativeZero_AreEqual() =>
        EqualityAssert.Equal(Usd(0m), Usd(decimal.Negate(0m)));

    [Fact]
    public void Equality_ZeroInDifferentCurrencies_AreNotEqual() =>
        EqualityAssert.NotEqual(Money.Zero(Currency.USD), default);
}
