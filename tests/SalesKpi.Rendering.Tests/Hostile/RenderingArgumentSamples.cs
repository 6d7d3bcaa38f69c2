using System.Reflection;
using NodaTime;
using SalesKpi.Reporting;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Rendering.Tests.Hostile;

/// <summary>
/// A valid argument of each type the public API of SalesKpi.Rendering takes, for <see cref="NullGuards"/>. A sweep that
/// meets a type missing here fails and names it: add it to <see cref="Samples"/> rather than skip it.
/// </summary>
internal sealed class RenderingArgumentSamples : IArgumentSource
{
    private static readonly DateInterval January = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31));

    private static readonly Dictionary<Type, Func<object>> Samples = new()
    {
        [typeof(string)] = () => "sample",
        [typeof(int)] = () => 1,
        [typeof(double)] = () => 1.0,
        [typeof(decimal)] = () => 1m,
        [typeof(TextWriter)] = () => new StringWriter(),
        [typeof(KpiValue)] = () => KpiValue.Count(1),
        [typeof(KpiTarget)] = () => new KpiTarget(KpiIds.DealsWon, 1m),
        [typeof(KpiReport)] = () => new KpiEvaluator().Evaluate(SalesData.Empty, new KpiQuery(January, [Kpis.DealsWon])),
        [typeof(RenderOptions)] = () => new RenderOptions(),
        [typeof(KpiDocument)] = () => new KpiDocument("sample", [], []),
        [typeof(Planning.ActivityPlan)] = () => Planning.ActivityPlan.ForDeals(1m, January, [], WorkingDayCalendar.MondayToFriday),
        [typeof(Planning.ActivityPlanStep)] = () => Planning.ActivityPlan.ForDeals(1m, January, [], WorkingDayCalendar.MondayToFriday).Deals,
        [typeof(Func<string, decimal>)] = () => new Func<string, decimal>(_ => 1m),
        [typeof(Func<string, KpiValue>)] = () => new Func<string, KpiValue>(_ => KpiValue.Number(1m)),
        [typeof(Pipeline.PipelineWaterfallReport)] = () => new Pipeline.PipelineWaterfallCalculator().Evaluate(SalesData.Empty, January),
        [typeof(Planning.ForecastAccuracyResult)] = () => new Planning.ForecastAccuracyCalculator().Evaluate(new KpiEvaluator(), SalesData.Empty, []),
    };

    /// <summary>Gets the samples.</summary>
    public static RenderingArgumentSamples Instance { get; } = new();

    public bool TryGet(ParameterInfo parameter, out object? value) => TryGetInstance(parameter.ParameterType, out value);

    public bool TryGetInstance(Type type, out object? value) => ArgumentSampleTable.TryGet(Samples, type, out value);

    // No generic public members; one added later is reported until a type argument is given here.
    public Type? TryClose(Type definition) => null;

    public MethodInfo? TryClose(MethodInfo definition) => null;
}
