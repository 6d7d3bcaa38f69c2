using System.Text;

namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>
/// A mapping file, and the files it reads, follow the encoding rule of data files: UTF-8 with or without a byte-order
/// mark, or UTF-16 with one; any other byte fails at its line and column instead of becoming a replacement character.
/// </summary>
public sealed class MappingEncodingTests : IDisposable
{
    private const string Mapping = """
        {
          "files": [{ "source": "crm.csv", "target": "opportunities",
                      "where": { "column": "Stage", "values": ["Gagné", "Perdu"] },
                      "columns": { "id": "Id", "account": "A", "owner": "O", "created_at": "C", "amount": "M", "currency": { "value": "USD" },
                                   "status": { "column": "Stage", "values": { "Gagné": "won", "Perdu": "lost" } }, "closed_at": "C" } }]
        }
        """;

    private const string Crm = "Id,A,O,C,M,Stage\nO1,acme,r1,2025-01-06T09:00:00Z,10,Gagné\nO2,acme,r1,2025-01-06T09:00:00Z,20,Perdu\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_Latin1Mapping_FailsAtTheLineAndColumnOfTheFirstBadByte()
    {
        // Line 3 is 10 spaces and '"where": { "column": "Stage", "values": ["Gagn"' (50 characters), then 0xE9: column 61.
        var path = _dir.Write("mapping.json", Encoding.Latin1.GetBytes(Mapping));

        var error = Assert.Throws<FormatException>(() => CsvMapping.Load(path));

        Assert.Equal($"{path}:3:61: the file is not valid UTF-8: the bytes 0xE9 here are not a UTF-8 character (a Latin-1 or Windows-1252 file? save it as UTF-8)", error.Message);
    }

    [Fact]
    public void Load_Windows1252MappingWithCrLf_CountsLinesAsDataFilesDo()
    {
        // 0x93 is a Windows-1252 curly quote, on line 2 after "{\r\n  " and 4 more characters: column 7.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("{\r\n  \"de\": "), 0x93, .. Encoding.ASCII.GetBytes("x\"\r\n}")];
        var path = _dir.Write("mapping.json", bytes);

        var error = Assert.Throws<FormatException>(() => CsvMapping.Load(path));

        Assert.StartsWith($"{path}:2:9: the file is not valid UTF-8: the bytes 0x93", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Load_MappingWithAByteOrderMark_IsReadAndMatchesTheAccentedValues(string form)
    {
        var encoding = form switch
        {
            "utf-8-bom" => (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            _ => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        };
        var path = _dir.Write("mapping.json", [.. encoding.GetPreamble(), .. encoding.GetBytes(Mapping)]);
        _dir.Write("data/crm.csv", Crm);

        var result = new CsvImporter(new CsvImportOptions { Mapping = CsvMapping.Load(path) }).ImportDirectory(_dir["data"]);

        Assert.Equal(2, result.Data.Opportunities.Length);
    }

    [Fact]
    public void Load_MappingWithANulCharacter_SaysItIsNotJson()
    {
        var path = _dir.Write("mapping.json", new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes("{ }"));

        var error = Assert.Throws<FormatException>(() => CsvMapping.Load(path));

        Assert.Equal($"{path}:1:2: the file holds a NUL character (U+0000), which is not text: it may be UTF-16 without a byte-order mark (save it as UTF-8), or not a JSON file at all", error.Message);
    }

    [Theory]
    [InlineData(CsvErrorMode.Fail)]
    [InlineData(CsvErrorMode.Report)]
    public void Import_Latin1MappedSourceFile_FailsAtTheFirstBadByteInEveryMode(CsvErrorMode mode)
    {
        // "O1,acme,r1,2025-01-06T09:00:00Z,10,Gagn" is 39 characters: the 0xE9 is column 40 of line 2.
        var files = new Dictionary<string, byte[]> { ["crm.csv"] = Encoding.Latin1.GetBytes(Crm) };

        var error = Assert.IsType<CsvImportException>(ByteSource.Run(files, mode, CsvMapping.Parse(Mapping)).Error);

        Assert.Equal((2L, 40), (error.Rejection!.Line, error.Rejection.Column));
        Assert.Contains("the bytes 0xE9 here are not a UTF-8 character", error.Rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_Load_Latin1MappingMatchedNoRowAndImportedZeroRecordsWithoutAnError()
    {
        // File.ReadAllText turned the Latin-1 é of "Gagné" into U+FFFD: the 'where' then matched no row of the UTF-8
        // export, every row was counted as not selected, and the import "succeeded" with 0 opportunities.
        var path = _dir.Write("mapping.json", Encoding.Latin1.GetBytes(Mapping));
        _dir.Write("data/crm.csv", Crm);

        var error = Assert.Throws<FormatException>(() => CsvMapping.Load(path));

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, new CsvImporter(new CsvImportOptions { Mapping = CsvMapping.Load(_dir.Write("utf8.json", Mapping)) }).ImportDirectory(_dir["data"]).Data.Opportunities.Length);
    }
}
