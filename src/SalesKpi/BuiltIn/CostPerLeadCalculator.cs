using SalesKpi.Extensibility;
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
/// <para>It is derived from two parts, evaluated once per query however many KPIs use them: the spend (an aggregate
/// under this KPI's own id, summed record by record — there are few spend records) and <c>new-leads</c> or
/// <c>sql-count</c> (<see cref="Kpis.NewLeads"/>, <see cref="Kpis.SqlCount"/>), which the columnar scan counts and a
/// database can push down.</para>
/// </remarks>
/// <example>
/// <code>
/// // 3,000 USD spent over March, 60 leads created in March: 50 USD per lead.
/// KpiValue cpl = Kpis.CostPerLead.Evaluate(data, march);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class CostPerLeadCalculator : DerivedKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="basis">What the spend is divided by.</param>
    /// <param name="id">The KPI's id; <c>cost-per-lead</c> or <c>cost-per-sql</c> by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public CostPerLeadCalculator(CostPerLeadBasis basis = CostPerLeadBasis.NewLeads, string? id = null)
        : this(basis, id ?? (basis == CostPerLeadBasis.NewLeads ? KpiIds.CostPerLead : KpiIds.CostPerSql), CheckedBasis(basis))
    {
    }

    // The spend part carries this KPI's id, so that a grouping the spend cannot follow reads as before:
    // "cost-per-lead reads spend, which cannot be grouped by rep".
    private CostPerLeadCalculator(CostPerLeadBasis basis, string id, KpiCalculator leads)
        : base(id, [new SalesAndMarketingSpendCalculator(id), leads])
    {
        Basis = basis;
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
    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        var spend = values.Current(0);
        var leads = values.Current(1);
        if (!spend.IsDefined)
        {
            return KpiValue.Undefined(Unit, spend.UndefinedReason!);
        }

        if (!leads.IsDefined)
        {
            return KpiValue.Undefined(Unit, ComponentMoney.FirstUndefined(Components, spend, leads)!);
        }

        return KpiValue.MoneyRatio(
            new Money(spend.Value!.Value, spend.Currency!.Value),
            leads.Value!.Value,
            Basis == CostPerLeadBasis.NewLeads ? "no leads created in the period" : "no leads qualified in the period",
            unpricedCount: spend.UnpricedCount);
    }

    private static KpiCalculator CheckedBasis(CostPerLeadBasis basis)
    {
        Preconditions.CheckRange(Enum.IsDefined(basis), basis, "Unknown basis.", nameof(basis));
        return basis == CostPerLeadBasis.NewLeads ? Kpis.NewLeads : Kpis.SqlCount;
    }
}
