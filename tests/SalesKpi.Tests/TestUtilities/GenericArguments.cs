using System.Reflection;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Tests.Calculators;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>
/// Closes open generic types and generic methods over sample type arguments for reflection sweeps: each type
/// parameter gets the first candidate that satisfies its constraints. The candidates are the domain record types,
/// then every public concrete type of the SalesKpi assembly, so a generic member added tomorrow is closed without
/// editing this class as long as some public type fits.
/// </summary>
public static class GenericArguments
{
    private static readonly Lazy<IReadOnlyList<Type>> Candidates = new(() =>
    [
        typeof(Opportunity), typeof(Lead), typeof(Deal), typeof(SalesActivity), typeof(MarketingSpend), typeof(string),

        // Test types for constraints no public type meets: a KPI declaring its id, an exchange-rate provider.
        typeof(DependencyInjection.DemosCalculator), typeof(FakeExchangeRates),
        .. typeof(Money).Assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && !t.IsInterface && !t.IsGenericTypeDefinition && !typeof(Delegate).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ]);

    /// <summary>Returns <paramref name="definition"/> closed over sample type arguments, or null when none fits.</summary>
    public static Type? TryClose(Type definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Pick(definition.GetGenericArguments()) is { } arguments ? definition.MakeGenericType(arguments) : null;
    }

    /// <summary>Returns <paramref name="definition"/> closed over sample type arguments, or null when none fits.</summary>
    public static MethodInfo? TryClose(MethodInfo definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Pick(definition.GetGenericArguments()) is { } arguments ? definition.MakeGenericMethod(arguments) : null;
    }

    private static Type[]? Pick(Type[] parameters)
    {
        var arguments = new Type[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (Candidates.Value.FirstOrDefault(c => Satisfies(parameter, c)) is not { } argument)
            {
                return null;
            }

            arguments[i] = argument;
        }

        return arguments;
    }

    private static bool Satisfies(Type parameter, Type candidate)
    {
        var attributes = parameter.GenericParameterAttributes;
        if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint) && candidate.IsValueType)
        {
            return false;
        }

        if (attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint) && !candidate.IsValueType)
        {
            return false;
        }

        if (attributes.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint)
            && !candidate.IsValueType && candidate.GetConstructor(Type.EmptyTypes) is null)
        {
            return false;
        }

        // Constraints that mention other type parameters (where T : IComparable<T>) are not needed by the library yet.
        return parameter.GetGenericParameterConstraints().All(c => !c.ContainsGenericParameters && c.IsAssignableFrom(candidate));
    }
}
