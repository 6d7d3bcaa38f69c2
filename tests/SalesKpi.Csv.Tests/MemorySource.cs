using System.Text;

namespace SalesKpi.Csv.Tests;

/// <summary>A data set of CSV texts held in memory, named <c>mem/&lt;file&gt;</c> in messages.</summary>
internal sealed class MemorySource(Dictionary<string, string> files) : CsvSource
{
    public override string Description => "mem";

    public override bool Exists(string fileName) => files.ContainsKey(fileName);

    public override Stream Open(string fileName) => new MemoryStream(Encoding.UTF8.GetBytes(files[fileName]));

    public override long? LengthOf(string fileName) => Encoding.UTF8.GetByteCount(files[fileName]);

    public override string Describe(string fileName) => "mem/" + fileName;

    public static CsvImportResult Import(CsvErrorMode mode, params (string File, string Text)[] files) =>
        new CsvImporter(new CsvImportOptions { OnError = mode }).Import(new MemorySource(files.ToDictionary(f => f.File, f => f.Text)));

    public static CsvImportException Fails(params (string File, string Text)[] files) =>
        Assert.Throws<CsvImportException>(() => Import(CsvErrorMode.Fail, files));
}
