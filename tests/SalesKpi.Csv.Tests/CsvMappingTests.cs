using NodaTime;
using SalesKpi.Opportunities;

namespace SalesKpi.Csv.Tests;

public class CsvMappingTests
{
    private const string Pipeline = """
        {
          "defaultCurrency": "USD",
          "dateFormat": "dd/MM/yyyy",
          "files": [{
            "source": "crm.csv", "target": "opportunities",
            "skip": [{ "column": "Stage", "values": ["Lead"], "reason": "not an opportunity yet" }],
            "columns": {
              "id": "Id", "owner": "Rep", "created_at": "Opened", "closed_at": "Closed",
              "account": { "column": "Company", "default": "(none)" },
              "amount": { "column": "Value", "default": "0" },
              "status": { "column": "Stage", "values": { "Open": "open", "Closed Won": "won", "Closed Lost": "lost" } }
            }
          }]
        }
        """;

    private static CsvImportResult Import(string mapping, string csv, CsvErrorMode mode = CsvErrorMode.Fail, DateTimeZone? zone = null) =>
        new CsvImporter(new CsvImportOptions { Mapping = CsvMapping.Parse(mapping), OnError = mode, Zone = zone ?? DateTimeZone.Utc })
            .Import(new MemorySource(new() { ["crm.csv"] = csv }));

    [Fact]
    public void Import_Mapping_RenamesColumnsTranslatesValuesAndReadsDates()
    {
        var result = Import(Pipeline, "Id,Rep,Company,Stage,Opened,Closed,Value\n1,ana,,Closed Won,03/02/2025,05/03/2025,1200\n2,ben,Initech,Lead,,,\n3,ben,Initech,Open,10/02/2025,,\n");

        var won = result.Data.Opportunities[0];
        Assert.Equal(OpportunityStatus.Won, won.Status);
        Assert.Equal(Instant.FromUtc(2025, 2, 3, 0, 0), won.CreatedAt);
        Assert.Equal(Instant.FromUtc(2025, 3, 5, 0, 0), won.ClosedAt);
        Assert.Equal("(none)", won.Account.Value);
        Assert.Equal(new Money(1200m, Currency.USD), won.Amount);
        Assert.Equal(new Money(0m, Currency.USD), result.Data.Opportunities[1].Amount);
        var file = result.Files.Single();
        Assert.Equal((3L, 2L, 0L), (file.Rows, file.Records, file.Rejected));
        Assert.Equal(("not an opportunity yet", 1L), (file.Skipped.Single().Reason, file.Skipped.Single().Count));
    }

    [Fact]
    public void Import_MappedDate_StartsTheDayInTheImportZone()
    {
        var result = Import(Pipeline, "Id,Rep,Company,Stage,Opened,Closed,Value\n3,ben,Initech,Open,10/02/2025,,\n", zone: DateTimeZoneProviders.Tzdb["Europe/Istanbul"]);

        Assert.Equal(Instant.FromUtc(2025, 2, 9, 21, 0), result.Data.Opportunities[0].CreatedAt);
    }

    [Fact]
    public void Import_ValueNotInTheMap_IsRejectedAtTheSourceColumn()
    {
        var e = Assert.Throws<CsvImportException>(() => Import(Pipeline, "Id,Rep,Company,Stage,Opened,Closed,Value\n1,ana,Acme,Negotiation,03/02/2025,,\n"));

        Assert.Equal("mem/crm.csv:2:12: Stage: the value 'Negotiation' is not in the mapping's values for status ('Open', 'Closed Won', 'Closed Lost')", e.Message);
    }

    [Fact]
    public void Import_BadMappedDate_NamesTheSourceColumnAndTheTarget()
    {
        var e = Assert.Throws<CsvImportException>(() => Import(Pipeline, "Id,Rep,Company,Stage,Opened,Closed,Value\n1,ana,Acme,Open,2025-02-03,,\n"));

        Assert.Equal("mem/crm.csv:2:17: Opened: '2025-02-03' is not a date in the mapping's format dd/MM/yyyy (mapped to created_at)", e.Message);
    }

    [Fact]
    public void Import_SourceColumnMissingFromTheHeader_FailsWithASuggestion()
    {
        var e = Assert.Throws<CsvImportException>(() => Import(Pipeline, "Id,Rep,Company,Stage,Opened,Closed,Values\n"));

        Assert.Contains("reads the column 'Value' (for opportunities.csv amount), which the header does not have", e.Message);
        Assert.Contains("did you mean 'Values'?", e.Message);
    }

    [Theory]
    [InlineData("{", "mapping:1:2: not valid JSON")]
    [InlineData("""{ "file": [] }""", "mapping: $.file: unknown key; the keys here are description, defaultCurrency, dateFormat, files; did you mean 'files'?")]
    [InlineData("""{ "files": [] }""", "mapping: $.files: a mapping needs a non-empty array 'files'")]
    [InlineData("""{ "defaultCurrency": "usd", "files": [{}] }""", "mapping: $.defaultCurrency: 'usd' is not an ISO 4217 currency code")]
    [InlineData("""{ "files": [{ "source": "a.csv", "target": "deal", "columns": {} }] }""", "mapping: $.files[0].target: 'deal' is not a SalesKpi file; use one of reps.csv, accounts.csv, leads.csv, opportunities.csv, stage-changes.csv, opportunity-history.csv, deals.csv, activities.csv, spend.csv; did you mean 'deals.csv'?")]
    [InlineData("""{ "files": [{ "source": "a.csv", "target": "reps", "columns": { "id": "x", "nme": "y", "team": "z" } }] }""", "mapping: $.files[0].columns.nme: reps.csv has no column 'nme'; its columns are id, name, team; did you mean 'name'?")]
    [InlineData("""{ "files": [{ "source": "a.csv", "target": "reps", "columns": { "id": "x", "team": "z" } }] }""", "mapping: $.files[0].columns: reps.csv needs a 'name'")]
    [InlineData("""{ "files": [{ "source": "a.csv", "target": "spend", "columns": { "channel": "c", "start": "s", "end": "e", "amount": "a" } }] }""", "mapping: $.files[0].columns: spend.csv needs a 'currency': map it to a source column, give a constant ({\"value\": \"USD\"}) or set 'defaultCurrency'")]
    [InlineData("""{ "files": [{ "source": "a.csv", "target": "reps", "columns": { "id": { "column": "x", "value": "y" }, "name": "n", "team": "t" } }] }""", "mapping: $.files[0].columns.id: give exactly one of 'column' (a source column) and 'value' (a constant)")]
    [InlineData("""{ "files": [{ "source": "a.csv", "target": "spend", "dateFormat": "yyyy-MM-dd HH:mm", "columns": { "channel": "c", "start": "s", "end": "e", "amount": "a", "currency": "c" } }] }""", "mapping: $.files[0].columns.start: 'yyyy-MM-dd HH:mm' is not a date pattern")]
    public void Parse_InvalidMapping_SaysWhereAndWhy(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => CsvMapping.Parse(json));

        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void Import_MavenCrmExample_AccountsForEveryOneOfThe8800Rows()
    {
        var root = RepositoryRoot();
        var mapping = CsvMapping.Load(Path.Combine(root, "docs", "examples", "maven-crm", "mapping.json"));
        var directory = Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets", "maven-crm"));

        var result = new CsvImporter(new CsvImportOptions { Mapping = mapping }).ImportDirectory(directory);

        Assert.Empty(result.Rejections);
        var opportunities = result.Files.Single(f => f.Target == CsvFiles.Opportunities);
        Assert.Equal(8_800, opportunities.Rows);
        Assert.Equal(8_300, opportunities.Records);
        Assert.Equal(500, opportunities.Skipped.Single().Count);
        Assert.Equal(opportunities.Rows, opportunities.Records + opportunities.Rejected + opportunities.Skipped.Sum(s => s.Count) + opportunities.NotSelected);
        var deals = result.Files.Single(f => f.Target == CsvFiles.Deals);
        Assert.Equal((8_800L, 4_238L, 4_562L), (deals.Rows, deals.Records, deals.NotSelected));
        Assert.Equal(35, result.Data.Roster.Reps.Length);
        Assert.Equal(6, result.Data.Roster.Teams.Count());

        // Row by row: each opportunity_id is an opportunity, or a Prospecting row the mapping skipped.
        var lines = File.ReadAllLines(Path.Combine(directory, "sales_pipeline.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var imported = result.Data.Opportunities.Select(o => o.Id.Value).ToHashSet();
        var prospecting = lines.Where(l => l[4] == "Prospecting").Select(l => l[0]).ToHashSet();
        Assert.Equal(8_800, lines.Count);
        Assert.All(lines, l => Assert.True(imported.Contains(l[0]) ^ prospecting.Contains(l[0]), l[0]));
        Assert.Equal(lines.Where(l => l[4] == "Won").Select(l => l[0]).Order(), result.Data.Deals.Select(d => d.Id.Value).Order());
        Assert.Equal(10_005_534m, result.Data.Deals.Sum(d => d.Value.Amount));
        Assert.Equal(1_589, result.Data.Opportunities.Count(o => o.Status == OpportunityStatus.Open));
        Assert.Equal(1_088, result.Data.Opportunities.Count(o => o.Account.Value == "(no account)"));
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

        throw new InvalidOperationException("The tests run outside the repository.");
    }
}
