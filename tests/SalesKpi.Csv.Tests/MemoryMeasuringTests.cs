namespace SalesKpi.Csv.Tests;

/// <summary>Runs alone: it measures the memory of the whole process, which tests running beside it would change.</summary>
[CollectionDefinition(nameof(MemoryMeasuringTests), DisableParallelization = true)]
public sealed class MemoryMeasuringTestsDefinition;

[Collection(nameof(MemoryMeasuringTests))]
public class MemoryMeasuringTests
{
    [Fact]
    public void Import_LargeFile_KeepsOnlyTheRecordsInMemory()
    {
        // 400,000 rows (about 30 MB of text) that all fail: nothing is kept, so memory must not grow with the file.
        var source = new GeneratedSource(400_000);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var progress = new List<CsvImportProgress>();

        var result = new CsvImporter(new CsvImportOptions { OnError = CsvErrorMode.Report, Progress = new Collect(progress), Mapping = GeneratedSource.SkipAll }).Import(source);

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(result);
        Assert.Equal(400_000, result.Files.Single().Rows);
        Assert.Equal(400_000, result.Files.Single().Skipped.Single().Count);
        Assert.True(after - before < 4_000_000, $"memory grew by {after - before:N0} bytes");
        Assert.True(progress.Count > 10);
        Assert.True(progress[^1].Completed);
        Assert.Equal(source.Bytes, progress[^1].BytesRead);
    }

    private sealed class Collect(List<CsvImportProgress> reports) : IProgress<CsvImportProgress>
    {
        public void Report(CsvImportProgress value) => reports.Add(value);
    }
}
