using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Extensions.Hosting.Tests.Hostile;

/// <summary>The null-argument sweep over every public type of SalesKpi.Extensions.Hosting, read from the assembly.</summary>
public sealed class HostingNullArgumentSweepTests
{
    public static IReadOnlyList<Type> SweptTypes { get; } =
        [.. typeof(SalesKpiConfigurationExtensions).Assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal)];

    public static TheoryData<Type> Types => [.. SweptTypes];

    [Theory]
    [MemberData(nameof(Types))]
    public void PublicMembers_NullForNonNullableReferenceParameter_ThrowArgumentNullException(Type type)
    {
        var violations = NullGuards.Violations(type, Samples.Instance);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Types_IncludeTheConfigurationExtensions() => Assert.Contains(typeof(SalesKpiConfigurationExtensions), SweptTypes);

    private sealed class Samples : IArgumentSource
    {
        public static Samples Instance { get; } = new();

        public bool TryGet(ParameterInfo parameter, out object? value) => TryGetInstance(parameter.ParameterType, out value);

        public bool TryGetInstance(Type type, out object? value)
        {
            value = type == typeof(IServiceCollection) ? new ServiceCollection()
                : type == typeof(ISalesKpiBuilder) ? new ServiceCollection().AddSalesKpi()
                : type == typeof(IConfiguration) ? new ConfigurationBuilder().Build()
                : null;
            return value is not null;
        }

        public Type? TryClose(Type definition) => null;

        public MethodInfo? TryClose(MethodInfo definition) => null;
    }
}
