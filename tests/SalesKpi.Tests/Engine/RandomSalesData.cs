using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// Small random snapshots that reach the corners of the engine: owners off the roster and leads with no owner, custom
/// activity kinds in two spellings, every outcome combination, records just before, on and after period boundaries
/// (instants with sub-second parts, around daylight-saving changes), open, won and lost opportunities and every deal kind.
/// </summary>
public static class RandomSalesData
{
    // Three sources: trait codes (source × 4) that do not fill a power of two.
    private static readonly string[] Sources = ["web", "referral", "event"];
    private static readonly SalesActivityKind[] Kinds =
    [
        SalesActivityKind.Call, SalesActivityKind.Email, SalesActivityKind.Meeting, SalesActivityKind.CrmUpdate, SalesActivityKind.ToolUsage,
        new("demo"), new("Demo"),
    ];

    /// <summary>Gets a roster of five reps in two teams; reps r6 and r7 own records but are not on it.</summary>
    public static Roster Roster { get; } = new(
    [
        new Rep(new RepId("r1"), "Ayşe", new TeamId("north")),
        new Rep(new RepId("r2"), "Budi", new TeamId("north")),
        new Rep(new RepId("r3"), "Olga", new TeamId("south")),
        new Rep(new RepId("r4"), "Ken", new TeamId("south")),
        new Rep(new RepId("r5"), "Lea", new TeamId("south")),
    ]);

    /// <summary>
    /// Returns a snapshot of about <paramref name="size"/> activities and proportionally fewer other records, all in one
    /// currency unless <paramref name="mixedCurrencies"/>, owned by reps r1 to r<paramref name="reps"/>; with
    /// <paramref name="longCycles"/> opportunities are created up to 6,000 days before the window (cycles of over 4,096 days).
    /// </summary>
    public static SalesData Create(int seed, int size = 400, bool mixedCurrencies = false, int reps = 7, bool longCycles = false)
    {
        var random = new Random(seed);
        var start = Instant.FromUtc(2024, 12, 1, 0, 0);
        var days = 200;
        Instant At() => RandomInstant(random, start, days);
        RepId Rep() => new("r" + random.Next(1, reps + 1));
        Money Amount() => new(
            Math.Round((decimal)random.NextDouble() * 10_000m, random.Next(0, 3)),
            mixedCurrencies && random.Next(4) == 0 ? Currency.EUR : Currency.USD);

        var leads = new List<Lead>();
        for (var i = 0; i < size / 4; i++)
        {
            var created = At();
            leads.Add(new Lead(
                new LeadId("l" + i),
                created,
                Sources[random.Next(Sources.Length)],
                random.Next(6) == 0 ? null : Rep(),
                random.Next(2) == 0 ? created.Plus(Duration.FromHours(random.Next(0, 24 * 40))) : null,
                random.Next(3) == 0 ? created.Plus(Duration.FromHours(random.Next(0, 24 * 60))) : null));
        }

        var opportunities = new List<Opportunity>();
        for (var i = 0; i < size / 8; i++)
        {
            var created = At();
            var closedFrom = created;
            if (longCycles)
            {
                created = created.Minus(Duration.FromDays(random.Next(6_000)));
            }

            var status = (OpportunityStatus)random.Next(3);
            opportunities.Add(new Opportunity(
                new OpportunityId("o" + i),
                new AccountId("a" + random.Next(20)),
                Rep(),
                created,
                Amount(),
                status,
                status == OpportunityStatus.Open ? null : closedFrom.Plus(Duration.FromMinutes(random.Next(0, 60 * 24 * 90))),
                random.Next(2) == 0 ? new LeadId("l" + random.Next(Math.Max(1, size / 4))) : null));
        }

        var deals = new List<Deal>();
        for (var i = 0; i < size / 10; i++)
        {
            deals.Add(new Deal(
                new DealId("d" + i),
                new AccountId("a" + random.Next(20)),
                Rep(),
                At(),
                Amount(),
                (DealKind)random.Next(4),
                random.Next(2) == 0 ? new OpportunityId("o" + random.Next(Math.Max(1, size / 8))) : null));
        }

        var activities = new List<SalesActivity>();
        for (var i = 0; i < size; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            activities.Add(new SalesActivity(
                new ActivityId("x" + i),
                kind,
                Rep(),
                At(),
                (ActivityOutcomes)random.Next(32),
                random.Next(3) == 0 ? new LeadId("l" + random.Next(Math.Max(1, size / 4))) : null,
                tool: kind == SalesActivityKind.ToolUsage && random.Next(2) == 0 ? "dialer" : null));
        }

        var spend = Sources.Select((s, i) => new MarketingSpend(
            s,
            new DateInterval(new LocalDate(2025, 1, 1).PlusDays(i * 7), new LocalDate(2025, 2, 15).PlusDays(i * 7)),
            new Money(1_000m * (i + 1), Currency.USD))).ToList();

        return SalesData.Create(leads, opportunities, deals, activities, spend, Roster);
    }

    /// <summary>
    /// Returns a copy with dimensions on about half of each kind of record (<c>product</c>, <c>office</c>, a value spelt
    /// <c>(none)</c> among them), an <c>office</c> on reps r1 to r4 (r5 has none, r6 and r7 are off the roster) and a
    /// <c>sector</c> (and sometimes an <c>office</c>) on accounts a0 to a14 (a15 to a19 have no account record), so that
    /// every step of the resolution rule — own, account, rep, none — is taken.
    /// </summary>
    public static SalesData WithDimensions(SalesData data, int seed)
    {
        var random = new Random(seed);
        string[] products = ["GTX Pro", "GTX Basic", "MG Special", "(none)"];
        string[] offices = ["West", "East", "Central"];
        Dimensions Some()
        {
            var d = Dimensions.Empty;
            if (random.Next(2) == 0)
            {
                d = d.With(random.Next(5) == 0 ? "Product" : "product", products[random.Next(products.Length)]);
            }

            if (random.Next(4) == 0)
            {
                d = d.With("office", offices[random.Next(offices.Length)]);
            }

            return d;
        }

        var roster = new Roster(data.Roster.Reps.Select((r, i) => i < 4 ? r.WithDimensions(Dimensions.Of("office", offices[i % offices.Length])) : r));
        var accounts = Enumerable.Range(0, 15).Select(i =>
        {
            var d = Dimensions.Of("sector", i % 3 == 0 ? "Retail" : i % 3 == 1 ? "Medical" : "Software");
            return new Account(new AccountId("a" + i), i % 4 == 0 ? d.With("office", "Account office") : d);
        });
        return SalesData.Create(
            data.Leads.Select(l => l.WithDimensions(Some())),
            data.Opportunities.Select(o => o.WithDimensions(Some())),
            data.Deals.Select(d => d.WithDimensions(Some())),
            data.Activities.Select(a => a.WithDimensions(Some())),
            data.Spend.Select((s, i) => i == 0 ? s.WithDimensions(Dimensions.Of("office", "West")) : s),
            roster,
            accounts);
    }

    private static Instant RandomInstant(Random random, Instant start, int days)
    {
        // A third of the instants sit on, or within a minute of, a local midnight somewhere (UTC−5 to UTC+11, quarter
        // hours for Kathmandu's +5:45), to hit the period boundaries exactly and by a nanosecond either way.
        var day = start.Plus(Duration.FromDays(random.Next(days)));
        if (random.Next(3) == 0)
        {
            var hour = new[] { 0, 21, 22, 5, 4, 13, 18 }[random.Next(7)];
            var nanoseconds = random.Next(4) switch
            {
                0 => 0,
                1 => random.Next(2) == 0 ? -1 : 1,
                2 => random.Next(2) == 0 ? -100 : 100,
                _ => random.NextInt64(-60_000_000_000, 60_000_000_000),
            };
            return day.Plus(Duration.FromHours(hour)).Plus(Duration.FromMinutes(new[] { 0, 0, 0, 15, 30, 45 }[random.Next(6)])).Plus(Duration.FromNanoseconds(nanoseconds));
        }

        return day.Plus(Duration.FromNanoseconds(random.NextInt64(0, 86_400_000_000_000)));
    }
}
