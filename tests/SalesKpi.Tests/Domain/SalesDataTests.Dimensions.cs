using SalesKpi.Activities;
using SalesKpi.Leads;
using SalesKpi.Reps;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

/// <summary>
/// The one resolution rule: a record's own value, else (an opportunity or a deal) its account's, else its owner rep's,
/// else none; and the accounts a snapshot holds.
/// </summary>
public sealed class SalesDataDimensionsTests
{
    // r01 is in the West office; r02 has no office; account acme is in Retail and (oddly) has an office of its own.
    private static readonly SalesData Data = SalesData.Create(
        roster: new Roster([
            CreateRep("r01").WithDimensions(Dimensions.Of("office", "West").With("segment", "SMB")),
            CreateRep("r02", "Ivan Petrov", "team-west"),
        ]),
        accounts: [new Account(new AccountId("acme"), Dimensions.Of("sector", "Retail").With("office", "Acme HQ"))]);

    [Fact]
    public void DimensionOf_Opportunity_OwnThenAccountThenRep()
    {
        var own = CreateOpportunity().WithDimensions(Dimensions.Of("office", "East"));
        var plain = CreateOpportunity();
        var elsewhere = CreateOpportunity(account: "globex");

        Assert.Equal("East", Data.DimensionOf(own, "office"));
        Assert.Equal("Acme HQ", Data.DimensionOf(plain, "office"));
        Assert.Equal("West", Data.DimensionOf(elsewhere, "office"));
        Assert.Equal("Retail", Data.DimensionOf(plain, "SECTOR"));
        Assert.Equal("SMB", Data.DimensionOf(plain, "segment"));
        Assert.Null(Data.DimensionOf(elsewhere, "sector"));
        Assert.Null(Data.DimensionOf(CreateOpportunity(owner: "r02", account: "globex"), "office"));
    }

    [Fact]
    public void DimensionOf_Deal_OwnThenAccountThenRep()
    {
        Assert.Equal("East", Data.DimensionOf(CreateDeal().WithDimensions(Dimensions.Of("office", "East")), "office"));
        Assert.Equal("Acme HQ", Data.DimensionOf(CreateDeal(), "office"));
        Assert.Equal("West", Data.DimensionOf(CreateDeal(account: "globex"), "office"));
        Assert.Null(Data.DimensionOf(CreateDeal(owner: "r09", account: "globex"), "office"));
    }

    [Fact]
    public void DimensionOf_LeadAndActivity_OwnThenRep()
    {
        Assert.Equal("East", Data.DimensionOf(CreateLead(owner: new RepId("r01")).WithDimensions(Dimensions.Of("office", "East")), "office"));
        Assert.Equal("West", Data.DimensionOf(CreateLead(owner: new RepId("r01")), "office"));
        Assert.Null(Data.DimensionOf(CreateLead(), "office"));
        Assert.Equal("West", Data.DimensionOf(CreateActivity(), "office"));
        Assert.Equal("North", Data.DimensionOf(CreateActivity().WithDimensions(Dimensions.Of("office", "North")), "office"));
        Assert.Null(Data.DimensionOf(CreateActivity(owner: "r02"), "office"));
    }

    [Fact]
    public void DimensionOf_Spend_OnlyItsOwn()
    {
        Assert.Equal("West", Data.DimensionOf(CreateSpend().WithDimensions(Dimensions.Of("office", "West")), "office"));
        Assert.Null(Data.DimensionOf(CreateSpend(), "office"));
    }

    [Fact]
    public void DimensionOf_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("lead", () => Data.DimensionOf((Lead)null!, "office"));
        Assert.Throws<ArgumentNullException>("name", () => Data.DimensionOf(CreateActivity(), null!));
    }

    [Fact]
    public void Accounts_AreKeptLookedUpCountedAndCompared()
    {
        var acme = new Account(new AccountId("acme"), Dimensions.Of("sector", "Retail"));
        var data = SalesData.Empty.WithAccounts([acme, new Account(new AccountId("acme"))]);

        Assert.Equal(2, data.Accounts.Length);
        Assert.True(data.TryGetAccount(new AccountId("acme"), out var found));
        Assert.Same(acme, found);
        Assert.False(data.TryGetAccount(new AccountId("globex"), out _));
        Assert.Equal(2, data.Counts.Accounts);
        Assert.NotEqual(SalesData.Empty, data);
        Assert.Equal(SalesData.Create(accounts: [acme, new Account(new AccountId("acme"))]), data);
        Assert.Equal(data.Accounts, data.WithLeads([CreateLead()]).WithRoster(CreateRoster()).Accounts);
        Assert.Equal("SalesData (0 leads, 0 opportunities, 0 deals, 0 activities, 0 spend, 0 reps, 2 accounts)", data.ToString());
        Assert.Equal("0 leads, 0 opportunities (0 stage changes), 0 deals, 0 activities, 0 spend, 0 reps, 2 accounts", data.Counts.ToString());
        Assert.Throws<ArgumentException>("accounts", () => SalesData.Create(accounts: [null!]));
    }

    [Fact]
    public async Task CreateAsync_ReadsTheAccounts()
    {
        var data = await SalesData.CreateAsync(accounts: Stream(new Account(new AccountId("acme"))));

        Assert.Equal(new Account(new AccountId("acme")), Assert.Single(data.Accounts));
    }

    [Fact]
    public void Builder_DimensionsRoundTrip_MaterializedRecordsEqualTheAddedOnes()
    {
        var west = Dimensions.Of("office", "West");
        var leads = new[]
        {
            CreateLead("L-1"),
            CreateLead("L-2").WithDimensions(west.With("product", "GTX Pro")),
            CreateLead("L-3").WithDimensions(Dimensions.Of("Product", "GTX Basic")),
            CreateLead("L-4"),
        };
        var activities = new[]
        {
            CreateActivity("A-1").WithDimensions(Dimensions.Of("channel", "phone")),
            CreateActivity("A-2"),
            CreateActivity("A-3").WithDimensions(west),
        };
        var builder = new SalesDataBuilder();
        builder.Add(leads[0]).Add(leads[1]);
        builder.AddLead(new LeadId("L-3"), T0, "web", dimensions: leads[2].Dimensions).AddLead(new LeadId("L-4"), T0, "web");
        builder.Add(activities[0]).AddActivity(new ActivityId("A-2"), SalesActivityKind.Call, new RepId("r01"), T0);
        builder.AddActivity(new ActivityId("A-3"), SalesActivityKind.Call, new RepId("r01"), T0, dimensions: west);
        builder.Add(new Account(new AccountId("acme"), Dimensions.Of("sector", "Retail")));
        Assert.Equal(1, builder.Counts.Accounts);

        var built = builder.Build();

        Assert.Equal(leads, built.Leads);
        Assert.Equal(activities, built.Activities);
        Assert.Equal(SalesData.Create(leads, activities: activities, accounts: [new Account(new AccountId("acme"), Dimensions.Of("sector", "Retail"))]), built);

        // The table keeps one column per name, spelt as it first appeared: L-2 wrote "product" before L-3 wrote
        // "Product", so L-3 comes back as "product" (equal, since names ignore case).
        Assert.Equal(["office", "product"], built.Leads[1].Dimensions.Keys);
        Assert.Equal(["product"], built.Leads[2].Dimensions.Keys);
    }

    private static async IAsyncEnumerable<Account> Stream(params Account[] accounts)
    {
        foreach (var account in accounts)
        {
            await Task.Yield();
            yield return account;
        }
    }
}
