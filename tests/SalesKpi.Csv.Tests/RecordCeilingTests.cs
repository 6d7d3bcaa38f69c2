namespace SalesKpi.Csv.Tests;

/// <summary>
/// The one limit Sep adds: its row buffer stops at 16,777,216 characters, less the room it keeps free, so a record is
/// at most 16,000,000 characters whatever <see cref="CsvImportOptions.MaxRecordLength"/> allows.
/// </summary>
public class RecordCeilingTests
{
    [Fact]
    public void Import_RecordOverTheCeilingButWithinMaxRecordLength_IsARejectedRowNamingTheCeiling()
    {
        // Line 2: "r1," + 16,000,100 characters + ",north" is over 16,000,000 characters but within the default
        // MaxRecordLength (16,777,216); MaxFieldLength is raised so that only the record's length matters.
        var text = "id,name,team\nr1," + new string('x', 16_000_100) + ",north\nr2,Ben,south\n";
        var options = new CsvImportOptions { OnError = CsvErrorMode.Report, MaxFieldLength = 20_000_000 };

        var result = new CsvImporter(options).Import(new MemorySource(new Dictionary<string, string> { ["reps.csv"] = text }));

        Assert.Equal("mem/reps.csv:2:1: the record is longer than 16,000,000 characters, the most a record can have whatever CsvImportOptions.MaxRecordLength says", Assert.Single(result.Rejections).ToString());
        Assert.Equal(["r2"], result.Data.Roster.Reps.Select(r => r.Id.Value));
    }

    [Fact]
    public void Import_RecordJustUnderTheCeiling_Imports()
    {
        // "r1," (3) + 15,999,990 + ",north" (6) = 15,999,999 characters.
        var text = "id,name,team\nr1," + new string('x', 15_999_990) + ",north\n";
        var options = new CsvImportOptions { MaxFieldLength = 20_000_000 };

        var result = new CsvImporter(options).Import(new MemorySource(new Dictionary<string, string> { ["reps.csv"] = text }));

        Assert.Equal(15_999_990, result.Data.Roster.Reps.Single().Name.Length);
    }
}
