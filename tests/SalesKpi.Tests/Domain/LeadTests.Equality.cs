using SalesKpi.Reps;
using SalesKpi.Tests.TestUtilities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class LeadTests
{
    [Fact]
    public void Equality_IsComponentWise() =>
        EqualityAssert.EqualAndUnequal(
            CreateLead(owner: new RepId("r01"), qualifiedAt: T1, convertedAt: T2),
            CreateLead(owner: new RepId("r01"), qualifiedAt: T1, convertedAt: T2),
            CreateLead(id: "L-2", owner: new RepId("r01"), qualifiedAt: T1, convertedAt: T2),
            CreateLead(createdAt: BeforeT0, owner: new RepId("r01"), qualifiedAt: T1, convertedAt: T2),
            CreateLead(source: "referral", owner: new RepId("r01"), qualifiedAt: T1, convertedAt: T2),
            CreateLead(source: "Web", owner: new RepId("r01"), qualifiedAt: T1, convertedAt: T2),
            CreateLead(owner: new RepId("r02"), qualifiedAt: T1, convertedAt: T2),
            CreateLead(owner: null, qualifiedAt: T1, convertedAt: T2),
            CreateLead(owner: new RepId("r01"), qualifiedAt: T2, convertedAt: T2),
            CreateLead(owner: new RepId("r01"), qualifiedAt: null, convertedAt: T2),
            CreateLead(owner: new RepId("r01"), qualifiedAt: T1, convertedAt: T3),
            CreateLead(owner: new RepId("r01"), qualifiedAt: T1, convertedAt: null));

    [Theory]
    [MemberData(nameof(CultureScope.Names), MemberType = typeof(CultureScope))]
    public void ToString_AnyCurrentCulture_IsStable(string culture)
    {
        using (new CultureScope(culture))
        {
            Assert.Equal("Lead L-1 (web, created 2025-01-02T09:00:00Z)", CreateLead().ToString());
            Assert.Equal(
                "Lead L-2 (referral, created 2025-01-02T09:00:00Z)",
                CreateLead(id: "L-2", source: "referral", owner: new RepId("r01"), qualifiedAt: T1).ToString());
        }
    }
}
