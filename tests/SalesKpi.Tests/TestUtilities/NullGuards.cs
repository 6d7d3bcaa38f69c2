using System.Reflection;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>
/// The MoreLINQ-style sweep: every public constructor, method and property accessor must refuse null for each
/// parameter that is not annotated as nullable, with an <see cref="ArgumentNullException"/> naming that parameter,
/// before doing anything else. The other arguments, and the instance an instance member is called on, come from
/// an <see cref="IArgumentSource"/>: <c>ArgumentSamples</c> for SalesKpi, a table of its own for each other
/// assembly swept (this file is linked into SalesKpi.Csv.Tests).
/// </summary>
/// <remarks>
/// <para>
/// Open generic types and generic methods are closed over sample type arguments by the source; one that cannot be closed is reported, not skipped. Abstract and interface members are called on a sample
/// instance (a built-in implementation), so the override a caller really reaches is the one checked.
/// </para>
/// <para>
/// Not swept, because they cannot be called with a null argument from C#: members of delegate types (the runtime
/// implements <c>Invoke</c>), compiler-generated record members (<c>&lt;Clone&gt;$</c>, whose only parameters are
/// nullable), and parameters of value types or by-reference parameters.
/// </para>
/// </remarks>
public static partial class NullGuards
{
    private const BindingFlags DeclaredPublic =
        BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Returns one line per member and parameter that does not throw <see cref="ArgumentNullException"/> as it should.</summary>
    /// <remarks>Each line names the type, the member with its parameter types, the parameter and what went wrong.</remarks>
    public static IReadOnlyList<string> Violations(Type type, IArgumentSource samples)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(samples);
        var violations = new List<string>();
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return violations;
        }

        if (type.IsGenericTypeDefinition)
        {
            if (samples.TryClose(type) is not { } closed)
            {
                return [$"{Name(type)}: no sample type argument satisfies its constraints; add one to the samples."];
            }

            type = closed;
        }

        var nullability = new NullabilityInfoContext();
        var constructors = type.IsAbstract ? [] : type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Cast<MethodBase>();
        foreach (var declared in constructors.Concat(type.GetMethods(DeclaredPublic)))
        {
            if (declared.Name.StartsWith('<'))
            {
                continue;
            }

            var member = declared;
            if (declared is MethodInfo { IsGenericMethodDefinition: true } generic)
            {
                if (samples.TryClose(generic) is not { } closedMethod)
                {
                    violations.Add($"{Name(type)}.{Describe(declared)}: no sample type argument satisfies its constraints; add one to the samples.");
                    continue;
                }

                member = closedMethod;
            }

            var parameters = member.GetParameters();
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = parameters[i];
                if (parameter.ParameterType.IsValueType || parameter.ParameterType.IsByRef
                    || nullability.Create(parameter).WriteState != NullabilityState.NotNull)
                {
                    continue;
                }

                var check = CallWithNull(type, member, parameters, i, nullability, samples);
                if (check is not null)
                {
                    violations.Add($"{Name(type)}.{Describe(member)}, parameter '{parameter.Name}': {check}");
                }
            }
        }

        return violations;
    }

    private static string? CallWithNull(
        Type type, MethodBase member, ParameterInfo[] parameters, int nullIndex, NullabilityInfoContext nullability, IArgumentSource samples)
    {
        var arguments = new object?[parameters.Length];
        for (var j = 0; j < parameters.Length; j++)
        {
            if (j == nullIndex || parameters[j].IsOut)
            {
                continue;
            }

            var nullable = !parameters[j].ParameterType.IsValueType && nullability.Create(parameters[j]).WriteState == NullabilityState.Nullable;
            if (!nullable && !samples.TryGet(parameters[j], out arguments[j]))
            {
                return $"no sample value of {parameters[j].ParameterType}; add one to the samples ({samples.GetType().Name}).";
            }
        }

        object? target = null;
        if (!member.IsStatic && member is not ConstructorInfo && !samples.TryGetInstance(type, out target))
        {
            return $"no sample instance of {type}; add one to the samples ({samples.GetType().Name}).";
        }

        try
        {
            if (member is ConstructorInfo constructor)
            {
                constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            }
            else
            {
                member.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            }
        }
        catch (ArgumentNullException e) when (e.GetType() == typeof(ArgumentNullException))
        {
            var name = parameters[nullIndex].Name;
            return e.ParamName == name ? null : $"ArgumentNullException names '{e.ParamName}', not '{name}'.";
        }
        catch (Exception e)
        {
            return $"threw {e.GetType().Name} ({e.Message}) instead of ArgumentNullException.";
        }

        return "accepted null.";
    }

    private static string Name(Type type) =>
        type.IsGenericType ? $"{type.Name}[{string.Join(", ", type.GetGenericArguments().Select(a => a.Name))}]" : type.Name;

    private static string Describe(MethodBase member)
    {
        var name = member is ConstructorInfo ? "ctor" : member.Name;
        if (member is MethodInfo { IsGenericMethod: true } method)
        {
            name += $"<{string.Join(", ", method.GetGenericArguments().Select(a => a.Name))}>";
        }

        return $"{name}({string.Join(", ", member.GetParameters().Select(p => p.ParameterType.Name))})";
    }
}

/// <summary>Valid arguments, instances and type arguments for <see cref="NullGuards"/>.</summary>
public interface IArgumentSource
{
    /// <summary>Returns true and a valid value for <paramref name="parameter"/> when one is known.</summary>
    bool TryGet(ParameterInfo parameter, out object? value);

    /// <summary>Returns true and an instance of <paramref name="type"/> to call instance members on when one is known.</summary>
    bool TryGetInstance(Type type, out object? value);

    /// <summary>Returns <paramref name="definition"/> closed over sample type arguments, or null when none fits.</summary>
    Type? TryClose(Type definition);

    /// <summary>Returns <paramref name="definition"/> closed over sample type arguments, or null when none fits.</summary>
    MethodInfo? TryClose(MethodInfo definition);
}
