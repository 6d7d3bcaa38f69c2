namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>
/// Data and mapping files that cannot be read — a directory, a FIFO, a device, no permission — fail promptly with a
/// clear message in every error mode, and a FIFO is never opened (it would block).
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private const string Reps = "id,name,team\nr1,Ana,north\n";

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData(CsvErrorMode.Fail)]
    [InlineData(CsvErrorMode.Report)]
    public void Import_DataFileThatIsADirectory_IsReportedNotIgnored(CsvErrorMode mode)
    {
        Directory.CreateDirectory(_data["leads.csv"]);
        _data.Write("reps.csv", Reps);

        var error = Assert.IsType<CsvImportException>(Import(mode));

        Assert.Equal($"cannot read {_data["leads.csv"]}: it is a directory", error.Message);
    }

    [Theory]
    [InlineData(CsvErrorMode.Fail)]
    [InlineData(CsvErrorMode.Report)]
    public void Import_DataFileThatIsAFifo_FailsPromptlyWithoutOpeningIt(CsvErrorMode mode)
    {
        _data.Fifo("reps.csv");

        var error = Assert.IsType<CsvImportException>(Import(mode));

        Assert.Equal($"cannot read {_data["reps.csv"]}: it is empty or not a regular file (a FIFO, a device or a socket); a data file's first line is its header", error.Message);
    }

    [Fact]
    public void Import_EmptyRegularDataFile_IsRefusedWithoutBeingOpened()
    {
        _data.Write("reps.csv", string.Empty);

        var error = Assert.IsType<CsvImportException>(Import(CsvErrorMode.Report));

        Assert.StartsWith($"cannot read {_data["reps.csv"]}: it is empty or not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LinkInsideTheDirectoryToADirectoryInsideIt_IsReportedAsADirectory()
    {
        Directory.CreateDirectory(_data["sub"]);
        _data.Link("reps.csv", "sub");

        var error = Assert.IsType<CsvImportException>(Import(CsvErrorMode.Report));

        Assert.Equal($"cannot read {_data["reps.csv"]}: it is a directory", error.Message);
    }

    [Fact]
    public void Import_BrokenLinkNamedLikeADataFile_IsReportedNotIgnored()
    {
        _data.Link("reps.csv", "missing.csv");

        var error = Assert.IsType<CsvImportException>(Import(CsvErrorMode.Report));

        Assert.Equal($"cannot read {_data["reps.csv"]}: it is a symbolic link to '{_data["missing.csv"]}', which does not exist", error.Message);
    }

    [Theory]
    [InlineData(CsvErrorMode.Fail)]
    [InlineData(CsvErrorMode.Report)]
    public void Import_SourceWhoseOpenIsDeniedPermission_SaysPermissionDenied(CsvErrorMode mode)
    {
        var source = new FailingSource(new UnauthorizedAccessException("Access to the path '/x/reps.csv' is denied."));

        var error = Assert.Throws<CsvImportException>(() => new CsvImporter(new CsvImportOptions { OnError = mode }).Import(source));

        Assert.Equal("cannot read failing/reps.csv: permission denied", error.Message);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
    }

    [Fact]
    public void Import_SourceWhoseOpenFailsWithAnIOException_IsACsvImportExceptionNamingTheFile()
    {
        var source = new FailingSource(new IOException("Input/output error"));

        var error = Assert.Throws<CsvImportException>(() => new CsvImporter().Import(source));

        Assert.Equal("cannot read failing/reps.csv: Input/output error", error.Message);
    }

    [Fact]
    public void Import_SourceWhoseFileVanishedBeforeOpen_SaysItDoesNotExist()
    {
        var error = Assert.Throws<CsvImportException>(() => new CsvImporter().Import(new FailingSource(new FileNotFoundException("gone"))));

        Assert.Equal("cannot read failing/reps.csv: it does not exist", error.Message);
    }

    [Fact]
    public void Load_MappingPathThatIsAFifo_ThrowsIOExceptionPromptly()
    {
        var path = _data.Fifo("mapping.json");

        var error = Assert.IsType<IOException>(TempDirectory.Throws(() => CsvMapping.Load(path)));

        Assert.Equal($"cannot read the mapping file '{path}': it is empty or not a regular file (a FIFO, a device or a socket)", error.Message);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("/dev/null")]
    public void Load_MappingPathThatIsADevice_ThrowsIOExceptionWithoutReadingIt(string device)
    {
        var error = Assert.IsType<IOException>(TempDirectory.Throws(() => CsvMapping.Load(device)));

        Assert.Equal($"cannot read the mapping file '{device}': it is empty or not a regular file (a FIFO, a device or a socket)", error.Message);
    }

    [Fact]
    public void Load_MappingPathThatIsALinkToDevZero_ThrowsIOException()
    {
        var path = _data.Link("mapping.json", "/dev/zero");

        var error = Assert.IsType<IOException>(TempDirectory.Throws(() => CsvMapping.Load(path)));

        Assert.EndsWith("it is empty or not a regular file (a FIFO, a device or a socket)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MappingPathThatIsADirectory_ThrowsIOException()
    {
        var error = Assert.IsType<IOException>(TempDirectory.Throws(() => CsvMapping.Load(_data.Path)));

        Assert.Equal($"cannot read the mapping file '{_data.Path}': it is a directory", error.Message);
    }

    [Fact]
    public void Load_MappingLargerThanOneMebibyte_ThrowsFormatExceptionWithoutParsingIt()
    {
        // Valid JSON padded with spaces: only the size is wrong.
        var path = _data.Write("mapping.json", "{ \"files\": [] }" + new string(' ', 1 << 20));

        var error = Assert.IsType<FormatException>(TempDirectory.Throws(() => CsvMapping.Load(path)));

        Assert.Equal($"{path}: the mapping file is 1,048,591 bytes or more; a mapping is at most 1,048,576 bytes (1 MiB)", error.Message);
    }

    [Fact]
    public void Load_MappingThatDoesNotExist_StillThrowsFileNotFoundException()
    {
        var error = Assert.IsType<FileNotFoundException>(TempDirectory.Throws(() => CsvMapping.Load(_data["none.json"])));

        Assert.Equal(_data["none.json"], error.FileName);
    }

    private Exception? Import(CsvErrorMode mode) =>
        TempDirectory.Throws(() => new CsvImporter(new CsvImportOptions { OnError = mode }).ImportDirectory(_data.Path));

    /// <summary>A source with a reps.csv whose Open throws, as a file the user may not read does.</summary>
    private sealed class FailingSource(Exception error) : CsvSource
    {
        public override string Description => "failing";

        public override bool Exists(string fileName) => fileName == CsvFiles.Reps;

        public override Stream Open(string fileName) => throw error;

        public override string Describe(string fileName) => "failing/" + fileName;
    }
}
