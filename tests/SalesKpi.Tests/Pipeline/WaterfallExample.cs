using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Reps;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Pipeline;

/// <summary>
/// The worked example of docs/pipeline.md: nine opportunities around April 2025 (UTC), with amount changes (one a change
/// of currency), expected-close moves and closes, some exactly on the month's first or next month's first instant.
/// </summary>
internal static class WaterfallExample
{
    public static readonly DateInterval April = new(new LocalDate(2025, 4, 1), new LocalDate(2025, 4, 30));

    public static readonly Instant AprilStart = Instant.FromUtc(2025, 4, 1, 0, 0);

    public static readonly Instant MayStart = Instant.FromUtc(2025, 5, 1, 0, 0);

    public static SalesData Data() => SalesData.Create(opportunities: Opportunities(), roster: TestData.CreateRoster());

    public static Opportunity[] Opportunities() =>
    [
        // O1: 1,000 USD due Apr 20, raised to 1,500 on Apr 10, won Apr 25.
        Open("O1", "r01", At(3, 10), 1_000m, Currency.USD, Date(4, 20))
            .WithChange(new OpportunityChange(At(4, 10), amount: TestData.Usd(1_500m)))
            .WithStatus(OpportunityStatus.Won, At(4, 25)),

        // O2: 2,000 USD due Apr 28, moved to May 15 on Apr 15 (slips out).
        Open("O2", "r01", At(3, 15), 2_000m, Currency.USD, Date(4, 28))
            .WithChange(new OpportunityChange(At(4, 15), expectedClose: Date(5, 15))),

        // O3: 3,000 USD due May 31, pulled in to Apr 30 on Apr 5, cut to 2,500 on Apr 12, still open.
        Open("O3", "r01", At(3, 1), 3_000m, Currency.USD, Date(5, 31))
            .WithChange(new OpportunityChange(At(4, 5), expectedClose: Date(4, 30)))
            .WithChange(new OpportunityChange(At(4, 12), amount: TestData.Usd(2_500m))),

        // O4: created Apr 8, 800 USD due Apr 30, lost Apr 22.
        Open("O4", "r01", At(4, 8), 800m, Currency.USD, Date(4, 30)).WithStatus(OpportunityStatus.Lost, At(4, 22)),

        // O5: created Apr 3, 1,200 EUR due Apr 18, re-quoted as 1,300 USD on Apr 9, still open.
        Open("O5", "r02", At(4, 3), 1_200m, Currency.EUR, Date(4, 18))
            .WithChange(new OpportunityChange(At(4, 9), amount: TestData.Usd(1_300m))),

        // O6: 700 USD due Apr 10, won exactly at May 1 00:00, the end: not in April, still open at its end.
        Open("O6", "r02", At(3, 20), 700m, Currency.USD, Date(4, 10)).WithStatus(OpportunityStatus.Won, Instant.FromUtc(2025, 5, 1, 0, 0)),

        // O7: created exactly at Apr 1 00:00, the start: not in the opening, created in April.
        Open("O7", "r02", Instant.FromUtc(2025, 4, 1, 0, 0), 400m, Currency.USD, Date(4, 15)),

        // O8: 900 USD due Apr 1, won exactly at Apr 1 00:00, the start: open at the start, won in April.
        Open("O8", "r02", At(3, 1), 900m, Currency.USD, Date(4, 1)).WithStatus(OpportunityStatus.Won, Instant.FromUtc(2025, 4, 1, 0, 0)),

        // O9: 600 USD due Apr 25, moved to Jun 1 exactly at May 1 00:00, the end: not seen in April.
        Open("O9", "r02", At(3, 5), 600m, Currency.USD, Date(4, 25))
            .WithChange(new OpportunityChange(Instant.FromUtc(2025, 5, 1, 0, 0), expectedClose: Date(6, 1))),
    ];

    private static Opportunity Open(string id, string owner, Instant created, decimal amount, Currency currency, LocalDate expectedClose) =>
        new(new OpportunityId(id), new AccountId("acme"), new RepId(owner), created, new Money(amount, currency), expectedClose: expectedClose);

    private static Instant At(int month, int day) => Instant.FromUtc(2025, month, day, 10, 0);

    private static LocalDate Date(int month, int day) => new(2025, month, day);
}
