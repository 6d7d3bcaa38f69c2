using System.Reflection;
using System.Text.RegularExpressions;
using SalesKpi.Calculators;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Architecture;

/// <summary>
/// The engine (src/SalesKpi/Engine, namespace SalesKpi.Engine: compile a query, plan it, scan the compact columns, finish
/// the values) is internal and depends only on the records and the public KPI vocabulary: never on Planning or
/// dependency injection, which are built on top of it. Checked in the compiled types (every signature) and in the
/// source (every using and qualified name, which method bodies may hold).
/// </summary>
public partial class EngineDependencyTests
{
    private const string EngineNamespace = "SalesKpi.Engine";

    private static readonly string[] Forbidden = ["SalesKpi.Planning", "SalesKpi.DependencyInjection", "Microsoft.Extensions.DependencyInjection"];

    private static readonly Type[] EngineTypes = [.. typeof(KpiValue).Assembly.GetTypes().Where(t => t.Namespace == EngineNamespace)];

    [Fact]
    public void EngineNamespace_HoldsTheEngine()
    {
        var names = EngineTypes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("CompiledQuery", names);
        Assert.Contains("FastPlan", names);
        Assert.Contains("SnapshotColumns", names);
        Assert.Contains("PeriodPlan", names);
    }

    [Fact]
    public void EngineTypes_AreAllInternal()
    {
        var visible = EngineTypes.Where(t => t.IsVisible).Select(t => t.FullName).ToList();

        Assert.True(visible.Count == 0, "public types in the engine: " + string.Join(", ", visible));
    }

    [Fact]
    public void EngineTypes_NeverNamePlanningOrDependencyInjectionInASignature()
    {
        var offences = new List<string>();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in EngineTypes)
        {
            var referenced = new List<(string Where, Type Type)>();
            if (type.BaseType is { } baseType)
            {
                referenced.Add(("base type", baseType));
            }

            referenced.AddRange(type.GetInterfaces().Select(i => ("interface", i)));
            referenced.AddRange(type.GetFields(all).Select(f => (f.Name, f.FieldType)));
            referenced.AddRange(type.GetProperties(all).Select(p => (p.Name, p.PropertyType)));
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                referenced.AddRange(method.GetParameters().Select(p => (method.Name, p.ParameterType)));
                if (method is MethodInfo info)
                {
                    referenced.Add((method.Name, info.ReturnType));
                }
            }

            offences.AddRange(referenced
                .Where(r => Expand(r.Type).Any(t => t.Namespace is { } ns && Forbidden.Any(f => ns.StartsWith(f, StringComparison.Ordinal))))
                .Select(r => $"{type.Name}.{r.Where}: {r.Type}"));
        }

        Assert.True(offences.Count == 0, "the engine names Planning or DI types: " + string.Join("; ", offences));
    }

    [Fact]
    public void EngineSources_NeverUseOrQualifyPlanningOrDependencyInjection()
    {
        var folder = Path.Combine(Repository.Root, "src", "SalesKpi", "Engine");
        var files = Directory.GetFiles(folder, "*.cs");
        Assert.NotEmpty(files);

        var offences = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Matches(NamespaceLine(), text);
            offences.AddRange(Forbidden.Where(f => text.Contains(f, StringComparison.Ordinal)).Select(f => $"{Path.GetFileName(file)} names {f}"));
        }

        Assert.True(offences.Count == 0, string.Join("; ", offences));
    }

    /// <summary>Returns a type with its element type and generic arguments, recursively.</summary>
    private static IEnumerable<Type> Expand(Type type)
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

    [GeneratedRegex(@"^namespace SalesKpi\.Engine;", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
