using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SalesKpi.Reporting;

namespace SalesKpi.Benchmarks;

/// <summary>
/// How the SalesKpi report's cost (one thread) grows with records (the scale), with groups × periods (from ungrouped by year,
/// 1 cell, to rep × week, 2,650 cells) and with the number of KPIs (1, 5, 15), over the reference data in Europe/Istanbul.
/// </summary>
/// <remarks>Quick look: <c>dotnet run -c Release --project benchmarks/SalesKpi.Benchmarks -- --filter '*ScalingBenchmarks*' --job short</c>.</remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class ScalingBenchmarks
{
    private static readonly KpiQuery OneKpi = new(ReferenceData.Year, [Kpis.Calls], KpiGrouping.ByRep, PeriodUnit.Week);
    private static readonly KpiQuery FiveKpis = new(
        ReferenceData.Year, [Kpis.Calls, Kpis.Conversations, Kpis.NewLeads, Kpis.CloseRate, Kpis.Revenue], KpiGrouping.ByRep, PeriodUnit.Week);

    private static readonly KpiQuery Ungrouped = new(ReferenceData.Year, ReferenceReport.Kpis, KpiGrouping.None, PeriodUnit.None);
    private static readonly KpiQuery ByTeamAndMonth = new(ReferenceData.Year, ReferenceReport.Kpis, KpiGrouping.ByTeam, PeriodUnit.Month);
    private static readonly KpiQuery ByRepAndMonth = new(ReferenceData.Year, ReferenceReport.Kpis, KpiGrouping.ByRep, PeriodUnit.Month);

    private SalesData _data = SalesData.Empty;
    private KpiEvaluator _evaluator = new();

    /// <summary>Gets or sets the number of opportunities (leads 2×, activities 10×, deals 0.2×).</summary>
    [ParamsSource(nameof(Scales))]
    public int Opportunities { get; set; }

    /// <summary>Gets the scales: 100,000, 300,000, 1,000,000, or <see cref="BenchmarkScales.Variable"/>.</summary>
    public static IEnumerable<int> Scales => BenchmarkScales.Or(100_000, 300_000, 1_000_000);

    [GlobalSetup]
    public void Setup()
    {
        _data = ReferenceData.Generate(Opportunities);
        _evaluator = new KpiEvaluator(ReferenceReport.Settings("Europe/Istanbul"), maxDegreeOfParallelism: 1);
        _data.Prepare();
    }

    [Benchmark(Baseline = true, Description = "15 KPIs, rep × week (2,650 cells)")]
    public KpiReport Reference() => _evaluator.Evaluate(_data, ReferenceReport.Query);

    [Benchmark(Description = "1 KPI, rep × week")]
    public KpiReport OneKpiByRepAndWeek() => _evaluator.Evaluate(_data, OneKpi);

    [Benchmark(Description = "5 KPIs, rep × week")]
    public KpiReport FiveKpisByRepAndWeek() => _evaluator.Evaluate(_data, FiveKpis);

    [Benchmark(Description = "15 KPIs, ungrouped year (1 cell)")]
    public KpiReport UngroupedYear() => _evaluator.Evaluate(_data, Ungrouped);

    [Benchmark(Description = "15 KPIs, team × month (60 cells)")]
    public KpiReport TeamByMonth() => _evaluator.Evaluate(_data, ByTeamAndMonth);

    [Benchmark(Description = "15 KPIs, rep × month (600 cells)")]
    public KpiReport RepByMonth() => _evaluator.Evaluate(_data, ByRepAndMonth);
}
