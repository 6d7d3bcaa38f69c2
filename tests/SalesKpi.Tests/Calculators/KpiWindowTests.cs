using NodaTime;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Tests.Engine;
using SalesKpi.Tests.Properties;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

/// <summary>The daily grain and the time-window KPIs: rolling, to-date, cumulative, offset and year-over-year values.</summary>
public class KpiWindowTests
{
    private static readonly KpiSettings Berlin = KpiSettings.Default.WithZone("Europe/Berlin");
    private static readonly KpiSettings NewYork = KpiSettings.Default.WithZone("America/New_York");

    [Fact]
    public void Evaluate_PerDayAcrossBerlinsDstChanges_DaysAre23And25HoursLong()
    {
        // Berlin springs forward on 2025-03-30 (02:00 CET → 03:00 CEST): that day runs from 03-29T23:00Z to 03-30T22:00Z,
        // 23 hours. It falls back on 2025-10-26 (03:00 CEST → 02:00 CET): from 10-25T22:00Z to 10-26T23:00Z, 25 hours.
        var spring = Report(
            Berlin,
            Dates(2025, 3, 29, 2025, 3, 31),
            PeriodUnit.Day,
            [Kpis.Calls],
            Call("r1", Instant.FromUtc(2025, 3, 29, 23, 30)), // 00:30 CET on the 30th
            Call("r1", Instant.FromUtc(2025, 3, 30, 21, 59)), // 23:59 CEST on the 30th
            Call("r1", Instant.FromUtc(2025, 3, 30, 22, 30))); // 00:30 CEST on the 31st
        Assert.Equal<string>(["2025-03-29", "2025-03-30", "2025-03-31"], [.. spring.Periods.Select(p => p.Label)]);
        Assert.Equal(Duration.FromHours(23), spring.Periods[1].End - spring.Periods[1].Start);
        Assert.Equal(Instant.FromUtc(2025, 3, 29, 23, 0), spring.Periods[1].Start);
        Assert.Equal([0m, 2m, 1m], Values(spring, KpiIds.Calls));

        var autumn = Report(
            Berlin,
            Dates(2025, 10, 26, 2025, 10, 27),
            PeriodUnit.Day,
            [Kpis.Calls],
            Call("r1", Instant.FromUtc(2025, 10, 26, 22, 30)), // 23:30 CET on the 26th: in the 25th hour's day
            Call("r1", Instant.FromUtc(2025, 10, 26, 23, 0))); // 00:00 CET on the 27th
        Assert.Equal(Duration.FromHours(25), autumn.Periods[0].End - autumn.Periods[0].Start);
        Assert.Equal([1m, 1m], Values(autumn, KpiIds.Calls));
    }

    [Fact]
    public void Evaluate_PerDayAcrossNewYorksDstChange_PlacesEventsByLocalDate()
    {
        // New York springs forward on 2025-03-09: the day runs from 05:00Z (EST) to 03-10T04:00Z (EDT), 23 hours.
        var report = Report(
            NewYork,
            Dates(2025, 3, 9, 2025, 3, 10),
            PeriodUnit.Day,
            [Kpis.Calls],
            Call("r1", Instant.FromUtc(2025, 3, 9, 4, 30)), // 23:30 EST on the 8th: before the range
            Call("r1", Instant.FromUtc(2025, 3, 10, 3, 30)), // 23:30 EDT on the 9th
            Call("r1", Instant.FromUtc(2025, 3, 10, 4, 30))); // 00:30 EDT on the 10th
        Assert.Equal(Duration.FromHours(23), report.Periods[0].End - report.Periods[0].Start);
        Assert.Equal([1m, 1m], Values(report, KpiIds.Calls));
    }

    [Fact]
    public void Rolling7Days_OnADailyReport_SumsTheSevenDaysEndingEachDay()
    {
        var data = SalesData.Create(activities:
        [
            Call("r1", Feb(27)), Call("r1", Mar(1)), Call("r1", Mar(1)), Call("r1", Mar(5)), Call("r1", Mar(8)),
        ]);
        var rolling = Kpis.Calls.Rolling(Period.FromDays(7));
        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(Dates(2025, 3, 1, 2025, 3, 10), [Kpis.Calls, rolling], per: PeriodUnit.Day));

        Assert.Equal("calls-rolling-7d", rolling.Id);
        Assert.Equal([2m, 0m, 0m, 0m, 1m, 0m, 0m, 1m, 0m, 0m], Values(report, KpiIds.Calls));
        // Mar 1: Feb 23–Mar 1 = 1 (Feb 27) + 2 = 3; Mar 2–4: the same calls = 3; Mar 5: Feb 27–Mar 5 = 1 + 2 + 1 = 4;
        // Mar 6: Feb 28–Mar 6 = 2 + 1 = 3; Mar 7: Mar 1–7 = 3; Mar 8: Mar 2–8 = 1 + 1 = 2; Mar 9, 10: the same = 2.
        Assert.Equal([3m, 3m, 3m, 3m, 4m, 3m, 3m, 2m, 2m, 2m], Values(report, rolling.Id));
    }

    [Fact]
    public void Rolling_AcrossNewYorksDstChange_UsesLocalMidnights()
    {
        // The 2-day window of 2025-03-10 is 9–10 March local: 03-09T05:00Z (EST midnight) to 03-11T04:00Z (EDT midnight).
        var data = SalesData.Create(activities:
        [
            Call("r1", Instant.FromUtc(2025, 3, 9, 4, 59)), // 23:59 EST on the 8th: out
            Call("r1", Instant.FromUtc(2025, 3, 9, 5, 0)), // midnight on the 9th: in
            Call("r1", Instant.FromUtc(2025, 3, 11, 3, 59)), // 23:59 EDT on the 10th: in
            Call("r1", Instant.FromUtc(2025, 3, 11, 4, 0)), // midnight on the 11th: out
        ]);
        var rolling = Kpis.Calls.Rolling(Period.FromDays(2));
        var report = new KpiEvaluator(NewYork).Evaluate(data, new KpiQuery(Dates(2025, 3, 10, 2025, 3, 10), [rolling], per: PeriodUnit.Day));
        Assert.Equal([2m], Values(report, rolling.Id));
    }

    [Fact]
    public void QuarterToDate_PerMonth_RestartsEachQuarter()
    {
        var report = Report(KpiSettings.Default, Dates(2025, 1, 1, 2025, 6, 30), PeriodUnit.Month, [Kpis.Revenue.ToDate(PeriodUnit.Quarter)], HalfYearOfDeals());

        // Jan 100; Feb 100 + 200 = 300; Mar 300 + 300 = 600; Apr 50 (a new quarter); May 50 + 0 = 50; Jun 50 + 25 = 75.
        // December 2024's 1,000 is in no quarter of 2025.
        Assert.Equal([100m, 300m, 600m, 50m, 50m, 75m], Values(report, "revenue-qtd"));
    }

    [Fact]
    public void Cumulative_PerMonth_SumsFromTheStartOfTheRange()
    {
        var report = Report(KpiSettings.Default, Dates(2025, 1, 1, 2025, 6, 30), PeriodUnit.Month, [Kpis.Revenue.Cumulative()], HalfYearOfDeals());

        // 100; 100 + 200 = 300; 300 + 300 = 600; 600 + 50 = 650; 650; 650 + 25 = 675 — December 2024 is before the range.
        Assert.Equal([100m, 300m, 600m, 650m, 650m, 675m], Values(report, "revenue-cumulative"));
    }

    [Fact]
    public void YearToDateAndMonthToDate_PerWeek_StartAtTheYearAndMonthOfTheWeeksLastDay()
    {
        // Week 2025-W01 runs Mon 2024-12-30 to Sun 2025-01-05: its year-to-date window is 1–5 January, so December 2024's
        // 1,000 is out; January's 100 (on the 3rd) is in. Week W06 (3–9 February): month to date is 1–9 February = 200 (the 5th).
        var deals = HalfYearOfDeals();
        var report = Report(KpiSettings.Default, Dates(2024, 12, 30, 2025, 2, 9), PeriodUnit.Week, [Kpis.Revenue.YearToDate(), Kpis.Revenue.ToDate(PeriodUnit.Month)], deals);
        Assert.Equal(100m, report.Get("revenue-ytd", KpiGrouping.AllKey, 0).Value);
        Assert.Equal(300m, report.Get("revenue-ytd", KpiGrouping.AllKey, 5).Value); // 100 + 200
        Assert.Equal(200m, report.Get("revenue-mtd", KpiGrouping.AllKey, 5).Value);
    }

    [Fact]
    public void SamePeriodLastYearAndGrowth_PerMonth_CompareWithTheSameMonth()
    {
        var data = SalesData.Create(deals:
        [
            Deal("r1", Instant.FromUtc(2024, 1, 10, 12, 0), Usd(100m)),
            Deal("r1", Instant.FromUtc(2024, 3, 10, 12, 0), Usd(200m)),
            Deal("r1", Instant.FromUtc(2025, 1, 10, 12, 0), Usd(150m)),
            Deal("r1", Instant.FromUtc(2025, 2, 10, 12, 0), Usd(80m)),
            Deal("r1", Instant.FromUtc(2025, 3, 10, 12, 0), Usd(100m)),
        ]);
        var lastYear = Kpis.Revenue.SamePeriodLastYear();
        var growth = Kpis.Revenue.YearOverYearGrowth();
        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(Q1Of2025, [Kpis.Revenue, lastYear, growth], per: PeriodUnit.Month));

        Assert.Equal(("revenue-last-year", "revenue-yoy-growth"), (lastYear.Id, growth.Id));
        Assert.Equal([100m, 0m, 200m], Values(report, lastYear.Id));
        // January: (150 − 100) / 100 = 0.5; February: last year is 0, so undefined; March: (100 − 200) / 200 = −0.5.
        Assert.Equal([0.5m, null, -0.5m], Values(report, growth.Id));
        Assert.Equal("revenue was zero in the same period last year", report.Get(growth.Id, KpiGrouping.AllKey, 1).UndefinedReason);
        Assert.Equal(KpiUnit.Ratio, growth.Unit);
        Assert.Equal(KpiUnit.Money, lastYear.Unit);
    }

    [Fact]
    public void YearOverYearGrowth_PerQuarter_ComparesWithTheSameQuarter()
    {
        var data = SalesData.Create(deals:
        [
            Deal("r1", Instant.FromUtc(2024, 1, 10, 12, 0), Usd(100m)),
            Deal("r1", Instant.FromUtc(2024, 3, 31, 12, 0), Usd(200m)),
            Deal("r1", Instant.FromUtc(2024, 4, 1, 12, 0), Usd(999m)), // 2024-Q2: not Q1
            Deal("r1", Instant.FromUtc(2025, 2, 10, 12, 0), Usd(330m)),
        ]);
        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(Q1Of2025, [Kpis.Revenue.YearOverYearGrowth()], per: PeriodUnit.Quarter));

        // 2025-Q1 330 against 2024-Q1 100 + 200 = 300: (330 − 300) / 300 = 0.1.
        Assert.Equal([0.1m], Values(report, "revenue-yoy-growth"));
    }

    [Fact]
    public void SamePeriodLastYear_AroundALeapDay_MapsWholeMonthsAndDays()
    {
        var data = SalesData.Create(deals:
        [
            Deal("r1", Instant.FromUtc(2023, 2, 28, 12, 0), Usd(5m)),
            Deal("r1", Instant.FromUtc(2024, 2, 28, 12, 0), Usd(10m)),
            Deal("r1", Instant.FromUtc(2024, 2, 29, 12, 0), Usd(20m)),
        ]);
        var lastYear = Kpis.Revenue.SamePeriodLastYear();
        var evaluator = new KpiEvaluator();

        // February 2025 one year back is the whole of February 2024, 1–29: 10 + 20 = 30.
        var month = evaluator.Evaluate(data, new KpiQuery(Dates(2025, 2, 1, 2025, 2, 28), [lastYear], per: PeriodUnit.Month));
        Assert.Equal([30m], Values(month, lastYear.Id));

        // 2025-02-28 → 2024-02-28 alone (10), not the leap day; 2025-03-01 → 2024-03-01 (nothing).
        var days = evaluator.Evaluate(data, new KpiQuery(Dates(2025, 2, 28, 2025, 3, 1), [lastYear], per: PeriodUnit.Day));
        Assert.Equal([10m, 0m], Values(days, lastYear.Id));

        // 2024-02-28 and 2024-02-29 both map to 2023-02-28 (5).
        var leap = evaluator.Evaluate(data, new KpiQuery(Dates(2024, 2, 28, 2024, 2, 29), [lastYear], per: PeriodUnit.Day));
        Assert.Equal([5m, 5m], Values(leap, lastYear.Id));
    }

    [Fact]
    public void Rolling_OfARatioKpi_IsTheRatioOverTheWindowNotTheMeanOfRatios()
    {
        var data = SalesData.Create(opportunities:
        [
            Closed("a", OpportunityStatus.Won, 1),
            Closed("b", OpportunityStatus.Lost, 2),
            Closed("c", OpportunityStatus.Lost, 2),
            Closed("d", OpportunityStatus.Won, 3),
        ]);
        var rolling = Kpis.CloseRate.Rolling(Period.FromMonths(3));
        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(Q1Of2025, [Kpis.CloseRate, rolling], per: PeriodUnit.Month));

        // Per month: Jan 1/1 = 1, Feb 0/2 = 0, Mar 1/1 = 1. Three months to March: (1 + 0 + 1) won / 4 closed = 0.5 (the
        // mean of the monthly rates would be 0.667). February's window (Dec–Feb): 1 / 3.
        Assert.Equal([1m, 0m, 1m], Values(report, KpiIds.CloseRate));
        Assert.Equal([1m, 1m / 3m, 0.5m], Values(report, "close-rate-rolling-3m"));
        Assert.Equal(KpiUnit.Ratio, rolling.Unit);
    }

    [Fact]
    public void Cumulative_OfACustomKpi_AndAWindowInsideARatio_Compose()
    {
        var demos = new DemosCalculator();
        var data = SalesData.Create(activities:
        [
            Demo("r1", Mar(3)), Demo("r1", Mar(20)), Demo("r1", Apr(2)), Call("r1", Mar(4)), Call("r1", Apr(5)), Call("r1", Apr(6)),
        ]);
        var cumulativeDemos = demos.Cumulative();
        var demosPerCall = cumulativeDemos.DividedBy(Kpis.Calls.Cumulative(), "cumulative-demos-per-call");
        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(Dates(2025, 3, 1, 2025, 4, 30), [cumulativeDemos, demosPerCall], per: PeriodUnit.Month));

        // March: 2 demos, 1 call → 2 / 1 = 2; to April: 3 demos, 3 calls → 1.
        Assert.Equal([2m, 3m], Values(report, "demos-cumulative"));
        Assert.Equal([2m, 1m], Values(report, demosPerCall.Id));
    }

    [Fact]
    public void Window_ByRep_ReportsARepWhoseRecordsAreOnlyBeforeTheRange()
    {
        var data = SalesData.Create(
            deals: [Deal("r1", Mar(10), Usd(10m)), Deal("r2", Feb(10), Usd(20m))],
            roster: Roster(("r1", "t"), ("r2", "t")));
        var rolling = Kpis.Revenue.Rolling(Period.FromMonths(2));
        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(March2025, [Kpis.Revenue, rolling], KpiGrouping.ByRep));

        // r2's only deal is in February: no March revenue, but 20 over February–March.
        Assert.Equal(20m, report.Get(rolling.Id, "r2", 0).Value);
        Assert.Equal(0m, report.Get(KpiIds.Revenue, "r2", 0).Value);
        Assert.Equal(10m, report.Get(rolling.Id, "r1", 0).Value);
    }

    [Fact]
    public void Window_Filtered_AppliesTheFilterInsideTheWindow()
    {
        var data = SalesData.Create(deals: [Deal("r1", Feb(10), Usd(10m), DealKind.Renewal), Deal("r1", Feb(11), Usd(20m))]);
        var renewals = Kpis.Revenue.Rolling(Period.FromMonths(2)).Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue-2m");
        Assert.Equal(10m, renewals.Evaluate(data, March2025).Value);
    }

    [Fact]
    public void Window_OfAPeriodOverPeriodKpi_ComparesWithAsManyDaysJustBeforeTheWindow()
    {
        // The month ending on 31 March is 1–31 March (31 days, 2,000 on the 5th); the 31 days before it are
        // 29 January – 28 February (1,000 on 10 February; 4,000 on 28 January is a day too early):
        // (2,000 − 1,000) / 1,000 = 1, as in a report over 1–31 March alone.
        var data = SalesData.Create(deals: [Deal("r1", Feb(10), Usd(1_000m)), Deal("r1", Mar(5), Usd(2_000m)), Deal("r1", Instant.FromUtc(2025, 1, 28, 12, 0), Usd(4_000m))]);
        var rolling = Kpis.RevenueGrowth.Rolling(Period.FromMonths(1));
        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(Dates(2025, 3, 1, 2025, 3, 31), [rolling]));

        Assert.Equal(1m, report.Get(rolling.Id, KpiGrouping.AllKey, 0).Value);
        Assert.Equal(Kpis.RevenueGrowth.Evaluate(data, March2025), report.Get(rolling.Id, KpiGrouping.AllKey, 0));
    }

    [Fact]
    public void Window_ThatEndsBeforeTheCalendar_IsUndefined()
    {
        var data = SalesData.Create(deals: [Deal("r1", Instant.FromUtc(1, 6, 1, 0, 0))]);
        var range = new DateInterval(new LocalDate(1, 1, 1), new LocalDate(1, 12, 31));
        var lastYear = Kpis.Revenue.SamePeriodLastYear().Evaluate(data, range);
        Assert.False(lastYear.IsDefined);
        Assert.Contains("before 0001-01-01", lastYear.UndefinedReason, StringComparison.Ordinal);

        // A rolling year from 0001-12-31 is cut at 0001-01-01 and reads the deal.
        Assert.Equal(1_000m, Kpis.Revenue.Rolling(Period.FromYears(2)).Evaluate(data, range).Value);
    }

    [Theory]
    [InlineData(1, PeriodUnit.Day, "Europe/Berlin")]
    [InlineData(2, PeriodUnit.Week, "America/New_York")]
    [InlineData(3, PeriodUnit.Month, "Europe/Istanbul")]
    [InlineData(4, PeriodUnit.Quarter, "Etc/UTC")]
    public void Windows_ColumnarScanAndGeneralEngine_AgreeAndMatchAReportOverTheWindow(int seed, PeriodUnit per, string zone)
    {
        var data = RandomSalesData.Create(seed, size: 600);
        var settings = KpiSettings.Default.WithZone(zone);
        var range = new DateInterval(new LocalDate(2025, 3, 1), per == PeriodUnit.Day ? new LocalDate(2025, 4, 10) : new LocalDate(2025, 9, 30));
        KpiCalculator[] kpis =
        [
            Kpis.Calls.Rolling(Period.FromDays(30)), Kpis.Revenue.ToDate(PeriodUnit.Quarter), Kpis.CloseRate.Cumulative(),
            Kpis.Revenue.YearOverYearGrowth(), Kpis.CallToMeetingRate.SamePeriodLastYear(), new DemosCalculator().Rolling(Period.FromWeeks(2)),
            Kpis.AverageDealSize.Offset(Period.FromMonths(1)),
        ];
        var query = new KpiQuery(range, kpis, KpiGrouping.ByRep, per, includeAllKnownGroups: true);
        var general = new KpiEvaluator(settings, null, null, 1, columnar: false, recordsPerPartition: int.MaxValue).Evaluate(data, query);
        var columnar = new KpiEvaluator(settings, null, null, 3, columnar: true, recordsPerPartition: 100).Evaluate(data, query);
        ReportAssert.Same(general, columnar);

        // Each rolling value is the KPI in a report over its window alone.
        var evaluator = new KpiEvaluator(settings);
        foreach (var p in new[] { 0, general.Periods.Length - 1 })
        {
            var end = general.Periods[p].Dates.End;
            var window = new DateInterval(end.PlusDays(-29), end);
            var alone = evaluator.Evaluate(data, new KpiQuery(window, [Kpis.Calls], KpiGrouping.ByRep, includeAllKnownGroups: true));
            foreach (var group in alone.Groups)
            {
                Assert.Equal(alone.Get(KpiIds.Calls, group, 0), general.Get("calls-rolling-30d", group, p));
            }
        }
    }

    [Theory]
    [InlineData(6, PeriodUnit.Day, "Europe/Berlin")]
    [InlineData(7, PeriodUnit.Month, "America/New_York")]
    public void EveryBuiltInKpi_InAWindow_ColumnarScanAndGeneralEngineAgree(int seed, PeriodUnit per, string zone)
    {
        // Spans (open pipeline, contract terms, spend) and every measure, in windows that overlap and reach before the range.
        var data = RandomSalesData.Create(seed, size: 500);
        var settings = KpiSettings.Default.WithZone(zone);
        var range = new DateInterval(new LocalDate(2025, 3, 20), per == PeriodUnit.Day ? new LocalDate(2025, 4, 5) : new LocalDate(2025, 7, 31));
        KpiCalculator[] kpis = [.. Kpis.All.Select(k => k.Rolling(Period.FromDays(20))), .. Kpis.All.Select(k => k.SamePeriodLastYear())];
        var query = new KpiQuery(range, kpis, KpiGrouping.ByTeam, per);
        var general = new KpiEvaluator(settings, null, null, 1, columnar: false, recordsPerPartition: int.MaxValue).Evaluate(data, query);
        ReportAssert.Same(general, new KpiEvaluator(settings, null, null, 2, columnar: true, recordsPerPartition: 150).Evaluate(data, query));

        // The last period's rolling values are the KPIs of a report over its 20 days.
        var end = general.Periods[^1].Dates.End;
        var alone = new KpiEvaluator(settings).Evaluate(data, new KpiQuery(new DateInterval(end.PlusDays(-19), end), Kpis.All, KpiGrouping.ByTeam));
        foreach (var group in alone.Groups)
        {
            foreach (var kpi in Kpis.All)
            {
                Assert.Equal(alone.Get(kpi.Id, group, 0), general.Get(kpi.Id + "-rolling-20d", group, general.Periods.Length - 1));
            }
        }
    }

    [Fact]
    public void Windows_MergedAccumulationsAndReader_GiveTheWholeReport()
    {
        var data = RandomSalesData.Create(5, size: 400);
        var query = new KpiQuery(Dates(2025, 2, 1, 2025, 5, 31), [Kpis.Revenue.Rolling(Period.FromMonths(2)), Kpis.Calls.YearOverYearGrowth(), Kpis.Calls], KpiGrouping.ByTeam, PeriodUnit.Month);
        var evaluator = new KpiEvaluator(KpiSettings.Default, maxDegreeOfParallelism: 1);
        var whole = evaluator.Evaluate(data, query);

        var first = evaluator.Accumulate(SalesData.Create(activities: data.Activities, deals: data.Deals.Take(data.Deals.Length / 2), roster: data.Roster), query);
        first.Merge(evaluator.Accumulate(SalesData.Create(deals: data.Deals.Skip(data.Deals.Length / 2), roster: data.Roster), query));
        ReportAssert.Same(whole, first.ToReport());

        using var reader = evaluator.EvaluateRows(data, query);
        Assert.Equal(whole.Rows.Select(r => (r.Group, r.Period.Label, r.KpiId, r.Value)), reader.ReadRows().Select(r => (r.Group, r.Period.Label, r.KpiId, r.Value)));
    }

    [Fact]
    public void Docs_TimeWindowsExample_GivesTheValuesTheDocsShow()
    {
        // <snippet:kpis-time-windows>
        var data = SalesData.Create(deals:
        [
            new Deal(new DealId("d1"), new AccountId("acme"), new RepId("ayse"), Instant.FromUtc(2024, 2, 10, 12, 0), new Money(400m, Currency.USD)),
            new Deal(new DealId("d2"), new AccountId("acme"), new RepId("ayse"), Instant.FromUtc(2025, 1, 10, 12, 0), new Money(100m, Currency.USD)),
            new Deal(new DealId("d3"), new AccountId("acme"), new RepId("ayse"), Instant.FromUtc(2025, 2, 10, 12, 0), new Money(200m, Currency.USD)),
            new Deal(new DealId("d4"), new AccountId("acme"), new RepId("ayse"), Instant.FromUtc(2025, 3, 10, 12, 0), new Money(300m, Currency.USD)),
        ]);
        KpiCalculator[] kpis =
        [
            Kpis.Revenue,
            Kpis.Revenue.Rolling(Period.FromMonths(2)), // revenue-rolling-2m
            Kpis.Revenue.ToDate(PeriodUnit.Quarter),    // revenue-qtd
            Kpis.Revenue.Cumulative(),                  // revenue-cumulative
            Kpis.Revenue.SamePeriodLastYear(),          // revenue-last-year
            Kpis.Revenue.YearOverYearGrowth(),          // revenue-yoy-growth
        ];
        var q1 = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));
        KpiReport report = new KpiEvaluator().Evaluate(data, new KpiQuery(q1, kpis, per: PeriodUnit.Month));
        // </snippet:kpis-time-windows>

        // Revenue per month: 100, 200, 300. Two months ending each month: Dec–Jan 100, Jan–Feb 300, Feb–Mar 500.
        // Quarter to date and cumulative (the range is one quarter): 100, 300, 600. Last year: Jan 2024 0, Feb 2024
        // 400, Mar 2024 0; growth: undefined (zero last year), (200 − 400) / 400 = −0.5, undefined.
        Assert.Equal([100m, 200m, 300m], Values(report, "revenue"));
        Assert.Equal([100m, 300m, 500m], Values(report, "revenue-rolling-2m"));
        Assert.Equal([100m, 300m, 600m], Values(report, "revenue-qtd"));
        Assert.Equal([100m, 300m, 600m], Values(report, "revenue-cumulative"));
        Assert.Equal([0m, 400m, 0m], Values(report, "revenue-last-year"));
        Assert.Equal([null, -0.5m, null], Values(report, "revenue-yoy-growth"));
    }

    [Fact]
    public void Window_IdsUnitsAndDescriptions_FollowTheSourceKpi()
    {
        Assert.Equal("revenue-rolling-4w", Kpis.Revenue.Rolling(Period.FromWeeks(4)).Id);
        Assert.Equal("revenue-rolling-1y2m", Kpis.Revenue.Rolling(Period.FromYears(1) + Period.FromMonths(2)).Id);
        Assert.Equal("revenue-mtd", Kpis.Revenue.ToDate(PeriodUnit.Month).Id);
        Assert.Equal("revenue-fytd", Kpis.Revenue.ToDate(PeriodUnit.FiscalYear).Id);
        Assert.Equal("revenue-ytd", Kpis.Revenue.YearToDate().Id);
        Assert.Equal("revenue-offset-1m", Kpis.Revenue.Offset(Period.FromMonths(1)).Id);
        Assert.Equal("revenue-last-year", Kpis.Revenue.Offset(Period.FromYears(1)).Id);
        Assert.Equal("my-id", Kpis.Revenue.Cumulative("my-id").Id);
        var cycle = Kpis.SalesCycleLength.Rolling(Period.FromDays(90));
        Assert.Equal((Kpis.SalesCycleLength.Unit, KpiDirection.LowerIsBetter), (cycle.Unit, cycle.Direction));
        Assert.Equal(KpiDirection.LowerIsBetter, Kpis.SalesCycleLength.YearOverYearGrowth().Direction);
        Assert.Equal($"{Kpis.Revenue.Description}, quarter to date", Kpis.Revenue.ToDate(PeriodUnit.Quarter).Description);
        Assert.Equal(KpiWindow.Rolling(Period.FromDays(7)), ((KpiWindowCalculator)Kpis.Calls.Rolling(Period.FromDays(7))).Window);
    }

    [Fact]
    public void Window_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>("length", () => KpiWindow.Rolling(Period.FromHours(3)));
        Assert.Throws<ArgumentException>("length", () => KpiWindow.Rolling(Period.Zero));
        Assert.Throws<ArgumentException>("length", () => KpiWindow.Rolling(Period.FromDays(-1)));
        Assert.Throws<ArgumentException>("back", () => KpiWindow.Offset(Period.FromMonths(-1)));
        Assert.Throws<ArgumentOutOfRangeException>("unit", () => KpiWindow.ToDate(PeriodUnit.Day));
        Assert.Throws<ArgumentOutOfRangeException>("unit", () => KpiWindow.ToDate(PeriodUnit.None));
        Assert.Throws<ArgumentException>("id", () => Kpis.Calls.Cumulative("Not Kebab"));
    }

    private static Deal[] HalfYearOfDeals() =>
    [
        Deal("r1", Instant.FromUtc(2024, 12, 15, 12, 0), Usd(1_000m)),
        Deal("r1", Instant.FromUtc(2025, 1, 3, 12, 0), Usd(100m)),
        Deal("r1", Instant.FromUtc(2025, 2, 5, 12, 0), Usd(200m)),
        Deal("r1", Instant.FromUtc(2025, 3, 31, 12, 0), Usd(300m)),
        Deal("r1", Instant.FromUtc(2025, 4, 1, 12, 0), Usd(50m)),
        Deal("r1", Instant.FromUtc(2025, 6, 30, 12, 0), Usd(25m)),
    ];

    private static Opportunity Closed(string id, OpportunityStatus status, int month) =>
        new(new OpportunityId(id), new AccountId("acme"), new RepId("r1"), Instant.FromUtc(2024, 11, 1, 12, 0), Usd(1_000m), status, Instant.FromUtc(2025, month, 10, 12, 0));

    private static KpiReport Report(KpiSettings settings, DateInterval range, PeriodUnit per, KpiCalculator[] kpis, params Deals.Deal[] deals) =>
        new KpiEvaluator(settings).Evaluate(SalesData.Create(deals: deals), new KpiQuery(range, kpis, per: per));

    private static KpiReport Report(KpiSettings settings, DateInterval range, PeriodUnit per, KpiCalculator[] kpis, params Activities.SalesActivity[] activities) =>
        new KpiEvaluator(settings).Evaluate(SalesData.Create(activities: activities), new KpiQuery(range, kpis, per: per));

    private static decimal?[] Values(KpiReport report, string kpiId) =>
        [.. Enumerable.Range(0, report.Periods.Length).Select(p => report.Get(kpiId, KpiGrouping.AllKey, p).Value)];
}
