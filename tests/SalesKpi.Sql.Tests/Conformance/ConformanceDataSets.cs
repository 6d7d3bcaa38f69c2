using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Benchmarks;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Sql.Tests.Infrastructure;
using SalesKpi.Tests.Properties;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>One data set of the conformance suite: its records, the dates reported on, and the settings besides the zone.</summary>
public sealed class ConformanceDataSet
{
    internal ConformanceDataSet(
        string name, SalesData data, DateInterval range, bool allPeriodsPerGrouping, IsoDayOfWeek firstDayOfWeek = IsoDayOfWeek.Monday, int fiscalYearStartMonth = 1, bool mixedCurrencies = false)
    {
        AllPeriodsPerGrouping = allPeriodsPerGrouping;
        Name = name;
        Data = data;
        Range = range;
        FirstDayOfWeek = firstDayOfWeek;
        FiscalYearStartMonth = fiscalYearStartMonth;
        MixedCurrencies = mixedCurrencies;
    }

    /// <summary>Gets the name, which is also the PostgreSQL database's (lower case and <c>_</c>).</summary>
    public string Name { get; }

    public SalesData Data { get; }

    public DateInterval Range { get; }

    /// <summary>Gets a value indicating whether every grouping is queried per every period unit (small data sets), or each per two (<see cref="ConformanceQueries.For"/>).</summary>
    public bool AllPeriodsPerGrouping { get; }

    public IsoDayOfWeek FirstDayOfWeek { get; }

    public int FiscalYearStartMonth { get; }

    /// <summary>Gets a value indicating whether amounts are in USD and EUR, reported in USD at <see cref="PropertyExchangeRates"/> (some unpriced).</summary>
    public bool MixedCurrencies { get; }

    public KpiSettings Settings(string zone)
    {
        var settings = KpiSettings.Default.WithZone(zone).WithFirstDayOfWeek(FirstDayOfWeek).WithFiscalYearStartMonth(FiscalYearStartMonth);
        return MixedCurrencies ? settings.WithReportingCurrency(Currency.USD, PropertyExchangeRates.Instance) : settings;
    }

    public override string ToString() => Name;
}

/// <summary>
/// The data sets every engine is compared on: four drawn by the property tests' generators (<see cref="SalesDataGen"/>,
/// fixed seeds) around the spring and autumn DST changes of New York, Berlin and Santiago, one of them in USD and EUR
/// with Sunday weeks and fiscal years from April; the benchmarks' reference data (<see cref="ReferenceData"/>) at 1,000 opportunities (50 reps in 5 teams, 2,000 leads, 10,000 activities); and the CLI's sample.
/// </summary>
/// <remarks>
/// The generators place instants on local midnights of period boundaries and on DST transitions of the frame's zone,
/// and one nanosecond, one second and one hour either side. The databases hold microseconds, so generated instants are
/// rounded down to the microsecond (<see cref="ToMicroseconds"/>): one nanosecond before midnight becomes one
/// microsecond before it, still in the period before — the in-memory engine evaluates the very records the databases hold.
/// </remarks>
public static class ConformanceDataSets
{
    public const string Utc = "UTC";
    public const string NewYork = "America/New_York";
    public const string Berlin = "Europe/Berlin";
    public const string Santiago = "America/Santiago";

    /// <summary>Gets the zones every data set is reported in: UTC, and two with DST changes on different dates and at different local times.</summary>
    public static IReadOnlyList<string> Zones { get; } = [Utc, NewYork, Berlin];

    /// <summary>Gets the zones the small generated data sets are reported in: also Santiago, whose DST changes are at
    /// midnight, so that 2025-09-07 starts at 01:00 and the last hour of 2025-04-05 comes twice.</summary>
    public static IReadOnlyList<string> GeneratedZones { get; } = [Utc, NewYork, Berlin, Santiago];

    private static readonly Lazy<IReadOnlyList<ConformanceDataSet>> LazyAll = new(Make);

    public static IReadOnlyList<ConformanceDataSet> All => LazyAll.Value;

    public static ConformanceDataSet Get(string name) => All.Single(d => d.Name == name);

    /// <summary>Gets the names of the data sets, each with every zone: the cases of an engine's theory.</summary>
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var name in Names)
        {
            foreach (var zone in name.StartsWith("generated_", StringComparison.Ordinal) ? GeneratedZones : Zones)
            {
                cases.Add(name, zone);
            }
        }

        return cases;
    }

    /// <summary>Gets the names without building the data: the theories are enumerated before any test runs.</summary>
    public static IReadOnlyList<string> Names { get; } = ["generated_spring", "generated_autumn", "generated_mixed", "generated_santiago", "reference", "sample"];

    /// <summary>Returns the records with every instant rounded down to the microsecond, which every engine holds exactly.</summary>
    public static SalesData ToMicroseconds(SalesData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return SalesData.Create(
            data.Leads.Select(l => new Lead(l.Id, Floor(l.CreatedAt), l.Source, l.Owner, Floor(l.QualifiedAt), Floor(l.ConvertedAt))),
            data.Opportunities.Select(o => new Opportunity(
                o.Id, o.Account, o.Owner, Floor(o.CreatedAt), o.Amount, o.Status, Floor(o.ClosedAt), o.Lead,
                o.StageHistory.Select(s => new StageEntry(s.Stage, Floor(s.EnteredAt))), o.ExpectedClose)),
            data.Deals.Select(d => new Deal(d.Id, d.Account, d.Owner, Floor(d.ClosedAt), d.Value, d.Kind, d.Opportunity, d.Term, d.RecurringMonthly)),
            data.Activities.Select(a => new SalesActivity(a.Id, a.Kind, a.Owner, Floor(a.OccurredAt), a.Outcomes, a.Lead, a.Opportunity, a.Tool)),
            data.Spend,
            data.Roster);
    }

    private static Instant Floor(Instant instant)
    {
        const long TicksPerMicrosecond = 10;
        var ticks = instant.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks - (((ticks % TicksPerMicrosecond) + TicksPerMicrosecond) % TicksPerMicrosecond));
    }

    private static Instant? Floor(Instant? instant) => instant is { } i ? Floor(i) : null;

    private static IReadOnlyList<ConformanceDataSet> Make()
    {
        var newYork = DateTimeZoneProviders.Tzdb[NewYork];
        var berlin = DateTimeZoneProviders.Tzdb[Berlin];
        var santiago = DateTimeZoneProviders.Tzdb[Santiago];

        // New York springs forward on 2025-03-09 at 02:00, Berlin on 2025-03-30 at 02:00; Berlin falls back on
        // 2025-10-26 at 03:00, New York on 2025-11-02 at 02:00. Each range holds both changes of its season.
        var spring = new DateInterval(new LocalDate(2025, 2, 24), new LocalDate(2025, 4, 6));
        var autumn = new DateInterval(new LocalDate(2025, 10, 6), new LocalDate(2025, 11, 16));
        var mixed = new DateInterval(new LocalDate(2025, 3, 10), new LocalDate(2025, 4, 20));

        // Santiago springs forward on 2025-09-07 at 00:00, to 01:00.
        var chile = new DateInterval(new LocalDate(2025, 8, 18), new LocalDate(2025, 9, 28));
        ConformanceDataSet[] sets =
        [
            new("generated_spring", Generate(new SalesDataGen.Frame(newYork, spring, IsoDayOfWeek.Monday), 46UL), spring, allPeriodsPerGrouping: true),
            new("generated_autumn", Generate(new SalesDataGen.Frame(berlin, autumn, IsoDayOfWeek.Monday), 60UL), autumn, allPeriodsPerGrouping: true),
            new(
                "generated_mixed",
                Generate(new SalesDataGen.Frame(berlin, mixed, IsoDayOfWeek.Sunday, mixedCurrencies: true), 36UL),
                mixed,
                allPeriodsPerGrouping: true,
                IsoDayOfWeek.Sunday,
                fiscalYearStartMonth: 4,
                mixedCurrencies: true),
            new("generated_santiago", Generate(new SalesDataGen.Frame(santiago, chile, IsoDayOfWeek.Monday), 65UL), chile, allPeriodsPerGrouping: true),
            new("reference", ReferenceData.Generate(1_000), ReferenceData.Year, allPeriodsPerGrouping: false),
            new("sample", SqlTestDatabase.Sample, new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)), allPeriodsPerGrouping: false),
        ];
        return [.. Names.Select(n => sets.Single(s => s.Name == n))];
    }

    // Scale 8: up to 200 leads, 160 opportunities and deals, 480 activities and 3 spend records. The seeds draw at least
    // 110 leads and opportunities, 70 deals, 260 activities and 2 spend records (ConformanceDataTests).
    private static SalesData Generate(SalesDataGen.Frame frame, ulong seed) =>
        ToMicroseconds(SalesDataGen.Data(frame, scale: 8).Sample(1, new Rnd(seed), 1)[0]);
}
