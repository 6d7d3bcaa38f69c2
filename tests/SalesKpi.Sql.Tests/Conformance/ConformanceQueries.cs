using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>A query of the conformance suite and the name it is reported under.</summary>
public sealed record ConformanceQuery(string Name, KpiQuery Query);

/// <summary>
/// The queries every engine answers on every data set: every built-in KPI by each built-in grouping the SQL can group
/// (none, rep, team, source, deal kind) per week, month, quarter and (fiscal) year; the custom KPIs — previous
/// period, filters, measures of several shapes, and KPIs the SQL cannot express — by four groupings per month; and on
/// the small data sets the whole range as one period, and a grouping by tool, which the SQL cannot group by.
/// </summary>
public static class ConformanceQueries
{
    /// <summary>Gets the deals of at least 5,000 counted by a predicate over whole deals: always computed in memory.</summary>
    public static KpiCalculator LargeDealsWhere { get; } = new MeasureKpiCalculator(
        "large-deals-where", KpiMeasure.Count(KpiRecords.Deals.Where<Deal>(d => d.Value.Amount >= 5_000m, "of at least 5,000")));

    /// <summary>Gets the custom KPIs: some computed in the database, some (<see cref="InMemoryCustomIds"/>) in memory.</summary>
    public static IReadOnlyList<KpiCalculator> Custom { get; } =
    [
        Kpis.NewOpportunities.PeriodOverPeriod("new-opportunities-growth"),
        Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue"),
        Kpis.NewLeads.Where(KpiFilter.Source("web"), "web-leads"),
        Kpis.LeadToOpportunityRate.Where(KpiFilter.Source("web"), "web-lead-to-opportunity-rate"),
        Kpis.DealsWon.Where(KpiFilter.Source("web"), "web-deals-won"),
        new MeasureKpiCalculator("demos", KpiMeasure.Count(KpiRecords.Activities.OfKind(new SalesActivityKind("demo")))),
        new MeasureKpiCalculator(
            "replied-emails",
            KpiMeasure.Count(KpiRecords.Activities.Where((kind, outcomes) => kind == SalesActivityKind.Email && (outcomes & ActivityOutcomes.Replied) != 0, "replied emails"))),
        new MeasureKpiCalculator(
            "win-rate-by-amount",
            KpiMeasure.Share(KpiRecords.OpportunitiesClosed, KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Won), "no opportunities closed in the period", byAmount: true)),
        new MeasureKpiCalculator("average-add-on", KpiMeasure.Average(KpiRecords.Deals.OfKind(DealKind.AddOn), "no add-on deals in the period")),
        new MeasureKpiCalculator("lost-cycle-days", KpiMeasure.CycleDays(KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Lost), "no opportunities lost in the period")),
        new MeasureKpiCalculator("deals-per-meeting", KpiMeasure.Ratio(KpiRecords.Deals, KpiRecords.Activities.OfKind(SalesActivityKind.Meeting), "no meetings in the period")),
        new MeasureKpiCalculator("qualified-web-leads", KpiMeasure.Count(KpiRecords.LeadsCreated.FromSource("web").Qualified())),
        new LargeDealsCalculator(),
        LargeDealsWhere,
    ];

    /// <summary>Gets the ids of the custom KPIs the SQL cannot express whatever the grouping: an accumulator of its own,
    /// a predicate over whole records, and a filter by source on deals (which follows a deal's opportunity to its lead).</summary>
    public static IReadOnlyList<string> InMemoryCustomIds { get; } = [LargeDealsCalculator.KpiId, "large-deals-where", "web-deals-won"];

    /// <summary>Gets the ids of the custom KPIs computed in the database when the records are not grouped
    /// (new-opportunities-growth is computed from new-opportunities, its part).</summary>
    public static IReadOnlyList<string> PushedCustomIds { get; } =
    [
        "new-opportunities", "renewal-revenue", "web-leads", "web-lead-to-opportunity-rate", "demos", "replied-emails",
        "win-rate-by-amount", "average-add-on", "lost-cycle-days", "deals-per-meeting", "qualified-web-leads",
    ];

    /// <summary>Gets time-window KPIs over built-in and custom KPIs, with a plain KPI beside them.</summary>
    public static IReadOnlyList<KpiCalculator> Windows { get; } =
    [
        Kpis.Revenue, Kpis.Revenue.Rolling(NodaTime.Period.FromDays(90)), Kpis.CloseRate.ToDate(PeriodUnit.Quarter), Kpis.Calls.YearOverYearGrowth(),
        Kpis.NewLeads.Cumulative(), new LargeDealsCalculator().SamePeriodLastYear(),
    ];

    public static IReadOnlyList<(string Name, KpiGrouping Grouping)> Groupings { get; } =
    [
        ("none", KpiGrouping.None), ("rep", KpiGrouping.ByRep), ("team", KpiGrouping.ByTeam), ("source", KpiGrouping.BySource), ("deal-kind", KpiGrouping.ByDealKind),
    ];

    public static IReadOnlyList<(string Name, PeriodUnit Per)> Periods { get; } =
        [("week", PeriodUnit.Week), ("month", PeriodUnit.Month), ("quarter", PeriodUnit.Quarter), ("year", PeriodUnit.FiscalYear), ("fiscal quarter", PeriodUnit.FiscalQuarter)];

    /// <summary>
    /// Returns the queries over a data set's range: the built-ins by every grouping per every period unit on the small
    /// generated data sets; on the large ones (<see cref="ConformanceDataSet.AllPeriodsPerGrouping"/> false), so that
    /// the suite stays fast, each grouping per two units, each unit by two or three groupings.
    /// </summary>
    public static IEnumerable<ConformanceQuery> For(ConformanceDataSet dataSet)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        for (var g = 0; g < Groupings.Count; g++)
        {
            var (groupName, grouping) = Groupings[g];
            for (var p = 0; p < Periods.Count; p++)
            {
                // Grouping g per units g and g + 1 (mod 5): none per week and month, rep per month and quarter, …
                if (!dataSet.AllPeriodsPerGrouping && p != g % Periods.Count && p != (g + 1) % Periods.Count)
                {
                    continue;
                }

                var (perName, per) = Periods[p];

                // Every rep of the roster in one query, even those with no records in the range.
                var allGroups = grouping == KpiGrouping.ByRep && per == PeriodUnit.Quarter;
                yield return new($"built-ins by {groupName} per {perName}{(allGroups ? " with every known group" : string.Empty)}", new KpiQuery(dataSet.Range, Kpis.All, grouping, per, allGroups));
            }
        }

        foreach (var (groupName, grouping) in Groupings.Where(g => g.Name != "team"))
        {
            yield return new($"custom by {groupName} per month", new KpiQuery(dataSet.Range, Custom, grouping, PeriodUnit.Month));
        }

        if (dataSet.AllPeriodsPerGrouping)
        {
            // The whole range as one period; and a grouping the SQL cannot group by, which reads every table into memory.
            yield return new("built-ins by team over the range", new KpiQuery(dataSet.Range, Kpis.All, KpiGrouping.ByTeam, PeriodUnit.None));
            yield return new("built-ins and custom by tool per month", new KpiQuery(dataSet.Range, [.. Kpis.All, .. Custom], KpiGrouping.ByTool, PeriodUnit.Month));

            // Days are pushed down like any period (boundaries by the zone, 23- and 25-hour days included): the first
            // 45 days of the range, so that the statements' period trees stay small.
            var days = new NodaTime.DateInterval(dataSet.Range.Start, Min(dataSet.Range.End, dataSet.Range.Start.PlusDays(44)));
            yield return new("built-ins by rep per day", new KpiQuery(days, Kpis.All, KpiGrouping.ByRep, PeriodUnit.Day));

            // Time windows are evaluated in memory over the fetched tables, beside the pushed-down KPIs.
            yield return new("time windows by rep per month", new KpiQuery(dataSet.Range, Windows, KpiGrouping.ByRep, PeriodUnit.Month));
        }
    }

    /// <summary>Counts deals of at least 5,000 by closing, in an accumulator of its own: the SQL cannot compute it.</summary>
    public sealed class LargeDealsCalculator() : AggregateKpiCalculator(KpiId)
    {
        public const string KpiId = "large-deals";

        public override KpiUnit Unit => KpiUnit.Count;

        public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Deals(d => d.ClosedAt, "closed at")];

        public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => new Counter();

        private sealed class Counter : KpiAccumulator
        {
            private long _count;

            public override void Add(Deal deal, KpiPeriod period)
            {
                if (deal.Value.Amount >= 5_000m)
                {
                    _count++;
                }
            }

            public override void Merge(KpiAccumulator other) => _count += ((Counter)other)._count;

            public override KpiValue GetValue() => KpiValue.Count(_count);
        }
    }

    private static NodaTime.LocalDate Min(NodaTime.LocalDate a, NodaTime.LocalDate b) => a < b ? a : b;
}
