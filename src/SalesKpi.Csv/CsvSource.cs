namespace SalesKpi.Csv;

/// <summary>
/// Where the CSV files of a data set come from: a directory (<see cref="FromDirectory"/>) or any other store, such as
/// embedded resources, through a subclass.
/// </summary>
/// <remarks>
/// <para>An importer asks for each file by name (<c>leads.csv</c>, or a mapping's source file), opens it once and reads
/// it to the end. Every file is optional: <see cref="Exists"/> says whether it is there.</para>
/// </remarks>
/// <threadsafety>Implementations must be safe to use from one import at a time.</threadsafety>
public abstract class CsvSource
{
    /// <summary>Initializes a source.</summary>
    protected CsvSource()
    {
    }

    /// <summary>Gets a short description of the source for messages, such as the directory path.</summary>
    public abstract string Description { get; }

    /// <summary>Returns a source that reads the files of a directory.</summary>
    /// <param name="directory">The directory, absolute or relative to the current directory.</param>
    /// <returns>The source; files are looked up when the import asks for them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static CsvSource FromDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The data directory '{directory}' does not exist.");
        }

        return new DirectorySource(directory);
    }

    /// <summary>Returns true when the source has the file.</summary>
    /// <param name="fileName">The file name, such as <c>leads.csv</c>.</param>
    /// <returns>True when present.</returns>
    public abstract bool Exists(string fileName);

    /// <summary>Opens a file for reading.</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>A readable stream, which the caller disposes.</returns>
    /// <exception cref="FileNotFoundException">The source has no such file.</exception>
    public abstract Stream Open(string fileName);

    /// <summary>Returns the size of a file in bytes, for progress reports.</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>The size, or null when unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> is null.</exception>
    public virtual long? LengthOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return null;
    }

    /// <summary>Returns how a file is named in messages, such as <c>data/leads.csv</c>.</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>The name to show.</returns>
    public abstract string Describe(string fileName);

    /// <summary>Returns <see cref="Description"/>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;

    private sealed class DirectorySource(string directory) : CsvSource
    {
        public override string Description => directory;

        public override bool Exists(string fileName) => File.Exists(Describe(fileName));

        public override Stream Open(string fileName) =>
            new FileStream(Describe(fileName), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);

        public override long? LengthOf(string fileName) => new FileInfo(Describe(fileName)).Length;

        // Exists, Open and LengthOf go through Describe, so this guard names fileName for all four.
        public override string Describe(string fileName)
        {
            ArgumentNullException.ThrowIfNull(fileName);
            return Path.Combine(directory, fileName);
        }
    }
}
