using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Domain;

public sealed partial class DomainReflectionTests
{
    [Theory]
    [MemberData(nameof(AllPublicTypes))]
    public void Properties_OfPublicType_HaveNoSetterOrInitAccessor(Type type)
    {
        // Calculator options (XxxOptions, STYLE.md "Naming") are mutable by design: the Action<XxxOptions> configure
        // delegate sets them, and they are validated and frozen when added to the builder.
        if (IsOptions(type))
        {
            return;
        }

        Assert.Empty(TypeRules.Setters(type));
    }

    [Theory]
    [MemberData(nameof(AllPublicTypes))]
    public void Fields_OfPublicType_AreReadOnlyOrConst(Type type) =>
        Assert.Empty(TypeRules.WritableFields(type));

    [Theory]
    [MemberData(nameof(AllPublicTypes))]
    public void Struct_IsDeclaredReadOnly(Type type) =>
        Assert.Empty(TypeRules.NonReadOnlyStruct(type));

    [Theory]
    [MemberData(nameof(AllPublicTypes))]
    public void CollectionProperties_OfPublicType_HaveReadOnlyTypes(Type type) =>
        Assert.Empty(TypeRules.MutableCollections(type));

    private static bool IsOptions(Type type) =>
        type.IsClass && type.Name.EndsWith("Options", StringComparison.Ordinal);
}
