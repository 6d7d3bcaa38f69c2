using SalesKpi.Reporting;
using SalesKpi.Reps;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Calculators;

/// <summary>Grouping and filtering by dimensions, with values worked out by hand.</summary>
public sealed class KpiGroupingDimensionsTests
{
    // r01 (team-east) is in West, r02 (team-west) in East, r03 (team-east) has no office.
    private static readonly SalesData Data = SalesData.Create(
        activities:
        [
            CreateActivity("A-1", owner: "r01"),
            CreateActivity("A-2", owner: "r01").WithDimensions(Dimensions.Of("office", "East")),
            CreateActivity("A-3", owner: "r02"),
            CreateActivity("A-4", owner: "r03"),
            CreateActivity("A-5", owner: "r03"),
            CreateActivity("A-6", owner: "r09"),
        ],
        roster: new Roster([
            CreateRep("r01", "Ayşe Demir", "team-east").WithDimensions(Dimensions.Of("office", "West")),
            CreateRep("r02", "Ivan Petrov", "team-west").WithDimensions(Dimensions.Of("office", "East")),
            CreateRep("r03", "Budi Santoso", "team-east"),
        ]));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ByDimension_CountsEachRecordUnderItsResolvedValue(bool columnar)
    {
        var report = Evaluate(KpiGrouping.ByDimension("office"), columnar);

        // East: A-2 (its own) + A-3 (r02's) = 2; West: A-1 (r01's) = 1; (none): A-4, A-5 (r03 has no office) + A-6 (r09
        // is not on the roster) = 3; (none) last.
        Assert.Equal(["East", "West", KpiGrouping.NoKey], report.Groups.AsEnumerable());
        Assert.Equal([2m, 1m, 3m], report.Groups.Select(g => report.Get(KpiIds.Calls, g).Value));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Hierarchy_OrdersByOuterKeyThenInner(bool columnar)
    {
        var report = Evaluate(KpiGrouping.ByDimension("office").Then(KpiGrouping.ByRep), columnar);

        // East / r01: A-2 = 1; East / r02: A-3 = 1; West / r01: A-1 = 1; (none) / r03: A-4, A-5 = 2; (none) / r09: A-6 = 1.
        Assert.Equal(["East / r01", "East / r02", "West / r01", "(none) / r03", "(none) / r09"], report.Groups.AsEnumerable());
        Assert.Equal([1m, 1m, 1m, 2m, 1m], report.Groups.Select(g => report.Get(KpiIds.Calls, g).Value));
        Assert.Equal("office/rep", KpiGrouping.FromName("office/rep").Dimension);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Hierarchy_NoKeyIsLastAtEachLevel(bool columnar)
    {
        var report = Evaluate(KpiGrouping.ByTeam.Then(KpiGrouping.ByDimension("office")), columnar);

        // team-east: A-1 West, A-2 East, A-4/A-5 (none); team-west: A-3 East; (none) (r09 off the roster): A-6 (none).
        Assert.Equal(["team-east / East", "team-east / West", "team-east / (none)", "team-west / East", "(none) / (none)"], report.Groups.AsEnumerable());
        Assert.Equal([1m, 1m, 2m, 1m, 1m], report.Groups.Select(g => report.Get(KpiIds.Calls, g).Value));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DimensionFilter_KeepsTheRecordsWithOneOfTheValues(bool columnar)
    {
        var evaluator = new KpiEvaluator(KpiSettings.Default, null, null, 1, columnar, int.MaxValue);
        var kpis = new KpiCalculator[] { Kpis.Calls.Where(KpiFilter.Parse("office=East"), "east-calls"), Kpis.Calls.Where(KpiFilter.Parse("office = West , East"), "both-calls") };

        var report = evaluator.Evaluate(Data, new KpiQuery(January, kpis, KpiGrouping.ByTeam));

        // east-calls: team-east A-2 = 1, team-west A-3 = 1; both-calls: team-east A-1, A-2 = 2, team-west A-3 = 1.
        Assert.Equal(["team-east", "team-west"], report.Groups.AsEnumerable());
        Assert.Equal([1m, 1m], report.Groups.Select(g => report.Get("east-calls", g).Value));
        Assert.Equal([2m, 1m], report.Groups.Select(g => report.Get("both-calls", g).Value));
    }

    [Fact]
    public void FromName_BuiltInsDimensionsAndHierarchies()
    {
        Assert.Same(KpiGrouping.ByTeam, KpiGrouping.FromName("Team"));
        Assert.Same(KpiGrouping.ByDealKind, KpiGrouping.FromName("deal-kind"));
        Assert.Equal("office", KpiGrouping.FromName("office").Dimension);
        var hierarchy = KpiGrouping.FromName("office/team/rep");
        Assert.Equal(["office", "team", "rep"], hierarchy.Levels.Select(l => l.Dimension));
        Assert.Same(KpiGrouping.ByRep, hierarchy.Levels[2]);
        Assert.Throws<ArgumentException>("name", () => KpiGrouping.FromName("office/"));
        Assert.Throws<ArgumentException>("name", () => KpiGrouping.FromName(" "));
    }

    [Fact]
    public void KnownKeys_AreTheValuesOfRepsAndAccounts()
    {
        var data = Data.WithAccounts([new Account(new AccountId("acme"), Dimensions.Of("office", "Acme HQ"))]);

        Assert.Equal(["West", "East", "Acme HQ"], KpiGrouping.ByDimension("office").KnownKeys(data));
        Assert.Equal(["West / r01", "East / r02", "(none) / r03"], KpiGrouping.FromName("office/rep").KnownKeys(data));
    }

    [Theory]
    [InlineData("office")]
    [InlineData("=West")]
    [InlineData("office=")]
    [InlineData("office=West,,East")]
    public void Parse_MalformedText_ThrowsFormatExceptionNamingTheText(string text)
    {
        var error = Assert.Throws<FormatException>(() => KpiFilter.Parse(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("NAME=VALUE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dimension_Description_IsNameEqualsValues()
    {
        Assert.Equal("office=West", KpiFilter.Dimension("office", "West").Description);
        Assert.Equal("office=West,East", KpiFilter.Parse("office=West,East").Description);
        Assert.Throws<ArgumentException>("values", () => KpiFilter.Dimension("office", []));
    }

    [Fact]
    public void SplitKey_GivesEachLevelsKey_TheLastKeepingAnySeparatorOfItsOwn()
    {
        var officeRep = KpiGrouping.ByDimension("office").Then(KpiGrouping.ByRep);

        Assert.Equal(["West", "r01"], officeRep.SplitKey("West / r01").AsEnumerable());
        Assert.Equal([KpiGrouping.NoKey, "r09"], officeRep.SplitKey("(none) / r09").AsEnumerable());
        // Two levels: one split, at the first separator; the inner value "A / B" stays whole.
        Assert.Equal(["West", "A / B"], officeRep.SplitKey("West / A / B").AsEnumerable());
        // Not a key of the hierarchy (no separator): one part.
        Assert.Equal(["all"], officeRep.SplitKey("all").AsEnumerable());
        // A flat grouping: the key itself, separators and all.
        Assert.Equal(["A / B"], KpiGrouping.ByDimension("office").SplitKey("A / B").AsEnumerable());
        Assert.Throws<ArgumentNullException>("key", () => officeRep.SplitKey(null!));
    }

    [Fact]
    public void Json_Hierarchy_WritesTheLevelsOfTheGroupingAndOfEachGroup()
    {
        var report = Evaluate(KpiGrouping.ByDimension("office").Then(KpiGrouping.ByRep), columnar: true);

        var json = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(report))!;

        Assert.Equal("office/rep", (string?)json["settings"]!["by"]);
        Assert.Equal(["office", "rep"], json["settings"]!["levels"]!.AsArray().Select(n => (string?)n));
        var first = json["groups"]![0]!;
        Assert.Equal("East / r01", (string?)first["key"]);
        Assert.Equal(["East", "r01"], first["levels"]!.AsArray().Select(n => (string?)n));
        var last = json["groups"]![4]!;
        Assert.Equal([KpiGrouping.NoKey, "r09"], last["levels"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void Json_FlatGrouping_WritesNoLevels()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Evaluate(KpiGrouping.ByDimension("office"), columnar: true)))!;

        Assert.Equal("office", (string?)json["settings"]!["by"]);
        Assert.Null(json["settings"]!["levels"]);
        Assert.Null(json["groups"]![0]!["levels"]);
    }

    private static KpiReport Evaluate(KpiGrouping grouping, bool columnar) =>
        new KpiEvaluator(KpiSettings.Default, null, null, 1, columnar, int.MaxValue).Evaluate(Data, new KpiQuery(January, [Kpis.Calls], grouping));
}
