using SalesKpi.Csv;

namespace SalesKpi.Cli;

/// <summary>
/// The sample data set compiled into the tool (<c>Sample/*.csv</c>, written by tools/generate-sample.py): a year of
/// activity of ten reps in two teams, in the same CSV format users write.
/// </summary>
internal sealed class EmbeddedSample : CsvSource
{
    private const string Prefix = "SalesKpi.Cli.Sample.";

    private EmbeddedSample()
    {
    }

    /// <summary>Gets the sample.</summary>
    public static EmbeddedSample Instance { get; } = new();

    public override string Description => "embedded sample";

    public override bool Exists(string fileName) => typeof(EmbeddedSample).Assembly.GetManifestResourceInfo(Prefix + fileName) is not null;

    public override Stream Open(string fileName) =>
        typeof(EmbeddedSample).Assembly.GetManifestResourceStream(Prefix + fileName)
        ?? throw new FileNotFoundException($"The embedded sample has no {fileName}.", fileName);

    public override long? LengthOf(string fileName)
    {
        using var stream = typeof(EmbeddedSample).Assembly.GetManifestResourceStream(Prefix + fileName);
        return stream?.Length;
    }

    public override string Describe(string fileName) => "sample/" + fileName;
}
