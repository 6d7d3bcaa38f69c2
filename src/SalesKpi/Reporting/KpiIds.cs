namespace SalesKpi.Reporting;

/// <summary>The stable ids of the built-in KPIs: the names used for dependency-injection look-up, CLI output and docs.</summary>
public static class KpiIds
{
    /// <summary><c>calls</c>.</summary>
    public const string Calls = "calls";

    /// <summary><c>emails-sent</c>.</summary>
    public const string EmailsSent = "emails-sent";

    /// <summary><c>meetings</c>.</summary>
    public const string Meetings = "meetings";

    /// <summary><c>conversations</c>.</summary>
    public const string Conversations = "conversations";

    /// <summary><c>crm-usage</c>.</summary>
    public const string CrmUsage = "crm-usage";

    /// <summary><c>sales-tool-usage</c>.</summary>
    public const string SalesToolUsage = "sales-tool-usage";

    /// <summary><c>email-delivery-rate</c>.</summary>
    public const string EmailDeliveryRate = "email-delivery-rate";

    /// <summary><c>email-open-rate</c>.</summary>
    public const string EmailOpenRate = "email-open-rate";

    /// <summary><c>email-reply-rate</c>.</summary>
    public const string EmailReplyRate = "email-reply-rate";

    /// <summary><c>positive-reply-rate</c>.</summary>
    public const string PositiveReplyRate = "positive-reply-rate";

    /// <summary><c>call-to-meeting-rate</c>.</summary>
    public const string CallToMeetingRate = "call-to-meeting-rate";

    /// <summary><c>meeting-to-deal-rate</c>.</summary>
    public const string MeetingToDealRate = "meeting-to-deal-rate";

    /// <summary><c>new-leads</c>.</summary>
    public const string NewLeads = "new-leads";

    /// <summary><c>sql-count</c>.</summary>
    public const string SqlCount = "sql-count";

    /// <summary><c>cost-per-lead</c>.</summary>
    public const string CostPerLead = "cost-per-lead";

    /// <summary><c>cost-per-sql</c>.</summary>
    public const string CostPerSql = "cost-per-sql";

    /// <summary><c>lead-to-opportunity-rate</c>.</summary>
    public const string LeadToOpportunityRate = "lead-to-opportunity-rate";

    /// <summary><c>new-opportunities</c>.</summary>
    public const string NewOpportunities = "new-opportunities";

    /// <summary><c>qualified-pipeline</c>.</summary>
    public const string QualifiedPipeline = "qualified-pipeline";

    /// <summary><c>close-rate</c>.</summary>
    public const string CloseRate = "close-rate";

    /// <summary><c>stage-conversion</c>.</summary>
    public const string StageConversion = "stage-conversion";

    /// <summary><c>time-in-stage</c>.</summary>
    public const string TimeInStage = "time-in-stage";

    /// <summary><c>weighted-pipeline</c>.</summary>
    public const string WeightedPipeline = "weighted-pipeline";

    /// <summary><c>deals-won</c>.</summary>
    public const string DealsWon = "deals-won";

    /// <summary><c>revenue</c>.</summary>
    public const string Revenue = "revenue";

    /// <summary><c>revenue-growth</c>.</summary>
    public const string RevenueGrowth = "revenue-growth";

    /// <summary><c>deals-won-growth</c>.</summary>
    public const string DealsWonGrowth = "deals-won-growth";

    /// <summary><c>average-deal-size</c>.</summary>
    public const string AverageDealSize = "average-deal-size";

    /// <summary><c>sales-cycle-length</c>.</summary>
    public const string SalesCycleLength = "sales-cycle-length";

    /// <summary><c>customer-retention-rate</c>.</summary>
    public const string CustomerRetentionRate = "customer-retention-rate";

    /// <summary><c>churn-rate</c>.</summary>
    public const string ChurnRate = "churn-rate";

    /// <summary><c>net-revenue-retention</c>.</summary>
    public const string NetRevenueRetention = "net-revenue-retention";

    /// <summary><c>magic-number</c>.</summary>
    public const string MagicNumber = "magic-number";

    /// <summary><c>activity-barometer</c>.</summary>
    public const string ActivityBarometer = "activity-barometer";

    /// <summary><c>sales-velocity</c>.</summary>
    public const string SalesVelocity = "sales-velocity";

    /// <summary><c>pipeline-coverage</c>.</summary>
    public const string PipelineCoverage = "pipeline-coverage";

    /// <summary><c>quota-attainment</c>.</summary>
    public const string QuotaAttainment = "quota-attainment";

    /// <summary><c>quota-pacing</c>.</summary>
    public const string QuotaPacing = "quota-pacing";

    /// <summary><c>saas-magic-number</c>.</summary>
    public const string SaasMagicNumber = "saas-magic-number";

    /// <summary><c>customer-acquisition-cost</c>.</summary>
    public const string CustomerAcquisitionCost = "customer-acquisition-cost";

    /// <summary><c>lead-response-time</c>.</summary>
    public const string LeadResponseTime = "lead-response-time";

    /// <summary><c>lead-response-time-p90</c>.</summary>
    public const string LeadResponseTimeP90 = "lead-response-time-p90";

    /// <summary><c>lead-response-sla</c>.</summary>
    public const string LeadResponseSla = "lead-response-sla";

    /// <summary><c>next-appointment-rate</c>.</summary>
    public const string NextAppointmentRate = "next-appointment-rate";

    /// <summary><c>emails-per-contact</c>.</summary>
    public const string EmailsPerContact = "emails-per-contact";

    /// <summary><c>deals-lost</c>.</summary>
    public const string DealsLost = "deals-lost";

    /// <summary><c>lost-reason-rate</c>.</summary>
    public const string LostReasonRate = "lost-reason-rate";

    /// <summary><c>open-deal-age</c>.</summary>
    public const string OpenDealAge = "open-deal-age";

    /// <summary><c>stalled-deals</c>.</summary>
    public const string StalledDeals = "stalled-deals";

    /// <summary><c>stalled-deal-rate</c>.</summary>
    public const string StalledDealRate = "stalled-deal-rate";
}
