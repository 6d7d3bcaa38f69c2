using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Tests.Planning;

/// <summary>Small hand-made records for the planning tests; every timestamp is 09:00 UTC on the given date.</summary>
internal static class PlanningData
{
    public static Money Usd(decimal amount) => new(amount, Currency.USD);

    public static Instant At(int year, int month, int day) => Instant.FromUtc(year, month, day, 9, 0);

    public static LocalDate Date(int year, int month, int day) => new(year, month, day);

    public static DateInterval Dates(LocalDate start, LocalDate end) => new(start, end);

    /// <summary>An opportunity created on <paramref name="created"/> with the given stage entries, status and close.</summary>
    public static Opportunity Opportunity(
        string id,
        string owner,
        Instant created,
        decimal amount = 10_000m,
        OpportunityStatus status = OpportunityStatus.Open,
        Instant? closed = null,
        LocalDate? expectedClose = null,
        params (OpportunityStage Stage, Instant At)[] stages) =>
        new(
            new OpportunityId(id),
            new AccountId("acc-" + id),
            new RepId(owner),
            created,
            Usd(amount),
            status,
            closed,
            stageHistory: stages.Select(s => new StageEntry(s.Stage, s.At)),
            expectedClose: expectedClose);

    public static Deal Deal(string id, string owner, Instant closed, decimal value, DateInterval? term = null, decimal? recurringMonthly = null) =>
        new(
            new DealId(id),
            new AccountId("acc-" + id),
            new RepId(owner),
            closed,
            Usd(value),
            DealKind.NewBusiness,
            new OpportunityId(id),
            term,
            recurringMonthly is { } r ? Usd(r) : null);
}
