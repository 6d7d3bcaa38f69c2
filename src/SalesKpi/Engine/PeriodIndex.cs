using System.Numerics;

namespace SalesKpi.Engine;

/// <summary>
/// The periods of a <see cref="PeriodPlan"/> as tick boundaries, with a look-up table that places a timestamp in its
/// period with one table read and one comparison — no time-zone conversion and no search per record.
/// </summary>
/// <remarks>
/// <para>The boundaries are the periods' start instants in the configured zone, computed once per evaluation, so they
/// differ across daylight-saving changes exactly as the zone says. The range is cut into equal slots of 2^<see cref="Shift"/>
/// ticks, no longer than the shortest interval, so a slot holds at most one boundary: the table gives the interval at
/// the slot's start, and one comparison with the next boundary settles the rest.</para>
/// <para>Intervals are the periods in order, plus the gap between a hidden previous period and the first visible one
/// when there is one; <see cref="ColumnOf"/> maps the gap to column <see cref="Periods"/>, which is ignored.</para>
/// </remarks>
internal sealed class PeriodIndex
{
    private const int MaxSlots = 1 << 22;

    private PeriodIndex(long start, long span, int shift, int[] slots, long[] bounds, int[] columnOf, int periods)
    {
        Start = start;
        Span = span;
        Shift = shift;
        Slots = slots;
        Bounds = bounds;
        ColumnOf = columnOf;
        Periods = periods;
    }

    /// <summary>Gets the first tick of the first period.</summary>
    public long Start { get; }

    /// <summary>Gets the number of ticks from <see cref="Start"/> to the end of the last period.</summary>
    public long Span { get; }

    /// <summary>Gets the log2 of a slot's length in ticks.</summary>
    public int Shift { get; }

    /// <summary>Gets the interval at the start of each slot; empty when the range is too long for a table (then search <see cref="Bounds"/>).</summary>
    public int[] Slots { get; }

    /// <summary>Gets the first tick of each interval, then the end of the last: one more element than intervals.</summary>
    public long[] Bounds { get; }

    /// <summary>Gets the period (column) of each interval; <see cref="Periods"/> for the gap.</summary>
    public int[] ColumnOf { get; }

    /// <summary>Gets the number of periods of the plan.</summary>
    public int Periods { get; }

    public static PeriodIndex Create(PeriodPlan plan)
    {
        var bounds = new List<long>();
        var columns = new List<int>();
        var periods = plan.Periods;
        for (var p = 0; p < periods.Length; p++)
        {
            var start = periods[p].Start.ToUnixTimeTicks();
            if (p > 0)
            {
                var previousEnd = periods[p - 1].End.ToUnixTimeTicks();
                if (previousEnd < start)
                {
                    bounds.Add(previousEnd);
                    columns.Add(periods.Length);
                }
            }

            bounds.Add(start);
            columns.Add(p);
        }

        bounds.Add(periods[^1].End.ToUnixTimeTicks());
        var first = bounds[0];
        var span = bounds[^1] - first;
        var shortest = long.MaxValue;
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            shortest = Math.Min(shortest, bounds[i + 1] - bounds[i]);
        }

        var shift = 63 - BitOperations.LeadingZeroCount((ulong)Math.Max(1, shortest));
        var slotCount = ((span - 1) >> shift) + 1;
        int[] slots = [];
        if (span > 0 && slotCount <= MaxSlots)
        {
            slots = new int[slotCount];
            var interval = 0;
            for (var s = 0; s < slots.Length; s++)
            {
                var tick = first + ((long)s << shift);
                while (bounds[interval + 1] <= tick)
                {
                    interval++;
                }

                slots[s] = interval;
            }
        }

        return new(first, span, shift, slots, [.. bounds], [.. columns], periods.Length);
    }

    /// <summary>Returns the interval of a tick inside the range (0 ≤ tick − <see cref="Start"/> &lt; <see cref="Span"/>).</summary>
    public int IntervalOf(long ticks)
    {
        if (Slots.Length != 0)
        {
            var k = Slots[(int)((ulong)(ticks - Start) >> Shift)];
            return ticks >= Bounds[k + 1] ? k + 1 : k;
        }

        var index = Array.BinarySearch(Bounds, ticks);
        return index >= 0 ? index : ~index - 1;
    }
}
