using System.Collections.Immutable;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Extensibility;

/// <summary>
/// A KPI computed from the values of other KPIs for the same group and period (and, when
/// <see cref="UsesPreviousPeriod"/>, the period before): a ratio of two KPIs, a period-over-period change.
/// </summary>
/// <remarks>
/// <para>The components are evaluated in the same pass as everything else; filters applied to a derived KPI apply to
/// its components.</para>
/// </remarks>
/// <threadsafety>Implementations must be immutable and safe to share across threads.</threadsafety>
public abstract class DerivedKpiCalculator : KpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's kebab-case identifier.</param>
    /// <param name="components">The KPIs whose values are combined; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/>, <paramref name="components"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case, or <paramref name="components"/> is empty.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0022:Constructor make noninheritable base class inheritable", Justification = "KpiCalculator is closed to the three kinds the engine evaluates; this kind is the extension point.")]
    protected DerivedKpiCalculator(string id, IEnumerable<KpiCalculator> components)
        : base(id)
    {
        Preconditions.CheckNotNull(components);
        var list = components.ToImmutableArray();
        Preconditions.CheckArgument(list.Length > 0, nameof(components), "A derived KPI needs at least one component.");
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(nameof(components), $"Component {i} is null.");
            }
        }

        Components = list;
    }

    /// <summary>Gets the KPIs whose values are combined.</summary>
    public ImmutableArray<KpiCalculator> Components { get; }

    /// <summary>Gets a value indicating whether <see cref="Combine"/> reads the components' values of the previous period.</summary>
    /// <value>The default value is false.</value>
    public virtual bool UsesPreviousPeriod => false;

    /// <summary>Combines the components' values into this KPI's value.</summary>
    /// <param name="values">The components' values for the group and period.</param>
    /// <returns>The value.</returns>
    public abstract KpiValue Combine(KpiCombination values);
}

/// <summary>The values a <see cref="DerivedKpiCalculator"/> combines: its components' values for one group and period.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiCombination
{
    private readonly KpiValue[] _current;
    private readonly KpiValue[]? _previous;

    internal KpiCombination(KpiValue[] current, KpiValue[]? previous, KpiPeriod period, KpiPeriod? previousPeriod, string group, KpiCalculatorContext context)
    {
        _current = current;
        _previous = previous;
        Period = period;
        PreviousPeriod = previousPeriod;
        Group = group;
        Context = context;
    }

    /// <summary>Gets the period being evaluated.</summary>
    public KpiPeriod Period { get; }

    /// <summary>Gets the period whose values <see cref="Previous"/> returns.</summary>
    /// <value>The previous period, or null when <see cref="HasPrevious"/> is false.</value>
    public KpiPeriod? PreviousPeriod { get; }

    /// <summary>Gets the key of the group being evaluated, such as a rep id, so that a KPI can look up a per-group goal.</summary>
    /// <value>The group key; <see cref="KpiGrouping.AllKey"/> for an ungrouped report.</value>
    public string Group { get; }

    /// <summary>Gets the evaluation context.</summary>
    public KpiCalculatorContext Context { get; }

    /// <summary>Gets a value indicating whether values of the previous period are available.</summary>
    public bool HasPrevious => _previous is not null;

    /// <summary>Returns a component's value in the period.</summary>
    /// <param name="component">The component's index in <see cref="DerivedKpiCalculator.Components"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="component"/> is not a component index.</exception>
    public KpiValue Current(int component)
    {
        Preconditions.CheckRange(component >= 0 && component < _current.Length, component, "Not a component index.", nameof(component));
        return _current[component];
    }

    /// <summary>Returns a component's value in the previous period.</summary>
    /// <param name="component">The component's index in <see cref="DerivedKpiCalculator.Components"/>.</param>
    /// <returns>The value, or null when the calculator does not use the previous period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="component"/> is not a component index.</exception>
    public KpiValue? Previous(int component)
    {
        Preconditions.CheckRange(component >= 0 && component < _current.Length, component, "Not a component index.", nameof(component));
        return _previous?[component];
    }
}
