using SalesKpi.Reporting;

namespace SalesKpi.Extensibility;

/// <summary>
/// Declares a KPI type's id on the type itself, so that dependency injection knows the id when the type is registered,
/// before any instance exists, and can refuse a duplicate or malformed id at once.
/// </summary>
/// <remarks>
/// <para>Implement it on a <see cref="KpiCalculator"/> subclass registered with <c>AddKpi&lt;TKpi&gt;()</c>, and pass
/// the same <see cref="KpiId"/> to the base constructor. An instance whose <see cref="KpiCalculator.Id"/> differs from
/// <see cref="KpiId"/> is refused with <see cref="InvalidOperationException"/> when the container creates it.</para>
/// </remarks>
/// <example>
/// <code>
/// public sealed class DemosCalculator : AggregateKpiCalculator, IKpiDefinition
/// {
///     public DemosCalculator() : base(KpiId) { }
///     public static string KpiId => "demos";
///     // ...
/// }
/// </code>
/// </example>
public interface IKpiDefinition
{
    /// <summary>Gets the kebab-case id of every instance of the type, such as <c>demos-per-won-deal</c>.</summary>
    static abstract string KpiId { get; }
}
