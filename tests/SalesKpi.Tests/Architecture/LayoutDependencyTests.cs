using System.Text.RegularExpressions;
using SalesKpi.BuiltIn;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using SalesKpi.Tests.TestUtilities;
using static SalesKpi.Tests.Architecture.CompiledReferences;

namespace SalesKpi.Tests.Architecture;

/// <summary>
/// The layout of src/SalesKpi draws the architecture (docs/design.md), and these tests keep the picture true: the
/// records never refer to a KPI type, the engine and the KPI building blocks never to the built-ins, Planning or
/// dependency injection, the vocabulary and the built-ins never to Planning or dependency injection, and nothing but
/// dependency injection to it. Checked in the compiled assembly — every signature, attribute and method body (its IL) —
/// and in the sources' using directives.
/// </summary>
public partial class LayoutDependencyTests
{
    private const string DependencyInjection = "Microsoft.Extensions.DependencyInjection";

    private static readonly string[] Records = ["SalesKpi.Activities", "SalesKpi.Deals", "SalesKpi.Leads", "SalesKpi.Marketing", "SalesKpi.Opportunities", "SalesKpi.Reps"];

    private static readonly string[] KpiTypes = ["SalesKpi.Reporting", "SalesKpi.Extensibility", "SalesKpi.BuiltIn", "SalesKpi.Engine", "SalesKpi.Planning", DependencyInjection];

    /// <summary>Each layer (a folder of src/SalesKpi, named by its namespace) and the namespaces it must never refer to.</summary>
    public static TheoryData<string, string[]> Layers { get; } = new()
    {
        { "records", KpiTypes },
        { "snapshot", ["SalesKpi.Reporting", "SalesKpi.Extensibility", "SalesKpi.BuiltIn", "SalesKpi.Planning", DependencyInjection] },
        { "SalesKpi.Utility", [.. Records, "SalesKpi", .. KpiTypes] },
        { "SalesKpi.Engine", ["SalesKpi.BuiltIn", "SalesKpi.Planning", DependencyInjection] },
        { "SalesKpi.Extensibility", ["SalesKpi.BuiltIn", "SalesKpi.Planning", DependencyInjection] },
        { "SalesKpi.Reporting", ["SalesKpi.Planning", DependencyInjection] },
        { "SalesKpi.BuiltIn", ["SalesKpi.Planning", DependencyInjection] },
        { "SalesKpi.Planning", ["SalesKpi.Engine", DependencyInjection] },
        { "SalesKpi.Pipeline", ["SalesKpi.BuiltIn", "SalesKpi.Planning", DependencyInjection] },
        { "SalesKpi.Diagnostics", ["SalesKpi.Engine", "SalesKpi.BuiltIn", "SalesKpi.Planning", DependencyInjection] },
        { "SalesKpi.Serialization", ["SalesKpi.Engine", "SalesKpi.BuiltIn", DependencyInjection] },
    };

    private static Type[] LibraryTypes { get; } = [.. typeof(KpiValue).Assembly.GetTypes().Where(t => t.Namespace is not null && !t.Namespace.StartsWith("Stryker", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_NeverRefersToWhatItIsBuiltUnder(string layer, string[] forbidden)
    {
        var types = TypesOf(layer);
        Assert.NotEmpty(types);

        var offences = types
            .SelectMany(type => Of(type).Select(r => (Type: type, r.Where, Referenced: r.Type)))
            .SelectMany(r => Expand(r.Referenced).Select(t => (r.Type, r.Where, Referenced: t)))
            .Where(r => !r.Referenced.IsGenericParameter && r.Referenced.Namespace is { } ns && forbidden.Any(f => Within(ns, f)))
            .Select(r => $"{r.Type.FullName}.{r.Where} → {r.Referenced.FullName}")
            .Distinct()
            .ToList();

        Assert.True(offences.Count == 0, $"{layer} refers to what is built on it: " + string.Join("; ", offences.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void LayerSources_NeverImportWhatItIsBuiltUnder(string layer, string[] forbidden)
    {
        var folders = layer switch
        {
            "records" => [.. Records.Select(r => r["SalesKpi.".Length..])],
            "snapshot" => [],
            _ => new[] { layer["SalesKpi.".Length..] },
        };
        var offences = new List<string>();
        foreach (var folder in folders)
        {
            var files = Directory.GetFiles(Path.Combine(Repository.Root, "src", "SalesKpi", folder), "*.cs");
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                offences.AddRange(UsingDirective().Matches(File.ReadAllText(file))
                    .Select(m => m.Groups["ns"].Value)
                    .Where(ns => forbidden.Any(f => Within(ns, f)))
                    .Select(ns => $"{folder}/{Path.GetFileName(file)} uses {ns}"));
            }
        }

        Assert.True(offences.Count == 0, string.Join("; ", offences));
    }

    [Fact]
    public void CompiledReferences_FindBodiesSignaturesAndBaseTypes()
    {
        // The checker must see what it is meant to forbid: the catalog creates the built-ins in property initialisers
        // (constructor bodies), a planning KPI derives from the building blocks and names the vocabulary.
        Assert.Contains(typeof(CloseRateCalculator), Of(typeof(Kpis)).SelectMany(r => Expand(r.Type)));
        Assert.Contains(typeof(SalesKpi.Extensibility.DerivedKpiCalculator), Of(typeof(MagicNumberCalculator)).Select(r => r.Type));
        Assert.Contains(typeof(System.Text.StringBuilder), Of(typeof(BodyOnly)).Where(r => r.Where.EndsWith("(body)", StringComparison.Ordinal)).Select(r => r.Type));
    }

    [Fact]
    public void Layers_CoverEveryNamespaceOfTheLibrary()
    {
        var covered = new HashSet<string>(["SalesKpi", DependencyInjection, .. Records, .. Layers.Select(l => (string)l[0])], StringComparer.Ordinal);

        var uncovered = LibraryTypes.Select(t => t.Namespace!).Where(ns => !covered.Contains(ns) && ns.StartsWith("SalesKpi", StringComparison.Ordinal)).Distinct().ToList();

        Assert.True(uncovered.Count == 0, "namespaces with no layer rule: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void EngineTypes_AreAllInternal()
    {
        var engine = TypesOf("SalesKpi.Engine");
        var names = engine.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("CompiledQuery", names);
        Assert.Contains("FastPlan", names);
        Assert.Contains("SnapshotColumns", names);

        var visible = engine.Where(t => t.IsVisible).Select(t => t.FullName).ToList();

        Assert.True(visible.Count == 0, "public types in the engine: " + string.Join(", ", visible));
    }

    [Fact]
    public void EveryTopLevelFolder_HasAReadmeSayingWhatItMayDependOn()
    {
        var root = Path.Combine(Repository.Root, "src", "SalesKpi");
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Where(n => n is not ("bin" or "obj")).ToList();
        Assert.Contains("Engine", folders);

        var missing = folders
            .Where(f => !File.Exists(Path.Combine(root, f!, "README.md"))
                || !File.ReadAllText(Path.Combine(root, f!, "README.md")).Contains("depend", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(missing.Count == 0, "folders without a README.md that says what they may depend on: " + string.Join(", ", missing));
    }

    private static List<Type> TypesOf(string layer) => layer switch
    {
        "records" => [.. LibraryTypes.Where(t => Records.Contains(t.Namespace) || (t.Namespace == "SalesKpi" && !IsSnapshot(t)))],
        "snapshot" => [.. LibraryTypes.Where(IsSnapshot)],
        _ => [.. LibraryTypes.Where(t => t.Namespace == layer)],
    };

    private static bool IsSnapshot(Type type) =>
        type == typeof(SalesData) || type == typeof(SalesDataBuilder) || type == typeof(SalesDataCounts) || type.DeclaringType is { } d && IsSnapshot(d);

    /// <summary>True when <paramref name="ns"/> is <paramref name="parent"/> or inside it; the root namespace holds only itself.</summary>
    private static bool Within(string ns, string parent) => ns == parent || (parent != "SalesKpi" && ns.StartsWith(parent + ".", StringComparison.Ordinal));

    [GeneratedRegex(@"^using (?:static )?(?<ns>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    private static class BodyOnly
    {
        public static int Length() => new System.Text.StringBuilder("body").Length;
    }
}
