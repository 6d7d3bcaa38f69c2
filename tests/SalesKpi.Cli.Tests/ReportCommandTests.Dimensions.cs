namespace SalesKpi.Cli.Tests;

/// <summary><c>--by NAME</c> and <c>--where NAME=VALUE</c> over the dimensions of a data set.</summary>
public class DimensionCommandTests
{
    // Five opportunities closed in February 2025. Offices come from the reps, sectors from the accounts, products from
    // the opportunities themselves (O-5 has none, and initech is not in accounts.csv).
    private static TempDirectory Data()
    {
        var directory = new TempDirectory();
        directory.Write("reps.csv", "id,name,team,office\nana,Ana,north,West\nben,Ben,north,East\ncem,Cem,south,West\n");
        directory.Write("accounts.csv", "id,sector\nacme,software\nglobex,retail\n");
        directory.Write("opportunities.csv", """
            id,account,owner,created_at,amount,currency,status,closed_at,product
            O-1,acme,ana,2025-01-02T09:00:00Z,100,USD,won,2025-02-01T09:00:00Z,GTX
            O-2,acme,ana,2025-01-03T09:00:00Z,50,USD,lost,2025-02-02T09:00:00Z,MG
            O-3,globex,ben,2025-01-04T09:00:00Z,70,USD,won,2025-02-03T09:00:00Z,GTX
            O-4,globex,cem,2025-01-05T09:00:00Z,30,USD,lost,2025-02-04T09:00:00Z,GTX
            O-5,initech,cem,2025-01-06T09:00:00Z,20,USD,won,2025-02-05T09:00:00Z,

            """);
        return directory;
    }

    [Theory]
    // West: ana's O-1 won, O-2 lost and cem's O-4 lost, O-5 won → 2 / 4; East: ben's O-3 won → 1 / 1.
    [InlineData("office", "West", 0.5)]
    [InlineData("office", "East", 1.0)]
    // software: acme's O-1 won, O-2 lost → 1 / 2; retail: globex's O-3 won, O-4 lost → 1 / 2; (none): O-5 won → 1 / 1.
    [InlineData("sector", "software", 0.5)]
    [InlineData("sector", "retail", 0.5)]
    [InlineData("sector", "(none)", 1.0)]
    // GTX: O-1 won, O-3 won, O-4 lost → 2 / 3; MG: O-2 lost → 0 / 1.
    [InlineData("product", "GTX", 2.0 / 3)]
    [InlineData("product", "MG", 0.0)]
    public void By_ADimension_GroupsByItsValue(string by, string group, double expected)
    {
        using var data = Data();

        var report = Cli.Json("report", "--data", data.Path, "--by", by, "--kpi", "close-rate");

        Assert.Equal((decimal)expected, report.Value("close-rate", group).Number()!.Value, 10);
    }

    [Fact]
    public void By_AHierarchy_GroupsByOfficeThenRep_InOrder()
    {
        using var data = Data();

        var report = Cli.Json("report", "--data", data.Path, "--by", "office/rep", "--kpi", "close-rate");

        // East < West, then each office's reps: ben 1 / 1; ana 1 / 2 (O-1 won, O-2 lost); cem 1 / 2 (O-4 lost, O-5 won).
        Assert.Equal(["East / ben", "West / ana", "West / cem"], report.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("group").GetString()));
        Assert.Equal(1m, report.Value("close-rate", "East / ben").Number());
        Assert.Equal(0.5m, report.Value("close-rate", "West / ana").Number());
        Assert.Equal(0.5m, report.Value("close-rate", "West / cem").Number());
    }

    [Theory]
    // West: O-1, O-2, O-4, O-5 → won O-1, O-5 → 2 / 4.
    [InlineData(new[] { "office=West" }, 0.5)]
    // West and GTX: O-1 won, O-4 lost → 1 / 2.
    [InlineData(new[] { "office=West", "product=GTX" }, 0.5)]
    // GTX or MG: O-1 .. O-4 → won O-1, O-3 → 2 / 4.
    [InlineData(new[] { "product=GTX,MG" }, 0.5)]
    // East: O-3 won → 1 / 1.
    [InlineData(new[] { "office=East" }, 1.0)]
    // retail: O-3 won, O-4 lost → 1 / 2.
    [InlineData(new[] { "sector=retail" }, 0.5)]
    public void Where_KeepsTheRecordsThatPassEveryFilter(string[] where, double expected)
    {
        using var data = Data();

        var report = Cli.Json(["report", "--data", data.Path, "--kpi", "close-rate", .. where.SelectMany(w => new[] { "--where", w })]);

        Assert.Equal((decimal)expected, report.Value("close-rate").Number());
        Assert.Equal(where.Length, report.GetProperty("settings").GetProperty("where").GetArrayLength());
    }

    [Fact]
    public void Where_TheHeadingSaysWhichRecords()
    {
        using var data = Data();

        var result = Cli.Run("report", "--data", data.Path, "--kpi", "close-rate", "--where", "office=West", "--by", "rep");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2025-01-01 to 2025-12-31 (UTC), where office=West, by rep, whole range", result.Output);

        // With --where, only the reps with records are reported: ben is East.
        Assert.DoesNotContain("ben", result.Output);
    }

    [Fact]
    public void By_ADimensionTheDataLacks_IsBadUsageWithTheClosestOne()
    {
        using var data = Data();

        var result = Cli.Run("report", "--data", data.Path, "--by", "ofice");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("saleskpi: bad usage: --by: 'ofice' is not a grouping or a dimension of the data; did you mean 'office'? (the groupings are rep, team, source, lost-reason, forecast-category, none; the data's dimensions are office, product, sector).", result.Error);
    }

    [Fact]
    public void Where_ADimensionTheDataLacks_IsBadUsageWithTheClosestOne()
    {
        using var data = Data();

        var result = Cli.Run("report", "--data", data.Path, "--where", "secter=retail");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("saleskpi: bad usage: --where: 'secter' is not a dimension of the data; did you mean 'sector'? (the data's dimensions are office, product, sector).", result.Error);
    }

    [Theory]
    [InlineData("office")]
    [InlineData("=West")]
    [InlineData("office=")]
    public void Where_NotNameEqualsValue_IsBadUsage(string where)
    {
        var result = Cli.Run("report", "--where", where);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--where: '{where}' is not a filter; write NAME=VALUE, such as --where office=West", result.Error);
    }

    [Fact]
    public void By_ADimension_WithADatabaseEngine_IsBadUsage()
    {
        var result = Cli.Run("report", "--engine", "duckdb", "--by", "office");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--by office with --engine duckdb: dimensions are read by --engine memory (the default)", result.Error);
    }

    [Fact]
    public void By_ThreeLevels_IsBadUsage()
    {
        using var data = Data();

        var result = Cli.Run("report", "--data", data.Path, "--by", "office/team/rep");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--by: 'office/team/rep' has 3 levels; a hierarchy has two, such as office/rep.", result.Error);
    }

    [Fact]
    public void Compare_ByADimension_ComparesItsValues()
    {
        using var data = Data();

        var result = Cli.Json("compare", "--data", data.Path, "--by", "office", "--kpi", "close-rate");

        // West 2 / 4 = 0.5 against East's 1 / 1 (its only peer): rank 2; East ranks 1 with West as its peer mean.
        var rows = result.GetProperty("comparisons").EnumerateArray().ToList();
        Assert.Equal(["East", "West"], rows.Select(r => r.GetProperty("group").GetString()));
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal(0.5m, rows[0].GetProperty("peerMean").GetDecimal());
    }
}
