using NodaTime;

namespace SalesKpi.Engine;

/// <summary>
/// Local day numbers of tick timestamps in a zone, from the zone's offsets over a range computed once: the day of a
/// timestamp is (ticks + offset) / ticks per day, rounded down, with the offset of the zone interval it falls in.
/// </summary>
/// <remarks>Timestamps are usually close together, so the last interval used is tried first.</remarks>
internal sealed class ZoneDays
{
    private readonly long[] _starts;
    private readonly long[] _offsets;

    private ZoneDays(long[] starts, long[] offsets)
    {
        _starts = starts;
        _offsets = offsets;
    }

    /// <summary>Returns the offsets of <paramref name="zone"/> between two tick timestamps (inclusive).</summary>
    public static ZoneDays Create(DateTimeZone zone, long minTicks, long maxTicks)
    {
        if (zone.MinOffset == zone.MaxOffset || minTicks > maxTicks)
        {
            return new([long.MinValue], [zone.MinOffset.Ticks]);
        }

        var starts = new List<long>();
        var offsets = new List<long>();
        var end = maxTicks >= Instant.MaxValue.ToUnixTimeTicks() ? Instant.MaxValue : Instant.FromUnixTimeTicks(maxTicks + 1);
        foreach (var interval in zone.GetZoneIntervals(Instant.FromUnixTimeTicks(minTicks), end))
        {
            starts.Add(starts.Count == 0 || !interval.HasStart ? long.MinValue : interval.Start.ToUnixTimeTicks());
            offsets.Add(interval.WallOffset.Ticks);
        }

        return new([.. starts], [.. offsets]);
    }

    /// <summary>Returns the local day number of a timestamp; <paramref name="hint"/> is the interval last used, updated.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int DayOf(long ticks, ref int hint)
    {
        var i = hint;
        if (ticks < _starts[i] || (i + 1 < _starts.Length && ticks >= _starts[i + 1]))
        {
            i = Array.BinarySearch(_starts, ticks);
            i = i >= 0 ? i : ~i - 1;
            hint = i;
        }

        return FloorDay(ticks + _offsets[i]);
    }

    private static int FloorDay(long localTicks)
    {
        var day = localTicks / TimeSpan.TicksPerDay;
        return (int)(localTicks - (day * TimeSpan.TicksPerDay) < 0 ? day - 1 : day);
    }
}
