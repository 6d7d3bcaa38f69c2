namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>
/// Hostile class: an import cancelled by its caller (Ctrl-C in the CLI, a request aborted in a web app). It stops between
/// rows with <see cref="OperationCanceledException"/> and returns nothing half-made.
/// </summary>
public class CancellationTests
{
    [Fact]
    public void Import_TokenCancelledBeforehand_ThrowsBeforeReadingAFile()
    {
        var source = new MemorySource(new Dictionary<string, string> { ["reps.csv"] = "id,name,team\nana,Ana,north\n" });
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => new CsvImporter().Import(source, cancelled.Token));
    }

    [Fact]
    public void Import_CancelledWhileReading_StopsWithinTheNextBlockOfRowsInsteadOfReadingToTheEnd()
    {
        // 1,000,000 generated rows; the token is cancelled at the first progress report after 10,000 rows. The importer
        // checks every 8,192 rows, so it stops well before the end of the file.
        var source = new GeneratedSource(1_000_000);
        using var cancellation = new CancellationTokenSource();
        var progress = new Synchronous(p =>
        {
            if (p.Rows >= 10_000)
            {
                cancellation.Cancel();
            }
        });
        var importer = new CsvImporter(new CsvImportOptions { Mapping = GeneratedSource.SkipAll, Progress = progress });

        Assert.Throws<OperationCanceledException>(() => importer.Import(source, cancellation.Token));
        Assert.True(progress.LastRows < 100_000, $"the import went on to row {progress.LastRows:N0}");
    }

    /// <summary>Reports progress on the importing thread, as it happens.</summary>
    private sealed class Synchronous(Action<CsvImportProgress> report) : IProgress<CsvImportProgress>
    {
        public long LastRows { get; private set; }

        public void Report(CsvImportProgress value)
        {
            LastRows = value.Rows;
            report(value);
        }
    }
}
