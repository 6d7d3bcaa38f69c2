using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Tests.Catalog;

/// <summary>
/// Builds the opportunities, deals and data sets of the KPI catalog tests: three reps in two teams (ayse and budi in
/// north, olga in south), amounts in USD, instants at noon UTC unless a test needs another hour.
/// </summary>
internal static class OpportunityTestData
{
    public static readonly RepId Ayse = new("ayse");
    public static readonly RepId Budi = new("budi");
    public static readonly RepId Olga = new("olga");
    public static readonly TeamId North = new("north");
    public static readonly TeamId South = new("south");

    public static Roster Roster { get; } = new([new Rep(Ayse, "Ayşe", North), new Rep(Budi, "Budi", North), new Rep(Olga, "Olga", South)]);

    public static Instant At(int year, int month, int day, int hour = 12, int minute = 0) => Instant.FromUtc(year, month, day, hour, minute);

    public static LocalDate Date(int year, int month, int day) => new(year, month, day);

    public static Money Usd(decimal amount) => new(amount, Currency.USD);

    public static DateInterval Month(int year, int month)
    {
        var first = new LocalDate(year, month, 1);
        return new DateInterval(first, first.PlusMonths(1).PlusDays(-1));
    }

    public static DateInterval Between(LocalDate start, LocalDate end) => new(start, end);

    public static DateInterval Quarter1Of2025 { get; } = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));

    public static DateInterval Year2025 { get; } = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));

    public static StageEntry Stage(OpportunityStage stage, Instant enteredAt) => new(stage, enteredAt);

    public static Opportunity Open(string id, Instant created, decimal amount = 1_000m, RepId? owner = null, LocalDate? expectedClose = null, params StageEntry[] stages) =>
        new(new OpportunityId(id), new AccountId("acc-" + id), owner ?? Ayse, created, Usd(amount), OpportunityStatus.Open, null, null, stages, expectedClose);

    public static Opportunity Won(string id, Instant created, Instant closed, decimal amount = 1_000m, RepId? owner = null, params StageEntry[] stages) =>
        new(new OpportunityId(id), new AccountId("acc-" + id), owner ?? Ayse, created, Usd(amount), OpportunityStatus.Won, closed, null, stages);

    public static Opportunity Lost(string id, Instant created, Instant closed, decimal amount = 1_000m, RepId? owner = null, params StageEntry[] stages) =>
        new(new OpportunityId(id), new AccountId("acc-" + id), owner ?? Ayse, created, Usd(amount), OpportunityStatus.Lost, closed, null, stages);

    public static Deal Deal(
        string id,
        Instant closed,
        decimal value,
        RepId? owner = null,
        DealKind kind = DealKind.NewBusiness,
        string? account = null,
        DateInterval? term = null,
        decimal? monthly = null) =>
        new(
            new DealId(id),
            new AccountId(account ?? "acc-" + id),
            owner ?? Ayse,
            closed,
            Usd(value),
            kind,
            term: term,
            recurringMonthly: monthly is { } m ? Usd(m) : null);

    /// <summary>A deal whose only role is its contract term: closed on the term's first day, worth its recurring amount.</summary>
    public static Deal Term(string id, string account, LocalDate start, LocalDate end, decimal? monthly = null, RepId? owner = null, DealKind kind = DealKind.NewBusiness) =>
        Deal(id, Instant.FromUtc(start.Year, start.Month, start.Day, 12, 0), monthly ?? 0m, owner, kind, account, new DateInterval(start, end), monthly);

    public static SalesData Data(IEnumerable<Opportunity>? opportunities = null, IEnumerable<Deal>? deals = null) =>
        SalesData.Create(opportunities: opportunities, deals: deals, roster: Roster);

    /// <summary>Evaluates one KPI ungrouped over the range.</summary>
    public static KpiValue Evaluate(KpiCalculator kpi, SalesData data, DateInterval range, KpiSettings? settings = null) =>
        kpi.Evaluate(data, range, settings);

    /// <summary>Evaluates one KPI grouped (and optionally bucketed), with every known group.</summary>
    public static KpiReport Report(KpiCalculator kpi, SalesData data, DateInterval range, KpiGrouping groupBy, PeriodUnit per = PeriodUnit.None, bool allGroups = false, KpiSettings? settings = null) =>
        new KpiEvaluator(settings, maxDegreeOfParallelism: 1).Evaluate(data, new KpiQuery(range, [kpi], groupBy, per, allGroups));
}
