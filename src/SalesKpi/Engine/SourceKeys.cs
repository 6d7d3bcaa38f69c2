using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;

namespace SalesKpi.Engine;

/// <summary>The lead source a record belongs to, following the links between collections.</summary>
internal static class SourceKeys
{
    public static string? Of(Lead lead) => lead.Source;

    public static string? Of(MarketingSpend spend) => spend.Channel;

    public static string? Of(Opportunity opportunity, SalesData data) =>
        opportunity.Lead is { } id && data.TryGetLead(id, out var lead) ? lead.Source : null;

    public static string? Of(Deal deal, SalesData data) =>
        deal.Opportunity is { } id && data.TryGetOpportunity(id, out var o) ? Of(o, data) : null;

    public static string? Of(SalesActivity activity, SalesData data)
    {
        if (activity.Lead is { } leadId && data.TryGetLead(leadId, out var lead))
        {
            return lead.Source;
        }

        return activity.Opportunity is { } id && data.TryGetOpportunity(id, out var o) ? Of(o, data) : null;
    }
}
