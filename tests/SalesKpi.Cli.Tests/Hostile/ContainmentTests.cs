namespace SalesKpi.Cli.Tests.Hostile;

/// <summary>
/// Hostile class: reads outside what the user pointed at. A mapping's sources, and the data files themselves, must
/// resolve inside --data (after symbolic links); anything else is refused before it is opened, and no message quotes
/// more than a short excerpt of any file.
/// </summary>
public sealed class ContainmentTests : IDisposable
{
    private const string Secret = "TOP-SECRET-FIRST-LINE:x:0:0";

    private readonly TempDirectory _outside = new();
    private readonly TempDirectory _data = new();

    public ContainmentTests()
    {
        // A file next to the data directory, standing for /etc/passwd: its first line must never reach a message.
        File.WriteAllText(Path.Combine(_outside.Path, "passwd"), Secret + "\nsecond line\n");
        _data.Write("export.csv", "id,name\nana,Ana");
    }

    public void Dispose()
    {
        _outside.Dispose();
        _data.Dispose();
    }

    [Theory]
    [InlineData("relative")]
    [InlineData("absolute")]
    [InlineData("symlink")]
    public void Regression_Report_MappingSourceOutsideTheDataDirectory_IsRefusedWithoutQuotingTheFileInsteadOfReadingIt(string how)
    {
        // The "did you mean" message of a header the mapping did not expect used to print the outside file's first line.
        var passwd = Path.Combine(_outside.Path, "passwd");
        var source = how switch
        {
            "relative" => Path.Combine("..", Path.GetFileName(_outside.Path), "passwd"),
            "absolute" => passwd,
            _ => "link.csv",
        };
        if (how == "symlink")
        {
            File.CreateSymbolicLink(Path.Combine(_data.Path, "link.csv"), passwd);
        }

        var mapping = Path.Combine(_outside.Path, "mapping.json");
        var json = """{"files": [{"source": "SOURCE", "target": "reps", "columns": {"id": "id", "name": "name", "team": {"value": "north"}}}]}""";
        File.WriteAllText(mapping, json.Replace("SOURCE", source.Replace("\\", "\\\\", StringComparison.Ordinal), StringComparison.Ordinal));

        var result = Cli.Run("report", "--data", _data.Path, "--mapping", mapping);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("saleskpi: bad data: ", result.Error);
        Assert.Contains("outside the data directory", result.Error);
        Assert.DoesNotContain("TOP-SECRET", result.Error + result.Output);
    }

    [Fact]
    public void Report_DataFileThatLinksOutsideTheDataDirectory_IsRefused()
    {
        File.WriteAllText(Path.Combine(_outside.Path, "reps.csv"), "id,name,team\nana,Ana,north\n");
        File.CreateSymbolicLink(Path.Combine(_data.Path, "reps.csv"), Path.Combine(_outside.Path, "reps.csv"));

        var result = Cli.Run("report", "--data", _data.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("outside the data directory", result.Error);
    }

    [Fact]
    public void Report_MappingSourceInASubdirectoryOfTheData_IsRead()
    {
        // Inside is inside: a source in a subdirectory of --data is allowed.
        Directory.CreateDirectory(Path.Combine(_data.Path, "crm"));
        File.WriteAllText(Path.Combine(_data.Path, "crm", "export.csv"), "id,name\nana,Ana\nben,Ben\n");
        var mapping = Path.Combine(_outside.Path, "mapping.json");
        File.WriteAllText(mapping, """{"files": [{"source": "crm/export.csv", "target": "reps", "columns": {"id": "id", "name": "name", "team": {"value": "north"}}}]}""");

        var result = Cli.Run("report", "--data", _data.Path, "--mapping", mapping, "--from", "2025-01-01", "--to", "2025-12-31", "--kpi", "calls", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("\"reps\": 2", result.Output);
    }
}
