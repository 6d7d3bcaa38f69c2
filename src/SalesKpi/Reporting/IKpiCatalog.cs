using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace SalesKpi.Reporting;

/// <summary>
/// The KPIs an application knows, built-in and its own, listed in registration order and found by id.
/// </summary>
/// <remarks>
/// <para>With dependency injection, <c>services.AddSalesKpi()</c> registers a singleton catalog that holds every
/// built-in KPI and every KPI added with the builder's <c>AddKpi</c> methods; without it, use <see cref="KpiCatalog"/>.</para>
/// </remarks>
/// <threadsafety>Implementations must be immutable and safe to share across threads.</threadsafety>
public interface IKpiCatalog
{
    /// <summary>Gets every KPI of the catalog, in registration order (the built-ins first, in <see cref="Kpis.All"/> order).</summary>
    ImmutableArray<KpiCalculator> All { get; }

    /// <summary>Returns the KPI with the given id.</summary>
    /// <param name="id">The id, such as <c>close-rate</c>; compared ordinally.</param>
    /// <param name="kpi">The KPI, when found.</param>
    /// <returns>True when the catalog has a KPI with the id.</returns>
    bool TryGet(string? id, [NotNullWhen(true)] out KpiCalculator? kpi);

    /// <summary>Returns the KPI with the given id.</summary>
    /// <param name="id">The id, such as <c>close-rate</c>; compared ordinally.</param>
    /// <returns>The KPI.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No KPI has the id; the message lists the ids nearest to it.</exception>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Get(id) is the name users expect (as in IOptionsMonitor<T>.Get(name)); Visual Basic implementers bracket it.")]
    KpiCalculator Get(string id);
}
