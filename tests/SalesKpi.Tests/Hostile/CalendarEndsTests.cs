using NodaTime;
using SalesKpi.Activities;
using SalesKpi.BuiltIn;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Hostile;

/// <summary>
/// Hostile input class: data and ranges at the ends of NodaTime's calendar (instants <see cref="Instant.MinValue"/> and
/// <see cref="Instant.MaxValue"/>, dates <see cref="LocalDate.MinIsoValue"/> and <see cref="LocalDate.MaxIsoValue"/>, and
/// report ranges at <see cref="KpiQuery.MinDate"/> and <see cref="KpiQuery.MaxDate"/>), in zones far from UTC.
/// </summary>
public sealed class CalendarEndsTests
{
    // Kiritimati is +14 today but −10:40 (local mean time) in year 1, so fixed offsets cover the far-ahead and far-behind
    // zones at the calendar's start too.
    private static readonly string[] Zones = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC+14", "UTC-12"];

    private static readonly Instant[] ExtremeInstants =
    [
        Instant.MinValue,
        Instant.MinValue + Duration.FromHours(13),
        Instant.MinValue + Duration.FromDays(400),
        Instant.FromUtc(1, 1, 1, 0, 0),
        Instant.FromUtc(9998, 12, 31, 23, 0),
        Instant.MaxValue - Duration.FromDays(400),
        Instant.MaxValue - Duration.FromHours(13),
        Instant.MaxValue,
    ];

    public static TheoryData<string, PeriodUnit, bool, bool> Cases()
    {
        var data = new TheoryData<string, PeriodUnit, bool, bool>();
        foreach (var zone in Zones)
        {
            foreach (var per in Enum.GetValues<PeriodUnit>())
            {
                foreach (var grouped in new[] { false, true })
                {
                    foreach (var atStart in new[] { true, false })
                    {
                        data.Add(zone, per, grouped, atStart);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryKpi_OverDataAtTheCalendarsEnds_IsDefinedOrUndefinedWithAReason(string zone, PeriodUnit per, bool grouped, bool atStart)
    {
        var range = atStart
            ? new DateInterval(KpiQuery.MinDate, new LocalDate(2, 12, 31))
            : new DateInterval(new LocalDate(9997, 1, 1), KpiQuery.MaxDate);
        var kpis = Kpis.All.Concat(HostileKpis.All).ToArray();
        var query = new KpiQuery(range, kpis, grouped ? KpiGrouping.ByRep : null, per);
        var settings = KpiSettings.Default.WithZone(zone).WithFiscalYearStartMonth(per is PeriodUnit.FiscalYear or PeriodUnit.FiscalQuarter ? 7 : 1);
        var data = ExtremeData();

        // Each engine: the columnar scan, record by record, and record by record split into merged partitions.
        KpiReport[] reports =
        [
            new KpiEvaluator(settings, null, null, 1, columnar: true, recordsPerPartition: 250_000).Evaluate(data, query),
            new KpiEvaluator(settings, null, null, 1, columnar: false, recordsPerPartition: 250_000).Evaluate(data, query),
            new KpiEvaluator(settings, null, null, 2, columnar: false, recordsPerPartition: 1).Evaluate(data, query),
        ];

        foreach (var report in reports)
        {
            Assert.NotEmpty(report.Rows);
            foreach (var row in report.Rows)
            {
                Assert.True(
                    row.Value.IsDefined || !string.IsNullOrWhiteSpace(row.Value.UndefinedReason),
                    $"{row} is undefined with no reason");
            }
        }
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Pacific/Pago_Pago")]
    [InlineData("UTC+14")]
    [InlineData("UTC-12")]
    public void OpenEndedTerm_AtTheLastReportableYear_KeepsTheCustomerActive(string zone)
    {
        // One customer whose term runs from 2020-01-01 to 9999-12-31 ("no end"): active on the first and the last day
        // of 9998, so retention = (E − N) / S = (1 − 0) / 1 = 1 and churn = 1 − 1 = 0.
        var deal = CreateDeal(term: new DateInterval(new LocalDate(2020, 1, 1), LocalDate.MaxIsoValue), recurringMonthly: Usd(100m));
        var data = SalesData.Create(deals: [deal]);
        var range = new DateInterval(new LocalDate(9998, 1, 1), KpiQuery.MaxDate);
        var settings = KpiSettings.Default.WithZone(zone);

        var report = new KpiEvaluator(settings).Evaluate(data, new KpiQuery(range, [Kpis.CustomerRetentionRate, Kpis.ChurnRate, Kpis.NetRevenueRetention]));

        Assert.Equal(1m, report.Get(KpiIds.CustomerRetentionRate, KpiGrouping.AllKey).Value);
        Assert.Equal(0m, report.Get(KpiIds.ChurnRate, KpiGrouping.AllKey).Value);

        // Net revenue retention: 100 of recurring revenue at the start and at the end → 100 / 100 = 1.
        Assert.Equal(1m, report.Get(KpiIds.NetRevenueRetention, KpiGrouping.AllKey).Value);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Pacific/Pago_Pago")]
    [InlineData("UTC+14")]
    [InlineData("UTC-12")]
    public void LocalDateOf_AnyInstant_SaturatesAtTheCalendarsEnds(string zone)
    {
        var settings = KpiSettings.Default.WithZone(zone);

        foreach (var instant in ExtremeInstants)
        {
            var date = settings.LocalDateOf(instant);
            Assert.InRange(date, LocalDate.MinIsoValue, LocalDate.MaxIsoValue);
        }

        // Instant.MaxValue is 9999-12-31T23:59:59.999999999Z: in UTC that date; +14 h is 10000-01-01, saturated to 9999-12-31.
        Assert.Equal(LocalDate.MaxIsoValue, settings.LocalDateOf(Instant.MaxValue));

        // Instant.MinValue is -9998-01-01T00:00Z: in UTC that date; −11 h is -9999-12-31, saturated to -9998-01-01.
        Assert.Equal(LocalDate.MinIsoValue, settings.LocalDateOf(Instant.MinValue));
    }

    [Fact]
    public void LocalDateOf_InsideTheCalendar_IsTheZonesDate()
    {
        // 2025-01-01T12:00Z is 2025-01-02T02:00 in Kiritimati (+14) and 2025-01-01T01:00 in Pago Pago (−11).
        var noon = Instant.FromUtc(2025, 1, 1, 12, 0);
        Assert.Equal(new LocalDate(2025, 1, 2), KpiSettings.Default.WithZone("Pacific/Kiritimati").LocalDateOf(noon));
        Assert.Equal(new LocalDate(2025, 1, 1), KpiSettings.Default.WithZone("Pacific/Pago_Pago").LocalDateOf(noon));

        // −11 h of 9999-12-31T10:00Z is 9999-12-30T23:00: close to the end, not saturated.
        Assert.Equal(new LocalDate(9999, 12, 30), KpiSettings.Default.WithZone("Pacific/Pago_Pago").LocalDateOf(Instant.FromUtc(9999, 12, 31, 10, 0)));
    }

    [Fact]
    public void StartOf_ADateWhoseStartIsNoInstant_ThrowsNamingTheDateAndZone()
    {
        // -9998-01-01 starts at -9999-12-31T10:00Z at +14, before Instant.MinValue.
        var settings = KpiSettings.Default.WithZone("UTC+14");

        var e = Assert.Throws<ArgumentOutOfRangeException>("date", () => settings.StartOf(LocalDate.MinIsoValue));

        Assert.Contains("UTC+14", e.Message, StringComparison.Ordinal);
        Assert.Contains("-9998-01-01", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Pacific/Pago_Pago")]
    [InlineData("UTC+14")]
    [InlineData("UTC-12")]
    public void StartOf_EveryDateOfTheSupportedSpanAndTheDayAfter_IsAnInstant(string zone)
    {
        var settings = KpiSettings.Default.WithZone(zone);

        // The first supported date starts at 0001-01-01T00:00 local; −14 h or +11 h from it is still an instant.
        var first = settings.StartOf(KpiQuery.MinDate);
        var after = settings.StartOf(KpiQuery.MaxDate.PlusDays(1));

        Assert.Equal(KpiQuery.MinDate, settings.LocalDateOf(first));
        Assert.Equal(new LocalDate(9999, 1, 1), settings.LocalDateOf(after));
    }

    [Fact]
    public void QueryRange_IsMinDateToMaxDate()
    {
        Assert.Equal(new LocalDate(1, 1, 1), KpiQuery.MinDate);
        Assert.Equal(new LocalDate(9998, 12, 31), KpiQuery.MaxDate);

        // The whole span is a valid range.
        var query = new KpiQuery(new DateInterval(KpiQuery.MinDate, KpiQuery.MaxDate), [Kpis.Calls]);
        Assert.Equal(KpiQuery.MaxDate, query.Range.End);
    }

    [Theory]
    [InlineData(9999, 1, 1, 9999, 12, 31, "9999-01-01 to 9999-12-31")]
    [InlineData(9998, 6, 1, 9999, 1, 1, "9998-06-01 to 9999-01-01")]
    [InlineData(0, 12, 31, 1, 1, 31, "0000-12-31 to 0001-01-31")]
    public void QueryRange_OutsideTheSupportedSpan_Throws(int y1, int m1, int d1, int y2, int m2, int d2, string shown)
    {
        var range = new DateInterval(new LocalDate(y1, m1, d1), new LocalDate(y2, m2, d2));

        var e = Assert.Throws<ArgumentOutOfRangeException>("range", () => new KpiQuery(range, [Kpis.Calls]));

        Assert.Contains("0001-01-01 and 9998-12-31", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Contains(shown, StringComparison.Ordinal), e.Message);
    }

    [Theory]
    [InlineData(PeriodUnit.None)]
    [InlineData(PeriodUnit.Week)]
    [InlineData(PeriodUnit.Month)]
    [InlineData(PeriodUnit.Quarter)]
    [InlineData(PeriodUnit.FiscalYear)]
    [InlineData(PeriodUnit.FiscalQuarter)]
    public void WholeSupportedSpan_WithPeriodOverPeriod_InAZoneAheadOfUtc_DoesNotThrow(PeriodUnit per)
    {
        // The longest range, whose previous period reaches furthest back; the growth KPI needs that previous period.
        var range = per == PeriodUnit.None
            ? new DateInterval(KpiQuery.MinDate, KpiQuery.MaxDate)
            : new DateInterval(new LocalDate(9990, 1, 1), KpiQuery.MaxDate);
        var settings = KpiSettings.Default.WithZone("UTC+14").WithFirstDayOfWeek(IsoDayOfWeek.Sunday).WithFiscalYearStartMonth(12);
        var data = SalesData.Create(deals: [CreateDeal(closedAt: Instant.FromUtc(9998, 12, 30, 0, 0))]);

        var report = new KpiEvaluator(settings).Evaluate(data, new KpiQuery(range, [Kpis.Revenue, Kpis.RevenueGrowth], per: per));

        // The one deal of 1,000 is in the last period: revenue 1,000 there.
        Assert.Equal(1000m, report.Get(KpiIds.Revenue, KpiGrouping.AllKey, report.Periods.Length - 1).Value);
    }

    [Fact]
    public void QuarterlyAmount_LastQuarterOfTheCalendar_IsAQuarter()
    {
        // Q4 9999 is 9999-10-01..9999-12-31: its end is the calendar's last date, with no day after it.
        var q = QuarterlyAmount.ForQuarter(9999, 4, Usd(1m));

        Assert.Equal(new DateInterval(new LocalDate(9999, 10, 1), LocalDate.MaxIsoValue), q.Quarter);
        Assert.True(QuarterlyAmount.IsQuarter(q.Quarter));
        Assert.False(QuarterlyAmount.IsQuarter(new DateInterval(new LocalDate(9999, 11, 1), LocalDate.MaxIsoValue)));
        Assert.False(QuarterlyAmount.IsQuarter(new DateInterval(new LocalDate(9999, 12, 1), LocalDate.MaxIsoValue)));

        // Magic number over Q3 → Q4 9999: (4 − 2) × 4 / 1 = 8.
        var value = SaasMagicNumberCalculator.Calculate(
            QuarterlyAmount.ForQuarter(9999, 4, Usd(4m)),
            QuarterlyAmount.ForQuarter(9999, 3, Usd(2m)),
            QuarterlyAmount.ForQuarter(9999, 3, Usd(1m)));
        Assert.Equal(8m, value.Value);
    }

    [Fact]
    public void TrailingWeeks_ReachingBeforeTheCalendar_Throws()
    {
        // int.MaxValue weeks overflowed weeks × 7 into a wrong window; the first date is -9998-01-01.
        Assert.Throws<ArgumentOutOfRangeException>("weeks", () => MagicNumber.TrailingWeeks(new LocalDate(2025, 1, 1), int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>("weeks", () => MagicNumber.TrailingWeeks(LocalDate.MinIsoValue, 1));

        // One week up to -9998-01-07 is -9998-01-01..-9998-01-07: exactly the room there is.
        Assert.Equal(new DateInterval(LocalDate.MinIsoValue, LocalDate.MinIsoValue.PlusDays(6)), MagicNumber.TrailingWeeks(LocalDate.MinIsoValue.PlusDays(6), 1));
    }

    [Fact]
    public void Regression_OpenEndedDealTerm_UsedToThrowOverflowExceptionInEveryDefaultReport()
    {
        // Before: KpiInput.DealTerms() did term.End.PlusDays(1) on 9999-12-31 → OverflowException for any report with
        // a retention KPI. One customer active all of 2025: retention (1 − 0) / 1 = 1.
        var deal = CreateDeal(term: new DateInterval(new LocalDate(2024, 6, 1), LocalDate.MaxIsoValue));
        var data = SalesData.Create(deals: [deal]);

        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(Year2025, Kpis.All));

        Assert.Equal(1m, report.Get(KpiIds.CustomerRetentionRate, KpiGrouping.AllKey).Value);
    }

    [Fact]
    public void Regression_TermStartingOnTheCalendarsFirstDate_UsedToThrowOverflowException()
    {
        // Before: term.Start.PlusDays(-1) on -9998-01-01 overflowed. Active on 2025-01-01 and 2025-12-31: 1 / 1 = 1.
        var deal = CreateDeal(term: new DateInterval(LocalDate.MinIsoValue, new LocalDate(2026, 1, 1)));

        var value = Kpis.CustomerRetentionRate.Evaluate([deal], Year2025);

        Assert.Equal(1m, value.Value);
    }

    [Theory]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Pacific/Pago_Pago")]
    public void Regression_InstantAtTheEndOfTime_UsedToThrowFromLocalDateOf(string zone)
    {
        // Before: Instant.MaxValue.InZone(+14) and Instant.MinValue.InZone(−11) threw ArgumentOutOfRangeException,
        // so an open opportunity created at the end of time broke every alive-opportunity KPI.
        var settings = KpiSettings.Default.WithZone(zone);
        var opportunity = CreateOpportunity(createdAt: Instant.MinValue, status: OpportunityStatus.Won, closedAt: Instant.MaxValue);
        var data = SalesData.Create(opportunities: [opportunity]);

        var report = new KpiEvaluator(settings).Evaluate(data, new KpiQuery(Year2025, Kpis.All));

        // Alive all of 2025 (from the first to the last date of the calendar), so in the qualified or weighted pipeline
        // it is counted; no KPI throws. Won at the end of time: not won in 2025, so no deals won.
        Assert.Equal(0m, report.Get(KpiIds.DealsWon, KpiGrouping.AllKey).Value);
        Assert.Equal(LocalDate.MaxIsoValue, settings.LocalDateOf(Instant.MaxValue));
        Assert.Equal(LocalDate.MinIsoValue, settings.LocalDateOf(Instant.MinValue));
    }

    private static SalesData ExtremeData()
    {
        var leads = new List<Lead>();
        var opportunities = new List<Opportunity>();
        var deals = new List<Deal>();
        var activities = new List<SalesActivity>();
        var spend = new List<MarketingSpend>();
        var n = 0;
        foreach (var instant in ExtremeInstants)
        {
            var owner = n % 2 == 0 ? "r01" : "r02";
            leads.Add(CreateLead($"L-{n}", instant, owner: new RepId(owner), qualifiedAt: instant, convertedAt: instant));
            opportunities.Add(CreateOpportunity($"O-{n}a", owner: owner, createdAt: instant, expectedClose: LocalDate.MaxIsoValue));
            opportunities.Add(CreateOpportunity($"O-{n}b", owner: owner, createdAt: instant, expectedClose: LocalDate.MinIsoValue));
            opportunities.Add(CreateOpportunity(
                $"O-{n}w",
                owner: owner,
                createdAt: Instant.MinValue,
                status: OpportunityStatus.Won,
                closedAt: instant,
                stageHistory: [new StageEntry(OpportunityStage.Prospecting, Instant.MinValue), new StageEntry(OpportunityStage.Qualification, instant)]));
            opportunities.Add(CreateOpportunity($"O-{n}l", owner: owner, createdAt: instant, status: OpportunityStatus.Lost, closedAt: Instant.MaxValue));
            deals.Add(CreateDeal($"D-{n}", account: $"acct-{n}", owner: owner, closedAt: instant, kind: n % 3 == 0 ? DealKind.Renewal : DealKind.NewBusiness));
            activities.Add(CreateActivity($"A-{n}c", SalesActivityKind.Call, owner, instant, ActivityOutcomes.Connected));
            activities.Add(CreateActivity($"A-{n}e", SalesActivityKind.Email, owner, instant, ActivityOutcomes.Delivered));
            activities.Add(CreateActivity($"A-{n}m", SalesActivityKind.Meeting, owner, instant));
            n++;
        }

        // Terms and spend periods that touch, and cover, the ends of the calendar.
        DateInterval[] spans =
        [
            new(LocalDate.MinIsoValue, LocalDate.MaxIsoValue),
            new(LocalDate.MinIsoValue, LocalDate.MinIsoValue),
            new(LocalDate.MaxIsoValue, LocalDate.MaxIsoValue),
            new(new LocalDate(2020, 1, 1), LocalDate.MaxIsoValue),
            new(LocalDate.MinIsoValue, new LocalDate(1, 6, 30)),
            new(new LocalDate(9998, 7, 1), LocalDate.MaxIsoValue),
        ];
        foreach (var span in spans)
        {
            var owner = n % 2 == 0 ? "r01" : "r02";
            deals.Add(CreateDeal($"D-{n}", account: $"acct-{n}", owner: owner, term: span, recurringMonthly: Usd(100m)));
            spend.Add(CreateSpend("web", span, Usd(1_000_000m)));
            n++;
        }

        return SalesData.Create(leads, opportunities, deals, activities, spend, CreateRoster());
    }
}
