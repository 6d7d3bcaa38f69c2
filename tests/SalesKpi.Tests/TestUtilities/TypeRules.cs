using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Reflection;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>
/// Reflection rules for immutable public types, after NodaTime's <c>MutabilityTest</c> and <c>ConsistencyTest</c>.
/// Each rule returns the violations it finds in one type, one readable line each, so that a sweep can assert
/// <c>Assert.Empty(TypeRules.Xxx(type))</c> and print every offending member at once.
/// </summary>
public static class TypeRules
{
    private const BindingFlags AllMembers =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";

    private const string IsReadOnlyAttribute = "System.Runtime.CompilerServices.IsReadOnlyAttribute";

    // Collection types that implement ICollection<T> or IList only to throw NotSupportedException from the mutators,
    // plus the read-only interfaces for documentation.
    private static readonly FrozenSet<Type> ReadOnlyCollectionDefinitions = new[]
    {
        typeof(IEnumerable<>), typeof(IReadOnlyCollection<>), typeof(IReadOnlyList<>), typeof(IReadOnlySet<>),
        typeof(IReadOnlyDictionary<,>), typeof(ILookup<,>), typeof(IGrouping<,>),
        typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableHashSet<>), typeof(ImmutableSortedSet<>),
        typeof(ImmutableDictionary<,>), typeof(ImmutableSortedDictionary<,>), typeof(ImmutableQueue<>), typeof(ImmutableStack<>),
        typeof(IImmutableList<>), typeof(IImmutableSet<>), typeof(IImmutableDictionary<,>), typeof(IImmutableQueue<>), typeof(IImmutableStack<>),
        typeof(FrozenSet<>), typeof(FrozenDictionary<,>),
        typeof(ReadOnlyCollection<>), typeof(ReadOnlyDictionary<,>), typeof(ReadOnlySet<>),
    }.ToFrozenSet();

    /// <summary>Returns the public types of <paramref name="assembly"/> declared in one of <paramref name="namespaces"/>, ordered by name.</summary>
    public static IReadOnlyList<Type> PublicTypesIn(Assembly assembly, IEnumerable<string> namespaces)
    {
        var wanted = namespaces.ToHashSet(StringComparer.Ordinal);
        return [.. assembly.GetExportedTypes()
            .Where(t => t.Namespace is not null && wanted.Contains(t.Namespace))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Properties with a setter callers can reach (public, protected or protected internal), including init-only
    /// setters (recognised by the <c>IsExternalInit</c> required modifier on the setter's return value), which let
    /// object initializers and <c>with</c> expressions bypass constructor validation.
    /// </summary>
    public static IReadOnlyList<string> Setters(Type type)
    {
        var violations = new List<string>();
        foreach (var property in type.GetProperties(AllMembers))
        {
            var setter = property.SetMethod;
            if (setter is null || !IsVisible(setter))
            {
                continue;
            }

            var kind = IsInitOnly(setter) ? "an init-only setter" : "a setter";
            violations.Add($"{type.FullName}.{property.Name} has {kind} ({Visibility(setter)}).");
        }

        return violations;
    }

    /// <summary>Returns true when <paramref name="setter"/> is an <c>init</c> accessor.</summary>
    public static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == IsExternalInit);

    /// <summary>Fields callers can reach that are neither <c>readonly</c> nor <c>const</c>. Enums are exempt (<c>value__</c>).</summary>
    public static IReadOnlyList<string> WritableFields(Type type)
    {
        if (type.IsEnum)
        {
            return [];
        }

        return [.. type.GetFields(AllMembers)
            .Where(f => IsVisible(f) && !f.IsInitOnly && !f.IsLiteral)
            .Select(f => $"{type.FullName}.{f.Name} is a {(f.IsStatic ? "static " : "")}field that is not readonly.")];
    }

    /// <summary>A struct (other than an enum) that is not declared <c>readonly</c>.</summary>
    public static IReadOnlyList<string> NonReadOnlyStruct(Type type)
    {
        if (!type.IsValueType || type.IsEnum || type.IsPrimitive)
        {
            return [];
        }

        return type.CustomAttributes.Any(a => a.AttributeType.FullName == IsReadOnlyAttribute)
            ? []
            : [$"{type.FullName} is a struct that is not declared readonly."];
    }

    /// <summary>Properties and reachable readonly fields whose type is a mutable collection (an array, <c>List&lt;T&gt;</c>, <c>IList&lt;T&gt;</c>, ...).</summary>
    public static IReadOnlyList<string> MutableCollections(Type type)
    {
        var violations = new List<string>();
        foreach (var property in type.GetProperties(AllMembers))
        {
            var getter = property.GetMethod;
            if (getter is not null && IsVisible(getter) && IsMutableCollection(property.PropertyType))
            {
                violations.Add($"{type.FullName}.{property.Name} is of mutable collection type {Describe(property.PropertyType)}.");
            }
        }

        if (!type.IsEnum)
        {
            foreach (var field in type.GetFields(AllMembers))
            {
                if (IsVisible(field) && IsMutableCollection(field.FieldType))
                {
                    violations.Add($"{type.FullName}.{field.Name} is a field of mutable collection type {Describe(field.FieldType)}.");
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// Returns true when <paramref name="type"/> is a collection that can be changed through it: an array, a
    /// <see cref="Memory{T}"/> or <see cref="ArraySegment{T}"/>, or a type implementing <see cref="ICollection{T}"/>,
    /// <see cref="IList"/> or <see cref="IDictionary"/> that is not one of the immutable, frozen or read-only wrapper
    /// types. Read-only interfaces (<see cref="IEnumerable{T}"/>, <see cref="IReadOnlyList{T}"/>, ...) and immutable
    /// sequences such as NodaTime's <c>DateInterval</c> are not mutable collections.
    /// </summary>
    public static bool IsMutableCollection(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            return true;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(Memory<>) || definition == typeof(ArraySegment<>))
            {
                return true;
            }

            if (ReadOnlyCollectionDefinitions.Contains(definition))
            {
                return false;
            }
        }

        return IsOrImplements(type, typeof(ICollection<>)) || typeof(IList).IsAssignableFrom(type) || typeof(IDictionary).IsAssignableFrom(type);
    }

    /// <summary>A class that is neither sealed nor abstract (a static class is both).</summary>
    public static IReadOnlyList<string> UnsealedClass(Type type) =>
        type.IsClass && !type.IsSealed && !type.IsAbstract
            ? [$"{type.FullName} is a class that is neither sealed, abstract nor static."]
            : [];

    /// <summary>
    /// For each <see cref="IEquatable{T}"/> the type implements, a missing public static <c>bool operator ==</c> or
    /// <c>!=</c> taking the type and <c>T</c>; and, for <c>IEquatable</c> of itself, a missing override of
    /// <see cref="object.Equals(object)"/>, <see cref="object.GetHashCode"/> or <see cref="object.ToString"/>.
    /// </summary>
    public static IReadOnlyList<string> EqualityMembers(Type type)
    {
        var violations = new List<string>();
        var equatables = type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>))
            .Select(i => i.GetGenericArguments()[0]);
        foreach (var other in equatables)
        {
            foreach (var (name, symbol) in new[] { ("op_Equality", "=="), ("op_Inequality", "!=") })
            {
                var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly, [type, other]);
                if (method is null || method.ReturnType != typeof(bool))
                {
                    violations.Add($"{type.FullName} implements IEquatable<{other.Name}> but declares no public static bool operator {symbol}({type.Name}, {other.Name}).");
                }
            }

            if (other == type)
            {
                Overrides(type, nameof(Equals), [typeof(object)], violations);
                Overrides(type, nameof(GetHashCode), [], violations);
                Overrides(type, nameof(ToString), [], violations);
            }
        }

        return violations;
    }

    private static void Overrides(Type type, string name, Type[] parameters, List<string> violations)
    {
        var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly, parameters);
        if (method is null || method.GetBaseDefinition().DeclaringType != typeof(object))
        {
            violations.Add($"{type.FullName} implements IEquatable<{type.Name}> but does not override {name}.");
        }
    }

    private static bool IsOrImplements(Type type, Type genericInterface) =>
        (type.IsGenericType && type.GetGenericTypeDefinition() == genericInterface)
        || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == genericInterface);

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsVisible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    private static string Visibility(MethodBase method) =>
        method.IsPublic ? "public" : method.IsFamily ? "protected" : "protected internal";

    private static string Describe(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
            : type.Name;
}
