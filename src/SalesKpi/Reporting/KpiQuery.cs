using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// What to evaluate: which KPIs, over which dates, grouped how and cut into which periods.
/// </summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiQuery
{
    /// <summary>Initializes a query.</summary>
    /// <param name="range">The dates reported on, inclusive.</param>
    /// <param name="kpis">The KPIs, each id once; the report keeps this order.</param>
    /// <param name="groupBy">How to group records; <see cref="KpiGrouping.None"/> when null.</param>
    /// <param name="per">How to cut <paramref name="range"/> into periods.</param>
    /// <param name="includeAllKnownGroups">True to report every group the data knows of (every rep of the roster), even one with no records.</param>
    /// <exception cref="ArgumentNullException"><paramref name="range"/>, <paramref name="kpis"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kpis"/> is empty or has an id twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="per"/> is not a defined value, or <paramref name="range"/>
    /// does not lie within <see cref="MinDate"/> and <see cref="MaxDate"/>.</exception>
    public KpiQuery(
        DateInterval range,
        IEnumerable<KpiCalculator> kpis,
        KpiGrouping? groupBy = null,
        PeriodUnit per = PeriodUnit.None,
        bool includeAllKnownGroups = false)
    {
        Range = Preconditions.CheckNotNull(range);
        Preconditions.CheckRange(
            range.Start >= MinDate && range.End <= MaxDate,
            range,
            string.Create(
                CultureInfo.InvariantCulture,
                $"The range must lie within {MinDate:uuuu-MM-dd} and {MaxDate:uuuu-MM-dd} (the dates whose periods, and the period before them, the calendar can hold); got {range.Start:uuuu-MM-dd} to {range.End:uuuu-MM-dd}."),
            nameof(range));
        Preconditions.CheckNotNull(kpis);
        Preconditions.CheckRange(Enum.IsDefined(per), per, "Unknown period unit.", nameof(per));
        var list = kpis.ToImmutableArray();
        Preconditions.CheckArgument(list.Length > 0, nameof(kpis), "A query needs at least one KPI.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var kpi = list[i] ?? throw new ArgumentNullException(nameof(kpis), $"KPI {i} is null.");
            Preconditions.CheckArgument(ids.Add(kpi.Id), nameof(kpis), $"KPI id '{kpi.Id}' appears twice in the query.");
        }

        Kpis = list;
        GroupBy = groupBy ?? KpiGrouping.None;
        Per = per;
        IncludeAllKnownGroups = includeAllKnownGroups;
    }

    /// <summary>Gets the first date a query's range can start on: 0001-01-01.</summary>
    /// <value>0001-01-01. NodaTime's calendar starts earlier, but a range must leave room for the period before it
    /// (period-over-period KPIs compare with it) and for the start of its first day in any time zone.</value>
    public static LocalDate MinDate { get; } = new(1, 1, 1);

    /// <summary>Gets the last date a query's range can end on: 9998-12-31.</summary>
    /// <value>9998-12-31, a year before NodaTime's last date (<see cref="LocalDate.MaxIsoValue"/>, 9999-12-31), so that
    /// every bucket a range ends in (week, month, quarter, fiscal year) and the instant its last day ends at exist in
    /// every time zone. Records dated later, such as a contract term ending on 9999-12-31 (the usual "no end"), are
    /// still read: they simply reach past the end of the report.</value>
    public static LocalDate MaxDate { get; } = new(9998, 12, 31);

    /// <summary>Gets the dates reported on, inclusive.</summary>
    public DateInterval Range { get; }

    /// <summary>Gets the KPIs, in report order.</summary>
    public ImmutableArray<KpiCalculator> Kpis { get; }

    /// <summary>Gets how records are grouped.</summary>
    public KpiGrouping GroupBy { get; }

    /// <summary>Gets how the range is cut into periods.</summary>
    public PeriodUnit Per { get; }

    /// <summary>Gets a value indicating whether every known group is reported, even with no records.</summary>
    public bool IncludeAllKnownGroups { get; }
}
