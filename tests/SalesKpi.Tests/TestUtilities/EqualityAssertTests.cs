using Xunit.Sdk;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>Proves that <see cref="EqualityAssert"/> fails on each kind of inconsistency it exists to catch.</summary>
public sealed class EqualityAssertTests
{
    [Fact]
    public void Equal_ConsistentType_Passes()
    {
        EqualityAssert.Equal(new Good(1), new Good(1));
        EqualityAssert.NotEqual(new Good(1), new Good(2));
        EqualityAssert.EqualAndUnequal(new Good(1), new Good(1), new Good(2), new Good(3));
    }

    [Fact]
    public void EqualAndUnequal_UnequalValueThatIsEqual_Fails() =>
        Assert.Throws<XunitException>(() => EqualityAssert.EqualAndUnequal(new Good(1), new Good(1), new Good(2), new Good(1)));

    [Fact]
    public void Equal_HashCodeDisagrees_Fails() =>
        Assert.Throws<XunitException>(() => EqualityAssert.Equal(new BadHash(1), new BadHash(1)));

    [Fact]
    public void Equal_InequalityOperatorDisagrees_Fails() =>
        Assert.Throws<XunitException>(() => EqualityAssert.Equal(new BadInequality(1), new BadInequality(1)));

    [Fact]
    public void NotEqual_EqualsObjectDisagreesWithOperator_Fails() =>
        Assert.Throws<XunitException>(() => EqualityAssert.NotEqual(new BadObjectEquals(1), new BadObjectEquals(2)));

    [Fact]
    public void Equal_ClassEqualToNull_Fails() =>
        Assert.Throws<XunitException>(() => EqualityAssert.Equal(new EqualToNull(), new EqualToNull()));

    [Fact]
    public void Equal_NoOperators_FailsNamingTheOperator()
    {
        var exception = Assert.Throws<XunitException>(() => EqualityAssert.Equal(new NoOperators(1), new NoOperators(1)));

        Assert.Contains("operator ==", exception.Message, StringComparison.Ordinal);
    }

    private readonly struct Good(int value) : IEquatable<Good>
    {
        public int Value { get; } = value;

        public static bool operator ==(Good left, Good right) => left.Value == right.Value;

        public static bool operator !=(Good left, Good right) => !(left == right);

        public bool Equals(Good other) => this == other;

        public override bool Equals(object? obj) => obj is Good other && this == other;

        public override int GetHashCode() => Value;
    }

    private sealed class BadHash(int value) : IEquatable<BadHash>
    {
        private static int _next;
        private readonly int _hash = Interlocked.Increment(ref _next);

        public int Value { get; } = value;

        public static bool operator ==(BadHash? left, BadHash? right) => left?.Value == right?.Value;

        public static bool operator !=(BadHash? left, BadHash? right) => !(left == right);

        public bool Equals(BadHash? other) => this == other;

        public override bool Equals(object? obj) => obj is BadHash other && this == other;

        public override int GetHashCode() => _hash;
    }

    private readonly struct BadInequality(int value) : IEquatable<BadInequality>
    {
        public int Value { get; } = value;

        public static bool operator ==(BadInequality left, BadInequality right) => left.Value == right.Value;

        public static bool operator !=(BadInequality left, BadInequality right) => left.Value == right.Value;

        public bool Equals(BadInequality other) => this == other;

        public override bool Equals(object? obj) => obj is BadInequality other && this == other;

        public override int GetHashCode() => Value;
    }

    private readonly struct BadObjectEquals(int value) : IEquatable<BadObjectEquals>
    {
        public int Value { get; } = value;

        public static bool operator ==(BadObjectEquals left, BadObjectEquals right) => left.Value == right.Value;

        public static bool operator !=(BadObjectEquals left, BadObjectEquals right) => !(left == right);

        public bool Equals(BadObjectEquals other) => this == other;

        public override bool Equals(object? obj) => obj is BadObjectEquals;

        public override int GetHashCode() => 0;
    }

    private sealed class EqualToNull : IEquatable<EqualToNull>
    {
        public static bool operator ==(EqualToNull? left, EqualToNull? right) => true;

        public static bool operator !=(EqualToNull? left, EqualToNull? right) => false;

        public bool Equals(EqualToNull? other) => true;

        public override bool Equals(object? obj) => obj is null or EqualToNull;

        public override int GetHashCode() => 0;
    }

#pragma warning disable CA1066 // Deliberately defines no operators.
    private readonly struct NoOperators(int value) : IEquatable<NoOperators>
    {
        public int Value { get; } = value;

        public bool Equals(NoOperators other) => Value == other.Value;

        public override bool Equals(object? obj) => obj is NoOperators other && Equals(other);

        public override int GetHashCode() => Value;
    }
#pragma warning restore CA1066
}
