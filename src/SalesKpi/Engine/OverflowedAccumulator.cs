using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Engine;

/// <summary>
/// The state of a cell whose accumulation overflowed a <see cref="decimal"/>: it replaces the cell's accumulator, ignores
/// the records routed to it afterwards, stays overflowed when merged, and finishes as undefined with the reason.
/// </summary>
internal sealed class OverflowedAccumulator(KpiUnit unit, string reason) : KpiAccumulator
{
    /// <summary>Why a cell whose accumulation overflowed is undefined.</summary>
    public const string SumReason = "the sum of the amounts overflows a decimal (more than 7.9 × 10^28)";

    /// <summary>Why a value whose finishing step (a KPI's GetValue or Combine) overflowed is undefined.</summary>
    public const string FinishReason = "computing the value overflows a decimal (more than 7.9 × 10^28)";

    public override void Add(Lead lead, KpiPeriod period)
    {
    }

    public override void Add(Opportunity opportunity, KpiPeriod period)
    {
    }

    public override void Add(Deal deal, KpiPeriod period)
    {
    }

    public override void Add(SalesActivity activity, KpiPeriod period)
    {
    }

    public override void Add(MarketingSpend spend, KpiPeriod period)
    {
    }

    public override void Merge(KpiAccumulator other)
    {
    }

    public override KpiValue GetValue() => KpiValue.Undefined(unit, reason);

    /// <summary>Returns the overflowed state of a leaf's cell.</summary>
    public static OverflowedAccumulator Of(CompiledQuery.LeafNode leaf) => new(leaf.Calculator.Unit, SumReason);
}
