using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Opportunities;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The reference report as a user would write it with LINQ over the library's records: one query per KPI, each
/// converting the deciding instant of every record it keeps into a local date in the zone, grouping by rep and week.
/// </summary>
public static class LinqReport
{
    /// <summary>Runs the 14 queries (cost per lead is undefined by rep and needs none).</summary>
    public static Result Run(SalesData data, DateTimeZone zone)
    {
        var year = ReferenceData.Year;
        LocalDate Local(Instant instant) => instant.InZone(zone).Date;
        Key KeyOf(string rep, LocalDate date) => new(rep, ReferenceReport.WeekOf(date));

        Dictionary<Key, long> CountActivities(Func<SalesActivity, bool> predicate) =>
            (from a in data.Activities
             where predicate(a)
             let date = Local(a.OccurredAt)
             where year.Contains(date)
             group a by KeyOf(a.Owner.Value, date) into g
             select (g.Key, Count: g.LongCount())).ToDictionary(x => x.Key, x => x.Count);

        var calls = CountActivities(a => a.Kind == SalesActivityKind.Call);
        var emails = CountActivities(a => a.Kind == SalesActivityKind.Email);
        var meetings = CountActivities(a => a.Kind == SalesActivityKind.Meeting);
        var conversations = CountActivities(a => (a.Kind == SalesActivityKind.Call || a.Kind == SalesActivityKind.Meeting) && a.Has(ActivityOutcomes.Connected));
        var callToMeeting =
            (from a in data.Activities
             where a.Kind == SalesActivityKind.Call || a.Kind == SalesActivityKind.Meeting
             let date = Local(a.OccurredAt)
             where year.Contains(date)
             group a by KeyOf(a.Owner.Value, date) into g
             select (g.Key, Meetings: g.LongCount(a => a.Kind == SalesActivityKind.Meeting), Calls: g.LongCount(a => a.Kind == SalesActivityKind.Call)))
            .ToDictionary(x => x.Key, x => (x.Meetings, x.Calls));

        var newLeads =
            (from l in data.Leads
             let date = Local(l.CreatedAt)
             where year.Contains(date)
             group l by KeyOf(l.Owner?.Value ?? "(none)", date) into g
             select (g.Key, Count: g.LongCount())).ToDictionary(x => x.Key, x => x.Count);
        var sqls =
            (from l in data.Leads
             where l.QualifiedAt.HasValue
             let date = Local(l.QualifiedAt!.Value)
             where year.Contains(date)
             group l by KeyOf(l.Owner?.Value ?? "(none)", date) into g
             select (g.Key, Count: g.LongCount())).ToDictionary(x => x.Key, x => x.Count);

        var closeRate =
            (from o in data.Opportunities
             where o.ClosedAt.HasValue
             let date = Local(o.ClosedAt!.Value)
             where year.Contains(date)
             group o by KeyOf(o.Owner.Value, date) into g
             select (g.Key, Won: g.LongCount(o => o.Status == OpportunityStatus.Won), Closed: g.LongCount()))
            .ToDictionary(x => x.Key, x => (x.Won, x.Closed));

        var averageDealSize =
            (from d in data.Deals
             let date = Local(d.ClosedAt)
             where year.Contains(date)
             group d by KeyOf(d.Owner.Value, date) into g
             select (g.Key, Total: g.Sum(d => d.Value.Amount), Count: g.LongCount()))
            .ToDictionary(x => x.Key, x => (x.Total, x.Count));

        var cycle =
            (from o in data.Opportunities
             where o.Status == OpportunityStatus.Won
             let date = Local(o.ClosedAt!.Value)
             where year.Contains(date)
             group Period.DaysBetween(Local(o.CreatedAt), date) by KeyOf(o.Owner.Value, date) into g
             select (g.Key, Days: g.Order().ToArray()))
            .ToDictionary(x => x.Key, x => x.Days);

        Dictionary<Key, decimal> RevenueOf(DealKind kind) =>
            (from d in data.Deals
             where d.Kind == kind
             let date = Local(d.ClosedAt)
             where year.Contains(date)
             group d by KeyOf(d.Owner.Value, date) into g
             select (g.Key, Total: g.Sum(d => d.Value.Amount))).ToDictionary(x => x.Key, x => x.Total);

        return new Result(
            calls, emails, meetings, conversations, callToMeeting, newLeads, sqls, closeRate, averageDealSize, cycle,
            RevenueOf(DealKind.NewBusiness), RevenueOf(DealKind.AddOn), RevenueOf(DealKind.Renewal), RevenueOf(DealKind.WinBack));
    }

    /// <summary>A group and the Monday of its week.</summary>
    public readonly record struct Key(string Rep, LocalDate Week);

    /// <summary>The queries' results, one dictionary per KPI.</summary>
    public sealed record Result(
        Dictionary<Key, long> Calls,
        Dictionary<Key, long> EmailsSent,
        Dictionary<Key, long> Meetings,
        Dictionary<Key, long> Conversations,
        Dictionary<Key, (long Meetings, long Calls)> CallToMeeting,
        Dictionary<Key, long> NewLeads,
        Dictionary<Key, long> SqlCount,
        Dictionary<Key, (long Won, long Closed)> CloseRate,
        Dictionary<Key, (decimal Total, long Count)> AverageDealSize,
        Dictionary<Key, int[]> SalesCycle,
        Dictionary<Key, decimal> RevenueNewBusiness,
        Dictionary<Key, decimal> RevenueAddOn,
        Dictionary<Key, decimal> RevenueRenewal,
        Dictionary<Key, decimal> RevenueWinBack)
    {
        /// <summary>Returns the results in comparable form.</summary>
        public ReportTable ToTable()
        {
            var table = new ReportTable();
            static string W(Key k) => ReferenceReport.WeekLabel(k.Week);
            foreach (var (k, n) in Calls)
            {
                table.Count(k.Rep, W(k), ReferenceReport.Ids.Calls, n);
            }

            foreach (var (k, n) in EmailsSent)
            {
                table.Count(k.Rep, W(k), ReferenceReport.Ids.EmailsSent, n);
            }

            foreach (var (k, n) in Meetings)
            {
                table.Count(k.Rep, W(k), ReferenceReport.Ids.Meetings, n);
            }

            foreach (var (k, n) in Conversations)
            {
                table.Count(k.Rep, W(k), ReferenceReport.Ids.Conversations, n);
            }

            foreach (var (k, (meetings, calls)) in CallToMeeting)
            {
                table.Ratio(k.Rep, W(k), ReferenceReport.Ids.CallToMeeting, meetings, calls);
            }

            foreach (var (k, n) in NewLeads)
            {
                table.Count(k.Rep, W(k), ReferenceReport.Ids.NewLeads, n);
            }

            foreach (var (k, n) in SqlCount)
            {
                table.Count(k.Rep, W(k), ReferenceReport.Ids.SqlCount, n);
            }

            foreach (var (k, (won, closed)) in CloseRate)
            {
                table.Ratio(k.Rep, W(k), ReferenceReport.Ids.CloseRate, won, closed);
            }

            foreach (var (k, (total, count)) in AverageDealSize)
            {
                table.Average(k.Rep, W(k), ReferenceReport.Ids.AverageDealSize, total, count);
            }

            foreach (var (k, days) in SalesCycle)
            {
                var n = days.Length;
                var middle = (n - 1) / 2;
                var median = n % 2 == 1 ? days[middle] : days[middle] + ((days[middle + 1] - days[middle]) / 2m);
                table.Sample(k.Rep, W(k), ReferenceReport.Ids.SalesCycle, n, days.Sum(d => (decimal)d) / n, median);
            }

            foreach (var (kpi, revenue) in new[]
            {
                (ReferenceReport.Ids.RevenueNewBusiness, RevenueNewBusiness), (ReferenceReport.Ids.RevenueAddOn, RevenueAddOn),
                (ReferenceReport.Ids.RevenueRenewal, RevenueRenewal), (ReferenceReport.Ids.RevenueWinBack, RevenueWinBack),
            })
            {
                foreach (var (k, total) in revenue)
                {
                    table.Money(k.Rep, W(k), kpi, total);
                }
            }

            return table;
        }
    }
}
