using System.Globalization;

namespace SalesKpi.Csv;

/// <summary>How far an import has read one file; reported to <see cref="CsvImportOptions.Progress"/>.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class CsvImportProgress
{
    internal CsvImportProgress(string file, long bytesRead, long? totalBytes, long rows, bool completed)
    {
        File = file;
        BytesRead = bytesRead;
        TotalBytes = totalBytes;
        Rows = rows;
        Completed = completed;
    }

    /// <summary>Gets the file being read, as shown to the user.</summary>
    public string File { get; }

    /// <summary>Gets the bytes read so far.</summary>
    public long BytesRead { get; }

    /// <summary>Gets the size of the file.</summary>
    /// <value>The size in bytes, or null when the source does not know it.</value>
    public long? TotalBytes { get; }

    /// <summary>Gets the rows read so far, header excluded.</summary>
    public long Rows { get; }

    /// <summary>Gets a value indicating whether this is the last report for the file.</summary>
    public bool Completed { get; }

    /// <summary>Returns <c>file: rows rows, bytes/total bytes</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}: {Rows} rows, {BytesRead}/{(TotalBytes is { } t ? t.ToString(CultureInfo.InvariantCulture) : "?")} bytes{(Completed ? ", done" : string.Empty)}");
}
