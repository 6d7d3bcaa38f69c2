using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class DealTests
{
    [Fact]
    public void WithValue_ReturnsCopyAndLeavesOriginal()
    {
        var original = CreateDeal(term: Year2025, recurringMonthly: Usd(100m));

        var changed = original.WithValue(Usd(2400m));

        Assert.Equal(CreateDeal(value: Usd(2400m), term: Year2025, recurringMonthly: Usd(100m)), changed);
        Assert.Equal(Usd(1000m), original.Value);
    }

    [Fact]
    public void WithValue_Negative_ThrowsArgumentOutOfRangeException() =>
        Assert.Throws<ArgumentOutOfRangeException>("value", () => CreateDeal().WithValue(Usd(-1m)));

    [Fact]
    public void WithValue_OtherCurrencyWithoutRecurring_IsAccepted() =>
        Assert.Equal(Eur(5m), CreateDeal().WithValue(Eur(5m)).Value);

    [Fact]
    public void WithValue_OtherCurrencyThanRecurring_ThrowsArgumentExceptionNamingValue()
    {
        // Regression: the exception used to name the constructor's "recurringMonthly", which WithValue does not have.
        var deal = CreateDeal(recurringMonthly: Usd(100m));

        Assert.Throws<ArgumentException>("value", () => deal.WithValue(Eur(1000m)));
    }

    [Fact]
    public void WithTerm_ReturnsCopyAndLeavesOriginal()
    {
        var original = CreateDeal();

        var changed = original.WithTerm(January, Usd(50m));

        Assert.Equal(CreateDeal(term: January, recurringMonthly: Usd(50m)), changed);
        Assert.Null(original.Term);
        Assert.Null(original.RecurringMonthly);
    }

    [Fact]
    public void WithTerm_Nulls_ClearTermAndRecurring()
    {
        var cleared = CreateDeal(term: January, recurringMonthly: Usd(50m)).WithTerm(null, null);

        Assert.Equal(CreateDeal(), cleared);
    }

    [Fact]
    public void WithTerm_NegativeRecurring_ThrowsArgumentOutOfRangeException() =>
        Assert.Throws<ArgumentOutOfRangeException>("recurringMonthly", () => CreateDeal().WithTerm(January, Usd(-50m)));

    [Fact]
    public void WithTerm_RecurringInAnotherCurrency_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("recurringMonthly", () => CreateDeal().WithTerm(January, Eur(50m)));
}
