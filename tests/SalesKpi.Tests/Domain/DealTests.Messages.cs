using SalesKpi.Deals;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

/// <summary>Bad input is refused with a message that says what is wrong (surviving mutants blanked these messages).</summary>
public sealed partial class DealTests
{
    [Fact]
    public void Constructor_NegativeValue_MessageSaysTheValueMustNotBeNegative()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("value", () => new Deal(Id, Account, Owner, T0, Usd(-1m)));

        Assert.StartsWith("A deal's value must not be negative.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownKind_MessageSaysTheKindIsUnknown()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("kind", () => new Deal(Id, Account, Owner, T0, Usd(1m), (DealKind)42));

        Assert.StartsWith("Unknown deal kind.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativeRecurringAmount_MessageSaysItMustNotBeNegative()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("recurringMonthly", () => new Deal(Id, Account, Owner, T0, Usd(1m), recurringMonthly: Usd(-1m)));

        Assert.StartsWith("The recurring monthly amount must not be negative.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithValue_CurrencyOtherThanTheRecurringAmount_MessageNamesBothCurrencies()
    {
        var deal = new Deal(Id, Account, Owner, T0, Usd(1_200m), recurringMonthly: Usd(100m));

        var e = Assert.Throws<ArgumentException>("value", () => deal.WithValue(new Money(1_000m, Currency.EUR)));

        Assert.StartsWith("The value is in EUR but the deal's recurring monthly amount is in USD.", e.Message, StringComparison.Ordinal);
    }
}
