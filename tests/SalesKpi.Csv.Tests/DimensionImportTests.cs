using SalesKpi.Reporting;

namespace SalesKpi.Csv.Tests;

/// <summary>Dimensions from CSV: extra columns of native files, accounts.csv, and mapped dimensions with look-ups.</summary>
public class DimensionImportTests
{
    private const string Reps = "id,name,team,office\nana,Ana,north,West\nben,Ben,south,East\ncem,Cem,south,\n";

    private const string Opportunities = """
        id,account,owner,created_at,amount,currency,status,closed_at,product
        O-1,acme,ana,2025-01-02T09:00:00Z,100,USD,won,2025-01-20T09:00:00Z,GTX
        O-2,globex,ben,2025-01-03T09:00:00Z,50,USD,lost,2025-01-21T09:00:00Z,
        O-3,initech,cem,2025-01-04T09:00:00Z,70,USD,open,,MG

        """;

    [Fact]
    public void Import_ExtraColumns_AreDimensionsOfTheRecords()
    {
        var data = MemorySource.Import(CsvErrorMode.Fail, ("reps.csv", Reps), ("opportunities.csv", Opportunities)).Data;

        // O-1 and O-3 carry a product of their own; O-2's cell is empty, so it sets none.
        Assert.Equal(Dimensions.Of("product", "GTX"), data.Opportunities[0].Dimensions);
        Assert.Equal(Dimensions.Empty, data.Opportunities[1].Dimensions);
        Assert.Equal(Dimensions.Of("office", "West"), data.Roster.Reps.Single(r => r.Id.Value == "ana").Dimensions);
        Assert.Equal(Dimensions.Empty, data.Roster.Reps.Single(r => r.Id.Value == "cem").Dimensions);
    }

    [Fact]
    public void Import_AccountsFile_GivesItsDimensionsToTheAccountsRecords()
    {
        var data = MemorySource.Import(
            CsvErrorMode.Fail,
            ("reps.csv", Reps),
            ("accounts.csv", "id,sector\nacme,software\nglobex,retail\n"),
            ("opportunities.csv", Opportunities)).Data;

        Assert.Equal(2, data.Accounts.Length);
        Assert.Equal(2, data.Counts.Accounts);

        // O-1's account acme is software; O-2's globex retail; O-3's initech is not in accounts.csv: no sector.
        Assert.Equal("software", data.DimensionOf(data.Opportunities[0], "sector"));
        Assert.Equal("retail", data.DimensionOf(data.Opportunities[1], "sector"));
        Assert.Null(data.DimensionOf(data.Opportunities[2], "sector"));

        // The office comes from the owner: ana West, ben East, cem none.
        Assert.Equal(["West", "East", null], data.Opportunities.Select(o => data.DimensionOf(o, "office")));

        // Every name any record, rep or account carries, once, sorted.
        Assert.Equal(["office", "product", "sector"], data.DimensionNames.ToArray());

        // Apply keeps ana's O-1 (West); ben's O-2 is East and cem's O-3 has no office. The roster and accounts stay.
        var west = KpiFilter.Dimension("office", "West").Apply(data);
        Assert.Equal(["O-1"], west.Opportunities.Select(o => o.Id.Value));
        Assert.Equal((3, 2), (west.Roster.Reps.Length, west.Accounts.Length));
    }

    [Fact]
    public void Import_GroupByADimensionOfTheCsv_AddsUpByHand()
    {
        var data = MemorySource.Import(
            CsvErrorMode.Fail,
            ("reps.csv", Reps),
            ("accounts.csv", "id,sector\nacme,software\nglobex,retail\n"),
            ("opportunities.csv", Opportunities)).Data;
        var january = new NodaTime.DateInterval(new NodaTime.LocalDate(2025, 1, 1), new NodaTime.LocalDate(2025, 1, 31));

        var report = Kpis.CloseRate.Evaluate(data, january, KpiGrouping.Custom("office", opportunities: o => data.DimensionOf(o, "office")));

        // West: ana's O-1 won → 1 / 1 = 100%. East: ben's O-2 lost → 0 / 1 = 0%. (none): cem's O-3 is open, not closed.
        Assert.Equal(1m, report.Get(Kpis.CloseRate.Id, "West").Value);
        Assert.Equal(0m, report.Get(Kpis.CloseRate.Id, "East").Value);
    }

    [Fact]
    public void Import_DuplicateAccount_IsRejectedAtItsLine()
    {
        var e = MemorySource.Fails(("accounts.csv", "id,sector\nacme,software\nacme,retail\n"));

        Assert.StartsWith("mem/accounts.csv:3:1:", e.Message);
        Assert.Contains("acme", e.Message);
    }

    [Theory]
    [InlineData("ownr", "did you mean 'owner'?")]
    [InlineData("Owner", "did you mean 'owner'?")]
    [InlineData("qualifed_at", "did you mean 'qualified_at'?")]
    public void Import_HeaderCloseToAColumn_StaysAnErrorAndSaysHowToKeepIt(string header, string suggestion)
    {
        var e = MemorySource.Fails(("leads.csv", $"id,created_at,source,{header}\nL-1,2025-01-02T09:00:00Z,web,x\n"));

        Assert.StartsWith("mem/leads.csv:1:", e.Message);
        Assert.Contains($"unknown column '{header}' in leads.csv", e.Message);
        Assert.Contains(suggestion, e.Message);
        Assert.Contains($"'dim:{header}'", e.Message);
    }

    [Fact]
    public void Import_DimPrefix_ReadsACloseHeaderAsADimension()
    {
        var data = MemorySource.Import(CsvErrorMode.Fail, ("leads.csv", "id,created_at,source,dim:ownr\nL-1,2025-01-02T09:00:00Z,web,x\n")).Data;

        Assert.Equal(Dimensions.Of("ownr", "x"), data.Leads[0].Dimensions);
    }

    [Fact]
    public void Import_DimensionTwice_IgnoringCase_IsAnError()
    {
        var e = MemorySource.Fails(("leads.csv", "id,created_at,source,Region,region\nL-1,2025-01-02T09:00:00Z,web,a,b\n"));

        Assert.StartsWith("mem/leads.csv:1:", e.Message);
        Assert.Contains("the dimension 'region' appears twice in the header", e.Message);
    }

    [Fact]
    public void Import_UnknownColumnOfStageChanges_IsStillAnError()
    {
        var e = MemorySource.Fails(
            ("opportunities.csv", "id,account,owner,created_at,amount,currency,status\nO-1,acme,ana,2025-01-02T09:00:00Z,1,USD,open\n"),
            ("stage-changes.csv", "opportunity_id,stage,entered_at,region\nO-1,proposal,2025-01-03T09:00:00Z,West\n"));

        Assert.Contains("unknown column 'region' in stage-changes.csv", e.Message);
        Assert.Contains("no dimension columns", e.Message);
    }

    [Fact]
    public void Import_ActivitiesWithDimensions_KeepThemOnEveryRow()
    {
        // Enough rows that a read-ahead reader would prepare them on its own thread, which knows no dimensions.
        var rows = string.Concat(Enumerable.Range(1, 3000).Select(i => $"A-{i},call,ana,2025-01-02T09:00:00Z,{(i % 2 == 0 ? "inbound" : "outbound")}\n"));
        var data = new CsvImporter(new CsvImportOptions { ReadAhead = true })
            .Import(new MemorySource(new() { ["activities.csv"] = "id,kind,owner,occurred_at,direction\n" + rows })).Data;

        Assert.Equal(3000, data.Activities.Length);
        Assert.Equal(1500, data.Activities.Count(a => a.Dimensions.TryGetValue("direction", out var d) && d == "inbound"));
        Assert.Equal("outbound", data.Activities[0].Dimensions["direction"]);
    }

    private const string Mapping = """
        {
          "defaultCurrency": "USD",
          "files": [
            { "source": "teams.csv", "target": "reps", "columns": { "id": "agent", "name": "agent", "team": "manager" }, "dimensions": { "office": "office" } },
            {
              "source": "crm.csv", "target": "opportunities",
              "columns": { "id": "Id", "owner": "Rep", "account": "Company", "created_at": "Opened", "amount": "Value", "status": { "value": "open" } },
              "dimensions": {
                "product": "Product",
                "series": { "column": "Product", "lookup": { "file": "products.csv", "key": "product", "value": "series" } }
              }
            }
          ]
        }
        """;

    private const string Teams = "agent,manager,office\nana,Mo,West\n";

    private const string Products = "product,series,price\nGTX Pro,GTX,10\nMG Special,MG,5\nGTX Basic,GTX,1\n";

    private static CsvImportResult ImportMapped(string mapping, string crm, string products = Products, CsvErrorMode mode = CsvErrorMode.Fail) =>
        new CsvImporter(new CsvImportOptions { Mapping = CsvMapping.Parse(mapping), OnError = mode })
            .Import(new MemorySource(new() { ["teams.csv"] = Teams, ["crm.csv"] = crm, ["products.csv"] = products }));

    [Fact]
    public void Import_MappedDimensions_AndALookUpInAnotherFile()
    {
        var data = ImportMapped(Mapping, "Id,Rep,Company,Opened,Value,Product\n1,ana,Acme,2025-01-02T09:00:00Z,5,GTX Pro\n2,ana,Acme,2025-01-02T09:00:00Z,5,MG Special\n").Data;

        Assert.Equal(Dimensions.Create([new("product", "GTX Pro"), new("series", "GTX")]), data.Opportunities[0].Dimensions);
        Assert.Equal("MG", data.Opportunities[1].Dimensions["series"]);
        Assert.Equal(Dimensions.Of("office", "West"), data.Roster.Reps.Single().Dimensions);
        Assert.Equal("West", data.DimensionOf(data.Opportunities[1], "office"));
    }

    [Fact]
    public void Import_KeyNotInTheLookUp_IsRejectedAtTheCellWithTheClosestKey()
    {
        var e = Assert.Throws<CsvImportException>(() => ImportMapped(Mapping, "Id,Rep,Company,Opened,Value,Product\n1,ana,Acme,2025-01-02T09:00:00Z,5,GTXPro\n"));

        Assert.StartsWith("mem/crm.csv:2:35: Product: 'GTXPro' is not a product of mem/products.csv, where the dimension series is looked up; did you mean 'GTX Pro'?", e.Message);
    }

    [Fact]
    public void Import_KeyNotInTheLookUp_WithADefault_TakesTheDefault()
    {
        var mapping = Mapping.Replace("\"value\": \"series\" }", "\"value\": \"series\", \"default\": \"other\" }", StringComparison.Ordinal);

        var data = ImportMapped(mapping, "Id,Rep,Company,Opened,Value,Product\n1,ana,Acme,2025-01-02T09:00:00Z,5,GTXPro\n").Data;

        Assert.Equal("other", data.Opportunities[0].Dimensions["series"]);
        Assert.Equal("GTXPro", data.Opportunities[0].Dimensions["product"]);
    }

    [Fact]
    public void Import_LookUpWithTwoValuesForOneKey_FailsAtTheSecond()
    {
        var e = Assert.Throws<CsvImportException>(() => ImportMapped(Mapping, "Id,Rep,Company,Opened,Value,Product\n", "product,series\nGTX Pro,GTX\nGTX Pro,MG\n"));

        Assert.Equal("mem/products.csv:3:9: the key 'GTX Pro' has the series 'MG' here and 'GTX' on line 2; a look-up needs one value per key", e.Message);
    }

    [Fact]
    public void Import_LookUpColumnMissing_NamesTheColumnsTheFileHas()
    {
        var e = Assert.Throws<CsvImportException>(() => ImportMapped(Mapping, "Id,Rep,Company,Opened,Value,Product\n", "product,serie\nGTX Pro,GTX\n"));

        Assert.Contains("looks up the column 'series' (the value), which the header does not have; its columns are product, serie; did you mean 'serie'?", e.Message);
    }

    [Fact]
    public void Import_LookUpFileOutsideTheData_IsRefused()
    {
        var mapping = Mapping.Replace("\"file\": \"products.csv\"", "\"file\": \"../products.csv\"", StringComparison.Ordinal);

        var e = Assert.ThrowsAny<Exception>(() => ImportMapped(mapping, "Id,Rep,Company,Opened,Value,Product\n"));

        Assert.IsType<CsvImportException>(e);
        Assert.StartsWith("the mapping mapping looks values up in '../products.csv'", e.Message);
    }

    [Theory]
    [InlineData("\"dimensions\": { \"owner\": \"Rep\" }", "$.files[0].dimensions.owner: 'owner' is a column of opportunities.csv: map it under 'columns'")]
    [InlineData("\"dimensions\": { \"a\": { \"column\": \"Rep\", \"lookup\": { \"file\": \"p.csv\", \"key\": \"k\" } } }", "$.files[0].dimensions.a.lookup: 'value' is required")]
    [InlineData("\"dimensions\": { \"a\": { \"column\": \"Rep\", \"lokup\": {} } }", "$.files[0].dimensions.a.lokup: unknown key; the keys here are column, value, default, values, lookup; did you mean 'lookup'?")]
    [InlineData("\"dimensions\": [\"Rep\"]", "$.files[0].dimensions: must be an object from dimension names to source columns")]
    public void Parse_BadDimensionMapping_NamesThePath(string dimensions, string expected)
    {
        var json = $$"""
            { "defaultCurrency": "USD", "files": [{ "source": "crm.csv", "target": "opportunities",
              "columns": { "id": "Id", "owner": "Rep", "account": "Company", "created_at": "Opened", "amount": "Value", "status": { "value": "open" } },
              {{dimensions}} }] }
            """;

        var e = Assert.Throws<FormatException>(() => CsvMapping.Parse(json));

        Assert.Contains("mapping: " + expected, e.Message);
    }

    [Fact]
    public void SourceFiles_IncludeTheLookUpFiles()
    {
        Assert.Equal(["teams.csv", "crm.csv", "products.csv"], CsvMapping.Parse(Mapping).SourceFiles.ToArray());
    }
}
