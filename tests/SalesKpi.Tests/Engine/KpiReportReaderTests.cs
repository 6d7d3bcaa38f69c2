using System.Runtime.CompilerServices;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// <see cref="KpiReportReader"/>: the rows of a report finished as they are read, equal to <see cref="KpiReport.Rows"/>,
/// and not kept, so that a report too large to hold can be written out (issue #16: the CLI held about 180 bytes per value).
/// </summary>
public class KpiReportReaderTests
{
    private static readonly DateInterval Year = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 1)]
    [InlineData(true, 4)]
    public void ReadRows_EveryKpiByRepPerWeek_AreTheReportsRowsInItsOrder(bool columnar, int partitions)
    {
        var data = RandomSalesData.Create(seed: 16, size: 2_000);
        var query = new KpiQuery(Year, Kpis.All, KpiGrouping.ByRep, PeriodUnit.Week);
        KpiEvaluator Evaluator() => new(KpiSettings.Default, null, null, partitions, columnar, recordsPerPartition: partitions == 1 ? int.MaxValue : 1);

        var report = Evaluator().Evaluate(data, query);
        using var reader = Evaluator().EvaluateRows(data, query);
        var rows = reader.ReadRows().ToList();

        Assert.Equal(report.Groups.ToArray(), reader.Groups.ToArray());
        Assert.Equal(report.Periods.ToArray(), reader.Periods.ToArray());
        Assert.Equal(report.Rows.Length, reader.RowCount);
        Assert.Equal(report.Rows.Length, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(report.Rows[i].Group, rows[i].Group);
            Assert.Equal(report.Rows[i].Period, rows[i].Period);
            Assert.Equal(report.Rows[i].KpiId, rows[i].KpiId);
            Assert.Equal(report.Rows[i].Value, rows[i].Value);
        }
    }

    [Fact]
    public void ReadRows_CountsOfTwoReps_AreWorkedOutByHand()
    {
        // ana: two calls in January, one in February; ben: one call in February. Per month by rep, calls:
        // ana 2025-01 = 2, ana 2025-02 = 1, ben 2025-01 = 0, ben 2025-02 = 1.
        SalesActivity Call(string id, string rep, int month, int day) =>
            new(new ActivityId(id), SalesActivityKind.Call, new RepId(rep), Instant.FromUtc(2025, month, day, 10, 0));
        var data = SalesData.Create(activities: [Call("a1", "ana", 1, 6), Call("a2", "ana", 1, 7), Call("a3", "ana", 2, 3), Call("a4", "ben", 2, 4)]);
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 2, 28)), [Kpis.Calls], KpiGrouping.ByRep, PeriodUnit.Month);

        using var reader = new KpiEvaluator().EvaluateRows(data, query);
        var rows = reader.ReadRows().Select(r => $"{r.Group} {r.Period.Label} {r.Value.Value}").ToList();

        Assert.Equal(["ana 2025-01 2", "ana 2025-02 1", "ben 2025-01 0", "ben 2025-02 1"], rows);
    }

    [Fact]
    public void ReadRows_Twice_ThrowsSayingTheyAreReadOnce()
    {
        using var reader = new KpiEvaluator().EvaluateRows(SalesData.Empty, new KpiQuery(Year, [Kpis.Calls]));
        _ = reader.ReadRows().ToList();

        var error = Assert.Throws<InvalidOperationException>(reader.ReadRows);

        Assert.Contains("can be read once", error.Message);
    }

    [Fact]
    public void Dispose_BeforeTheRowsAreRead_ReleasesAndRefusesToReadThem()
    {
        var reader = new KpiEvaluator().EvaluateRows(RandomSalesData.Create(seed: 3), new KpiQuery(Year, Kpis.All, KpiGrouping.ByRep, PeriodUnit.Month));

        reader.Dispose();
        reader.Dispose();

        Assert.Throws<InvalidOperationException>(reader.ReadRows);
    }

    [Fact]
    public void ToReader_AfterToReport_Throws()
    {
        var accumulation = new KpiEvaluator().Accumulate(SalesData.Empty, new KpiQuery(Year, [Kpis.Calls]));
        _ = accumulation.ToReport();

        Assert.Throws<InvalidOperationException>(accumulation.ToReader);
    }

    [Fact]
    public void Regression_ReadRows_RowsAlreadyReadAreNotKeptInsteadOfTheWholeReportHeldInMemory()
    {
        // The CLI used to hold every row of a report (about 180 bytes a value) until its JSON was written. A row read and
        // let go must be collectable while the rest are still being read.
        var data = RandomSalesData.Create(seed: 5, size: 1_000);
        using var reader = new KpiEvaluator().EvaluateRows(data, new KpiQuery(Year, Kpis.All, KpiGrouping.ByRep, PeriodUnit.Week));
        using var rows = reader.ReadRows().GetEnumerator();
        Assert.True(rows.MoveNext());
        var first = Weakly(rows.Current);

        var read = 1;
        while (rows.MoveNext())
        {
            read++;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(reader.RowCount, read);
        Assert.False(first.TryGetTarget(out _), "the first row is still referenced after the reader moved past it");
    }

    [Fact]
    public void Regression_ReadRows_ValuesOfEarlierPeriodsOfAGroupAreNotKeptInsteadOfTheWholeGroupHeldUntilItsEnd()
    {
        // Every leaf value of a group used to be memoised until the group ended (leaves × periods): a report over
        // thousands of years per week grew by gigabytes. Only the periods a period-over-period KPI can still read are
        // kept now. Every KPI (growth KPIs read one period back) by rep per week over 2025: the value of the first
        // row, read and let go, must be collectable while the first group's last period is read.
        var data = RandomSalesData.Create(seed: 7, size: 1_000);
        using var reader = new KpiEvaluator().EvaluateRows(data, new KpiQuery(Year, Kpis.All, KpiGrouping.ByRep, PeriodUnit.Week));
        using var rows = reader.ReadRows().GetEnumerator();
        Assert.True(rows.MoveNext());
        var first = WeaklyValue(rows.Current);
        var rowsOfAGroup = reader.Periods.Length * reader.Query.Kpis.Length;
        for (var read = 1; read < rowsOfAGroup; read++)
        {
            Assert.True(rows.MoveNext());
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(reader.Groups[0], rows.Current.Group);
        Assert.False(first.TryGetTarget(out _), "the first period's value is still referenced at the group's last period");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<KpiReportRow> Weakly(KpiReportRow row) => new(row);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<KpiValue> WeaklyValue(KpiReportRow row) => new(row.Value);
}
