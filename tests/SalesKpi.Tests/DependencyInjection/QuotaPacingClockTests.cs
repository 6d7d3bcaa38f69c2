using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

/// <summary>
/// The clock registered with <c>UseClock</c> reaches a KPI that needs "now" through the evaluator's context: the
/// built-in quota pacing, and <see cref="DealsWonPaceCalculator"/>, a custom KPI that reads the clock itself.
/// </summary>
public sealed class QuotaPacingClockTests
{
    [Fact]
    public void FakeClock_DrivesQuotaPacing()
    {
        // Quota: 6,000 USD for January. Revenue won in January: 1,000 + 2,000 = 3,000 USD, attainment 3,000 / 6,000 = 0.5.
        var quota = new SalesKpi.Planning.QuotaAttainmentCalculator(new SalesKpi.Planning.QuotaAttainmentOptions
        {
            Quota = (_, _) => new Money(6_000m, Currency.USD),
        });
        var pacing = new SalesKpi.Planning.QuotaPacingCalculator(quota);
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 11, 0, 0));
        var services = new ServiceCollection();
        services.AddSalesKpi().UseClock(clock).AddKpi(quota).AddKpi(pacing);
        using var provider = services.BuildServiceProvider(SampleData.Strict);
        var evaluator = provider.GetRequiredService<KpiEvaluator>();
        var kpi = provider.GetRequiredKeyedService<KpiCalculator>(KpiIds.QuotaPacing);

        var onEleventh = evaluator.Evaluate(kpi, SampleData.Create(), SampleData.January);
        clock.AdvanceDays(20);
        var onLastDay = evaluator.Evaluate(kpi, SampleData.Create(), SampleData.January);

        // On 11 January 00:00, 10 of 31 days have elapsed: pacing 0.5 / (10 / 31) = 1.55.
        Assert.Equal(0.5m / (10m / 31m), onEleventh.Value!.Value, 20);
        // On 31 January 00:00, 30 of 31 days: 0.5 / (30 / 31) = 0.5166...
        Assert.Equal(0.5m / (30m / 31m), onLastDay.Value!.Value, 20);
    }

    [Fact]
    public void FakeClock_DrivesThePaceOfAKpiThatReadsNow()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 10, 12, 0));
        var services = new ServiceCollection();
        services.AddSalesKpi().UseClock(clock).AddKpi<DealsWonPaceCalculator>();
        using var provider = services.BuildServiceProvider(SampleData.Strict);
        var pace = provider.GetRequiredService<IKpiCatalog>().Get(DealsWonPaceCalculator.KpiId);
        var evaluator = provider.GetRequiredService<KpiEvaluator>();
        var data = SampleData.Create();

        var onTenth = evaluator.Evaluate(pace, data, SampleData.January);
        clock.AdvanceDays(10);
        var onTwentieth = evaluator.Evaluate(pace, data, SampleData.January);
        clock.AdvanceDays(30);
        var afterwards = evaluator.Evaluate(pace, data, SampleData.January);

        Assert.Equal(2m * 31 / 10, onTenth.Value);     // 2 deals won in 10 of 31 days
        Assert.Equal(2m * 31 / 20, onTwentieth.Value); // the same 2 deals in 20 days
        Assert.Equal(2m, afterwards.Value);            // the month is over: what was won
    }

    [Fact]
    public void FakeClock_DaysAreTheSettingsTimeZoneDays()
    {
        // 2025-01-09T22:00Z is already the 10th in Istanbul (UTC+3).
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 9, 22, 0));
        var services = new ServiceCollection();
        services.AddSalesKpi().UseClock(clock).ConfigureSettings(s => s.TimeZone = "Europe/Istanbul").AddKpi<DealsWonPaceCalculator>();
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var value = provider.GetRequiredService<KpiEvaluator>().Evaluate(
            provider.GetRequiredKeyedService<KpiCalculator>(DealsWonPaceCalculator.KpiId), SampleData.Create(), SampleData.January);

        Assert.Equal(2m * 31 / 10, value.Value);
    }

    [Fact]
    public void FakeClock_BeforeThePeriod_PaceIsUndefined()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().UseClock(new FakeClock(Instant.FromUtc(2024, 12, 31, 12, 0))).AddKpi<DealsWonPaceCalculator>();
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        var value = provider.GetRequiredService<KpiEvaluator>().Evaluate(
            provider.GetRequiredKeyedService<KpiCalculator>(DealsWonPaceCalculator.KpiId), SampleData.Create(), SampleData.January);

        Assert.Equal("the period has not started", value.UndefinedReason);
    }
}
