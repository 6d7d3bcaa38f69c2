namespace SalesKpi.Csv;

/// <summary>
/// Imports a data set from a database, or any other <see cref="DataReaderSource"/>, into a <see cref="SalesData"/>
/// snapshot, with every check of a CSV import: each table is read row by row as a CSV file would be, through a
/// <see cref="CsvMapping"/> when its tables are not in the SalesKpi layout.
/// </summary>
/// <remarks>
/// <para>A rejection names the table (or the query) and the row's number in the result with the column's ordinal:
/// <c>crm.db/leads:12:3: created_at: 'yesterday' is not an ISO-8601 instant …</c>. The options are those of a CSV
/// import; the field and record limits apply to CSV text only.</para>
/// </remarks>
/// <example>
/// <code>
/// await using var connection = new SqliteConnection("Data Source=crm.db");
/// var result = await new DataReaderImporter().ImportAsync(DataReaderSource.FromConnection(connection), cancellationToken);
/// var report = new KpiEvaluator().Evaluate(result.Data, query);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads; each import is independent.</threadsafety>
public sealed class DataReaderImporter
{
    /// <summary>Initializes an importer.</summary>
    /// <param name="options">The options; <see cref="CsvImportOptions.Default"/> when null.</param>
    public DataReaderImporter(CsvImportOptions? options = null) => Options = options ?? CsvImportOptions.Default;

    /// <summary>Gets the options.</summary>
    public CsvImportOptions Options { get; }

    /// <summary>Imports the tables of a source.</summary>
    /// <param name="source">Where the tables are.</param>
    /// <param name="cancellationToken">Cancels the import between rows.</param>
    /// <returns>The records, the rejections and what became of every table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="CsvImportException">A row is bad under <see cref="CsvErrorMode.Fail"/>, or a whole table is (any
    /// mode: a missing required column, an unknown one), or a table cannot be read (the database's own message, with the
    /// table named).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<CsvImportResult> ImportAsync(DataReaderSource source, CancellationToken cancellationToken = default)
    {
        // Checked before the first await, so that a null source throws here rather than in the task.
        ArgumentNullException.ThrowIfNull(source);
        return new ImportSession(new DataReaderImportSource(source), Options, cancellationToken).RunAsync().AsTask();
    }
}
