using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class MoneyTests
{
    [Fact]
    public void Addition_SameCurrency_AddsAmounts() =>
        Assert.Equal(Eur(1250.75m), Eur(1000m) + Eur(250.75m));

    [Fact]
    public void Add_SameCurrency_AddsAmounts() =>
        Assert.Equal(Eur(1250.75m), Eur(1000m).Add(Eur(250.75m)));

    [Fact]
    public void Subtraction_SameCurrency_SubtractsAmounts() =>
        Assert.Equal(Usd(-50m), Usd(100m) - Usd(150m));

    [Fact]
    public void UnaryNegation_NegatesAmountAndKeepsCurrency()
    {
        Assert.Equal(Eur(-12.5m), -Eur(12.5m));
        Assert.Equal(Eur(12.5m), -(-Eur(12.5m)));
    }

    [Fact]
    public void Multiplication_ByFactor_MultipliesAmountInBothOrders()
    {
        Assert.Equal(Usd(250m), Usd(100m) * 2.5m);
        Assert.Equal(Usd(250m), 2.5m * Usd(100m));
        Assert.Equal(Usd(-100m), Usd(100m) * -1m);
    }

    [Fact]
    public void Division_ByDivisor_DividesAmount() =>
        Assert.Equal(Usd(33.25m), Usd(133m) / 4m);

    [Fact]
    public void Division_ByZero_ThrowsDivideByZeroException() =>
        Assert.Throws<DivideByZeroException>(() => Usd(1m) / 0m);

    [Fact]
    public void Addition_Overflow_ThrowsOverflowException() =>
        Assert.Throws<OverflowException>(() => Usd(decimal.MaxValue) + Usd(1m));

    [Fact]
    public void Multiplication_Overflow_ThrowsOverflowException() =>
        Assert.Throws<OverflowException>(() => Usd(decimal.MaxValue) * 2m);

    [Theory]
    [InlineData("+")]
    [InlineData("Add")]
    [InlineData("-")]
    [InlineData("CompareTo")]
    [InlineData("<")]
    [InlineData(">")]
    [InlineData("<=")]
    [InlineData(">=")]
    public void Operation_DifferentCurrencies_ThrowsInvalidOperationExceptionNamingBoth(string operation)
    {
        var dollars = Usd(100m);
        var euros = Eur(100m);

        var exception = Assert.Throws<InvalidOperationException>(() => Apply(operation, dollars, euros));

        Assert.Contains("USD", exception.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+", "Cannot add amounts in different currencies (USD and EUR)")]
    [InlineData("Add", "Cannot add amounts in different currencies (USD and EUR)")]
    [InlineData("-", "Cannot subtract amounts in different currencies (USD and EUR)")]
    [InlineData("CompareTo", "Cannot compare amounts in different currencies (USD and EUR)")]
    [InlineData("<", "Cannot compare amounts in different currencies (USD and EUR)")]
    [InlineData(">=", "Cannot compare amounts in different currencies (USD and EUR)")]
    public void Operation_DifferentCurrencies_MessageNamesTheOperationAndTheFix(string operation, string start)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Apply(operation, Usd(100m), Eur(100m)));

        Assert.StartsWith(start, exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("convert them with an IExchangeRateProvider first.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Addition_DefaultAndRealCurrency_ThrowsInvalidOperationExceptionNamingBoth()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => default(Money) + Usd(1m));

        Assert.Contains("XXX", exception.Message, StringComparison.Ordinal);
        Assert.Contains("USD", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Addition_ZeroOfAnotherCurrency_StillThrows() =>
        Assert.Throws<InvalidOperationException>(() => Usd(5m) + Money.Zero(Currency.EUR));

    private static object Apply(string operation, Money left, Money right) => operation switch
    {
        "+" => left + right,
        "Add" => left.Add(right),
        "-" => left - right,
        "CompareTo" => left.CompareTo(right),
        "<" => left < right,
        ">" => left > right,
        "<=" => left <= right,
        ">=" => left >= right,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation."),
    };
}
