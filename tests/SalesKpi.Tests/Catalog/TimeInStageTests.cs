using SalesKpi.BuiltIn;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Opportunities.OpportunityStage;
using static SalesKpi.Tests.Catalog.OpportunityTestData;

namespace SalesKpi.Tests.Catalog;

using Kpis = SalesKpi.Reporting.Kpis;

public sealed class TimeInStageTests
{
    // Default: days in FirstAppointment, latest completed stay; the period is decided by when the measured stay ended.
    private static readonly Opportunity[] Data1 =
    [
        // One stay, 1 → 11 March: 10 days.
        Open("t1", At(2025, 3, 1), owner: Ayse, stages: [Stage(FirstAppointment, At(2025, 3, 1)), Stage(Proposal, At(2025, 3, 11))]),

        // Two stays: 2 → 6 March (4 days) and 10 → 20 March (10 days). Latest: 10; cumulative: 14; both end 20 March.
        Open("t2", At(2025, 3, 1), owner: Ayse, stages:
        [
            Stage(FirstAppointment, At(2025, 3, 2)), Stage(Proposal, At(2025, 3, 6)),
            Stage(FirstAppointment, At(2025, 3, 10)), Stage(Negotiation, At(2025, 3, 20)),
        ]),

        // Lost while in FirstAppointment: the close ends the stay, 5 → 25 March: 20 days.
        Lost("t3", At(2025, 3, 1), At(2025, 3, 25), owner: Budi, stages: [Stage(FirstAppointment, At(2025, 3, 5))]),

        // Still in FirstAppointment: an ongoing stay is not measured.
        Open("t4", At(2025, 3, 1), owner: Budi, stages: [Stage(FirstAppointment, At(2025, 3, 8))]),

        // 1 → 4 February (3 days), then back in FirstAppointment since 15 March (ongoing). Latest completed stay: 3 days,
        // ending in February. Cumulative: not measured until the last stay ends.
        Open("t5", At(2025, 2, 1), owner: Olga, stages:
        [
            Stage(FirstAppointment, At(2025, 2, 1)), Stage(Proposal, At(2025, 2, 4)), Stage(FirstAppointment, At(2025, 3, 15)),
        ]),

        // Never in FirstAppointment.
        Open("t6", At(2025, 3, 1), owner: Olga, stages: [Stage(Proposal, At(2025, 3, 1))]),

        // One stay, 3 → 9 March: 6 days.
        Open("t7", At(2025, 3, 1), owner: Budi, stages: [Stage(FirstAppointment, At(2025, 3, 3)), Stage(Proposal, At(2025, 3, 9))]),
    ];

    private static TimeInStageCalculator Cumulative { get; } =
        new(new TimeInStageOptions { Id = "time-in-first-appointment-cumulative", Mode = TimeInStageMode.Cumulative });

    [Fact]
    public void Evaluate_LatestStay_MeasuresTheLatestCompletedStayOfEachOpportunity()
    {
        // Stays ended in March: t1 10, t2 10, t3 20, t7 6. Sorted: 6, 10, 10, 20 (n = 4).
        // Mean: 46 / 4 = 11.5.
        // Median: rank (4 − 1) × 0.5 = 1.5 → 10 + 0.5 × (10 − 10) = 10.
        // p25: rank 0.75 → 6 + 0.75 × (10 − 6) = 9. p75: rank 2.25 → 10 + 0.25 × (20 − 10) = 12.5.
        // p90: rank 2.7 → 10 + 0.7 × (20 − 10) = 17.
        var value = Evaluate(Kpis.TimeInStage, Data(Data1), Month(2025, 3));

        Assert.Equal(KpiUnit.Days, value.Unit);
        Assert.Equal(4, value.SampleSize);
        Assert.Equal(11.5m, value.Value);
        Assert.Equal(10m, value.Median);
        Assert.Equal(9m, value.Percentile25);
        Assert.Equal(12.5m, value.Percentile75);
        Assert.Equal(17m, value.Percentile90);
        Assert.Equal("11.5 days (median 10, n = 4)", value.ToString());
    }

    [Fact]
    public void Evaluate_Cumulative_AddsUpEveryStayOnceTheLastOneEnded()
    {
        // t1 10, t2 4 + 10 = 14, t3 20, t7 6. Sorted: 6, 10, 14, 20. Mean: 50 / 4 = 12.5.
        // Median: rank 1.5 → 10 + 0.5 × 4 = 12. p25: rank 0.75 → 6 + 0.75 × 4 = 9.
        // p75: rank 2.25 → 14 + 0.25 × 6 = 15.5. p90: rank 2.7 → 14 + 0.7 × 6 = 18.2.
        var value = Evaluate(Cumulative, Data(Data1), Month(2025, 3));

        Assert.Equal(4, value.SampleSize);
        Assert.Equal(12.5m, value.Value);
        Assert.Equal(12m, value.Median);
        Assert.Equal(9m, value.Percentile25);
        Assert.Equal(15.5m, value.Percentile75);
        Assert.Equal(18.2m, value.Percentile90);
    }

    [Fact]
    public void Evaluate_LatestStayWhileBackInTheStage_MeasuresThePreviousStayInItsOwnPeriod()
    {
        // t5's latest completed stay is 1 → 4 February: 3 days, in February. Cumulative does not measure t5 at all.
        var latest = Evaluate(Kpis.TimeInStage, Data(Data1), Month(2025, 2));
        var cumulative = Evaluate(Cumulative, Data(Data1), Month(2025, 2));

        Assert.Equal("3 days (median 3, n = 1)", latest.ToString());
        Assert.Equal("undefined: no stay in FirstAppointment ended in the period", cumulative.ToString());
    }

    [Fact]
    public void Evaluate_GroupedByRep_IsEachOwnersSample()
    {
        // ayse: t1 10, t2 10 → mean 10. budi: t3 20, t7 6 → mean 13, median 6 + 0.5 × 14 = 13.
        // olga: t5's stay ended in February, t6 never entered → undefined when every rep is asked for.
        var report = Report(Kpis.TimeInStage, Data(Data1), Month(2025, 3), KpiGrouping.ByRep, allGroups: true);

        Assert.Equal("10 days (median 10, n = 2)", report.Get(KpiIds.TimeInStage, "ayse").ToString());
        Assert.Equal("13 days (median 13, n = 2)", report.Get(KpiIds.TimeInStage, "budi").ToString());
        var olga = report.Get(KpiIds.TimeInStage, "olga");
        Assert.Equal("no stay in FirstAppointment ended in the period", olga.UndefinedReason);
        Assert.Equal(0, olga.SampleSize);
    }

    [Fact]
    public void Evaluate_AnotherStage_MeasuresIt()
    {
        // Proposal stays ended in March: t2 6 → 10 March (4 days) and t5 4 February → 15 March (24 + 15 = 39 days);
        // t1, t6 and t7 are still in Proposal. n = 2, mean (4 + 39) / 2 = 21.5.
        var kpi = new TimeInStageCalculator(new TimeInStageOptions { Id = "time-in-proposal", Stage = Proposal });

        var value = Evaluate(kpi, Data(Data1), Month(2025, 3));

        Assert.Equal("21.5 days (median 21.5, n = 2)", value.ToString());
    }

    [Fact]
    public void Evaluate_InIstanbul_CountsCalendarDaysBetweenLocalDates()
    {
        // Entered at 20:00 UTC on 1 March and left at 22:00 UTC on 2 March: 1 calendar day in UTC; in Istanbul
        // (UTC+3) that is 23:00 on 1 March to 01:00 on 3 March, 2 calendar days.
        Opportunity[] data =
        [
            Open("z1", At(2025, 3, 1, 20), stages: [Stage(FirstAppointment, At(2025, 3, 1, 20)), Stage(Proposal, At(2025, 3, 2, 22))]),
        ];

        Assert.Equal(1m, Evaluate(Kpis.TimeInStage, Data(data), Month(2025, 3)).Value);
        Assert.Equal(2m, Evaluate(Kpis.TimeInStage, Data(data), Month(2025, 3), KpiSettings.Default.WithZone("Europe/Istanbul")).Value);
    }

    [Fact]
    public void Merge_TwoPartitions_PoolsTheirStays()
    {
        // t1 10 and t2 10 in one partition; t3 20 and t7 6 in the other: the sample 6, 10, 10, 20, mean 46 / 4 = 11.5.
        var evaluator = new KpiEvaluator(maxDegreeOfParallelism: 1);
        var query = new KpiQuery(Month(2025, 3), [Kpis.TimeInStage]);
        var merged = evaluator.Accumulate(Data(Data1[..2]), query);
        merged.Merge(evaluator.Accumulate(Data(Data1[2..]), query));

        var value = merged.ToReport().Get(KpiIds.TimeInStage);
        Assert.Equal(4, value.SampleSize);
        Assert.Equal(11.5m, value.Value);
    }

    [Fact]
    public void DescriptionAndInput_NameTheStageAndTheMode()
    {
        Assert.Equal("days spent in FirstAppointment (latest stay)", Kpis.TimeInStage.Description);
        Assert.Equal("days spent in FirstAppointment (all stays)", Cumulative.Description);
        Assert.Equal("opportunities by end of the stay in FirstAppointment", Assert.Single(new TimeInStageCalculator().Inputs).Description);
    }
}
