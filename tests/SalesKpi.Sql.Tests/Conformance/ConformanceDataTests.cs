using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Opportunities;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>The conformance data sets hold what they are meant to test: DST edges, local midnights, every status, kind and outcome, ownerless leads, several reps, teams and sources.</summary>
public sealed class ConformanceDataTests
{
    public static TheoryData<string, string> Generated => new()
    {
        { "generated_spring", ConformanceDataSets.NewYork },
        { "generated_autumn", ConformanceDataSets.Berlin },
        { "generated_mixed", ConformanceDataSets.Berlin },
        { "generated_santiago", ConformanceDataSets.Santiago },
    };

    [Theory]
    [MemberData(nameof(Generated))]
    public void Generated_HasRecordsInTheHourAroundEachDstChangeAndAtLocalMidnights(string name, string zoneId)
    {
        var set = ConformanceDataSets.Get(name);
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var window = new Interval(zone.AtStartOfDay(set.Range.Start).ToInstant(), zone.AtStartOfDay(set.Range.End.PlusDays(1)).ToInstant());
        var transitions = zone.GetZoneIntervals(window).Where(z => z.HasStart && window.Contains(z.Start)).Select(z => z.Start).ToList();
        var instants = Instants(set.Data).ToList();

        Assert.Single(transitions); // One change of the zone's offset in each range.
        Assert.Contains(instants, i => i >= transitions[0] - Duration.FromHours(1) && i < transitions[0]);
        Assert.Contains(instants, i => i >= transitions[0] && i <= transitions[0] + Duration.FromHours(1));

        // At the local midnight of a period's first day (a month's, a week's), and a moment before it.
        var starts = Enumerable.Range(0, set.Range.Length)
            .Select(set.Range.Start.PlusDays)
            .Where(d => d.Day == 1 || d.DayOfWeek == set.FirstDayOfWeek)
            .Select(d => zone.AtStartOfDay(d).ToInstant())
            .ToHashSet();
        Assert.Contains(instants, starts.Contains);
        Assert.Contains(instants, i => starts.Contains(i + Duration.FromTicks(10)));
        Assert.Contains(instants, i => starts.Contains(i + Duration.FromSeconds(1)));
    }

    [Theory]
    [MemberData(nameof(Generated))]
    public void Generated_HasEveryStatusKindAndOutcomeAndLeadsWithoutOwner(string name, string zoneId)
    {
        _ = zoneId;
        var data = ConformanceDataSets.Get(name).Data;

        Assert.Equal(Enum.GetValues<OpportunityStatus>(), data.Opportunities.Select(o => o.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<DealKind>(), data.Deals.Select(d => d.Kind).Distinct().Order());
        Assert.Equal(
            ActivityOutcomes.Connected | ActivityOutcomes.Delivered | ActivityOutcomes.Opened | ActivityOutcomes.Replied | ActivityOutcomes.Positive | ActivityOutcomes.NextAppointmentSet,
            data.Activities.Aggregate(ActivityOutcomes.None, (all, a) => all | a.Outcomes));
        Assert.Contains(data.Activities, a => a.Kind == new SalesActivityKind("demo"));
        Assert.Contains(data.Leads, l => l.Owner is null);
        Assert.Equal(["event", "referral", "web"], data.Leads.Select(l => l.Source).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(4, data.Opportunities.Select(o => o.Owner).Distinct().Count()); // r4 is in no team.
        Assert.Equal(2, data.Roster.Reps.Select(r => r.Team).Distinct().Count());
        Assert.Contains(data.Opportunities, o => o.StageHistory.Length > 0);
        Assert.All(Instants(data), i => Assert.Equal(0, i.ToUnixTimeTicks() % 10));
        Assert.True(data.Leads.Length >= 110 && data.Opportunities.Length >= 110 && data.Deals.Length >= 70 && data.Activities.Length >= 260 && data.Spend.Length >= 2, data.ToString());
    }

    [Fact]
    public void GeneratedMixed_HasAmountsInEurOnDaysWithAndWithoutARate()
    {
        var set = ConformanceDataSets.Get("generated_mixed");
        var eur = set.Data.Deals.Where(d => d.Value.Currency == Currency.EUR).Select(d => set.Settings(ConformanceDataSets.Berlin).LocalDateOf(d.ClosedAt)).ToList();

        Assert.True(set.MixedCurrencies);
        Assert.Contains(eur, d => d.Day == 13); // PropertyExchangeRates has no rate on the 13th: unpriced.
        Assert.Contains(eur, d => d.Day != 13);
    }

    [Fact]
    public void Reference_IsTheBenchmarksDataAtAThousandOpportunities()
    {
        var data = ConformanceDataSets.Get("reference").Data;

        // ReferenceData: N opportunities, 2N leads, 10N activities, N/5 deals; 50 reps in 5 teams; 5 sources × 14 months of spend.
        Assert.Equal((2_000, 1_000, 200, 10_000, 70), (data.Leads.Length, data.Opportunities.Length, data.Deals.Length, data.Activities.Length, data.Spend.Length));
        Assert.Equal(5, data.Roster.Reps.Select(r => r.Team).Distinct().Count());
        Assert.Contains(data.Leads, l => l.Owner is null);
    }

    [Fact]
    public void ToMicroseconds_RoundsDownToTheMicrosecond_KeepingAnInstantBeforeMidnightBeforeIt()
    {
        var midnight = Instant.FromUtc(2025, 3, 1, 0, 0);
        var lead = new Lead(new LeadId("L1"), midnight - Duration.Epsilon, "web", qualifiedAt: midnight + Duration.FromNanoseconds(1_999));

        var rounded = ConformanceDataSets.ToMicroseconds(SalesData.Create(leads: [lead])).Leads.Single();

        Assert.Equal(midnight - Duration.FromNanoseconds(1_000), rounded.CreatedAt);
        Assert.Equal(midnight + Duration.FromNanoseconds(1_000), rounded.QualifiedAt);
        Assert.Null(rounded.ConvertedAt);
    }

    private static IEnumerable<Instant> Instants(SalesData data) =>
        data.Leads.SelectMany(l => new[] { l.CreatedAt, l.QualifiedAt, l.ConvertedAt })
            .Concat(data.Opportunities.SelectMany(o => new[] { o.CreatedAt, o.ClosedAt }.Concat(o.StageHistory.Select(s => (Instant?)s.EnteredAt))))
            .Concat(data.Deals.Select(d => (Instant?)d.ClosedAt))
            .Concat(data.Activities.Select(a => (Instant?)a.OccurredAt))
            .OfType<Instant>();
}
