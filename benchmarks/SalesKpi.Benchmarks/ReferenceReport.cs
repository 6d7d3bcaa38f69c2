using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Calendars;
using SalesKpi.Deals;
using SalesKpi.Reporting;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The reference report: 15 KPIs of 2025, grouped by rep and ISO week in a time zone — activity counts, conversations,
/// call-to-meeting, new leads, SQLs, cost per lead, close rate, average deal size, the sales cycle (mean and median) and
/// revenue by deal kind — and <see cref="ReportTable"/>, the form in which the SalesKpi, LINQ and DuckDB versions of it
/// are compared.
/// </summary>
/// <remarks>
/// <para>Cost per lead divides marketing spend, which has no rep, by leads: grouped by rep it is undefined in every
/// group (the library says why), so every version reports nothing for it and the other 14 carry the work.</para>
/// </remarks>
public static class ReferenceReport
{
    /// <summary>The KPI ids of the report, in order.</summary>
    public static class Ids
    {
        public const string Calls = KpiIds.Calls;
        public const string EmailsSent = KpiIds.EmailsSent;
        public const string Meetings = KpiIds.Meetings;
        public const string Conversations = KpiIds.Conversations;
        public const string CallToMeeting = KpiIds.CallToMeetingRate;
        public const string NewLeads = KpiIds.NewLeads;
        public const string SqlCount = KpiIds.SqlCount;
        public const string CostPerLead = KpiIds.CostPerLead;
        public const string CloseRate = KpiIds.CloseRate;
        public const string AverageDealSize = KpiIds.AverageDealSize;
        public const string SalesCycle = KpiIds.SalesCycleLength;
        public const string RevenueNewBusiness = "revenue-new-business";
        public const string RevenueAddOn = "revenue-add-on";
        public const string RevenueRenewal = "revenue-renewal";
        public const string RevenueWinBack = "revenue-win-back";
    }

    /// <summary>Gets the 15 KPIs.</summary>
    public static ImmutableArray<KpiCalculator> Kpis { get; } =
    [
        Reporting.Kpis.Calls,
        Reporting.Kpis.EmailsSent,
        Reporting.Kpis.Meetings,
        Reporting.Kpis.Conversations,
        Reporting.Kpis.CallToMeetingRate,
        Reporting.Kpis.NewLeads,
        Reporting.Kpis.SqlCount,
        Reporting.Kpis.CostPerLead,
        Reporting.Kpis.CloseRate,
        Reporting.Kpis.AverageDealSize,
        Reporting.Kpis.SalesCycleLength,
        Reporting.Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.NewBusiness), Ids.RevenueNewBusiness),
        Reporting.Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.AddOn), Ids.RevenueAddOn),
        Reporting.Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), Ids.RevenueRenewal),
        Reporting.Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.WinBack), Ids.RevenueWinBack),
    ];

    /// <summary>
    /// The number of values in the report, at every scale: 51 groups (the 50 reps, and the records with no rep) × 53 ISO
    /// weeks (2025-W01, from Monday 30 December 2024, to 2026-W01) × 15 KPIs. The finishing benchmark's time divided by
    /// this is the cost of finishing one value.
    /// </summary>
    public const int Values = (ReferenceData.RepCount + 1) * 53 * 15;

    /// <summary>Gets the query: 2025 by rep and ISO week.</summary>
    public static KpiQuery Query { get; } = new(ReferenceData.Year, Kpis, KpiGrouping.ByRep, PeriodUnit.Week);

    /// <summary>Returns the settings for a TZDB zone id (ISO weeks: the default Monday start).</summary>
    public static KpiSettings Settings(string zoneId) => KpiSettings.Default.WithZone(zoneId);

    /// <summary>Returns the ISO week label of the week starting on a Monday, as the library labels it (<c>2025-W01</c>).</summary>
    public static string WeekLabel(LocalDate monday) => string.Create(
        CultureInfo.InvariantCulture,
        $"{WeekYearRules.Iso.GetWeekYear(monday):D4}-W{WeekYearRules.Iso.GetWeekOfWeekYear(monday):D2}");

    /// <summary>Returns the Monday of a date's ISO week.</summary>
    public static LocalDate WeekOf(LocalDate date) => date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

    /// <summary>Returns a SalesKpi report in comparable form.</summary>
    public static ReportTable ToTable(KpiReport report)
    {
        var table = new ReportTable();
        foreach (var row in report.Rows)
        {
            var v = row.Value;
            switch (row.KpiId)
            {
                case Ids.Calls or Ids.EmailsSent or Ids.Meetings or Ids.Conversations or Ids.NewLeads or Ids.SqlCount:
                    table.Count(row.Group, row.Period.Label, row.KpiId, (long)v.Value!.Value);
                    break;
                case Ids.CallToMeeting or Ids.CloseRate:
                    table.Ratio(row.Group, row.Period.Label, row.KpiId, (long)v.Numerator!.Value, (long)v.Denominator!.Value);
                    break;
                case Ids.AverageDealSize:
                    table.Average(row.Group, row.Period.Label, row.KpiId, v.Numerator!.Value, (long)v.Denominator!.Value);
                    break;
                case Ids.SalesCycle:
                    table.Sample(row.Group, row.Period.Label, row.KpiId, v.SampleSize!.Value, v.Value, v.Median);
                    break;
                case Ids.CostPerLead:
                    break;
                default:
                    table.Money(row.Group, row.Period.Label, row.KpiId, v.Value!.Value);
                    break;
            }
        }

        return table;
    }
}

/// <summary>
/// A report as exact, comparable text: one entry per group, ISO week and KPI that has data, with its numbers
/// (a count; numerator/denominator; an amount; a sample's size, mean and median). Empty cells are left out, so sparse
/// results (LINQ, SQL) and the library's full grid compare equal.
/// </summary>
public sealed class ReportTable
{
    private readonly SortedDictionary<string, string> _entries = new(StringComparer.Ordinal);

    /// <summary>Gets the entries: <c>group | week | kpi</c> to the numbers.</summary>
    public IReadOnlyDictionary<string, string> Entries => _entries;

    public void Count(string group, string week, string kpi, long count)
    {
        if (count != 0)
        {
            Add(group, week, kpi, count.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void Ratio(string group, string week, string kpi, long numerator, long denominator)
    {
        if (numerator != 0 || denominator != 0)
        {
            Add(group, week, kpi, string.Create(CultureInfo.InvariantCulture, $"{numerator} / {denominator}"));
        }
    }

    public void Average(string group, string week, string kpi, decimal total, long count)
    {
        if (count != 0)
        {
            Add(group, week, kpi, string.Create(CultureInfo.InvariantCulture, $"{total:0.00} / {count}"));
        }
    }

    public void Money(string group, string week, string kpi, decimal amount)
    {
        if (amount != 0m)
        {
            Add(group, week, kpi, amount.ToString("0.00", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Adds a sample of whole days given by its size, sum and median.</summary>
    public void Sample(string group, string week, string kpi, long size, long sum, double median) =>
        Sample(group, week, kpi, (int)size, size == 0 ? null : (decimal)sum / size, (decimal)median);

    public void Sample(string group, string week, string kpi, int size, decimal? mean, decimal? median)
    {
        if (size != 0)
        {
            Add(group, week, kpi, string.Create(CultureInfo.InvariantCulture, $"n = {size}, mean {mean:0.##########}, median {median:0.##########}"));
        }
    }

    /// <summary>Returns the differences from another table, at most <paramref name="max"/> of them, for an assertion message.</summary>
    public IReadOnlyList<string> Differences(ReportTable other, int max = 20)
    {
        var differences = new List<string>();
        foreach (var key in _entries.Keys.Union(other._entries.Keys).Order(StringComparer.Ordinal))
        {
            var mine = _entries.GetValueOrDefault(key);
            var theirs = other._entries.GetValueOrDefault(key);
            if (mine != theirs)
            {
                differences.Add($"{key}: {mine ?? "(none)"} vs {theirs ?? "(none)"}");
                if (differences.Count == max)
                {
                    break;
                }
            }
        }

        return differences;
    }

    private void Add(string group, string week, string kpi, string numbers) => _entries.Add($"{group} | {week} | {kpi}", numbers);
}
