using System.Text.RegularExpressions;
using SalesKpi.Extensibility;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>
/// A key performance indicator: a stable kebab-case <see cref="Id"/>, a <see cref="Unit"/>, and how it is computed.
/// </summary>
/// <remarks>
/// <para>There are three kinds, and every KPI — built-in or a user's own — is one of them, so they all compose,
/// group, bucket, compare and register the same way:</para>
/// <list type="bullet">
/// <item><description><see cref="AggregateKpiCalculator"/> reads records and accumulates mergeable state per group and
/// period (counts, sums, samples);</description></item>
/// <item><description><see cref="DerivedKpiCalculator"/> combines the values of other KPIs (a ratio of two KPIs, a
/// period-over-period change);</description></item>
/// <item><description><see cref="FilteredKpiCalculator"/> evaluates another KPI over the records a
/// <see cref="KpiFilter"/> keeps.</description></item>
/// </list>
/// <para>Calculators are immutable and hold no per-evaluation state, so one instance can be shared by every thread and
/// every evaluation.</para>
/// </remarks>
/// <threadsafety>Implementations must be immutable and safe to share across threads.</threadsafety>
public abstract partial class KpiCalculator
{
    private protected KpiCalculator(string id)
    {
        CheckId(id);
        Id = id;
    }

    /// <summary>Gets the stable kebab-case identifier, such as <c>close-rate</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the unit of the values this KPI produces.</summary>
    public abstract KpiUnit Unit { get; }

    /// <summary>Gets whether larger or smaller values are better.</summary>
    /// <value>The default value is <see cref="KpiDirection.HigherIsBetter"/>.</value>
    public virtual KpiDirection Direction => KpiDirection.HigherIsBetter;

    /// <summary>Gets a one-line description of what the KPI measures.</summary>
    /// <value>The default value is the <see cref="Id"/>.</value>
    public virtual string Description => Id;

    /// <summary>Returns true when <paramref name="id"/> is a valid KPI identifier: lower-case letters and digits in words joined by single hyphens.</summary>
    /// <param name="id">The candidate identifier.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidId(string? id) => id is not null && KebabCase().IsMatch(id);

    /// <summary>Returns the identifier.</summary>
    /// <returns>The <see cref="Id"/>.</returns>
    public override string ToString() => Id;

    internal static void CheckId(string? id, string paramName = "id")
    {
        Preconditions.CheckNotBlank(id, paramName);
        Preconditions.CheckArgument(
            IsValidId(id),
            paramName,
            $"'{id}' is not a valid KPI id: use lower-case letters and digits in words joined by single hyphens, such as 'demos-per-deal'.");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
