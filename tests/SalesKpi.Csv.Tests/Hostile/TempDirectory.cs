using System.Diagnostics;
using System.Text;

namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>A directory of its own under the temporary directory, deleted with its contents (links, not their targets) when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "saleskpi-csv-" + Guid.NewGuid().ToString("N"));

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = this[name];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Link(string name, string target)
    {
        File.CreateSymbolicLink(this[name], target);
        return this[name];
    }

    /// <summary>Makes a FIFO (named pipe) with mkfifo(1): opening it for reading would block until a writer comes.</summary>
    public string Fifo(string name)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [this[name]]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return this[name];
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    /// <summary>Runs an action on another thread and returns what it threw (or null); a hang fails the test.</summary>
    public static Exception? Throws(Action action)
    {
        var task = Task.Run(() =>
        {
            try
            {
                action();
                return null;
            }
#pragma warning disable CA1031 // The test classifies every exception.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return e;
            }
        });
        Assert.True(task.Wait(ByteSource.HangLimit), $"did not end within {ByteSource.HangLimit}: a hang");
        return task.Result;
    }
}
