using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Properties;

/// <summary>
/// Laws that tie KPIs of one report to each other, as docs/kpis.md defines them: growth is the change of the series it is
/// the growth of, churn is 1 − retention, revenue is the value of the deals won and the average deal size their mean,
/// and flow KPIs (events counted or summed where they happen) add up over the periods to the whole range.
/// </summary>
public sealed class KpiConsistencyProperties
{
    /// <summary>KPIs counted or summed at the instant of one event each, so additive over the periods of a range.
    /// <c>qualified-pipeline</c> and <c>stalled-deals</c> are left out: they are stocks (open opportunities at each period's end).</summary>
    private static readonly KpiCalculator[] FlowKpis =
        [.. KpiEvaluatorProperties.AllKpis.Where(k => k.Unit == KpiUnit.Count && k.Id is not (KpiIds.QualifiedPipeline or KpiIds.StalledDeals)), Kpis.Revenue];

    [Property(MaxTest = 100, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Evaluate_FlowKpisPerPeriodSummed_GiveTheValueOverTheWholeRange(Scenario s)
    {
        var evaluator = KpiEvaluatorProperties.Evaluator(s);
        var perPeriod = evaluator.Evaluate(s.Data, s.Query(FlowKpis, KpiGrouping.ByRep));
        var whole = evaluator.Evaluate(s.Data, s.Query(FlowKpis, KpiGrouping.ByRep, PeriodUnit.None));

        Assert.Equal<string>(whole.Groups, perPeriod.Groups);
        foreach (var group in whole.Groups)
        {
            foreach (var kpi in FlowKpis)
            {
                var total = whole.Get(kpi.Id, group);
                var parts = Enumerable.Range(0, perPeriod.Periods.Length).Select(p => perPeriod.Get(kpi.Id, group, p)).ToArray();
                Assert.True(
                    total.Value == parts.Sum(v => v.Value) && (total.Amount?.Amount ?? 0m) == parts.Sum(v => v.Amount?.Amount ?? 0m)
                    && total.UnpricedCount == parts.Sum(v => v.UnpricedCount),
                    $"{kpi.Id} of {group}: {total} over the range, {string.Join(" + ", parts.Select(v => v.ToString()))} per period ({s}).");
            }
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Evaluate_GrowthChurnRevenueAndAverageDealSize_AgreeWithTheKpisTheyAreMadeOf(Scenario s)
    {
        var report = KpiEvaluatorProperties.Evaluator(s).Evaluate(
            s.Data,
            s.Query([Kpis.Revenue, Kpis.RevenueGrowth, Kpis.DealsWon, Kpis.DealsWonGrowth, Kpis.AverageDealSize, Kpis.CustomerRetentionRate, Kpis.ChurnRate]));

        foreach (var group in report.Groups)
        {
            for (var p = 0; p < report.Periods.Length; p++)
            {
                var revenue = report.Get(KpiIds.Revenue, group, p);
                var dealsWon = report.Get(KpiIds.DealsWon, group, p);

                // Growth from the previous period of the report: (now − before) / before, undefined when before is 0.
                if (p > 0)
                {
                    AssertChange(report.Get(KpiIds.Revenue, group, p - 1), revenue, report.Get(KpiIds.RevenueGrowth, group, p), s);
                    AssertChange(report.Get(KpiIds.DealsWon, group, p - 1), dealsWon, report.Get(KpiIds.DealsWonGrowth, group, p), s);
                }

                // Churn = 1 − retention, as a ratio of the same customers: (S − retained) / S.
                var retention = report.Get(KpiIds.CustomerRetentionRate, group, p);
                var churn = report.Get(KpiIds.ChurnRate, group, p);
                Assert.Equal(retention.IsDefined, churn.IsDefined);
                if (retention.Value is { } r)
                {
                    Assert.Equal(retention.Denominator, churn.Denominator);
                    Assert.Equal(retention.Denominator - retention.Numerator, churn.Numerator);
                    Assert.Equal(1m - r, churn.Value!.Value, 20);
                }

                // Revenue is the value of the deals won, and the average deal size that value per deal.
                Assert.Equal(revenue.Value, dealsWon.Amount?.Amount ?? (revenue.IsDefined ? 0m : null));
                var average = report.Get(KpiIds.AverageDealSize, group, p);
                var priced = dealsWon.Value - dealsWon.UnpricedCount;
                if (average.Value is { } a)
                {
                    Assert.Equal(revenue.Value!.Value / priced!.Value, a, 20);
                }
                else
                {
                    Assert.True(priced is null or 0m, $"average deal size of {group} in {report.Periods[p].Label} is {average} with {dealsWon} ({s}).");
                }
            }
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Evaluate_GrowthInTheFirstPeriod_ComparesWithTheWholeBucketBefore(Scenario s)
    {
        // docs/kpis.md: the first period is compared with the whole bucket before the one the range starts in (the
        // previous week, month, quarter or fiscal year), or with as many days before an unbucketed range.
        var report = KpiEvaluatorProperties.Evaluator(s).Evaluate(s.Data, s.Query([Kpis.Revenue, Kpis.RevenueGrowth], KpiGrouping.None));
        var (start, end) = PreviousBucket(s);
        var before = KpiEvaluatorProperties.Evaluator(s).Evaluate(Kpis.Revenue, s.Data, new DateInterval(start, end));

        AssertChange(before, report.Get(KpiIds.Revenue), report.Get(KpiIds.RevenueGrowth), s);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Where_ComplementaryFilters_AddUpToTheUnfilteredKpi(Scenario s)
    {
        // A filter and its complement split the records in two, so the two filtered counts (and amounts) add up to the
        // unfiltered one, in every group and period.
        KpiCalculator[] kpis =
        [
            Kpis.DealsWon, Kpis.Calls, Kpis.NewOpportunities,
            Kpis.DealsWon.Where(KpiFilter.Deals(d => d.Value.Amount >= 5_000m), "big-deals"),
            Kpis.DealsWon.Where(KpiFilter.Deals(d => d.Value.Amount < 5_000m), "small-deals"),
            Kpis.Calls.Where(KpiFilter.Activities(a => a.Owner == SalesDataGen.Reps[0]), "calls-of-r1"),
            Kpis.Calls.Where(KpiFilter.Activities(a => a.Owner != SalesDataGen.Reps[0]), "calls-of-others"),
            Kpis.NewOpportunities.Where(KpiFilter.Opportunities(o => o.Lead is null), "opportunities-without-lead"),
            Kpis.NewOpportunities.Where(KpiFilter.Opportunities(o => o.Lead is not null), "opportunities-from-leads"),
        ];
        var report = KpiEvaluatorProperties.Evaluator(s).Evaluate(s.Data, s.Query(kpis));

        foreach (var group in report.Groups)
        {
            for (var p = 0; p < report.Periods.Length; p++)
            {
                foreach (var (whole, one, other) in new[]
                {
                    (KpiIds.DealsWon, "big-deals", "small-deals"),
                    (KpiIds.Calls, "calls-of-r1", "calls-of-others"),
                    (KpiIds.NewOpportunities, "opportunities-without-lead", "opportunities-from-leads"),
                })
                {
                    var total = report.Get(whole, group, p);
                    var a = report.Get(one, group, p);
                    var b = report.Get(other, group, p);
                    Assert.True(
                        total.Value == a.Value + b.Value && (total.Amount?.Amount ?? 0m) == (a.Amount?.Amount ?? 0m) + (b.Amount?.Amount ?? 0m)
                        || (!total.IsDefined && !a.IsDefined && !b.IsDefined),
                        $"{whole} of {group} in {report.Periods[p].Label}: {total}, split into {a} and {b} ({s}).");
                }
            }
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Evaluate_DurationKpis_HaveOrderedPercentilesAndAMeanWithinTheSample(Scenario s)
    {
        // Every day count is at least 0 (an opportunity closes, and leaves a stage, no earlier than it began), so for
        // every defined sample: 0 <= p25 <= median <= p75 <= p90, a mean of at least 0, and n > 0.
        var durations = KpiEvaluatorProperties.AllKpis.Where(k => k.Unit == KpiUnit.Days).ToArray();
        var report = KpiEvaluatorProperties.Evaluator(s).Evaluate(s.Data, s.Query(durations));

        Assert.NotEmpty(durations);
        foreach (var row in report.Rows)
        {
            var v = row.Value;
            if (v.Value is not { } mean)
            {
                continue;
            }

            Assert.True(
                v.SampleSize > 0 && mean >= 0m && 0m <= v.Percentile25 && v.Percentile25 <= v.Median && v.Median <= v.Percentile75
                && v.Percentile75 <= v.Percentile90,
                $"{row}: p25 {v.Percentile25}, p75 {v.Percentile75}, p90 {v.Percentile90}, n {v.SampleSize} ({s}).");
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void CompareWithPeersAndTrend_AnyGroup_AgreeWithTheReportsValues(Scenario s)
    {
        KpiCalculator[] kpis = [Kpis.Calls, Kpis.Revenue, Kpis.CloseRate, Kpis.SalesCycleLength];
        var report = KpiEvaluatorProperties.Evaluator(s).Evaluate(s.Data, s.Query(kpis));
        var peers = report.Groups.Where(g => g != KpiGrouping.NoKey).ToArray();

        foreach (var kpi in kpis)
        {
            foreach (var group in report.Groups)
            {
                // The trend is the group's series, each point's change taken from the point before (none for the first).
                var trend = report.Trend(kpi.Id, group);
                Assert.Equal(report.Periods.Length, trend.Points.Length);
                for (var p = 0; p < trend.Points.Length; p++)
                {
                    Assert.Equal(report.Get(kpi.Id, group, p), trend.Points[p].Value);
                    if (p == 0)
                    {
                        Assert.False(trend.Points[p].Change.IsDefined);
                    }
                    else
                    {
                        AssertChange(trend.Points[p - 1].Value, trend.Points[p].Value, trend.Points[p].Change, s);
                    }
                }

                // The peers are the other groups with a value, "(none)" never among them: their count, their mean (so
                // the group's value plus the peers' sum is the sum over all), and a rank of 1 + the peers doing better.
                for (var p = 0; p < report.Periods.Length; p++)
                {
                    var comparison = report.CompareWithPeers(kpi.Id, group, p);
                    var others = peers.Where(g => g != group).Select(g => report.Get(kpi.Id, g, p).Value).OfType<decimal>().ToArray();
                    Assert.Equal(others.Length, comparison.PeerCount);
                    if (others.Length > 0)
                    {
                        Assert.Equal(others.Sum() / others.Length, comparison.PeerMean.Value);
                    }

                    if (report.Get(kpi.Id, group, p).Value is { } v)
                    {
                        var better = kpi.Direction == KpiDirection.HigherIsBetter ? others.Count(o => o > v) : others.Count(o => o < v);
                        Assert.Equal(better + 1, comparison.Rank);
                    }
                    else
                    {
                        Assert.Null(comparison.Rank);
                    }
                }
            }
        }
    }

    private static (LocalDate Start, LocalDate End) PreviousBucket(Scenario s)
    {
        var first = s.Range.Start;
        switch (s.Per)
        {
            case PeriodUnit.Day:
                return (first.PlusDays(-1), first.PlusDays(-1));
            case PeriodUnit.Week:
                var weekStart = first.PlusDays(-(((int)first.DayOfWeek - (int)s.FirstDayOfWeek + 7) % 7));
                return (weekStart.PlusDays(-7), weekStart.PlusDays(-1));
            case PeriodUnit.Month:
                var monthStart = new LocalDate(first.Year, first.Month, 1);
                return (monthStart.PlusMonths(-1), monthStart.PlusDays(-1));
            case PeriodUnit.Quarter:
                var quarterStart = new LocalDate(first.Year, first.Month - ((first.Month - 1) % 3), 1);
                return (quarterStart.PlusMonths(-3), quarterStart.PlusDays(-1));
            case PeriodUnit.FiscalYear:
                var yearStart = new LocalDate(first.Month >= s.FiscalYearStartMonth ? first.Year : first.Year - 1, s.FiscalYearStartMonth, 1);
                return (yearStart.PlusYears(-1), yearStart.PlusDays(-1));
            case PeriodUnit.FiscalQuarter:
                // The month the fiscal quarter of the first date starts in: 0 to 2 months back, on the fiscal year's grid of 3.
                var fiscalQuarterStart = new LocalDate(first.Year, first.Month, 1).PlusMonths(-((first.Month - s.FiscalYearStartMonth + 12) % 3));
                return (fiscalQuarterStart.PlusMonths(-3), fiscalQuarterStart.PlusDays(-1));
            default:
                return (first.PlusDays(-s.Range.Length), first.PlusDays(-1));
        }
    }

    private static void AssertChange(KpiValue before, KpiValue now, KpiValue change, Scenario s)
    {
        if (before.Value is { } b && b != 0m && now.Value is { } n)
        {
            Assert.True(
                change.Numerator == n - b && change.Denominator == b,
                $"change from {before} to {now} is {change} ({s}).");
        }
        else
        {
            Assert.False(change.IsDefined, $"change from {before} to {now} is {change} ({s}).");
        }
    }
}
