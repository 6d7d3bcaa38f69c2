using System.Text;

namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>Files that are not UTF-8: read when their byte-order mark says what they are, else refused where the first bad byte is.</summary>
public class EncodingTests
{
    private const string Reps = "id,name,team\nr1,José Núñez,north\nr2,Ben,south\n";

    [Fact]
    public void Import_Utf8WithByteOrderMark_ReadsTheHeaderWithoutTheMark()
    {
        var result = ByteSource.Succeeds("reps.csv", [0xEF, 0xBB, 0xBF, .. ByteSource.Utf8(Reps)]);

        Assert.Equal(["José Núñez", "Ben"], result.Data.Roster.Reps.Select(r => r.Name));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Import_Utf16WithByteOrderMark_IsDecodedAsUtf16(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);

        var result = ByteSource.Succeeds("reps.csv", [.. encoding.GetPreamble(), .. encoding.GetBytes(Reps)]);

        Assert.Equal(["José Núñez", "Ben"], result.Data.Roster.Reps.Select(r => r.Name));
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 1)]
    public void Import_Utf16WithoutByteOrderMark_FailsAtTheFirstNulCharacter(bool bigEndian, int column)
    {
        // "id" in UTF-16 LE is 69 00 64 00: the first NUL is the second character of line 1; in BE (00 69 00 64) the first.
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(Reps);

        var rejection = ByteSource.Fails("reps.csv", bytes);

        Assert.Equal(("mem/reps.csv", 1L, column), (rejection.File, rejection.Line, rejection.Column));
        Assert.Contains("NUL", rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("UTF-16", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Latin1Bytes_FailNamingLineColumnAndByte()
    {
        // "José" in Latin-1 is 4A 6F 73 E9: the 0xE9 is not UTF-8; on line 2 it is column 7 (after "r1,Jos", 6 characters).
        var bytes = Encoding.Latin1.GetBytes(Reps);

        var rejection = ByteSource.Fails("reps.csv", bytes);

        Assert.Equal(("mem/reps.csv", 2L, 7), (rejection.File, rejection.Line, rejection.Column));
        Assert.Contains("not valid UTF-8", rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("0xE9", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Windows1252SmartQuotes_FailNamingLineAndColumn()
    {
        // 0x93 and 0x94 are Windows-1252 curly quotes and never valid alone in UTF-8; the first is at column 9 of line 2 (after "r1,Ana [", 8 characters).
        byte[] bytes = [.. ByteSource.Utf8("id,name,team\nr1,Ana ["), 0x93, .. ByteSource.Utf8("A"), 0x94, .. ByteSource.Utf8("],north\n")];

        var rejection = ByteSource.Fails("reps.csv", bytes);

        Assert.Equal((2L, 9), (rejection.Line, rejection.Column));
        Assert.Contains("0x93", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3 })] // the first byte of é, cut by the end of the file
    [InlineData(new byte[] { 0xC3, 0x28 })] // a lead byte followed by a non-continuation byte
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong encoding of '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a UTF-16 surrogate encoded in UTF-8
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // above U+10FFFF
    [InlineData(new byte[] { 0xFF })]
    public void Import_MalformedUtf8Sequence_FailsWhereItStarts(byte[] bad)
    {
        // line 2 is "r1,Jos" then the bad bytes: they start at column 7.
        byte[] bytes = [.. ByteSource.Utf8("id,name,team\nr1,Jos"), .. bad];

        var rejection = ByteSource.Fails("reps.csv", bytes);

        Assert.Equal(("mem/reps.csv", 2L, 7), (rejection.File, rejection.Line, rejection.Column));
        Assert.Contains("not valid UTF-8", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_InvalidByteUnderReportMode_StillFailsTheWholeFile()
    {
        // An encoding problem is a problem with the whole file: no row after it can be trusted.
        byte[] bytes = [.. ByteSource.Utf8("id,name,team\nr1,Ana,north\nr2,B"), 0xE9, .. ByteSource.Utf8("n,south\nr3,Cem,south\n")];

        var outcome = ByteSource.Run("reps.csv", bytes, CsvErrorMode.Report);

        var rejection = Assert.IsType<CsvImportException>(outcome.Error).Rejection!;
        Assert.Equal((3L, 5), (rejection.Line, rejection.Column));
    }

    [Fact]
    public void Import_InvalidByteAfterABufferOfText_IsPlacedOnItsPhysicalLine()
    {
        // 5,000 rows of 17 bytes ("r00000,Ana,north\n"), 85,000 bytes, push the bad byte past the reader's 64 KB and 16 K buffers.
        var text = new StringBuilder("id,name,team\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append('r').Append(i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).Append(",Ana,north\n");
        }

        // The header is line 1 and the rows lines 2..5001; the bad row is line 5002, "r9,A" then 0xFF at column 5.
        byte[] bytes = [.. ByteSource.Utf8(text.Append("r9,A").ToString()), 0xFF, .. ByteSource.Utf8("na,north\n")];

        var rejection = ByteSource.Fails("reps.csv", bytes);

        Assert.Equal((5002L, 5), (rejection.Line, rejection.Column));
    }

    [Fact]
    public void Import_ValidReplacementCharacter_IsKeptAsData()
    {
        // U+FFFD written as valid UTF-8 (EF BF BD) is a character like any other, not a decoding error.
        var result = ByteSource.Succeeds("reps.csv", ByteSource.Utf8("id,name,team\nr1,A\uFFFDna,north\n"));

        Assert.Equal("A\uFFFDna", result.Data.Roster.Reps.Single().Name);
    }

    [Fact]
    public void Import_Utf16WithAnOddNumberOfBytes_FailsWhereTheHalfCharacterIs()
    {
        // "id,name,team\nr1,Ana,north\n" in UTF-16 LE, then one stray byte: it starts line 3, column 1.
        var encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("id,name,team\nr1,Ana,north\n"), 0x41];

        var rejection = ByteSource.Fails("reps.csv", bytes);

        Assert.Equal((3L, 1), (rejection.Line, rejection.Column));
        Assert.Contains("odd number of bytes", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Import_Utf16LoneSurrogate_FailsWhereItIs(bool bigEndian)
    {
        // A high surrogate followed by 'x' instead of a low one, after "r1,A" (4 characters): line 2, column 5.
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true, throwOnInvalidBytes: false);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("id,name,team\nr1,A"), .. bigEndian ? new byte[] { 0xD8, 0x3D } : [0x3D, 0xD8], .. encoding.GetBytes("x,north\n")];

        var rejection = ByteSource.Fails("reps.csv", bytes);

        Assert.Equal((2L, 5), (rejection.Line, rejection.Column));
        Assert.Contains("the surrogate U+D83D here is not part of a pair", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    public void Import_StreamGivingOneByteAtATime_ReadsCharactersSplitAcrossReads(string name)
    {
        // Every multi-byte character, the byte-order mark and each UTF-16 surrogate pair arrive one byte per read.
        var encoding = name == "utf-8" ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) : (Encoding)new UnicodeEncoding(false, true);
        var text = "id,name,team\nr1,José 😀 Núñez,north\n";
        var source = new TrickleSource([.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);

        var result = new CsvImporter().Import(source);

        Assert.Equal("José 😀 Núñez", result.Data.Roster.Reps.Single().Name);
    }

    [Fact]
    public void Import_Utf8CharacterCutByTheEndOfTheFile_SaysTheFileWasCutShort()
    {
        // E2 80 are the first two of the three bytes of "…" (E2 80 A6); they start at column 7 of line 2, after "r1,Jos".
        byte[] bytes = [.. ByteSource.Utf8("id,name,team\nr1,Jos"), 0xE2, 0x80];

        var rejection = ByteSource.Fails("reps.csv", bytes);

        Assert.Equal("mem/reps.csv:2:7: the file is not valid UTF-8: it ends in the middle of a character (0xE2 0x80); was it cut short?", rejection.ToString());
    }

    [Theory]
    [InlineData("north")]
    [InlineData("nor😀")]
    public void Import_Utf16FileWithoutAFinalLineBreak_KeepsItsLastCharacter(string team)
    {
        // The file ends in a plain character (2 bytes) or a surrogate pair (4 bytes) with nothing after it.
        var encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);

        var result = ByteSource.Succeeds("reps.csv", [.. encoding.GetPreamble(), .. encoding.GetBytes("id,name,team\nr1,Ana," + team)]);

        Assert.Equal(team, result.Data.Roster.Reps.Single().Team.Value);
    }

    [Theory]
    [InlineData(80, false)]
    [InlineData(81, true)]
    public void MessageText_ValueOfEightyCharactersOrMore_IsCutOnlyAboveEighty(int length, bool cut)
    {
        var value = new string('v', length);

        var shown = MessageText.Of(value);

        Assert.Equal(cut ? new string('v', 60) + "… (81 characters)" : value, shown);
    }

    [Fact]
    public void Import_EveryFileStream_IsDisposed()
    {
        var source = new TrickleSource(ByteSource.Utf8("id,name,team\nr1,Ana,north\n"));

        _ = new CsvImporter().Import(source);

        Assert.True(source.Opened is { IsDisposed: true });
    }

    /// <summary>A reps.csv whose stream returns one byte per read, as a slow network stream may.</summary>
    private sealed class TrickleSource(byte[] bytes) : CsvSource
    {
        public override string Description => "trickle";

        public override bool Exists(string fileName) => fileName == "reps.csv";

        public TrickleStream? Opened { get; private set; }

        public override Stream Open(string fileName) => Opened = new TrickleStream(bytes);

        public override string Describe(string fileName) => fileName;
    }

    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public bool IsDisposed { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }
}
