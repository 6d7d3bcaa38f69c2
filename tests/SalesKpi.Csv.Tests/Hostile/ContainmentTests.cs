namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>
/// Nothing outside the data directory is read: a mapping's source that is absolute, climbs out with <c>..</c> or
/// resolves outside through a symbolic link is refused before it is opened, and so is a data file that is a link to
/// a file outside. Links that stay inside are followed.
/// </summary>
public sealed class ContainmentTests : IDisposable
{
    private const string People = "Id,Name,Team\nr1,Ana,north\n";

    private readonly TempDirectory _root = new();

    public ContainmentTests()
    {
        Directory.CreateDirectory(_root["data"]);
        _root.Write("secret.csv", "root:x:0:0:root:/root:/bin/bash\n");
    }

    private string Data => _root["data"];

    [Theory]
    [InlineData("../secret.csv")]
    [InlineData("../../../../../../../../etc/passwd")]
    [InlineData("sub/../../secret.csv")]
    [InlineData("/etc/passwd")]
    public void Regression_Import_MappingSourceOutsideTheDirectory_WasReadAndItsFirstLineQuotedInTheHeaderMessage(string source)
    {
        var error = Assert.IsType<CsvImportException>(Import(source));

        Assert.Equal($"the mapping mapping reads '{source}', which is outside the data directory '{Data}'; a mapping reads only files inside it", error.Message);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MappingSourceThatIsALinkToAFileOutside_IsRefusedNamingWhereItResolves()
    {
        File.CreateSymbolicLink(Path.Combine(Data, "people.csv"), _root["secret.csv"]);

        var error = Assert.IsType<CsvImportException>(Import("people.csv"));

        Assert.Equal($"the mapping mapping reads 'people.csv', which is outside the data directory '{Data}' (it resolves to '{_root["secret.csv"]}'); a mapping reads only files inside it", error.Message);
    }

    [Fact]
    public void Import_MappingSourceUnderALinkedDirectoryOutside_IsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(Data, "up"), _root.Path);

        var error = Assert.IsType<CsvImportException>(Import("up/secret.csv"));

        Assert.Contains("which is outside the data directory", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("people.csv")]
    [InlineData("./people.csv")]
    [InlineData("sub/../people.csv")]
    public void Import_MappingSourceInsideTheDirectory_Imports(string source)
    {
        Directory.CreateDirectory(Path.Combine(Data, "sub"));
        File.WriteAllText(Path.Combine(Data, "people.csv"), People);

        Assert.Null(Import(source));
    }

    [Fact]
    public void Import_LinkInsideTheDirectoryToAFileInsideIt_IsFollowed()
    {
        Directory.CreateDirectory(Path.Combine(Data, "exports"));
        File.WriteAllText(Path.Combine(Data, "exports", "people-2025.csv"), People);
        File.CreateSymbolicLink(Path.Combine(Data, "people.csv"), "exports/people-2025.csv");

        Assert.Null(Import("people.csv"));
    }

    [Fact]
    public void Import_DataDirectoryReachedThroughALink_ReadsItsFiles()
    {
        File.WriteAllText(Path.Combine(Data, "reps.csv"), "id,name,team\nr1,Ana,north\n");
        var link = _root.Link("data-link", Data);

        var result = new CsvImporter().ImportDirectory(link);

        Assert.Equal("r1", result.Data.Roster.Reps.Single().Id.Value);
    }

    [Theory]
    [InlineData(CsvErrorMode.Fail)]
    [InlineData(CsvErrorMode.Report)]
    public void Import_NativeDataFileThatIsALinkToAFileOutside_IsRefused(CsvErrorMode mode)
    {
        File.CreateSymbolicLink(Path.Combine(Data, "reps.csv"), _root["secret.csv"]);

        var error = Assert.IsType<CsvImportException>(TempDirectory.Throws(() => new CsvImporter(new CsvImportOptions { OnError = mode }).ImportDirectory(Data)));

        Assert.Equal($"cannot read {Path.Combine(Data, "reps.csv")}: it resolves to '{_root["secret.csv"]}', which is outside the data directory '{Data}'; only files inside it are read", error.Message);
    }

    [Fact]
    public void Import_NativeDataFileThatIsALinkToDevZero_IsRefusedWithoutReadingIt()
    {
        File.CreateSymbolicLink(Path.Combine(Data, "leads.csv"), "/dev/zero");

        var error = Assert.IsType<CsvImportException>(TempDirectory.Throws(() => new CsvImporter().ImportDirectory(Data)));

        Assert.Contains("it resolves to '/dev/zero', which is outside the data directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LoopOfLinks_IsACsvImportException()
    {
        File.CreateSymbolicLink(Path.Combine(Data, "reps.csv"), "loop.csv");
        File.CreateSymbolicLink(Path.Combine(Data, "loop.csv"), "reps.csv");

        var error = Assert.IsType<CsvImportException>(TempDirectory.Throws(() => new CsvImporter().ImportDirectory(Data)));

        Assert.Contains("too many levels of symbolic links", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../people.csv")]
    [InlineData("/people.csv")]
    public void Import_MappingSourceClimbingOutOfACustomSource_IsRefused(string source)
    {
        var files = new Dictionary<string, byte[]> { [source] = ByteSource.Utf8(People) };

        var error = Assert.IsType<CsvImportException>(ByteSource.Run(files, mapping: Mapping(source)).Error);

        Assert.Equal($"the mapping mapping reads '{source}', which is outside the data directory 'mem'; a mapping reads only files inside it", error.Message);
    }

    public void Dispose() => _root.Dispose();

    private static CsvMapping Mapping(string source) => CsvMapping.Parse($$"""
        { "files": [{ "source": "{{source}}", "target": "reps", "columns": { "id": "Id", "name": "Name", "team": "Team" } }] }
        """);

    private Exception? Import(string source) =>
        TempDirectory.Throws(() => new CsvImporter(new CsvImportOptions { Mapping = Mapping(source) }).ImportDirectory(Data));
}
