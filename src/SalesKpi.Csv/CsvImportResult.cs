using System.Collections.Immutable;

namespace SalesKpi.Csv;

/// <summary>The outcome of an import: the records as a <see cref="SalesData"/> snapshot, the rows rejected and what became of every file.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class CsvImportResult
{
    internal CsvImportResult(SalesData data, ImmutableArray<CsvRejection> rejections, ImmutableArray<CsvFileReport> files)
    {
        Data = data;
        Rejections = rejections;
        Files = files;
    }

    /// <summary>Gets the records imported.</summary>
    public SalesData Data { get; }

    /// <summary>Gets the rows rejected, in the order they were read; empty under <see cref="CsvErrorMode.Fail"/>.</summary>
    public ImmutableArray<CsvRejection> Rejections { get; }

    /// <summary>Gets, for every file read, what became of its rows; in import order.</summary>
    public ImmutableArray<CsvFileReport> Files { get; }
}
