using System.Collections.Immutable;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reps;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// The columns the fast engine scans (white-box): what they record about a collection, where their codes run out (the
/// collection then goes to the general engine), and amounts as whole units that convert back to the exact decimal.
/// The engine falls back to slower exact paths at each limit, so a wrong limit would not change a report: these tests
/// pin the limits themselves.
/// </summary>
public sealed class SnapshotColumnsTests
{
    [Fact]
    public void OpportunityColumns_RecordTheEarliestAndLatestTimestampsAndTheLongestCycle()
    {
        // Open since T0; closed after T3 - T0 = 7 days; created at T1 and closed at T2 = 23 hours.
        var columns = OpportunityColumns.Build(
        [
            CreateOpportunity(id: "O-1"),
            CreateOpportunity(id: "O-2", status: OpportunityStatus.Won, closedAt: T3),
            CreateOpportunity(id: "O-3", createdAt: T1, status: OpportunityStatus.Lost, closedAt: T2),
        ]);

        Assert.Equal(T0.ToUnixTimeTicks(), columns.MinTicks);
        Assert.Equal(T3.ToUnixTimeTicks(), columns.MaxTicks);
        Assert.Equal(Duration.FromDays(7).BclCompatibleTicks, columns.MaxCycleTicks);
        Assert.Equal([T0.ToUnixTimeTicks(), T0.ToUnixTimeTicks(), T1.ToUnixTimeTicks()], columns.CreatedAt);
        Assert.Equal([SnapshotColumns.NoTicks, T3.ToUnixTimeTicks(), T2.ToUnixTimeTicks()], columns.ClosedAt);
    }

    [Fact]
    public void LeadColumns_SourcesEqualButNotTheSameString_ShareOneCode()
    {
        // "web" built three times (three string instances), "ads" in between: two sources, two bits of traits each
        // (qualified, converted) -> 2 << 2 = 8 trait codes -> 3 trait bits.
        var columns = LeadColumns.Build(
        [
            CreateLead(id: "L-1", source: new string("web")),
            CreateLead(id: "L-2", source: "ads", qualifiedAt: T1),
            CreateLead(id: "L-3", source: new string("web"), qualifiedAt: T1, convertedAt: T2),
        ]);

        Assert.Equal(["web", "ads"], columns.Sources);
        Assert.Equal(8, columns.TraitCodes);
        Assert.Equal(3, columns.TraitBits);

        // No owner (code 0); trait = source code << 2 | qualified << 1 | converted.
        Assert.Equal([(0u << 2) | 0u, (1u << 2) | 2u, (0u << 2) | 3u], columns.Keys);
    }

    [Fact]
    public void Columns_AsManyOwnersAsAKeyHolds_AreUsable_OneMoreAreNot()
    {
        // Owner code 0 is "no owner": 65,535 reps get codes 1..65,535; the 65,536th does not fit.
        Assert.True(DealColumns.Build(Deals(SnapshotColumns.MaxOwners)).Usable);
        Assert.False(DealColumns.Build(Deals(SnapshotColumns.MaxOwners + 1)).Usable);
        Assert.True(OpportunityColumns.Build(Opportunities(SnapshotColumns.MaxOwners)).Usable);
        Assert.False(OpportunityColumns.Build(Opportunities(SnapshotColumns.MaxOwners + 1)).Usable);
        Assert.True(LeadColumns.Build(Leads(SnapshotColumns.MaxOwners, sources: 1)).Usable);
        Assert.False(LeadColumns.Build(Leads(SnapshotColumns.MaxOwners + 1, sources: 1)).Usable);
    }

    [Fact]
    public void LeadColumns_AsManySourcesAsAKeyHolds_AreUsable_OneMoreAreNot()
    {
        // 14 bits of source code: 16,384 sources fit (codes 0..16,383), 16,385 do not.
        Assert.True(LeadColumns.Build(Leads(1, sources: 1 << 14)).Usable);
        Assert.False(LeadColumns.Build(Leads(1, sources: (1 << 14) + 1)).Usable);
    }

    [Fact]
    public void ActivityColumns_KindsAndOwnersEqualButNotTheSameString_ShareOneCode()
    {
        // Kinds compare ignoring case and keep the first spelling: "call", "email", "CALL" -> 2 kinds -> 2 << 6 = 128
        // trait codes (six outcome flags) -> 7 trait bits. Owners r01 (twice, as different string instances) and r02 -> codes 1 and 2.
        var columns = ActivityColumns.Build(
        [
            CreateActivity(id: "A-1", owner: new string("r01")),
            CreateActivity(id: "A-2", kind: SalesActivityKind.Email, owner: "r02"),
            CreateActivity(id: "A-3", kind: new SalesActivityKind(new string("CALL")), owner: new string("r01"), outcomes: ActivityOutcomes.Connected),
        ]);

        Assert.Equal([SalesActivityKind.Call, SalesActivityKind.Email], columns.Kinds);
        Assert.Equal("call", columns.Kinds[0].Name);
        Assert.Equal([null, new RepId("r01"), new RepId("r02")], columns.Owners);
        Assert.Equal(128, columns.TraitCodes);
        Assert.Equal(7, columns.TraitBits);

        // key = owner << 7 | kind << 6 | outcomes (Connected = 1).
        Assert.Equal([(1u << 7) | (0u << 6), (2u << 7) | (1u << 6), (1u << 7) | (0u << 6) | 1u], columns.Keys);
    }

    [Fact]
    public void ActivityColumns_AsManyOwnersAndKindsAsAKeyHolds_AreUsable_OneMoreAreNot()
    {
        // 65,535 owners (codes 1..65,535) and 1,024 kinds (10 bits, codes 0..1,023; six bits hold the outcomes) fit; one more of either does not.
        Assert.True(ActivityColumns.Build(Activities(SnapshotColumns.MaxOwners, kinds: 1)).Usable);
        Assert.False(ActivityColumns.Build(Activities(SnapshotColumns.MaxOwners + 1, kinds: 1)).Usable);
        Assert.True(ActivityColumns.Build(Activities(1, kinds: 1 << 10)).Usable);
        Assert.False(ActivityColumns.Build(Activities(1, kinds: (1 << 10) + 1)).Usable);
    }

    [Theory]
    [InlineData(0, 0, 0)] // no lead, no trait code
    [InlineData(1, 4, 2)] // 1 source × 4 -> codes 0..3 -> 2 bits
    [InlineData(2, 8, 3)] // codes 0..7 -> 3 bits
    [InlineData(3, 12, 4)] // codes 0..11 -> 4 bits
    [InlineData(5, 20, 5)] // codes 0..19 -> 5 bits
    public void Columns_TraitBits_AreTheBitsOfTheLargestTraitCode(int sources, int codes, int bits)
    {
        var columns = LeadColumns.Build(sources == 0 ? [] : Leads(1, sources));
        Assert.Equal(codes, columns.TraitCodes);
        Assert.Equal(bits, columns.TraitBits);
        Assert.Equal((1u << bits) - 1, columns.TraitMask);
    }

    [Theory]
    [InlineData(-12_345, "-123.45")]
    [InlineData(0, "0.00")]
    [InlineData(5_000_000_000, "50000000.00")] // above 2^32 units: the high word matters
    [InlineData(-5_000_000_000, "-50000000.00")]
    public void AmountColumn_FromUnits_IsTheDecimalWithTheColumnsScale(long units, string expected)
    {
        var builder = new AmountColumn.Builder(1);
        builder.Add(Usd(1.00m));
        var column = builder.Build();

        Assert.Equal(2, column.Scale);
        Assert.Equal(expected, column.FromUnits(units).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AmountColumn_Units_OnlyForOneScaleOf18PlacesAtMost()
    {
        Assert.Equal(new[] { 1L }, Column(Usd(0.000000000000000001m)).Units); // 18 places: 1 unit of 10^-18
        Assert.Null(Column(Usd(0.0000000000000000001m)).Units); // 19 places
        Assert.Null(Column(Usd(1.5m), Usd(2.25m)).Units); // one and two places
        Assert.Equal(new[] { 150L, 225L }, Column(Usd(1.50m), Usd(2.25m)).Units);
    }

    [Fact]
    public void AmountColumn_Units_OnlyWhenTheirSumCannotOverflowALong()
    {
        // One amount of long.MaxValue whole dollars sums to itself; one more dollar, or two amounts of half of it
        // rounded up, could overflow the sum.
        const long Max = long.MaxValue;
        Assert.Equal(new[] { Max }, Column(Usd(Max)).Units);
        Assert.Null(Column(Usd(Max + 1m)).Units);
        Assert.Equal(new[] { Max / 2, Max / 2 }, Column(Usd(Max / 2), Usd(Max / 2)).Units); // 2 × 4,611,686,018,427,387,903 <= long.MaxValue
        Assert.Null(Column(Usd((Max / 2) + 1), Usd(1m)).Units);
    }

    private static AmountColumn Column(params Money[] amounts)
    {
        var builder = new AmountColumn.Builder(amounts.Length);
        foreach (var amount in amounts)
        {
            builder.Add(amount);
        }

        return builder.Build();
    }

    private static ImmutableArray<Deal> Deals(int owners) =>
        [.. Enumerable.Range(0, owners).Select(i => CreateDeal(id: $"D-{i}", owner: $"r{i}"))];

    private static ImmutableArray<Opportunity> Opportunities(int owners) =>
        [.. Enumerable.Range(0, owners).Select(i => CreateOpportunity(id: $"O-{i}", owner: $"r{i}"))];

    private static ImmutableArray<SalesActivity> Activities(int owners, int kinds) =>
        [.. Enumerable.Range(0, Math.Max(owners, kinds)).Select(i => CreateActivity(id: $"A-{i}", kind: new SalesActivityKind($"k{i % kinds}"), owner: $"r{i % owners}"))];

    private static ImmutableArray<Lead> Leads(int owners, int sources) =>
        [.. Enumerable.Range(0, Math.Max(owners, sources)).Select(i => CreateLead(id: $"L-{i}", source: $"s{i % sources}", owner: new RepId($"r{i % owners}")))];
}
