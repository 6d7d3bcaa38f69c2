// Summarises one or more Stryker.NET reports (mutation-report.json) of tools/mutation.sh runs, file by file, folder by
// folder and in total, so slices run separately add up to the library's score:
//   dotnet run --file tools/mutation-summary.cs -- [--survivors] <report.json>...
// A file measured in several reports counts once, from the last report given that tested it (list reruns last).
// Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker computes it; mutants that do
// not compile or were ignored are not counted.
using System.Globalization;
using System.Text.Json;

var survivors = args.Contains("--survivors");
var paths = args.Where(a => a != "--survivors").ToList();
if (paths.Count == 0 || paths.Any(p => !File.Exists(p)))
{
    Console.Error.WriteLine("usage: dotnet run --file tools/mutation-summary.cs -- [--survivors] <mutation-report.json>...");
    return 2;
}

var files = new SortedDictionary<string, FileResult>(StringComparer.Ordinal);
foreach (var path in paths)
{
    using var document = JsonDocument.Parse(File.ReadAllBytes(path));
    foreach (var file in document.RootElement.GetProperty("files").EnumerateObject())
    {
        var name = file.Name.Replace('\\', '/');
        var marker = name.IndexOf("src/SalesKpi/", StringComparison.Ordinal);
        name = marker >= 0 ? name[(marker + "src/SalesKpi/".Length)..] : name;
        var source = file.Value.GetProperty("source").GetString()!.Split('\n');
        var result = new FileResult();
        foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
        {
            var status = mutant.GetProperty("status").GetString()!;
            var line = mutant.GetProperty("location").GetProperty("start").GetProperty("line").GetInt32();
            switch (status)
            {
                case "Killed" or "Timeout":
                    result.Detected++;
                    break;
                case "Survived" or "NoCoverage":
                    result.Undetected++;
                    var replacement = mutant.TryGetProperty("replacement", out var r) ? r.GetString() : null;
                    result.Survivors.Add($"{name}:{line} [{status}] {mutant.GetProperty("mutatorName").GetString()}: " +
                        $"{Shorten(source[line - 1].Trim())} --> {Shorten(replacement ?? string.Empty)}");
                    break;
            }
        }

        if (result.Tested > 0)
        {
            files[name] = result;
        }
    }
}

Console.WriteLine($"{"file",-58} {"detected",9} {"tested",7} {"score",7}");
foreach (var (name, result) in files)
{
    Console.WriteLine($"{name,-58} {result.Detected,9} {result.Tested,7} {Score(result.Detected, result.Tested),7}");
}

Console.WriteLine();
foreach (var folder in files.GroupBy(f => f.Key.Contains('/') ? f.Key[..f.Key.IndexOf('/')] : "(root)"))
{
    var (detected, tested) = (folder.Sum(f => f.Value.Detected), folder.Sum(f => f.Value.Tested));
    Console.WriteLine($"{folder.Key + "/",-58} {detected,9} {tested,7} {Score(detected, tested),7}");
}

var total = (Detected: files.Values.Sum(f => f.Detected), Tested: files.Values.Sum(f => f.Tested));
Console.WriteLine($"{"total",-58} {total.Detected,9} {total.Tested,7} {Score(total.Detected, total.Tested),7}");

if (survivors)
{
    Console.WriteLine();
    foreach (var line in files.Values.SelectMany(f => f.Survivors))
    {
        Console.WriteLine(line);
    }
}

return 0;

static string Score(int detected, int tested) =>
    tested == 0 ? "-" : (100.0 * detected / tested).ToString("0.0", CultureInfo.InvariantCulture) + "%";

static string Shorten(string text)
{
    var flat = text.ReplaceLineEndings(" ");
    return flat.Length <= 100 ? flat : flat[..97] + "...";
}

internal sealed class FileResult
{
    public int Detected { get; set; }

    public int Undetected { get; set; }

    public int Tested => Detected + Undetected;

    public List<string> Survivors { get; } = [];
}
