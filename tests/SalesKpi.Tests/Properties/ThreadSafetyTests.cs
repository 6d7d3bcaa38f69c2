using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Properties;

/// <summary>
/// Issue #8 item 4: one <see cref="SalesData"/> and one service provider shared by 16 threads released at once, each
/// evaluating the whole catalog several times, get exactly the single-threaded report every time — including when the
/// data's lazily built columns and indexes, and the provider's singletons, are first made by those threads.
/// </summary>
public sealed class ThreadSafetyTests
{
    private const int Threads = 16;
    private const int Rounds = 3;

    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>Gets the first half of 2025, which holds Berlin's spring DST change.</summary>
    private static readonly DateInterval FirstHalf2025 = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 6, 30));

    [Fact]
    public void Evaluate_SixteenThreadsSharingPreparedDataAndProvider_EachGetTheSingleThreadedReport()
    {
        var data = Data();
        data.Prepare();
        using var provider = Provider();
        var reference = Evaluate(provider, data);

        var reports = RunTogether(() => Evaluate(provider, data));

        Assert.Equal(Threads * Rounds, reports.Length);
        Assert.All(reports, report => ReportAssert.Same(reference, report));
        Assert.True(reference.Groups.Length >= 4 && reference.Periods.Length >= 26); // r1–r4 (and "(none)"), 26 weeks
    }

    [Fact]
    public void Evaluate_SixteenThreadsFirstToUseFreshDataAndProvider_EachGetTheSingleThreadedReport()
    {
        // The reference comes from a copy of the data and a provider of its own, so that the shared ones are first used
        // — their columns, lead and opportunity indexes, singletons and KPIs built — by the 16 threads at once.
        var original = Data();
        using var referenceProvider = Provider();
        var reference = Evaluate(referenceProvider, original);
        var bySource = BySourceAndMonth(referenceProvider, original);
        var fresh = SalesData.Create(original.Leads, original.Opportunities, original.Deals, original.Activities, original.Spend, original.Roster);
        using var provider = Provider();

        var reports = RunTogether(() => Evaluate(provider, fresh), () => BySourceAndMonth(provider, fresh));

        Assert.Equal(Threads * Rounds, reports.Length);
        Assert.All(reports, report => ReportAssert.Same(ReferenceEquals(report.Query.GroupBy, KpiGrouping.BySource) ? bySource : reference, report));
        Assert.Contains("web", bySource.Groups); // source grouping did read the leads through the index
    }

    /// <summary>Returns a fixed data set (a fixed seed) of about 500 leads, 400 opportunities and deals and 1,200 activities.</summary>
    private static SalesData Data() =>
        SalesDataGen.Data(new SalesDataGen.Frame(Berlin, FirstHalf2025, IsoDayOfWeek.Monday), scale: 20).Sample(1, new Rnd(4UL), 1)[0];

    private static ServiceProvider Provider()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().ConfigureSettings(s => s.TimeZone = Berlin.Id);
        return services.BuildServiceProvider();
    }

    private static KpiReport Evaluate(IServiceProvider provider, SalesData data) =>
        provider.GetRequiredService<KpiEvaluator>().Evaluate(
            data, new KpiQuery(FirstHalf2025, provider.GetRequiredService<IKpiCatalog>().All, KpiGrouping.ByRep, PeriodUnit.Week));

    private static KpiReport BySourceAndMonth(IServiceProvider provider, SalesData data) =>
        provider.GetRequiredService<KpiEvaluator>().Evaluate(
            data, new KpiQuery(FirstHalf2025, provider.GetRequiredService<IKpiCatalog>().All, KpiGrouping.BySource, PeriodUnit.Month));

    /// <summary>
    /// Starts <see cref="Threads"/> dedicated threads, lines them up on a barrier so they start at once, and has thread i
    /// run evaluation i mod n <see cref="Rounds"/> times; returns every report, and rethrows the first error.
    /// </summary>
    private static KpiReport[] RunTogether(params Func<KpiReport>[] evaluations)
    {
        using var barrier = new Barrier(Threads);
        var reports = new ConcurrentBag<KpiReport>();
        var errors = new ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
        {
            try
            {
                barrier.SignalAndWait();
                for (var round = 0; round < Rounds; round++)
                {
                    reports.Add(evaluations[i % evaluations.Length]());
                }
            }
#pragma warning disable CA1031 // Every error is rethrown on the test's thread.
            catch (Exception e)
#pragma warning restore CA1031
            {
                errors.Enqueue(e);
            }
        })).ToArray();

        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Empty(errors);
        return [.. reports];
    }
}
