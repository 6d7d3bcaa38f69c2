using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Rendering.Tests.Documents;

/// <summary>
/// Three won deals in January and February 2025: ayse 1,000 USD on 10 January and 3,000 USD on 5 February, budi
/// 2,000 USD on 20 January.
/// </summary>
internal static class TinyData
{
    public static readonly DateInterval JanuaryToFebruary = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 2, 28));

    public static SalesData Data { get; } = SalesData.Create(deals:
    [
        new Deal(new DealId("d1"), new AccountId("acme"), new RepId("ayse"), Instant.FromUtc(2025, 1, 10, 12, 0), new Money(1_000m, Currency.USD)),
        new Deal(new DealId("d2"), new AccountId("globex"), new RepId("ayse"), Instant.FromUtc(2025, 2, 5, 12, 0), new Money(3_000m, Currency.USD)),
        new Deal(new DealId("d3"), new AccountId("initech"), new RepId("budi"), Instant.FromUtc(2025, 1, 20, 12, 0), new Money(2_000m, Currency.USD)),
    ]);

    public static KpiReport Evaluate(KpiGrouping grouping, PeriodUnit per) =>
        new KpiEvaluator().Evaluate(Data, new KpiQuery(JanuaryToFebruary, [Kpis.DealsWon, Kpis.AverageDealSize], grouping, per));
}
