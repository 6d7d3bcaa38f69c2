using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Domain;

public sealed partial class DomainReflectionTests
{
    [Theory]
    [MemberData(nameof(AllPublicTypes))]
    public void Class_IsSealedAbstractOrStatic(Type type) =>
        Assert.Empty(TypeRules.UnsealedClass(type));

    [Theory]
    [MemberData(nameof(AllPublicTypes))]
    public void EquatableType_DefinesEqualityOperatorsAndOverrides(Type type) =>
        Assert.Empty(TypeRules.EqualityMembers(type));

    [Theory]
    [MemberData(nameof(DomainModelTypes))]
    public void PublicMembers_NullForNonNullableReferenceParameter_ThrowArgumentNullException(Type type) =>
        Assert.Empty(NullGuards.Violations(type));
}
