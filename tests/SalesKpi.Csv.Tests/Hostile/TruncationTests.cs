namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>A valid file cut at every byte offset: each prefix imports what it fully contains or fails naming where.</summary>
public class TruncationTests
{
    // Offsets (0-based) in the file below:
    //   "id,name,team"            0..11, '\n' at 12
    //   "r1,\"Silva, Ana\",north" 13..33: r1 at 13, ',' 15, '"' 16, Silva, Ana 17..26, '"' 27, ',' 28, north 29..33; '\n' at 34
    //   "r2,Ben,south"            35..46: r2 at 35, ',' 37, Ben 38..40, ',' 41, south 42..46; '\n' at 47
    private const string Valid = "id,name,team\nr1,\"Silva, Ana\",north\nr2,Ben,south\n";

    public static TheoryData<int> EveryLength()
    {
        var data = new TheoryData<int>();
        for (var length = 0; length <= Valid.Length; length++)
        {
            data.Add(length);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryLength))]
    public void Import_FileCutAtEveryOffset_ImportsTheCompleteRowsOrNamesLineAndColumn(int length)
    {
        var bytes = ByteSource.Utf8(Valid[..length]);

        var outcome = ByteSource.Run("reps.csv", bytes);

        // The expected outcome of each prefix, worked out from the offsets above.
        switch (length)
        {
            case 0:
                AssertFails(outcome, 1, 1, "the file is empty");
                break;
            case 1 or 3 or 4 or 5 or 6 or 8 or 9 or 10 or 11:
                // "i", "id,", "id,n".."id,nam", "id,name,", "id,name,t".."id,name,tea": an unknown column, at the start
                // of the cut header name (column 1, 4 or 9).
                AssertFails(outcome, 1, length < 3 ? 1 : length < 8 ? 4 : 9, "unknown column");
                break;
            case 2 or 7:
                // "id", "id,name": a complete header missing a required column.
                AssertFails(outcome, 1, 1, "the header has no");
                break;
            case 12 or 13:
                AssertReps(outcome);
                break;
            case 14 or 15 or 16:
                // "r", "r1", "r1,": too few fields.
                AssertFails(outcome, 2, 1, length == 16 ? "the row has 2 fields but the header has 3" : "the row has 1 fields but the header has 3");
                break;
            case >= 17 and <= 27:
                // Cut inside the quoted name: its quote is never closed; the field starts at column 4.
                AssertFails(outcome, 2, 4, "the quoted field is not closed");
                break;
            case 28:
                AssertFails(outcome, 2, 1, "the row has 2 fields but the header has 3");
                break;
            case 29:
                // "r1,"Silva, Ana",": the team is empty; it starts at column 17 of line 2.
                AssertFails(outcome, 2, 17, "a value is required");
                break;
            case >= 30 and <= 35:
                // The last field is cut, not lost: a CSV record without its line break is complete (see the docs).
                AssertReps(outcome, ("r1", "Silva, Ana", "north"[..Math.Min(5, length - 29)]));
                break;
            case >= 36 and <= 41:
                AssertFails(outcome, 3, 1, length <= 37 ? "the row has 1 fields" : "the row has 2 fields");
                break;
            case 42:
                AssertFails(outcome, 3, 8, "a value is required");
                break;
            default:
                AssertReps(outcome, ("r1", "Silva, Ana", "north"), ("r2", "Ben", "south"[..Math.Min(5, length - 42)]));
                break;
        }
    }

    [Theory]
    [InlineData("id,name,team\nr1,\"Ana\nSil", 2, 4)]
    [InlineData("id,name,team\nr1,\"Ana\r\nSilva\"\"", 2, 4)]
    [InlineData("id,name,team\nr1,\"Ana\nSilva\",north\nr2,\"Ben", 4, 4)]
    public void Import_CutInsideAQuotedFieldSpanningLines_NamesWhereTheFieldStarts(string text, long line, int column)
    {
        var rejection = ByteSource.Fails("reps.csv", ByteSource.Utf8(text));

        Assert.Equal(("mem/reps.csv", line, column), (rejection.File, rejection.Line, rejection.Column));
        Assert.Contains("the quoted field is not closed", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n\r\n")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF\n")]
    public void Import_EmptyOrBlankFile_FailsAtLineOneColumnOne(string text)
    {
        var rejection = ByteSource.Fails("leads.csv", ByteSource.Utf8(text));

        Assert.Equal(("mem/leads.csv", 1L, 1), (rejection.File, rejection.Line, rejection.Column));
        Assert.Contains("the file is empty", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_HeaderOnly_ImportsNoRecords()
    {
        var result = ByteSource.Succeeds("leads.csv", ByteSource.Utf8("id,created_at,owner,source,qualified_at,converted_at"));

        Assert.Empty(result.Data.Leads);
        Assert.Equal(0, result.Files.Single().Rows);
    }

    private static void AssertFails(Outcome outcome, long line, int column, string reason)
    {
        var error = Assert.IsType<CsvImportException>(outcome.Error);
        var rejection = Assert.IsType<CsvRejection>(error.Rejection);
        Assert.Equal(("mem/reps.csv", line, column), (rejection.File, rejection.Line, rejection.Column));
        Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
    }

    private static void AssertReps(Outcome outcome, params (string Id, string Name, string Team)[] expected)
    {
        Assert.True(outcome.Error is null, outcome.Error?.ToString());
        Assert.Equal(expected, outcome.Result!.Data.Roster.Reps.Select(r => (r.Id.Value, r.Name, r.Team.Value)));
    }
}
