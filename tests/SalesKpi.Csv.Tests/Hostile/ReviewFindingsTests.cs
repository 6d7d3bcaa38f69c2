namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>
/// Hostile inputs found by an adversarial review after the suite was extended: mapping JSON that is valid JSON but not a
/// valid mapping (a NUL in a path, half a surrogate pair, a key given twice), stage changes after the close, and two
/// files joined with their byte-order marks.
/// </summary>
public class ReviewFindingsTests
{
    private const string Columns = """ "columns": { "id": "id", "name": "name", "team": { "value": "north" } } """;

    [Fact]
    public void Regression_Parse_NulInASource_IsAFormatExceptionNamingTheSourceInsteadOfAnArgumentExceptionAtImport()
    {
        var error = Assert.Throws<FormatException>(() => CsvMapping.Parse("""{"files": [{"source": "reps.csv\u0000x", "target": "reps", """ + Columns + "}]}", "m.json"));

        Assert.Equal(@"m.json: $.files[0].source: 'reps.csv\0x' is not a file name: it holds a character no path may hold (such as NUL)", error.Message);
    }

    [Theory]
    [InlineData("""{"description": "\ud800", "files": []}""")]
    [InlineData("""{"files": [{"source": "\udc00.csv", "target": "reps", "columns": {}}]}""")]
    public void Regression_Parse_LoneSurrogateEscape_IsAFormatExceptionInsteadOfAnInvalidOperationException(string json)
    {
        var error = Assert.Throws<FormatException>(() => CsvMapping.Parse(json, "m.json"));

        Assert.StartsWith("m.json: a string is not valid text: ", error.Message);
    }

    [Theory]
    [InlineData("""{"files": [{"source": "e.csv", "target": "reps", "where": {"column": "id", "values": ["x"]}, "where": {"column": "id", "values": ["ana"]}, """ + Columns + "}]}", "where")]
    [InlineData("""{"files": [], "files": [{"source": "e.csv", "target": "reps", """ + Columns + "}]}", "files")]
    [InlineData("""{"files": [{"source": "e.csv", "target": "reps", "columns": { "id": "id", "id": "other", "name": "name", "team": { "value": "north" } }}]}""", "id")]
    public void Regression_Parse_AKeyGivenTwice_IsRefusedInsteadOfKeepingOnlyTheLast(string json, string key)
    {
        // A second "where" used to replace the first silently: the Lost deals of the Maven export were imported as deals.
        var error = Assert.Throws<FormatException>(() => CsvMapping.Parse(json, "m.json"));

        Assert.StartsWith("m.json: ", error.Message);
        Assert.Contains($"Duplicate property '{key}'", error.Message);
        Assert.EndsWith("A key may be given once.", error.Message);
    }

    [Fact]
    public void Regression_Import_StageEnteredAfterTheClose_IsARejectedRowInsteadOfANegativeTimeInStage()
    {
        // O1 was lost on 2025-03-01; a stage entered on 2025-04-01 used to make a stay of -31 days.
        // "O1,FirstAppointment," is 20 characters: entered_at is line 2, column 21.
        var error = MemorySource.Fails(
            ("opportunities.csv", "id,account,owner,created_at,amount,currency,status,closed_at\nO1,acme,ana,2025-01-15T09:00:00Z,2000,USD,lost,2025-03-01T09:00:00Z\n"),
            ("stage-changes.csv", "opportunity_id,stage,entered_at\nO1,FirstAppointment,2025-04-01T10:00:00Z\n"));

        Assert.Equal("mem/stage-changes.csv:2:21: entered_at: entered_at 2025-04-01T10:00:00Z is after opportunity 'O1' closed (2025-03-01T09:00:00Z)", error.Message);
    }

    [Fact]
    public void Import_StageEnteredAtTheClose_IsKept()
    {
        var result = MemorySource.Import(
            CsvErrorMode.Fail,
            ("opportunities.csv", "id,account,owner,created_at,amount,currency,status,closed_at\nO1,acme,ana,2025-01-15T09:00:00Z,2000,USD,won,2025-03-01T09:00:00Z\n"),
            ("stage-changes.csv", "opportunity_id,stage,entered_at\nO1,ClosedWon,2025-03-01T09:00:00Z\n"));

        Assert.Single(Assert.Single(result.Data.Opportunities).StageHistory);
    }

    [Fact]
    public void Regression_Import_RowStartingWithAByteOrMark_IsRejectedInsteadOfMakingAnotherId()
    {
        // Two exports joined with cat: the second's byte-order mark starts line 3, and "\uFEFFben" used to be a rep of its
        // own, so ben's records silently left his team.
        var result = MemorySource.Import(CsvErrorMode.Report, ("reps.csv", "id,name,team\nana,Ana,north\n\uFEFFben,Ben,north\n"));

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(3, rejection.Line);
        Assert.Equal(1, rejection.Column);
        Assert.StartsWith("the row starts with a byte-order mark (U+FEFF)", rejection.Reason);
        Assert.Equal("ana", Assert.Single(result.Data.Roster.Reps).Id.Value);
    }
}
