using System.Diagnostics;
using System.Text;

namespace SalesKpi.Cli.Tests.Hostile;

/// <summary>Runs the built tool as a process — through a shell when a test needs redirections — with a deadline.</summary>
internal static class ToolProcess
{
    /// <summary>The longest a run may take; a run past it is killed and fails the test as a hang.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "SalesKpi.Cli.dll");

    /// <summary>Gets the command that runs the tool, quoted for a shell.</summary>
    public static string Command => $"'{DotnetHost}' '{Dll}'";

    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>Runs <c>saleskpi</c> with the arguments.</summary>
    public static CliResult Run(params string[] args)
    {
        var start = Start(DotnetHost);
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Wait(start);
    }

    /// <summary>Runs a bash command line in which <c>saleskpi</c> is the tool, such as <c>saleskpi report &gt; /dev/full</c>.</summary>
    public static CliResult Shell(string commandLine, string? user = null)
    {
        var start = Start("/bin/bash");
        if (user is not null)
        {
            // setpriv runs the shell as another user, so that file permissions apply even when the tests run as root.
            start.FileName = "setpriv";
            foreach (var arg in new[] { "--reuid=" + user, "--regid=" + user, "--clear-groups", "/bin/bash" })
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("saleskpi() { \"$SALESKPI_HOST\" \"$SALESKPI_DLL\" \"$@\"; }; " + commandLine);
        start.Environment["SALESKPI_HOST"] = DotnetHost;
        start.Environment["SALESKPI_DLL"] = Dll;
        return Wait(start);
    }

    private static ProcessStartInfo Start(string fileName)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment.Remove("COLUMNS");
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    private static CliResult Wait(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Deadline))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"saleskpi did not end within {Deadline.TotalSeconds} s (it hangs): {start.FileName} {string.Join(' ', start.ArgumentList)}");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, output.Result.ReplaceLineEndings("\n"), error.Result.ReplaceLineEndings("\n"));
    }
}
