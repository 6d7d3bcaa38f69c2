using SalesKpi.Reps;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class LeadTests
{
    [Fact]
    public void WithQualifiedAt_ValidInstant_ReturnsCopyAndLeavesOriginal()
    {
        var original = CreateLead(owner: new RepId("r01"), convertedAt: T2);

        var qualified = original.WithQualifiedAt(T1);

        Assert.Equal(CreateLead(owner: new RepId("r01"), qualifiedAt: T1, convertedAt: T2), qualified);
        Assert.Null(original.QualifiedAt);
    }

    [Fact]
    public void WithQualifiedAt_Null_ClearsQualification() =>
        Assert.Null(CreateLead(qualifiedAt: T1).WithQualifiedAt(null).QualifiedAt);

    [Fact]
    public void WithQualifiedAt_BeforeCreated_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("qualifiedAt", () => CreateLead().WithQualifiedAt(BeforeT0));

    [Fact]
    public void WithConvertedAt_ValidInstant_ReturnsCopyAndLeavesOriginal()
    {
        var original = CreateLead(qualifiedAt: T1);

        var converted = original.WithConvertedAt(T2);

        Assert.Equal(CreateLead(qualifiedAt: T1, convertedAt: T2), converted);
        Assert.Null(original.ConvertedAt);
    }

    [Fact]
    public void WithConvertedAt_Null_ClearsConversion() =>
        Assert.Null(CreateLead(convertedAt: T1).WithConvertedAt(null).ConvertedAt);

    [Fact]
    public void WithConvertedAt_BeforeCreated_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("convertedAt", () => CreateLead().WithConvertedAt(BeforeT0));

    [Fact]
    public void WithOwner_ValidOwner_ReturnsCopyAndLeavesOriginal()
    {
        var original = CreateLead(owner: new RepId("r01"), qualifiedAt: T1);

        var reassigned = original.WithOwner(new RepId("r02"));

        Assert.Equal(CreateLead(owner: new RepId("r02"), qualifiedAt: T1), reassigned);
        Assert.Equal(new RepId("r01"), original.Owner);
    }

    [Fact]
    public void WithOwner_Null_Unassigns() =>
        Assert.Null(CreateLead(owner: new RepId("r01")).WithOwner(null).Owner);

    [Fact]
    public void WithOwner_DefaultOwner_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("owner", () => CreateLead().WithOwner(default(RepId)));
}
