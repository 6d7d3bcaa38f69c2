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
    public void Violations_UnguardedSetter_IsReported() =>
        Assert.Equal(["Settable.set_Name(String), parameter 'value': accepted null."], NullGuards.Violations(typeof(Settable)));

    [Fact]
    public void Violations_GenericMethod_IsClosedOverASampleTypeAndSwept() =>
        Assert.Equal(["GenericMethod.Echo<Opportunity>(Opportunity), parameter 'item': accepted null."], NullGuards.Violations(typeof(GenericMethod)));

    [Fact]
    public void Violations_GenericTypeDefinition_IsClosedOverASampleTypeAndSwept() =>
        Assert.Equal(["Box`1[Opportunity].ctor(Opportunity), parameter 'item': accepted null."], NullGuards.Violations(typeof(Box<>)));

    [Fact]
    public void Violations_GenericMethodNoTypeFits_IsReported() =>
        Assert.Contains("no sample type argument satisfies its constraints", Assert.Single(NullGuards.Violations(typeof(Unsatisfiable))), StringComparison.Ordinal);

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

    private static class Settable
    {
        // Static, so that the sweep needs no sample instance of this test type.
        public static string Name { get; set; } = "";
    }

    private static class GenericMethod
    {
        public static T Echo<T>(T item)
            where T : class => item;
    }

    private sealed class Box<T>(T item)
        where T : class
    {
        public T Item { get; } = item;
    }

    private static class Unsatisfiable
    {
        public static void Check<T>(T item)
            where T : IDisposable, IFormattable => ArgumentNullException.ThrowIfNull(item);
    }

    private static class NeedsGuid
    {
        public static void Check(string text, Guid id) => ArgumentNullException.ThrowIfNull(text);
    }
}
