using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Reps;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class OpportunityTests
{
    // A history starting at creation (T0): 10,000 USD expected 2025-03-31, grown to 12,000 at T1, moved to 2025-04-30
    // and committed at T2, handed to r02 at T3.
    private static readonly LocalDate March31 = new(2025, 3, 31);
    private static readonly LocalDate April30 = new(2025, 4, 30);
    private static readonly RepId Second = new("r02");

    private static OpportunityChange[] Changes() =>
    [
        new(T0, amount: Usd(10_000m), expectedClose: March31, forecastCategory: ForecastCategory.Pipeline, owner: Owner),
        new(T1, amount: Usd(12_000m)),
        new(T2, expectedClose: April30, forecastCategory: ForecastCategory.Commit),
        new(T3, owner: Second),
    ];

    private static Opportunity WithHistory(OpportunityStatus status = OpportunityStatus.Open, Instant? closedAt = null) =>
        new(Id, Account, Second, T0, Usd(12_000m), status, closedAt, expectedClose: April30,
            forecastCategory: status == OpportunityStatus.Open ? ForecastCategory.Commit : null, history: Changes());

    [Fact]
    public void ForecastCategory_NotGiven_IsTheDefaultOfTheStatus()
    {
        Assert.Equal(ForecastCategory.Pipeline, CreateOpportunity().ForecastCategory);
        Assert.Equal(ForecastCategory.Closed, CreateOpportunity(status: OpportunityStatus.Won, closedAt: T1).ForecastCategory);
        Assert.Equal(ForecastCategory.Omitted, CreateOpportunity(status: OpportunityStatus.Lost, closedAt: T1).ForecastCategory);
    }

    [Theory]
    [InlineData(OpportunityStatus.Won, ForecastCategory.Commit, "is won, so its forecast category is closed, not commit")]
    [InlineData(OpportunityStatus.Lost, ForecastCategory.Pipeline, "is lost, so its forecast category is omitted, not pipeline")]
    public void Constructor_CategoryAgainstTheStatus_ThrowsNamingBoth(OpportunityStatus status, ForecastCategory category, string expected)
    {
        var e = Assert.Throws<ArgumentException>("forecastCategory", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), status, T1, forecastCategory: category));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OpenButClosedCategory_Throws()
    {
        var e = Assert.Throws<ArgumentException>("forecastCategory", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), forecastCategory: ForecastCategory.Closed));
        Assert.Contains("is open, so its forecast category cannot be closed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_HistoryEndingElsewhere_ThrowsNamingTheField()
    {
        var e = Assert.Throws<ArgumentException>("history", () => new Opportunity(Id, Account, Owner, T0, Usd(9_000m), history: [new OpportunityChange(T1, amount: Usd(12_000m))]));
        Assert.StartsWith("Opportunity O-1: the last amount of its history (12,000.00 USD) is not its amount (9,000.00 USD)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_HistoryWithADateTheOpportunityHasNot_Throws()
    {
        var e = Assert.Throws<ArgumentException>("history", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), history: [new OpportunityChange(T1, expectedClose: March31)]));
        Assert.StartsWith("Opportunity O-1: its history gives an expected close date (2025-03-31), but the opportunity has none", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_HistoryOutOfOrder_ThrowsNamingTheEntries()
    {
        var e = Assert.Throws<ArgumentException>("history", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), history: [new OpportunityChange(T2, amount: Usd(1m)), new OpportunityChange(T1, amount: Usd(1m))]));
        Assert.StartsWith("Opportunity O-1: history entry 1 (2025-01-02T10:00:00Z: amount 1.00 USD) is before the entry preceding it", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_HistoryBeforeCreation_Throws()
    {
        var e = Assert.Throws<ArgumentException>("history", () => new Opportunity(Id, Account, Owner, T1, Usd(1m), history: [new OpportunityChange(T0, amount: Usd(1m))]));
        Assert.Contains("is before the opportunity was created", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ClosedCategoryBeforeTheWin_Throws()
    {
        var e = Assert.Throws<ArgumentException>("history", () => new Opportunity(Id, Account, Owner, T0, Usd(1m), OpportunityStatus.Won, T2, history: [new OpportunityChange(T1, forecastCategory: ForecastCategory.Closed)]));
        Assert.Contains("puts it in the closed forecast category before it was won", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ClosedWithAStaleCategoryEntry_IsAccepted() =>
        // A won opportunity's category is closed whatever its history last said while it was open.
        Assert.Equal(ForecastCategory.Closed, WithHistory(OpportunityStatus.Won, T3 + Duration.FromDays(1)).ForecastCategory);

    [Fact]
    public void OpportunityChange_NoField_Throws() =>
        Assert.Throws<ArgumentException>("changedAt", () => new OpportunityChange(T0));

    [Fact]
    public void AsOf_BeforeCreationOrAtIt_IsNull()
    {
        Assert.Null(WithHistory().AsOf(T0));
        Assert.Null(WithHistory().AsOf(T0 - Duration.FromSeconds(1)));
    }

    [Fact]
    public void AsOf_EachInstant_HasTheValuesOfTheEntriesBeforeIt()
    {
        var o = WithHistory();

        // Just after creation: the first entry's values.
        var start = o.AsOf(T0 + Duration.FromSeconds(1))!;
        Assert.Equal((Usd(10_000m), March31, ForecastCategory.Pipeline, Owner), (start.Amount, start.ExpectedClose, start.ForecastCategory, start.Owner));

        // At T1 the change at T1 is not yet seen; just after it the amount is 12,000.
        Assert.Equal(Usd(10_000m), o.AsOf(T1)!.Amount);
        var grown = o.AsOf(T1 + Duration.FromSeconds(1))!;
        Assert.Equal((Usd(12_000m), March31, ForecastCategory.Pipeline, Owner), (grown.Amount, grown.ExpectedClose, grown.ForecastCategory, grown.Owner));

        var moved = o.AsOf(T3)!;
        Assert.Equal((Usd(12_000m), April30, ForecastCategory.Commit, Owner), (moved.Amount, moved.ExpectedClose, moved.ForecastCategory, moved.Owner));
        Assert.Equal(3, moved.History.Length);

        // After the last entry: the opportunity itself.
        Assert.Same(o, o.AsOf(T3 + Duration.FromSeconds(1)));
    }

    [Fact]
    public void AsOf_BeforeTheFirstEntryOfAField_HasThatEntrysValue()
    {
        // Amount history starts at T1 only: before it, the first entry's 5,000 stands for the time since creation.
        var o = new Opportunity(Id, Account, Owner, T0, Usd(7_000m), history: [new OpportunityChange(T1, amount: Usd(5_000m)), new OpportunityChange(T2, amount: Usd(7_000m))]);

        Assert.Equal(Usd(5_000m), o.AsOf(T1)!.Amount);
        Assert.Equal(Usd(5_000m), o.AsOf(T2)!.Amount);
        Assert.Equal(Usd(7_000m), o.AsOf(T3)!.Amount);
    }

    [Fact]
    public void AsOf_BeforeTheClose_IsOpenWithoutLostReasonOrLaterStages()
    {
        var lost = new Opportunity(Id, Account, Owner, T0, Usd(1m), OpportunityStatus.Lost, T2, lostReason: "price",
            stageHistory: [new StageEntry(OpportunityStage.Prospecting, T0), new StageEntry(OpportunityStage.Proposal, T1)]);

        var before = lost.AsOf(T2)!;

        Assert.Equal((OpportunityStatus.Open, (Instant?)null, (string?)null, ForecastCategory.Pipeline), (before.Status, before.ClosedAt, before.LostReason, before.ForecastCategory));
        Assert.Equal(OpportunityStage.Proposal, before.CurrentStage);
        Assert.Equal(OpportunityStage.Prospecting, lost.AsOf(T1)!.CurrentStage);
        Assert.Same(lost, lost.AsOf(T2 + Duration.FromSeconds(1)));
    }

    [Fact]
    public void AsOf_WonLater_TakesTheCategoryOfItsHistoryThen()
    {
        var won = WithHistory(OpportunityStatus.Won, T3 + Duration.FromDays(1));

        Assert.Equal(ForecastCategory.Commit, won.AsOf(T3 + Duration.FromHours(1))!.ForecastCategory);
        Assert.Equal(ForecastCategory.Closed, won.AsOf(T3 + Duration.FromDays(2))!.ForecastCategory);
    }

    [Fact]
    public void WithChange_OnNoHistory_RecordsTheValuesHeldUntilThen()
    {
        var o = CreateOpportunity(amount: Usd(10_000m)).WithChange(new OpportunityChange(T2, amount: Usd(15_000m), forecastCategory: ForecastCategory.BestCase));

        Assert.Equal((Usd(15_000m), ForecastCategory.BestCase), (o.Amount, o.ForecastCategory));
        Assert.Equal(2, o.History.Length);
        Assert.Equal(Usd(10_000m), o.AsOf(T2)!.Amount);
        Assert.Equal(ForecastCategory.Pipeline, o.AsOf(T2)!.ForecastCategory);
    }

    [Fact]
    public void WithAmount_AgainstTheHistory_ThrowsSuggestingWithChange()
    {
        var e = Assert.Throws<ArgumentException>("history", () => WithHistory().WithAmount(Usd(1m)));
        Assert.Contains("the history must end at the current values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithStatus_ReopeningAWonOne_DropsTheClosedCategory() =>
        Assert.Equal(ForecastCategory.Pipeline, CreateOpportunity(status: OpportunityStatus.Won, closedAt: T1).WithStatus(OpportunityStatus.Open, null).ForecastCategory);

    [Fact]
    public void WithStatus_StillOpen_KeepsAChosenCategory() =>
        Assert.Equal(ForecastCategory.Commit, CreateOpportunity().WithForecastCategory(ForecastCategory.Commit).WithStatus(OpportunityStatus.Open, null).ForecastCategory);

    [Fact]
    public void Equality_DiffersInHistoryOrCategory()
    {
        Assert.Equal(WithHistory(), WithHistory());
        Assert.NotEqual(CreateOpportunity(), CreateOpportunity().WithForecastCategory(ForecastCategory.BestCase));
        Assert.NotEqual(WithHistory(), WithHistory().WithHistory([]));
    }

    [Theory]
    [InlineData("best case", ForecastCategory.BestCase)]
    [InlineData("BestCase", ForecastCategory.BestCase)]
    [InlineData(" commit ", ForecastCategory.Commit)]
    [InlineData("Omitted", ForecastCategory.Omitted)]
    public void ForecastCategories_Parse_ReadsCrmSpellings(string text, ForecastCategory expected) =>
        Assert.Equal(expected, ForecastCategories.Parse(text));

    [Fact]
    public void ForecastCategories_ParseUnknown_ListsTheNames()
    {
        var e = Assert.Throws<FormatException>(() => ForecastCategories.Parse("maybe"));
        Assert.Equal("'maybe' is not a forecast category; use one of pipeline, best-case, commit, closed, omitted.", e.Message);
    }
}
