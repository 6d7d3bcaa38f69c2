using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SalesKpi.Calculators;

namespace SalesKpi.Tests.DependencyInjection;

/// <summary>
/// The clock registered with <c>UseClock</c> reaches a KPI that needs "now" through the evaluator's context. The
/// quota-attainment KPI is written on another branch; <see cref="DealsWonPaceCalculator"/> stands in for it here.
/// </summary>
public sealed class QuotaPacingClockTests
{
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
