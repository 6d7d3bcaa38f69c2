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
}
