using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reps;
using SalesKpi.Tests.TestUtilities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed class ActivityTests
{
    private const ActivityOutcomes AllOutcomes =
        ActivityOutcomes.Connected | ActivityOutcomes.Delivered | ActivityOutcomes.Opened | ActivityOutcomes.Replied | ActivityOutcomes.Positive;

    [Fact]
    public void Constructor_DefaultId_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("id", () => new SalesActivity(default, SalesActivityKind.Call, new RepId("r01"), T0));

    [Fact]
    public void Constructor_DefaultKind_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("kind", () => new SalesActivity(new ActivityId("A-1"), default, new RepId("r01"), T0));

    [Fact]
    public void Constructor_DefaultKind_MessageSaysToCreateTheKindFromAName()
    {
        var e = Assert.Throws<ArgumentException>("kind", () => new SalesActivity(new ActivityId("A-1"), default, new RepId("r01"), T0));

        Assert.StartsWith("The activity kind is the default value; create it from a name.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownOutcomeFlag_MessageSaysTheFlagsAreUnknown()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("outcomes", () => new SalesActivity(new ActivityId("A-1"), SalesActivityKind.Call, new RepId("r01"), T0, (ActivityOutcomes)1024));

        Assert.StartsWith("Unknown outcome flags.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DefaultOwner_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("owner", () => new SalesActivity(new ActivityId("A-1"), SalesActivityKind.Call, default, T0));

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(65)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Constructor_UndefinedOutcomeFlags_ThrowsArgumentOutOfRangeException(int undefined) =>
        Assert.Throws<ArgumentOutOfRangeException>("outcomes", () => CreateActivity(outcomes: (ActivityOutcomes)undefined));

    [Fact]
    public void Constructor_DefaultLead_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("lead", () => CreateActivity(lead: default(LeadId)));

    [Fact]
    public void Constructor_DefaultOpportunity_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("opportunity", () => CreateActivity(opportunity: default(OpportunityId)));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Constructor_BlankTool_ThrowsArgumentException(string blank) =>
        Assert.Throws<ArgumentException>("tool", () => CreateActivity(kind: SalesActivityKind.ToolUsage, tool: blank));

    [Fact]
    public void Constructor_AllValues_KeepsThem()
    {
        var activity = new SalesActivity(
            new ActivityId("A-9"),
            SalesActivityKind.Email,
            new RepId("r02"),
            T1,
            ActivityOutcomes.Delivered | ActivityOutcomes.Opened,
            new LeadId("L-1"),
            new OpportunityId("O-1"),
            "Outreach");

        Assert.Equal(new ActivityId("A-9"), activity.Id);
        Assert.Equal(SalesActivityKind.Email, activity.Kind);
        Assert.Equal(new RepId("r02"), activity.Owner);
        Assert.Equal(T1, activity.OccurredAt);
        Assert.Equal(ActivityOutcomes.Delivered | ActivityOutcomes.Opened, activity.Outcomes);
        Assert.Equal(new LeadId("L-1"), activity.Lead);
        Assert.Equal(new OpportunityId("O-1"), activity.Opportunity);
        Assert.Equal("Outreach", activity.Tool);
    }

    [Fact]
    public void Constructor_OptionalValuesOmitted_AreNoneAndNull()
    {
        var activity = new SalesActivity(new ActivityId("A-1"), SalesActivityKind.Call, new RepId("r01"), T0);

        Assert.Equal(ActivityOutcomes.None, activity.Outcomes);
        Assert.Null(activity.Lead);
        Assert.Null(activity.Opportunity);
        Assert.Null(activity.Tool);
    }

    [Fact]
    public void Constructor_EveryDefinedOutcome_IsAccepted() =>
        Assert.Equal(AllOutcomes, CreateActivity(outcomes: AllOutcomes).Outcomes);

    [Fact]
    public void Constructor_CustomKind_IsAccepted() =>
        Assert.Equal(new SalesActivityKind("linkedin-message"), CreateActivity(kind: new SalesActivityKind("LinkedIn-Message")).Kind);

    [Fact]
    public void Has_ChecksEveryRequestedFlag()
    {
        var activity = CreateActivity(kind: SalesActivityKind.Email, outcomes: ActivityOutcomes.Delivered | ActivityOutcomes.Replied);

        Assert.True(activity.Has(ActivityOutcomes.Delivered));
        Assert.True(activity.Has(ActivityOutcomes.Replied));
        Assert.True(activity.Has(ActivityOutcomes.Delivered | ActivityOutcomes.Replied));
        Assert.False(activity.Has(ActivityOutcomes.Opened));
        Assert.False(activity.Has(ActivityOutcomes.Delivered | ActivityOutcomes.Opened));
        Assert.True(activity.Has(ActivityOutcomes.None));
    }

    [Fact]
    public void WithOutcomes_ReturnsCopyAndLeavesOriginal()
    {
        var original = CreateActivity(outcomes: ActivityOutcomes.None, tool: "dialer");

        var connected = original.WithOutcomes(ActivityOutcomes.Connected);

        Assert.Equal(CreateActivity(outcomes: ActivityOutcomes.Connected, tool: "dialer"), connected);
        Assert.Equal(ActivityOutcomes.None, original.Outcomes);
    }

    [Fact]
    public void WithOutcomes_UndefinedFlags_ThrowsArgumentOutOfRangeException() =>
        Assert.Throws<ArgumentOutOfRangeException>("outcomes", () => CreateActivity().WithOutcomes((ActivityOutcomes)128));

    [Fact]
    public void Equality_IsComponentWise()
    {
        var lead = new LeadId("L-1");
        var opportunity = new OpportunityId("O-1");
        SalesActivity Sample(
            string id = "A-1",
            SalesActivityKind? kind = null,
            string owner = "r01",
            Instant? occurredAt = null,
            ActivityOutcomes outcomes = ActivityOutcomes.Connected,
            string tool = "dialer") =>
            CreateActivity(id, kind ?? SalesActivityKind.Call, owner, occurredAt ?? T0, outcomes, lead, opportunity, tool);

        EqualityAssert.EqualAndUnequal(
            Sample(),
            Sample(kind: new SalesActivityKind("CALL")),
            Sample(id: "A-2"),
            Sample(kind: SalesActivityKind.Meeting),
            Sample(owner: "r02"),
            Sample(occurredAt: T1),
            Sample(outcomes: ActivityOutcomes.None),
            Sample(outcomes: ActivityOutcomes.Connected | ActivityOutcomes.Positive),
            CreateActivity("A-1", SalesActivityKind.Call, "r01", T0, ActivityOutcomes.Connected, new LeadId("L-2"), opportunity, "dialer"),
            CreateActivity("A-1", SalesActivityKind.Call, "r01", T0, ActivityOutcomes.Connected, null, opportunity, "dialer"),
            CreateActivity("A-1", SalesActivityKind.Call, "r01", T0, ActivityOutcomes.Connected, lead, new OpportunityId("O-2"), "dialer"),
            CreateActivity("A-1", SalesActivityKind.Call, "r01", T0, ActivityOutcomes.Connected, lead, null, "dialer"),
            Sample(tool: "Dialer"),
            CreateActivity("A-1", SalesActivityKind.Call, "r01", T0, ActivityOutcomes.Connected, lead, opportunity, null));
    }

    [Theory]
    [MemberData(nameof(CultureScope.Names), MemberType = typeof(CultureScope))]
    public void ToString_AnyCurrentCulture_IsStable(string culture)
    {
        using (new CultureScope(culture))
        {
            Assert.Equal("SalesActivity A-1 (call by r01 at 2025-01-02T09:00:00Z)", CreateActivity().ToString());
            Assert.Equal(
                "SalesActivity A-2 (Meeting by r02 at 2025-01-02T10:00:00Z)",
                CreateActivity("A-2", new SalesActivityKind("Meeting"), "r02", T1, ActivityOutcomes.Connected).ToString());
        }
    }
}
