namespace SalesKpi.Cli.Tests;

/// <summary>A directory of files written by a test, deleted when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "saleskpi-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Write(string fileName, string text) => File.WriteAllText(System.IO.Path.Combine(Path, fileName), text.ReplaceLineEndings("\n") + "\n");

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
