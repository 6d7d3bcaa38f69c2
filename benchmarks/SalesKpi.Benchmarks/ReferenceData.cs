using System.Collections.Immutable;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The reference work's data, generated deterministically from a fixed seed: 50 reps in 5 teams and, for a scale of N
/// opportunities, 2N leads, 10N activities and 0.2N deals, spread over 2025 with a margin before and after, plus monthly
/// marketing spend per source. Timestamps are whole seconds, amounts whole cents (what DuckDB's TIMESTAMPTZ and
/// DECIMAL(18,2) hold exactly).
/// </summary>
public static class ReferenceData
{
    /// <summary>The seed of every generated data set.</summary>
    public const int Seed = 20250101;

    /// <summary>The number of reps.</summary>
    public const int RepCount = 50;

    /// <summary>The lead sources (and marketing channels).</summary>
    public static readonly ImmutableArray<string> Sources = ["web", "referral", "event", "paid-search", "partner"];

    /// <summary>Gets the reported year, 2025.</summary>
    public static DateInterval Year { get; } = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));

    /// <summary>Returns the data set for a number of opportunities.</summary>
    /// <param name="opportunities">The scale: the number of opportunities.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The snapshot.</returns>
    public static SalesData Generate(int opportunities, int seed = Seed)
    {
        var random = new Random(seed);
        var reps = Enumerable.Range(1, RepCount)
            .Select(i => new Rep(new RepId($"rep-{i:D2}"), $"Rep {i}", new TeamId($"team-{1 + ((i - 1) / 10)}")))
            .ToImmutableArray();
        var roster = new Roster(reps);
        var owners = reps.Select(r => r.Id).ToArray();

        // From 1 December 2024 to 15 January 2026: a margin on both sides of the reported year.
        var start = Instant.FromUtc(2024, 12, 1, 0, 0);
        var seconds = (long)(Instant.FromUtc(2026, 1, 15, 0, 0) - start).TotalSeconds;
        Instant At() => start.Plus(Duration.FromSeconds(random.NextInt64(seconds)));
        Instant After(Instant instant, int maxDays) => instant.Plus(Duration.FromSeconds(random.NextInt64(1, maxDays * 86_400L)));
        Money Amount(int min, int max) => new(random.Next(min * 100, max * 100) / 100m, Currency.USD);

        var leads = ImmutableArray.CreateBuilder<Lead>(2 * opportunities);
        for (var i = 0; i < 2 * opportunities; i++)
        {
            var created = At();
            var qualified = random.Next(100) < 40 ? After(created, 20) : (Instant?)null;
            var converted = random.Next(100) < 20 ? After(qualified ?? created, 30) : (Instant?)null;
            leads.Add(new Lead(
                new LeadId($"L{i}"),
                created,
                Sources[random.Next(Sources.Length)],
                random.Next(100) < 90 ? owners[random.Next(RepCount)] : null,
                qualified,
                converted));
        }

        var opportunityList = ImmutableArray.CreateBuilder<Opportunity>(opportunities);
        for (var i = 0; i < opportunities; i++)
        {
            var created = At();
            var roll = random.Next(100);
            var status = roll < 30 ? OpportunityStatus.Open : roll < 60 ? OpportunityStatus.Won : OpportunityStatus.Lost;
            opportunityList.Add(new Opportunity(
                new OpportunityId($"O{i}"),
                new AccountId($"A{random.Next(opportunities / 4 + 1)}"),
                owners[random.Next(RepCount)],
                created,
                Amount(1_000, 50_000),
                status,
                status == OpportunityStatus.Open ? null : After(created, 180)));
        }

        var deals = ImmutableArray.CreateBuilder<Deal>(opportunities / 5);
        for (var i = 0; i < opportunities / 5; i++)
        {
            var roll = random.Next(100);
            var kind = roll < 60 ? DealKind.NewBusiness : roll < 80 ? DealKind.AddOn : roll < 95 ? DealKind.Renewal : DealKind.WinBack;
            deals.Add(new Deal(
                new DealId($"D{i}"),
                new AccountId($"A{random.Next(opportunities / 4 + 1)}"),
                owners[random.Next(RepCount)],
                At(),
                Amount(1_000, 50_000),
                kind));
        }

        var activities = ImmutableArray.CreateBuilder<SalesActivity>(10 * opportunities);
        for (var i = 0; i < 10 * opportunities; i++)
        {
            var roll = random.Next(100);
            var kind = roll < 40 ? SalesActivityKind.Call : roll < 70 ? SalesActivityKind.Email : roll < 80 ? SalesActivityKind.Meeting
                : roll < 95 ? SalesActivityKind.CrmUpdate : SalesActivityKind.ToolUsage;
            activities.Add(new SalesActivity(new ActivityId($"X{i}"), kind, owners[random.Next(RepCount)], At(), Outcomes(random, kind)));
        }

        var spend = new List<MarketingSpend>();
        for (var month = new LocalDate(2024, 12, 1); month < new LocalDate(2026, 2, 1); month = month.PlusMonths(1))
        {
            foreach (var source in Sources)
            {
                spend.Add(new MarketingSpend(source, new DateInterval(month, month.PlusMonths(1).PlusDays(-1)), Amount(2_000, 20_000)));
            }
        }

        return SalesData.Create(
            leads.MoveToImmutable(), opportunityList.MoveToImmutable(), deals.MoveToImmutable(), activities.MoveToImmutable(), spend, roster);
    }

    private static ActivityOutcomes Outcomes(Random random, SalesActivityKind kind)
    {
        if (kind == SalesActivityKind.Call)
        {
            return random.Next(100) < 30 ? ActivityOutcomes.Connected : ActivityOutcomes.None;
        }

        if (kind == SalesActivityKind.Meeting)
        {
            return random.Next(100) < 80 ? ActivityOutcomes.Connected : ActivityOutcomes.None;
        }

        if (kind != SalesActivityKind.Email)
        {
            return ActivityOutcomes.None;
        }

        var outcomes = random.Next(100) < 95 ? ActivityOutcomes.Delivered : ActivityOutcomes.None;
        if (outcomes != ActivityOutcomes.None && random.Next(100) < 40)
        {
            outcomes |= ActivityOutcomes.Opened;
            if (random.Next(100) < 25)
            {
                outcomes |= ActivityOutcomes.Replied;
                if (random.Next(100) < 30)
                {
                    outcomes |= ActivityOutcomes.Positive;
                }
            }
        }

        return outcomes;
    }
}
