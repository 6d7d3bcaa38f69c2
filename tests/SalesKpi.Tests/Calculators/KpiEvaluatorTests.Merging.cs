using SalesKpi.Activities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpiEvaluatorTests
{
    private static readonly KpiCalculator[] ActivityAndLeadKpis =
    [
        Kpis.Calls, Kpis.EmailsSent, Kpis.Meetings, Kpis.Conversations, Kpis.CrmUsage, Kpis.SalesToolUsage,
        Kpis.EmailDeliveryRate, Kpis.EmailOpenRate, Kpis.EmailReplyRate, Kpis.PositiveReplyRate,
        Kpis.CallToMeetingRate, Kpis.MeetingToDealRate, Kpis.NewLeads, Kpis.SqlCount, Kpis.LeadToOpportunityRate,
        new DemosCalculator(), Kpis.Calls.DividedBy(new DemosCalculator(), "calls-per-demo"), BookedDeals,
        Kpis.Calls.PeriodOverPeriod("calls-growth"),
    ];

    /// <summary>
    /// A varied quarter: 3 reps, every activity kind with rotating outcomes, deals in two currencies, leads with
    /// qualification and conversion, and spend. Record i is made from i alone, so the data is the same every run.
    /// </summary>
    private static SalesData VariedQuarter(int activities = 3_000)
    {
        SalesActivityKind[] kinds = [SalesActivityKind.Call, SalesActivityKind.Email, SalesActivityKind.Meeting, SalesActivityKind.CrmUpdate, SalesActivityKind.ToolUsage, DemosCalculator.Demo];
        ActivityOutcomes[] outcomes = [ActivityOutcomes.None, ActivityOutcomes.Connected, ActivityOutcomes.Delivered, ActivityOutcomes.Opened, ActivityOutcomes.Replied | ActivityOutcomes.Delivered, ActivityOutcomes.Positive, ActivityOutcomes.Delivered | ActivityOutcomes.Opened];
        string[] reps = ["r1", "r2", "r3"];
        var start = NodaTime.Instant.FromUtc(2025, 1, 1, 0, 0);
        return SalesData.Create(
            activities: Times(activities, i => SalesActivity(
                kinds[i % kinds.Length],
                reps[i % 3],
                start + NodaTime.Duration.FromMinutes(i * 7_919L % 129_600), // scattered over the 90 days of Q1
                outcomes[i % outcomes.Length],
                tool: i % 6 == 4 ? (i % 4 == 0 ? "gong" : "linkedin") : null)),
            deals: Times(300, i => Deal(reps[i % 3], start + NodaTime.Duration.FromHours(i * 7 % 2_160), i % 2 == 0 ? Usd(100m + i) : Eur(250.5m + i))),
            leads: Times(900, i => Lead(
                start + NodaTime.Duration.FromHours(i * 5 % 2_160),
                i % 3 == 0 ? "web" : "referral",
                reps[i % 3],
                qualifiedAt: i % 4 == 0 ? start + NodaTime.Duration.FromHours((i * 5 % 2_160) + 30) : null,
                convertedAt: i % 5 == 0 ? start + NodaTime.Duration.FromHours((i * 5 % 2_160) + 60) : null)),
            spend: [Spend("web", Dates(2025, 1, 10, 2025, 2, 20), Eur(4_200m)), Spend("referral", Q1Of2025, Usd(900m))]);
    }

    private static KpiSettings UsdWithRates() =>
        KpiSettings.Default.WithReportingCurrency(Currency.USD, new FakeExchangeRates().With(Currency.EUR, Currency.USD, Dates(2024, 12, 1, 2025, 4, 30), 1.0825m));

    /// <summary>Splits every collection of the data into the records at even and at odd positions.</summary>
    private static (SalesData Even, SalesData Odd) Halves(SalesData data)
    {
        static (T[] Even, T[] Odd) Split<T>(IEnumerable<T> items) =>
            ([.. items.Where((_, i) => i % 2 == 0)], [.. items.Where((_, i) => i % 2 == 1)]);
        var activities = Split(data.Activities);
        var deals = Split(data.Deals);
        var leads = Split(data.Leads);
        var spend = Split(data.Spend);
        return (
            SalesData.Create(leads.Even, deals: deals.Even, activities: activities.Even, spend: spend.Even, roster: data.Roster),
            SalesData.Create(leads.Odd, deals: deals.Odd, activities: activities.Odd, spend: spend.Odd, roster: data.Roster));
    }

    private static void AssertSameReport(KpiReport expected, KpiReport actual)
    {
        Assert.Equal<string>(expected.Groups, actual.Groups);
        Assert.Equal<KpiPeriod>(expected.Periods, actual.Periods);
        Assert.Equal(
            expected.Rows.Select(r => (r.Group, r.Period.Label, r.KpiId, r.Value)),
            actual.Rows.Select(r => (r.Group, r.Period.Label, r.KpiId, r.Value)));
    }

    [Fact]
    public void Merge_DisjointHalvesByRepAndMonth_GivesExactlyTheReportOfTheWhole()
    {
        var data = VariedQuarter();
        var (even, odd) = Halves(data);
        var evaluator = new KpiEvaluator(UsdWithRates(), maxDegreeOfParallelism: 1);
        var query = new KpiQuery(Q1Of2025, ActivityAndLeadKpis, KpiGrouping.ByRep, PeriodUnit.Month);

        var whole = evaluator.Evaluate(data, query);
        var merged = evaluator.Accumulate(even, query);
        merged.Merge(evaluator.Accumulate(odd, query));

        AssertSameReport(whole, merged.ToReport());
        Assert.Equal<string>(["r1", "r2", "r3"], whole.Groups); // the data really was grouped, not empty
        Assert.True(whole.Get(KpiIds.EmailOpenRate, "r2", 1).IsDefined);
    }

    [Fact]
    public void Merge_DisjointHalvesWithSpendAndWeeks_GivesExactlyTheReportOfTheWhole()
    {
        var data = VariedQuarter();
        var (even, odd) = Halves(data);
        var evaluator = new KpiEvaluator(UsdWithRates(), maxDegreeOfParallelism: 1);
        var query = new KpiQuery(Q1Of2025, [Kpis.CostPerLead, Kpis.CostPerSql, Kpis.NewLeads, .. ActivityAndLeadKpis.Take(4)], per: PeriodUnit.Week);

        var whole = evaluator.Evaluate(data, query);
        var merged = evaluator.Accumulate(odd, query); // either order
        merged.Merge(evaluator.Accumulate(even, query));

        AssertSameReport(whole, merged.ToReport());
        Assert.True(whole.Get(KpiIds.CostPerLead, periodIndex: 3).IsDefined);
    }

    [Fact]
    public void Merge_HalfWithoutAGroup_AddsTheOtherHalfsGroup()
    {
        var evaluator = new KpiEvaluator();
        var query = new KpiQuery(March2025, [Kpis.Calls, new DemosCalculator()], KpiGrouping.ByRep);
        var first = evaluator.Accumulate(SalesData.Create(activities: [Call("r1", Mar(3)), Demo("r1", Mar(3))]), query);
        var second = evaluator.Accumulate(SalesData.Create(activities: [Call("r2", Mar(3)), Call("r1", Mar(4))]), query);

        first.Merge(second);
        var report = first.ToReport();

        // r1: 1 + 1 = 2 calls, 1 demo; r2 only in the second half: 1 call, 0 demos.
        Assert.Equal<string>(["r1", "r2"], report.Groups);
        Assert.Equal(2m, report.Get(KpiIds.Calls, "r1").Value);
        Assert.Equal(1m, report.Get(KpiIds.Calls, "r2").Value);
        Assert.Equal(0m, report.Get("demos", "r2").Value);
    }

    [Fact]
    public void Merge_Misuse_IsRefused()
    {
        var evaluator = new KpiEvaluator();
        var query = new KpiQuery(March2025, [Kpis.Calls]);
        var data = SalesData.Create(activities: [Call("r1", Mar(3))]);
        var a = evaluator.Accumulate(data, query);
        var b = evaluator.Accumulate(data, query);
        var otherQuery = evaluator.Accumulate(data, new KpiQuery(March2025, [Kpis.Calls]));

        Assert.Throws<ArgumentNullException>("other", () => a.Merge(null!));
        Assert.Throws<ArgumentException>("other", () => a.Merge(a));
        Assert.Throws<ArgumentException>("other", () => a.Merge(otherQuery));
        a.Merge(b);
        Assert.Throws<InvalidOperationException>(() => a.Merge(b)); // b was merged: it is used up
        Assert.Throws<InvalidOperationException>(() => b.ToReport());
        Assert.Equal(2m, a.ToReport().Get(KpiIds.Calls).Value); // the same call in both parts counts twice: parts must be disjoint
        Assert.Throws<InvalidOperationException>(() => a.ToReport());
    }
}
