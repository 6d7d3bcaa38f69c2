using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Hostile;

/// <summary>
/// Custom KPIs of each extension-point kind (an aggregate with its own accumulator, a measure, a ratio, a filter, a
/// period-over-period change), so that a hostile-input test covers what users build as well as the built-in KPIs.
/// </summary>
internal static class HostileKpis
{
    /// <summary>A user's aggregate KPI: the sum of deal values by close, through its own MoneyTotal.</summary>
    public static AggregateKpiCalculator CustomTotal { get; } = new CustomTotalCalculator();

    /// <summary>A user's measure KPI: the total value of won opportunities by close.</summary>
    public static KpiCalculator CustomMeasure { get; } = new MeasureKpiCalculator("custom-won-total", KpiMeasure.Total(KpiRecords.OpportunitiesWon));

    /// <summary>Every custom kind, each built on the others or on built-in KPIs.</summary>
    public static IReadOnlyList<KpiCalculator> All { get; } =
    [
        CustomTotal,
        CustomMeasure,
        new RatioKpiCalculator("custom-ratio", CustomTotal, Kpis.DealsWon),
        new FilteredKpiCalculator("custom-filtered", Kpis.Revenue, KpiFilter.Deals(d => d.Kind == DealKind.NewBusiness)),
        new PeriodOverPeriodKpiCalculator("custom-growth", CustomTotal),
    ];

    private sealed class CustomTotalCalculator() : AggregateKpiCalculator("custom-total")
    {
        public override KpiUnit Unit => KpiUnit.Money;

        public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Deals(d => d.ClosedAt, "closed at")];

        public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => new Accumulator(context.CreateMoneyTotal());

        private sealed class Accumulator(MoneyTotal total) : KpiAccumulator
        {
            public override void Add(Deal deal, KpiPeriod period) => total.Add(deal.Value, period.Dates.Start);

            public override void Merge(KpiAccumulator other) => total.Merge(((Accumulator)other).Total);

            public override KpiValue GetValue() => KpiValue.FromMoney(total.ToMoney(), total.UnpricedCount);

            private MoneyTotal Total => total;
        }
    }
}
