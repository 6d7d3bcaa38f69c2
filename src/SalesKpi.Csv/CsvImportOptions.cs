using NodaTime;

namespace SalesKpi.Csv;

/// <summary>How <see cref="CsvImporter"/> reads a data set.</summary>
/// <threadsafety>Instances are immutable once built and safe to share across threads.</threadsafety>
public sealed class CsvImportOptions
{
    /// <summary>The default of <see cref="MaxFieldLength"/>: 1 MiB characters (1,048,576).</summary>
    internal const int DefaultMaxFieldLength = 1 << 20;

    /// <summary>The default of <see cref="MaxRecordLength"/>: 16 MiB characters (16,777,216).</summary>
    internal const int DefaultMaxRecordLength = 1 << 24;

    private readonly DateTimeZone _zone = DateTimeZone.Utc;
    private readonly int _maxFieldLength = DefaultMaxFieldLength;
    private readonly int _maxRecordLength = DefaultMaxRecordLength;
    private readonly char _delimiter = ',';

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

    /// <summary>Gets a value indicating whether a large file is read on a second thread while its rows are checked.</summary>
    /// <value>The default value is true: on a machine with more than one core, a file of 1 MiB or more is decoded, checked
    /// for well-formed CSV and split into fields a few thousand rows ahead of the thread that turns them into records.
    /// The records, the rejections and their positions are the same either way; false reads every file on the calling
    /// thread (a host that keeps a thread per request, say).</value>
    public bool ReadAhead { get; init; } = true;

    /// <summary>Gets the character that separates the fields of a record.</summary>
    /// <value>The default value is <c>,</c>. Exports made where the comma is the decimal separator (Excel in much of
    /// Europe) use <c>;</c>; others use a tab or <c>|</c>. Quoting is the same whatever the delimiter: a field with the
    /// delimiter, a quote or a line break in it is quoted with <c>"</c>. The values are read as they are (a decimal
    /// comma in an amount is still an error).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value set is a quote (<c>"</c>), a line break (<c>\r</c>,
    /// <c>\n</c>), a letter, a digit, or a character Unicode calls a control other than the tab.</exception>
    public char Delimiter
    {
        get => _delimiter;
        init
        {
            if (value is '"' or '\r' or '\n' || char.IsLetterOrDigit(value) || (char.IsControl(value) && value != '\t') || char.IsSurrogate(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A delimiter is a punctuation character, a space or a tab: not a quote, a line break, a letter, a digit or another control character.");
            }

            _delimiter = value;
        }
    }

    /// <summary>Gets the most characters a field may have.</summary>
    /// <value>The default value is 1,048,576 (1 MiB characters), far above any real value. A longer field in a data row
    /// is a rejected row (the row is read to its end without being kept, so memory stays bounded); in the header it fails
    /// the file.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public int MaxFieldLength
    {
        get => _maxFieldLength;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxFieldLength = value;
        }
    }

    /// <summary>Gets the most characters a record (a row, with its separators and quotes) may have.</summary>
    /// <value>The default value is 16,777,216 (16 MiB characters). A longer data row is a rejected row, read to its end
    /// without being kept; a longer header fails the file.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public int MaxRecordLength
    {
        get => _maxRecordLength;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxRecordLength = value;
        }
    }
}
