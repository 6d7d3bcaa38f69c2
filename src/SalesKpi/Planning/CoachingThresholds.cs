using System.Collections.Immutable;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>
/// Seed 004's coaching thresholds as ready-made <see cref="KpiTarget"/>s: a rep below one of them gets the coaching
/// the seed lists for it. Evaluate them per rep with <see cref="KpiReport.EvaluateTarget"/>.
/// </summary>
/// <remarks>
/// <para>Ratios are fractions: 65% is 0.65, 100% is 1. Each target names the KPI id it judges, so the report must contain
/// a KPI of that id: <c>stage-conversion</c> (first appointment to proposal, the default of
/// <see cref="Kpis.StageConversion"/>), <c>close-rate</c> and <c>activity-barometer</c>.</para>
/// </remarks>
/// <example>
/// <code>
/// KpiReport report = evaluator.Evaluate(data, new KpiQuery(window, [Kpis.StageConversion, Kpis.CloseRate, barometer], KpiGrouping.ByRep));
/// foreach (var target in CoachingThresholds.All)
/// {
///     foreach (var result in report.EvaluateTarget(target))
///     {
///         Console.WriteLine(result); // ayse: close-rate 0.5 (2 / 4) (close-rate at least 0.65): below
///     }
/// }
/// </code>
/// </example>
/// <threadsafety>This type is safe to use from several threads.</threadsafety>
public static class CoachingThresholds
{
    /// <summary>Gets "first appointment to proposal at least 65%": <c>stage-conversion</c> at least 0.65.</summary>
    public static KpiTarget FirstAppointmentToProposal { get; } = new(KpiIds.StageConversion, 0.65m);

    /// <summary>Gets "close rate at least 65%": <c>close-rate</c> at least 0.65.</summary>
    public static KpiTarget CloseRate { get; } = new(KpiIds.CloseRate, 0.65m);

    /// <summary>Gets "activity barometer at least 100%": <c>activity-barometer</c> at least 1.</summary>
    public static KpiTarget ActivityBarometer { get; } = new(KpiIds.ActivityBarometer, 1m);

    /// <summary>Gets the three thresholds, in the seed's order.</summary>
    public static ImmutableArray<KpiTarget> All { get; } = [FirstAppointmentToProposal, CloseRate, ActivityBarometer];

    /// <summary>The hint of a KPI the seed gives no coaching for.</summary>
    public const string GenericHint = "Compare with the peers and the funnel steps before it to find where the shortfall starts, and the trend for when.";

    /// <summary>Returns the coaching for a rep below a KPI's threshold or target: the seed's text for the KPIs of its thresholds, a generic hint for any other.</summary>
    /// <param name="kpiId">The KPI's id.</param>
    /// <returns>
    /// For <c>stage-conversion</c>: "Define the next step of every first appointment; start at the top; diagnose, do not
    /// sell."; for <c>close-rate</c>: "Map the decision process; set the second appointment before leaving; bring
    /// references."; for <c>activity-barometer</c>: "Train appointment setting; sell the reason to meet."; otherwise
    /// <see cref="GenericHint"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpiId"/> is null.</exception>
    public static string HintFor(string kpiId) => Preconditions.CheckNotNull(kpiId) switch
    {
        KpiIds.StageConversion => "Define the next step of every first appointment; start at the top; diagnose, do not sell.",
        KpiIds.CloseRate => "Map the decision process; set the second appointment before leaving; bring references.",
        KpiIds.ActivityBarometer => "Train appointment setting; sell the reason to meet.",
        _ => GenericHint,
    };
}
