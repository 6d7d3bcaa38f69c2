using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Extensibility;

/// <summary>
/// A KPI evaluated, for each period of a report, over a <see cref="KpiWindow"/> of dates instead of the period: a
/// rolling, to-date or cumulative value, or the value of the same period last year. Itself a KPI, so it groups,
/// filters and composes like any other.
/// </summary>
/// <remarks>
/// <para>The value in a period is exactly the value <see cref="Source"/> has in a report over the window's dates alone:
/// the engine evaluates the source over every window (the columnar scan where the source allows it), reading records
/// before the report's range when a window reaches there. Any KPI can be the source — built-in, derived, filtered, a
/// custom aggregate — because nothing is assumed about how its values combine.</para>
/// <para>A source that compares with the previous period (<see cref="PeriodOverPeriodKpiCalculator"/>) compares each
/// window with as many days immediately before it, as a report over the window's dates alone does.</para>
/// <para>The engine supplies the source's value over the window as the component value of <see cref="Combine"/>,
/// which returns it unchanged.</para>
/// </remarks>
/// <example>
/// <code>
/// var trailing = new KpiWindowCalculator("revenue-rolling-90d", Kpis.Revenue, KpiWindow.Rolling(Period.FromDays(90)));
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiWindowCalculator : DerivedKpiCalculator
{
    /// <summary>Initializes a time-window KPI.</summary>
    /// <param name="id">The new KPI's kebab-case identifier.</param>
    /// <param name="source">The KPI evaluated over the window.</param>
    /// <param name="window">The dates of each period's window.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public KpiWindowCalculator(string id, KpiCalculator source, KpiWindow window)
        : base(id, [Preconditions.CheckNotNull(source)])
    {
        Source = source;
        Window = Preconditions.CheckNotNull(window);
    }

    /// <summary>Gets the KPI evaluated over the window.</summary>
    public KpiCalculator Source { get; }

    /// <summary>Gets the dates of each period's window.</summary>
    public KpiWindow Window { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => Source.Unit;

    /// <inheritdoc />
    public override KpiDirection Direction => Source.Direction;

    /// <inheritdoc />
    public override string Description => $"{Source.Description}, {Window.Description}";

    /// <summary>Returns the source's value over the window, which the engine passes as the one component value.</summary>
    /// <param name="values">The component values.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        return values.Current(0);
    }
}

/// <summary>The change of a KPI from the same period last year, (this year − last year) / last year.</summary>
internal sealed class YearOverYearKpiCalculator : DerivedKpiCalculator
{
    public YearOverYearKpiCalculator(string id, KpiCalculator source)
        : base(id, [source, new KpiWindowCalculator(source.Id + "-last-year", source, KpiWindow.LastYear)])
    {
        Source = source;
    }

    public KpiCalculator Source { get; }

    public override KpiUnit Unit => KpiUnit.Ratio;

    public override KpiDirection Direction => Source.Direction;

    public override string Description => $"year-over-year growth of {Source.Id}: (this period − the same period last year) / the same period last year";

    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        var previous = values.Current(1);
        if (previous.Value is not { } before)
        {
            return KpiValue.Undefined(KpiUnit.Ratio, $"{Source.Id} is undefined in the same period last year: {previous.UndefinedReason}");
        }

        if (values.Current(0).Value is not { } now)
        {
            return KpiValue.Undefined(KpiUnit.Ratio, $"{Source.Id} is undefined: {values.Current(0).UndefinedReason}");
        }

        return KpiValue.Ratio(now - before, before, $"{Source.Id} was zero in the same period last year");
    }
}
