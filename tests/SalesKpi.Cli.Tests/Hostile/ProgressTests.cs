using System.Diagnostics;
using System.Text.Json;

namespace SalesKpi.Cli.Tests.Hostile;

/// <summary>
/// The progress of a large import, on a real terminal (a pseudo-terminal made by <c>script</c>): it goes to standard
/// error whenever that is a terminal — also in the common <c>saleskpi report --format json &gt; report.json</c> — and
/// never into the redirected report.
/// </summary>
public sealed class ProgressTests : IDisposable
{
    private const string HideCursor = "\u001b[?25l";

    private readonly TempDirectory _directory = new();

    public ProgressTests()
    {
        // Past the 8 MB from which an import shows its progress: 9 MB of calls.
        using var writer = new StreamWriter(Path.Combine(_directory.Path, "activities.csv"));
        writer.Write("id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool\n");
        for (var i = 0; writer.BaseStream.Length < ImportProgressDisplay.ThresholdBytes + (1024 * 1024); i++)
        {
            writer.Write($"activity-{i:D8},call,rep-{i % 10},2025-03-{1 + (i % 28):D2}T10:00:00Z,connected,,,\n");
        }
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Regression_Report_StdoutRedirectedToAFile_ShowsTheProgressOnTheTerminalsStderrAndLeavesTheFileClean()
    {
        // Progress used to need both outputs on a terminal, so that the usual "> report.json" showed none.
        var output = Path.Combine(_directory.Path, "report.json");

        var (exitCode, screen) = RunOnTerminal($"{ToolProcess.Command} report --data '{_directory.Path}' --kpi calls --format json > '{output}'");

        Assert.Equal(0, exitCode);
        Assert.Contains(HideCursor, screen);
        Assert.Contains("activities.csv (", screen); // the file's task: "activities.csv (8,192 rows)"
        Assert.Contains("100%", screen);
        Assert.DoesNotContain("formatVersion", screen);

        var json = File.ReadAllText(output);
        Assert.DoesNotContain('\u001b', json);
        using var report = JsonDocument.Parse(json);
        var rows = report.RootElement.GetProperty("import").GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString()!.EndsWith("activities.csv", StringComparison.Ordinal));
        Assert.True(rows.GetProperty("records").GetInt32() > 90_000, rows.ToString());
    }

    [Fact]
    public void Report_StderrRedirected_ShowsNoProgressEvenOnATerminal()
    {
        var errors = Path.Combine(_directory.Path, "errors.txt");

        var (exitCode, screen) = RunOnTerminal($"{ToolProcess.Command} report --data '{_directory.Path}' --kpi calls 2> '{errors}'");

        Assert.Equal(0, exitCode);
        Assert.Contains("SalesKpi report:", screen);
        Assert.DoesNotContain(HideCursor, screen);
        Assert.Equal(string.Empty, File.ReadAllText(errors));
    }

    /// <summary>Runs a shell command on a pseudo-terminal to its end and returns the exit code and all the terminal showed.</summary>
    private static (int ExitCode, string Screen) RunOnTerminal(string command)
    {
        var start = new ProcessStartInfo("script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--quiet", "--return", "--command", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        start.Environment["TERM"] = "xterm-256color";
        using var terminal = Process.Start(start)!;
        var screen = terminal.StandardOutput.ReadToEndAsync();
        if (!terminal.WaitForExit(ToolProcess.Deadline))
        {
            terminal.Kill(entireProcessTree: true);
            Assert.Fail("saleskpi did not end on the terminal");
        }

        terminal.WaitForExit();
        return (terminal.ExitCode, screen.Result);
    }
}
