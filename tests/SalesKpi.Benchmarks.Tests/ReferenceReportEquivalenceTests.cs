using SalesKpi.Calculators;

namespace SalesKpi.Benchmarks.Tests;

/// <summary>
/// The benchmark's contenders compute the same report: on a small generated data set, one LINQ query per KPI, the
/// SalesKpi report (one thread, and split into partitions) and DuckDB (the SQL as written and tuned) give exactly the same
/// numbers for every rep, ISO week and KPI — counts, numerators and denominators, amounts, cycle sample sizes, means and
/// medians. Timing is measured by BenchmarkDotNet, never here.
/// </summary>
public sealed class ReferenceReportEquivalenceTests
{
    [Theory]
    [InlineData("Europe/Istanbul", 3_000)]
    [InlineData("UTC", 3_000)]
    [InlineData("America/New_York", 2_000)]
    public void Report_LinqSalesKpiAndDuckDb_GiveTheSameNumbers(string zone, int opportunities)
    {
        var data = ReferenceData.Generate(opportunities, seed: 7);
        var settings = ReferenceReport.Settings(zone);

        var linq = LinqReport.Run(data, settings.Zone).ToTable();
        var salesKpi = ReferenceReport.ToTable(new KpiEvaluator(settings, maxDegreeOfParallelism: 1).Evaluate(data, ReferenceReport.Query));
        using var duckDb = DuckDbReport.Load(data, zone, threads: 2);
        var sql = duckDb.Run().ToTable();
        var tunedSql = duckDb.Run(tuned: true).ToTable();

        Assert.True(salesKpi.Entries.Count > 1_000, $"Only {salesKpi.Entries.Count} entries: the check would prove little.");
        Assert.Empty(salesKpi.Differences(linq));
        Assert.Empty(salesKpi.Differences(sql));
        Assert.Empty(salesKpi.Differences(tunedSql));
    }

    [Fact]
    public void Report_AllCores_GivesTheSameNumbersAsOneThread()
    {
        // Big enough to be split into partitions: 13.2 × 40,000 records, the largest collection 400,000.
        var data = ReferenceData.Generate(40_000, seed: 11);
        var settings = ReferenceReport.Settings("Europe/Istanbul");

        var one = new KpiEvaluator(settings, maxDegreeOfParallelism: 1).Evaluate(data, ReferenceReport.Query);
        var all = new KpiEvaluator(settings, maxDegreeOfParallelism: 4).Evaluate(data, ReferenceReport.Query);

        Assert.Equal(one.Rows.Select(r => r.ToString()), all.Rows.Select(r => r.ToString()));
        Assert.Empty(ReferenceReport.ToTable(one).Differences(LinqReport.Run(data, settings.Zone).ToTable()));
    }

    [Theory]
    [InlineData(3_000)]
    [InlineData(40_000)]
    public void Report_HasTheValuesTheFinishingBenchmarkDividesBy(int opportunities)
    {
        var report = new KpiEvaluator(ReferenceReport.Settings("UTC")).Evaluate(ReferenceData.Generate(opportunities), ReferenceReport.Query);

        Assert.Equal(ReferenceReport.Values, report.Rows.Length);
    }

    [Fact]
    public void Generate_SameSeed_GivesTheSameData()
    {
        Assert.Equal(ReferenceData.Generate(500), ReferenceData.Generate(500));
        Assert.NotEqual(ReferenceData.Generate(500), ReferenceData.Generate(500, seed: 1));
    }
}
