using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Calculators;
using SalesKpi.Deals;
using SalesKpi.Opportunities;

namespace SalesKpi.Tests.Engine;

using Kpis = SalesKpi.Calculators.Kpis;

/// <summary>
/// The columnar scan must give exactly what the general engine gives, record by record: every value, unit, reason,
/// group and row order, for every built-in KPI, filters, custom measures, groupings, period units, time zones (with
/// daylight saving), ranges that start inside a bucket, several partitions, and money in one or several currencies.
/// </summary>
public sealed class ColumnarScanTests
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
        new MeasureKpiCalculator("demos", KpiMeasure.Count(KpiRecords.Activities.OfKind(new ActivityKind("demo")))),
        new MeasureKpiCalculator("odd-outcomes", KpiMeasure.Count(KpiRecords.Activities.Where((k, o) => ((int)o % 3) == 1 && k.Name.Length > 4, "odd outcomes"))),
        new MeasureKpiCalculator("qualified-share", KpiMeasure.Share(KpiRecords.LeadsCreated, KpiRecords.LeadsCreated.Qualified(), "no leads")),
        new MeasureKpiCalculator("referral-conversions", KpiMeasure.Count(KpiRecords.LeadsConverted.FromSource("referral", "event"))),
        new MeasureKpiCalculator("lost-value", KpiMeasure.Total(KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Lost))),
        new MeasureKpiCalculator("open-cycle", KpiMeasure.CycleDays(KpiRecords.OpportunitiesCreated, "none")),
        new MeasureKpiCalculator("won-deal-share", KpiMeasure.Share(KpiRecords.Deals, KpiRecords.Deals.OfKind(DealKind.NewBusiness, DealKind.WinBack), "no deals", byAmount: true)),
        new MeasureKpiCalculator("calls-per-lead", KpiMeasure.Ratio(KpiRecords.Activities.OfKind(ActivityKind.Call), KpiRecords.LeadsCreated, "no leads")),
        Kpis.Calls.DividedBy(Kpis.DealsWon, "calls-per-deal"),
    ];

    public static TheoryData<string, PeriodUnit, int, int> Cases()
    {
        var data = new TheoryData<string, PeriodUnit, int, int>();
        string[] zones = ["Etc/UTC", "Europe/Istanbul", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"];
        PeriodUnit[] units = [PeriodUnit.None, PeriodUnit.Week, PeriodUnit.Month, PeriodUnit.Quarter, PeriodUnit.FiscalYear];
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

    private static KpiEvaluator General(KpiSettings settings) => new(settings, null, null, 1, columnar: false, recordsPerPartition: int.MaxValue);

    private static KpiEvaluator Columnar(KpiSettings settings) => new(settings, null, null, 1, columnar: true, recordsPerPartition: int.MaxValue);

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
