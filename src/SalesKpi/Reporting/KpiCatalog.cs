using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// An immutable <see cref="IKpiCatalog"/> over a fixed list of KPIs, each id once.
/// </summary>
/// <example>
/// <code>
/// var catalog = new KpiCatalog([.. Kpis.All, new DemosCalculator()]);
/// KpiCalculator closeRate = catalog.Get("close-rate");
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiCatalog : IKpiCatalog
{
    private readonly FrozenDictionary<string, KpiCalculator> _byId;

    /// <summary>Initializes a catalog.</summary>
    /// <param name="kpis">The KPIs, each id once; the catalog keeps this order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="kpis"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">Two KPIs of <paramref name="kpis"/> have the same id.</exception>
    public KpiCatalog(IEnumerable<KpiCalculator> kpis)
    {
        Preconditions.CheckNotNull(kpis);
        var list = kpis.ToImmutableArray();
        var byId = new Dictionary<string, KpiCalculator>(list.Length, StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var kpi = list[i] ?? throw new ArgumentNullException(nameof(kpis), $"KPI {i} is null.");
            Preconditions.CheckArgument(byId.TryAdd(kpi.Id, kpi), nameof(kpis), $"KPI id '{kpi.Id}' appears twice in the catalog.");
        }

        All = list;
        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets a catalog of the built-in KPIs, <see cref="Kpis.All"/>.</summary>
    public static KpiCatalog BuiltIn { get; } = new(Kpis.All);

    /// <inheritdoc />
    public ImmutableArray<KpiCalculator> All { get; }

    /// <inheritdoc />
    public bool TryGet(string? id, [NotNullWhen(true)] out KpiCalculator? kpi)
    {
        if (id is null)
        {
            kpi = null;
            return false;
        }

        return _byId.TryGetValue(id, out kpi);
    }

    /// <inheritdoc />
    public KpiCalculator Get(string id)
    {
        Preconditions.CheckNotNull(id);
        return _byId.TryGetValue(id, out var kpi)
            ? kpi
            : throw new KeyNotFoundException(KpiIdSuggestions.NotFoundMessage(id, All.Select(k => k.Id), "the catalog"));
    }
}
