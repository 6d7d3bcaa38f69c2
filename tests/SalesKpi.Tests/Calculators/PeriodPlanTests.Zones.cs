using NodaTime;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class PeriodPlanTests
{
    [Fact]
    public void Evaluate_LateEveningOnTheLastDayEastOfUtc_LandsInTheLocalMonth()
    {
        // Istanbul is UTC+3 all year. 2025-03-31T23:30 there is 20:30Z, still March in UTC too;
        // 2025-04-01T00:30 there is 2025-03-31T21:30Z: March in UTC, but April locally, and local dates decide.
        var lastEvening = Local("Europe/Istanbul", 2025, 3, 31, 23, 30);
        var justAfterMidnight = Local("Europe/Istanbul", 2025, 4, 1, 0, 30);
        Assert.Equal(Instant.FromUtc(2025, 3, 31, 20, 30), lastEvening);
        Assert.Equal(Instant.FromUtc(2025, 3, 31, 21, 30), justAfterMidnight);
        var istanbul = KpiSettings.Default.WithZone("Europe/Istanbul");

        var report = CallsPer(PeriodUnit.Month, Dates(2025, 3, 1, 2025, 4, 30), istanbul, Call("r1", lastEvening), Call("r1", justAfterMidnight));
        var inUtc = CallsPer(PeriodUnit.Month, Dates(2025, 3, 1, 2025, 4, 30), KpiSettings.Default, Call("r1", lastEvening), Call("r1", justAfterMidnight));

        Assert.Equal<string>(["2025-03", "2025-04"], Labels(report));
        Assert.Equal([1m, 1m], Counts(report)); // March: 23:30; April: 00:30 local
        Assert.Equal([2m, 0m], Counts(inUtc)); // the same instants are both March 31 in UTC
    }

    [Fact]
    public void Evaluate_LateEveningOnTheLastDayWestOfUtc_StaysInTheLocalMonth()
    {
        // New York is UTC-4 in March 2025 (DST began March 9). 2025-03-31T23:30 there is 2025-04-01T03:30Z: April in
        // UTC, yet March locally. At the other end, 2025-02-28T23:30 there (UTC-5) is 2025-03-01T04:30Z: February locally.
        var lastEvening = Local("America/New_York", 2025, 3, 31, 23, 30);
        var eveBefore = Local("America/New_York", 2025, 2, 28, 23, 30);
        Assert.Equal(Instant.FromUtc(2025, 4, 1, 3, 30), lastEvening);
        Assert.Equal(Instant.FromUtc(2025, 3, 1, 4, 30), eveBefore);
        var newYork = KpiSettings.Default.WithZone("America/New_York");

        var report = CallsPer(PeriodUnit.Month, Dates(2025, 3, 1, 2025, 4, 30), newYork, Call("r1", lastEvening), Call("r1", eveBefore));
        var inUtc = CallsPer(PeriodUnit.Month, Dates(2025, 3, 1, 2025, 4, 30), KpiSettings.Default, Call("r1", lastEvening), Call("r1", eveBefore));

        Assert.Equal([1m, 0m], Counts(report)); // March: the 23:30 call; February's is outside the range
        Assert.Equal([1m, 1m], Counts(inUtc)); // in UTC one is March 1, the other April 1
    }

    [Fact]
    public void Evaluate_MonthInAZone_PeriodInstantsAreLocalMidnights()
    {
        var report = CallsPer(PeriodUnit.Month, March2025, KpiSettings.Default.WithZone("America/New_York"));

        // March 1 00:00 EST (UTC-5) = 05:00Z; April 1 00:00 EDT (UTC-4) = 04:00Z: a month one hour short of 31 days.
        var march = Assert.Single(report.Periods);
        Assert.Equal(Instant.FromUtc(2025, 3, 1, 5, 0), march.Start);
        Assert.Equal(Instant.FromUtc(2025, 4, 1, 4, 0), march.End);
        Assert.Equal(Duration.FromDays(31) - Duration.FromHours(1), march.End - march.Start);
    }

    [Fact]
    public void Evaluate_WeekWithTheSpringDstChange_IsAnHourShortAndPlacesEventsEitherSide()
    {
        // Europe/Berlin springs forward on Sunday 2025-03-30 at 02:00 CET (UTC+1) to 03:00 CEST (UTC+2).
        // Week 13 runs Mon 2025-03-24 00:00 CET (= 03-23T23:00Z) to Mon 2025-03-31 00:00 CEST (= 03-30T22:00Z):
        // 7 days minus 1 hour.
        var berlin = KpiSettings.Default.WithZone("Europe/Berlin");
        var mondayFirstHour = Local("Europe/Berlin", 2025, 3, 24, 0, 30); // 03-23T23:30Z: Sunday in UTC, W13 locally
        var beforeChange = Local("Europe/Berlin", 2025, 3, 30, 1, 30); // CET, 00:30Z
        var afterChange = Local("Europe/Berlin", 2025, 3, 30, 3, 30); // CEST, 01:30Z
        var sundayLate = Local("Europe/Berlin", 2025, 3, 30, 23, 30); // CEST, 21:30Z: still W13
        var nextMonday = Local("Europe/Berlin", 2025, 3, 31, 0, 30); // CEST, 03-30T22:30Z: Sunday in UTC, W14 locally
        Assert.Equal(Instant.FromUtc(2025, 3, 30, 22, 30), nextMonday);

        var report = CallsPer(
            PeriodUnit.Week,
            Dates(2025, 3, 24, 2025, 4, 6),
            berlin,
            Call("r1", mondayFirstHour), Call("r1", beforeChange), Call("r1", afterChange), Call("r1", sundayLate), Call("r1", nextMonday));

        Assert.Equal<string>(["2025-W13", "2025-W14"], Labels(report));
        var w13 = report.Periods[0];
        Assert.Equal(Instant.FromUtc(2025, 3, 23, 23, 0), w13.Start);
        Assert.Equal(Instant.FromUtc(2025, 3, 30, 22, 0), w13.End);
        Assert.Equal(Duration.FromDays(7) - Duration.FromHours(1), w13.End - w13.Start);
        Assert.Equal(Duration.FromDays(7), report.Periods[1].End - report.Periods[1].Start);
        Assert.Equal([4m, 1m], Counts(report)); // W13: first hour, before, after, Sunday late; W14: Monday 00:30
    }

    [Fact]
    public void Evaluate_WeekWithTheAutumnDstChange_IsAnHourLong()
    {
        // Europe/Berlin falls back on Sunday 2025-10-26 at 03:00 CEST to 02:00 CET: week 43 is 7 days plus 1 hour.
        // 02:30 happens twice that night; both instants are Sunday locally and land in W43.
        var berlin = KpiSettings.Default.WithZone("Europe/Berlin");
        var firstTwoThirty = Instant.FromUtc(2025, 10, 26, 0, 30); // 02:30 CEST
        var secondTwoThirty = Instant.FromUtc(2025, 10, 26, 1, 30); // 02:30 CET
        var sundayLate = Instant.FromUtc(2025, 10, 26, 22, 59); // 23:59 CET
        var mondayStart = Instant.FromUtc(2025, 10, 26, 23, 0); // Monday 00:00 CET: W44

        var report = CallsPer(
            PeriodUnit.Week,
            Dates(2025, 10, 20, 2025, 11, 2),
            berlin,
            Call("r1", firstTwoThirty), Call("r1", secondTwoThirty), Call("r1", sundayLate), Call("r1", mondayStart));

        Assert.Equal<string>(["2025-W43", "2025-W44"], Labels(report));
        Assert.Equal(Duration.FromDays(7) + Duration.FromHours(1), report.Periods[0].End - report.Periods[0].Start);
        Assert.Equal([3m, 1m], Counts(report));
    }

    [Fact]
    public void Evaluate_WeekStartingOnADayWithoutMidnight_StartsAtItsFirstInstant()
    {
        // America/Santiago began DST on Sunday 2024-09-08: at 00:00 (UTC-4) clocks jumped to 01:00 (UTC-3), so that
        // day has no midnight. A Sunday-first week starts at its first instant, 01:00 local = 04:00Z, which is also
        // where the week before ends: no gap, no overlap.
        var santiago = KpiSettings.Default.WithZone("America/Santiago").WithFirstDayOfWeek(IsoDayOfWeek.Sunday);
        var saturdayLate = Instant.FromUtc(2024, 9, 8, 3, 59); // Sat 23:59 UTC-4
        var sundayFirst = Instant.FromUtc(2024, 9, 8, 4, 0); // Sun 01:00 UTC-3

        var report = CallsPer(PeriodUnit.Week, Dates(2024, 9, 1, 2024, 9, 14), santiago, Call("r1", saturdayLate), Call("r1", sundayFirst));

        Assert.Equal(Instant.FromUtc(2024, 9, 8, 4, 0), report.Periods[1].Start);
        Assert.Equal(report.Periods[0].End, report.Periods[1].Start);
        // Week 1 runs Sun 09-01 00:00 UTC-4 to 04:00Z on 09-08: 7 days. Week 2 runs from Sun 01:00 to the next Sunday
        // 00:00, both UTC-3: 7 days less the skipped hour.
        Assert.Equal(Duration.FromDays(7), report.Periods[0].End - report.Periods[0].Start);
        Assert.Equal(Duration.FromDays(7) - Duration.FromHours(1), report.Periods[1].End - report.Periods[1].Start);
        Assert.Equal([1m, 1m], Counts(report));
    }

    [Fact]
    public void Contains_PeriodBoundaries_StartIsInAndEndIsOut()
    {
        var report = CallsPer(PeriodUnit.Month, March2025, KpiSettings.Default.WithZone("Europe/Istanbul"));
        var march = report.Periods[0];

        // Istanbul midnight of March 1 is 2025-02-28T21:00Z; of April 1, 2025-03-31T21:00Z.
        Assert.True(march.Contains(Instant.FromUtc(2025, 2, 28, 21, 0)));
        Assert.False(march.Contains(Instant.FromUtc(2025, 2, 28, 20, 59)));
        Assert.True(march.Contains(Instant.FromUtc(2025, 3, 31, 20, 59)));
        Assert.False(march.Contains(Instant.FromUtc(2025, 3, 31, 21, 0)));
    }
}
