using System.Reflection;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>
/// The MoreLINQ-style sweep: every public constructor and method must refuse null for each parameter that is not
/// annotated as nullable, with an <see cref="ArgumentNullException"/> naming that parameter, before doing anything
/// else. The other arguments come from <see cref="ArgumentSamples"/>.
/// </summary>
public static class NullGuards
{
    /// <summary>Returns one line per member and parameter that does not throw <see cref="ArgumentNullException"/> as it should.</summary>
    public static IReadOnlyList<string> Violations(Type type)
    {
        var violations = new List<string>();
        var nullability = new NullabilityInfoContext();
        var members = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Cast<MethodBase>()
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsGenericMethodDefinition && !m.IsAbstract));
        foreach (var member in members)
        {
            var parameters = member.GetParameters();
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = parameters[i];
                if (parameter.ParameterType.IsValueType || parameter.ParameterType.IsByRef
                    || nullability.Create(parameter).WriteState != NullabilityState.NotNull)
                {
                    continue;
                }

                var check = CallWithNull(member, parameters, i, nullability);
                if (check is not null)
                {
                    violations.Add($"{type.Name}.{Describe(member)}, parameter '{parameter.Name}': {check}");
                }
            }
        }

        return violations;
    }

    private static string? CallWithNull(MethodBase member, ParameterInfo[] parameters, int nullIndex, NullabilityInfoContext nullability)
    {
        var arguments = new object?[parameters.Length];
        for (var j = 0; j < parameters.Length; j++)
        {
            if (j == nullIndex || parameters[j].IsOut)
            {
                continue;
            }

            var nullable = !parameters[j].ParameterType.IsValueType && nullability.Create(parameters[j]).WriteState == NullabilityState.Nullable;
            if (!nullable && !ArgumentSamples.TryGet(parameters[j], out arguments[j]))
            {
                return $"no sample value of {parameters[j].ParameterType}; add one to ArgumentSamples.";
            }
        }

        object? target = null;
        if (!member.IsStatic && member is not ConstructorInfo && !ArgumentSamples.TryGet(member.DeclaringType!, out target))
        {
            return $"no sample instance of {member.DeclaringType}; add one to ArgumentSamples.";
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

    private static string Describe(MethodBase member) =>
        $"{(member is ConstructorInfo ? "ctor" : member.Name)}({string.Join(", ", member.GetParameters().Select(p => p.ParameterType.Name))})";
}
