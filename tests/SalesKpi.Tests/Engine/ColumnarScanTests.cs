using NodaTime;
using SalesKpi.Activities;
using SalesKpi.BuiltIn;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Engine;

using Kpis = SalesKpi.Reporting.Kpis;

/// <summary>
/// The columnar scan must give exactly what the general engine gives, record by record: every value, unit, reason,
/// group and row order, for every built-in KPI, filters, custom measures, groupings, period units, time zones (with
/// daylight saving), ranges that start inside a bucket, several partitions, and money in one or several currencies.
/// </summary>
public sealed partial class ColumnarScanTests
{
    private static readonly KpiCalculator[] Extra =
    [
        Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue"),
        Kpis.AverageDealSize.Where(KpiFilter.DealKind(DealKind.AddOn).And(KpiFilter.DealKind(DealKind.AddOn)), "add-on-size"),
        Kpis.NewLeads.Where(KpiFilter.Source("web"), "web-leads"),
        Kpis.Calls.Where(KpiFilter.Activities(a => a.Has(ActivityOutcomes.Connected)), "connected-calls"),
        Kpis.DealsWon.Where(KpiFilter.Source("web"), "web-deals"),
        new CloseRateCalculator(new CloseRateOptions { Id = "close-rate-by-value", Basis = CloseRateBasis.Value }),
        new CloseRateCalculator(new CloseRateOptions { Id = "cohort-close-rate", Population = CloseRatePopulation.Cohort }),
        new CloseRateCalculator(new CloseRateOptions { Id = "cohort-close-rate-by-value", Population = CloseRatePopulation.Cohort, Basis = CloseRateBasis.Value }),
        new MeasureKpiCalculator("demos", KpiMeasure.Count(KpiRecords.Activities.OfKind(new SalesActivityKind("demo")))),
        new MeasureKpiCalculator("odd-outcomes", KpiMeasure.Count(KpiRecords.Activities.Where((k, o) => ((int)o % 3) == 1 && k.Name.Length > 4, "odd outcomes"))),
        new MeasureKpiCalculator("qualified-share", KpiMeasure.Share(KpiRecords.LeadsCreated, KpiRecords.LeadsCreated.Qualified(), "no leads")),
        new MeasureKpiCalculator("referral-conversions", KpiMeasure.Count(KpiRecords.LeadsConverted.FromSource("referral", "event"))),
        new MeasureKpiCalculator("lost-value", KpiMeasure.Total(KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Lost))),
        new MeasureKpiCalculator("open-cycle", KpiMeasure.CycleDays(KpiRecords.OpportunitiesCreated, "none")),
        new MeasureKpiCalculator("won-deal-share", KpiMeasure.Share(KpiRecords.Deals, KpiRecords.Deals.OfKind(DealKind.NewBusiness, DealKind.WinBack), "no deals", byAmount: true)),
        new MeasureKpiCalculator("calls-per-lead", KpiMeasure.Ratio(KpiRecords.Activities.OfKind(SalesActivityKind.Call), KpiRecords.LeadsCreated, "no leads")),
        Kpis.Calls.DividedBy(Kpis.DealsWon, "calls-per-deal"),
    ];

    public static TheoryData<string, PeriodUnit, int, int> Cases()
    {
        var data = new TheoryData<string, PeriodUnit, int, int>();
        string[] zones = ["Etc/UTC", "Europe/Istanbul", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"];
        PeriodUnit[] units = [PeriodUnit.None, PeriodUnit.Week, PeriodUnit.Month, PeriodUnit.Quarter, PeriodUnit.FiscalYear, PeriodUnit.FiscalQuarter, PeriodUnit.Day];
        var seed = 1;
        foreach (var zone in zones)
        {
            foreach (var unit in units)
            {
                data.Add(zone, unit, seed, seed % 3);
                seed++;
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_EveryGrouping_GivesWhatTheGeneralEngineGives(string zone, PeriodUnit per, int seed, int startOffset)
    {
        var data = RandomSalesData.Create(seed);
        var settings = KpiSettings.Default.WithZone(zone).WithFirstDayOfWeek((IsoDayOfWeek)(1 + (seed % 7))).WithFiscalYearStartMonth(1 + (seed % 12));
        var range = new DateInterval(new LocalDate(2025, 1, 1).PlusDays(startOffset * 10), new LocalDate(2025, 5, 20));
        KpiGrouping[] groupings =
        [
            KpiGrouping.None, KpiGrouping.ByRep, KpiGrouping.ByTeam, KpiGrouping.BySource, KpiGrouping.ByDealKind, KpiGrouping.ByTool,
            KpiGrouping.Custom("account", opportunities: o => o.Account.Value, deals: d => d.Account.Value),
        ];
        foreach (var grouping in groupings)
        {
            foreach (var all in new[] { false, true })
            {
                var query = new KpiQuery(range, [.. Kpis.All, .. Extra], grouping, per, all);
                AssertSame(General(settings).Evaluate(data, query), Columnar(settings).Evaluate(data, query));
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Evaluate_SeveralPartitions_GivesWhatOnePartitionGives(int seed)
    {
        var data = RandomSalesData.Create(seed, size: 3_000);
        var settings = KpiSettings.Default.WithZone("Europe/Istanbul");
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 6), new LocalDate(2025, 6, 1)), [.. Kpis.All, .. Extra], KpiGrouping.ByRep, PeriodUnit.Week);
        var single = General(settings).Evaluate(data, query);
        var split = new KpiEvaluator(settings, null, null, maxDegreeOfParallelism: 4, columnar: true, recordsPerPartition: 100).Evaluate(data, query);
        AssertSame(single, split);
    }

    [Theory]
    [InlineData(1, PeriodUnit.Week)]
    [InlineData(2, PeriodUnit.Month)]
    public void Evaluate_SeveralPartitionsOfColumnarKpisOnly_GivesWhatOnePartitionGives(int seed, PeriodUnit per)
    {
        // No KPI needs the general engine: the partitions' counters alone are merged.
        var data = RandomSalesData.Create(seed, size: 3_000);
        var settings = KpiSettings.Default.WithZone("America/New_York");
        KpiCalculator[] kpis =
        [
            Kpis.Calls, Kpis.Conversations, Kpis.CallToMeetingRate, Kpis.EmailOpenRate, Kpis.NewLeads, Kpis.SqlCount, Kpis.CloseRate,
            Kpis.AverageDealSize, Kpis.SalesCycleLength, Kpis.RevenueGrowth, Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue"),
        ];
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 6), new LocalDate(2025, 6, 1)), kpis, KpiGrouping.ByTeam, per);
        var split = new KpiEvaluator(settings, null, null, maxDegreeOfParallelism: 3, columnar: true, recordsPerPartition: 100);
        AssertSame(General(settings).Evaluate(data, query), split.Evaluate(data, query));
    }

    [Fact]
    public void Evaluate_MixedCurrenciesWithRates_GivesWhatTheGeneralEngineGives()
    {
        var data = RandomSalesData.Create(7, mixedCurrencies: true);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, new HalfRates());
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 4, 30)), [.. Kpis.All, .. Extra], KpiGrouping.ByTeam, PeriodUnit.Month);
        AssertSame(General(settings).Evaluate(data, query), Columnar(settings).Evaluate(data, query));
    }

    [Fact]
    public void Evaluate_MixedCurrenciesWithoutRates_FailsAsTheGeneralEngineDoes()
    {
        var data = RandomSalesData.Create(8, mixedCurrencies: true);
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 4, 30)), [Kpis.Revenue], KpiGrouping.ByRep, PeriodUnit.Month);
        var general = Assert.Throws<InvalidOperationException>(() => General(KpiSettings.Default).Evaluate(data, query));
        var columnar = Assert.Throws<InvalidOperationException>(() => Columnar(KpiSettings.Default).Evaluate(data, query));
        Assert.Equal(general.Message, columnar.Message);
    }

    [Fact]
    public void Evaluate_ReportingCurrencyOfTheData_SumsOnTheColumns()
    {
        var data = RandomSalesData.Create(9);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD);
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 4, 30)), [Kpis.Revenue, Kpis.NewOpportunities], KpiGrouping.ByRep, PeriodUnit.Month);
        AssertSame(General(settings).Evaluate(data, query), Columnar(settings).Evaluate(data, query));
        var plan = FastPlan.Create(CompiledQuery.Compile(query, settings), data, settings);
        Assert.NotNull(plan);
        Assert.True(plan.IsFast(0));
    }

    [Fact]
    public void Accumulate_HalvesOfDifferentSnapshotsMerged_GiveTheWhole()
    {
        // One half in euros only evaluates money KPIs on the columns, the other (mixed, converted) on the general engine.
        var whole = RandomSalesData.Create(10, mixedCurrencies: true);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, new HalfRates());
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 4, 30)), [.. Kpis.All, .. Extra], KpiGrouping.ByRep, PeriodUnit.Month);
        SalesData Half(int parity) => SalesData.Create(
            whole.Leads.Where((_, i) => i % 2 == parity), whole.Opportunities.Where((_, i) => i % 2 == parity && (parity == 1 || whole.Opportunities[i].Amount.Currency == Currency.USD)),
            whole.Deals.Where((_, i) => i % 2 == parity), whole.Activities.Where((_, i) => i % 2 == parity), whole.Spend, whole.Roster);
        var evaluator = Columnar(settings);
        var merged = evaluator.Accumulate(Half(0), query);
        merged.Merge(evaluator.Accumulate(Half(1), query));
        var expected = General(settings).Accumulate(Half(0), query);
        expected.Merge(General(settings).Accumulate(Half(1), query));
        AssertSame(expected.ToReport(), merged.ToReport());
    }

    [Fact]
    public void Create_BuiltInsOverTheColumns_AreFastExceptWhereTheyNeedRecords()
    {
        var data = RandomSalesData.Create(11);
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 4, 30)), [.. Kpis.All, .. Extra], KpiGrouping.ByRep, PeriodUnit.Week);
        var compiled = CompiledQuery.Compile(query, KpiSettings.Default);
        var plan = FastPlan.Create(compiled, data, KpiSettings.Default)!;
        string Name(CompiledQuery.LeafNode leaf) => leaf.Filter is { } f ? $"{leaf.Calculator.Id} ({f})" : leaf.Calculator.Id;
        var fast = compiled.Leaves.Where(l => plan.IsFast(l.Index)).Select(Name).ToHashSet();
        string[] expected =
        [
            KpiIds.Calls, KpiIds.EmailsSent, KpiIds.Meetings, KpiIds.Conversations, KpiIds.CrmUsage, KpiIds.SalesToolUsage,
            KpiIds.EmailDeliveryRate, KpiIds.EmailOpenRate, KpiIds.EmailReplyRate, KpiIds.PositiveReplyRate, KpiIds.MeetingToDealRate,
            KpiIds.NewLeads, KpiIds.SqlCount, KpiIds.LeadToOpportunityRate, KpiIds.NewOpportunities, KpiIds.CloseRate,
            KpiIds.DealsWon, KpiIds.Revenue, KpiIds.AverageDealSize, KpiIds.SalesCycleLength,
            "revenue (deal kind renewal)", "average-deal-size (deal kind add-on and deal kind add-on)", "new-leads (source web)", "demos", "close-rate-by-value",
        ];
        Assert.All(expected, id => Assert.Contains(id, fast));
        Assert.DoesNotContain("calls (activities)", fast);
        Assert.DoesNotContain("deals-won (source web)", fast);
        Assert.DoesNotContain(KpiIds.CostPerLead, fast);
    }

    [Fact]
    public void Prepare_CopiesThatKeepACollection_ShareItsColumns()
    {
        var data = RandomSalesData.Create(12);
        data.Prepare();
        var copy = data.WithLeads(data.Leads.Take(3));
        Assert.Same(data.ActivityColumns, copy.ActivityColumns);
        Assert.NotSame(data.LeadColumns, copy.LeadColumns);
        Assert.Equal(3, copy.LeadColumns.Count);
    }

    [Fact]
    public void Evaluate_TooManyOwnersForTheKeyTable_GivesWhatTheGeneralEngineGives()
    {
        // 3,000 reps: activity keys are owner × 224 trait codes (7 kinds × 32 outcomes, 8 bits), 3,000 × 256 > 2^18,
        // so the activity loop finds each cell from the owner and trait tables; leads (3 sources × 4 = 12 codes, 4 bits:
        // 3,000 × 16 keys) keep the one table. Months, not weeks: the key table depends on owners and codes only, and
        // 3,000 reps by 20 weeks made this test the slowest of the suite.
        var data = RandomSalesData.Create(14, size: 6_000, reps: 3_000);
        var query = new KpiQuery(
            new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 5, 20)),
            [Kpis.Calls, Kpis.Meetings, Kpis.Conversations, Kpis.EmailOpenRate, Kpis.NewLeads, Extra[7], Extra[8]],
            KpiGrouping.ByRep,
            PeriodUnit.Month);
        var settings = KpiSettings.Default.WithZone("Europe/Istanbul");
        var plan = FastPlan.Create(CompiledQuery.Compile(query, settings), data, settings)!;
        Assert.False(plan.ShapeOf(data.ActivityColumns.OccurredAt)!.Value.KeyTable);
        Assert.True(plan.ShapeOf(data.LeadColumns.CreatedAt)!.Value.KeyTable);
        var general = General(settings).Evaluate(data, query);
        AssertSame(general, Columnar(settings).Evaluate(data, query));
        AssertSame(general, Split(settings).Evaluate(data, query));
        var byTeam = new KpiQuery(query.Range, query.Kpis, KpiGrouping.ByTeam, PeriodUnit.Week);
        AssertSame(General(settings).Evaluate(data, byTeam), Split(settings).Evaluate(data, byTeam));
    }

    [Fact]
    public void Evaluate_CyclesLongerThanTheDayWindow_GivesWhatTheGeneralEngineGives()
    {
        // Opportunities created up to 6,000 days before they close: past the 4,096-day dense window, so each cell keeps a
        // histogram, and partitions merge them (into an empty cell or one of their own).
        var data = RandomSalesData.Create(15, size: 3_000, longCycles: true);
        var query = new KpiQuery(
            new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 5, 20)),
            [Kpis.SalesCycleLength, Kpis.CloseRate, Extra[13]],
            KpiGrouping.ByRep,
            PeriodUnit.Month);
        var settings = KpiSettings.Default.WithZone("America/New_York");
        var plan = FastPlan.Create(CompiledQuery.Compile(query, settings), data, settings)!;
        Assert.Equal(0, plan.ShapeOf(data.OpportunityColumns.ClosedAt)!.Value.DayWindow);
        var general = General(settings).Evaluate(data, query);
        Assert.Contains(general.Rows, r => r.KpiId == KpiIds.SalesCycleLength && r.Value.Median > 4_096m);
        AssertSame(general, Columnar(settings).Evaluate(data, query));
        AssertSame(general, Split(settings).Evaluate(data, query));
    }

    [Fact]
    public void Create_CyclesWithinTheDayWindow_CountEachCellsDaysInAWindowOfTheLongestCyclePlusMargins()
    {
        // Cycles of at most 90 days (closed within 90 × 24 × 60 minutes of creation): a window of the longest whole-day
        // cycle plus 4 days on either side for zone offsets.
        var data = RandomSalesData.Create(16, size: 3_000);
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 5, 20)), [Kpis.SalesCycleLength], KpiGrouping.ByRep, PeriodUnit.Month);
        var plan = FastPlan.Create(CompiledQuery.Compile(query, KpiSettings.Default), data, KpiSettings.Default)!;
        var longest = data.Opportunities.Where(o => o.ClosedAt is not null).Max(o => (o.ClosedAt!.Value - o.CreatedAt).Days);
        Assert.Equal(longest + 8, plan.ShapeOf(data.OpportunityColumns.ClosedAt)!.Value.DayWindow);
    }

    [Theory]
    [InlineData("none", true, true, true)]
    [InlineData("rep", true, true, true)]
    [InlineData("team", true, true, true)]
    [InlineData("deal-kind", false, false, true)]
    [InlineData("source", false, true, false)]
    public void Create_EachBuiltInGrouping_PlansTheCollectionsItGroups(string grouping, bool calls, bool newLeads, bool revenue)
    {
        // Deal kinds group deals only and sources leads only; the others group every collection but spend.
        var data = RandomSalesData.Create(17);
        var groupBy = grouping switch
        {
            "none" => KpiGrouping.None,
            "rep" => KpiGrouping.ByRep,
            "team" => KpiGrouping.ByTeam,
            "deal-kind" => KpiGrouping.ByDealKind,
            _ => KpiGrouping.BySource,
        };
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 4, 30)), [Kpis.Calls, Kpis.NewLeads, Kpis.Revenue], groupBy, PeriodUnit.Month);
        var plan = FastPlan.Create(CompiledQuery.Compile(query, KpiSettings.Default), data, KpiSettings.Default);
        Assert.NotNull(plan);
        Assert.Equal([calls, newLeads, revenue], [plan.IsFast(0), plan.IsFast(1), plan.IsFast(2)]);
        Assert.Equal(calls, plan.ShapeOf(data.ActivityColumns.OccurredAt) is not null);
        AssertSame(General(KpiSettings.Default).Evaluate(data, query), Columnar(KpiSettings.Default).Evaluate(data, query));
    }

    [Fact]
    public void Create_GroupingByTool_LeavesEveryKpiToTheGeneralEngine()
    {
        var data = RandomSalesData.Create(18);
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 4, 30)), [Kpis.Calls, Kpis.SalesToolUsage], KpiGrouping.ByTool, PeriodUnit.Month);
        Assert.Null(FastPlan.Create(CompiledQuery.Compile(query, KpiSettings.Default), data, KpiSettings.Default));
    }

    [Fact]
    public void Create_TraitCodesEveryConditionTreatsAlike_ShareOneBucket()
    {
        // 224 activity trait codes, but calls and meetings only tell three classes apart: calls, meetings, the rest.
        var data = RandomSalesData.Create(19);
        var range = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 4, 30));
        var calls = new KpiQuery(range, [Kpis.Calls], KpiGrouping.ByRep, PeriodUnit.Month);
        var both = new KpiQuery(range, [Kpis.Calls, Kpis.Meetings], KpiGrouping.ByRep, PeriodUnit.Month);
        Assert.Equal(2, FastPlan.Create(CompiledQuery.Compile(calls, KpiSettings.Default), data, KpiSettings.Default)!.ShapeOf(data.ActivityColumns.OccurredAt)!.Value.Buckets);
        Assert.Equal(3, FastPlan.Create(CompiledQuery.Compile(both, KpiSettings.Default), data, KpiSettings.Default)!.ShapeOf(data.ActivityColumns.OccurredAt)!.Value.Buckets);
    }

    [Fact]
    public void Evaluate_NoActivities_CountsNothingInOneBucket()
    {
        var data = RandomSalesData.Create(20).WithActivities([]);
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 4, 30)), [Kpis.Calls, Kpis.NewLeads], KpiGrouping.ByRep, PeriodUnit.Month);
        var plan = FastPlan.Create(CompiledQuery.Compile(query, KpiSettings.Default), data, KpiSettings.Default)!;
        Assert.True(plan.IsFast(0));
        Assert.Equal(1, plan.ShapeOf(data.ActivityColumns.OccurredAt)!.Value.Buckets);
        AssertSame(General(KpiSettings.Default).Evaluate(data, query), Columnar(KpiSettings.Default).Evaluate(data, query));
    }

    [Fact]
    public void Regression_Evaluate_MoreDistinctConditionsOnAColumnThanTheBitMasksHold_CountsRightInsteadOfMixingConditionsUp()
    {
        // The check counted each leaf's conditions alone, never those of the leaves planned before it: conditions past
        // the 128th shared a bit with the first, and their records were counted for the wrong KPIs.
        // 130 KPIs, each counting one (kind, outcome) trait code of calls, emails, meetings, CRM updates and tool uses: 130 distinct
        // truth tables. The masks hold 128, and the activities' routing condition (every activity) takes one, so the
        // first 127 KPIs are planned on the columns and the last 3 go to the general engine, with the same values.
        var data = RandomSalesData.Create(21, size: 2_000);
        SalesActivityKind[] kinds = [SalesActivityKind.Call, SalesActivityKind.Email, SalesActivityKind.Meeting, SalesActivityKind.CrmUpdate, SalesActivityKind.ToolUsage];
        var kpis = Enumerable.Range(0, 130)
            .Select(i => (KpiCalculator)new MeasureKpiCalculator(
                $"code-{i}",
                KpiMeasure.Count(KpiRecords.Activities.Where((k, o) => k == kinds[i / 32] && (int)o == i % 32, $"code {i}"))))
            .ToArray();
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 4, 30)), kpis, KpiGrouping.ByRep, PeriodUnit.Month);
        var plan = FastPlan.Create(CompiledQuery.Compile(query, KpiSettings.Default), data, KpiSettings.Default)!;
        AssertSame(General(KpiSettings.Default).Evaluate(data, query), Columnar(KpiSettings.Default).Evaluate(data, query));
        Assert.Equal(Enumerable.Range(0, 130).Select(i => i < 127), Enumerable.Range(0, 130).Select(plan.IsFast));
        Assert.Equal(128, plan.ShapeOf(data.ActivityColumns.OccurredAt)!.Value.Buckets);
    }

    [Fact]
    public void Compile_AKpiUsedTwice_IsOneLeaf()
    {
        // calls on its own and inside calls-per-meeting, plus meetings: two leaves, calls evaluated once.
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31)), [Kpis.Calls, Kpis.Calls.DividedBy(Kpis.Meetings, "calls-per-meeting")]);
        Assert.Equal([KpiIds.Calls, KpiIds.Meetings], CompiledQuery.Compile(query, KpiSettings.Default).Leaves.Select(l => l.Calculator.Id));
    }

    private static KpiEvaluator General(KpiSettings settings) => new(settings, null, null, 1, columnar: false, recordsPerPartition: int.MaxValue);

    private static KpiEvaluator Columnar(KpiSettings settings) => new(settings, null, null, 1, columnar: true, recordsPerPartition: int.MaxValue);

    private static KpiEvaluator Split(KpiSettings settings) => new(settings, null, null, maxDegreeOfParallelism: 3, columnar: true, recordsPerPartition: 100);

    private static void AssertSame(KpiReport expected, KpiReport actual)
    {
        Assert.Equal(expected.Groups.AsEnumerable(), actual.Groups.AsEnumerable());
        Assert.Equal(expected.Periods.AsEnumerable(), actual.Periods.AsEnumerable());
        Assert.Equal(expected.Rows.Length, actual.Rows.Length);
        for (var i = 0; i < expected.Rows.Length; i++)
        {
            var e = expected.Rows[i];
            var a = actual.Rows[i];
            Assert.True(
                e.Group == a.Group && e.Period == a.Period && e.KpiId == a.KpiId && e.Value == a.Value && e.ToString() == a.ToString(),
                $"Row {i}: expected {e} ({Describe(e.Value)}), got {a} ({Describe(a.Value)})");
        }
    }

    private static string Describe(KpiValue v) =>
        $"value {v.Value}, numerator {v.Numerator}, denominator {v.Denominator}, amount {v.Amount}, currency {v.Currency}, n {v.SampleSize}, median {v.Median}, unpriced {v.UnpricedCount}, reason {v.UndefinedReason}";

    private sealed class HalfRates : IExchangeRateProvider
    {
        public bool TryGetRate(Currency source, Currency target, LocalDate rateDate, out decimal rate)
        {
            // No rate on the 13th, so that some amounts stay unpriced.
            rate = source == target ? 1m : 0.5m;
            return rateDate.Day != 13;
        }
    }
}
