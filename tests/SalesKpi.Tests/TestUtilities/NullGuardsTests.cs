namespace SalesKpi.Tests.TestUtilities;

/// <summary>Proves that <see cref="NullGuards"/> reports each way a member can fail to guard against null.</summary>
public sealed class NullGuardsTests
{
    [Fact]
    public void Violations_GuardedMembers_AreNotReported() =>
        Assert.Empty(NullGuards.Violations(typeof(Guarded)));

    [Fact]
    public void Violations_NullAccepted_IsReported() =>
        Assert.Equal(["Unguarded.ctor(String), parameter 'name': accepted null."], NullGuards.Violations(typeof(Unguarded)));

    [Fact]
    public void Violations_WrongParameterName_IsReported() =>
        Assert.Equal(
            ["WrongName.Check(String, String), parameter 'second': ArgumentNullException names 'first', not 'second'."],
            NullGuards.Violations(typeof(WrongName)));

    [Fact]
    public void Violations_OtherException_IsReported() =>
        Assert.Contains("threw NullReferenceException", Assert.Single(NullGuards.Violations(typeof(Dereferences))), StringComparison.Ordinal);

    [Fact]
    public void Violations_ParameterWithoutSample_IsReported() =>
        Assert.Contains("no sample value of System.Guid", Assert.Single(NullGuards.Violations(typeof(NeedsGuid))), StringComparison.Ordinal);

    [Fact]
    public void Violations_DomainTypes_AreGuarded()
    {
        Assert.Empty(NullGuards.Violations(typeof(Currency)));
        Assert.Empty(NullGuards.Violations(typeof(SalesData)));
    }

    private sealed class Guarded
    {
        public Guarded(string name, string? nickname) => ArgumentNullException.ThrowIfNull(name);

        public static void Check(string value, int count, string? optional) => ArgumentNullException.ThrowIfNull(value);
    }

    private sealed class Unguarded
    {
        public Unguarded(string name) => Name = name;

        public string Name { get; }
    }

    private static class WrongName
    {
        public static void Check(string first, string second)
        {
            ArgumentNullException.ThrowIfNull(first);
            ArgumentNullException.ThrowIfNull(second, nameof(first));
        }
    }

    private static class Dereferences
    {
        public static int Length(string text) => text.Length;
    }

    private static class NeedsGuid
    {
        public static void Check(string text, Guid id) => ArgumentNullException.ThrowIfNull(text);
    }
}
