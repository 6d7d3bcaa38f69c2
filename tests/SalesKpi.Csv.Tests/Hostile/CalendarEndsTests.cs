using NodaTime;

namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>
/// Values at the ends of the calendar: a timestamp whose instant falls outside NodaTime's range (-9998-01-01T00:00:00Z
/// to 9999-12-31T23:59:59.999999999Z) once its offset or the import zone is applied is a rejected row, never an
/// OverflowException; dates at the ends are legal.
/// </summary>
public class CalendarEndsTests
{
    private const string LeadsHeader = "id,created_at,owner,source,qualified_at,converted_at\n";

    private const string MappedLeads = """
        { "files": [{ "source": "crm.csv", "target": "leads", "dateFormat": "FORMAT",
                      "columns": { "id": "Id", "created_at": "Created", "source": "Source" } }] }
        """;

    [Theory]
    [InlineData("9999-12-31T23:00:00-05:00", "past the end of the calendar: an instant is at most 9999-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:59:59.999999999-00:01", "past the end of the calendar")]
    [InlineData("9999-12-31T23:00-05:00", "past the end of the calendar")]
    [InlineData("-9998-01-01T01:00:00+05:00", "before the start of the calendar: an instant is at least -9998-01-01T00:00:00Z")]
    public void Import_TimestampOutsideTheRangeOfInstants_IsARejectedRowAtItsCell(string timestamp, string reason)
    {
        // created_at starts at column 4 of line 3 ("L2," is 3 characters).
        var text = LeadsHeader + "L1,2025-01-06T09:00:00Z,,web,,\nL2," + timestamp + ",,web,,\nL3,2025-01-07T09:00:00Z,,web,,\n";

        var outcome = ByteSource.Run("leads.csv", ByteSource.Utf8(text), CsvErrorMode.Report);

        Assert.Null(outcome.Error);
        var rejection = Assert.Single(outcome.Result!.Rejections);
        Assert.Equal(("mem/leads.csv", 3L, 4, "created_at"), (rejection.File, rejection.Line, rejection.Column, rejection.Field));
        Assert.StartsWith($"'{timestamp}' is {reason}", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(["L1", "L3"], outcome.Result.Data.Leads.Select(l => l.Id.Value));
    }

    [Fact]
    public void Import_TimestampPastTheEndUnderFail_ThrowsCsvImportExceptionNotOverflowException()
    {
        var text = LeadsHeader + "L1,2025-01-06T09:00:00Z,,web,2025-01-07T09:00:00Z,9999-12-31T20:00:00-04:00\n";

        var rejection = ByteSource.Fails("leads.csv", ByteSource.Utf8(text));

        Assert.Equal((2L, 51, "converted_at"), (rejection.Line, rejection.Column, rejection.Field));
        Assert.StartsWith("'9999-12-31T20:00:00-04:00' is past the end of the calendar", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59.999999999Z")]
    [InlineData("9999-12-31T23:59:59+00:00")]
    [InlineData("9999-12-31T23:00:00+05:00")]
    [InlineData("-9998-01-01T00:00:00Z")]
    [InlineData("-9998-01-01T01:00:00-05:00")]
    public void Import_TimestampAtTheEdgeOfTheRange_Imports(string timestamp)
    {
        var result = ByteSource.Succeeds("leads.csv", ByteSource.Utf8(LeadsHeader + "L1," + timestamp + ",,web,,\n"));

        Assert.Equal(NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(timestamp).Value.ToInstant(), result.Data.Leads.Single().CreatedAt);
    }

    [Theory]
    [InlineData("uuuu-MM-dd", "-9998-01-01", "+5", "before the start")]
    [InlineData("uuuu-MM-dd", "-9998-01-01", "Asia/Tokyo", "before the start")]
    [InlineData("uuuu-MM-dd HH:mm", "9999-12-31 23:30", "-1", "past the end")]
    [InlineData("uuuu-MM-dd HH:mm", "9999-12-31 20:00", "America/New_York", "past the end")]
    [InlineData("uuuu-MM-dd HH:mm", "-9998-01-01 00:30", "+1", "before the start")]
    public void Import_MappedDateConvertedInTheZone_OutsideTheRange_IsARejectedRow(string format, string value, string zone, string reason)
    {
        var outcome = ImportMapped(format, value, zone);

        Assert.Null(outcome.Error);
        var rejection = Assert.Single(outcome.Result!.Rejections);
        Assert.Equal(("mem/crm.csv", 3L, 4, "Created"), (rejection.File, rejection.Line, rejection.Column, rejection.Field));
        Assert.StartsWith($"'{value}' is {reason} of the calendar", rejection.Reason, StringComparison.Ordinal);
        Assert.EndsWith("(mapped to created_at)", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(["L1"], outcome.Result.Data.Leads.Select(l => l.Id.Value));
    }

    [Theory]
    [InlineData("uuuu-MM-dd", "9999-12-31", "+5")]
    [InlineData("uuuu-MM-dd", "9999-12-31", "-5")]
    [InlineData("uuuu-MM-dd", "9999-12-31", "America/New_York")]
    [InlineData("uuuu-MM-dd", "-9998-01-01", "-5")]
    [InlineData("uuuu-MM-dd HH:mm", "9999-12-31 23:30", "+1")]
    public void Import_MappedDateConvertedInTheZone_InsideTheRange_Imports(string format, string value, string zone)
    {
        var outcome = ImportMapped(format, value, zone);

        Assert.Null(outcome.Error);
        Assert.Empty(outcome.Result!.Rejections);
        Assert.Equal(2, outcome.Result.Data.Leads.Length);
    }

    [Fact]
    public void Import_PlainDatesAtTheEndOfTheCalendar_AreLegal()
    {
        var result = MemorySource.Import(
            CsvErrorMode.Fail,
            ("opportunities.csv", "id,account,owner,created_at,amount,currency,status,closed_at,lead_id,expected_close\nO1,a,r1,2025-01-10T09:00:00Z,10,USD,open,,,9999-12-31\n"),
            ("deals.csv", "id,opportunity_id,account,owner,closed_at,amount,currency,kind,term_start,term_end,recurring_monthly\nD1,,a,r1,2025-02-01T09:00:00Z,10,USD,renewal,9999-01-01,9999-12-31,1\n"),
            ("spend.csv", "channel,start,end,amount,currency\nweb,-9998-01-01,9999-12-31,5,USD\n"));

        Assert.Equal(new LocalDate(9999, 12, 31), result.Data.Opportunities.Single().ExpectedClose);
        Assert.Equal(new LocalDate(9999, 12, 31), result.Data.Deals.Single().Term!.End);
        Assert.Equal(new DateInterval(new LocalDate(-9998, 1, 1), new LocalDate(9999, 12, 31)), result.Data.Spend.Single().Period);
    }

    private static Outcome ImportMapped(string format, string value, string zone)
    {
        var mapping = CsvMapping.Parse(MappedLeads.Replace("FORMAT", format, StringComparison.Ordinal));
        var options = new CsvImportOptions
        {
            OnError = CsvErrorMode.Report,
            Mapping = mapping,
            Zone = zone[0] is '+' or '-'
                ? DateTimeZone.ForOffset(Offset.FromHours(int.Parse(zone, System.Globalization.CultureInfo.InvariantCulture)))
                : DateTimeZoneProviders.Tzdb[zone],
        };
        var first = format.Contains("HH", StringComparison.Ordinal) ? "2025-01-06 09:00" : "2025-01-06";
        var text = $"Id,Created,Source\nL1,{first},web\nL2,{value},web\n";
        var source = new ByteSource(new Dictionary<string, byte[]> { ["crm.csv"] = ByteSource.Utf8(text) });
        try
        {
            return new Outcome(new CsvImporter(options).Import(source), null);
        }
#pragma warning disable CA1031 // The test classifies every exception: the assertions name the type that came out.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Outcome(null, e);
        }
    }
}
