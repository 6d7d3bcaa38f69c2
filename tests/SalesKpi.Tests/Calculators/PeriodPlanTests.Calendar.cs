using NodaTime;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class PeriodPlanTests
{
    [Fact]
    public void Evaluate_IsoWeek53_SpansTheTurnOfTheYearAndIsLabelledW53()
    {
        // 2020 has 53 ISO weeks (it starts on a Wednesday and is a leap year): W53 runs Mon 2020-12-28 to Sun 2021-01-03.
        var report = CallsPer(
            PeriodUnit.Week,
            Dates(2020, 12, 21, 2021, 1, 10),
            KpiSettings.Default,
            Call("r1", Instant.FromUtc(2020, 12, 31, 12, 0)), Call("r1", Instant.FromUtc(2021, 1, 1, 12, 0)), Call("r1", Instant.FromUtc(2021, 1, 3, 23, 59)),
            Call("r1", Instant.FromUtc(2021, 1, 4, 0, 0)));

        Assert.Equal<string>(["2020-W52", "2020-W53", "2021-W01"], Labels(report));
        Assert.Equal(new DateInterval(new LocalDate(2020, 12, 28), new LocalDate(2021, 1, 3)), report.Periods[1].Dates);
        Assert.Equal([0m, 3m, 1m], Counts(report)); // Dec 31, Jan 1 and Jan 3 in W53; Jan 4 starts 2021-W01
    }

    [Fact]
    public void Evaluate_RangeStartingOnNewYearsDay2021_LabelsTheClippedFirstWeekW53()
    {
        var report = CallsPer(PeriodUnit.Week, Dates(2021, 1, 1, 2021, 1, 10), KpiSettings.Default);

        // Fri 2021-01-01 to Sun 01-03 belong to ISO week 2020-W53, whatever calendar year they are in.
        Assert.Equal<string>(["2020-W53", "2021-W01"], Labels(report));
        Assert.Equal(Dates(2021, 1, 1, 2021, 1, 3), report.Periods[0].Dates);
    }

    [Fact]
    public void Evaluate_RangeStartingMidWeek_ClipsTheFirstAndLastWeeks()
    {
        // Wed 2025-03-05 to Thu 2025-03-20: [Wed 03-05, Sun 03-09] of W10, all of W11, [Mon 03-17, Thu 03-20] of W12.
        var report = CallsPer(
            PeriodUnit.Week,
            Dates(2025, 3, 5, 2025, 3, 20),
            KpiSettings.Default,
            Call("r1", Mar(4)), Call("r1", Mar(5, 0, 0)), Call("r1", Mar(9, 23, 59)), Call("r1", Mar(10)), Call("r1", Mar(20, 23, 59)), Call("r1", Mar(21)));

        Assert.Equal<string>(["2025-W10", "2025-W11", "2025-W12"], Labels(report));
        Assert.Equal(
            [Dates(2025, 3, 5, 2025, 3, 9), Dates(2025, 3, 10, 2025, 3, 16), Dates(2025, 3, 17, 2025, 3, 20)],
            report.Periods.Select(p => p.Dates));
        Assert.Equal([2m, 1m, 1m], Counts(report)); // Tuesday 03-04 and Friday 03-21 are outside the range
    }

    [Fact]
    public void Evaluate_WeeksStartingOnSunday_PutSundayInTheNewWeek()
    {
        // 2025-03-01 is a Saturday, 03-02 a Sunday. With Sunday-first weeks: [Sat 03-01] (clipped week of Feb 23),
        // [Sun 03-02, Sat 03-08], [Sun 03-09, Sat 03-15]. ISO weeks would put Sunday 03-02 with Saturday 03-01.
        var sundayFirst = KpiSettings.Default.WithFirstDayOfWeek(IsoDayOfWeek.Sunday);
        var calls = new[] { Call("r1", Mar(1)), Call("r1", Mar(2)), Call("r1", Mar(8)), Call("r1", Mar(9)) };

        var report = CallsPer(PeriodUnit.Week, Dates(2025, 3, 1, 2025, 3, 15), sundayFirst, calls);
        var iso = CallsPer(PeriodUnit.Week, Dates(2025, 3, 1, 2025, 3, 15), KpiSettings.Default, calls);

        Assert.Equal<string>(["week of 2025-02-23", "week of 2025-03-02", "week of 2025-03-09"], Labels(report));
        Assert.Equal(Dates(2025, 3, 2, 2025, 3, 8), report.Periods[1].Dates);
        Assert.Equal([1m, 2m, 1m], Counts(report)); // Sat 03-01 | Sun 03-02, Sat 03-08 | Sun 03-09
        Assert.Equal([2m, 2m, 0m], Counts(iso)); // W09: Sat 03-01, Sun 03-02 | W10: Sat 03-08, Sun 03-09 | W11
    }

    [Fact]
    public void Evaluate_PerMonth_LabelsAndDatesAreCalendarMonths()
    {
        var report = CallsPer(PeriodUnit.Month, Dates(2025, 1, 15, 2025, 3, 31), KpiSettings.Default, Call("r1", Feb(28, 23, 59)), Call("r1", Mar(1, 0, 0)));

        // The range starts mid-January: January is clipped to [01-15, 01-31].
        Assert.Equal<string>(["2025-01", "2025-02", "2025-03"], Labels(report));
        Assert.Equal(Dates(2025, 1, 15, 2025, 1, 31), report.Periods[0].Dates);
        Assert.Equal(Dates(2025, 2, 1, 2025, 2, 28), report.Periods[1].Dates);
        Assert.Equal([0m, 1m, 1m], Counts(report));
    }

    [Fact]
    public void Evaluate_PerQuarter_LabelsAndDatesAreCalendarQuarters()
    {
        var report = CallsPer(PeriodUnit.Quarter, Dates(2025, 1, 1, 2025, 6, 30), KpiSettings.Default, Call("r1", Mar(31, 23, 59)), Call("r1", Apr(1, 0, 0)), Call("r1", Apr(2)));

        Assert.Equal<string>(["2025-Q1", "2025-Q2"], Labels(report));
        Assert.Equal(Q1Of2025, report.Periods[0].Dates);
        Assert.Equal(Dates(2025, 4, 1, 2025, 6, 30), report.Periods[1].Dates);
        Assert.Equal([1m, 2m], Counts(report));
    }

    [Fact]
    public void Evaluate_FiscalYearStartingInApril_RunsAprilToMarchAndIsNamedByItsEndYear()
    {
        var april = KpiSettings.Default.WithFiscalYearStartMonth(4);

        var report = CallsPer(PeriodUnit.FiscalYear, Dates(2025, 4, 1, 2026, 3, 31), april, Call("r1", Apr(1, 0, 0)), Call("r1", Instant.FromUtc(2026, 3, 31, 23, 59)));

        // 2025-04-01 .. 2026-03-31 ends in 2026: FY2026.
        var fy = Assert.Single(report.Periods);
        Assert.Equal("FY2026", fy.Label);
        Assert.Equal(Dates(2025, 4, 1, 2026, 3, 31), fy.Dates);
        Assert.Equal([2m], Counts(report));
    }

    [Fact]
    public void Evaluate_CalendarYearWithAprilFiscalYears_SplitsAtApril()
    {
        var april = KpiSettings.Default.WithFiscalYearStartMonth(4);

        var report = CallsPer(PeriodUnit.FiscalYear, Dates(2025, 1, 1, 2025, 12, 31), april, Call("r1", Mar(31, 23, 59)), Call("r1", Apr(1, 0, 0)));

        // January-March 2025 is the end of FY2025 (2024-04-01 .. 2025-03-31); April-December the start of FY2026.
        Assert.Equal<string>(["FY2025", "FY2026"], Labels(report));
        Assert.Equal(Q1Of2025, report.Periods[0].Dates);
        Assert.Equal(Dates(2025, 4, 1, 2025, 12, 31), report.Periods[1].Dates);
        Assert.Equal([1m, 1m], Counts(report));
    }

    [Fact]
    public void Evaluate_FiscalQuartersStartingInApril_AreNamedByTheFiscalYearTheyBelongTo()
    {
        var april = KpiSettings.Default.WithFiscalYearStartMonth(4);

        var report = CallsPer(
            PeriodUnit.FiscalQuarter,
            Dates(2025, 1, 1, 2025, 12, 31),
            april,
            Call("r1", Mar(31, 23, 59)), Call("r1", Apr(1, 0, 0)), Call("r1", Instant.FromUtc(2025, 6, 30, 23, 59)), Call("r1", Instant.FromUtc(2025, 7, 1, 0, 0)),
            Call("r1", Instant.FromUtc(2025, 12, 31, 12, 0)));

        // FY2026 runs 2025-04-01 .. 2026-03-31 (named by the year it ends in, as FiscalYear): its Q1 is April-June 2025,
        // Q2 July-September, Q3 October-December; January-March 2025 is the last quarter of FY2025.
        Assert.Equal<string>(["FY2025-Q4", "FY2026-Q1", "FY2026-Q2", "FY2026-Q3"], Labels(report));
        Assert.Equal(
            [Q1Of2025, Dates(2025, 4, 1, 2025, 6, 30), Dates(2025, 7, 1, 2025, 9, 30), Dates(2025, 10, 1, 2025, 12, 31)],
            report.Periods.Select(p => p.Dates));
        Assert.Equal([1m, 2m, 1m, 1m], Counts(report)); // Mar 31 | Apr 1, Jun 30 | Jul 1 | Dec 31
    }

    [Fact]
    public void Evaluate_FiscalQuartersStartingInNovember_CrossTheCalendarYear()
    {
        var november = KpiSettings.Default.WithFiscalYearStartMonth(11);

        var report = CallsPer(PeriodUnit.FiscalQuarter, Dates(2025, 1, 15, 2025, 5, 31), november, Call("r1", Instant.FromUtc(2025, 1, 31, 23, 59)), Call("r1", Feb(1, 0, 0)));

        // FY2025 runs 2024-11-01 .. 2025-10-31: Q1 is November-January (clipped to 01-15 .. 01-31), Q2 February-April,
        // Q3 May-July (clipped to May).
        Assert.Equal<string>(["FY2025-Q1", "FY2025-Q2", "FY2025-Q3"], Labels(report));
        Assert.Equal(
            [Dates(2025, 1, 15, 2025, 1, 31), Dates(2025, 2, 1, 2025, 4, 30), Dates(2025, 5, 1, 2025, 5, 31)],
            report.Periods.Select(p => p.Dates));
        Assert.Equal([1m, 1m, 0m], Counts(report));
    }

    [Fact]
    public void Evaluate_NoPeriodUnit_IsOnePeriodLabelledWithItsDates()
    {
        var report = CallsPer(PeriodUnit.None, March2025, KpiSettings.Default);

        var whole = Assert.Single(report.Periods);
        Assert.Equal("2025-03-01..2025-03-31", whole.Label);
        Assert.Equal(March2025, whole.Dates);
    }
}
