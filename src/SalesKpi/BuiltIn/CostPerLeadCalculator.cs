using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>What the marketing spend of <see cref="CostPerLeadCalculator"/> is divided by.</summary>
public enum CostPerLeadBasis
{
    /// <summary>Leads created in the period (<c>cost-per-lead</c>).</summary>
    NewLeads = 0,

    /// <summary>Leads qualified in the period (<c>cost-per-sql</c>).</summary>
    SalesQualifiedLeads = 1,
}

/// <summary>
/// <c>cost-per-lead</c> and <c>cost-per-sql</c>: marketing spend in the period divided by the leads created (or
/// qualified) in the period.
/// </summary>
/// <remarks>
/// <para>Spend whose dates straddle the period is pro-rated by days: a period that covers d of a record's n days is
/// charged amount × d / n (rounded to 10 decimal places, so that sums are exact in any order). Grouped by source, each
/// channel's spend is divided by its own leads. Spend has no rep, so grouped by rep or team the value is undefined.
/// Undefined when there are no leads.</para>
/// </remarks>
/// <example>
/// <code>
/// // 3,000 USD spent over March, 60 leads created in March: 50 USD per lead.
/// KpiValue cpl = Kpis.CostPerLead.Evaluate(data, march);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class CostPerLeadCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="basis">What the spend is divided by.</param>
    /// <param name="id">The KPI's id; <c>cost-per-lead</c> or <c>cost-per-sql</c> by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public CostPerLeadCalculator(CostPerLeadBasis basis = CostPerLeadBasis.NewLeads, string? id = null)
        : base(id ?? (basis == CostPerLeadBasis.NewLeads ? KpiIds.CostPerLead : KpiIds.CostPerSql))
    {
        Preconditions.CheckRange(Enum.IsDefined(basis), basis, "Unknown basis.", nameof(basis));
        Basis = basis;
        Inputs =
        [
            KpiInput.Spend(),
            basis == CostPerLeadBasis.NewLeads
                ? KpiInput.Leads(static l => l.CreatedAt, "created at")
                : KpiInput.Leads(static l => l.QualifiedAt, "qualified at"),
        ];
    }

    /// <summary>Gets what the spend is divided by.</summary>
    public CostPerLeadBasis Basis { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Money;

    /// <inheritdoc />
    public override KpiDirection Direction => KpiDirection.LowerIsBetter;

    /// <inheritdoc />
    public override string Description => Basis == CostPerLeadBasis.NewLeads ? "marketing spend / new leads" : "marketing spend / sales-qualified leads";

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; }

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator(context.CreateMoneyTotal(), Basis == CostPerLeadBasis.NewLeads ? "no leads created in the period" : "no leads qualified in the period");
    }

    private sealed class Accumulator(MoneyTotal spend, string emptyReason) : KpiAccumulator
    {
        private long _leads;

        public override void Add(Lead lead, KpiPeriod period)
        {
            Preconditions.CheckNotNull(lead);
            Preconditions.CheckNotNull(period);
            _leads++;
        }

        public override void Add(MarketingSpend spend1, KpiPeriod period)
        {
            // Named as in KpiAccumulator.Add(MarketingSpend spend, KpiPeriod period), which callers see.
            Preconditions.CheckNotNull(spend1, "spend");
            Preconditions.CheckNotNull(period);
            if (SpendProration.ShareIn(spend1, period.Dates) is var (share, from))
            {
                spend.Add(share, from);
            }
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            var o = (Accumulator)other;
            _leads += o._leads;
            spend.Merge(o.Spend);
        }

        public override KpiValue GetValue() => KpiValue.MoneyRatio(spend.ToMoney(), _leads, emptyReason, unpricedCount: spend.UnpricedCount);

        private MoneyTotal Spend => spend;
    }
}
