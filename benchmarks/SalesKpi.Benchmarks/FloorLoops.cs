namespace SalesKpi.Benchmarks;

/// <summary>
/// The floor of a report: a loop that reads one field — the deciding timestamp — of every lead, opportunity, deal and
/// activity, and does nothing else. Two layouts: the library's records (sealed classes, one object per record) and the
/// snapshot's compact columns (one array of ticks per collection), which is what the report engine scans.
/// </summary>
public static class FloorLoops
{
    /// <summary>Reads the deciding timestamp of every record object.</summary>
    public static long Records(SalesData data)
    {
        long sum = 0;
        foreach (var a in data.Activities)
        {
            sum += a.OccurredAt.ToUnixTimeTicks();
        }

        foreach (var l in data.Leads)
        {
            sum += l.CreatedAt.ToUnixTimeTicks();
        }

        foreach (var o in data.Opportunities)
        {
            sum += o.CreatedAt.ToUnixTimeTicks();
        }

        foreach (var d in data.Deals)
        {
            sum += d.ClosedAt.ToUnixTimeTicks();
        }

        return sum;
    }

    /// <summary>Reads one timestamp column of every collection of the compact snapshot (built beforehand).</summary>
    public static long Columns(SalesData data) =>
        Sum(data.ActivityColumns.OccurredAt) + Sum(data.LeadColumns.CreatedAt) + Sum(data.OpportunityColumns.CreatedAt) + Sum(data.DealColumns.ClosedAt);

    private static long Sum(long[] ticks)
    {
        long sum = 0;
        foreach (var t in ticks)
        {
            sum += t;
        }

        return sum;
    }
}
