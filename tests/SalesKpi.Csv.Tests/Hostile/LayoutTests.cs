namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>Line ends of every kind, quoted fields with separators, quotes and line breaks, and very long fields.</summary>
public class LayoutTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Import_AnyLineEnd_ReadsTheSameRecordsAndPhysicalLines(string end)
    {
        // Line 3 has an empty team: the error is at line 3, column 8 ("r2,Ben," is 7 characters) whatever the line end.
        var text = string.Join(end, "id,name,team", "r1,Ana,north", "r2,Ben,", "") ;

        var rejection = ByteSource.Fails("reps.csv", ByteSource.Utf8(text));

        Assert.Equal(("mem/reps.csv", 3L, 8, "team"), (rejection.File, rejection.Line, rejection.Column, rejection.Field));
    }

    [Fact]
    public void Import_MixedLineEnds_EachEndsOneLine()
    {
        // LF, CRLF, CR, then LF: rows on lines 2, 3 and 4; the bad one (no team) is line 4, column 8.
        var text = "id,name,team\nr1,Ana,north\r\nr2,Ben,south\rr3,Cem,\n";

        var outcome = ByteSource.Run("reps.csv", ByteSource.Utf8(text), CsvErrorMode.Report);

        Assert.True(outcome.Error is null, outcome.Error?.ToString());
        Assert.Equal(["r1", "r2"], outcome.Result!.Data.Roster.Reps.Select(r => r.Id.Value));
        Assert.Equal((4L, 8), (outcome.Result.Rejections.Single().Line, outcome.Result.Rejections.Single().Column));
    }

    [Fact]
    public void Import_QuotedFieldsWithSeparatorsQuotesAndLineBreaks_KeepThemAndCountPhysicalLines()
    {
        // Row r1 spans lines 2-4 (its name holds a CRLF and an LF), row r2 line 5 (a comma and doubled quotes), and row r3
        // is line 6, whose team (after "r3,\"a,b\",", 9 characters) is empty: column 10.
        var text = "id,name,team\nr1,\"Ana\r\nSilva\nJr\",north\nr2,\"Okoro, \"\"Ben\"\"\",\"so,uth\"\nr3,\"a,b\",\n";

        var outcome = ByteSource.Run("reps.csv", ByteSource.Utf8(text), CsvErrorMode.Report);

        var result = outcome.Result!;
        Assert.Equal([("r1", "Ana\r\nSilva\nJr", "north"), ("r2", "Okoro, \"Ben\"", "so,uth")], result.Data.Roster.Reps.Select(r => (r.Id.Value, r.Name, r.Team.Value)));
        Assert.Equal((6L, 10, "team"), (result.Rejections.Single().Line, result.Rejections.Single().Column, result.Rejections.Single().Field));
    }

    [Fact]
    public void Import_TextAfterAClosingQuote_FailsAtThatCharacterAndReadingGoesOn()
    {
        // Line 2: r1,"Ana"x — the x after the closing quote is column 9. Line 3 is good.
        var text = "id,name,team\nr1,\"Ana\"x,north\nr2,Ben,south\n";

        var result = ByteSource.Run("reps.csv", ByteSource.Utf8(text), CsvErrorMode.Report).Result!;

        Assert.Equal((2L, 9), (result.Rejections.Single().Line, result.Rejections.Single().Column));
        Assert.Equal(["r2"], result.Data.Roster.Reps.Select(r => r.Id.Value));
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(1_000_000)]
    public void Import_VeryLongField_IsKeptWholeAndLaterColumnsCountIt(int length)
    {
        // Line 2 holds the long name; line 3's team starts after "r2," + the long name + "," = length + 4 characters,
        // at column length + 5, and is empty.
        var name = new string('x', length);
        var text = $"id,name,team\nr1,{name},north\nr2,{name},\n";

        var result = ByteSource.Run("reps.csv", ByteSource.Utf8(text), CsvErrorMode.Report).Result!;

        Assert.Equal(length, result.Data.Roster.Reps.Single().Name.Length);
        Assert.Equal((3L, length + 5), (result.Rejections.Single().Line, result.Rejections.Single().Column));
    }

    [Fact]
    public void Import_VeryLongQuotedFieldNeverClosed_FailsWhereItStarts()
    {
        var text = "id,name,team\nr1,\"" + new string('y', 1_000_000) + "\n,north\n";

        var rejection = ByteSource.Fails("reps.csv", ByteSource.Utf8(text));

        Assert.Equal((2L, 4), (rejection.Line, rejection.Column));
        Assert.Contains("the quoted field is not closed", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("created_at")]
    [InlineData("amount")]
    [InlineData("currency")]
    [InlineData("status")]
    [InlineData("closed_at")]
    [InlineData("lead_id")]
    [InlineData("expected_close")]
    public void Import_MillionCharacterValueInATypedColumn_FailsWithAShortMessage(string column)
    {
        // The valid row, with one column replaced by a million 'z's. The message shows the first 60 of them and the length.
        string[] names = ["id", "account", "owner", "created_at", "amount", "currency", "status", "closed_at", "lead_id", "expected_close"];
        string[] values = ["O1", "acme", "r1", "2025-01-10T09:00:00Z", "10", "USD", "won", "2025-02-01T09:00:00Z", "", "2025-03-01"];
        var text = string.Join(',', names) + "\n" + string.Join(',', values.Select((v, i) => names[i] == column ? new string('z', 1_000_000) : v)) + "\n";
        var leads = "id,created_at,owner,source,qualified_at,converted_at\nL1,2025-01-01T09:00:00Z,,web,,\n";

        var outcome = ByteSource.Run(new Dictionary<string, byte[]> { ["leads.csv"] = ByteSource.Utf8(leads), ["opportunities.csv"] = ByteSource.Utf8(text) });

        var rejection = Assert.IsType<CsvImportException>(outcome.Error).Rejection!;
        Assert.Equal((2L, column), (rejection.Line, rejection.Field));
        Assert.Contains(new string('z', 60) + "… (1,000,000 characters)", rejection.Reason, StringComparison.Ordinal);
        Assert.InRange(rejection.Reason.Length, 1, 399);
    }

    [Fact]
    public void Import_MillionCharacterHeaderName_FailsWithAShortMessage()
    {
        var text = "id,name," + new string('t', 1_000_000) + "\nr1,Ana,north\n";

        var rejection = ByteSource.Fails("reps.csv", ByteSource.Utf8(text));

        // The unknown column starts after "id,name,", 8 characters: column 9.
        Assert.Equal((1L, 9), (rejection.Line, rejection.Column));
        Assert.StartsWith("unknown column '" + new string('t', 60) + "… (1,000,000 characters)' in reps.csv", rejection.Reason, StringComparison.Ordinal);
        Assert.InRange(rejection.Reason.Length, 1, 399);
    }
}
