using FsCheck.Xunit;

namespace SalesKpi.Tests.Properties;

/// <summary>
/// Money addition within one currency is associative and commutative — exactly, in decimal — and adding two currencies
/// is refused. Amounts have 0 to 4 decimal places and fewer than 2^31 units of the last place, so no sum can round or
/// overflow.
/// </summary>
public sealed class MoneyProperties
{
    private static readonly Currency[] Currencies = [Currency.USD, Currency.EUR, Currency.GBP, Currency.TRY, Currency.IDR];

    [Property(MaxTest = 200)]
    public void Add_ThreeAmountsInOneCurrency_IsAssociative(int a, int b, int c, byte scale, byte currency)
    {
        var code = Currencies[currency % Currencies.Length];
        Money x = Amount(a, scale, code), y = Amount(b, scale + 1, code), z = Amount(c, scale + 2, code);

        var left = (x + y) + z;
        var right = x + (y + z);

        Assert.Equal(left, right);
        Assert.Equal(code, left.Currency);
        Assert.Equal(x.Amount + y.Amount + z.Amount, left.Amount);
    }

    [Property(MaxTest = 200)]
    public void Add_TwoAmountsInOneCurrency_IsCommutative(int a, int b, byte scale, byte currency)
    {
        var code = Currencies[currency % Currencies.Length];
        Money x = Amount(a, scale, code), y = Amount(b, scale + 3, code);

        Assert.Equal(x + y, y + x);
        Assert.Equal(x.Add(y), y.Add(x));
    }

    [Property(MaxTest = 200)]
    public void Add_ZeroOfTheSameCurrency_IsTheIdentity(int a, byte scale, byte currency)
    {
        var code = Currencies[currency % Currencies.Length];
        var x = Amount(a, scale, code);

        Assert.Equal(x, x + Money.Zero(code));
        Assert.Equal(x, Money.Zero(code) + x);
    }

    [Property(MaxTest = 200)]
    public void Add_DifferentCurrencies_ThrowsNamingBoth(int a, int b, byte first, byte offset)
    {
        var left = Currencies[first % Currencies.Length];
        var right = Currencies[(first + 1 + (offset % (Currencies.Length - 1))) % Currencies.Length];

        var error = Assert.Throws<InvalidOperationException>(() => Amount(a, 2, left) + Amount(b, 2, right));

        Assert.Contains(left.Code, error.Message, StringComparison.Ordinal);
        Assert.Contains(right.Code, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Returns units / 10^(scale mod 5): the division is exact in decimal.</summary>
    private static Money Amount(int units, int scale, Currency currency)
    {
        var divisor = 1m;
        for (var i = 0; i < scale % 5; i++)
        {
            divisor *= 10m;
        }

        return new Money(units / divisor, currency);
    }
}
