using System.Runtime.CompilerServices;
using NodaTime;
using SalesKpi.Leads;

namespace SalesKpi.BuiltIn;

/// <summary>
/// The instant of each lead's first activity at or after its creation (<see cref="Activities.SalesActivity.Lead"/> is
/// the lead), computed once per data snapshot and shared by every evaluation of the lead-response KPIs over it.
/// </summary>
internal static class LeadFirstTouch
{
    private static readonly ConditionalWeakTable<SalesData, Dictionary<LeadId, Instant>> Cache = new();

    /// <summary>Returns the first touch of every touched lead of a snapshot.</summary>
    public static IReadOnlyDictionary<LeadId, Instant> Of(SalesData data) => Cache.GetValue(data, Build);

    /// <summary>Returns the time from a lead's creation to its first touch, or null when it was never touched.</summary>
    public static Duration? ResponseTime(IReadOnlyDictionary<LeadId, Instant> firstTouch, Lead lead) =>
        firstTouch.TryGetValue(lead.Id, out var touched) ? touched - lead.CreatedAt : null;

    private static Dictionary<LeadId, Instant> Build(SalesData data)
    {
        var first = new Dictionary<LeadId, Instant>();
        foreach (var activity in data.Activities)
        {
            if (activity.Lead is not { } id || !data.TryGetLead(id, out var lead) || activity.OccurredAt < lead.CreatedAt)
            {
                continue;
            }

            if (!first.TryGetValue(id, out var earlier) || activity.OccurredAt < earlier)
            {
                first[id] = activity.OccurredAt;
            }
        }

        return first;
    }
}
