using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;
using SalesKpi.Csv;
using SalesKpi.Sql;

namespace SalesKpi.Cli;

/// <summary>
/// The database an engine other than <c>memory</c> computes the KPIs in (<c>--engine duckdb|sqlite|postgres</c>): its
/// connection, its dialect and table mapping, and how the report names it and its tables — as the import would name
/// the same files or tables, so that the report is the same whichever engine computes it.
/// </summary>
internal sealed class SqlReportSource : IDisposable
{
    private readonly DbConnection _connection;
    private readonly SqlDialect _dialect;
    private readonly SqlTableMapping? _tables;
    private readonly Func<string, string> _describe;
    private readonly string? _temporary;

    private SqlReportSource(DbConnection connection, SqlDialect dialect, SqlTableMapping? tables, string description, Func<string, string> describe, string? temporary = null)
    {
        _connection = connection;
        _dialect = dialect;
        _tables = tables;
        _describe = describe;
        _temporary = temporary;
        Description = description;
    }

    /// <summary>Gets how the data set is named: the directory, the database file, or "embedded sample".</summary>
    public string Description { get; }

    /// <summary>Gets the engine's name, such as DuckDB.</summary>
    public string Engine => _dialect.Name;

    /// <summary>Returns the source an evaluation reads, with the options of what it reads into memory.</summary>
    /// <param name="options">The import options.</param>
    /// <returns>The source.</returns>
    public SqlKpiSource SourceWith(CsvImportOptions options) => new(_connection, _dialect, _tables) { Description = Description, ImportOptions = options };

    /// <summary>
    /// Returns the source of an engine: for <c>duckdb</c>, the <c>--data</c> files read in place by an in-memory DuckDB,
    /// a DuckDB database (<c>--connection</c>), or the embedded sample's files; for <c>sqlite</c>, a SQLite database;
    /// for <c>postgres</c>, a PostgreSQL connection string. A file is opened read-only.
    /// </summary>
    /// <param name="engine">The engine: duckdb, sqlite or postgres.</param>
    /// <param name="data">The <c>--data</c> directory, or null.</param>
    /// <param name="connection">The <c>--connection</c> value, or null.</param>
    /// <param name="mapping">The <c>--mapping</c> of the <paramref name="data"/> files, or null.</param>
    /// <param name="zone">The report's zone, in which a mapped date without a time of day starts.</param>
    /// <param name="error">Why the options name no database, as a bad-usage message.</param>
    /// <returns>The source, or null.</returns>
    /// <exception cref="CsvImportException">A file of <paramref name="data"/> cannot be read.</exception>
    public static SqlReportSource? Create(string engine, string? data, string? connection, CsvMapping? mapping, NodaTime.DateTimeZone zone, out string? error)
    {
        error = null;
        if (engine == "duckdb" && data is not null && mapping is not null)
        {
            return MappedFiles(data, mapping, zone, out error);
        }

        if (engine == "duckdb" && connection is null)
        {
            return data is null ? EmbeddedSampleFiles() : Files(data, data, data);
        }

        var value = connection!;
        if (engine == "postgres")
        {
            var text = StripPrefix(value, "postgres", "postgresql");
            try
            {
                // Named by host and database only: the connection string may hold a password.
                var builder = new NpgsqlConnectionStringBuilder(text);
                var description = $"postgres:{builder.Host}/{builder.Database}";
                return new SqlReportSource(new NpgsqlConnection(builder.ConnectionString), SqlDialect.PostgreSql, null, description, t => $"{description}/{t}");
            }
            catch (ArgumentException e)
            {
                error = $"--connection: '{text}' is not a PostgreSQL connection string (Host=…;Database=…): {e.Message}";
                return null;
            }
        }

        if (OtherEngine(value, engine) is { } other)
        {
            error = $"--connection: '{value}' is a {other} database; use --engine {other}.";
            return null;
        }

        var rest = StripPrefix(value, engine);
        return DatabaseFiles.Open(engine, rest, engine == "duckdb" ? " (a directory of CSV or Parquet files is read in place with --data)" : string.Empty, out error) is { } opened
            ? Database(opened.Connection, engine, opened.Description)
            : null;
    }

    /// <summary>Returns how the report names a layout table: the file or table it is read from, as the import names it.</summary>
    /// <param name="table">The layout table, such as <c>stage_changes</c>.</param>
    /// <returns>The name, such as <c>sample/stage-changes.csv</c> or <c>crm.duckdb/stage_changes</c>.</returns>
    public string Describe(string table) => _describe(table);

    public void Dispose()
    {
        _connection.Dispose();
        if (_temporary is not null)
        {
            try
            {
                Directory.Delete(_temporary, recursive: true);
            }
            catch (IOException)
            {
                // A temporary copy of the sample left behind is harmless; the report is not.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Returns the SalesKpi file name of a layout table: <c>stage_changes</c> is <c>stage-changes.csv</c>.</summary>
    internal static string FileOf(string table) => table.Replace('_', '-') + ".csv";

    private static SqlReportSource Database(DbConnection connection, string engine, string description) =>
        new(connection, engine == "sqlite" ? SqlDialect.Sqlite : SqlDialect.DuckDb, null, description, t => $"{description}/{t}");

    private static SqlReportSource Files(string directory, string description, string shownDirectory, string? temporary = null)
    {
        var tables = DuckDbFiles.Mapping(directory);
        string Describe(string table)
        {
            var csv = FileOf(table);
            var file = File.Exists(Path.Combine(directory, csv)) ? csv : Path.ChangeExtension(csv, ".parquet");
            return temporary is null ? Path.Combine(shownDirectory, file) : shownDirectory + "/" + file;
        }

        return new SqlReportSource(new DuckDBConnection("DataSource=:memory:"), SqlDialect.DuckDb, tables, description, Describe, temporary);
    }

    /// <summary>
    /// The files a mapping reads, as DuckDB queries over them in place (<see cref="DuckDbMappedFiles"/>), each checked
    /// first as the import checks it: inside the directory, there, and a regular file that is not empty.
    /// </summary>
    private static SqlReportSource? MappedFiles(string directory, CsvMapping mapping, NodaTime.DateTimeZone zone, out string? error)
    {
        error = null;
        var files = CsvSource.FromDirectory(directory);
        foreach (var source in mapping.SourceFiles)
        {
            if (source.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            {
                error = $"--mapping: {mapping.Name} reads '{source}', a Parquet file; with --engine duckdb a mapping reads CSV files only: use --engine memory.";
                return null;
            }

            if (files.Escape(source) is { } escape)
            {
                throw new CsvImportException($"the mapping {mapping.Name} reads '{MessageText.Of(source)}', which is outside the data directory '{directory}'{escape}; a mapping reads only files inside it");
            }

            if (!files.Exists(source))
            {
                throw new CsvImportException($"the mapping {mapping.Name} reads '{MessageText.Of(source)}', which is not in {directory}");
            }

            files.Open(source).Dispose();
        }

        SqlTableMapping tables;
        try
        {
            tables = DuckDbMappedFiles.Mapping(directory, mapping, zone);
        }
        catch (SqlKpiException e)
        {
            // What DuckDB cannot read as the import would (a date format in another zone than UTC): the options' fault.
            error = e.Message;
            return null;
        }

        string Describe(string table) =>
            string.Join(", ", mapping.Files.Where(f => DataReaderSource.TableName(f.Target) == table).Select(f => files.Describe(f.Source)).Distinct(StringComparer.Ordinal));
        return new SqlReportSource(new DuckDBConnection("DataSource=:memory:"), SqlDialect.DuckDb, tables, directory, Describe);
    }

    /// <summary>The embedded sample's files written to a temporary directory, for DuckDB to read in place; deleted with the source.</summary>
    private static SqlReportSource EmbeddedSampleFiles()
    {
        var directory = Directory.CreateTempSubdirectory("saleskpi-sample-").FullName;
        try
        {
            foreach (var file in CsvFiles.All.Where(EmbeddedSample.Instance.Exists))
            {
                using var from = EmbeddedSample.Instance.Open(file);
                using var to = File.Create(Path.Combine(directory, file));
                from.CopyTo(to);
            }

            // Named as the memory engine names the sample: "embedded sample", and its files sample/leads.csv.
            return Files(directory, EmbeddedSample.Instance.Description, "sample", directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    private static string StripPrefix(string value, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (value.StartsWith(prefix + ":", StringComparison.OrdinalIgnoreCase))
            {
                return value[(prefix.Length + 1)..];
            }
        }

        return value;
    }

    /// <summary>Returns the engine a <c>--connection</c> value names when it is not <paramref name="engine"/> (its prefix or its file's extension), or null.</summary>
    private static string? OtherEngine(string value, string engine)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon > 1 ? value[..colon].ToLowerInvariant() : null;
        var named = prefix switch
        {
            "sqlite" or "duckdb" => prefix,
            "postgres" or "postgresql" => "postgres",
            _ => value.Contains('=', StringComparison.Ordinal) ? null : Path.GetExtension(value).ToLowerInvariant() switch
            {
                ".db" or ".sqlite" or ".sqlite3" => "sqlite",
                ".duckdb" => "duckdb",
                _ => null,
            },
        };
        return named is not null && named != engine ? named : null;
    }
}
