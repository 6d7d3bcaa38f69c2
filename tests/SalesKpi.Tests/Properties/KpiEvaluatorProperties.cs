using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Properties;

/// <summary>
/// Laws of the evaluator that a user relies on, checked over generated data sets (<see cref="SalesDataGen"/>): shares stay
/// within [0, 1], order does not matter, groups add up, periods tile the range, partitions merge into the whole, and the
/// engines (columnar or general, one partition or many) agree.
/// </summary>
public sealed class KpiEvaluatorProperties
{
    /// <summary>
    /// The ratio KPIs that are not shares of a whole, so may exceed 1 (or go below 0); every other KPI whose
    /// <see cref="KpiCalculator.Unit"/> is <see cref="KpiUnit.Ratio"/> is a share, and a new one is covered by the law at once.
    /// </summary>
    private static readonly Dictionary<string, string> NotShares = new(StringComparer.Ordinal)
    {
        [KpiIds.CallToMeetingRate] = "meetings / calls: a rep may book more meetings than they make calls",
        [KpiIds.MeetingToDealRate] = "won deals / meetings: deals can be won without a meeting in the period",
        [KpiIds.RevenueGrowth] = "a change: from -1 up, unbounded",
        [KpiIds.DealsWonGrowth] = "a change: from -1 up, unbounded",
        [KpiIds.NetRevenueRetention] = "expansion (add-ons, upsells) lifts it above 1",
        [KpiIds.SaasMagicNumber] = "a multiple of last quarter's spend, negative when recurring revenue shrinks",
        ["calls-per-deal"] = "a user's ratio of two KPIs (DividedBy): any non-negative number",
        ["calls-growth"] = "a change: from -1 up, unbounded",
        ["converted-per-qualified"] = "a ratio of two record streams, not a subset of a population: leads converted need not have qualified",
    };

    /// <summary>Gets the built-in catalog followed by the user-defined KPIs of <see cref="CustomKpis"/>.</summary>
    public static KpiCalculator[] AllKpis { get; } = [.. Kpis.All, .. CustomKpis.All];

    /// <summary>Gets the share KPIs of the catalog: its ratios, less the ones listed as not shares.</summary>
    public static KpiCalculator[] ShareKpis { get; } = [.. AllKpis.Where(k => k.Unit == KpiUnit.Ratio && !NotShares.ContainsKey(k.Id))];

    /// <summary>Gets the count KPIs of the catalog.</summary>
    public static KpiCalculator[] CountKpis { get; } = [.. AllKpis.Where(k => k.Unit == KpiUnit.Count)];

    [Fact]
    public void ShareKpis_FromTheCatalog_AreTheDocumentedShares()
    {
        // The exclusions name real ratio KPIs (a renamed or removed one would leave the list stale), and the shares the
        // law covers include the spec's (docs/kpis.md): the email rates, lead-to-opportunity, close rate, stage
        // conversion, retention and churn.
        Assert.All(NotShares.Keys, id => Assert.Equal(KpiUnit.Ratio, Assert.Single(AllKpis, k => k.Id == id).Unit));
        Assert.Equal(
            [
                KpiIds.EmailDeliveryRate, KpiIds.EmailOpenRate, KpiIds.EmailReplyRate, KpiIds.PositiveReplyRate, KpiIds.NextAppointmentRate,
                KpiIds.LeadToOpportunityRate, KpiIds.LeadResponseSla, KpiIds.CloseRate, KpiIds.StageConversion,
                KpiIds.LostReasonRate, KpiIds.StalledDealRate, KpiIds.CustomerRetentionRate, KpiIds.ChurnRate,
                "renewal-share", "connected-call-share",
            ],
            ShareKpis.Select(k => k.Id));
    }

    [Fact]
    public void Generator_SampledScenarios_GivePositiveValuesOfEveryShareCountAndDuration()
    {
        // The laws below would hold vacuously if the generated data left the KPIs undefined or zero: in 60 cases with a
        // fixed seed (size and count are both 60: the generators do not grow with size), every share, count and
        // duration KPI is above zero somewhere.
        var cases = SalesDataGen.Scenario().Sample(60, new Rnd(20261205UL), 60);
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in cases)
        {
            var report = new KpiEvaluator(s.Settings, maxDegreeOfParallelism: 1).Evaluate(s.Data, s.Query(AllKpis, KpiGrouping.None));
            defined.UnionWith(report.Rows.Where(r => r.Value.Value is > 0m).Select(r => r.KpiId));
        }

        Assert.All(ShareKpis.Concat(CountKpis).Concat(AllKpis.Where(k => k.Unit == KpiUnit.Days)), k => Assert.Contains(k.Id, defined));
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Evaluate_AnyData_EveryShareIsUndefinedOrWithinZeroAndOne(Scenario s)
    {
        var report = Evaluator(s).Evaluate(s.Data, s.Query(ShareKpis));

        foreach (var row in report.Rows)
        {
            if (row.Value.Value is { } v && (v < 0m || v > 1m))
            {
                Assert.Fail($"{row} is outside [0, 1] ({s}).");
            }
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Evaluate_EveryCollectionShuffled_GivesTheSameReport(Scenario s)
    {
        var random = new Random(s.Seed);
        var d = s.Data;
        var shuffled = SalesData.Create(
            Shuffle(d.Leads, random), Shuffle(d.Opportunities, random), Shuffle(d.Deals, random), Shuffle(d.Activities, random),
            Shuffle(d.Spend, random), new Reps.Roster(Shuffle(d.Roster.Reps, random)));
        var evaluator = Evaluator(s);

        ReportAssert.Same(evaluator.Evaluate(d, s.Query(AllKpis)), evaluator.Evaluate(shuffled, s.Query(AllKpis)));
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Evaluate_CountsOfEveryGroupSummed_GiveTheUngroupedCount(Scenario s)
    {
        var evaluator = Evaluator(s);
        var whole = evaluator.Evaluate(s.Data, s.Query(CountKpis, KpiGrouping.None));
        var grouped = evaluator.Evaluate(s.Data, new KpiQuery(s.Range, CountKpis, s.Grouping, s.Per, includeAllKnownGroups: s.Seed % 2 == 0));
        Assert.Equal<KpiPeriod>(whole.Periods, grouped.Periods);
        for (var p = 0; p < whole.Periods.Length; p++)
        {
            foreach (var kpi in CountKpis)
            {
                // Every record is in one group: its rep's, team's, source's, … or "(none)" when it has no key (a lead
                // with no owner, a rep in no team, an activity with no tool). So the groups' counts, and their amounts,
                // add up to the whole's — unless the grouping does not apply to the KPI's records (leads by deal kind or
                // by tool): then the records are in no group, and the KPI is undefined in every group there is.
                var total = whole.Get(kpi.Id, KpiGrouping.AllKey, p);
                var parts = grouped.Groups.Select(g => grouped.Get(kpi.Id, g, p)).ToArray();
                if (AppliesToPartOfTheRecords(s.Grouping) && parts.All(v => !v.IsDefined))
                {
                    continue;
                }

                Assert.True(
                    total.Value == parts.Sum(v => v.Value ?? 0m) && parts.All(v => v.IsDefined),
                    $"{kpi.Id} by {s.Grouping} in {whole.Periods[p].Label}: {string.Join(", ", parts.Select(v => v.ToString()))} vs {total} ({s})");
                Assert.Equal(total.Amount?.Amount ?? 0m, parts.Sum(v => v.Amount?.Amount ?? 0m));
                Assert.Equal(total.UnpricedCount, parts.Sum(v => v.UnpricedCount));
            }
        }
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Evaluate_AnyPeriodUnitAndZone_PutsEveryEventInExactlyOnePeriod(Scenario s)
    {
        var zone = s.Zone;
        var report = Evaluator(s).Evaluate(s.Data, s.Query([Kpis.Calls, Kpis.NewLeads, Kpis.DealsWon], KpiGrouping.None));
        var periods = report.Periods;

        // The periods tile the range: from the zone's start of its first day to the start of the day after its last,
        // each one starting where the one before ends, at the start of a day in the zone, on a bucket boundary.
        Assert.Equal(s.Range.Start, periods[0].Dates.Start);
        Assert.Equal(s.Range.End, periods[^1].Dates.End);
        for (var p = 0; p < periods.Length; p++)
        {
            var period = periods[p];
            Assert.Equal(zone.AtStartOfDay(period.Dates.Start).ToInstant(), period.Start);
            Assert.Equal(zone.AtStartOfDay(period.Dates.End.PlusDays(1)).ToInstant(), period.End);
            if (p > 0)
            {
                Assert.Equal(periods[p - 1].Dates.End.PlusDays(1), period.Dates.Start);
                Assert.True(IsBucketStart(period.Dates.Start, s), $"{period} does not start a {s.Per} ({s}).");
            }
        }

        // Every event whose local date is in the range is in exactly one period, the one whose dates hold that date;
        // every other event is in none.
        var instants = s.Data.Activities.Select(a => a.OccurredAt)
            .Concat(s.Data.Leads.Select(l => l.CreatedAt))
            .Concat(s.Data.Deals.Select(d => d.ClosedAt))
            .Concat(s.Data.Opportunities.Select(o => o.CreatedAt));
        foreach (var instant in instants)
        {
            var date = instant.InZone(zone).Date;
            var containing = periods.Where(p => p.Contains(instant)).ToArray();
            Assert.True(
                containing.Length == (s.Range.Contains(date) ? 1 : 0) && containing.All(p => p.Dates.Contains(date)),
                $"{instant} (local {date}) is in {containing.Length} periods: {string.Join(", ", containing.Select(p => p.ToString()))} ({s}).");
        }

        // And the KPIs count each event once: per-period counts add up to a count made by hand from local dates.
        bool InRange(Instant instant) => s.Range.Contains(instant.InZone(zone).Date);
        Assert.Equal(s.Data.Activities.Count(a => a.Kind == SalesActivityKind.Call && InRange(a.OccurredAt)), SumOver(report, KpiIds.Calls));
        Assert.Equal(s.Data.Leads.Count(l => InRange(l.CreatedAt)), SumOver(report, KpiIds.NewLeads));
        Assert.Equal(s.Data.Deals.Count(d => InRange(d.ClosedAt)), SumOver(report, KpiIds.DealsWon));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Merge_DisjointPartitionsAccumulated_GivesExactlyTheWhole(Scenario s)
    {
        // Source keys of opportunities, deals and activities are looked up through their lead or opportunity in the same
        // snapshot, so a partition that lacks the lead groups them differently: partitions merge exactly for every
        // grouping that reads the record alone. Source grouping is checked by rep instead. stalled-deals and
        // stalled-deal-rate look up an opportunity's activities in the same snapshot too, so they are left out.
        var grouping = ReferenceEquals(s.Grouping, KpiGrouping.BySource) ? KpiGrouping.ByRep : s.Grouping;
        var random = new Random(s.Seed);
        var count = 2 + (s.Seed % 3);
        var d = s.Data;
        var leads = Split(d.Leads, count, random);
        var opportunities = Split(d.Opportunities, count, random);
        var deals = Split(d.Deals, count, random);
        var activities = Split(d.Activities, count, random);
        var spend = Split(d.Spend, count, random);
        var parts = Enumerable.Range(0, count)
            .Select(i => SalesData.Create(leads[i], opportunities[i], deals[i], activities[i], spend[i], d.Roster))
            .ToArray();
        var evaluator = Evaluator(s);
        // The lead-response and stalled KPIs look a lead's or an opportunity's activities up in the same snapshot too
        // (docs/kpis.md), so they merge exactly only when each partition holds those activities: they are left out here.
        var query = s.Query([.. AllKpis.Where(k => k.Id is not (KpiIds.LeadResponseTime or KpiIds.LeadResponseTimeP90 or KpiIds.LeadResponseSla or KpiIds.StalledDeals or KpiIds.StalledDealRate))], grouping);

        var merged = evaluator.Accumulate(parts[0], query);
        foreach (var part in parts.Skip(1))
        {
            merged.Merge(evaluator.Accumulate(part, query));
        }

        ReportAssert.Same(evaluator.Evaluate(d, query), merged.ToReport());
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Evaluate_ColumnarOrGeneralEngineOnOneOrManyPartitions_GivesTheSameReport(Scenario s)
    {
        // The reference: the general engine (every KPI through its accumulator), one partition, one core. The others split
        // every collection into as many partitions as cores allowed (one record per partition at least) and merge them.
        var query = s.Query(AllKpis);
        var reference = new KpiEvaluator(s.Settings, null, null, 1, columnar: false, recordsPerPartition: int.MaxValue).Evaluate(s.Data, query);

        ReportAssert.Same(reference, new KpiEvaluator(s.Settings, maxDegreeOfParallelism: 1).Evaluate(s.Data, query));
        ReportAssert.Same(reference, new KpiEvaluator(s.Settings, null, null, 4, columnar: true, recordsPerPartition: 1).Evaluate(s.Data, query));
        ReportAssert.Same(reference, new KpiEvaluator(s.Settings, null, null, 3, columnar: false, recordsPerPartition: 1).Evaluate(s.Data, query));
    }

    private static bool AppliesToPartOfTheRecords(KpiGrouping grouping) =>
        !new[] { KpiRecordType.Leads, KpiRecordType.Opportunities, KpiRecordType.Deals, KpiRecordType.Activities }.All(grouping.Supports);

    internal static KpiEvaluator Evaluator(Scenario s) => new(s.Settings, maxDegreeOfParallelism: 1);

    private static decimal SumOver(KpiReport report, string kpiId) =>
        Enumerable.Range(0, report.Periods.Length).Sum(p => report.Get(kpiId, KpiGrouping.AllKey, p).Value ?? 0m);

    private static bool IsBucketStart(LocalDate date, Scenario s) => s.Per switch
    {
        PeriodUnit.Day => true,
        PeriodUnit.Week => date.DayOfWeek == s.FirstDayOfWeek,
        PeriodUnit.Month => date.Day == 1,
        PeriodUnit.Quarter => date.Day == 1 && date.Month % 3 == 1,
        PeriodUnit.FiscalYear => date.Day == 1 && date.Month == s.FiscalYearStartMonth,
        PeriodUnit.FiscalQuarter => date.Day == 1 && (date.Month - s.FiscalYearStartMonth + 12) % 3 == 0,
        _ => false,
    };

    private static T[] Shuffle<T>(IEnumerable<T> items, Random random)
    {
        var array = items.ToArray();
        random.Shuffle(array);
        return array;
    }

    private static List<T>[] Split<T>(IEnumerable<T> items, int count, Random random)
    {
        var parts = Enumerable.Range(0, count).Select(_ => new List<T>()).ToArray();
        foreach (var item in items)
        {
            parts[random.Next(count)].Add(item);
        }

        return parts;
    }
}
