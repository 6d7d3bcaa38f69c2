using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>
/// Valid sample values of the domain model. Each factory takes the values a test cares about and defaults the rest,
/// so a test that varies one property names only that property.
/// </summary>
public static class TestData
{
    /// <summary>Gets the creation instant of every sample record: 2025-01-02T09:00:00Z.</summary>
    public static Instant T0 { get; } = Instant.FromUtc(2025, 1, 2, 9, 0);

    /// <summary>Gets one hour after <see cref="T0"/>.</summary>
    public static Instant T1 { get; } = Instant.FromUtc(2025, 1, 2, 10, 0);

    /// <summary>Gets one day after <see cref="T0"/>.</summary>
    public static Instant T2 { get; } = Instant.FromUtc(2025, 1, 3, 9, 0);

    /// <summary>Gets one week after <see cref="T0"/>.</summary>
    public static Instant T3 { get; } = Instant.FromUtc(2025, 1, 9, 9, 0);

    /// <summary>Gets one minute before <see cref="T0"/>.</summary>
    public static Instant BeforeT0 { get; } = Instant.FromUtc(2025, 1, 2, 8, 59);

    /// <summary>Gets January 2025.</summary>
    public static DateInterval January { get; } = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31));

    /// <summary>Gets the year 2025.</summary>
    public static DateInterval Year2025 { get; } = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));

    /// <summary>Returns an amount in US dollars.</summary>
    public static Money Usd(decimal amount) => new(amount, Currency.USD);

    /// <summary>Returns an amount in euros.</summary>
    public static Money Eur(decimal amount) => new(amount, Currency.EUR);

    /// <summary>Returns a valid lead created at <see cref="T0"/> unless told otherwise.</summary>
    public static Lead CreateLead(
        string id = "L-1",
        Instant? createdAt = null,
        string source = "web",
        RepId? owner = null,
        Instant? qualifiedAt = null,
        Instant? convertedAt = null) =>
        new(new LeadId(id), createdAt ?? T0, source, owner, qualifiedAt, convertedAt);

    /// <summary>Returns a valid open opportunity of 1,000.00 USD created at <see cref="T0"/> unless told otherwise.</summary>
    public static Opportunity CreateOpportunity(
        string id = "O-1",
        string account = "acme",
        string owner = "r01",
        Instant? createdAt = null,
        Money? amount = null,
        OpportunityStatus status = OpportunityStatus.Open,
        Instant? closedAt = null,
        LeadId? lead = null,
        IEnumerable<StageEntry>? stageHistory = null,
        LocalDate? expectedClose = null) =>
        new(
            new OpportunityId(id),
            new AccountId(account),
            new RepId(owner),
            createdAt ?? T0,
            amount ?? Usd(1000m),
            status,
            closedAt,
            lead,
            stageHistory,
            expectedClose);

    /// <summary>Returns a valid new-business deal of 1,000.00 USD closed at <see cref="T0"/> unless told otherwise.</summary>
    public static Deal CreateDeal(
        string id = "D-1",
        string account = "acme",
        string owner = "r01",
        Instant? closedAt = null,
        Money? value = null,
        DealKind kind = DealKind.NewBusiness,
        OpportunityId? opportunity = null,
        DateInterval? term = null,
        Money? recurringMonthly = null) =>
        new(
            new DealId(id),
            new AccountId(account),
            new RepId(owner),
            closedAt ?? T0,
            value ?? Usd(1000m),
            kind,
            opportunity,
            term,
            recurringMonthly);

    /// <summary>Returns a valid call by r01 at <see cref="T0"/> unless told otherwise.</summary>
    public static SalesActivity CreateActivity(
        string id = "A-1",
        SalesActivityKind? kind = null,
        string owner = "r01",
        Instant? occurredAt = null,
        ActivityOutcomes outcomes = ActivityOutcomes.None,
        LeadId? lead = null,
        OpportunityId? opportunity = null,
        string? tool = null) =>
        new(new ActivityId(id), kind ?? SalesActivityKind.Call, new RepId(owner), occurredAt ?? T0, outcomes, lead, opportunity, tool);

    /// <summary>Returns a valid spend of 1,000.00 USD on the web channel in January 2025 unless told otherwise.</summary>
    public static MarketingSpend CreateSpend(string channel = "web", DateInterval? period = null, Money? amount = null) =>
        new(channel, period ?? January, amount ?? Usd(1000m));

    /// <summary>Returns a valid rep.</summary>
    public static Rep CreateRep(string id = "r01", string name = "Ayşe Demir", string team = "team-east") =>
        new(new RepId(id), name, new TeamId(team));

    /// <summary>Returns a roster of three reps in two teams: r01 and r03 in team-east, r02 in team-west.</summary>
    public static Roster CreateRoster() =>
        new([
            CreateRep("r01", "Ayşe Demir", "team-east"),
            CreateRep("r02", "Ivan Petrov", "team-west"),
            CreateRep("r03", "Budi Santoso", "team-east"),
        ]);
}
