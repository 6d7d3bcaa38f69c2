using SalesKpi.Reporting;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Hostile;

/// <summary>
/// The null-argument sweep (issue #8) over every public type of the SalesKpi assembly, whatever its namespace:
/// constructors, static, instance and extension methods, property setters, and generic members closed over a sample
/// type argument. The type list is read from the assembly, so a public type added tomorrow is swept without anyone
/// editing this class; it fails, naming the type, until <see cref="ArgumentSamples"/> can build its arguments.
/// </summary>
public sealed class NullArgumentSweepTests
{
    /// <summary>
    /// Gets every public type of the SalesKpi assembly, ordered by full name. Under mutation testing (tools/mutation.sh)
    /// Stryker.NET compiles its own public helper types into the assembly, in a namespace starting with "Stryker";
    /// those are not SalesKpi's API and are left out.
    /// </summary>
    public static IReadOnlyList<Type> SweptTypes { get; } =
    [
        .. typeof(Money).Assembly.GetExportedTypes()
            .Where(t => t.Namespace?.StartsWith("Stryker", StringComparison.Ordinal) != true)
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    /// <summary>Gets <see cref="SweptTypes"/> as theory data.</summary>
    public static TheoryData<Type> Types => [.. SweptTypes];

    [Theory]
    [MemberData(nameof(Types))]
    public void PublicMembers_NullForNonNullableReferenceParameter_ThrowArgumentNullException(Type type)
    {
        var violations = NullGuards.Violations(type);

        // One line per violation, naming type, member, parameter and what happened instead.
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void SweptTypes_EveryPublicNamespace_IsSwept()
    {
        // The namespaces of the public API as the docs describe it; the DI surface lives in Microsoft's namespace by
        // convention. A namespace added later is swept anyway (the list comes from the assembly); this test catches
        // one that silently lost its public types or was renamed.
        string[] expected =
        [
            "Microsoft.Extensions.DependencyInjection", "SalesKpi", "SalesKpi.Activities", "SalesKpi.BuiltIn",
            "SalesKpi.Deals", "SalesKpi.Diagnostics", "SalesKpi.Extensibility", "SalesKpi.Leads", "SalesKpi.Marketing",
            "SalesKpi.Opportunities", "SalesKpi.Pipeline", "SalesKpi.Planning", "SalesKpi.Reporting", "SalesKpi.Reps", "SalesKpi.Serialization",
        ];

        var swept = SweptTypes.Select(t => t.Namespace).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(expected, swept);
    }

    [Fact]
    public void SweptTypes_IncludeExtensionClassesInterfacesAndGenericTypes()
    {
        Assert.Contains(typeof(KpiCalculatorExtensions), SweptTypes);
        Assert.Contains(typeof(Microsoft.Extensions.DependencyInjection.SalesKpiServiceCollectionExtensions), SweptTypes);
        Assert.Contains(typeof(Microsoft.Extensions.DependencyInjection.SalesKpiBuilderExtensions), SweptTypes);
        Assert.Contains(typeof(IExchangeRateProvider), SweptTypes);
        Assert.Contains(typeof(SalesKpi.Extensibility.KpiInput<>), SweptTypes);
    }
}
