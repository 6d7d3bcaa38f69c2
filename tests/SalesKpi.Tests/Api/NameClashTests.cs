using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace SalesKpi.Tests.Api;

/// <summary>
/// No public type of SalesKpi has the name of a public type in a namespace a .NET app commonly imports: the implicit
/// usings of the console, web and worker SDKs, and System.Diagnostics (tracing and OpenTelemetry) beside them. With
/// both namespaces imported, such a name is CS0104 ("ambiguous reference") in the user's code.
/// </summary>
public class NameClashTests
{
    /// <summary>What an app imports: the SDKs' implicit usings (Microsoft.NET.Sdk, .Web, .Worker) and the usual others.</summary>
    private static readonly string[] Imported =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks", "System.Net.Http.Json", "System.Diagnostics", "System.Diagnostics.Metrics",
        "System.Text.Json", "System.Globalization", "System.Text",
        "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging", "Microsoft.Extensions.Options",
    ];

    [Fact]
    public void No_public_type_shares_a_name_with_a_type_of_a_namespace_apps_import()
    {
        var taken = FrameworkTypes().Where(t => Imported.Contains(t.Namespace)).ToLookup(t => t.Name, t => t.Namespace + "." + t.Name);

        var clashes = typeof(SalesData).Assembly.GetExportedTypes()
            .Where(t => !t.IsNested && t.Namespace != "Microsoft.Extensions.DependencyInjection")
            .Select(t => (Type: t.FullName!, Name: WithoutArity(t.Name)))
            .Where(t => taken.Contains(t.Name))
            .Select(t => $"{t.Type} clashes with {string.Join(", ", taken[t.Name].Distinct())}")
            .ToList();

        Assert.Empty(clashes);
    }

    [Fact]
    public void The_framework_scan_finds_the_types_it_must()
    {
        // The check above is only as good as its list of framework types: these two are what issue #19 ran into.
        var names = FrameworkTypes().Select(t => t.Namespace + "." + t.Name).ToHashSet();

        Assert.Contains("System.Diagnostics.Activity", names);
        Assert.Contains("System.Diagnostics.ActivityKind", names);
        Assert.Contains("Microsoft.AspNetCore.Http.Results", names);
    }

    /// <summary>The public top-level types of the shared frameworks this process runs on (.NET and ASP.NET Core), read as metadata.</summary>
    private static IEnumerable<(string Namespace, string Name)> FrameworkTypes()
    {
        var netCore = RuntimeEnvironment.GetRuntimeDirectory();
        var version = new DirectoryInfo(netCore).Name;
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(netCore.TrimEnd(Path.DirectorySeparatorChar)))!;
        var aspNetCore = Directory.GetDirectories(Path.Combine(shared, "Microsoft.AspNetCore.App"))
            .OrderByDescending(d => Path.GetFileName(d) == version).First();
        foreach (var file in Directory.GetFiles(netCore, "*.dll").Concat(Directory.GetFiles(aspNetCore, "*.dll")))
        {
            using var stream = File.OpenRead(file);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                continue;
            }

            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(handle);
                if ((type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public)
                {
                    yield return (metadata.GetString(type.Namespace), WithoutArity(metadata.GetString(type.Name)));
                }
            }
        }
    }

    private static string WithoutArity(string name) => name.IndexOf('`', StringComparison.Ordinal) is >= 0 and var tick ? name[..tick] : name;
}
