using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// A cancelled evaluation stops with <see cref="OperationCanceledException"/>: before it starts, between chunks of the
/// record-by-record scan, between chunks of the columnar scan, on one core and on several.
/// </summary>
public sealed class EvaluationCancellationTests
{
    private const int Calls = 200_000;

    private static readonly DateInterval January = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31));

    /// <summary>
    /// 200,000 calls by two reps, one every ten seconds from 1 January 00:00 UTC: 100,000 each, the last at
    /// 1 999 990 s ≈ 23.1 days, all in January.
    /// </summary>
    private static readonly Lazy<SalesData> Large = new(() =>
    {
        var builder = new SalesDataBuilder();
        var start = Instant.FromUtc(2025, 1, 1, 0, 0);
        RepId[] reps = [new("ana"), new("bo")];
        for (var i = 0; i < Calls; i++)
        {
            builder.AddActivity(new ActivityId("a" + i), SalesActivityKind.Call, reps[i % 2], start + Duration.FromSeconds(10L * i));
        }

        return builder.Build();
    });

    [Fact]
    public void Evaluate_WithoutCancellation_CountsEveryCall()
    {
        var report = new KpiEvaluator(maxDegreeOfParallelism: 2).Evaluate(Large.Value, new KpiQuery(January, [Kpis.Calls], KpiGrouping.ByRep), CancellationToken.None);

        // Calls alternate between the reps: 200,000 / 2 = 100,000 each.
        Assert.Equal(100_000m, report.Get(KpiIds.Calls, "ana").Value);
        Assert.Equal(100_000m, report.Get(KpiIds.Calls, "bo").Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EveryOverload_PreCancelledToken_ThrowsOperationCanceled(int cores)
    {
        var evaluator = new KpiEvaluator(maxDegreeOfParallelism: cores);
        var query = new KpiQuery(January, [Kpis.Calls], KpiGrouping.ByRep);
        var cancelled = new CancellationToken(canceled: true);

        Assert.ThrowsAny<OperationCanceledException>(() => evaluator.Evaluate(Large.Value, query, cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => evaluator.EvaluateRows(Large.Value, query, cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => evaluator.Accumulate(Large.Value, query, cancelled));
    }

    [Fact]
    public void Evaluate_NullArgumentWithToken_ThrowsBeforeLookingAtTheToken()
    {
        var evaluator = new KpiEvaluator();
        var cancelled = new CancellationToken(canceled: true);

        Assert.Throws<ArgumentNullException>("data", () => evaluator.Evaluate(null!, new KpiQuery(January, [Kpis.Calls]), cancelled));
        Assert.Throws<ArgumentNullException>("query", () => evaluator.Evaluate(Large.Value, null!, cancelled));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Evaluate_CancelledWhileScanningRecordByRecord_StopsBeforeTheEnd(int cores)
    {
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        // A predicate the columnar scan cannot run, so the record-by-record executor reads every call through it; the
        // first call it sees cancels the evaluation.
        var watched = new MeasureKpiCalculator(
            "watched-calls",
            KpiMeasure.Count(KpiRecords.Activities.OfKind(SalesActivityKind.Call).Where<SalesActivity>(
                _ =>
                {
                    Interlocked.Increment(ref seen);
                    cancellation.Cancel();
                    return true;
                },
                "that cancel the evaluation")));
        var evaluator = new KpiEvaluator(maxDegreeOfParallelism: cores);

        Assert.ThrowsAny<OperationCanceledException>(() => evaluator.Evaluate(Large.Value, new KpiQuery(January, [watched]), cancellation.Token));

        // Stopped at the next look at the token (a few thousand records per core), long before the 200,000th call.
        Assert.InRange(seen, 1, Calls / 10);
    }

    [Fact]
    public void Evaluate_CancelledBeforeTheColumnarScan_StopsInTheScan()
    {
        using var cancellation = new CancellationTokenSource();

        // The record-by-record executor runs first on a partition: the last lead it reads cancels, and the columnar scan
        // of the calls that follows stops at its first look at the token.
        var builder = new SalesDataBuilder();
        builder.AddLead(new LeadId("l1"), Instant.FromUtc(2025, 1, 2, 9, 0), "web");
        foreach (var activity in Large.Value.Activities.Take(100_000))
        {
            builder.Add(activity);
        }

        var data = builder.Build();
        var cancelling = new MeasureKpiCalculator(
            "cancelling-leads",
            KpiMeasure.Count(KpiRecords.LeadsCreated.Where<Lead>(
                _ =>
                {
                    cancellation.Cancel();
                    return true;
                },
                "that cancel the evaluation")));
        var query = new KpiQuery(January, [cancelling, Kpis.Calls]);

        var exception = Assert.ThrowsAny<OperationCanceledException>(() => new KpiEvaluator(maxDegreeOfParallelism: 1).Evaluate(data, query, cancellation.Token));

        Assert.Contains(nameof(FastPlan), exception.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnarScan_CancelledToken_ThrowsBeforeTheFirstChunk()
    {
        var data = Large.Value;
        var compiled = CompiledQuery.Compile(new KpiQuery(January, [Kpis.Calls], KpiGrouping.ByRep), KpiSettings.Default);
        var plan = FastPlan.Create(compiled, data, KpiSettings.Default)!;

        Assert.ThrowsAny<OperationCanceledException>(() => plan.Scan(0, 1, new CancellationToken(canceled: true)));
    }
}
