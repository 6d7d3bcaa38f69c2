using System.Collections.Immutable;
using NodaTime;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>Proves that each reflection rule catches what it is meant to catch, so a passing sweep means something.</summary>
public sealed class TypeRulesTests
{
    [Fact]
    public void Setters_PublicSetter_IsReported() =>
        Assert.Equal(
            [$"{typeof(WithSetter).FullName}.Value has a setter (public)."],
            TypeRules.Setters(typeof(WithSetter)));

    [Fact]
    public void Setters_InitAccessor_IsReportedAsInitOnly() =>
        Assert.Equal(
            [$"{typeof(WithInit).FullName}.Value has an init-only setter (public)."],
            TypeRules.Setters(typeof(WithInit)));

    [Fact]
    public void Setters_ProtectedSetter_IsReported() =>
        Assert.Single(TypeRules.Setters(typeof(WithProtectedSetter)));

    [Fact]
    public void Setters_PrivateSetterOrGetOnly_IsNotReported()
    {
        Assert.Empty(TypeRules.Setters(typeof(WithPrivateSetter)));
        Assert.Empty(TypeRules.Setters(typeof(Money)));
    }

    [Fact]
    public void IsInitOnly_DistinguishesInitFromSet()
    {
        Assert.True(TypeRules.IsInitOnly(typeof(WithInit).GetProperty(nameof(WithInit.Value))!.SetMethod!));
        Assert.False(TypeRules.IsInitOnly(typeof(WithSetter).GetProperty(nameof(WithSetter.Value))!.SetMethod!));
    }

    [Fact]
    public void WritableFields_PublicMutableFields_AreReported() =>
        Assert.Equal(
            [$"{typeof(WithFields).FullName}.Mutable is a field that is not readonly.", $"{typeof(WithFields).FullName}.Shared is a static field that is not readonly."],
            TypeRules.WritableFields(typeof(WithFields)).Order(StringComparer.Ordinal));

    [Fact]
    public void WritableFields_Enum_IsExempt() =>
        Assert.Empty(TypeRules.WritableFields(typeof(DayOfWeek)));

    [Fact]
    public void NonReadOnlyStruct_MutableStruct_IsReported()
    {
        Assert.Single(TypeRules.NonReadOnlyStruct(typeof(MutableStruct)));
        Assert.Empty(TypeRules.NonReadOnlyStruct(typeof(ReadOnlyStruct)));
        Assert.Empty(TypeRules.NonReadOnlyStruct(typeof(DayOfWeek)));
        Assert.Empty(TypeRules.NonReadOnlyStruct(typeof(WithSetter)));
    }

    [Theory]
    [InlineData(typeof(int[]))]
    [InlineData(typeof(List<int>))]
    [InlineData(typeof(IList<int>))]
    [InlineData(typeof(ICollection<int>))]
    [InlineData(typeof(Dictionary<string, int>))]
    [InlineData(typeof(IDictionary<string, int>))]
    [InlineData(typeof(HashSet<int>))]
    [InlineData(typeof(ISet<int>))]
    [InlineData(typeof(System.Collections.ArrayList))]
    [InlineData(typeof(System.Collections.ObjectModel.Collection<int>))]
    [InlineData(typeof(Memory<int>))]
    [InlineData(typeof(ArraySegment<int>))]
    public void IsMutableCollection_MutableType_ReturnsTrue(Type type) =>
        Assert.True(TypeRules.IsMutableCollection(type));

    [Theory]
    [InlineData(typeof(string))]
    [InlineData(typeof(int))]
    [InlineData(typeof(System.Collections.IEnumerable))]
    [InlineData(typeof(IEnumerable<int>))]
    [InlineData(typeof(IReadOnlyList<int>))]
    [InlineData(typeof(IReadOnlyCollection<int>))]
    [InlineData(typeof(IReadOnlyDictionary<string, int>))]
    [InlineData(typeof(ImmutableArray<int>))]
    [InlineData(typeof(ImmutableArray<int>?))]
    [InlineData(typeof(ImmutableList<int>))]
    [InlineData(typeof(ImmutableDictionary<string, int>))]
    [InlineData(typeof(System.Collections.Frozen.FrozenSet<int>))]
    [InlineData(typeof(System.Collections.ObjectModel.ReadOnlyCollection<int>))]
    [InlineData(typeof(DateInterval))]
    [InlineData(typeof(ReadOnlyMemory<int>))]
    public void IsMutableCollection_ReadOnlyType_ReturnsFalse(Type type) =>
        Assert.False(TypeRules.IsMutableCollection(type));

    [Fact]
    public void MutableCollections_ReportsEachMutableProperty() =>
        Assert.Equal(
            ["Array", "Field", "List"],
            TypeRules.MutableCollections(typeof(WithCollections)).Select(v => v.Split(' ')[0].Split('.')[^1]).Order(StringComparer.Ordinal));

    [Fact]
    public void UnsealedClass_IsReportedUnlessSealedAbstractOrStatic()
    {
        Assert.Single(TypeRules.UnsealedClass(typeof(Unsealed)));
        Assert.Empty(TypeRules.UnsealedClass(typeof(WithSetter)));
        Assert.Empty(TypeRules.UnsealedClass(typeof(Abstract)));
        Assert.Empty(TypeRules.UnsealedClass(typeof(Static)));
        Assert.Empty(TypeRules.UnsealedClass(typeof(MutableStruct)));
        Assert.Empty(TypeRules.UnsealedClass(typeof(IDisposable)));
    }

    [Fact]
    public void EqualityMembers_EquatableWithoutOperators_IsReported()
    {
        var violations = TypeRules.EqualityMembers(typeof(EquatableWithoutOperators));

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Contains("operator ==", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("operator !=", StringComparison.Ordinal));
    }

    [Fact]
    public void EqualityMembers_EquatableWithoutOverrides_IsReported() =>
        Assert.Equal(
            ["Equals", "GetHashCode", "ToString"],
            TypeRules.EqualityMembers(typeof(EquatableWithoutOverrides)).Select(v => v.Split(' ')[^1].TrimEnd('.')));

    [Fact]
    public void EqualityMembers_CompleteType_IsNotReported()
    {
        Assert.Empty(TypeRules.EqualityMembers(typeof(Money)));
        Assert.Empty(TypeRules.EqualityMembers(typeof(SalesData)));
        Assert.Empty(TypeRules.EqualityMembers(typeof(WithSetter)));
    }

    [Fact]
    public void PublicTypesIn_ReturnsOnlyPublicTypesOfTheNamespaces()
    {
        var types = TypeRules.PublicTypesIn(typeof(Money).Assembly, ["SalesKpi.Reps"]);

        Assert.Contains(typeof(Reps.Roster), types);
        Assert.All(types, t => Assert.Equal("SalesKpi.Reps", t.Namespace));
        Assert.All(types, t => Assert.True(t.IsVisible));
    }

    private sealed class WithSetter
    {
        public int Value { get; set; }
    }

    private sealed class WithInit
    {
        public int Value { get; init; }
    }

    private sealed class WithPrivateSetter
    {
        public int Value { get; private set; }

        public void Increment() => Value++;
    }

    private abstract class WithProtectedSetter
    {
        public int Value { get; protected set; }
    }

    private sealed class WithFields
    {
        public static int Shared = 1;
        public const int Constant = 2;
        public static readonly int ReadOnlyShared = 3;
        public readonly int ReadOnly = 4;
        public int Mutable = 5;
        private int _hidden = 6;

        public int Hidden() => _hidden++;
    }

    private struct MutableStruct
    {
        public int Value { get; set; }
    }

    private readonly struct ReadOnlyStruct
    {
        public int Value { get; }
    }

    private sealed class WithCollections
    {
        public readonly IList<int> Field = [];

        public List<int> List { get; } = [];

        public int[] Array { get; } = [];

        public ImmutableArray<int> Immutable { get; }

        public IReadOnlyList<int> ReadOnly { get; } = [];

        public IEnumerable<int> Sequence { get; } = [];

        public string Text { get; } = "";

        private List<int> Hidden { get; } = [];

        public int Count() => Hidden.Count;
    }

    private class Unsealed;

    private abstract class Abstract;

    private static class Static;

    private sealed class EquatableWithoutOperators : IEquatable<EquatableWithoutOperators>
    {
        public bool Equals(EquatableWithoutOperators? other) => other is not null;

        public override bool Equals(object? obj) => obj is EquatableWithoutOperators;

        public override int GetHashCode() => 0;

        public override string ToString() => "x";
    }

#pragma warning disable CS0660, CS0661, CA1067 // The fixture deliberately lacks the overrides the rule checks for.
    private sealed class EquatableWithoutOverrides : IEquatable<EquatableWithoutOverrides>
    {
        public static bool operator ==(EquatableWithoutOverrides? left, EquatableWithoutOverrides? right) => ReferenceEquals(left, right);

        public static bool operator !=(EquatableWithoutOverrides? left, EquatableWithoutOverrides? right) => !(left == right);

        public bool Equals(EquatableWithoutOverrides? other) => this == other;
    }
#pragma warning restore CS0660, CS0661, CA1067
}
