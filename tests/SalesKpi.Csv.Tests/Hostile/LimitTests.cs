namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>
/// The limits on a field (<see cref="CsvImportOptions.MaxFieldLength"/>) and a record
/// (<see cref="CsvImportOptions.MaxRecordLength"/>): an over-long data row is a rejected row read to its end without
/// being kept, an over-long header fails the file, and reading goes on at the right line.
/// </summary>
public class LimitTests
{
    private const string Reps = "id,name,team\n";

    [Fact]
    public void Import_FieldLongerThanTheLimit_IsARejectedRowAtItsLineAndColumn()
    {
        var outcome = Run(Reps + "r1,Ana,north\nr2,abcdef,south\nr3,Cem,east\n", CsvErrorMode.Report, maxField: 5);

        var rejection = Assert.Single(outcome.Result!.Rejections);
        Assert.Equal("mem/reps.csv:3:4: the field is longer than 5 characters (CsvImportOptions.MaxFieldLength)", rejection.ToString());
        Assert.Equal(["r1", "r3"], outcome.Result.Data.Roster.Reps.Select(r => r.Id.Value));
        var file = outcome.Result.Files.Single();
        Assert.Equal((3L, 2L, 1L), (file.Rows, file.Records, file.Rejected));
    }

    [Fact]
    public void Import_FieldExactlyAtTheLimit_Imports()
    {
        var outcome = Run(Reps + "r1,abcde,north\n", CsvErrorMode.Fail, maxField: 5);

        Assert.Equal("abcde", outcome.Result!.Data.Roster.Reps.Single().Name);
    }

    [Fact]
    public void Import_FieldLongerThanTheLimitUnderFail_FailsTheImport()
    {
        var outcome = Run(Reps + "r1,Ana,north\nr2,Ben,southern\n", CsvErrorMode.Fail, maxField: 5);

        var error = Assert.IsType<CsvImportException>(outcome.Error);
        Assert.Equal((3L, 8), (error.Rejection!.Line, error.Rejection.Column));
        Assert.Equal("mem/reps.csv:3:8: the field is longer than 5 characters (CsvImportOptions.MaxFieldLength)", error.Message);
    }

    [Fact]
    public void Import_QuotedFieldOverTheLimitWithLineBreaks_IsSkippedToTheEndOfItsRecord()
    {
        // The quoted name spans lines 3 to 5; the reader must skip to its closing quote, so r3 is read as line 6.
        var outcome = Run(Reps + "r1,Ana,north\nr2,\"a long\nname, with\ncommas\",south\nr3,Cem,east\nr4,\"x\ny\",west\n", CsvErrorMode.Report, maxField: 8);

        var rejection = Assert.Single(outcome.Result!.Rejections);
        Assert.Equal((3L, 4), (rejection.Line, rejection.Column));
        Assert.Equal(["r1", "r3", "r4"], outcome.Result.Data.Roster.Reps.Select(r => r.Id.Value));
        Assert.Equal("x\ny", outcome.Result.Data.Roster.Reps[2].Name);
    }

    [Fact]
    public void Import_HeaderFieldLongerThanTheLimit_FailsTheFileInReportMode()
    {
        var outcome = Run("id,name,team_of_the_rep\nr1,Ana,north\n", CsvErrorMode.Report, maxField: 10);

        var rejection = Assert.IsType<CsvImportException>(outcome.Error).Rejection!;
        Assert.Equal("mem/reps.csv:1:9: the header cannot be read: the field is longer than 10 characters (CsvImportOptions.MaxFieldLength)", rejection.ToString());
    }

    [Fact]
    public void Import_RecordLongerThanTheLimit_IsARejectedRowAtItsFirstColumn()
    {
        // "r2,Ben,southern" is 15 characters: over a limit of 12 (the header's length), though no field is long.
        var outcome = Run(Reps + "r1,Ana,east\nr2,Ben,southern\nr3,Cem,west\n", CsvErrorMode.Report, maxRecord: 12);

        var rejection = Assert.Single(outcome.Result!.Rejections);
        Assert.Equal("mem/reps.csv:3:1: the record is longer than 12 characters (CsvImportOptions.MaxRecordLength)", rejection.ToString());
        Assert.Equal(["r1", "r3"], outcome.Result.Data.Roster.Reps.Select(r => r.Id.Value));
    }

    [Fact]
    public void Import_RecordOfSeparatorsOnlyLongerThanTheLimit_IsRejected()
    {
        // 40 empty fields store no character, yet the record is 39 commas long: the separators count.
        var outcome = Run(Reps + "r1,Ana,east\n" + new string(',', 39) + "\n", CsvErrorMode.Report, maxRecord: 20);

        var rejection = Assert.Single(outcome.Result!.Rejections);
        Assert.Equal((3L, 1), (rejection.Line, rejection.Column));
        Assert.Contains("the record is longer than 20 characters", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FieldOverTheDefaultLimit_FromALazyStream_IsRejectedAndTheNextRowImports()
    {
        var source = new LazySource("reps.csv", () => new LazyStream(Reps + "r1,", (byte)'x', CsvImportOptions.Default.MaxFieldLength + 1L, ",north\nr2,Ben,south\n"));

        var result = new CsvImporter(new CsvImportOptions { OnError = CsvErrorMode.Report }).Import(source);

        Assert.Equal("lazy/reps.csv:2:4: the field is longer than 1,048,576 characters (CsvImportOptions.MaxFieldLength)", Assert.Single(result.Rejections).ToString());
        Assert.Equal("r2", result.Data.Roster.Reps.Single().Id.Value);
    }

    [Fact]
    public void Import_FieldAtTheDefaultLimit_FromALazyStream_IsReadWhole()
    {
        var source = new LazySource("reps.csv", () => new LazyStream(Reps + "r1,", (byte)'x', CsvImportOptions.Default.MaxFieldLength, ",north\n"));

        var result = new CsvImporter().Import(source);

        Assert.Equal(1_048_576, result.Data.Roster.Reps.Single().Name.Length);
    }

    [Fact]
    public void Regression_Import_QuotedFieldOf64Megabytes_WasKeptWholeAsAFieldWithNoLimitUntilOutOfMemory()
    {
        // 64 MiB of 'x' in one quoted field (also over the record limit): kept, it would take 128 MB of chars, and a
        // StringBuilder doubling towards it more. The bytes allocated while reading it are counted, not timed.
        const long Size = 64L << 20;
        LazyStream? stream = null;
        var source = new LazySource("reps.csv", () => stream = new LazyStream(Reps + "r1,\"", (byte)'x', Size, "\",north\nr2,Ben,south\n"));
        var importer = new CsvImporter(new CsvImportOptions { OnError = CsvErrorMode.Report });

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = importer.Import(source);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(stream!.Length, stream.BytesRead);
        Assert.Equal((2L, 4), (Assert.Single(result.Rejections).Line, result.Rejections[0].Column));
        Assert.Equal("r2", result.Data.Roster.Reps.Single().Id.Value);
        Assert.True(allocated < 8L << 20, $"{allocated:N0} bytes allocated while reading a 64 MiB field");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Options_LimitOfZeroOrLess_IsRefused(int value)
    {
        var field = Assert.Throws<ArgumentOutOfRangeException>(() => new CsvImportOptions { MaxFieldLength = value });
        var record = Assert.Throws<ArgumentOutOfRangeException>(() => new CsvImportOptions { MaxRecordLength = value });

        Assert.Equal(("value", "value"), (field.ParamName, record.ParamName));
    }

    [Fact]
    public void Options_Defaults_AreOneMebiCharacterPerFieldAndSixteenPerRecord()
    {
        Assert.Equal((1_048_576, 16_777_216), (CsvImportOptions.Default.MaxFieldLength, CsvImportOptions.Default.MaxRecordLength));
    }

    private static Outcome Run(string text, CsvErrorMode mode, int maxField = 1 << 20, int maxRecord = 1 << 24)
    {
        var options = new CsvImportOptions { OnError = mode, MaxFieldLength = maxField, MaxRecordLength = maxRecord };
        try
        {
            return new Outcome(new CsvImporter(options).Import(new ByteSource(new Dictionary<string, byte[]> { ["reps.csv"] = ByteSource.Utf8(text) })), null);
        }
        catch (CsvImportException e)
        {
            return new Outcome(null, e);
        }
    }
}
