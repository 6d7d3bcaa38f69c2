using NodaTime;

namespace SalesKpi.Csv;

/// <summary>How <see cref="CsvImporter"/> reads a data set.</summary>
/// <threadsafety>Instances are immutable once built and safe to share across threads.</threadsafety>
public sealed class CsvImportOptions
{
    private readonly DateTimeZone _zone = DateTimeZone.Utc;

    /// <summary>Gets the default options: strict, UTC, no mapping, no progress.</summary>
    public static CsvImportOptions Default { get; } = new();

    /// <summary>Gets what happens to a row that cannot become a valid record.</summary>
    /// <value>The default value is <see cref="CsvErrorMode.Fail"/>: the import fails at the first bad row.</value>
    public CsvErrorMode OnError { get; init; }

    /// <summary>Gets the time zone in which a date with no time (allowed only through a <see cref="Mapping"/>) becomes an instant.</summary>
    /// <value>The default value is UTC. A date becomes the first instant of that day in the zone, so that a report in the
    /// same zone puts the event on that date.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public DateTimeZone Zone
    {
        get => _zone;
        init => _zone = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets the column mapping that reads another CRM's export.</summary>
    /// <value>The default value is null: the files are in the SalesKpi format.</value>
    public CsvMapping? Mapping { get; init; }

    /// <summary>Gets the receiver of progress reports while files are read.</summary>
    /// <value>The default value is null: no reports.</value>
    public IProgress<CsvImportProgress>? Progress { get; init; }
}
