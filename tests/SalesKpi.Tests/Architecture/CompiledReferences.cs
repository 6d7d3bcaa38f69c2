using System.Reflection;
using System.Reflection.Emit;

namespace SalesKpi.Tests.Architecture;

/// <summary>
/// The types a compiled type refers to: its base type, interfaces, the signatures of its fields, properties, methods and
/// constructors, its attributes, and every type, method and field named in its method bodies (read from the IL, so a
/// reference inside a lambda or a local is found as well as one in a signature).
/// </summary>
internal static class CompiledReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Returns each type <paramref name="type"/> refers to, with where (member name) it does.</summary>
    public static IEnumerable<(string Where, Type Type)> Of(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return ("base type", baseType);
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return ("interface", i);
        }

        foreach (var a in type.GetCustomAttributesData())
        {
            yield return ("attribute", a.AttributeType);
        }

        foreach (var f in type.GetFields(Declared))
        {
            yield return (f.Name, f.FieldType);
        }

        foreach (var p in type.GetProperties(Declared))
        {
            yield return (p.Name, p.PropertyType);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            foreach (var p in method.GetParameters())
            {
                yield return (method.Name, p.ParameterType);
            }

            if (method is MethodInfo info)
            {
                yield return (method.Name, info.ReturnType);
            }

            foreach (var referenced in InBody(method))
            {
                yield return (method.Name + " (body)", referenced);
            }
        }
    }

    /// <summary>Returns a type with its element type and generic arguments, recursively.</summary>
    public static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            foreach (var inner in Expand(argument))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<Type> InBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    if (Resolve(module, token, typeArguments, methodArguments) is { } referenced)
                    {
                        yield return referenced;
                    }

                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static Type? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments) switch
            {
                Type t => t,
                MemberInfo m => m.DeclaringType,
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            // A token of a generic context the resolver cannot rebuild (a method of a generic type instantiated over a
            // type parameter it does not know): its declaring type is also named by the signatures walked above.
            return null;
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
