using System.Data.Common;
using SalesKpi.Csv;

namespace SalesKpi.Parquet;

/// <summary>
/// The Parquet files of a directory as the tables of a data set — <c>leads.parquet</c>, <c>opportunities.parquet</c>, …
/// each optional, or a mapping's source files — read with <see cref="DataReaderImporter"/> and every check of a CSV
/// import.
/// </summary>
/// <remarks>
/// <para>A table is the file <c>NAME.parquet</c>, or a directory <c>NAME</c> or <c>NAME.parquet</c> of part files
/// (<c>*.parquet</c>, read in name order, as Spark and DuckDB write a partitioned export), which must all have the same
/// columns. The SalesKpi tables are <c>reps</c>, <c>leads</c>, <c>opportunities</c>, <c>stage-changes</c> (or
/// <c>stage_changes</c>), <c>opportunity-history</c> (or <c>opportunity_history</c>), <c>deals</c>, <c>activities</c> and <c>spend</c>, with the columns of the CSV files.</para>
/// <para>Only files inside the directory are read, as for CSV files: a name that climbs out of it, or a symbolic link
/// that leads out, fails the import. Values keep their Parquet type: a timestamp adjusted to UTC is an instant, one
/// that is not is a wall-clock time in <see cref="CsvImportOptions.Zone"/>, a date is a date, a decimal or an integer
/// an exact amount; text goes through the rules of a CSV cell. A rejected row is named by the file and the row's number
/// in the table (parts counted one after another) with the column's ordinal.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = await new DataReaderImporter().ImportAsync(ParquetSource.FromDirectory("warehouse/crm"), cancellationToken);
/// </code>
/// </example>
/// <threadsafety>An instance may be used by one import at a time.</threadsafety>
public sealed class ParquetSource : DataReaderSource
{
    private const string Extension = ".parquet";

    private readonly string _directory;
    private readonly CsvSource _files;

    private ParquetSource(string directory)
    {
        _directory = directory;
        _files = CsvSource.FromDirectory(directory);
    }

    /// <inheritdoc/>
    public override string Description => _directory;

    /// <summary>Returns a source that reads the Parquet files of a directory.</summary>
    /// <param name="directory">The directory, absolute or relative to the current directory.</param>
    /// <returns>The source; files are looked up when the import asks for them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static ParquetSource FromDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return new ParquetSource(directory);
    }

    /// <summary>Returns true when a directory holds at least one SalesKpi table as Parquet (<c>leads.parquet</c>, …).</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>True when it does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static bool HasTables(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Directory.Exists(directory) && TableNames.Any(name => new ParquetSource(directory).Find(name) is not null);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public override ValueTask<bool> ExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        return new(Find(name) is not null);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public override ValueTask<DbDataReader> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = Find(name) ?? throw new FileNotFoundException($"{Describe(name)} does not exist.", name);
        var parts = found.IsDirectory
            ? [.. Directory.EnumerateFiles(Path.Combine(_directory, found.Name), "*" + Extension).Select(f => Path.Combine(found.Name, Path.GetFileName(f))).Order(StringComparer.Ordinal)]
            : new[] { found.Name };
        return Open(parts, Describe(name), cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public override string Describe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _files.Describe(Find(name)?.Name ?? (name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? name : name + Extension));
    }

    private async ValueTask<DbDataReader> Open(string[] parts, string described, CancellationToken cancellationToken) =>
        await ParquetTableReader.OpenAsync(_files, parts, described, cancellationToken).ConfigureAwait(false);

    /// <summary>Returns the file or directory a table name stands for, or null.</summary>
    /// <exception cref="CsvImportException">The name leads out of the directory.</exception>
    private (string Name, bool IsDirectory)? Find(string name)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(_directory)) + Path.DirectorySeparatorChar;
        if (!Path.GetFullPath(Path.Combine(_directory, name)).StartsWith(root, StringComparison.Ordinal))
        {
            // Refused before anything is looked at: not even a directory listing is read outside.
            throw new CsvImportException($"'{name}' is outside the data directory '{_directory}'; only files inside it are read");
        }

        var candidates = name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)
            ? [name]
            : new[] { name + Extension, name, name.Replace('_', '-') + Extension, name.Replace('_', '-') };
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            var path = Path.Combine(_directory, candidate);
            if (Directory.Exists(path) && Directory.EnumerateFiles(path, "*" + Extension).Any())
            {
                return (candidate, true);
            }

            if (_files.Exists(candidate))
            {
                return (candidate, false);
            }
        }

        return null;
    }
}
