using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class MoneyTests
{
    [Fact]
    public void CompareTo_SameCurrency_OrdersByAmount()
    {
        Assert.True(Usd(1m).CompareTo(Usd(2m)) < 0);
        Assert.True(Usd(2m).CompareTo(Usd(1m)) > 0);
        Assert.Equal(0, Usd(1.0m).CompareTo(Usd(1.00m)));
        Assert.True(Usd(-5m).CompareTo(Usd(0m)) < 0);
    }

    [Fact]
    public void ComparisonOperators_SameCurrency_OrderByAmount()
    {
        Money small = Usd(1m), large = Usd(2m), sameAsSmall = Usd(1.00m);

        Assert.True(small < large);
        Assert.False(large < small);
        Assert.False(small < sameAsSmall);
        Assert.True(large > small);
        Assert.False(small > large);
        Assert.False(small > sameAsSmall);
        Assert.True(small <= sameAsSmall);
        Assert.True(small <= large);
        Assert.False(large <= small);
        Assert.True(small >= sameAsSmall);
        Assert.True(large >= small);
        Assert.False(small >= large);
    }

    [Fact]
    public void Sort_SameCurrency_OrdersByAmount()
    {
        var amounts = new List<Money> { Eur(3m), Eur(-1m), Eur(2.5m), Eur(0m) };

        amounts.Sort();

        Assert.Equal([Eur(-1m), Eur(0m), Eur(2.5m), Eur(3m)], amounts);
    }
}
