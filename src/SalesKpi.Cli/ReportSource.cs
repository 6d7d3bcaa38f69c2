using System.Data.Common;
using SalesKpi.Csv;

namespace SalesKpi.Cli;

/// <summary>Where <c>report</c> reads its data: CSV files (<c>--data</c>, or the embedded sample), or a database (<c>--connection</c>).</summary>
internal abstract class ReportSource
{
    /// <summary>Gets how the source is named in messages and in the report.</summary>
    public abstract string Description { get; }

    /// <summary>Returns null when the source has something to read, or why it has not (a bad-usage message).</summary>
    /// <param name="mapping">The mapping, or null.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The message, or null.</returns>
    public abstract string? Nothing(CsvMapping? mapping, CancellationToken cancellationToken);

    /// <summary>Returns the bytes the import will read, or null when the source cannot tell (a database).</summary>
    /// <param name="mapping">The mapping, or null.</param>
    /// <returns>The size, or null.</returns>
    public abstract long? TotalBytes(CsvMapping? mapping);

    /// <summary>Imports the data set.</summary>
    /// <param name="options">The options.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The import.</returns>
    /// <exception cref="CsvImportException">The data is bad.</exception>
    public abstract CsvImportResult Import(CsvImportOptions options, CancellationToken cancellationToken);
}

/// <summary>A directory of CSV files, or the embedded sample.</summary>
internal sealed class CsvReportSource(CsvSource source) : ReportSource
{
    public override string Description => source.Description;

    public override string? Nothing(CsvMapping? mapping, CancellationToken cancellationToken) =>
        mapping is null && !CsvFiles.All.Any(source.Exists)
            ? $"--data: '{source.Description}' has none of the SalesKpi files ({string.Join(", ", CsvFiles.All)}); to read another CRM's export, give a --mapping."
            : null;

    public override long? TotalBytes(CsvMapping? mapping) =>
        (mapping is null ? CsvFiles.All.AsEnumerable() : mapping.SourceFiles).Where(source.Exists).Sum(f => source.LengthOf(f) ?? 0);

    public override CsvImportResult Import(CsvImportOptions options, CancellationToken cancellationToken) =>
        new CsvImporter(options).Import(source, cancellationToken);
}

/// <summary>The tables of a database (<c>--connection</c>).</summary>
internal sealed class DatabaseReportSource : ReportSource
{
    private readonly DbConnection _connection;
    private readonly DataReaderSource _source;

    private DatabaseReportSource(DbConnection connection, string description)
    {
        _connection = connection;
        _source = DataReaderSource.FromConnection(connection, description);
        Description = description;
    }

    public override string Description { get; }

    /// <summary>
    /// Returns the source a <c>--connection</c> value names: <c>sqlite:PATH</c>, <c>duckdb:PATH</c>, either with a full
    /// connection string after the colon instead of a path, or a bare path whose extension says the engine
    /// (<c>.db</c>, <c>.sqlite</c>, <c>.sqlite3</c>: SQLite; <c>.duckdb</c>: DuckDB). A file is opened read-only, so that a
    /// mistyped path never creates a database.
    /// </summary>
    /// <param name="value">The option's value.</param>
    /// <param name="error">Why the value names no database, as a bad-usage message.</param>
    /// <returns>The source, or null.</returns>
    public static DatabaseReportSource? Parse(string value, out string? error)
    {
        error = null;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon > 1 ? value[..colon].ToLowerInvariant() : null;
        string engine, rest;
        if (prefix is "sqlite" or "duckdb")
        {
            engine = prefix;
            rest = value[(colon + 1)..];
        }
        else
        {
            rest = value;
            engine = Path.GetExtension(value).ToLowerInvariant() switch
            {
                ".db" or ".sqlite" or ".sqlite3" => "sqlite",
                ".duckdb" => "duckdb",
                _ => string.Empty,
            };
            if (engine.Length == 0)
            {
                error = $"--connection: cannot tell which database '{value}' is; write sqlite:PATH or duckdb:PATH (or a path ending in .db, .sqlite, .sqlite3 or .duckdb).";
                return null;
            }
        }

        return DatabaseFiles.Open(engine, rest, " (a directory of CSV or Parquet files is read with --data)", out error) is { } opened
            ? new DatabaseReportSource(opened.Connection, opened.Description)
            : null;
    }

    public override string? Nothing(CsvMapping? mapping, CancellationToken cancellationToken)
    {
        if (mapping is not null)
        {
            return null;
        }

        try
        {
            foreach (var table in DataReaderSource.TableNames)
            {
                if (_source.ExistsAsync(table, cancellationToken).AsTask().GetAwaiter().GetResult())
                {
                    return null;
                }
            }
        }
        catch (DbException e)
        {
            // The database cannot be read at all (a file that is not one, a locked one): bad data, not bad usage.
            throw new CsvImportException($"cannot read {Description}: {e.Message}", e);
        }

        return $"--connection: '{Description}' has none of the SalesKpi tables ({string.Join(", ", DataReaderSource.TableNames)}); to read other tables or queries, give a --mapping.";
    }

    public override long? TotalBytes(CsvMapping? mapping) => null;

    public override CsvImportResult Import(CsvImportOptions options, CancellationToken cancellationToken)
    {
        // The tool has no synchronization context: waiting here blocks this thread only.
        try
        {
            return new DataReaderImporter(options).ImportAsync(_source, cancellationToken).GetAwaiter().GetResult();
        }
        finally
        {
            _connection.Dispose();
        }
    }
}

/// <summary>A directory of Parquet files (<c>--data</c> holding <c>leads.parquet</c>, …, or a mapping of <c>.parquet</c> sources).</summary>
internal sealed class ParquetReportSource(string directory) : ReportSource
{
    public override string Description => directory;

    /// <summary>
    /// Returns true when <c>--data</c> is to be read as Parquet: the mapping reads only <c>.parquet</c> sources, or,
    /// with no mapping, the directory has no SalesKpi CSV file and at least one SalesKpi Parquet table.
    /// </summary>
    public static bool Applies(string directory, CsvMapping? mapping) =>
        mapping is null
            ? !CsvFiles.All.Any(f => File.Exists(Path.Combine(directory, f))) && SalesKpi.Parquet.ParquetSource.HasTables(directory)
            : mapping.SourceFiles.All(f => f.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase));

    public override string? Nothing(CsvMapping? mapping, CancellationToken cancellationToken) => null;

    public override long? TotalBytes(CsvMapping? mapping) => null;

    public override CsvImportResult Import(CsvImportOptions options, CancellationToken cancellationToken) =>
        new DataReaderImporter(options).ImportAsync(SalesKpi.Parquet.ParquetSource.FromDirectory(directory), cancellationToken).GetAwaiter().GetResult();
}
