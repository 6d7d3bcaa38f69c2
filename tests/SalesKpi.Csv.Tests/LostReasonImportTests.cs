using SalesKpi.Opportunities;

namespace SalesKpi.Csv.Tests;

public sealed class LostReasonImportTests
{
    private const string Header = "id,account,owner,created_at,amount,currency,status,closed_at,lead_id,expected_close,lost_reason\n";

    [Fact]
    public void Import_LostReason_IsReadTrimmedOnLostRows_AndBlankIsNone()
    {
        var result = MemorySource.Import(
            CsvErrorMode.Fail,
            ("opportunities.csv", Header
                + "O1,acme,r1,2025-01-10T09:00:00Z,100,USD,lost,2025-02-09T09:00:00Z,,, price \n"
                + "O2,acme,r1,2025-01-10T09:00:00Z,100,USD,lost,2025-02-09T09:00:00Z,,,\n"
                + "O3,acme,r1,2025-01-10T09:00:00Z,100,USD,open,,,,\n"));

        Assert.Equal(["price", null, null], result.Data.Opportunities.Select(o => o.LostReason));
        Assert.Empty(result.Data.DimensionNames);
    }

    [Theory]
    [InlineData("O1,acme,r1,2025-01-10T09:00:00Z,100,USD,won,2025-02-09T09:00:00Z,,,price", "mem/opportunities.csv:2:68: lost_reason: lost_reason 'price' is given for a won opportunity; only a lost one has a lost reason: clear lost_reason, or set the status to lost")]
    [InlineData("O1,acme,r1,2025-01-10T09:00:00Z,100,USD,open,,,,timing", "mem/opportunities.csv:2:49: lost_reason: lost_reason 'timing' is given for a open opportunity")]
    public void Import_LostReasonOnARowThatIsNotLost_FailsAtItsCell(string row, string expected)
    {
        var e = MemorySource.Fails(("opportunities.csv", Header + row + "\n"));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NearMissOfLostReason_IsAnErrorWithASuggestion()
    {
        var e = MemorySource.Fails(("opportunities.csv", Header.Replace("lost_reason", "lost_reasn", StringComparison.Ordinal) + "O1,acme,r1,2025-01-10T09:00:00Z,100,USD,open,,,,\n"));

        Assert.Contains("did you mean 'lost_reason'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MappedLostReason_ReadsTheSourceColumn()
    {
        const string mapping = """
            {
              "defaultCurrency": "USD",
              "files": [{
                "source": "crm.csv", "target": "opportunities",
                "columns": {
                  "id": "Id", "account": "Company", "owner": "Rep", "created_at": "Opened", "closed_at": "Closed",
                  "amount": "Value", "status": "Status", "lost_reason": "Why"
                }
              }]
            }
            """;
        var result = new CsvImporter(new CsvImportOptions { Mapping = CsvMapping.Parse(mapping), OnError = CsvErrorMode.Fail })
            .Import(new MemorySource(new() { ["crm.csv"] = "Id,Company,Rep,Opened,Closed,Value,Status,Why\n1,acme,ana,2025-02-03T00:00:00Z,2025-03-05T00:00:00Z,10,lost,budget\n" }));

        var lost = result.Data.Opportunities.Single();
        Assert.Equal(OpportunityStatus.Lost, lost.Status);
        Assert.Equal("budget", lost.LostReason);
    }
}
