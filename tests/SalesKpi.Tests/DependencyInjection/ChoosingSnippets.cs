using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.DependencyInjection;

/// <summary>
/// The examples of the decision table at the top of docs/extending.md ("which building block?"), each evaluated on
/// records whose answer is worked out by hand, and each checked to run on the executor the table says.
/// </summary>
public sealed class ChoosingSnippets
{
    private static readonly SalesActivityKind Demo = new("demo");

    // <snippet:choose-count>
    private static readonly KpiCalculator Demos =
        new MeasureKpiCalculator("demos", KpiMeasure.Count(KpiRecords.Activities.OfKind(new SalesActivityKind("demo"))));
    // </snippet:choose-count>

    // <snippet:choose-ratio>
    private static readonly KpiCalculator MeetingsPerDemo = new MeasureKpiCalculator(
        "meetings-per-demo",
        KpiMeasure.Ratio(KpiRecords.Activities.OfKind(SalesActivityKind.Meeting), KpiRecords.Activities.OfKind(new SalesActivityKind("demo")), "no demos in the period"));
    // </snippet:choose-ratio>

    // <snippet:choose-money>
    private static readonly KpiCalculator RenewalBookings =
        new MeasureKpiCalculator("renewal-bookings", KpiMeasure.Total(KpiRecords.Deals.OfKind(DealKind.Renewal)));
    // </snippet:choose-money>

    // <snippet:choose-sample>
    private static readonly KpiCalculator WonCycle =
        new MeasureKpiCalculator("won-cycle-days", KpiMeasure.CycleDays(KpiRecords.OpportunitiesWon, "no opportunities won in the period"));
    // </snippet:choose-sample>

    // <snippet:choose-derived>
    private static readonly KpiCalculator DemosPerDeal = Demos.DividedBy(Kpis.DealsWon, "demos-per-deal");
    // </snippet:choose-derived>

    // <snippet:choose-filtered>
    private static readonly KpiCalculator RenewalRevenue = Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue");
    // </snippet:choose-filtered>

    // <snippet:choose-predicate>
    private static readonly KpiCalculator LargeWins = new MeasureKpiCalculator(
        "large-wins",
        KpiMeasure.Count(KpiRecords.OpportunitiesWon.Where<Opportunity>(o => o.Amount.Amount >= 10_000m, "of at least 10,000")));
    // </snippet:choose-predicate>

    private static readonly Instant Created = Instant.FromUtc(2024, 12, 20, 10, 0);

    /// <summary>January 2025 by r01: 3 demos, 2 meetings, 1 call; deals of 2,000 (renewal), 500 (renewal) and 1,000
    /// (new business); two opportunities won, created 2024-12-20, closed on 2025-01-02 (13 days, 25,000) and on 2025-01-09
    /// (20 days, 4,000).</summary>
    private static SalesData January2025() => SalesData.Create(
        [],
        [
            CreateOpportunity(id: "O-1", createdAt: Created, amount: Usd(25_000m), status: OpportunityStatus.Won, closedAt: T0),
            CreateOpportunity(id: "O-2", createdAt: Created, amount: Usd(4_000m), status: OpportunityStatus.Won, closedAt: T3),
        ],
        [
            CreateDeal(id: "D-1", value: Usd(2_000m), kind: DealKind.Renewal),
            CreateDeal(id: "D-2", value: Usd(500m), kind: DealKind.Renewal),
            CreateDeal(id: "D-3", value: Usd(1_000m)),
        ],
        [
            CreateActivity(id: "A-1", kind: Demo),
            CreateActivity(id: "A-2", kind: Demo, occurredAt: T1),
            CreateActivity(id: "A-3", kind: Demo, occurredAt: T2),
            CreateActivity(id: "A-4", kind: SalesActivityKind.Meeting),
            CreateActivity(id: "A-5", kind: SalesActivityKind.Meeting, occurredAt: T3),
            CreateActivity(id: "A-6"),
        ],
        [],
        CreateRoster());

    [Fact]
    public void EachExample_GivesTheValueWorkedOutByHand()
    {
        var data = January2025();
        var evaluator = new KpiEvaluator();
        KpiValue Of(KpiCalculator kpi) => evaluator.Evaluate(kpi, data, January);

        Assert.Equal(3m, Of(Demos).Value);
        Assert.Equal(2m / 3m, Of(MeetingsPerDemo).Value);      // 2 meetings / 3 demos
        Assert.Equal(2_500m, Of(RenewalBookings).Value);       // 2,000 + 500
        var cycle = Of(WonCycle);
        Assert.Equal(16.5m, cycle.Value);                      // (13 + 20) / 2
        Assert.Equal(2, cycle.SampleSize);
        Assert.Equal(3m / 3m, Of(DemosPerDeal).Value);         // 3 demos / 3 deals won
        Assert.Equal(2_500m, Of(RenewalRevenue).Value);        // the renewals' value
        Assert.Equal(1m, Of(LargeWins).Value);                 // O-1 only (25,000 ≥ 10,000 > 4,000)
    }

    [Fact]
    public void TheTable_SaysWhichExamplesRunOnTheColumnarScan()
    {
        // The table's last column: the measures and the declarative filter run on the columnar scan; the condition of a
        // whole record and a hand-written accumulator run record by record.
        var data = January2025();
        bool Columnar(KpiCalculator kpi, string leaf)
        {
            var compiled = CompiledQuery.Compile(new KpiQuery(January, [kpi], KpiGrouping.ByRep, PeriodUnit.Month), KpiSettings.Default);
            var executors = QueryExecutors.For(compiled, data, new KpiCalculatorContext(KpiSettings.Default, data), columnar: true);
            return executors.Single(e => e.Evaluates(compiled.Leaves.Single(l => l.Calculator.Id == leaf))) is ColumnarExecutor;
        }

        Assert.True(Columnar(Demos, "demos"));
        Assert.True(Columnar(MeetingsPerDemo, "meetings-per-demo"));
        Assert.True(Columnar(RenewalBookings, "renewal-bookings"));
        Assert.True(Columnar(WonCycle, "won-cycle-days"));
        Assert.True(Columnar(RenewalRevenue, KpiIds.Revenue));
        Assert.False(Columnar(LargeWins, "large-wins"));
        Assert.False(Columnar(new DemosCalculator(), DemosCalculator.KpiId));
    }
}
