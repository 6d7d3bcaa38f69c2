using NodaTime;
using SalesKpi.Opportunities;

namespace SalesKpi.Csv.Tests;

public class CsvImporterTests
{
    private const string OpportunitiesHeader = "id,account,owner,created_at,amount,currency,status,closed_at,lead_id,expected_close\n";
    private const string LeadsHeader = "id,created_at,owner,source,qualified_at,converted_at\n";

    [Fact]
    public void Import_ValidFiles_BuildsTheRecords()
    {
        var result = MemorySource.Import(
            CsvErrorMode.Fail,
            ("reps.csv", "id,name,team\nr1,Ana,north\n"),
            ("leads.csv", LeadsHeader + "L1,2025-01-06T09:00:00+03:00,r1,web,,\n"),
            ("opportunities.csv", OpportunitiesHeader + "O1,acme,r1,2025-01-10T09:00Z,1250.50,EUR,won,2025-02-09T09:00:00Z,L1,2025-03-01\n"),
            ("stage-changes.csv", "opportunity_id,stage,entered_at\nO1,Proposal,2025-01-20T10:00:00Z\nO1,FirstAppointment,2025-01-12T10:00:00Z\n"),
            ("deals.csv", "id,opportunity_id,account,owner,closed_at,amount,currency,kind,term_start,term_end,recurring_monthly\nD1,O1,acme,r1,2025-02-09T09:00:00Z,1250.50,EUR,Renewal,2025-02-09,2026-02-08,100\n"),
            ("activities.csv", "id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool\nA1,email,r1,2025-01-06T10:00:00Z, delivered ; OPENED ,L1,O1,\nA2,demo,r1,2025-01-07T10:00:00Z,,,,\n"),
            ("spend.csv", "channel,start,end,amount,currency\nweb,2025-01-01,2025-01-31,10,EUR\n"));

        var data = result.Data;
        Assert.Empty(result.Rejections);
        Assert.Equal(Instant.FromUtc(2025, 1, 6, 6, 0), data.Leads[0].CreatedAt);
        var opportunity = data.Opportunities.Single();
        Assert.Equal(new Money(1250.50m, Currency.EUR), opportunity.Amount);
        Assert.Equal(OpportunityStatus.Won, opportunity.Status);
        Assert.Equal(new LocalDate(2025, 3, 1), opportunity.ExpectedClose);
        Assert.Equal(["FirstAppointment", "Proposal"], opportunity.StageHistory.Select(s => s.Stage.Name));
        Assert.Equal(Deals.DealKind.Renewal, data.Deals[0].Kind);
        Assert.Equal(new DateInterval(new LocalDate(2025, 2, 9), new LocalDate(2026, 2, 8)), data.Deals[0].Term);
        Assert.Equal(Activities.ActivityOutcomes.Delivered | Activities.ActivityOutcomes.Opened, data.Activities[0].Outcomes);
        Assert.Equal("demo", data.Activities[1].Kind.Name);
        Assert.Equal("north", data.Roster.TeamOf(new Reps.RepId("r1"))!.Value.Value);
        Assert.Equal(["reps.csv", "leads.csv", "opportunities.csv", "stage-changes.csv", "deals.csv", "activities.csv", "spend.csv"], result.Files.Select(f => f.Target));
    }

    [Fact]
    public void Import_ColumnsInAnyOrderAndOptionalOnesMissing_AreRead()
    {
        var result = MemorySource.Import(CsvErrorMode.Fail, ("leads.csv", "source,created_at,id\nweb,2025-01-06T09:00:00Z,L1\n"));

        Assert.Equal("web", result.Data.Leads.Single().Source);
        Assert.Null(result.Data.Leads.Single().Owner);
    }

    [Fact]
    public void Import_ByteOrderMark_IsNotPartOfTheFirstColumnName()
    {
        var result = MemorySource.Import(CsvErrorMode.Fail, ("reps.csv", "\uFEFFid,name,team\nr1,Ana,north\n"));

        Assert.Single(result.Data.Roster.Reps);
    }

    [Theory]
    [InlineData("L1,2025-01-06T09:00:00Z,,web,2025-01-05T09:00:00Z,", "mem/leads.csv:2:30: qualified_at: qualified_at 2025-01-05T09:00:00Z is before created_at 2025-01-06T09:00:00Z")]
    [InlineData("L1,2025-01-06,,web,,", "mem/leads.csv:2:4: created_at: '2025-01-06' is not an ISO-8601 instant such as 2026-03-01T09:15:00Z or 2026-03-01T12:15:00+03:00; a date alone is not an instant")]
    [InlineData("L1,2025-01-06T09:00:00,,web,,", "add the offset (Z for UTC, or +03:00)")]
    [InlineData("L1,2025-01-06T09:00:00Z,,,,", "mem/leads.csv:2:26: source: a value is required")]
    [InlineData("L1,2025-01-06T09:00:00Z,,web,,,", "mem/leads.csv:2:1: the row has 7 fields but the header has 6")]
    public void Import_BadLead_NamesLineColumnAndReason(string row, string expected)
    {
        var e = MemorySource.Fails(("leads.csv", LeadsHeader + row + "\n"));

        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("O1,acme,r1,2025-01-10T09:00:00Z,1.000,USD,won,2025-01-09T09:00:00Z,,", "opportunities.csv:2:47: closed_at: closed_at 2025-01-09T09:00:00Z is before created_at")]
    [InlineData("O1,acme,r1,2025-01-10T09:00:00Z,100,USD,open,2025-02-09T09:00:00Z,,", "opportunities.csv:2:46: closed_at: an open opportunity has no closed_at")]
    [InlineData("O1,acme,r1,2025-01-10T09:00:00Z,100,USD,pending,,,", "opportunities.csv:2:41: status: unknown status 'pending'; use open, won or lost")]
    [InlineData("O1,acme,r1,2025-01-10T09:00:00Z,\"1,000\",USD,open,,,", "opportunities.csv:2:33: amount: '1,000' is not an amount")]
    [InlineData("O1,acme,r1,2025-01-10T09:00:00Z,100,usd,open,,,", "unknown currency 'usd' (ISO 4217 codes are upper case)")]
    [InlineData("O1,acme,r1,2025-01-10T09:00:00Z,100,USD,open,,,2025-02-30", "expected_close: '2025-02-30' is not a date in the format YYYY-MM-DD")]
    public void Import_BadOpportunity_NamesLineColumnAndReason(string row, string expected)
    {
        var e = MemorySource.Fails(("opportunities.csv", OpportunitiesHeader + row + "\n"));

        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Import_StageChangeBeforeCreation_IsRejected()
    {
        var e = MemorySource.Fails(
            ("opportunities.csv", OpportunitiesHeader + "O1,acme,r1,2025-01-10T09:00:00Z,100,USD,open,,,\n"),
            ("stage-changes.csv", "opportunity_id,stage,entered_at\nO1,Proposal,2025-01-09T10:00:00Z\n"));

        Assert.Equal("mem/stage-changes.csv:2:13: entered_at: entered_at 2025-01-09T10:00:00Z is before opportunity 'O1' was created (2025-01-10T09:00:00Z)", e.Message);
    }

    [Fact]
    public void Import_StageChangesWithoutOpportunities_AreRejected()
    {
        var e = MemorySource.Fails(("stage-changes.csv", "opportunity_id,stage,entered_at\nO1,Proposal,2025-01-09T10:00:00Z\n"));

        Assert.Contains("refers to opportunity 'O1', but the data set has no opportunities.csv", e.Message);
    }

    [Fact]
    public void Import_BadDealTerm_IsRejected()
    {
        var e = MemorySource.Fails(("deals.csv", "id,account,owner,closed_at,amount,currency,kind,term_start,term_end\nD1,acme,r1,2025-02-09T09:00:00Z,5,USD,add-on,2025-02-09,\n"));

        Assert.Contains("deals.csv:2:57: term_end: term_start is given without term_end", e.Message);
    }

    [Fact]
    public void Import_UnknownOutcome_IsRejected()
    {
        var e = MemorySource.Fails(("activities.csv", "id,kind,owner,occurred_at,outcomes\nA1,call,r1,2025-01-06T10:00:00Z,connected;answered\n"));

        Assert.Contains("outcomes: unknown outcome 'answered'", e.Message);
    }

    [Fact]
    public void Import_ReferenceToARejectedRecord_SaysItWasRejected()
    {
        var result = MemorySource.Import(
            CsvErrorMode.Report,
            ("opportunities.csv", OpportunitiesHeader + "O1,acme,r1,2025-01-10T09:00:00Z,-5,USD,open,,,\n"),
            ("deals.csv", "id,opportunity_id,account,owner,closed_at,amount,currency,kind\nD1,O1,acme,r1,2025-02-09T09:00:00Z,5,USD,new-business\n"));

        Assert.Equal(2, result.Rejections.Length);
        Assert.Equal("refers to opportunity 'O1', which was rejected (opportunities.csv line 2)", result.Rejections[1].Reason);
    }

    [Fact]
    public void Import_ReportMode_EveryRowIsARecordOrARejection()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 100).Select(i => i % 10 == 0
            ? $"A{i},call,r1,not-a-date,,,,"
            : $"A{i},call,r1,2025-01-06T10:00:00Z,,,,"));

        var result = MemorySource.Import(CsvErrorMode.Report, ("activities.csv", "id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool\n" + rows));

        var file = result.Files.Single();
        Assert.Equal(100, file.Rows);
        Assert.Equal(90, file.Records);
        Assert.Equal(10, file.Rejected);
        Assert.Equal(90, result.Data.Activities.Length);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)(i * 10) + 1), result.Rejections.Select(r => r.Line));
    }

    [Theory]
    [InlineData("id,name\nr1,Ana\n", "mem/reps.csv:1:1: the header has no 'team' column, which reps.csv requires")]
    [InlineData("id,name,team,team\nr1,Ana,n,n\n", "mem/reps.csv:1:14: the column 'team' appears twice in the header")]
    [InlineData("", "mem/reps.csv:1:1: the file is empty; its first line must be the header")]
    public void Import_BadHeader_FailsEvenInReportMode(string text, string expected)
    {
        var e = Assert.Throws<CsvImportException>(() => MemorySource.Import(CsvErrorMode.Report, ("reps.csv", text)));

        Assert.Equal(expected, e.Message[..expected.Length]);
    }
}
