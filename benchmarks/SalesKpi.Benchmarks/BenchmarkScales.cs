using System.Globalization;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The scales (numbers of opportunities) the benchmarks run at: the defaults, or the comma-separated list in the
/// environment variable <c>SALESKPI_BENCH_SCALES</c> (for a quick look, <c>SALESKPI_BENCH_SCALES=100000</c>).
/// </summary>
public static class BenchmarkScales
{
    /// <summary>The environment variable that overrides the scales.</summary>
    public const string Variable = "SALESKPI_BENCH_SCALES";

    /// <summary>Returns the scales from the environment, or the defaults.</summary>
    public static IEnumerable<int> Or(params int[] defaults) =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : defaults;
}
