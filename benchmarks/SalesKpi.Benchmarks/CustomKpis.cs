using System.Collections.Immutable;
using SalesKpi.Activities;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Benchmarks;

/// <summary>
/// Built-in KPIs and their twins written by a user through the public API, each asked alone over the reference report's
/// range, grouping and weeks: what a custom metric costs next to the built-in it copies.
/// </summary>
/// <remarks>
/// <para>Call-to-meeting: the built-in is a <see cref="RatioKpiCalculator"/> of <c>meetings</c> over <c>calls</c>, whose
/// value is undefined with "calls is zero" when there are no calls; the twin is one <see cref="KpiMeasure.Ratio"/> of
/// meetings over calls with that same reason, so the two give equal <see cref="KpiValue"/>s, reason included.</para>
/// <para>Calls: the built-in is a count measure of activities of kind call; the twins are the same measure written by the
/// user, and a hand-rolled <see cref="AggregateKpiCalculator"/> with its own <see cref="KpiAccumulator"/> — the path for
/// what no measure expresses, which the engine runs record by record.</para>
/// </remarks>
public static class CustomKpis
{
    /// <summary>Gets the twin of <c>call-to-meeting-rate</c>: a measure of meetings per call.</summary>
    public static KpiCalculator CallToMeetingMeasure { get; } = new MeasureKpiCalculator(
        "my-call-to-meeting",
        KpiMeasure.Ratio(KpiRecords.Activities.OfKind(SalesActivityKind.Meeting), KpiRecords.Activities.OfKind(SalesActivityKind.Call), "calls is zero"));

    /// <summary>Gets the twin of <c>calls</c>: a count measure of activities of kind call.</summary>
    public static KpiCalculator CallsMeasure { get; } = new MeasureKpiCalculator(
        "my-calls", KpiMeasure.Count(KpiRecords.Activities.OfKind(SalesActivityKind.Call)));

    /// <summary>Gets the twin of <c>calls</c> with an accumulator of its own.</summary>
    public static KpiCalculator CallsAccumulator { get; } = new CallCountCalculator();

    /// <summary>Gets the query of one KPI over 2025 by rep and ISO week.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <returns>The query.</returns>
    public static KpiQuery Query(KpiCalculator kpi) =>
        new(ReferenceData.Year, ImmutableArray.Create(kpi), KpiGrouping.ByRep, PeriodUnit.Week);

    /// <summary>Counts calls record by record, as a user writes a KPI no measure expresses.</summary>
    private sealed class CallCountCalculator : AggregateKpiCalculator
    {
        public CallCountCalculator()
            : base("my-calls-accumulated")
        {
        }

        public override KpiUnit Unit => KpiUnit.Count;

        public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Activities(a => a.OccurredAt, "occurred at")];

        public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => new Counter();

        private sealed class Counter : KpiAccumulator
        {
            private long _count;

            public override void Add(SalesActivity activity, KpiPeriod period)
            {
                if (activity.Kind == SalesActivityKind.Call)
                {
                    _count++;
                }
            }

            public override void Merge(KpiAccumulator other) => _count += ((Counter)other)._count;

            public override KpiValue GetValue() => KpiValue.Count(_count);
        }
    }
}
