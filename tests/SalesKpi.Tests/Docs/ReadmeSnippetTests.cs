// <snippet:readme-usings>
using NodaTime;
using SalesKpi;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Reporting;
using SalesKpi.Reps;
// </snippet:readme-usings>

// Outside the SalesKpi namespaces, as an application is: the README's usings above are exactly the ones its code needs
// (one too many is IDE0005, one too few does not compile).
#pragma warning disable IDE0130 // Namespace does not match folder structure
namespace ReadmeExample;
#pragma warning restore IDE0130

/// <summary>The README's quick start, compiled and checked; DocsSnippetTests keeps the README's copy equal to it.</summary>
public class ReadmeSnippetTests
{
    [Fact]
    public void QuickStart_EvaluatesCallsAndCallToMeetingRate()
    {
        // <snippet:readme-quick-start>
        var rep = new RepId("ayse");
        var monday = Instant.FromUtc(2025, 3, 3, 9, 0);
        SalesActivity[] activities =
        [
            new(new ActivityId("a1"), SalesActivityKind.Call, rep, monday, ActivityOutcomes.Connected),
            new(new ActivityId("a2"), SalesActivityKind.Call, rep, monday + Duration.FromHours(1)),
            new(new ActivityId("a3"), SalesActivityKind.Meeting, rep, monday + Duration.FromHours(2), ActivityOutcomes.Connected),
        ];
        var march = new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31));

        KpiValue calls = Kpis.Calls.Evaluate(activities, march);                    // 2
        KpiValue callToMeeting = Kpis.CallToMeetingRate.Evaluate(activities, march); // 0.5 (1 / 2)
        // </snippet:readme-quick-start>

        // Two activities of kind call; one meeting over two calls = 0.5.
        Assert.Equal(2m, calls.Value);
        Assert.Equal(0.5m, callToMeeting.Value);
        Assert.Equal("0.5 (1 / 2)", callToMeeting.ToString());
    }

    [Fact]
    public void Report_GroupsByRepPerMonthAndComparesWithPeers()
    {
        // <snippet:readme-report>
        var year = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));
        var may5 = Instant.FromUtc(2025, 5, 5, 12, 0);
        SalesData data = SalesData.Create(deals: // or read from CSV exports, a database or Parquet: see docs/data-sources.md
        [
            new Deal(new DealId("d1"), new AccountId("acme"), new RepId("ayse"), may5, new Money(6_000m, Currency.USD)),
            new Deal(new DealId("d2"), new AccountId("globex"), new RepId("budi"), may5, new Money(10_000m, Currency.USD)),
            new Deal(new DealId("d3"), new AccountId("initech"), new RepId("cem"), may5, new Money(10_000m, Currency.USD)),
        ]);

        var evaluator = new KpiEvaluator(KpiSettings.Default.WithZone("Europe/Istanbul"));
        var query = new KpiQuery(year, [Kpis.Calls, Kpis.CloseRate, Kpis.AverageDealSize], KpiGrouping.ByRep, PeriodUnit.Month);
        KpiReport report = evaluator.Evaluate(data, query);
        PeerComparison vsPeers = report.CompareWithPeers("average-deal-size", "ayse", periodIndex: 4); // May: 40% below her peers
        // </snippet:readme-report>

        // ayse 6,000 USD; peers (10,000 + 10,000) / 2 = 10,000; (6,000 - 10,000) / 10,000 = -0.4.
        Assert.Equal(-0.4m, vsPeers.RelativeDifference.Value);
        Assert.Equal(3, vsPeers.Rank);
    }

    [Fact]
    public void Evaluate_IsDeclaredInTheNamespaceOfKpisAndKpiCalculator()
    {
        // The README imports SalesKpi.Reporting for Kpis; Kpis.Calls.Evaluate(...) must need no other using.
        Assert.Equal(typeof(Kpis).Namespace, typeof(KpiCalculatorExtensions).Namespace);
        Assert.Equal(typeof(KpiCalculator).Namespace, typeof(KpiCalculatorExtensions).Namespace);
    }
}
