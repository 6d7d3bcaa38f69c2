using SalesKpi.Activities;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Calculators;

/// <summary>
/// How a range is cut into periods and which period an event lands in, seen through <see cref="KpiEvaluator"/>: local
/// dates in the configured zone, DST-correct boundaries, ISO and custom weeks, months, quarters and fiscal years.
/// </summary>
public partial class PeriodPlanTests
{
    /// <summary>Evaluates <c>calls</c> over the given calls, cut into periods.</summary>
    private static KpiReport CallsPer(PeriodUnit per, NodaTime.DateInterval range, KpiSettings settings, params SalesActivity[] calls) =>
        new KpiEvaluator(settings).Evaluate(SalesData.Create(activities: calls), new KpiQuery(range, [Kpis.Calls], per: per));

    /// <summary>Returns the number of calls in each period, in order.</summary>
    private static decimal?[] Counts(KpiReport report) => [.. report.Rows.Select(r => r.Value.Value)];

    private static string[] Labels(KpiReport report) => [.. report.Periods.Select(p => p.Label)];
}
