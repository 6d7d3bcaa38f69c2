using SalesKpi.Activities;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Calculators;

/// <summary>
/// A user's own KPI, written the way the docs tell users to: <c>demos</c>, the activities of the CRM's custom kind
/// <c>demo</c>. The composition tests run it through everything a built-in KPI goes through.
/// </summary>
internal sealed class DemosCalculator : AggregateKpiCalculator
{
    public DemosCalculator(string id = "demos", KpiDirection direction = KpiDirection.HigherIsBetter)
        : base(id)
    {
        Direction = direction;
    }

    public static SalesActivityKind Demo { get; } = new("demo");

    public override KpiUnit Unit => KpiUnit.Count;

    public override KpiDirection Direction { get; }

    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Activities(a => a.OccurredAt, "occurred at")];

    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => new Counter();

    private sealed class Counter : KpiAccumulator
    {
        private long _count;

        public override void Add(SalesActivity activity, KpiPeriod period)
        {
            if (activity.Kind == Demo)
            {
                _count++;
            }
        }

        public override void Merge(KpiAccumulator other) => _count += ((Counter)other)._count;

        public override KpiValue GetValue() => KpiValue.Count(_count);
    }
}
