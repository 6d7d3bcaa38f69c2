using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Opportunities;
using SalesKpi.Tests.TestUtilities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class DealTests
{
    [Fact]
    public void Equality_IsComponentWise()
    {
        var opportunity = new OpportunityId("O-1");
        Deal Renewal(
            string id = "D-1",
            string account = "acme",
            string owner = "r01",
            Instant? closedAt = null,
            Money? value = null,
            DealKind kind = DealKind.Renewal,
            OpportunityId? fromOpportunity = null,
            DateInterval? term = null,
            Money? recurringMonthly = null) =>
            CreateDeal(id, account, owner, closedAt ?? T1, value ?? Usd(1200m), kind, fromOpportunity ?? opportunity, term ?? Year2025, recurringMonthly ?? Usd(100m));

        EqualityAssert.EqualAndUnequal(
            Renewal(),
            Renewal(term: new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31))),
            Renewal(id: "D-2"),
            Renewal(account: "globex"),
            Renewal(owner: "r02"),
            Renewal(closedAt: T2),
            Renewal(value: Usd(1200.01m)),
            Renewal(kind: DealKind.AddOn),
            Renewal(fromOpportunity: new OpportunityId("O-2")),
            CreateDeal("D-1", "acme", "r01", T1, Usd(1200m), DealKind.Renewal, null, Year2025, Usd(100m)),
            Renewal(term: January),
            CreateDeal("D-1", "acme", "r01", T1, Usd(1200m), DealKind.Renewal, opportunity, null, Usd(100m)),
            Renewal(recurringMonthly: Usd(99m)),
            CreateDeal("D-1", "acme", "r01", T1, Usd(1200m), DealKind.Renewal, opportunity, Year2025, null),
            Renewal(value: Eur(1200m), recurringMonthly: Eur(100m)));
    }

    [Theory]
    [InlineData(DealKind.NewBusiness, "Deal D-1 (new-business, 1,000.00 USD, closed 2025-01-02T09:00:00Z)")]
    [InlineData(DealKind.AddOn, "Deal D-1 (add-on, 1,000.00 USD, closed 2025-01-02T09:00:00Z)")]
    [InlineData(DealKind.Renewal, "Deal D-1 (renewal, 1,000.00 USD, closed 2025-01-02T09:00:00Z)")]
    [InlineData(DealKind.WinBack, "Deal D-1 (win-back, 1,000.00 USD, closed 2025-01-02T09:00:00Z)")]
    public void ToString_NamesKindInKebabCase(DealKind kind, string expected) =>
        Assert.Equal(expected, CreateDeal(kind: kind).ToString());

    [Theory]
    [MemberData(nameof(CultureScope.Names), MemberType = typeof(CultureScope))]
    public void ToString_AnyCurrentCulture_IsStable(string culture)
    {
        using (new CultureScope(culture))
        {
            Assert.Equal(
                "Deal D-7 (win-back, 1,234,567.89 EUR, closed 2025-01-09T09:00:00Z)",
                CreateDeal(id: "D-7", closedAt: T3, value: Eur(1234567.89m), kind: DealKind.WinBack, term: Year2025).ToString());
        }
    }
}
