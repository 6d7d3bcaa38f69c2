using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SalesKpi.Cli.Tests;

/// <summary>
/// Runs the built tool as a process from the repository root, as the README and docs/examples/maven-crm/README.md tell a
/// person to, and compares its output with what the documents show.
/// </summary>
public partial class ExecutableTests
{
    private const string DocumentedCommand = "dotnet run --project src/SalesKpi.Cli -- ";
    private const string Elision = "[...]";

    /// <summary>Gets the repository's root: the folder above the test binaries that holds SalesKpi.sln.</summary>
    internal static string RepositoryRoot { get; } = FindRepositoryRoot();

    [Fact]
    public void ReadmeFirstCommand_PrintsTheSampleReport()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        Assert.Contains(DocumentedCommand + "report ", readme);

        var result = RunTool("report");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.StartsWith("SalesKpi report: embedded sample\n2025-01-01 to 2025-12-31 (UTC)", result.Output);
        Assert.Contains("│ close-rate ", result.Output);
    }

    [Fact]
    public void Tool_BadUsage_ExitCodeIsTwo()
    {
        var result = RunTool("report", "--by", "region");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--by: 'region' is not a grouping or a dimension of the data (the groupings are rep, team, source, lost-reason, forecast-category, none; the data has no dimensions).", result.Error);
    }

    [Fact]
    public void Tool_LargeImportWithRedirectedOutput_WritesNoProgress()
    {
        using var directory = new TempDirectory();
        using (var writer = new StreamWriter(Path.Combine(directory.Path, "activities.csv")))
        {
            writer.Write("id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool\n");
            for (var i = 0; writer.BaseStream.Length < ImportProgressDisplay.ThresholdBytes + 1_000_000; i++)
            {
                writer.Write($"activity-{i:D8},call,rep-{i % 10},2025-03-{1 + (i % 28):D2}T10:00:00Z,connected,,,\n");
            }
        }

        var result = RunTool("report", "--data", directory.Path, "--kpi", "calls");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.StartsWith("SalesKpi report: ", result.Output);
    }

    [Fact]
    public void MavenExample_EveryDocumentedCommand_ReproducesTheDocumentedReport()
    {
        var directory = Path.Combine(RepositoryRoot, "docs", "examples", "maven-crm");
        var readme = File.ReadAllText(Path.Combine(directory, "README.md")).ReplaceLineEndings("\n");
        var examples = Example().Matches(readme);
        Assert.True(examples.Count >= 3, "docs/examples/maven-crm/README.md documents its commands with their output");

        foreach (Match example in examples)
        {
            var args = example.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var expected = example.Groups["output"].Value;
            var result = RunTool(args);

            Assert.True(result.ExitCode == 0, result.Error);
            if (expected.TrimEnd().EndsWith(Elision, StringComparison.Ordinal))
            {
                Assert.StartsWith(expected.TrimEnd()[..^Elision.Length], result.Output);
            }
            else
            {
                Assert.Equal(expected, result.Output);
            }
        }
    }

    [Fact]
    public void MavenExample_ByAgentFile_IsTheOutputOfItsCommand()
    {
        var expected = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "examples", "maven-crm", "by-agent-per-quarter.txt")).ReplaceLineEndings("\n");

        var result = RunTool(
            "report", "--data", "../shared/datasets/maven-crm", "--mapping", "docs/examples/maven-crm/mapping.json",
            "--by", "rep", "--per", "quarter", "--kpi", "close-rate,deals-won,revenue,average-deal-size,sales-cycle-length");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Output);
    }

    /// <summary>A documented command and the text block after it.</summary>
    [GeneratedRegex("```bash\n" + "dotnet run --project src/SalesKpi\\.Cli -- (?<args>[^\n]+)\n```\n+```text\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    private static CliResult RunTool(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SalesKpi.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("COLUMNS");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new CliResult(process.ExitCode, output.Result.ReplaceLineEndings("\n"), error);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SalesKpi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: no SalesKpi.sln above " + AppContext.BaseDirectory);
    }
}
