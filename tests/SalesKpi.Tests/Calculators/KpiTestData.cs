using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Tests.Calculators;

/// <summary>
/// Builds the records the KPI tests evaluate. Each factory takes what a test cares about and defaults the rest, so a
/// test reads as its scenario: <c>Call("r1", Mar(3))</c>, <c>Email("r1", Mar(3), Delivered | Opened)</c>.
/// </summary>
/// <remarks>
/// <para>Named apart from the domain tests' <c>TestData</c> (another folder, another branch) so the two never clash.
/// Identifiers are unique across the test run (a shared counter), unless a test names one because it links records.</para>
/// </remarks>
internal static class KpiTestData
{
    private static long _nextId;

    /// <summary>Gets March 2025, the month most scenarios happen in.</summary>
    public static DateInterval March2025 { get; } = new(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31));

    /// <summary>Gets April 2025.</summary>
    public static DateInterval April2025 { get; } = new(new LocalDate(2025, 4, 1), new LocalDate(2025, 4, 30));

    /// <summary>Gets the first quarter of 2025.</summary>
    public static DateInterval Q1Of2025 { get; } = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));

    /// <summary>Returns noon UTC (or the given time) on a day of March 2025.</summary>
    public static Instant Mar(int day, int hour = 12, int minute = 0) => Instant.FromUtc(2025, 3, day, hour, minute);

    /// <summary>Returns noon UTC (or the given time) on a day of April 2025.</summary>
    public static Instant Apr(int day, int hour = 12, int minute = 0) => Instant.FromUtc(2025, 4, day, hour, minute);

    /// <summary>Returns noon UTC (or the given time) on a day of February 2025.</summary>
    public static Instant Feb(int day, int hour = 12, int minute = 0) => Instant.FromUtc(2025, 2, day, hour, minute);

    /// <summary>Returns the instant of a local date and time in a TZDB zone (the time must exist and be unambiguous there).</summary>
    public static Instant Local(string zoneId, int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(DateTimeZoneProviders.Tzdb[zoneId]).ToInstant();

    /// <summary>Returns the dates from the start date to the end date, inclusive.</summary>
    public static DateInterval Dates(int startYear, int startMonth, int startDay, int endYear, int endMonth, int endDay) =>
        new(new LocalDate(startYear, startMonth, startDay), new LocalDate(endYear, endMonth, endDay));

    public static Money Usd(decimal amount) => new(amount, Currency.USD);

    public static Money Eur(decimal amount) => new(amount, Currency.EUR);

    public static Money Gbp(decimal amount) => new(amount, Currency.GBP);

    /// <summary>Returns an activity of any kind.</summary>
    public static SalesActivity SalesActivity(
        SalesActivityKind kind,
        string rep,
        Instant at,
        ActivityOutcomes outcomes = ActivityOutcomes.None,
        string? lead = null,
        string? opportunity = null,
        string? tool = null) =>
        new(
            new ActivityId(NextId("A")),
            kind,
            new RepId(rep),
            at,
            outcomes,
            lead is null ? null : new LeadId(lead),
            opportunity is null ? null : new OpportunityId(opportunity),
            tool);

    public static SalesActivity Call(string rep, Instant at, ActivityOutcomes outcomes = ActivityOutcomes.None, string? lead = null) =>
        SalesActivity(SalesActivityKind.Call, rep, at, outcomes, lead);

    public static SalesActivity Email(string rep, Instant at, ActivityOutcomes outcomes = ActivityOutcomes.None, string? lead = null) =>
        SalesActivity(SalesActivityKind.Email, rep, at, outcomes, lead);

    public static SalesActivity Meeting(string rep, Instant at, ActivityOutcomes outcomes = ActivityOutcomes.None, string? lead = null) =>
        SalesActivity(SalesActivityKind.Meeting, rep, at, outcomes, lead);

    public static SalesActivity CrmUpdate(string rep, Instant at) => SalesActivity(SalesActivityKind.CrmUpdate, rep, at);

    public static SalesActivity ToolUsage(string rep, Instant at, string? tool) => SalesActivity(SalesActivityKind.ToolUsage, rep, at, tool: tool);

    /// <summary>Returns an activity of the custom kind <c>demo</c>, which <see cref="DemosCalculator"/> counts.</summary>
    public static SalesActivity Demo(string rep, Instant at, string? lead = null) => SalesActivity(DemosCalculator.Demo, rep, at, lead: lead);

    /// <summary>Returns <paramref name="count"/> records made by <paramref name="make"/> from their index.</summary>
    public static IEnumerable<T> Times<T>(int count, Func<int, T> make) => Enumerable.Range(0, count).Select(make);

    public static Lead Lead(
        Instant createdAt,
        string source = "web",
        string? rep = null,
        Instant? qualifiedAt = null,
        Instant? convertedAt = null,
        string? id = null) =>
        new(new LeadId(id ?? NextId("L")), createdAt, source, rep is null ? null : new RepId(rep), qualifiedAt, convertedAt);

    /// <summary>Returns a won deal of 1,000 USD unless told otherwise.</summary>
    public static Deal Deal(
        string rep,
        Instant closedAt,
        Money? value = null,
        DealKind kind = DealKind.NewBusiness,
        string? opportunity = null,
        string account = "acme") =>
        new(
            new DealId(NextId("D")),
            new AccountId(account),
            new RepId(rep),
            closedAt,
            value ?? Usd(1_000m),
            kind,
            opportunity is null ? null : new OpportunityId(opportunity));

    /// <summary>Returns an open opportunity of 1,000 USD, optionally from a lead.</summary>
    public static Opportunity Opportunity(string id, string rep, Instant createdAt, string? lead = null) =>
        new(new OpportunityId(id), new AccountId("acme"), new RepId(rep), createdAt, Usd(1_000m), lead: lead is null ? null : new LeadId(lead));

    public static MarketingSpend Spend(string channel, DateInterval dates, Money amount) => new(channel, dates, amount);

    /// <summary>Returns a roster from (rep, team) pairs; each rep's display name is its id.</summary>
    public static Roster Roster(params (string Rep, string Team)[] reps) =>
        new(reps.Select(r => new Rep(new RepId(r.Rep), r.Rep, new TeamId(r.Team))));

    private static string NextId(string prefix) => prefix + "-" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
