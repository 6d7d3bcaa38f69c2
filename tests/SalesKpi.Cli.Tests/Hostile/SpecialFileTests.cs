using System.Diagnostics;

namespace SalesKpi.Cli.Tests.Hostile;

/// <summary>
/// Hostile class: data and mapping files that cannot be read — no permission, a directory, a FIFO, a device. Each ends
/// promptly (a run past <see cref="ToolProcess.Deadline"/> fails as a hang) with exit 1 and a message that names the
/// file and why: never a crash, a block on a FIFO, or memory filled from an endless device.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SpecialFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Regression_Report_UnreadableDataFile_SaysPermissionDeniedInsteadOfAnInternalError()
    {
        // Root reads any file whatever its mode, so the tool runs as the unprivileged user 'nobody' (65534) here.
        _directory.Write("reps.csv", "id,name,team\nana,Ana,north");
        File.SetUnixFileMode(Path.Combine(_directory.Path, "reps.csv"), UnixFileMode.None);

        var result = ToolProcess.Shell($"saleskpi report --data '{_directory.Path}'", user: "65534");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"saleskpi: bad data: cannot read {Path.Combine(_directory.Path, "reps.csv")}: permission denied\n", result.Error);
    }

    [Fact]
    public void Regression_Report_UnreadableDataDirectory_SaysPermissionDeniedInsteadOfThatItHasNoSalesKpiFile()
    {
        // A directory that cannot be listed made every file in it look absent: "has none of the SalesKpi files" (exit 2).
        _directory.Write("reps.csv", "id,name,team\nana,Ana,north");
        File.SetUnixFileMode(_directory.Path, UnixFileMode.None);
        try
        {
            var result = ToolProcess.Shell($"saleskpi report --data '{_directory.Path}'", user: "65534");

            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"saleskpi: bad data: cannot read {_directory.Path}: permission denied\n", result.Error);
        }
        finally
        {
            File.SetUnixFileMode(_directory.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Report_UnreadableMappingFile_SaysPermissionDenied()
    {
        _directory.Write("export.csv", "id,name\nana,Ana");
        var mapping = Path.Combine(_directory.Path, "mapping.json");
        File.WriteAllText(mapping, """{"files": [{"source": "export.csv", "target": "reps", "columns": {"id": "id", "name": "name", "team": {"value": "north"}}}]}""");
        File.SetUnixFileMode(mapping, UnixFileMode.None);

        var result = ToolProcess.Shell($"saleskpi report --data '{_directory.Path}' --mapping '{mapping}'", user: "65534");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"saleskpi: bad data: --mapping: cannot read the mapping file '{mapping}': permission denied", result.Error);
    }

    [Fact]
    public void Report_DataFileThatIsADirectory_IsBadDataNamingIt()
    {
        _directory.Write("reps.csv", "id,name,team\nana,Ana,north");
        Directory.CreateDirectory(Path.Combine(_directory.Path, "leads.csv"));

        var result = ToolProcess.Run("report", "--data", _directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"saleskpi: bad data: cannot read {Path.Combine(_directory.Path, "leads.csv")}: ", result.Error);
        Assert.Contains("directory", result.Error);
    }

    [Fact]
    public void Regression_Report_DataFileThatIsAFifo_IsBadDataInsteadOfBlockingForever()
    {
        _directory.Write("reps.csv", "id,name,team\nana,Ana,north");
        MakeFifo(Path.Combine(_directory.Path, "leads.csv"));

        var result = ToolProcess.Run("report", "--data", _directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"saleskpi: bad data: cannot read {Path.Combine(_directory.Path, "leads.csv")}: ", result.Error);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void Regression_Report_DataFileLinkedToAnEndlessDevice_IsRefusedInsteadOfFillingMemory(string device)
    {
        _directory.Write("reps.csv", "id,name,team\nana,Ana,north");
        File.CreateSymbolicLink(Path.Combine(_directory.Path, "leads.csv"), device);

        var result = ToolProcess.Run("report", "--data", _directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("saleskpi: bad data: ", result.Error);
        Assert.Contains("leads.csv", result.Error);
        Assert.DoesNotContain("internal error", result.Error);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("fifo")]
    public void Regression_Report_MappingThatIsADeviceOrAFifo_IsBadDataInsteadOfFillingMemoryOrBlocking(string special)
    {
        _directory.Write("export.csv", "id,name\nana,Ana");
        var mapping = special;
        if (special == "fifo")
        {
            mapping = Path.Combine(_directory.Path, "mapping.json");
            MakeFifo(mapping);
        }

        var result = ToolProcess.Run("report", "--data", _directory.Path, "--mapping", mapping);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"saleskpi: bad data: --mapping: cannot read the mapping file '{mapping}': ", result.Error);
    }

    [Fact]
    public void Report_MappingThatIsADirectory_IsBadUsageNamingIt()
    {
        var result = ToolProcess.Run("report", "--data", _directory.Path, "--mapping", _directory.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"saleskpi: bad usage: --mapping: '{_directory.Path}' is a directory, not a mapping file.", result.Error);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
