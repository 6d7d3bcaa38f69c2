using System.Runtime.CompilerServices;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reps;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Domain;

/// <summary>
/// Reflection guard tests over every public type of the domain namespaces, after NodaTime's <c>MutabilityTest</c>
/// and <c>ConsistencyTest</c>: a new public type is checked the day it is added, without anyone writing a test for it.
/// </summary>
/// <remarks>
/// To sweep more namespaces, add them to <see cref="Namespaces"/>; the null-argument sweep also needs a sample value
/// of each new parameter type in <see cref="ArgumentSamples"/> (it fails, naming the type, until there is one).
/// </remarks>
public sealed partial class DomainReflectionTests
{
    /// <summary>Gets the namespaces whose public types are swept.</summary>
    public static IReadOnlyList<string> Namespaces { get; } =
    [
        "SalesKpi",
        "SalesKpi.Leads",
        "SalesKpi.Opportunities",
        "SalesKpi.Deals",
        "SalesKpi.Activities",
        "SalesKpi.Marketing",
        "SalesKpi.Reps",
    ];

    /// <summary>Gets every public type of <see cref="Namespaces"/> in the SalesKpi assembly.</summary>
    public static IReadOnlyList<Type> PublicTypes { get; } = TypeRules.PublicTypesIn(typeof(Money).Assembly, Namespaces);

    /// <summary>Gets <see cref="PublicTypes"/> as theory data.</summary>
    public static TheoryData<Type> AllPublicTypes => [.. PublicTypes];

    /// <summary>
    /// Gets the value types of the domain model (every public type implementing <see cref="IEquatable{T}"/> of
    /// itself) and the static helper classes that are not extension-method holders: the types the null-argument sweep
    /// can build arguments for. Every other public type (calculators, options, extension classes) is swept by
    /// <see cref="Hostile.NullArgumentSweepTests"/>.
    /// </summary>
    public static IReadOnlyList<Type> DomainModel { get; } = [.. PublicTypes.Where(IsDomainModel)];

    /// <summary>Gets <see cref="DomainModel"/> as theory data.</summary>
    public static TheoryData<Type> DomainModelTypes => [.. DomainModel];

    [Fact]
    public void PublicTypes_EveryNamespace_HasTypes()
    {
        foreach (var ns in Namespaces)
        {
            Assert.True(PublicTypes.Any(t => t.Namespace == ns), $"No public type in namespace {ns}: was it renamed?");
        }
    }

    [Fact]
    public void PublicTypes_IncludeTheWholeDomainModel()
    {
        Type[] expected =
        [
            typeof(Money), typeof(Currency), typeof(AccountId), typeof(SalesData), typeof(IExchangeRateProvider),
            typeof(Lead), typeof(LeadId),
            typeof(Opportunity), typeof(OpportunityId), typeof(OpportunityStage), typeof(OpportunityStatus), typeof(StageEntry),
            typeof(Deal), typeof(DealId), typeof(DealKind), typeof(DealKinds),
            typeof(SalesActivity), typeof(ActivityId), typeof(SalesActivityKind), typeof(ActivityOutcomes),
            typeof(MarketingSpend),
            typeof(Rep), typeof(RepId), typeof(Roster), typeof(TeamId),
        ];

        Assert.All(expected, t => Assert.Contains(t, PublicTypes));
        Assert.All(expected.Where(t => t != typeof(IExchangeRateProvider) && !t.IsEnum && t != typeof(DealKinds)), t => Assert.Contains(t, DomainModel));
    }

    [Fact]
    public void PublicTypes_ExcludeTheInternalUtilityNamespace() =>
        Assert.DoesNotContain(PublicTypes, t => t.Namespace == "SalesKpi.Utility");

    private static bool IsDomainModel(Type type) =>
        type.GetInterfaces().Contains(typeof(IEquatable<>).MakeGenericType(type))
        || (type.IsAbstract && type.IsSealed && !type.IsDefined(typeof(ExtensionAttribute), inherit: false));
}
