using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

/// <summary>
/// A user's own count of calls, written from scratch on the public extension point: it must behave exactly like the
/// built-in <c>calls</c> in every composition.
/// </summary>
public sealed class RecountedCallsCalculator : AggregateKpiCalculator, IKpiDefinition
{
    public RecountedCallsCalculator()
        : base(KpiId)
    {
    }

    public static string KpiId => "recounted-calls";

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

/// <summary>A replacement of the built-in <c>calls</c> that counts only connected calls.</summary>
public sealed class ConnectedCallsOnlyCalculator : AggregateKpiCalculator, IKpiDefinition
{
    private readonly MeasureKpiCalculator _inner = new(
        KpiIds.Calls,
        KpiMeasure.Count(KpiRecords.Activities.OfKind(SalesActivityKind.Call).WithOutcomes(ActivityOutcomes.Connected)));

    public ConnectedCallsOnlyCalculator()
        : base(KpiId)
    {
    }

    public static string KpiId => KpiIds.Calls;

    public override KpiUnit Unit => KpiUnit.Count;

    public override string Description => "connected calls only";

    public override IReadOnlyList<KpiInput> Inputs => _inner.Inputs;

    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => _inner.CreateAccumulator(context);
}

/// <summary>What a service-backed KPI needs; deliberately not registered in most tests.</summary>
public interface IDemoPolicy
{
    SalesActivityKind DemoKind { get; }
}

public sealed class FixedDemoPolicy : IDemoPolicy
{
    public SalesActivityKind DemoKind => SampleData.Demo;
}

/// <summary>A KPI whose constructor needs an <see cref="IDemoPolicy"/>.</summary>
public sealed class PolicyDemosCalculator : AggregateKpiCalculator, IKpiDefinition
{
    private readonly MeasureKpiCalculator _inner;

    public PolicyDemosCalculator(IDemoPolicy policy)
        : base(KpiId)
    {
        var kind = policy.DemoKind;
        _inner = new(KpiId, KpiMeasure.Count(KpiRecords.Activities.OfKind(kind)));
    }

    public static string KpiId => "policy-demos";

    public override KpiUnit Unit => KpiUnit.Count;

    public override IReadOnlyList<KpiInput> Inputs => _inner.Inputs;

    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => _inner.CreateAccumulator(context);
}

/// <summary>A KPI type whose declared id is not kebab-case.</summary>
public sealed class BadlyNamedCalculator : DerivedKpiCalculator, IKpiDefinition
{
    public BadlyNamedCalculator()
        : base("badly-named", [Kpis.Calls])
    {
    }

    public static string KpiId => "Badly_Named";

    public override KpiUnit Unit => KpiUnit.Count;

    public override KpiValue Combine(KpiCombination values) => values.Current(0);
}

/// <summary>A KPI type that declares one id but passes another to its base constructor.</summary>
public sealed class MislabelledCalculator : DerivedKpiCalculator, IKpiDefinition
{
    public MislabelledCalculator()
        : base("something-else", [Kpis.Calls])
    {
    }

    public static string KpiId => "mislabelled";

    public override KpiUnit Unit => KpiUnit.Count;

    public override KpiValue Combine(KpiCombination values) => values.Current(0);
}

/// <summary>
/// Stands in for quota pacing until the planning feature lands: deals won so far projected to the whole period at the
/// current pace, where "now" is <see cref="KpiCalculatorContext.RequireClock"/>. Before the period it is undefined;
/// after it, the deals won.
/// </summary>
public sealed class DealsWonPaceCalculator : DerivedKpiCalculator, IKpiDefinition
{
    public DealsWonPaceCalculator([FromKeyedServices(KpiIds.DealsWon)] KpiCalculator dealsWon)
        : base(KpiId, [dealsWon])
    {
    }

    public static string KpiId => "deals-won-pace";

    public override KpiUnit Unit => KpiUnit.Number;

    public override KpiValue Combine(KpiCombination values)
    {
        var won = values.Current(0);
        if (won.Value is not { } count)
        {
            return KpiValue.Undefined(Unit, "deals won is undefined: " + won.UndefinedReason);
        }

        var context = values.Context;
        var today = context.Settings.LocalDateOf(context.RequireClock(Id).GetCurrentInstant());
        var dates = values.Period.Dates;
        if (today < dates.Start)
        {
            return KpiValue.Undefined(Unit, "the period has not started");
        }

        var elapsed = today > dates.End ? dates.Length : Period.DaysBetween(dates.Start, today) + 1;
        return KpiValue.Number(count * dates.Length / elapsed);
    }
}

/// <summary>A KPI type that cannot be created.</summary>
public abstract class AbstractDemosCalculator : AggregateKpiCalculator, IKpiDefinition
{
    protected AbstractDemosCalculator()
        : base(KpiId)
    {
    }

    public static string KpiId => "abstract-demos";
}
