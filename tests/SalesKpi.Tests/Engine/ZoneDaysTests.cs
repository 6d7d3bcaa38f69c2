using NodaTime;
using SalesKpi.Engine;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// Local day numbers from ticks (white-box; sales cycles in the columnar engine are differences of them): each must be
/// the day of the instant's local date, before and after 1970, across offset changes, with a stale hint, and at the
/// ends of time.
/// </summary>
public sealed class ZoneDaysTests
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    [Theory]
    [InlineData("Etc/UTC")]
    [InlineData("Europe/Istanbul")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")]
    public void DayOf_IsTheLocalDateOfTheInstant_BeforeAndAfter1970_InAnyOrder(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var random = new Random(zoneId.Length);
        var min = Instant.FromUtc(1950, 1, 1, 0, 0);
        var max = Instant.FromUtc(2040, 1, 1, 0, 0);
        var instants = Enumerable.Range(0, 2_000)
            .Select(_ => min.Plus(Duration.FromSeconds(random.NextInt64(0, (max - min).BclCompatibleTicks / TimeSpan.TicksPerSecond))))
            .Concat(Around(zone, min, max))
            .ToArray();
        var days = ZoneDays.Create(zone, min.ToUnixTimeTicks(), max.ToUnixTimeTicks());
        var hint = 0;
        foreach (var instant in instants)
        {
            var expected = Period.DaysBetween(Epoch, instant.InZone(zone).Date);
            Assert.True(expected == days.DayOf(instant.ToUnixTimeTicks(), ref hint), $"{instant} in {zoneId}: expected day {expected}");
        }
    }

    [Fact]
    public void DayOf_OneInstantRange_UsesTheOffsetAtThatInstant()
    {
        // 00:30 on 1 August 2010 in Istanbul (UTC+3 in summer) is 21:30 UTC on 31 July; the zone's smallest offset would
        // put it on 31 July.
        var zone = DateTimeZoneProviders.Tzdb["Europe/Istanbul"];
        var instant = Instant.FromUtc(2010, 7, 31, 21, 30);
        var days = ZoneDays.Create(zone, instant.ToUnixTimeTicks(), instant.ToUnixTimeTicks());
        var hint = 0;
        Assert.Equal(Period.DaysBetween(Epoch, new LocalDate(2010, 8, 1)), days.DayOf(instant.ToUnixTimeTicks(), ref hint));
    }

    [Fact]
    public void Create_UpToTheEndOfTime_Works()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var start = Instant.FromUtc(2025, 1, 1, 12, 0);
        var days = ZoneDays.Create(zone, start.ToUnixTimeTicks(), Instant.MaxValue.ToUnixTimeTicks());
        var hint = 0;
        Assert.Equal(Period.DaysBetween(Epoch, new LocalDate(2025, 1, 1)), days.DayOf(start.ToUnixTimeTicks(), ref hint));
        var late = Instant.FromUtc(9000, 7, 1, 3, 0); // 23:00 on 30 June, daylight time
        Assert.Equal(Period.DaysBetween(Epoch, late.InZone(zone).Date), days.DayOf(late.ToUnixTimeTicks(), ref hint));
    }

    // The instants a second either side of each offset change and of each local midnight next to one.
    private static IEnumerable<Instant> Around(DateTimeZone zone, Instant min, Instant max)
    {
        foreach (var interval in zone.GetZoneIntervals(min, max).Where(i => i.HasStart && i.Start > min))
        {
            yield return interval.Start.Minus(Duration.FromSeconds(1));
            yield return interval.Start;
            yield return interval.Start.Plus(Duration.FromSeconds(1));
            var midnight = interval.Start.InZone(zone).Date.AtStartOfDayInZone(zone).ToInstant();
            yield return midnight.Minus(Duration.FromTicks(1));
            yield return midnight;
        }
    }
}
