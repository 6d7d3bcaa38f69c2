using SalesKpi.Reporting;

namespace SalesKpi.Benchmarks.Tests;

/// <summary>
/// The benchmark's contenders compute the same report: on a small generated data set, one LINQ query per KPI, the
/// SalesKpi report (one thread, and split into partitions), the hand-written report over the compact columns and DuckDB
/// (the SQL as written and tuned, and over the expert schema) give exactly the same numbers for every rep, ISO week and
/// KPI — counts, numerators and denominators, amounts, cycle sample sizes, means and medians — and each custom twin of
/// a built-in KPI gives the built-in's values. Timing is measured by BenchmarkDotNet, never here.
/// </summary>
public sealed class ReferenceReportEquivalenceTests
{
    [Theory]
    [InlineData("Europe/Istanbul", 3_000)]
    [InlineData("UTC", 3_000)]
    [InlineData("America/New_York", 2_000)]
    public void Report_LinqSalesKpiHandWrittenAndDuckDb_GiveTheSameNumbers(string zone, int opportunities)
    {
        var data = ReferenceData.Generate(opportunities, seed: 7);
        var settings = ReferenceReport.Settings(zone);

        var linq = LinqReport.Run(data, settings.Zone).ToTable();
        var report = new KpiEvaluator(settings, maxDegreeOfParallelism: 1).Evaluate(data, ReferenceReport.Query);
        var salesKpi = ReferenceReport.ToTable(report);
        data.Prepare();
        var handWritten = HandWrittenReport.Run(data, settings.Zone).ToTable();
        using var duckDb = DuckDbReport.Load(data, zone, threads: 2);
        var sql = duckDb.Run().ToTable();
        var tunedSql = duckDb.Run(tuned: true).ToTable();
        var expertSql = duckDb.RunExpert().ToTable();

        Assert.True(salesKpi.Entries.Count > 1_000, $"Only {salesKpi.Entries.Count} entries: the check would prove little.");
        Assert.Empty(salesKpi.Differences(linq));
        Assert.Empty(salesKpi.Differences(handWritten));
        Assert.Empty(salesKpi.Differences(sql));
        Assert.Empty(salesKpi.Differences(tunedSql));
        Assert.Empty(salesKpi.Differences(expertSql));

        // Every version leaves cost per lead out because by rep it is undefined: check that it is, in every group.
        var costPerLead = report.Rows.Where(r => r.KpiId == ReferenceReport.Ids.CostPerLead).ToList();
        Assert.NotEmpty(costPerLead);
        Assert.All(costPerLead, r => Assert.Null(r.Value.Value));
    }

    [Fact]
    public void HandWritten_EveryKpiOfTheReport_HasEntries()
    {
        // Guards the comparison above against a KPI that both sides leave empty.
        var data = ReferenceData.Generate(3_000, seed: 7);
        data.Prepare();
        var kpis = HandWrittenReport.Run(data, ReferenceReport.Settings("Europe/Istanbul").Zone).ToTable().Entries.Keys
            .Select(k => k.Split(" | ")[2]).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ReferenceReport.Kpis.Select(k => k.Id).Where(id => id != ReferenceReport.Ids.CostPerLead).Order(), kpis.Order());
    }

    [Theory]
    [InlineData("Europe/Istanbul")]
    [InlineData("UTC")]
    public void CustomTwins_GiveTheValuesOfTheirBuiltIns(string zone)
    {
        var data = ReferenceData.Generate(3_000, seed: 7);
        var evaluator = new KpiEvaluator(ReferenceReport.Settings(zone), maxDegreeOfParallelism: 1);
        IReadOnlyList<string> Values(KpiCalculator kpi) =>
            [.. evaluator.Evaluate(data, CustomKpis.Query(kpi)).Rows.Select(r => $"{r.Group} | {r.Period.Label} | {r.Value} | {r.Value.Numerator} / {r.Value.Denominator} | {r.Value.UndefinedReason}")];

        var callToMeeting = Values(Kpis.CallToMeetingRate);
        var calls = Values(Kpis.Calls);

        Assert.True(callToMeeting.Count > 1_000, $"Only {callToMeeting.Count} rows: the check would prove little.");
        Assert.Equal(callToMeeting, Values(CustomKpis.CallToMeetingMeasure));
        Assert.Equal(calls, Values(CustomKpis.CallsMeasure));
        Assert.Equal(calls, Values(CustomKpis.CallsAccumulator));
        Assert.Contains(callToMeeting, v => v.EndsWith("| calls is zero", StringComparison.Ordinal));
    }

    [Fact]
    public void CustomTwins_AreEqualValueByValue()
    {
        var data = ReferenceData.Generate(2_000, seed: 3);
        var evaluator = new KpiEvaluator(ReferenceReport.Settings("Europe/Istanbul"), maxDegreeOfParallelism: 1);
        var builtIn = evaluator.Evaluate(data, CustomKpis.Query(Kpis.CallToMeetingRate)).Rows;
        var custom = evaluator.Evaluate(data, CustomKpis.Query(CustomKpis.CallToMeetingMeasure)).Rows;

        Assert.Equal(builtIn.Length, custom.Length);
        for (var i = 0; i < builtIn.Length; i++)
        {
            Assert.Equal((builtIn[i].Group, builtIn[i].Period.Label), (custom[i].Group, custom[i].Period.Label));
            Assert.Equal(builtIn[i].Value, custom[i].Value);
        }
    }

    [Fact]
    public void Report_AllCoresAndHandWritten_GiveTheSameNumbersAsOneThread()
    {
        // Big enough to be split into partitions: 13.2 × 40,000 records, the largest collection 400,000.
        var data = ReferenceData.Generate(40_000, seed: 11);
        var settings = ReferenceReport.Settings("Europe/Istanbul");

        var one = new KpiEvaluator(settings, maxDegreeOfParallelism: 1).Evaluate(data, ReferenceReport.Query);
        var all = new KpiEvaluator(settings, maxDegreeOfParallelism: 4).Evaluate(data, ReferenceReport.Query);

        Assert.Equal(one.Rows.Select(r => r.ToString()), all.Rows.Select(r => r.ToString()));
        Assert.Empty(ReferenceReport.ToTable(one).Differences(LinqReport.Run(data, settings.Zone).ToTable()));

        // Several won opportunities per rep and week here, so the hand-written medians meet even samples and ties.
        data.Prepare();
        Assert.Empty(ReferenceReport.ToTable(one).Differences(HandWrittenReport.Run(data, settings.Zone).ToTable()));
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
