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
    /// <returns>The source; files are looked up when the import asks for them. Each is checked before it is opened: it
    /// must resolve (symbolic links followed) inside the directory and be a regular file of more than 0 bytes, else the
    /// import fails with a <see cref="CsvImportException"/> saying why (a directory, a FIFO or device, outside the directory).</returns>
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

    /// <summary>Returns a source that reads each file from a stream the caller opened: an uploaded file, a request body, a
    /// blob, a <see cref="System.IO.Pipelines.PipeReader"/> through <see cref="System.IO.Pipelines.PipeReader.AsStream"/>.</summary>
    /// <param name="files">Each file's stream by its name (<see cref="CsvFiles.Leads"/>, or a mapping's source file); the
    /// dictionary's comparer finds them.</param>
    /// <returns>The source. Each stream is read once, from where it is, to its end; the caller keeps it and disposes it.
    /// <see cref="CsvImporter.ImportAsync"/> reads the streams only asynchronously (an ASP.NET request body allows nothing
    /// else); <see cref="CsvImporter.Import"/> reads them synchronously.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> is null.</exception>
    /// <exception cref="ArgumentException">A stream is null or cannot be read.</exception>
    public static CsvSource FromStreams(IReadOnlyDictionary<string, Stream> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var (name, stream) in files)
        {
            if (stream is null || !stream.CanRead)
            {
                throw new ArgumentException($"The stream of '{name}' is {(stream is null ? "null" : "not readable")}.", nameof(files));
            }
        }

        return new StreamSource(files);
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

    /// <summary>
    /// Returns null when a file name (a mapping's <c>source</c>) stays inside the data set, or a note on where it goes
    /// otherwise (the empty string, or <c> (a symbolic link to '…')</c>). Here, without a file system: an absolute name,
    /// or one whose <c>..</c> climbs above the top, is outside.
    /// </summary>
    internal virtual string? Escape(string fileName) => LexicallyOutside(fileName) ? string.Empty : null;

    private static bool LexicallyOutside(string fileName)
    {
        if (Path.IsPathRooted(fileName))
        {
            return true;
        }

        var depth = 0;
        foreach (var part in fileName.Split('/', '\\'))
        {
            depth += part == ".." ? -1 : part is "" or "." ? 0 : 1;
            if (depth < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The files of a directory. Each file is checked before it is opened, so that nothing outside the directory is
    /// read and nothing that is not a regular file is opened (opening a FIFO blocks until a writer comes; a device
    /// such as /dev/zero never ends).
    /// </summary>
    /// <remarks>
    /// <para>.NET 10 has no public API for the type of a file on Unix (dotnet/runtime#85148): FileSystemInfo.Attributes
    /// says Normal for a FIFO, a device and a socket alike (checked with mkfifo, /dev/zero, /dev/urandom), and
    /// File.GetUnixFileMode gives only the permission bits. What it does give is the size from stat: a FIFO, a
    /// character or block device and a socket all have a size of 0, so a file of 0 bytes is never opened — either it
    /// is empty, which a data file may not be (its first line is the header), or it is not a regular file. A file of
    /// more than 0 bytes, once symbolic links are resolved, is a regular file. Symbolic links are resolved component
    /// by component (FileSystemInfo.LinkTarget), so that a link anywhere on the path is seen; the check and the open
    /// are not atomic, which only someone who can already write in the directory can exploit.</para>
    /// </remarks>
    private sealed class DirectorySource(string directory) : CsvSource
    {
        private readonly string _root = Path.TrimEndingDirectorySeparator(RealPath(directory, 0));

        private static StringComparison PathComparison =>
            OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        public override string Description => directory;

        // An entry of any kind, so that a directory or a broken link named like a data file is reported, not ignored.
        public override bool Exists(string fileName)
        {
            var path = Describe(fileName);
            return File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;
        }

        public override Stream Open(string fileName)
        {
            var shown = Describe(fileName);
            string real;
            try
            {
                real = RealPath(shown, 0);
            }
            catch (IOException e)
            {
                throw new CsvImportException($"cannot read {shown}: {MessageText.OfMessage(e.Message)}", e);
            }

            if (!IsInside(real))
            {
                throw new CsvImportException($"cannot read {shown}: it resolves to '{MessageText.Of(real)}', which is outside the data directory '{directory}'; only files inside it are read");
            }

            if (Directory.Exists(real))
            {
                throw new CsvImportException($"cannot read {shown}: it is a directory");
            }

            var info = new FileInfo(real);
            if (!info.Exists)
            {
                throw new CsvImportException($"cannot read {shown}: it is a symbolic link to '{MessageText.Of(real)}', which does not exist");
            }

            if (info.Length == 0)
            {
                throw new CsvImportException($"cannot read {shown}: it is empty or not a regular file (a FIFO, a device or a socket); a data file's first line is its header");
            }

            return new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        }

        public override long? LengthOf(string fileName)
        {
            var info = new FileInfo(Describe(fileName));
            return info.Exists && info.LinkTarget is null ? info.Length : null;
        }

        // Exists, Open and LengthOf go through Describe, so this guard names fileName for all four.
        public override string Describe(string fileName)
        {
            ArgumentNullException.ThrowIfNull(fileName);
            return Path.Combine(directory, fileName);
        }

        internal override string? Escape(string fileName)
        {
            if (LexicallyOutside(fileName))
            {
                return string.Empty;
            }

            try
            {
                var real = RealPath(Describe(fileName), 0);
                return IsInside(real) ? null : $" (it resolves to '{MessageText.Of(real)}')";
            }
            catch (IOException)
            {
                // A loop of links: Open says so.
                return null;
            }
        }

        private bool IsInside(string real)
        {
            var prefix = _root.EndsWith(Path.DirectorySeparatorChar) ? _root : _root + Path.DirectorySeparatorChar;
            return real.StartsWith(prefix, PathComparison) && real.Length > prefix.Length;
        }

        /// <summary>Returns the absolute path with every symbolic link resolved (realpath(3)), walking it component by component.</summary>
        /// <exception cref="IOException">There are more than 40 levels of links (a loop).</exception>
        private static string RealPath(string path, int depth)
        {
            if (depth > 40)
            {
                throw new IOException("there are too many levels of symbolic links (a loop?)");
            }

            var full = Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
            var root = Path.GetPathRoot(full)!;
            var current = root;
            foreach (var part in full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    current = Path.GetDirectoryName(current) ?? root;
                    continue;
                }

                var next = Path.Combine(current, part);
                var link = new FileInfo(next).LinkTarget;
                current = link is null ? next : RealPath(Path.IsPathRooted(link) ? link : Path.Combine(current, link), depth + 1);
            }

            return current;
        }
    }

    /// <summary>The streams of <see cref="FromStreams"/>: lent by the caller, so never disposed here.</summary>
    private sealed class StreamSource(IReadOnlyDictionary<string, Stream> files) : CsvSource
    {
        public override string Description => "the streams given";

        public override bool Exists(string fileName)
        {
            ArgumentNullException.ThrowIfNull(fileName);
            return files.ContainsKey(fileName);
        }

        public override Stream Open(string fileName) =>
            files.TryGetValue(Describe(fileName), out var stream)
                ? new LentStream(stream)
                : throw new FileNotFoundException($"No stream is named '{fileName}'.", fileName);

        public override long? LengthOf(string fileName) =>
            files.TryGetValue(Describe(fileName), out var stream) && stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;

        public override string Describe(string fileName)
        {
            ArgumentNullException.ThrowIfNull(fileName);
            return fileName;
        }

        // A mapping names streams, not paths: nothing is outside.
        internal override string? Escape(string fileName) => null;
    }
}
