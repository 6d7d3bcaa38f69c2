using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Extensibility;

/// <summary>
/// The mergeable state of one <see cref="AggregateKpiCalculator"/> for one group and one period: it receives the
/// records the engine routes to that cell and turns what it accumulated into a <see cref="KpiValue"/>.
/// </summary>
/// <remarks>
/// <para>Override the <c>Add</c> overload of each collection the calculator declares in
/// <see cref="AggregateKpiCalculator.Inputs"/>; the others throw <see cref="InvalidOperationException"/>.
/// <see cref="Merge"/> must be exact: accumulating two disjoint parts of the data and merging them gives the same
/// value as accumulating all of it. That is what lets the engine split the work across cores.</para>
/// </remarks>
/// <threadsafety>An accumulator is used by one thread at a time; it need not be thread-safe.</threadsafety>
public abstract class KpiAccumulator
{
    /// <summary>Adds a lead routed to this cell.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="period">The period of the cell.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The calculator reads no leads.</exception>
    public virtual void Add(Lead lead, KpiPeriod period)
    {
        Preconditions.CheckNotNull(lead);
        Preconditions.CheckNotNull(period);
        throw NotRead(nameof(Lead));
    }

    /// <summary>Adds an opportunity routed to this cell.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <param name="period">The period of the cell.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The calculator reads no opportunities.</exception>
    public virtual void Add(Opportunity opportunity, KpiPeriod period)
    {
        Preconditions.CheckNotNull(opportunity);
        Preconditions.CheckNotNull(period);
        throw NotRead(nameof(Opportunity));
    }

    /// <summary>Adds a deal routed to this cell.</summary>
    /// <param name="deal">The deal.</param>
    /// <param name="period">The period of the cell.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The calculator reads no deals.</exception>
    public virtual void Add(Deal deal, KpiPeriod period)
    {
        Preconditions.CheckNotNull(deal);
        Preconditions.CheckNotNull(period);
        throw NotRead(nameof(Deal));
    }

    /// <summary>Adds an activity routed to this cell.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="period">The period of the cell.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The calculator reads no activities.</exception>
    public virtual void Add(SalesActivity activity, KpiPeriod period)
    {
        Preconditions.CheckNotNull(activity);
        Preconditions.CheckNotNull(period);
        throw NotRead(nameof(SalesActivity));
    }

    /// <summary>Adds a marketing spend record routed to this cell.</summary>
    /// <param name="spend">The spend record.</param>
    /// <param name="period">The period of the cell.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The calculator reads no spend.</exception>
    public virtual void Add(MarketingSpend spend, KpiPeriod period)
    {
        Preconditions.CheckNotNull(spend);
        Preconditions.CheckNotNull(period);
        throw NotRead(nameof(MarketingSpend));
    }

    /// <summary>Adds the state of another accumulator of the same calculator, which accumulated a disjoint part of the data.</summary>
    /// <param name="other">The other accumulator; it is not used afterwards.</param>
    public abstract void Merge(KpiAccumulator other);

    /// <summary>Returns the value of what was accumulated.</summary>
    /// <returns>The value; undefined with a reason when it cannot be computed.</returns>
    public abstract KpiValue GetValue();

    private InvalidOperationException NotRead(string record) =>
        new($"{GetType().Name} received a {record} but does not override Add({record}, KpiPeriod); declare only the inputs the accumulator handles.");
}
