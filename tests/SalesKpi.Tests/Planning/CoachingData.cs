using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Opportunities;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

/// <summary>
/// Two reps over the 13 weeks to Sunday 30 March 2025 (the window [2024-12-30, 2025-03-30], 91 days), with KPIs
/// worked out by hand:
/// <list type="bullet">
/// <item><description>ayse: 8 opportunities reached the first appointment, 4 of them a proposal (0.5); 8 closed, 2 won
/// (0.25); 2 deals of 12,000 + 8,000 = 20,000 USD (10,000 a sale); 8 + 148 open = 156 created (12 a week). Outside the
/// window, one more won deal of 100,000 USD that must not count.</description></item>
/// <item><description>bora: 5 reached the first appointment, 4 a proposal (0.8); 4 closed, 3 won (0.75); 3 deals of
/// 10,000 USD; 5 + 21 open = 26 created (2 a week).</description></item>
/// </list>
/// </summary>
internal static class CoachingData
{
    public static readonly LocalDate AsOf = Date(2025, 3, 30);

    public static readonly DateInterval Window = Dates(Date(2024, 12, 30), Date(2025, 3, 30));

    public static SalesData Create()
    {
        var fa = OpportunityStage.FirstAppointment;
        var p = OpportunityStage.Proposal;
        var won = OpportunityStatus.Won;
        var lost = OpportunityStatus.Lost;
        List<Opportunity> opportunities =
        [
            // ayse: FA 8, proposal 4; won 2, lost 6.
            Opportunity("a1", "ayse", At(2025, 1, 6), status: won, closed: At(2025, 2, 3), stages: [(fa, At(2025, 1, 6)), (p, At(2025, 1, 13))]),
            Opportunity("a2", "ayse", At(2025, 1, 8), status: won, closed: At(2025, 2, 10), stages: [(fa, At(2025, 1, 8)), (p, At(2025, 1, 20))]),
            Opportunity("a3", "ayse", At(2025, 1, 9), status: lost, closed: At(2025, 2, 12), stages: [(fa, At(2025, 1, 9)), (p, At(2025, 1, 22))]),
            Opportunity("a4", "ayse", At(2025, 1, 10), status: lost, closed: At(2025, 2, 14), stages: [(fa, At(2025, 1, 10)), (p, At(2025, 1, 23))]),
            Opportunity("a5", "ayse", At(2025, 1, 15), status: lost, closed: At(2025, 1, 30), stages: [(fa, At(2025, 1, 15))]),
            Opportunity("a6", "ayse", At(2025, 1, 16), status: lost, closed: At(2025, 1, 31), stages: [(fa, At(2025, 1, 16))]),
            Opportunity("a7", "ayse", At(2025, 1, 17), status: lost, closed: At(2025, 2, 1), stages: [(fa, At(2025, 1, 17))]),
            Opportunity("a8", "ayse", At(2025, 1, 20), status: lost, closed: At(2025, 2, 2), stages: [(fa, At(2025, 1, 20))]),

            // ayse, before the window: a won opportunity and its 100,000 USD deal that the window must exclude.
            Opportunity("a0", "ayse", At(2024, 12, 1), status: won, closed: At(2024, 12, 20), stages: [(fa, At(2024, 12, 2)), (p, At(2024, 12, 9))]),

            // bora: FA 5, proposal 4; won 3, lost 1, 1 open.
            Opportunity("b1", "bora", At(2025, 1, 7), status: won, closed: At(2025, 2, 4), stages: [(fa, At(2025, 1, 7)), (p, At(2025, 1, 14))]),
            Opportunity("b2", "bora", At(2025, 1, 8), status: won, closed: At(2025, 2, 5), stages: [(fa, At(2025, 1, 8)), (p, At(2025, 1, 15))]),
            Opportunity("b3", "bora", At(2025, 1, 9), status: won, closed: At(2025, 2, 6), stages: [(fa, At(2025, 1, 9)), (p, At(2025, 1, 16))]),
            Opportunity("b4", "bora", At(2025, 1, 10), status: lost, closed: At(2025, 2, 7), stages: [(fa, At(2025, 1, 10)), (p, At(2025, 1, 17))]),
            Opportunity("b5", "bora", At(2025, 1, 13), stages: [(fa, At(2025, 1, 13))]),
        ];

        // Open opportunities with no stage yet: they count as created, not in the close rate or the stage conversion.
        opportunities.AddRange(Enumerable.Range(0, 148).Select(i => Opportunity($"ao{i}", "ayse", At(2025, 2, 1).Plus(Duration.FromHours(i)))));
        opportunities.AddRange(Enumerable.Range(0, 21).Select(i => Opportunity($"bo{i}", "bora", At(2025, 2, 1).Plus(Duration.FromHours(i)))));

        Deal[] deals =
        [
            Deal("a1", "ayse", At(2025, 2, 3), 12_000m),
            Deal("a2", "ayse", At(2025, 2, 10), 8_000m),
            Deal("a0", "ayse", At(2024, 12, 20), 100_000m),
            Deal("b1", "bora", At(2025, 2, 4), 10_000m),
            Deal("b2", "bora", At(2025, 2, 5), 10_000m),
            Deal("b3", "bora", At(2025, 2, 6), 10_000m),
        ];

        return SalesData.Create(opportunities: opportunities, deals: deals);
    }

    /// <summary>Goals over 50 weeks: ayse 1,000,000 USD, bora 600,000 USD; anyone else has none.</summary>
    public static Money? Goal(string rep) => rep switch
    {
        "ayse" => Usd(1_000_000m),
        "bora" => Usd(600_000m),
        _ => null,
    };
}
