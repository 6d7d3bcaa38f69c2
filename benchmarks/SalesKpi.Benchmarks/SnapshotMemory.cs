using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;
using SalesKpi.Reporting;

namespace SalesKpi.Benchmarks;

/// <summary>
/// What a snapshot keeps per record, measured as the live managed memory after a full collection (the one thing
/// BenchmarkDotNet does not measure: it counts allocations, not what stays): the leads and the activities of the
/// reference data, each alone in a snapshot, once as objects (<see cref="SalesData.Create"/>) and once as the columns of
/// <see cref="SalesDataBuilder"/>, both after a report has built the engine's scan columns.
/// </summary>
/// <remarks>
/// <para><c>dotnet run -c Release --project benchmarks/SalesKpi.Benchmarks -- snapshot-bytes 100000</c>; run with
/// <c>DOTNET_TieredCompilation=0</c>, so that no method keeps a dead local alive.</para>
/// </remarks>
public static class SnapshotMemory
{
    /// <summary>Prints the bytes per record of each collection, kept as objects and as columns.</summary>
    /// <param name="opportunities">The scale of the reference data.</param>
    public static void Run(int opportunities)
    {
        foreach (var kind in new[] { "leads", "activities" })
        {
            var baseline = Live();
            var objects = Objects(opportunities, kind, out var count);
            Touch(objects);
            var asObjects = Live() - baseline;
            var columns = Columns(objects, kind);
            objects = null;
            Touch(columns);
            var asColumns = Live() - baseline;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{kind}: {count:N0} records; as objects {asObjects / (double)count:F0} B/record, as columns {asColumns / (double)count:F0} B/record ({asColumns / (double)asObjects:P0})"));
            GC.KeepAlive(columns);
        }
    }

    private static long Live()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Evaluates a report, so that the engine's scan columns are built and counted.</summary>
    private static void Touch(SalesData data)
    {
        var range = new DateInterval(new LocalDate(2000, 1, 1), new LocalDate(2030, 12, 31));
        _ = new KpiEvaluator().Evaluate(data, new KpiQuery(range, [Kpis.Calls, Kpis.NewLeads, Kpis.SqlCount], KpiGrouping.ByRep, PeriodUnit.Month));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SalesData Objects(int opportunities, string kind, out int count)
    {
        var data = ReferenceData.Generate(opportunities);
        count = kind == "activities" ? data.Activities.Length : data.Leads.Length;
        return kind == "activities" ? SalesData.Create(activities: data.Activities) : SalesData.Create(leads: data.Leads);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SalesData Columns(SalesData objects, string kind)
    {
        var builder = new SalesDataBuilder();
        if (kind == "activities")
        {
            foreach (var a in objects.Activities)
            {
                builder.AddActivity(a.Id, a.Kind, a.Owner, a.OccurredAt, a.Outcomes, a.Lead, a.Opportunity, a.Tool);
            }
        }
        else
        {
            foreach (var l in objects.Leads)
            {
                builder.AddLead(l.Id, l.CreatedAt, l.Source, l.Owner, l.QualifiedAt, l.ConvertedAt);
            }
        }

        return builder.Build();
    }
}
