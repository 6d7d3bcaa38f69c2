namespace SalesKpi.Tests.Calculators;

/// <summary>
/// Composition of KPIs — <c>Where</c>, <c>DividedBy</c>, <c>PeriodOverPeriod</c> — over a built-in KPI and over a
/// user's own (<see cref="DemosCalculator"/>), which must compose exactly alike.
/// </summary>
public partial class KpiCalculatorExtensionsTests
{
    private static readonly DemosCalculator Demos = new();
}
