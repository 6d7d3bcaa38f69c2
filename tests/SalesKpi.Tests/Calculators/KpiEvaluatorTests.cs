namespace SalesKpi.Tests.Calculators;

/// <summary>The evaluator: currencies, merging of partial accumulations, parallelism.</summary>
public partial class KpiEvaluatorTests
{
}
