using NodaTime;

namespace SalesKpi.Csv.Tests;

/// <summary>Files whose fields are separated by another character than the comma (<see cref="CsvImportOptions.Delimiter"/>).</summary>
public sealed class DelimiterTests
{
    private static List<(string[] Values, CsvPosition[] Positions)> ReadAll(string text, char delimiter)
    {
        using var reader = new CsvRecordReader(new StringReader(text), delimiter: delimiter);
        var records = new List<(string[], CsvPosition[])>();
        while (reader.Read())
        {
            records.Add(([.. Enumerable.Range(0, reader.Count).Select(i => reader[i])], [.. Enumerable.Range(0, reader.Count).Select(reader.PositionOf)]));
        }

        return records;
    }

    [Fact]
    public void Read_Semicolons_SplitTheFieldsAndCommasAreText()
    {
        var records = ReadAll("a;b;c\n1,5;\"x; y\";\"say \"\"hi\"\"\"\nlast;;end\n", ';');

        Assert.Equal(3, records.Count);
        Assert.Equal(["1,5", "x; y", "say \"hi\""], records[1].Values);
        Assert.Equal(["last", "", "end"], records[2].Values);
        // "1,5;" is four characters: the quoted field starts at column 5; "\"x; y\";" seven more: column 12.
        Assert.Equal([new CsvPosition(2, 1), new CsvPosition(2, 5), new CsvPosition(2, 12)], records[1].Positions);
    }

    [Theory]
    [InlineData('\t')]
    [InlineData('|')]
    public void Read_OtherDelimiters_SplitTheFields(char delimiter)
    {
        var records = ReadAll($"id{delimiter}name\n1{delimiter}Ana, Lee\n", delimiter);

        Assert.Equal(["1", "Ana, Lee"], records[1].Values);
    }

    [Fact]
    public void Read_ManySemicolonRecords_GoThroughTheBulkPathWithTheRightPositions()
    {
        // Text without quotes is passed to Sep in blocks of 16,384 characters: 20,000 lines of "n;ab;c" cross many.
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i};ab;c\n"));

        var records = ReadAll(text, ';');

        Assert.Equal(20_000, records.Count);
        Assert.All(records, r => Assert.Equal(3, r.Values.Length));
        // Line 20,000 is "19999;ab;c": "ab" at column 7, "c" at column 10.
        Assert.Equal([new CsvPosition(20_000, 1), new CsvPosition(20_000, 7), new CsvPosition(20_000, 10)], records[^1].Positions);
    }

    [Fact]
    public void Read_QuoteInsideAnUnquotedSemicolonField_IsStillAnError()
    {
        using var reader = new CsvRecordReader(new StringReader("a;b\nx\"y;1\n2;3\n"), delimiter: ';');

        Assert.True(reader.Read());
        Assert.Throws<CsvSyntaxException>(() => reader.Read());
        Assert.True(reader.Read());
        Assert.Equal(["2", "3"], new[] { reader[0], reader[1] });
    }

    [Fact]
    public void Import_ASemicolonExport_ReadsTheSameRecordsAsTheCommaOne()
    {
        const string Deals = "id,opportunity_id,account,owner,closed_at,amount,currency,kind\nD1,,\"Acme, Inc.\",ana,2025-02-09T09:00:00Z,1000.00,USD,new-business\n";
        var semicolons = "id;opportunity_id;account;owner;closed_at;amount;currency;kind\nD1;;Acme, Inc.;ana;2025-02-09T09:00:00Z;1000.00;USD;new-business\n";

        var comma = new CsvImporter(CsvImportOptions.Default).Import(new MemorySource(new() { ["deals.csv"] = Deals }));
        var semicolon = new CsvImporter(new CsvImportOptions { Delimiter = ';' }).Import(new MemorySource(new() { ["deals.csv"] = semicolons }));

        var deal = Assert.Single(semicolon.Data.Deals);
        Assert.Equal("Acme, Inc.", deal.Account.Value);
        Assert.Equal(1000.00m, deal.Value.Amount);
        Assert.Equal(Instant.FromUtc(2025, 2, 9, 9, 0), deal.ClosedAt);
        Assert.Equal(comma.Data.Deals.Single(), deal);
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\n')]
    [InlineData('\r')]
    [InlineData('a')]
    [InlineData('7')]
    [InlineData('\0')]
    public void Delimiter_NotASeparatorCharacter_Throws(char delimiter)
    {
        Assert.Throws<ArgumentOutOfRangeException>("value", () => new CsvImportOptions { Delimiter = delimiter });
    }
}
