using Microsoft.Data.Sqlite;
using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Csv.Tests;

/// <summary>opportunity-history.csv, the field history of the opportunities, and the forecast_category column of opportunities.csv.</summary>
public sealed class OpportunityHistoryImportTests
{
    private const string OpportunityHeader = "id,account,owner,created_at,amount,currency,status,closed_at,lead_id,expected_close,lost_reason,forecast_category\n";

    // O1: open, 12,000 USD, expected to close 2025-06-30, in commit, owned by ana since 2025-01-10.
    // O2: won on 2025-03-01 at noon, 5,000 USD, owned by bo.
    private const string Opportunities = OpportunityHeader
        + "O1,acme,ana,2025-01-10T09:00:00Z,12000,USD,open,,,2025-06-30,,commit\n"
        + "O2,acme,bo,2025-01-05T00:00:00Z,5000,USD,won,2025-03-01T12:00:00Z,,,,\n";

    private const string HistoryHeader = "opportunity_id,changed_at,amount,currency,expected_close,forecast_category,owner\n";

    // Out of order on purpose: O1's rows are lines 2, 3, 4 but happened 3 March, 10 January, 1 February.
    private const string History = HistoryHeader
        + "O1,2025-03-01T10:00:00Z,12000,,,commit,\n"
        + "O1,2025-01-10T09:00:00Z,10000,USD,2025-05-31,pipeline,ana\n"
        + "O1,2025-02-01T10:00:00Z,,,2025-06-30,Best Case,\n"
        + "O2,2025-01-05T00:00:00Z,4000,USD,,,bo\n"
        + "O2,2025-03-01T12:00:00Z,5000,,,Closed,\n";

    private static Opportunity Load(string id, string history = History) =>
        MemorySource.Import(CsvErrorMode.Fail, ("opportunities.csv", Opportunities), ("opportunity-history.csv", history))
            .Data.Opportunities.Single(o => o.Id.Value == id);

    [Fact]
    public void Import_History_IsSortedByChangedAt_AndAnEmptyCurrencyIsTheOpportunitys()
    {
        var o1 = Load("O1");

        Assert.Equal(
            [Instant.FromUtc(2025, 1, 10, 9, 0), Instant.FromUtc(2025, 2, 1, 10, 0), Instant.FromUtc(2025, 3, 1, 10, 0)],
            o1.History.Select(c => c.ChangedAt));

        // Line 2 gives 12000 with no currency: the opportunity's, USD.
        Assert.Equal(new Money(12_000m, new Currency("USD")), o1.History[2].Amount);
        Assert.Null(o1.History[1].Amount);
        Assert.Equal(ForecastCategory.BestCase, o1.History[1].ForecastCategory);
        Assert.Equal(new RepId("ana"), o1.History[0].Owner);
        Assert.Equal(ForecastCategory.Commit, o1.ForecastCategory);
    }

    [Fact]
    public void Import_History_RebuildsTheOpportunityAsItStood()
    {
        var o1 = Load("O1");

        // Just before 1 February 10:00 only the entry of 10 January is seen: 10,000, closing 2025-05-31, pipeline.
        var january = o1.AsOf(Instant.FromUtc(2025, 2, 1, 10, 0))!;
        Assert.Equal(10_000m, january.Amount.Amount);
        Assert.Equal(new LocalDate(2025, 5, 31), january.ExpectedClose);
        Assert.Equal(ForecastCategory.Pipeline, january.ForecastCategory);

        // On 15 February: the close date and the category moved on 1 February, the amount not yet (it moves on 1 March).
        var february = o1.AsOf(Instant.FromUtc(2025, 2, 15, 0, 0))!;
        Assert.Equal(10_000m, february.Amount.Amount);
        Assert.Equal(new LocalDate(2025, 6, 30), february.ExpectedClose);
        Assert.Equal(ForecastCategory.BestCase, february.ForecastCategory);

        // After 1 March 10:00: the current values, 12,000 in commit.
        var march = o1.AsOf(Instant.FromUtc(2025, 3, 2, 0, 0))!;
        Assert.Equal(12_000m, march.Amount.Amount);
        Assert.Equal(ForecastCategory.Commit, march.ForecastCategory);
    }

    [Fact]
    public void Import_HistoryOfAWonOpportunity_IsClosedFromItsWinOn()
    {
        var o2 = Load("O2");

        // On 1 February O2 was open at the 4,000 of its first entry; its only category entry (closed) is from its win,
        // so before it the category is the open default, pipeline.
        var before = o2.AsOf(Instant.FromUtc(2025, 2, 1, 0, 0))!;
        Assert.Equal(OpportunityStatus.Open, before.Status);
        Assert.Equal(4_000m, before.Amount.Amount);
        Assert.Equal(ForecastCategory.Pipeline, before.ForecastCategory);

        var after = o2.AsOf(Instant.FromUtc(2025, 3, 2, 0, 0))!;
        Assert.Equal(OpportunityStatus.Won, after.Status);
        Assert.Equal(5_000m, after.Amount.Amount);
        Assert.Equal(ForecastCategory.Closed, after.ForecastCategory);
    }

    [Fact]
    public void Import_WithoutHistoryFile_LeavesTheHistoryEmpty_AndReportsNoSuchFile()
    {
        var result = MemorySource.Import(CsvErrorMode.Fail, ("opportunities.csv", Opportunities));

        Assert.All(result.Data.Opportunities, o => Assert.Empty(o.History));
        Assert.Equal(["opportunities.csv"], result.Files.Select(f => f.Target));
    }

    [Theory]
    // Columns: O1 is 1, changed_at 4, amount 25; after an empty amount, currency 26, expected_close 27, forecast_category 28.
    [InlineData("O9,2025-02-01T10:00:00Z,100,USD,,,", "mem/opportunity-history.csv:2:1: opportunity_id: refers to opportunity 'O9', which is not in opportunities.csv")]
    [InlineData(",2025-02-01T10:00:00Z,100,USD,,,", "mem/opportunity-history.csv:2:1: opportunity_id: a value is required")]
    [InlineData("O1,2025-02-30T10:00:00Z,100,,,,", "mem/opportunity-history.csv:2:4: changed_at: '2025-02-30T10:00:00Z' is not an ISO-8601 instant such as 2026-03-01T09:15:00Z")]
    [InlineData("O1,2025-02-01,100,,,,", "mem/opportunity-history.csv:2:4: changed_at: '2025-02-01' is not an ISO-8601 instant such as 2026-03-01T09:15:00Z or 2026-03-01T12:15:00+03:00; a date alone is not an instant")]
    [InlineData("O1,2025-02-01T10:00:00Z,12k,,,,", "mem/opportunity-history.csv:2:25: amount: '12k' is not an amount; write a number with '.' as the decimal separator")]
    [InlineData("O1,2025-02-01T10:00:00Z,-5,,,,", "mem/opportunity-history.csv:2:25: amount: the amount -5 is negative")]
    [InlineData("O1,2025-02-01T10:00:00Z,100,usd,,,", "mem/opportunity-history.csv:2:29: currency: unknown currency 'usd' (ISO 4217 codes are upper case); use an ISO 4217 code such as USD or EUR")]
    [InlineData("O1,2025-02-01T10:00:00Z,,,2025-13-01,,", "mem/opportunity-history.csv:2:27: expected_close: '2025-13-01' is not a date in the format YYYY-MM-DD")]
    [InlineData("O1,2025-02-01T10:00:00Z,,,,maybe,", "mem/opportunity-history.csv:2:28: forecast_category: unknown forecast category 'maybe'; use pipeline, best-case, commit, closed or omitted")]
    [InlineData("O1,2025-02-01T10:00:00Z,,,,,", "mem/opportunity-history.csv:2:25: amount: the row changes no field; give at least one of amount, expected_close, forecast_category and owner")]
    [InlineData("O1,2025-01-09T10:00:00Z,100,,,,", "mem/opportunity-history.csv:2:4: changed_at: changed_at 2025-01-09T10:00:00Z is before opportunity 'O1' was created (2025-01-10T09:00:00Z)")]
    [InlineData("O1,2025-02-01T10:00:00Z,,,,closed,", "mem/opportunity-history.csv:2:28: forecast_category: forecast_category closed is given for opportunity 'O1', which is open; only a won opportunity is closed")]
    [InlineData("O2,2025-02-01T10:00:00Z,,,,closed,", "mem/opportunity-history.csv:2:28: forecast_category: forecast_category closed at 2025-02-01T10:00:00Z is before opportunity 'O2' was won (2025-03-01T12:00:00Z); it is closed only from then on")]
    public void Import_BadHistoryRow_FailsAtItsCell(string row, string expected)
    {
        var e = MemorySource.Fails(("opportunities.csv", Opportunities), ("opportunity-history.csv", HistoryHeader + row + "\n"));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // The last amount of O1's history (line 3, 1 March) is 11,000, not its 12,000: the amount's cell of that row, at column 25.
    [InlineData(
        "O1,2025-01-10T09:00:00Z,10000,,,,\nO1,2025-03-01T10:00:00Z,11000,,,,\n",
        "mem/opportunity-history.csv:3:25: amount: Opportunity O1: the last amount of its history (11,000.00 USD) is not its amount (12,000.00 USD); the history must end at the current values. (opportunities.csv line 2)")]
    // Out of order: line 2 is the later row, so its 2025-07-31 is the history's last close date; 2025-07-31 starts at column 27.
    [InlineData(
        "O1,2025-04-01T00:00:00Z,,,2025-07-31,,\nO1,2025-02-01T00:00:00Z,,,2025-06-30,,\n",
        "mem/opportunity-history.csv:2:27: expected_close: Opportunity O1: the last expected close date of its history (2025-07-31) is not its expected close date (2025-06-30); the history must end at the current values. (opportunities.csv line 2)")]
    // The owner is the seventh field: "O1," (3) + the instant and its comma (21) + four empty fields' commas (4) = 28 before it.
    [InlineData(
        "O1,2025-02-01T00:00:00Z,,,,,cy\n",
        "mem/opportunity-history.csv:2:29: owner: Opportunity O1: the last owner of its history (cy) is not its owner (ana); the history must end at the current values. (opportunities.csv line 2)")]
    [InlineData(
        "O1,2025-02-01T00:00:00Z,,,,best-case,\n",
        "mem/opportunity-history.csv:2:28: forecast_category: Opportunity O1: the last forecast category of its history (best-case) is not its forecast category (commit); the history must end at the current values. (opportunities.csv line 2)")]
    public void Import_HistoryThatDoesNotEndAtTheCurrentValues_FailsAtTheRowOfTheLastValue(string rows, string expected)
    {
        var e = MemorySource.Fails(("opportunities.csv", Opportunities), ("opportunity-history.csv", HistoryHeader + rows));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Import_RowsAtTheSameInstant_KeepTheirFileOrder()
    {
        // Both rows are at 1 March 10:00: the second in the file is the later, so 12,000 is the last amount, as O1's.
        const string rows = "O1,2025-03-01T10:00:00Z,11000,,,,\nO1,2025-03-01T10:00:00Z,12000,,,,\n";

        var o1 = Load("O1", HistoryHeader + rows);

        Assert.Equal([11_000m, 12_000m], o1.History.Select(c => c.Amount!.Value.Amount));

        // The other way round, 11,000 is the last: the history does not end at the current amount.
        var e = MemorySource.Fails(("opportunities.csv", Opportunities), ("opportunity-history.csv", HistoryHeader + "O1,2025-03-01T10:00:00Z,12000,,,,\nO1,2025-03-01T10:00:00Z,11000,,,,\n"));
        Assert.StartsWith("mem/opportunity-history.csv:3:25: amount: Opportunity O1: the last amount of its history (11,000.00 USD)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_CurrencyWithoutAmount_IsIgnored()
    {
        // As an export that writes the currency on every row: line 2 changes only the category, its EUR is no amount.
        var o1 = Load("O1", HistoryHeader + "O1,2025-02-01T00:00:00Z,,EUR,,commit,\n");

        var change = Assert.Single(o1.History);
        Assert.Null(change.Amount);
        Assert.Equal(ForecastCategory.Commit, change.ForecastCategory);
    }

    [Fact]
    public void Import_UnknownColumnOfHistory_IsAnError_ForItsRowsAreNoRecords()
    {
        var e = MemorySource.Fails(("opportunities.csv", Opportunities), ("opportunity-history.csv", HistoryHeader.TrimEnd('\n') + ",region\nO1,2025-02-01T00:00:00Z,12000,,,,,West\n"));

        Assert.Contains("unknown column 'region' in opportunity-history.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_HistoryWithoutChangedAtColumn_IsAnErrorOfTheHeader()
    {
        var e = MemorySource.Fails(("opportunities.csv", Opportunities), ("opportunity-history.csv", "opportunity_id,amount\nO1,12000\n"));

        Assert.Equal("mem/opportunity-history.csv:1:1: the header has no 'changed_at' column, which opportunity-history.csv requires (required: opportunity_id, changed_at)", e.Message);
    }

    [Fact]
    public void Import_ReportMode_RejectsABadRow_AndKeepsTheRestOfTheHistory()
    {
        var history = History + "O1,2025-02-10T00:00:00Z,,,,maybe,\n";

        var result = MemorySource.Import(CsvErrorMode.Report, ("opportunities.csv", Opportunities), ("opportunity-history.csv", history));

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(7, rejection.Line);
        Assert.Equal("forecast_category", rejection.Field);
        Assert.Equal(3, result.Data.Opportunities.Single(o => o.Id.Value == "O1").History.Length);
        var report = result.Files.Single(f => f.Target == "opportunity-history.csv");

        // Six rows: the five good ones are records, the sixth is rejected.
        Assert.Equal((6L, 5L, 1L), (report.Rows, report.Records, report.Rejected));
    }

    [Fact]
    public void Import_ReportMode_RejectsAWholeHistoryThatDoesNotEnd_AtEachOfItsRows()
    {
        // O1's amounts end at 11,000 (line 3), not 12,000: its two rows are rejected, O2's history is kept.
        var history = HistoryHeader
            + "O1,2025-01-10T09:00:00Z,10000,,,,\n"
            + "O1,2025-03-01T10:00:00Z,11000,,,,\n"
            + "O2,2025-03-01T12:00:00Z,5000,,,closed,\n";

        var result = MemorySource.Import(CsvErrorMode.Report, ("opportunities.csv", Opportunities), ("opportunity-history.csv", history));

        Assert.Equal(
            [
                "mem/opportunity-history.csv:3:25: amount: Opportunity O1: the last amount of its history (11,000.00 USD) is not its amount (12,000.00 USD); the history must end at the current values. (opportunities.csv line 2)",
                "mem/opportunity-history.csv:2:1: the history of opportunity 'O1' is rejected at mem/opportunity-history.csv:3, so this row of it is not imported either",
            ],
            result.Rejections.Select(r => r.ToString()));
        Assert.Empty(result.Data.Opportunities.Single(o => o.Id.Value == "O1").History);
        Assert.Single(result.Data.Opportunities.Single(o => o.Id.Value == "O2").History);
        var report = result.Files.Single(f => f.Target == "opportunity-history.csv");

        // Three rows = one record (O2's) + two rejected (O1's): every row accounted for.
        Assert.Equal((3L, 1L, 2L), (report.Rows, report.Records, report.Rejected));
    }

    [Fact]
    public void Import_HistoryOfARejectedOpportunity_SaysSo()
    {
        var opportunities = Opportunities + "O3,acme,ana,2025-01-10T09:00:00Z,12k,USD,open,,,,,\n";

        var result = MemorySource.Import(
            CsvErrorMode.Report,
            ("opportunities.csv", opportunities),
            ("opportunity-history.csv", HistoryHeader + "O3,2025-02-01T00:00:00Z,100,,,,\n"));

        Assert.Equal("mem/opportunity-history.csv:2:1: opportunity_id: refers to opportunity 'O3', which was rejected (opportunities.csv line 4)", result.Rejections[^1].ToString());
    }

    [Fact]
    public void Import_Progress_ReportsTheHistoryFile()
    {
        var progress = new List<CsvImportProgress>();
        var options = new CsvImportOptions { Progress = new SynchronousProgress(progress.Add) };

        _ = new CsvImporter(options).Import(new MemorySource(new() { ["opportunities.csv"] = Opportunities, ["opportunity-history.csv"] = History }));

        var last = progress.Last(p => p.File == "mem/opportunity-history.csv");
        Assert.True(last.Completed);
        Assert.Equal(5, last.Rows);
    }

    [Theory]
    [InlineData("", ForecastCategory.Pipeline)]
    [InlineData("best case", ForecastCategory.BestCase)]
    [InlineData("BestCase", ForecastCategory.BestCase)]
    [InlineData("COMMIT", ForecastCategory.Commit)]
    [InlineData("omitted", ForecastCategory.Omitted)]
    public void Import_ForecastCategoryOfAnOpenOpportunity_IsReadInAnyCase_AndEmptyIsPipeline(string text, ForecastCategory expected)
    {
        var result = MemorySource.Import(CsvErrorMode.Fail, ("opportunities.csv", OpportunityHeader + $"O1,acme,ana,2025-01-10T09:00:00Z,100,USD,open,,,,,{text}\n"));

        Assert.Equal(expected, result.Data.Opportunities.Single().ForecastCategory);
    }

    [Fact]
    public void Import_ForecastCategoryEmptyOnClosedRows_IsTheirStatussDefault()
    {
        var result = MemorySource.Import(
            CsvErrorMode.Fail,
            ("opportunities.csv", OpportunityHeader
                + "O1,acme,ana,2025-01-10T09:00:00Z,100,USD,won,2025-02-01T00:00:00Z,,,,\n"
                + "O2,acme,ana,2025-01-10T09:00:00Z,100,USD,lost,2025-02-01T00:00:00Z,,,,\n"
                + "O3,acme,ana,2025-01-10T09:00:00Z,100,USD,won,2025-02-01T00:00:00Z,,,,Closed\n"));

        Assert.Equal([ForecastCategory.Closed, ForecastCategory.Omitted, ForecastCategory.Closed], result.Data.Opportunities.Select(o => o.ForecastCategory));
    }

    [Theory]
    // forecast_category is the twelfth field; after "...,USD,open,,,," it starts at column 51, and after a won or lost close (three letters, four letters) at 70 or 71.
    [InlineData("O1,acme,ana,2025-01-10T09:00:00Z,100,USD,open,,,,,maybe", "mem/opportunities.csv:2:51: forecast_category: unknown forecast category 'maybe'; use pipeline, best-case, commit, closed or omitted")]
    [InlineData("O1,acme,ana,2025-01-10T09:00:00Z,100,USD,open,,,,,closed", "mem/opportunities.csv:2:51: forecast_category: forecast_category closed is given for an open opportunity; only a won one is closed: use commit for one about to close, or set the status to won")]
    [InlineData("O1,acme,ana,2025-01-10T09:00:00Z,100,USD,won,2025-02-01T00:00:00Z,,,,commit", "mem/opportunities.csv:2:70: forecast_category: forecast_category commit is given for a won opportunity, whose forecast category can only be closed: write closed or leave it empty")]
    [InlineData("O1,acme,ana,2025-01-10T09:00:00Z,100,USD,lost,2025-02-01T00:00:00Z,,,,pipeline", "mem/opportunities.csv:2:71: forecast_category: forecast_category pipeline is given for a lost opportunity, whose forecast category can only be omitted: write omitted or leave it empty")]
    public void Import_BadForecastCategory_FailsAtItsCell(string row, string expected)
    {
        var e = MemorySource.Fails(("opportunities.csv", OpportunityHeader + row + "\n"));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Import_MappedSalesforceHistory_ReadsRenamedColumnsAndTranslatedValues()
    {
        // A Salesforce OpportunityFieldHistory-like export: one column per field, dates as MM/dd/yyyy, and a category
        // called "Upside" in this CRM, translated to best-case by the mapping's values.
        const string mapping = """
            {
              "defaultCurrency": "USD",
              "files": [
                {
                  "source": "crm-opportunities.csv", "target": "opportunities",
                  "columns": {
                    "id": "Id", "account": "Account", "owner": "Owner", "created_at": "Created", "amount": "Amount",
                    "status": "Status", "expected_close": { "column": "CloseDate", "format": "MM/dd/yyyy" }, "forecast_category": "ForecastCategoryName"
                  }
                },
                {
                  "source": "crm-history.csv", "target": "opportunity-history",
                  "columns": {
                    "opportunity_id": "OpportunityId", "changed_at": "CreatedDate", "amount": "Amount",
                    "expected_close": { "column": "CloseDate", "format": "MM/dd/yyyy" },
                    "forecast_category": { "column": "ForecastCategoryName", "values": { "Upside": "best-case", "Commit": "commit", "Pipeline": "pipeline" } }
                  }
                }
              ]
            }
            """;
        var source = new MemorySource(new()
        {
            ["crm-opportunities.csv"] = "Id,Account,Owner,Created,Amount,Status,CloseDate,ForecastCategoryName\n006A,acme,ana,2025-01-10T09:00:00Z,900,open,06/30/2025,Commit\n",
            ["crm-history.csv"] = "OpportunityId,CreatedDate,Amount,CloseDate,ForecastCategoryName\n006A,2025-01-10T09:00:00Z,700,05/31/2025,Upside\n006A,2025-02-01T00:00:00Z,900,06/30/2025,Commit\n",
        });

        var result = new CsvImporter(new CsvImportOptions { Mapping = CsvMapping.Parse(mapping), OnError = CsvErrorMode.Fail }).Import(source);

        var opportunity = result.Data.Opportunities.Single();
        Assert.Equal(ForecastCategory.Commit, opportunity.ForecastCategory);

        // On 15 January only the first row is seen: 700 USD (the default currency), closing 31 May, best case.
        var january = opportunity.AsOf(Instant.FromUtc(2025, 1, 15, 0, 0))!;
        Assert.Equal(new Money(700m, new Currency("USD")), january.Amount);
        Assert.Equal(new LocalDate(2025, 5, 31), january.ExpectedClose);
        Assert.Equal(ForecastCategory.BestCase, january.ForecastCategory);
    }

    [Fact]
    public void Import_MappedHistory_NamesTheSourceColumnInItsMessages()
    {
        const string mapping = """
            {
              "files": [
                { "source": "opportunities.csv", "target": "opportunities", "columns": { "id": "id", "account": "account", "owner": "owner", "created_at": "created_at", "amount": "amount", "currency": "currency", "status": "status", "closed_at": "closed_at", "expected_close": "expected_close", "forecast_category": "forecast_category" } },
                { "source": "hist.csv", "target": "opportunity-history.csv", "columns": { "opportunity_id": "Opp", "changed_at": "When", "forecast_category": "Stage Bucket" } }
              ]
            }
            """;
        var source = new MemorySource(new()
        {
            ["opportunities.csv"] = Opportunities,
            ["hist.csv"] = "Opp,When,Stage Bucket\nO1,2025-02-01T00:00:00Z,maybe\n",
        });

        var e = Assert.Throws<CsvImportException>(() => new CsvImporter(new CsvImportOptions { Mapping = CsvMapping.Parse(mapping) }).Import(source));

        // "maybe" starts at column 25: "O1," (3) + the instant (20) + its comma = 24 characters before it.
        Assert.Equal("mem/hist.csv:2:25: Stage Bucket: unknown forecast category 'maybe'; use pipeline, best-case, commit, closed or omitted (mapped to forecast_category)", e.Message);
    }

    [Fact]
    public async Task Import_OpportunityHistoryTable_OfADatabase_IsReadAsTheFile()
    {
        await using var sqlite = new SqliteConnection("Data Source=:memory:");
        await sqlite.OpenAsync(CancellationToken.None);
        Execute(sqlite, """
            CREATE TABLE opportunities (id TEXT, account TEXT, owner TEXT, created_at TEXT, amount TEXT, currency TEXT, status TEXT,
                closed_at TEXT, expected_close TEXT, forecast_category TEXT);
            INSERT INTO opportunities VALUES ('O1', 'acme', 'ana', '2025-01-10T09:00:00Z', '12000', 'USD', 'open', NULL, '2025-06-30', 'commit');
            CREATE TABLE opportunity_history (opportunity_id TEXT, changed_at TEXT, amount TEXT, forecast_category TEXT);
            INSERT INTO opportunity_history VALUES ('O1', '2025-03-01T10:00:00Z', '12000', 'commit'), ('O1', '2025-01-10T09:00:00Z', '10000', 'pipeline');
            """);

        var result = await new DataReaderImporter().ImportAsync(DataReaderSource.FromConnection(sqlite, "crm.db"), CancellationToken.None);

        var opportunity = result.Data.Opportunities.Single();

        // Before 1 March 10:00 the amount is that of 10 January, 10,000; the category pipeline.
        var february = opportunity.AsOf(Instant.FromUtc(2025, 2, 1, 0, 0))!;
        Assert.Equal(10_000m, february.Amount.Amount);
        Assert.Equal(ForecastCategory.Pipeline, february.ForecastCategory);
        Assert.Equal(["crm.db/opportunities", "crm.db/opportunity_history"], result.Files.Select(f => f.File));
    }

    [Fact]
    public async Task Import_BadRowOfTheHistoryTable_IsRejectedAtItsRow()
    {
        await using var sqlite = new SqliteConnection("Data Source=:memory:");
        await sqlite.OpenAsync(CancellationToken.None);
        Execute(sqlite, """
            CREATE TABLE opportunities (id TEXT, account TEXT, owner TEXT, created_at TEXT, amount TEXT, currency TEXT, status TEXT);
            INSERT INTO opportunities VALUES ('O1', 'acme', 'ana', '2025-01-10T09:00:00Z', '12000', 'USD', 'open');
            CREATE TABLE opportunity_history (opportunity_id TEXT, changed_at TEXT, amount TEXT);
            INSERT INTO opportunity_history VALUES ('O1', '2025-01-10T09:00:00Z', '10000'), ('O1', '2025-03-01T10:00:00Z', '11000');
            """);

        var e = await Assert.ThrowsAsync<CsvImportException>(async () => await new DataReaderImporter().ImportAsync(DataReaderSource.FromConnection(sqlite, "crm.db"), CancellationToken.None));

        // The second row is the last amount, 11,000, not the opportunity's 12,000; a database's "column" is the field's number.
        Assert.StartsWith("crm.db/opportunity_history:2:3: amount: Opportunity O1: the last amount of its history (11,000.00 USD) is not its amount (12,000.00 USD)", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("(opportunities.csv row 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentedExample_ImportsAsTheDocsSayItStood()
    {
        // The csv blocks of docs/csv-format.md under "opportunities.csv" and "opportunity-history.csv", as printed.
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "csv-format.md")).ReplaceLineEndings("\n");
        var result = MemorySource.Import(
            CsvErrorMode.Fail,
            ("opportunities.csv", Block(page, "### `opportunities.csv`", "```csv")),
            ("opportunity-history.csv", Block(page, "### `opportunity-history.csv`", "```csv")));
        var o4 = result.Data.Opportunities.Single(o => o.Id.Value == "O4");

        // "stood at 400.00 USD expected on 2025-05-31 in April, in pipeline until 14 April and in best-case since".
        var april10 = o4.AsOf(Instant.FromUtc(2025, 4, 10, 0, 0))!;
        Assert.Equal((400.00m, new LocalDate(2025, 5, 31), ForecastCategory.Pipeline), (april10.Amount.Amount, april10.ExpectedClose!.Value, april10.ForecastCategory));
        var april20 = o4.AsOf(Instant.FromUtc(2025, 4, 20, 0, 0))!;
        Assert.Equal((400.00m, ForecastCategory.BestCase), (april20.Amount.Amount, april20.ForecastCategory));

        // "and grew to 500.00 USD on 2 May" (11:00 UTC), expected on 2025-06-30 from then on.
        var may3 = o4.AsOf(Instant.FromUtc(2025, 5, 3, 0, 0))!;
        Assert.Equal((500.00m, new LocalDate(2025, 6, 30)), (may3.Amount.Amount, may3.ExpectedClose!.Value));

        // The mapping entry shown for a CRM's export is a valid entry of a mapping.
        var entry = Block(page, "### `opportunity-history.csv`", "```json");
        var mapping = CsvMapping.Parse($$"""{ "files": [{{entry}}] }""");
        Assert.Equal<string>(["OpportunityHistory.csv"], mapping.SourceFiles);
        Assert.Equal(CsvTable.OpportunityHistory, Assert.Single(mapping.Files).Target);
    }

    private static string Block(string page, string heading, string fence)
    {
        // The first block of that kind after the heading, without its fences.
        var section = page.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(section >= 0, $"docs/csv-format.md has no heading {heading}");
        var start = page.IndexOf(fence + "\n", section, StringComparison.Ordinal) + fence.Length + 1;
        return page[start..page.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SalesKpi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SalesKpi.sln not found above the test binaries.");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class SynchronousProgress(Action<CsvImportProgress> report) : IProgress<CsvImportProgress>
    {
        public void Report(CsvImportProgress value) => report(value);
    }
}
