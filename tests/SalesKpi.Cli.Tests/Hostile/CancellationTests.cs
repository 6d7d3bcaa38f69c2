using System.Diagnostics;
using System.Text;

namespace SalesKpi.Cli.Tests.Hostile;

/// <summary>
/// Hostile class: a run cancelled by the user. The tool runs on a real terminal (a pseudo-terminal made by
/// <c>script</c>), so that it shows its progress display, which hides the cursor; Ctrl-C or SIGTERM during the import
/// must show the cursor again and exit with 130 or 143.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private const string HideCursor = "\u001b[?25l";
    private const string ShowCursor = "\u001b[?25h";

    private readonly TempDirectory _directory = new();

    public CancellationTests()
    {
        // Well past the 8 MB from which progress is shown, and seconds of import even on a fast machine, so that the signal
        // (sent as soon as the progress display is up) lands during it.
        using var writer = new StreamWriter(Path.Combine(_directory.Path, "activities.csv"));
        writer.Write("id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool\n");
        for (var i = 0; writer.BaseStream.Length < ImportProgressDisplay.ThresholdBytes * 6; i++)
        {
            writer.Write($"activity-{i:D8},call,rep-{i % 10},2025-03-{1 + (i % 28):D2}T10:00:00Z,connected,,,\n");
        }
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Regression_Report_CtrlCDuringAnImport_ShowsTheCursorAgainAndExits130InsteadOfLeavingItHidden()
    {
        var (exitCode, screen) = RunOnTerminal(terminal => terminal.StandardInput.Write('\u0003'));

        Assert.Equal(130, exitCode);
        Assert.Contains(HideCursor, screen);
        Assert.True(screen.LastIndexOf(ShowCursor, StringComparison.Ordinal) > screen.LastIndexOf(HideCursor, StringComparison.Ordinal), "the cursor is shown after it was last hidden");
        Assert.Contains("saleskpi: interrupted", screen);
        Assert.DoesNotContain("SalesKpi report:", screen);
    }

    [Fact]
    public void Report_SigtermDuringAnImport_ShowsTheCursorAgainAndExits143()
    {
        var pidFile = Path.Combine(_directory.Path, "pid");
        var (exitCode, screen) = RunOnTerminal(
            _ =>
            {
                var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
            },
            pidFile);

        Assert.Equal(143, exitCode);
        Assert.True(screen.LastIndexOf(ShowCursor, StringComparison.Ordinal) > screen.LastIndexOf(HideCursor, StringComparison.Ordinal), "the cursor is shown after it was last hidden");
    }

    /// <summary>Runs a report on a pseudo-terminal, sends the interruption once the progress display is up, and returns the exit code and all the terminal showed.</summary>
    private (int ExitCode, string Screen) RunOnTerminal(Action<Process> interrupt, string? pidFile = null)
    {
        var command = $"{ToolProcess.Command} report --data '{_directory.Path}' --kpi calls";
        if (pidFile is not null)
        {
            command = $"echo $$ > '{pidFile}'; exec {command}";
        }

        var start = new ProcessStartInfo("script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--quiet", "--flush", "--return", "--command", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        start.Environment["TERM"] = "xterm-256color";
        using var terminal = Process.Start(start)!;
        var screen = new StringBuilder();
        var buffer = new byte[64 * 1024];
        var stream = terminal.StandardOutput.BaseStream;
        // A hang guard, not a timing: past the deadline the read is cancelled and the test fails below.
        using var deadline = new CancellationTokenSource(ToolProcess.Deadline);
        var interrupted = false;
        while (true)
        {
            var read = stream.ReadAsync(buffer).AsTask();
            try
            {
                read.Wait(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var count = read.Result;

            if (count == 0)
            {
                break;
            }

            screen.Append(Encoding.UTF8.GetString(buffer, 0, count));
            if (!interrupted && screen.ToString().Contains(HideCursor, StringComparison.Ordinal))
            {
                interrupted = true;
                interrupt(terminal);
                terminal.StandardInput.Flush();
            }
        }

        if (!terminal.WaitForExit(ToolProcess.Deadline))
        {
            terminal.Kill(entireProcessTree: true);
            Assert.Fail("saleskpi did not end after the interruption:\n" + screen);
        }

        Assert.True(interrupted, "the progress display never started:\n" + screen);
        return (terminal.ExitCode, screen.ToString());
    }
}
