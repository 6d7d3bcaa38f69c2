using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Engine;

/// <summary>
/// The records of one collection placed in periods by one timestamp: what a <see cref="KpiRecords"/> reads before its
/// conditions. Two record sets of one stream share one <see cref="KpiInput"/>.
/// </summary>
internal enum KpiStream
{
    /// <summary>Activities by occurred at.</summary>
    Activities,

    /// <summary>Leads by created at.</summary>
    LeadsCreated,

    /// <summary>Leads by qualified at (unqualified leads are in no period).</summary>
    LeadsQualified,

    /// <summary>Leads by converted at (unconverted leads are in no period).</summary>
    LeadsConverted,

    /// <summary>Opportunities by created at.</summary>
    OpportunitiesCreated,

    /// <summary>Won and lost opportunities by closed at.</summary>
    OpportunitiesClosed,

    /// <summary>Won opportunities by closed at (lost and open ones are in no period).</summary>
    OpportunitiesWon,

    /// <summary>Deals by closed at.</summary>
    Deals,
}

/// <summary>What each <see cref="KpiStream"/> reads: its collection, timestamp, routing condition and general-path input.</summary>
internal static class KpiStreams
{
    private static readonly KpiInput[] Inputs =
    [
        KpiInput.Activities(static a => a.OccurredAt, "occurred at"),
        KpiInput.Leads(static l => l.CreatedAt, "created at"),
        KpiInput.Leads(static l => l.QualifiedAt, "qualified at"),
        KpiInput.Leads(static l => l.ConvertedAt, "converted at"),
        KpiInput.Opportunities(static o => o.CreatedAt, "created at"),
        KpiInput.Opportunities(static o => o.ClosedAt, "closed at"),
        KpiInput.Opportunities(static o => o.Status == OpportunityStatus.Won ? o.ClosedAt : null, "closed at (won)"),
        KpiInput.Deals(static d => d.ClosedAt, "closed at"),
    ];

    private static readonly RecordCondition Won = RecordCondition.OfOpportunities(static s => s == OpportunityStatus.Won);

    public static KpiRecordType RecordType(KpiStream stream) => stream switch
    {
        KpiStream.Activities => KpiRecordType.Activities,
        KpiStream.LeadsCreated or KpiStream.LeadsQualified or KpiStream.LeadsConverted => KpiRecordType.Leads,
        KpiStream.Deals => KpiRecordType.Deals,
        _ => KpiRecordType.Opportunities,
    };

    /// <summary>Returns the input the general engine reads the stream through.</summary>
    public static KpiInput Input(KpiStream stream) => Inputs[(int)stream];

    /// <summary>Returns the condition a record must meet to be placed at all, beyond having the timestamp (won, for <see cref="KpiStream.OpportunitiesWon"/>).</summary>
    public static RecordCondition Routing(KpiStream stream) => stream == KpiStream.OpportunitiesWon ? Won : RecordCondition.All;

    /// <summary>Returns the timestamp column the stream is placed by; streams that share one are scanned together.</summary>
    public static KpiTimestamp Timestamp(KpiStream stream) => stream switch
    {
        KpiStream.Activities => KpiTimestamp.ActivityOccurred,
        KpiStream.LeadsCreated => KpiTimestamp.LeadCreated,
        KpiStream.LeadsQualified => KpiTimestamp.LeadQualified,
        KpiStream.LeadsConverted => KpiTimestamp.LeadConverted,
        KpiStream.OpportunitiesCreated => KpiTimestamp.OpportunityCreated,
        KpiStream.Deals => KpiTimestamp.DealClosed,
        _ => KpiTimestamp.OpportunityClosed,
    };

    /// <summary>Returns the instant that places a record of the stream, or null (also when the routing condition fails).</summary>
    public static Instant? InstantOf(KpiStream stream, Lead lead) => stream switch
    {
        KpiStream.LeadsCreated => lead.CreatedAt,
        KpiStream.LeadsQualified => lead.QualifiedAt,
        _ => lead.ConvertedAt,
    };

    public static Instant? InstantOf(KpiStream stream, Opportunity opportunity) => stream switch
    {
        KpiStream.OpportunitiesCreated => opportunity.CreatedAt,
        KpiStream.OpportunitiesWon => opportunity.Status == OpportunityStatus.Won ? opportunity.ClosedAt : null,
        _ => opportunity.ClosedAt,
    };

    public static Instant InstantOf(Deal deal) => deal.ClosedAt;

    public static Instant InstantOf(SalesActivity activity) => activity.OccurredAt;
}

/// <summary>A timestamp column of the compact snapshot.</summary>
internal enum KpiTimestamp
{
    ActivityOccurred,
    LeadCreated,
    LeadQualified,
    LeadConverted,
    OpportunityCreated,
    OpportunityClosed,
    DealClosed,
}
