namespace SalesKpi.Activities;

/// <summary>
/// The implications between email outcomes the rates rely on: an email opened or replied to was delivered, and a
/// positive reply is a reply. A next appointment is set in a conversation, so it implies connected; only calls and
/// meetings are conversations, so <c>next-appointment-rate</c> reads the flag on those kinds alone (on another kind it is
/// kept but counted by no built-in KPI).
/// </summary>
internal static class ActivityOutcomeRules
{
    public static ActivityOutcomes Effective(ActivityOutcomes outcomes)
    {
        if ((outcomes & ActivityOutcomes.NextAppointmentSet) != 0)
        {
            outcomes |= ActivityOutcomes.Connected;
        }

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
