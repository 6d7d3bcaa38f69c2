namespace SalesKpi.Csv.Tests;

public class CsvRecordReaderTests
{
    private static List<(string[] Values, CsvPosition[] Positions)> ReadAll(string text)
    {
        using var reader = new CsvRecordReader(new StringReader(text));
        var records = new List<(string[], CsvPosition[])>();
        while (reader.Read())
        {
            records.Add((Enumerable.Range(0, reader.Count).Select(i => reader[i]).ToArray(), Enumerable.Range(0, reader.Count).Select(reader.PositionOf).ToArray()));
        }

        return records;
    }

    [Fact]
    public void Read_QuotedFields_KeepCommasQuotesAndLineBreaks()
    {
        var records = ReadAll("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,end\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], records[1].Values);
        Assert.Equal(["last", "", "end"], records[2].Values);
    }

    [Fact]
    public void Read_Positions_AreLineAndColumnWhereEachFieldStarts()
    {
        var records = ReadAll("id,name\r\n1,\"multi\r\nline\",x\r\n22,y\r\n");

        Assert.Equal([new CsvPosition(2, 1), new CsvPosition(2, 3), new CsvPosition(3, 7)], records[1].Positions);
        Assert.Equal([new CsvPosition(4, 1), new CsvPosition(4, 4)], records[2].Positions);
    }

    [Fact]
    public void Read_OldMacLineEnds_CountAsLines()
    {
        var records = ReadAll("a\rb\rc");

        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Positions[0].Line));
    }

    [Fact]
    public void Read_BlankLines_AreNotRecords()
    {
        var records = ReadAll("a,b\n\n1,2\n\n\n3,4\n\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(6, records[2].Positions[0].Line);
    }

    [Fact]
    public void Read_UnterminatedQuote_ThrowsAtTheOpeningQuote()
    {
        using var reader = new CsvRecordReader(new StringReader("a,b\n1,\"open\n2,3\n"));
        Assert.True(reader.Read());

        var e = Assert.Throws<CsvSyntaxException>(() => reader.Read());

        Assert.Equal(new CsvPosition(2, 3), e.Position);
        Assert.Contains("not closed", e.Message);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_ThrowsThenGoesOnWithTheNextLine()
    {
        using var reader = new CsvRecordReader(new StringReader("a,b\n\"x\"y,1\n2,3\n"));
        Assert.True(reader.Read());

        var e = Assert.Throws<CsvSyntaxException>(() => reader.Read());
        Assert.Equal(new CsvPosition(2, 4), e.Position);

        Assert.True(reader.Read());
        Assert.Equal("2", reader[0]);
        Assert.Equal(3, reader.RecordLine);
    }

    [Fact]
    public void Read_QuoteInsideUnquotedField_Throws()
    {
        using var reader = new CsvRecordReader(new StringReader("5'11\",x\n"));

        var e = Assert.Throws<CsvSyntaxException>(() => reader.Read());

        Assert.Equal(new CsvPosition(1, 5), e.Position);
    }

    [Fact]
    public void Read_LongInput_ReadsAcrossBufferBoundaries()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => $"{i},\"value {i}, quoted\"");
        var records = ReadAll(string.Join("\r\n", rows));

        Assert.Equal(5000, records.Count);
        Assert.Equal(["4999", "value 4999, quoted"], records[^1].Values);
        Assert.Equal(new CsvPosition(5000, 6), records[^1].Positions[1]);
    }
}
