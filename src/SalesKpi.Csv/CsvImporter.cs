namespace SalesKpi.Csv;

/// <summary>
/// Imports a data set of CSV files — <c>reps.csv</c>, <c>leads.csv</c>, <c>opportunities.csv</c>,
/// <c>stage-changes.csv</c>, <c>opportunity-history.csv</c>, <c>deals.csv</c>, <c>activities.csv</c>, <c>spend.csv</c>, each optional, or another
/// export through a <see cref="CsvMapping"/> — into a <see cref="SalesData"/> snapshot.
/// </summary>
/// <remarks>
/// <para>Files are streamed: memory grows with the records kept (and the identifiers checked for duplicates), never
/// with the size of a file. Each row is checked as it is read: an unreadable value (a date, an amount, a currency),
/// a negative amount, a closed opportunity with no close date, a duplicate identifier, a reference to a lead or
/// opportunity that is not in the data set. Under <see cref="CsvErrorMode.Fail"/> the first bad row throws a
/// <see cref="CsvImportException"/> naming its file, line and column; under <see cref="CsvErrorMode.Report"/> it is left
/// out and listed in <see cref="CsvImportResult.Rejections"/>. A problem with a whole file (a missing required column,
/// an unknown column, bytes that are not text) always throws. No row is ever skipped silently.</para>
/// <para>Files are UTF-8, or UTF-16 when they start with its byte-order mark. Bytes are never replaced: the first byte
/// that is not UTF-8 (a Latin-1 file) or a NUL character fails the file at its line and column. Text is kept exactly
/// as written, formula-like values (<c>=cmd|' /C calc'!A0</c>) included; an amount is at most 10^18.</para>
/// <para>The format is described in docs/csv-format.md.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new CsvImporter(new CsvImportOptions { OnError = CsvErrorMode.Report }).ImportDirectory("exports/2025");
/// foreach (var rejection in result.Rejections)
/// {
///     Console.Error.WriteLine(rejection); // exports/2025/deals.csv:12:40: amount: the amount -5 is negative
/// }
///
/// var report = new KpiEvaluator().Evaluate(result.Data, query);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads; each import is independent.</threadsafety>
public sealed class CsvImporter
{
    /// <summary>Initializes an importer.</summary>
    /// <param name="options">The options; <see cref="CsvImportOptions.Default"/> when null.</param>
    public CsvImporter(CsvImportOptions? options = null) => Options = options ?? CsvImportOptions.Default;

    /// <summary>Gets the options.</summary>
    public CsvImportOptions Options { get; }

    /// <summary>Imports the files of a source.</summary>
    /// <param name="source">Where the files are.</param>
    /// <param name="cancellationToken">Cancels the import between rows.</param>
    /// <returns>The records, the rejections and what became of every file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="CsvImportException">A row is bad under <see cref="CsvErrorMode.Fail"/>, or a whole file is (any mode),
    /// or a file cannot be opened (<c>cannot read data/reps.csv: permission denied</c>), or a mapping's source is outside the data set.</exception>
    /// <exception cref="IOException">A file fails while it is read (a disk error).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public CsvImportResult Import(CsvSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        // A file's reads complete at once, so the session finishes before this returns: nothing blocks on a task here.
        return new ImportSession(new CsvImportSource(source), Options, cancellationToken).RunAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Imports the files of a source without reading a stream synchronously: for request bodies, uploads and
    /// other streams that may wait (ASP.NET Core allows no synchronous read of a request body).</summary>
    /// <param name="source">Where the files are, such as <see cref="CsvSource.FromStreams"/>.</param>
    /// <param name="cancellationToken">Cancels the import while a stream is read, and between rows.</param>
    /// <returns>The records, the rejections and what became of every file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null (thrown here, not by the task).</exception>
    /// <exception cref="CsvImportException">A row is bad under <see cref="CsvErrorMode.Fail"/>, or a whole file is (any mode),
    /// or a file cannot be opened, or a mapping's source is outside the data set.</exception>
    /// <exception cref="IOException">A stream fails while it is read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>
    /// <para>The parser reads synchronously, so each stream that is not a local file or memory (a
    /// <see cref="FileStream"/>, a <see cref="MemoryStream"/>) is first copied by asynchronous reads, one file at a time:
    /// the first mebibyte into memory, the rest into a temporary file readable only by this user and deleted when the
    /// file is imported. Memory stays bounded whatever the size of the stream; the temporary directory needs room for
    /// the largest file. Limit what a client may send where it is received (Kestrel's <c>MaxRequestBodySize</c>).</para>
    /// <para>The files of a directory are read as <see cref="Import"/> reads them: reads of a local file do not wait on
    /// anything but the disk. <see cref="CsvImportOptions.Progress"/> reports each file once it is being parsed, not
    /// while it is copied.</para>
    /// </remarks>
    public Task<CsvImportResult> ImportAsync(CsvSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ImportSession(new CsvImportSource(source, spool: true), Options, cancellationToken).RunAsync().AsTask();
    }

    /// <summary>Imports the files of a directory.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="cancellationToken">Cancels the import between rows.</param>
    /// <returns>The records, the rejections and what became of every file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="CsvImportException">A row is bad under <see cref="CsvErrorMode.Fail"/>, or a whole file is (any mode),
    /// or a file cannot be opened (<c>cannot read data/reps.csv: permission denied</c>), or a mapping's source is outside the data set.</exception>
    /// <exception cref="IOException">A file fails while it is read (a disk error).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public CsvImportResult ImportDirectory(string directory, CancellationToken cancellationToken = default) =>
        Import(CsvSource.FromDirectory(directory), cancellationToken);
}
