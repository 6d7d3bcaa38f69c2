using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Properties;

/// <summary>
/// An oracle independent of the engine: the core KPIs recounted per rep and period with the straightforward LINQ a user
/// would write from the definitions in docs/kpis.md ("in period" = the local date of the deciding instant, in the
/// configured zone, is in the period's dates), compared with the engine's report.
/// </summary>
public sealed class NaiveRecountProperties
{
    private static readonly KpiCalculator[] Core =
    [
        Kpis.Calls, Kpis.EmailsSent, Kpis.Meetings, Kpis.Conversations, Kpis.CrmUsage,
        Kpis.EmailDeliveryRate, Kpis.EmailOpenRate, Kpis.EmailReplyRate, Kpis.PositiveReplyRate,
        Kpis.NewLeads, Kpis.SqlCount, Kpis.LeadToOpportunityRate, Kpis.NewOpportunities, Kpis.CloseRate, Kpis.DealsWon,
        Kpis.SalesCycleLength, Kpis.CustomerRetentionRate, Kpis.NetRevenueRetention,
    ];

    [Property(MaxTest = 150, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Evaluate_CoreKpisByRep_EqualANaiveRecountOfTheRecords(Scenario s)
    {
        var report = KpiEvaluatorProperties.Evaluator(s).Evaluate(s.Data, s.Query(Core, KpiGrouping.ByRep));
        var d = s.Data;
        LocalDate Local(Instant instant) => instant.InZone(s.Zone).Date;
        var groups = d.Activities.Select(a => a.Owner.Value)
            .Concat(d.Leads.Select(l => l.Owner?.Value ?? KpiGrouping.NoKey))
            .Concat(d.Opportunities.Select(o => o.Owner.Value))
            .Concat(d.Deals.Select(x => x.Owner.Value))
            .Concat(report.Groups)
            .Distinct();

        foreach (var group in groups)
        {
            for (var p = 0; p < report.Periods.Length; p++)
            {
                var dates = report.Periods[p].Dates;
                bool In(Instant? instant) => instant is { } i && dates.Contains(Local(i));
                var activities = d.Activities.Where(a => a.Owner.Value == group && In(a.OccurredAt)).ToArray();
                int Of(SalesActivityKind kind, ActivityOutcomes outcomes = ActivityOutcomes.None) =>
                    activities.Count(a => a.Kind == kind && (Implied(a.Outcomes) & outcomes) == outcomes);
                var emails = Of(SalesActivityKind.Email);
                var delivered = Of(SalesActivityKind.Email, ActivityOutcomes.Delivered);
                var leads = d.Leads.Where(l => (l.Owner?.Value ?? KpiGrouping.NoKey) == group).ToArray();
                var created = leads.Where(l => In(l.CreatedAt)).ToArray();
                var opportunities = d.Opportunities.Where(o => o.Owner.Value == group).ToArray();
                var newOpportunities = opportunities.Where(o => In(o.CreatedAt)).ToArray();
                var closed = opportunities.Where(o => o.Status != OpportunityStatus.Open && In(o.ClosedAt)).ToArray();
                var won = closed.Where(o => o.Status == OpportunityStatus.Won).ToArray();
                var deals = d.Deals.Where(x => x.Owner.Value == group && In(x.ClosedAt)).ToArray();
                var terms = d.Deals.Where(x => x.Owner.Value == group && x.Term is not null).ToArray();
                var atStart = terms.Where(x => x.Term!.Contains(dates.Start)).ToArray();
                var atEnd = terms.Where(x => x.Term!.Contains(dates.End)).ToArray();
                var startCustomers = atStart.Select(x => x.Account).ToHashSet();
                var retained = atEnd.Select(x => x.Account).Distinct().Count(startCustomers.Contains);
                var recurringAtStart = atStart.Sum(x => x.RecurringMonthly?.Amount ?? 0m);
                var recurringAtEnd = atEnd.Where(x => startCustomers.Contains(x.Account)).Sum(x => x.RecurringMonthly?.Amount ?? 0m);
                var cycles = won.Select(o => (decimal)Period.Between(Local(o.CreatedAt), Local(o.ClosedAt!.Value), PeriodUnits.Days).Days).ToArray();

                var expected = new (string Kpi, decimal? Value, decimal? Amount)[]
                {
                    (KpiIds.Calls, Of(SalesActivityKind.Call), null),
                    (KpiIds.EmailsSent, emails, null),
                    (KpiIds.Meetings, Of(SalesActivityKind.Meeting), null),
                    (KpiIds.Conversations, Of(SalesActivityKind.Call, ActivityOutcomes.Connected) + Of(SalesActivityKind.Meeting, ActivityOutcomes.Connected), null),
                    (KpiIds.CrmUsage, Of(SalesActivityKind.CrmUpdate), null),
                    (KpiIds.EmailDeliveryRate, Share(delivered, emails), null),
                    (KpiIds.EmailOpenRate, Share(Of(SalesActivityKind.Email, ActivityOutcomes.Delivered | ActivityOutcomes.Opened), delivered), null),
                    (KpiIds.EmailReplyRate, Share(Of(SalesActivityKind.Email, ActivityOutcomes.Delivered | ActivityOutcomes.Replied), delivered), null),
                    (KpiIds.PositiveReplyRate, Share(Of(SalesActivityKind.Email, ActivityOutcomes.Delivered | ActivityOutcomes.Positive), delivered), null),
                    (KpiIds.NewLeads, created.Length, null),
                    (KpiIds.SqlCount, leads.Count(l => In(l.QualifiedAt)), null),
                    (KpiIds.LeadToOpportunityRate, Share(created.Count(l => l.ConvertedAt is not null), created.Length), null),
                    (KpiIds.NewOpportunities, newOpportunities.Length, s.MixedCurrencies ? null : newOpportunities.Sum(o => o.Amount.Amount)),
                    (KpiIds.CloseRate, Share(won.Length, closed.Length), null),
                    (KpiIds.DealsWon, deals.Length, s.MixedCurrencies ? null : deals.Sum(x => x.Value.Amount)),
                    (KpiIds.SalesCycleLength, cycles.Length == 0 ? null : cycles.Sum() / cycles.Length, null),
                    (KpiIds.CustomerRetentionRate, Share(retained, startCustomers.Count), null),
                };
                if (!s.MixedCurrencies)
                {
                    // Net revenue retention converts amounts at a rate date of its own; it is recounted in one currency.
                    expected = [.. expected, (KpiIds.NetRevenueRetention, recurringAtStart == 0m ? null : recurringAtEnd / recurringAtStart, null)];
                }


                foreach (var (kpi, value, amount) in expected)
                {
                    if (!report.HasGroup(group))
                    {
                        // A group with no record in the range is not reported: everything recounted for it is nothing.
                        Assert.True(value is null or 0m, $"{kpi} of {group} in {report.Periods[p].Label}: {value} by recount, but the group is not in the report ({s}).");
                        continue;
                    }

                    var actual = report.Get(kpi, group, p);
                    Assert.True(
                        actual.Value == value && (amount is null || (actual.Amount?.Amount ?? 0m) == amount),
                        $"{kpi} of {group} in {report.Periods[p].Label}: {actual} by the engine, {value} ({amount}) by recount ({s}).");
                }
            }
        }
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Evaluate_TimeInStageByRep_EqualsANaiveRecountOfTheLatestStays(Scenario s)
    {
        // docs/kpis.md, time-in-stage (FirstAppointment, latest stay): a stay ends at the next entry of another stage, or
        // at the close when the stage is the last one; a stay still going on is not measured; the latest completed stay
        // counts, in the period of the instant it ended, as the calendar days between the local dates.
        var report = KpiEvaluatorProperties.Evaluator(s).Evaluate(s.Data, s.Query([Kpis.TimeInStage], KpiGrouping.ByRep));
        LocalDate Local(Instant instant) => instant.InZone(s.Zone).Date;
        var stays = new List<(string Owner, Instant Ended, int Days)>();
        foreach (var o in s.Data.Opportunities)
        {
            (Instant Ended, int Days)? latest = null;
            Instant? entered = null;
            foreach (var entry in o.StageHistory)
            {
                if (entry.Stage == OpportunityStage.FirstAppointment)
                {
                    entered ??= entry.EnteredAt;
                }
                else if (entered is { } start)
                {
                    latest = (entry.EnteredAt, Period.Between(Local(start), Local(entry.EnteredAt), PeriodUnits.Days).Days);
                    entered = null;
                }
            }

            if (entered is { } last && o.ClosedAt is { } closed)
            {
                latest = (closed, Period.Between(Local(last), Local(closed), PeriodUnits.Days).Days);
            }

            if (latest is { } stay)
            {
                stays.Add((o.Owner.Value, stay.Ended, stay.Days));
            }
        }

        foreach (var group in report.Groups)
        {
            for (var p = 0; p < report.Periods.Length; p++)
            {
                var dates = report.Periods[p].Dates;
                var days = stays.Where(x => x.Owner == group && dates.Contains(Local(x.Ended))).Select(x => (decimal)x.Days).ToArray();
                var actual = report.Get(KpiIds.TimeInStage, group, p);
                Assert.True(
                    actual.SampleSize == days.Length && actual.Value == (days.Length == 0 ? null : days.Sum() / days.Length),
                    $"time in stage of {group} in {report.Periods[p].Label}: {actual} by the engine, [{string.Join(", ", days)}] by recount ({s}).");
            }
        }
    }

    /// <summary>docs/kpis.md: "Email outcomes imply each other: an email opened or replied to was delivered, and a
    /// positive reply is a reply."</summary>
    private static ActivityOutcomes Implied(ActivityOutcomes outcomes)
    {
        // docs/kpis.md: "A next appointment set implies connected".
        if (outcomes.HasFlag(ActivityOutcomes.NextAppointmentSet))
        {
            outcomes |= ActivityOutcomes.Connected;
        }

        if (outcomes.HasFlag(ActivityOutcomes.Positive))
        {
            outcomes |= ActivityOutcomes.Replied;
        }

        return outcomes.HasFlag(ActivityOutcomes.Opened) || outcomes.HasFlag(ActivityOutcomes.Replied) ? outcomes | ActivityOutcomes.Delivered : outcomes;
    }

    private static decimal? Share(int part, int whole) => whole == 0 ? null : (decimal)part / whole;
}
