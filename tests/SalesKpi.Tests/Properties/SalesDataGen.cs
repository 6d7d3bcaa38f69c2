using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Tests.Properties;

/// <summary>
/// One generated case of a property: a whole <see cref="SalesData"/> set and how to report on it (zone, range, period
/// unit, first day of the week, grouping), plus a seed for the shuffles and partitions a law needs.
/// </summary>
public sealed class Scenario
{
    public Scenario(
        SalesData data, DateTimeZone zone, IsoDayOfWeek firstDayOfWeek, DateInterval range, PeriodUnit per, KpiGrouping grouping, int seed,
        bool mixedCurrencies = false, int fiscalYearStartMonth = 1)
    {
        MixedCurrencies = mixedCurrencies;
        FiscalYearStartMonth = fiscalYearStartMonth;
        Data = data;
        Zone = zone;
        FirstDayOfWeek = firstDayOfWeek;
        Range = range;
        Per = per;
        Grouping = grouping;
        Seed = seed;
    }

    public SalesData Data { get; }

    public DateTimeZone Zone { get; }

    public IsoDayOfWeek FirstDayOfWeek { get; }

    public DateInterval Range { get; }

    public PeriodUnit Per { get; }

    public KpiGrouping Grouping { get; }

    /// <summary>Gets the seed of the shuffles and partitions made from this case, so that a replayed case is the same case.</summary>
    public int Seed { get; }

    /// <summary>Gets a value indicating whether amounts are in USD and EUR, reported in USD at <see cref="PropertyExchangeRates"/>
    /// (some dates have no rate, so some amounts are unpriced); otherwise every amount is in USD.</summary>
    public bool MixedCurrencies { get; }

    /// <summary>Gets the month the fiscal year starts in.</summary>
    public int FiscalYearStartMonth { get; }

    public KpiSettings Settings
    {
        get
        {
            var settings = KpiSettings.Default.WithZone(Zone).WithFirstDayOfWeek(FirstDayOfWeek).WithFiscalYearStartMonth(FiscalYearStartMonth);
            return MixedCurrencies ? settings.WithReportingCurrency(Currency.USD, PropertyExchangeRates.Instance) : settings;
        }
    }

    public Scenario WithData(SalesData data) => new(data, Zone, FirstDayOfWeek, Range, Per, Grouping, Seed, MixedCurrencies, FiscalYearStartMonth);

    public KpiQuery Query(IEnumerable<KpiCalculator> kpis, KpiGrouping? grouping = null, PeriodUnit? per = null) =>
        new(Range, kpis, grouping ?? Grouping, per ?? Per);

    public override string ToString() =>
        $"{Data} in {Zone.Id}, {Range} per {Per} (weeks from {FirstDayOfWeek}, fiscal years from month {FiscalYearStartMonth}) by {Grouping}{(MixedCurrencies ? ", USD and EUR" : string.Empty)}, seed {Seed}";
}

/// <summary>
/// FsCheck generators of whole data sets: 4 reps (3 in the roster's 2 teams, 1 unknown to it), leads, opportunities
/// (open, won, lost, with stage history), deals of every kind with contract terms, activities of every kind with any
/// outcomes, and marketing spend — all in USD, or (one case in three) in USD and EUR reported in USD.
/// </summary>
/// <remarks>
/// <para>Instants are drawn to hit edges: the local midnight of period boundaries (month starts, week starts, the range's
/// first and last days) and one tick either side, and the zone's DST transitions and one tick either side, as well as
/// plain times of day. Zones: UTC, Europe/Istanbul (no DST since 2016), America/New_York and Europe/Berlin (DST at 02:00
/// and 03:00 local) and America/Santiago (DST at midnight, so some days start at 01:00).</para>
/// <para>Register with <c>[Property(Arbitrary = [typeof(SalesDataArbitraries)])]</c>; there is no shrinker, so a failing case is
/// reported whole, with its replay seed.</para>
/// </remarks>
public static class SalesDataGen
{
    public static readonly RepId[] Reps = [new("r1"), new("r2"), new("r3"), new("r4")];

    /// <summary>Gets r1 and r2 in team-east, r3 in team-west; r4 owns records but is in no team.</summary>
    public static Roster Roster { get; } = new([
        new Rep(Reps[0], "Ayşe", new TeamId("team-east")),
        new Rep(Reps[1], "Ivan", new TeamId("team-east")),
        new Rep(Reps[2], "Budi", new TeamId("team-west")),
    ]);

    public static readonly DateTimeZone[] Zones =
    [
        DateTimeZone.Utc,
        DateTimeZoneProviders.Tzdb["Europe/Istanbul"],
        DateTimeZoneProviders.Tzdb["America/New_York"],
        DateTimeZoneProviders.Tzdb["Europe/Berlin"],
        DateTimeZoneProviders.Tzdb["America/Santiago"],
    ];

    public static readonly KpiGrouping[] Groupings =
        [KpiGrouping.None, KpiGrouping.ByRep, KpiGrouping.ByTeam, KpiGrouping.BySource, KpiGrouping.ByDealKind, KpiGrouping.ByTool, KpiGrouping.ByLostReason, KpiGrouping.ByForecastCategory];

    private static readonly SalesActivityKind[] ActivityKinds =
        [SalesActivityKind.Call, SalesActivityKind.Email, SalesActivityKind.Meeting, SalesActivityKind.CrmUpdate, SalesActivityKind.ToolUsage, new("demo")];

    private static readonly OpportunityStage[] Stages = [.. OpportunityStage.WellKnown, new("Demo")];

    private static readonly string[] Sources = ["web", "referral", "event"];

    private static readonly Duration[] EdgeOffsets =
        [Duration.Zero, Duration.Epsilon, -Duration.Epsilon, Duration.FromSeconds(-1), Duration.FromHours(1), Duration.FromHours(-1)];

    /// <summary>Gets a whole case: any zone, range, period unit (week, month, quarter, fiscal year, fiscal quarter, day or none) and grouping.</summary>
    public static Gen<Scenario> Scenario(int scale = 1) =>
        from zone in Gen.Elements(Zones)
        from firstDay in Gen.Elements(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday)
        from range in Range()
        from per in Gen.Frequency(
            (3, Gen.Elements(PeriodUnit.Week, PeriodUnit.Month, PeriodUnit.Quarter)), (1, Gen.Elements(PeriodUnit.FiscalYear, PeriodUnit.FiscalQuarter, PeriodUnit.None, PeriodUnit.Day)))
        from fiscalStart in Gen.Choose(1, 12)
        from grouping in Gen.Elements(Groupings)
        from seed in Gen.Choose(0, int.MaxValue)
        from mixed in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from data in Data(new Frame(zone, range, firstDay, mixed), scale)
        select new Scenario(data, zone, firstDay, range, per, grouping, seed, mixed, fiscalStart);

    /// <summary>Gets a range of 1 to 150 days starting between December 2024 and November 2025, so that it often spans a DST change.</summary>
    public static Gen<DateInterval> Range() =>
        from start in Gen.Choose(0, 340)
        from length in Gen.Frequency((1, Gen.Choose(1, 10)), (4, Gen.Choose(20, 150)))
        let first = new LocalDate(2024, 12, 1).PlusDays(start)
        select new DateInterval(first, first.PlusDays(length - 1));

    /// <summary>Gets a data set whose instants fall in and around the frame's range, many of them on its edges.</summary>
    public static Gen<SalesData> Data(Frame frame, int scale = 1) =>
        from leadCount in Gen.Choose(0, 25 * scale)
        from opportunityCount in Gen.Choose(0, 20 * scale)
        from leads in Many(leadCount, i => Lead(frame, i))
        from opportunities in Many(opportunityCount, i => Opportunity(frame, i, leadCount))
        from deals in Gen.Choose(0, 20 * scale).SelectMany(n => Many(n, i => Deal(frame, i, opportunityCount)))
        from activities in Gen.Choose(0, 60 * scale).SelectMany(n => Many(n, i => SalesActivity(frame, i, leadCount, opportunityCount)))
        from spend in Gen.Choose(0, 3).SelectMany(n => Many(n, _ => Spend(frame)))
        select SalesData.Create(leads, opportunities, deals, activities, spend, Roster);

    /// <summary>Gets an instant near the frame's range, often on a local midnight that starts a period or on a DST transition.</summary>
    public static Gen<Instant> Instant(Frame frame)
    {
        var anyDate = Gen.Choose(-7, frame.Range.Length + 6).Select(d => frame.Range.Start.PlusDays(d));
        var edgeDate = Gen.Elements(frame.EdgeDates);
        var midnight =
            from date in Gen.Frequency((1, anyDate), (1, edgeDate))
            from offset in Gen.Frequency((2, Gen.Elements(EdgeOffsets)), (3, Gen.Choose(0, 86_399).Select(s => Duration.FromSeconds(s))))
            select frame.Zone.AtStartOfDay(date).ToInstant() + offset;
        if (frame.Transitions.Length == 0)
        {
            return midnight;
        }

        var transition =
            from at in Gen.Elements(frame.Transitions)
            from offset in Gen.Elements(EdgeOffsets)
            select at + offset;
        return Gen.Frequency((5, midnight), (1, transition));
    }

    /// <summary>Gets a delay after an event: often none, else up to 60 days.</summary>
    public static Gen<Duration> Delay() =>
        Gen.Frequency(
            (1, Gen.Constant(Duration.Zero)),
            (1, Gen.Elements(Duration.Epsilon, Duration.FromDays(1), Duration.FromDays(7))),
            (4, Gen.Choose(0, 60 * 86_400).Select(s => Duration.FromSeconds(s))));

    /// <summary>Gets an amount in USD of 0 to 10,000.00, with cents.</summary>
    public static Gen<Money> Usd() => Gen.Choose(0, 1_000_000).Select(c => new Money(c / 100m, Currency.USD));

    /// <summary>Gets an amount of 0 to 10,000.00 in USD, or in USD or EUR when the frame mixes currencies.</summary>
    public static Gen<Money> Amount(Frame frame) =>
        from cents in Gen.Choose(0, 1_000_000)
        from currency in frame.MixedCurrencies ? Gen.Elements(Currency.USD, Currency.EUR) : Gen.Constant(Currency.USD)
        select new Money(cents / 100m, currency);

    public static Gen<T[]> Many<T>(int count, Func<int, Gen<T>> make) => Gen.CollectToArray(Enumerable.Range(0, count).Select(make));

    private static Gen<T?> Optional<T>(Gen<T> gen)
        where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (1, gen.Select(v => (T?)v)));

    private static Gen<Lead> Lead(Frame frame, int i) =>
        from created in Instant(frame)
        from owner in Gen.Elements<RepId?>([null, .. Reps.Select(r => (RepId?)r)])
        from source in Gen.Elements(Sources)
        from qualified in Optional(Delay())
        from converted in Optional(Delay())
        select new Lead(new LeadId($"L{i}"), created, source, owner, created + qualified, created + converted);

    private static Gen<Opportunity> Opportunity(Frame frame, int i, int leadCount) =>
        from created in Instant(frame)
        from owner in Gen.Elements(Reps)
        from account in Gen.Choose(1, 5)
        from amount in Amount(frame)
        from status in Gen.Elements(OpportunityStatus.Open, OpportunityStatus.Won, OpportunityStatus.Lost)
        from lead in leadCount == 0 ? Gen.Constant<int?>(null) : Optional(Gen.Choose(0, leadCount - 1))
        from stageCount in Gen.Choose(0, 4)
        from stages in Many(stageCount, _ => Gen.Zip(Gen.Elements(Stages), Delay()))
        from closeDelay in Delay()
        from expected in Optional(Gen.Choose(-10, frame.Range.Length + 10).Select(d => frame.Range.Start.PlusDays(d)))
        select MakeOpportunity(i, created, owner, account, amount, status, lead, stages, closeDelay, expected);

    private static Opportunity MakeOpportunity(
        int i, Instant created, RepId owner, int account, Money amount, OpportunityStatus status, int? lead,
        (OpportunityStage Stage, Duration Delay)[] stages, Duration closeDelay, LocalDate? expected)
    {
        var at = created;
        var history = new List<StageEntry>();
        foreach (var (stage, delay) in stages)
        {
            at += delay;
            history.Add(new StageEntry(stage, at));
        }

        Instant? closed = status == OpportunityStatus.Open ? null : at + closeDelay;
        return new Opportunity(
            new OpportunityId($"O{i}"), new AccountId($"acc{account}"), owner, created, amount, status, closed,
            lead is { } l ? new LeadId($"L{l}") : null, history, expected,
            status == OpportunityStatus.Lost && i % 3 != 0 ? (i % 3 == 1 ? "price" : "timing") : null);
    }

    private static Gen<Deal> Deal(Frame frame, int i, int opportunityCount) =>
        from closed in Instant(frame)
        from owner in Gen.Elements(Reps)
        from account in Gen.Choose(1, 5)
        from value in Amount(frame)
        from kind in Gen.Elements(DealKind.NewBusiness, DealKind.AddOn, DealKind.Renewal, DealKind.WinBack)
        from opportunity in opportunityCount == 0 ? Gen.Constant<int?>(null) : Optional(Gen.Choose(0, opportunityCount - 1))
        from termStart in Optional(Gen.Choose(-120, frame.Range.Length + 30))
        from termDays in Gen.Choose(1, 400)
        from recurring in Optional(Gen.Choose(0, 100_000).Select(c => new Money(c / 100m, value.Currency)))
        select new Deal(
            new DealId($"D{i}"), new AccountId($"acc{account}"), owner, closed, value, kind,
            opportunity is { } o ? new OpportunityId($"O{o}") : null,
            termStart is { } s ? new DateInterval(frame.Range.Start.PlusDays(s), frame.Range.Start.PlusDays(s + termDays - 1)) : null,
            recurring);

    private static Gen<SalesActivity> SalesActivity(Frame frame, int i, int leadCount, int opportunityCount) =>
        from at in Instant(frame)
        from kind in Gen.Elements(ActivityKinds)
        from owner in Gen.Elements(Reps)
        from outcomes in Gen.Choose(0, 63)
        from lead in leadCount == 0 ? Gen.Constant<int?>(null) : Optional(Gen.Choose(0, leadCount - 1))
        from opportunity in opportunityCount == 0 ? Gen.Constant<int?>(null) : Optional(Gen.Choose(0, opportunityCount - 1))
        from tool in Gen.Elements<string?>(null, "gong", "linkedin")
        select new SalesActivity(
            new ActivityId($"A{i}"), kind, owner, at, (ActivityOutcomes)outcomes,
            lead is { } l ? new LeadId($"L{l}") : null,
            opportunity is { } o ? new OpportunityId($"O{o}") : null,
            tool);

    private static Gen<MarketingSpend> Spend(Frame frame) =>
        from channel in Gen.Elements(Sources)
        from start in Gen.Choose(-30, frame.Range.Length)
        from days in Gen.Choose(1, 90)
        from amount in Amount(frame)
        select new MarketingSpend(channel, new DateInterval(frame.Range.Start.PlusDays(start), frame.Range.Start.PlusDays(start + days - 1)), amount);

    /// <summary>Where generated instants fall: the zone, the range, and the dates and instants on its edges.</summary>
    public sealed class Frame
    {
        public Frame(DateTimeZone zone, DateInterval range, IsoDayOfWeek firstDayOfWeek, bool mixedCurrencies = false)
        {
            Zone = zone;
            MixedCurrencies = mixedCurrencies;
            Range = range;
            var from = range.Start.PlusDays(-10);
            var to = range.End.PlusDays(10);
            var edges = new List<LocalDate> { range.Start, range.End, range.End.PlusDays(1), range.Start.PlusDays(-1) };
            for (var d = from; d <= to; d = d.PlusDays(1))
            {
                if (d.Day == 1 || d.DayOfWeek == firstDayOfWeek)
                {
                    edges.Add(d);
                }
            }

            var window = new NodaTime.Interval(zone.AtStartOfDay(from).ToInstant(), zone.AtStartOfDay(to).ToInstant());
            Transitions = [.. zone.GetZoneIntervals(window).Where(z => z.HasStart && window.Contains(z.Start)).Select(z => z.Start)];
            edges.AddRange(Transitions.Select(t => t.InZone(zone).Date));
            EdgeDates = [.. edges];
        }

        public DateTimeZone Zone { get; }

        public DateInterval Range { get; }

        public bool MixedCurrencies { get; }

        public LocalDate[] EdgeDates { get; }

        public Instant[] Transitions { get; }
    }
}

/// <summary>
/// EUR to USD at 1.0825 (1.09 from 2025-03-30, Berlin's DST change), with no rate on the 13th of any month, so that some
/// amounts are unpriced. Rates with few decimal places keep every converted sum exact, so it does not depend on order.
/// </summary>
public sealed class PropertyExchangeRates : IExchangeRateProvider
{
    public static PropertyExchangeRates Instance { get; } = new();

    public bool TryGetRate(Currency source, Currency target, LocalDate rateDate, out decimal rate)
    {
        rate = rateDate < new LocalDate(2025, 3, 30) ? 1.0825m : 1.09m;
        return source == Currency.EUR && target == Currency.USD && rateDate.Day != 13;
    }
}

/// <summary>The arbitraries FsCheck.Xunit passes to the properties: a <see cref="Scenario"/> per case.</summary>
public static class SalesDataArbitraries
{
    public static Arbitrary<Scenario> Scenario() => Arb.From(SalesDataGen.Scenario());
}
