namespace SalesKpi.Activities;

/// <summary>
/// The implications between email outcomes the rates rely on: an email opened or replied to was delivered, and a
/// positive reply is a reply.
/// </summary>
internal static class ActivityOutcomeRules
{
    public static ActivityOutcomes Effective(ActivityOutcomes outcomes)
    {
        if ((outcomes & ActivityOutcomes.Positive) != 0)
        {
            outcomes |= ActivityOutcomes.Replied;
        }

        if ((outcomes & (ActivityOutcomes.Opened | ActivityOutcomes.Replied)) != 0)
        {
            outcomes |= ActivityOutcomes.Delivered;
        }

        return outcomes;
    }
}
