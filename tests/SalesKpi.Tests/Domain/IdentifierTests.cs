using System.Reflection;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Domain;

/// <summary>
/// The tests every strongly typed identifier passes (<see cref="AccountId"/>, <c>LeadId</c>, <c>OpportunityId</c>,
/// <c>DealId</c>, <c>ActivityId</c>, <c>RepId</c>, <c>TeamId</c>); each has a <c>{Type}Tests</c> class deriving from this one.
/// </summary>
public abstract class IdentifierTests<TId>
    where TId : struct, IEquatable<TId>, IComparable<TId>
{
    /// <summary>Calls the identifier's public constructor.</summary>
    protected abstract TId Create(string value);

    /// <summary>Reads the identifier's <c>Value</c> property.</summary>
    protected abstract string ValueOf(TId id);

    [Fact]
    public void Constructor_NullValue_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("value", () => Create(null!));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    [InlineData("\u00a0")]
    public void Constructor_BlankValue_ThrowsArgumentException(string blank) =>
        Assert.Throws<ArgumentException>("value", () => Create(blank));

    [Theory]
    [InlineData("x")]
    [InlineData("L-0001")]
    [InlineData(" padded ")]
    [InlineData("Ayşe")]
    public void Value_ValidString_ReturnsItUnchanged(string text) =>
        Assert.Equal(text, ValueOf(Create(text)));

    [Fact]
    public void GetHashCode_DifferentValues_SpreadOverManyHashCodes()
    {
        // Hash-based lookups by id (dictionaries of leads, reps, ...) need more than one hash code: 100 different ids
        // sharing a handful would make every look-up a scan.
        var hashes = Enumerable.Range(0, 100).Select(i => Create($"id-{i}").GetHashCode()).ToHashSet();

        Assert.True(hashes.Count > 90, $"100 ids gave only {hashes.Count} hash codes.");
        Assert.Equal(default(TId).GetHashCode(), default(TId).GetHashCode());
    }

    [Fact]
    public void Value_DefaultIdentifier_IsEmpty() =>
        Assert.Equal("", ValueOf(default));

    [Fact]
    public void ToString_ReturnsValue()
    {
        Assert.Equal("r-42", Create("r-42").ToString());
        Assert.Equal("", default(TId).ToString());
    }

    [Fact]
    public void Equality_SameValue_AgreesWithHashCode() =>
        EqualityAssert.EqualAndUnequal(Create("abc"), Create("abc"), Create("abd"), Create("ABC"), Create("abc "), default);

    [Fact]
    public void Equality_DefaultAndDefault_AreEqual() =>
        EqualityAssert.Equal(default(TId), default(TId));

    [Fact]
    public void CompareTo_MixedCase_IsOrdinal()
    {
        Assert.True(Create("B").CompareTo(Create("a")) < 0, "Ordinal order puts upper case first.");
        Assert.True(Create("a").CompareTo(Create("B")) > 0);
        Assert.Equal(0, Create("a").CompareTo(Create("a")));
        Assert.True(default(TId).CompareTo(Create("a")) < 0, "The default identifier sorts first.");
    }

    [Fact]
    public void ComparisonOperators_AgreeWithCompareTo()
    {
        TId a = Create("a"), b = Create("b"), a2 = Create("a");
        Assert.True(Operator("op_LessThan", a, b));
        Assert.False(Operator("op_LessThan", b, a));
        Assert.False(Operator("op_LessThan", a, a2));
        Assert.True(Operator("op_LessThanOrEqual", a, a2));
        Assert.True(Operator("op_LessThanOrEqual", a, b));
        Assert.False(Operator("op_LessThanOrEqual", b, a));
        Assert.True(Operator("op_GreaterThan", b, a));
        Assert.False(Operator("op_GreaterThan", a, a2));
        Assert.True(Operator("op_GreaterThanOrEqual", a, a2));
        Assert.False(Operator("op_GreaterThanOrEqual", a, b));
    }

    [Fact]
    public void Type_DefinesNoConversionOperators()
    {
        // Strong typing: no implicit or explicit conversion from a string or from another kind of identifier.
        var conversions = typeof(TId).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name is "op_Implicit" or "op_Explicit")
            .Select(m => m.ToString());
        Assert.Empty(conversions);
    }

    private static bool Operator(string name, TId left, TId right)
    {
        var method = typeof(TId).GetMethod(name, BindingFlags.Public | BindingFlags.Static, [typeof(TId), typeof(TId)]);
        Assert.NotNull(method);
        return (bool)method.Invoke(null, [left, right])!;
    }
}
