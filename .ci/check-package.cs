// Checks that each package holds what a NuGet consumer needs: icon, license file, a readme whose links work on the
// package page, XML docs, symbols, the repository commit; and that the SalesKpi package depends only on what it may.
// Usage: dotnet run --file .ci/check-package.cs -- <folder with the .nupkg and .snupkg files> [more folders]
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

var folders = args.Length > 0 ? args : ["artifacts/package"];
var problems = new List<string>();
var checkedPackages = new List<string>();
foreach (var nupkg in folders.SelectMany(f => Directory.GetFiles(f, "*.nupkg")).Order(StringComparer.Ordinal))
{
    var name = Path.GetFileName(nupkg);
    void Problem(string text) => problems.Add($"{name}: {text}");
    using var zip = ZipFile.OpenRead(nupkg);
    var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

    // Symbols for every package with managed code; the tool's top-level package (a pointer to its RID packages) and its
    // Native AOT package (a native binary) hold no .dll.
    if (names.Any(n => n.EndsWith(".dll", StringComparison.Ordinal)) && !File.Exists(Path.ChangeExtension(nupkg, ".snupkg")))
    {
        Problem("no .snupkg symbols package beside it");
    }
    var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
    XElement metadata;
    using (var stream = nuspecEntry.Open())
    {
        metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    string? Get(string field) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == field)?.Value;
    var id = Get("id")!;
    var isTool = metadata.Descendants().Any(e => e.Name.LocalName == "packageType" && ((string?)e.Attribute("name"))?.StartsWith("DotnetTool", StringComparison.Ordinal) == true);
    var required = new List<string> { "icon.png", "README.md", "LICENSE" };
    if (!isTool)
    {
        required.AddRange([$"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml"]);
    }

    foreach (var file in required.Where(f => !names.Contains(f)))
    {
        Problem($"lacks {file}");
    }

    foreach (var field in new[] { "id", "version", "description", "tags", "license", "icon", "readme", "authors", "projectUrl" })
    {
        if (string.IsNullOrWhiteSpace(Get(field)))
        {
            Problem($"the nuspec has no {field}");
        }
    }

    var repository = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "repository");
    if (repository is null)
    {
        Problem("the nuspec has no repository element");
    }
    else
    {
        if ((string?)repository.Attribute("url") != "https://github.com/saleskpi/saleskpi")
        {
            Problem($"the repository url is '{(string?)repository.Attribute("url")}', not https://github.com/saleskpi/saleskpi");
        }

        if (!Regex.IsMatch((string?)repository.Attribute("commit") ?? "", "^[0-9a-f]{40}$"))
        {
            Problem("the repository element records no commit");
        }
    }

    if (names.Contains("README.md"))
    {
        using var reader = new StreamReader(zip.GetEntry("README.md")!.Open());
        var readme = reader.ReadToEnd();
        foreach (Match link in Regex.Matches(readme, @"\]\((?<target>[^)\s]+)\)"))
        {
            var target = link.Groups["target"].Value;
            if (!target.StartsWith("https://", StringComparison.Ordinal) && !target.StartsWith("http://", StringComparison.Ordinal))
            {
                Problem($"README.md links to '{target}', which is broken on the package page (not an absolute URL)");
            }
        }
    }

    if (id == "SalesKpi")
    {
        var deps = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!, StringComparer.Ordinal);
        var allowed = new[] { "Microsoft.Extensions.DependencyInjection.Abstractions", "NodaTime" };
        if (!deps.Keys.Order(StringComparer.Ordinal).SequenceEqual(allowed))
        {
            Problem($"the package depends on [{string.Join(", ", deps.Keys)}]; only [{string.Join(", ", allowed)}] are allowed");
        }

        // The floor: an app on .NET 10 must not have to raise its own DI packages to take SalesKpi.
        if (deps.TryGetValue(allowed[0], out var di) && di != "10.0.0")
        {
            Problem($"the package depends on {allowed[0]} {di}; its floor is 10.0.0");
        }
    }

    if (id == "SalesKpi.Rendering")
    {
        // The renderers stay light: a host that renders a report takes SalesKpi and nothing else (docs/rendering.md).
        var deps = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();
        if (!deps.SequenceEqual(["SalesKpi"]))
        {
            Problem($"the package depends on [{string.Join(", ", deps)}]; only [SalesKpi] is allowed");
        }
    }

    checkedPackages.Add(name);
}

if (checkedPackages.Count == 0)
{
    problems.Add($"no .nupkg in {string.Join(", ", folders)}");
}

if (problems.Count > 0)
{
    foreach (var p in problems)
    {
        Console.Error.WriteLine("package check: " + p);
    }

    return 1;
}

Console.WriteLine($"package check: {string.Join(", ", checkedPackages)}: icon, LICENSE, README with absolute links, XML docs, symbols, commit; metadata complete");
return 0;
