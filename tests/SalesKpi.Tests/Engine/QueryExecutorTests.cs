using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Tests.Properties;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// The seam between the compiled query and its executors (white-box): every leaf is evaluated by exactly one
/// executor, the columnar scan claims the measures it can count and the record-by-record executor the rest, and the
/// report is the same whichever executors ran.
/// </summary>
public sealed class QueryExecutorTests
{
    private static readonly DateInterval Quarter = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));

    private static readonly KpiCalculator Connected = new MeasureKpiCalculator(
        "connected-calls-of-a-01",
        KpiMeasure.Count(KpiRecords.Activities.OfKind(SalesActivityKind.Call).Where<SalesActivity>(a => a.Owner.Value.EndsWith('1'), "of reps ending in 1")));

    private static KpiQuery Query => new(Quarter, [Kpis.Calls, Kpis.CloseRate, Kpis.MeetingToDealRate, Connected, Kpis.CallToMeetingRate], KpiGrouping.ByRep, PeriodUnit.Month);

    [Fact]
    public void Executors_ClaimEveryLeafExactlyOnce_TheScanTakingTheMeasuresItCounts()
    {
        var data = RandomSalesData.Create(3);
        var compiled = CompiledQuery.Compile(Query, KpiSettings.Default);
        var context = new KpiCalculatorContext(KpiSettings.Default, data);

        var executors = QueryExecutors.For(compiled, data, context, columnar: true);

        Assert.Equal(["record by record", "columnar scan"], executors.Select(e => e.Name));
        Assert.All(compiled.Leaves, leaf => Assert.Single(executors, e => e.Evaluates(leaf)));
        var scan = executors.Single(e => e.Name == "columnar scan");
        Assert.True(scan.Evaluates(compiled.Leaves.Single(l => l.Calculator.Id == KpiIds.Calls)));
        Assert.False(scan.Evaluates(compiled.Leaves.Single(l => l.Calculator.Id == Connected.Id)));
    }

    [Fact]
    public void Executors_WithoutTheColumnarScan_LeaveEverythingToTheRecordPath()
    {
        var data = RandomSalesData.Create(3);
        var compiled = CompiledQuery.Compile(Query, KpiSettings.Default);
        var context = new KpiCalculatorContext(KpiSettings.Default, data);

        var executor = Assert.Single(QueryExecutors.For(compiled, data, context, columnar: false));

        Assert.Equal("record by record", executor.Name);
        Assert.All(compiled.Leaves, leaf => Assert.True(executor.Evaluates(leaf)));
    }

    [Fact]
    public void Executors_OnlyMeasuresTheScanCounts_NeedNoRecordPass()
    {
        var data = RandomSalesData.Create(3);
        var compiled = CompiledQuery.Compile(new KpiQuery(Quarter, [Kpis.Calls, Kpis.NewLeads], KpiGrouping.ByRep, PeriodUnit.Month), KpiSettings.Default);
        var context = new KpiCalculatorContext(KpiSettings.Default, data);

        var executor = Assert.Single(QueryExecutors.For(compiled, data, context, columnar: true));

        Assert.Equal("columnar scan", executor.Name);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Report_IsTheSameWhicheverExecutorsRan(int partitions)
    {
        var data = RandomSalesData.Create(5, size: 900);
        var both = new KpiEvaluator(null, null, null, partitions, columnar: true, recordsPerPartition: 100);
        var recordsOnly = new KpiEvaluator(null, null, null, 1, columnar: false, recordsPerPartition: int.MaxValue);

        ReportAssert.Same(recordsOnly.Evaluate(data, Query), both.Evaluate(data, Query));
    }
}
