using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Opportunities;
using SalesKpi.Reps;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class DealTests
{
    private static readonly DealId Id = new("D-1");
    private static readonly AccountId Account = new("acme");
    private static readonly RepId Owner = new("r01");

    [Fact]
    public void Constructor_DefaultId_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("id", () => new Deal(default, Account, Owner, T0, Usd(1m)));

    [Fact]
    public void Constructor_DefaultAccount_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("account", () => new Deal(Id, default, Owner, T0, Usd(1m)));

    [Fact]
    public void Constructor_DefaultOwner_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("owner", () => new Deal(Id, Account, default, T0, Usd(1m)));

    [Theory]
    [InlineData("-0.01")]
    [InlineData("-1000")]
    public void Constructor_NegativeValue_ThrowsArgumentOutOfRangeException(string amount) =>
        Assert.Throws<ArgumentOutOfRangeException>("value", () => CreateDeal(value: Usd(Parse(amount))));

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(100)]
    public void Constructor_UndefinedKind_ThrowsArgumentOutOfRangeException(int undefined) =>
        Assert.Throws<ArgumentOutOfRangeException>("kind", () => CreateDeal(kind: (DealKind)undefined));

    [Fact]
    public void Constructor_DefaultOpportunity_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("opportunity", () => CreateDeal(opportunity: default(OpportunityId)));

    [Fact]
    public void Constructor_NegativeRecurringMonthly_ThrowsArgumentOutOfRangeException() =>
        Assert.Throws<ArgumentOutOfRangeException>("recurringMonthly", () => CreateDeal(term: Year2025, recurringMonthly: Usd(-1m)));

    [Fact]
    public void Constructor_RecurringMonthlyInAnotherCurrency_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>("recurringMonthly", () => CreateDeal(value: Usd(1200m), recurringMonthly: Eur(100m)));

        Assert.Contains("EUR", exception.Message, StringComparison.Ordinal);
        Assert.Contains("USD", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ZeroValueAndZeroRecurring_AreAccepted()
    {
        var deal = CreateDeal(value: Usd(0m), recurringMonthly: Usd(0m));

        Assert.Equal(Usd(0m), deal.Value);
        Assert.Equal(Usd(0m), deal.RecurringMonthly);
    }

    [Fact]
    public void Constructor_AllValues_KeepsThem()
    {
        var deal = new Deal(Id, Account, Owner, T1, Eur(12000m), DealKind.Renewal, new OpportunityId("O-1"), Year2025, Eur(1000m));

        Assert.Equal(Id, deal.Id);
        Assert.Equal(Account, deal.Account);
        Assert.Equal(Owner, deal.Owner);
        Assert.Equal(T1, deal.ClosedAt);
        Assert.Equal(Eur(12000m), deal.Value);
        Assert.Equal(DealKind.Renewal, deal.Kind);
        Assert.Equal(new OpportunityId("O-1"), deal.Opportunity);
        Assert.Equal(Year2025, deal.Term);
        Assert.Equal(Eur(1000m), deal.RecurringMonthly);
    }

    [Fact]
    public void Constructor_OptionalValuesOmitted_AreNewBusinessAndNull()
    {
        var deal = new Deal(Id, Account, Owner, T0, Usd(1m));

        Assert.Equal(DealKind.NewBusiness, deal.Kind);
        Assert.Null(deal.Opportunity);
        Assert.Null(deal.Term);
        Assert.Null(deal.RecurringMonthly);
    }

    [Fact]
    public void Constructor_RecurringWithoutTerm_IsAccepted() =>
        Assert.Equal(Usd(10m), CreateDeal(recurringMonthly: Usd(10m)).RecurringMonthly);

    [Fact]
    public void Constructor_SingleDayTerm_IsAccepted()
    {
        var day = new DateInterval(new LocalDate(2025, 1, 2), new LocalDate(2025, 1, 2));

        Assert.Equal(day, CreateDeal(term: day).Term);
    }

    private static decimal Parse(string amount) => decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
}
