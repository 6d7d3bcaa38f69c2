using NodaTime;

namespace SalesKpi.Opportunities;

/// <summary>
/// The one rule for skipped stages and moves backwards: an opportunity has <em>passed</em> a stage from the first
/// time it entered that stage or any stage after it in the pipeline order; a won opportunity has passed every stage,
/// at its close at the latest. Moving back to an earlier stage does not undo having passed a later one.
/// </summary>
internal sealed class StageProgress
{
    private readonly Dictionary<OpportunityStage, int> _order;

    public StageProgress(IReadOnlyList<OpportunityStage> order)
    {
        _order = new Dictionary<OpportunityStage, int>();
        for (var i = 0; i < order.Count; i++)
        {
            _order.TryAdd(order[i], i);
        }
    }

    public bool Contains(OpportunityStage stage) => _order.ContainsKey(stage);

    public int IndexOf(OpportunityStage stage) => _order[stage];

    /// <summary>Returns when the opportunity first passed the stage, or null when it never did.</summary>
    public Instant? PassedAt(Opportunity opportunity, OpportunityStage stage)
    {
        var target = _order[stage];
        foreach (var entry in opportunity.StageHistory)
        {
            if (_order.TryGetValue(entry.Stage, out var index) && index >= target)
            {
                return entry.EnteredAt;
            }
        }

        return opportunity.Status == OpportunityStatus.Won ? opportunity.ClosedAt : null;
    }
    /// <summary>
    /// Returns when the opportunity entered <paramref name="from"/> itself and when it then went through every stage up
    /// to <paramref name="to"/> in order (<see cref="SalesKpi.BuiltIn.StageConversionMode.Ordered"/>): null for the first when it never
    /// entered <paramref name="from"/>, null for the second when it has not gone through or skipped a stage.
    /// </summary>
    /// <remarks>
    /// <para>From its first entry into <paramref name="from"/>, each entry is one of: the stage after the furthest one
    /// reached (progress), an earlier stage or the same one (a move backwards: progress is kept, and it goes on from the
    /// furthest stage), or a stage further on (a skip: the opportunity does not convert, even if it comes back later).
    /// Stages not in the order are ignored. Winning never skips: a won opportunity that entered <paramref name="from"/>
    /// and skipped nothing goes through the rest at its close; one whose history has no stage from
    /// <paramref name="from"/> on goes through every stage at its close, entering <paramref name="from"/> then; one that
    /// entered a later stage but never <paramref name="from"/> itself skipped it.</para>
    /// </remarks>
    public (Instant? Entered, Instant? Converted) OrderedPath(Opportunity opportunity, OpportunityStage from, OpportunityStage to)
    {
        var start = _order[from];
        var end = _order[to];
        Instant? entered = null;
        var reached = -1;
        var furthest = -1;
        foreach (var entry in opportunity.StageHistory)
        {
            if (!_order.TryGetValue(entry.Stage, out var index))
            {
                continue;
            }

            furthest = Math.Max(furthest, index);
            if (entered is null)
            {
                if (index == start)
                {
                    entered = entry.EnteredAt;
                    reached = start;
                }

                continue;
            }

            if (index == reached + 1)
            {
                reached = index;
                if (reached == end)
                {
                    return (entered, entry.EnteredAt);
                }
            }
            else if (index > reached + 1)
            {
                return (entered, null);
            }
        }

        if (opportunity.Status != OpportunityStatus.Won || opportunity.ClosedAt is not { } closedAt)
        {
            return (entered, null);
        }

        // Winning goes through the remaining stages in order at the close; it enters From itself then only when the
        // history had not gone as far as From (a later stage without From is a skip of From).
        if (entered is null)
        {
            return furthest < start ? (closedAt, closedAt) : (null, null);
        }

        return (entered, closedAt);
    }
}
