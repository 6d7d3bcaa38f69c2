// Checks that the SalesKpi package holds what a NuGet consumer needs: icon, readme, XML docs, license, symbols.
// Usage: dotnet run --file .ci/check-package.cs -- <folder with the .nupkg and .snupkg>
using System.IO.Compression;
using System.Xml.Linq;

var folder = args.Length > 0 ? args[0] : "artifacts/package";
var nupkg = Directory.GetFiles(folder, "SalesKpi.*.nupkg").Single(f => !f.EndsWith(".snupkg", StringComparison.Ordinal));
var snupkg = Directory.GetFiles(folder, "SalesKpi.*.snupkg").SingleOrDefault();
var problems = new List<string>();
using (var zip = ZipFile.OpenRead(nupkg))
{
    var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
    foreach (var required in new[] { "icon.png", "README.md", "lib/net10.0/SalesKpi.dll", "lib/net10.0/SalesKpi.xml" })
    {
        if (!names.Contains(required))
        {
            problems.Add($"{Path.GetFileName(nupkg)} lacks {required}");
        }
    }

    var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
    using var stream = nuspecEntry.Open();
    var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    string? Get(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
    foreach (var field in new[] { "id", "version", "description", "tags", "license", "icon", "readme", "authors" })
    {
        if (string.IsNullOrWhiteSpace(Get(field)))
        {
            problems.Add($"the nuspec has no {field}");
        }
    }

    if (metadata.Elements().All(e => e.Name.LocalName != "repository"))
    {
        problems.Add("the nuspec has no repository element");
    }

    var deps = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).Distinct().Order().ToArray();
    var allowed = new[] { "Microsoft.Extensions.DependencyInjection.Abstractions", "NodaTime" };
    if (!deps.SequenceEqual(allowed))
    {
        problems.Add($"the package depends on [{string.Join(", ", deps)}]; only [{string.Join(", ", allowed)}] are allowed");
    }
}

if (snupkg is null)
{
    problems.Add("no .snupkg symbols package");
}

if (problems.Count > 0)
{
    foreach (var p in problems)
    {
        Console.Error.WriteLine("package check: " + p);
    }

    return 1;
}

Console.WriteLine($"package check: {Path.GetFileName(nupkg)} holds icon.png, README.md, SalesKpi.dll and SalesKpi.xml; metadata complete; symbols {Path.GetFileName(snupkg)}");
return 0;
