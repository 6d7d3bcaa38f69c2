using System.Collections.Immutable;
using SalesKpi.Activities;
using SalesKpi.BuiltIn;
using SalesKpi.Extensibility;

namespace SalesKpi.Reporting;

/// <summary>
/// The built-in KPIs with their default options, ready to evaluate: <c>Kpis.CloseRate.Evaluate(data, range)</c>.
/// </summary>
/// <remarks>
/// <para>Each property returns the same immutable instance every time. For other options, construct the calculator
/// (for example <c>new CloseRateCalculator(new CloseRateOptions { Basis = CloseRateBasis.Value, Id = "close-rate-by-value" })</c>).
/// The definitions, with worked examples, are in docs/kpis.md.</para>
/// </remarks>
/// <threadsafety>This type is safe to use from several threads.</threadsafety>
public static class Kpis
{
    /// <summary>Gets <c>calls</c>: activities of kind call, by occurrence.</summary>
    public static KpiCalculator Calls { get; } = CountOf(KpiIds.Calls, SalesActivityKind.Call);

    /// <summary>Gets <c>emails-sent</c>: activities of kind email, by occurrence.</summary>
    public static KpiCalculator EmailsSent { get; } = CountOf(KpiIds.EmailsSent, SalesActivityKind.Email);

    /// <summary>Gets <c>meetings</c>: activities of kind meeting (appointments set), by occurrence.</summary>
    public static KpiCalculator Meetings { get; } = CountOf(KpiIds.Meetings, SalesActivityKind.Meeting);

    /// <summary>Gets <c>conversations</c>: calls and meetings with outcome connected, by occurrence.</summary>
    public static KpiCalculator Conversations { get; } = new MeasureKpiCalculator(
        KpiIds.Conversations,
        KpiMeasure.Count(KpiRecords.Activities.OfKind(SalesActivityKind.Call, SalesActivityKind.Meeting).WithOutcomes(ActivityOutcomes.Connected)),
        "calls and meetings with outcome connected");

    /// <summary>Gets <c>crm-usage</c>: activities of kind crm-update (records logged in the CRM), by occurrence.</summary>
    public static KpiCalculator CrmUsage { get; } = CountOf(KpiIds.CrmUsage, SalesActivityKind.CrmUpdate);

    /// <summary>Gets <c>sales-tool-usage</c>: activities of kind tool-usage, by occurrence; group with <see cref="KpiGrouping.ByTool"/>.</summary>
    public static KpiCalculator SalesToolUsage { get; } = CountOf(KpiIds.SalesToolUsage, SalesActivityKind.ToolUsage);

    /// <summary>Gets <c>email-delivery-rate</c>: delivered / sent emails.</summary>
    public static KpiCalculator EmailDeliveryRate { get; } = EmailRate(KpiIds.EmailDeliveryRate, null, ActivityOutcomes.Delivered, "no emails sent in the period");

    /// <summary>Gets <c>email-open-rate</c>: opened / delivered emails.</summary>
    public static KpiCalculator EmailOpenRate { get; } = EmailRate(KpiIds.EmailOpenRate, ActivityOutcomes.Delivered, ActivityOutcomes.Opened, "no emails delivered in the period");

    /// <summary>Gets <c>email-reply-rate</c>: replied / delivered emails.</summary>
    public static KpiCalculator EmailReplyRate { get; } = EmailRate(KpiIds.EmailReplyRate, ActivityOutcomes.Delivered, ActivityOutcomes.Replied, "no emails delivered in the period");

    /// <summary>Gets <c>positive-reply-rate</c>: positive replies / delivered emails.</summary>
    public static KpiCalculator PositiveReplyRate { get; } = EmailRate(KpiIds.PositiveReplyRate, ActivityOutcomes.Delivered, ActivityOutcomes.Positive, "no emails delivered in the period");

    /// <summary>Gets <c>call-to-meeting-rate</c>: meetings / calls in the period.</summary>
    public static KpiCalculator CallToMeetingRate { get; } = new RatioKpiCalculator(KpiIds.CallToMeetingRate, Meetings, Calls);

    /// <summary>Gets <c>meeting-to-deal-rate</c>: won deals / meetings in the period.</summary>
    public static KpiCalculator MeetingToDealRate { get; } = new MeetingToDealRateCalculator();

    /// <summary>Gets <c>new-leads</c>: leads created, by creation.</summary>
    public static KpiCalculator NewLeads { get; } = new MeasureKpiCalculator(KpiIds.NewLeads, KpiMeasure.Count(KpiRecords.LeadsCreated), "leads created");

    /// <summary>Gets <c>sql-count</c>: leads that became sales-qualified, by qualification.</summary>
    public static KpiCalculator SqlCount { get; } = new MeasureKpiCalculator(KpiIds.SqlCount, KpiMeasure.Count(KpiRecords.LeadsQualified), "leads qualified");

    /// <summary>Gets <c>cost-per-lead</c>: marketing spend (pro-rated by days) / new leads.</summary>
    public static KpiCalculator CostPerLead { get; } = new CostPerLeadCalculator(CostPerLeadBasis.NewLeads);

    /// <summary>Gets <c>cost-per-sql</c>: marketing spend (pro-rated by days) / sales-qualified leads.</summary>
    public static KpiCalculator CostPerSql { get; } = new CostPerLeadCalculator(CostPerLeadBasis.SalesQualifiedLeads);

    /// <summary>Gets <c>lead-to-opportunity-rate</c>: of the leads created in the period, the share converted to an opportunity.</summary>
    public static KpiCalculator LeadToOpportunityRate { get; } = new MeasureKpiCalculator(
        KpiIds.LeadToOpportunityRate,
        KpiMeasure.Share(KpiRecords.LeadsCreated, KpiRecords.LeadsCreated.Converted(), "no leads created in the period"),
        "share of the leads created in the period that were converted to an opportunity");

    /// <summary>Gets <c>new-opportunities</c>: opportunities created, with their total amount.</summary>
    public static KpiCalculator NewOpportunities { get; } = new MeasureKpiCalculator(
        KpiIds.NewOpportunities, KpiMeasure.CountWithAmount(KpiRecords.OpportunitiesCreated), "opportunities created (count and total amount)");

    /// <summary>Gets <c>qualified-pipeline</c>: open opportunities at period end past the first appointment.</summary>
    public static KpiCalculator QualifiedPipeline { get; } = new QualifiedPipelineCalculator();

    /// <summary>Gets <c>close-rate</c>: won / (won + lost) of the opportunities closed in the period.</summary>
    public static KpiCalculator CloseRate { get; } = new CloseRateCalculator();

    /// <summary>Gets <c>stage-conversion</c>: first appointment to proposal.</summary>
    public static KpiCalculator StageConversion { get; } = new StageConversionCalculator();

    /// <summary>Gets <c>time-in-stage</c>: days in the first-appointment stage (latest stay).</summary>
    public static KpiCalculator TimeInStage { get; } = new TimeInStageCalculator();

    /// <summary>Gets <c>weighted-pipeline</c>: open amount × stage probability, by expected close date.</summary>
    public static KpiCalculator WeightedPipeline { get; } = new WeightedPipelineCalculator();

    /// <summary>Gets <c>deals-won</c>: deals won, with their value.</summary>
    public static KpiCalculator DealsWon { get; } = new MeasureKpiCalculator(
        KpiIds.DealsWon, KpiMeasure.CountWithAmount(KpiRecords.Deals), "deals won (count and value)");

    /// <summary>Gets <c>revenue</c>: the value of the deals won.</summary>
    public static KpiCalculator Revenue { get; } = new RevenueCalculator();

    /// <summary>Gets <c>revenue-growth</c>: the period-over-period change of revenue.</summary>
    public static KpiCalculator RevenueGrowth { get; } = new PeriodOverPeriodKpiCalculator(KpiIds.RevenueGrowth, Revenue);

    /// <summary>Gets <c>deals-won-growth</c>: the period-over-period change of deals won.</summary>
    public static KpiCalculator DealsWonGrowth { get; } = new PeriodOverPeriodKpiCalculator(KpiIds.DealsWonGrowth, DealsWon);

    /// <summary>Gets <c>average-deal-size</c>: revenue / deals won.</summary>
    public static KpiCalculator AverageDealSize { get; } = new AverageDealSizeCalculator();

    /// <summary>Gets <c>sales-cycle-length</c>: days from created to closed of the opportunities won.</summary>
    public static KpiCalculator SalesCycleLength { get; } = new SalesCycleLengthCalculator();

    /// <summary>Gets <c>customer-retention-rate</c>: (E − N) / S.</summary>
    public static KpiCalculator CustomerRetentionRate { get; } = new CustomerRetentionCalculator();

    /// <summary>Gets <c>churn-rate</c>: 1 − customer retention rate.</summary>
    public static KpiCalculator ChurnRate { get; } = new ChurnRateCalculator((CustomerRetentionCalculator)CustomerRetentionRate);

    /// <summary>Gets <c>net-revenue-retention</c>: recurring revenue at end from start customers / at start.</summary>
    public static KpiCalculator NetRevenueRetention { get; } = new NetRevenueRetentionCalculator();

    /// <summary>Gets <c>sales-velocity</c>: open opportunities × close rate × average deal size / mean sales-cycle days.</summary>
    public static KpiCalculator SalesVelocity { get; } = new SalesVelocityCalculator();

    /// <summary>Gets <c>saas-magic-number</c>: (recurring revenue this quarter − last quarter) × 4 / last quarter's sales and marketing spend.</summary>
    public static KpiCalculator SaasMagicNumber { get; } = new SaasMagicNumberCalculator();

    /// <summary>Gets <c>customer-acquisition-cost</c>: sales and marketing spend (pro-rated by days) / accounts that won new business.</summary>
    public static KpiCalculator CustomerAcquisitionCost { get; } = new CustomerAcquisitionCostCalculator();

    /// <summary>Gets <c>lead-response-time</c>: the median days from a lead's creation to its first activity, of the leads created in the period.</summary>
    public static KpiCalculator LeadResponseTime { get; } = new LeadResponseTimeCalculator();

    /// <summary>Gets <c>lead-response-time-p90</c>: the 90th percentile of the days from a lead's creation to its first activity.</summary>
    public static KpiCalculator LeadResponseTimeP90 { get; } = new LeadResponseTimeCalculator(new LeadResponseTimeOptions { Id = KpiIds.LeadResponseTimeP90, Percentile = 0.9m });

    /// <summary>Gets <c>lead-response-sla</c>: the share of the leads created in the period first touched within an hour.</summary>
    public static KpiCalculator LeadResponseSla { get; } = new LeadResponseSlaCalculator();

    /// <summary>Gets <c>next-appointment-rate</c>: of the conversations, the share that ended with the next appointment set.</summary>
    public static KpiCalculator NextAppointmentRate { get; } = new MeasureKpiCalculator(
        KpiIds.NextAppointmentRate,
        KpiMeasure.Share(
            KpiRecords.Activities.OfKind(SalesActivityKind.Call, SalesActivityKind.Meeting).WithOutcomes(ActivityOutcomes.Connected),
            KpiRecords.Activities.WithOutcomes(ActivityOutcomes.NextAppointmentSet),
            "no conversations in the period"),
        "conversations with the next appointment set / conversations");

    /// <summary>Gets <c>emails-per-contact</c>: emails sent to a lead or opportunity / the distinct leads and opportunities emailed.</summary>
    public static KpiCalculator EmailsPerContact { get; } = new EmailsPerContactCalculator();

    /// <summary>Gets <c>deals-lost</c>: opportunities lost, by closed at, with their total amount.</summary>
    public static KpiCalculator DealsLost { get; } = new MeasureKpiCalculator(
        KpiIds.DealsLost,
        KpiMeasure.CountWithAmount(KpiRecords.OpportunitiesClosed.WithStatus(Opportunities.OpportunityStatus.Lost)),
        "opportunities lost (count and total amount)");

    /// <summary>Gets <c>lost-reason-rate</c>: of the opportunities lost in the period, the share with a recorded lost reason.</summary>
    public static KpiCalculator LostReasonRate { get; } = new LostReasonRateCalculator();

    /// <summary>Gets <c>open-deal-age</c>: mean days since creation of the opportunities open at the period's end.</summary>
    public static KpiCalculator OpenDealAge { get; } = new OpenDealAgeCalculator();

    /// <summary>Gets <c>stalled-deals</c>: opportunities open at the period's end untouched (no stage change, no activity) for 30 days.</summary>
    public static KpiCalculator StalledDeals { get; } = new StalledDealsCalculator();

    /// <summary>Gets <c>stalled-deal-rate</c>: stalled deals / opportunities open at the period's end.</summary>
    public static KpiCalculator StalledDealRate { get; } = new StalledDealsCalculator(new StalledDealsOptions { Id = KpiIds.StalledDealRate, Rate = true });

    /// <summary>Gets every built-in KPI, in catalog order.</summary>
    /// <remarks>
    /// <para>The planning KPIs that need a goal, target or quota per group (<c>magic-number</c>, <c>activity-barometer</c>,
    /// <c>pipeline-coverage</c>, <c>quota-attainment</c>, <c>quota-pacing</c>) are not here: construct them with their
    /// options (docs/planning.md).</para>
    /// </remarks>
    public static ImmutableArray<KpiCalculator> All { get; } =
    [
        Calls, EmailsSent, Meetings, Conversations, CrmUsage, SalesToolUsage,
        EmailDeliveryRate, EmailOpenRate, EmailReplyRate, PositiveReplyRate, CallToMeetingRate, MeetingToDealRate,
        NextAppointmentRate, EmailsPerContact,
        NewLeads, SqlCount, CostPerLead, CostPerSql, CustomerAcquisitionCost, LeadToOpportunityRate,
        LeadResponseTime, LeadResponseTimeP90, LeadResponseSla,
        NewOpportunities, QualifiedPipeline, CloseRate, StageConversion, TimeInStage, WeightedPipeline,
        DealsLost, LostReasonRate, OpenDealAge, StalledDeals, StalledDealRate,
        DealsWon, Revenue, RevenueGrowth, DealsWonGrowth, AverageDealSize, SalesCycleLength,
        CustomerRetentionRate, ChurnRate, NetRevenueRetention,
        SalesVelocity, SaasMagicNumber,
    ];

    /// <summary>Returns the built-in KPI with the given id.</summary>
    /// <param name="id">The id, such as <c>close-rate</c>.</param>
    /// <param name="kpi">The KPI, when found.</param>
    /// <returns>True when a built-in KPI has the id.</returns>
    public static bool TryGet(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KpiCalculator? kpi)
    {
        kpi = All.FirstOrDefault(k => string.Equals(k.Id, id, StringComparison.Ordinal));
        return kpi is not null;
    }

    private static MeasureKpiCalculator CountOf(string id, SalesActivityKind kind) =>
        new(id, KpiMeasure.Count(KpiRecords.Activities.OfKind(kind)), $"activities of kind {kind}");

    private static MeasureKpiCalculator EmailRate(string id, ActivityOutcomes? denominator, ActivityOutcomes numerator, string emptyReason)
    {
        var emails = KpiRecords.Activities.OfKind(SalesActivityKind.Email);
        return new(
            id,
            KpiMeasure.Share(denominator is { } d ? emails.WithOutcomes(d) : emails, KpiRecords.Activities.WithOutcomes(numerator), emptyReason),
            $"{numerator.ToString().ToLowerInvariant()} / {(denominator is { } d2 ? d2.ToString().ToLowerInvariant() : "sent")} emails");
    }
}
