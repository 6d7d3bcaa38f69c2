using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

/// <summary><c>AddForecasting</c> registers the forecast accuracy and the attainment projection, configured by its callbacks.</summary>
public sealed class ForecastingRegistrationTests
{
    [Fact]
    public void AddForecasting_RegistersBothCalculators_WithTheirOptions()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddForecasting(
            accuracy => accuracy.Category = ForecastCategory.BestCase,
            projection => projection.Quota = (_, _) => new Money(6_000m, Currency.USD));
        using var provider = services.BuildServiceProvider(SampleData.Strict);
        var evaluator = provider.GetRequiredService<KpiEvaluator>();
        var accuracy = provider.GetRequiredService<ForecastAccuracyCalculator>();
        var projection = provider.GetRequiredService<AttainmentProjectionCalculator>();
        var submission = new ForecastSubmission(KpiGrouping.ByRep, "ayse", SampleData.January, new Money(2_000m, Currency.USD), Instant.FromUtc(2024, 12, 30, 0, 0), ForecastCategory.BestCase);

        var judged = Assert.Single(accuracy.Evaluate(evaluator, SampleData.Create(), [submission]).Submitters);
        var all = Assert.Single(projection.Evaluate(evaluator, SampleData.Create(), SampleData.January, KpiGrouping.None, Instant.FromUtc(2025, 1, 11, 0, 0)));

        // ayse won 1,000 in January against a best case of 2,000: 0.5.
        Assert.Equal(ForecastCategory.BestCase, accuracy.Category);
        Assert.Equal(0.5m, judged.Accuracy.Value);
        // By the end of 10 January: 1,000 + 2,000 won, no pipeline; 3,000 / 6,000 = 0.5.
        Assert.Equal(0.5m, all.ProjectedAttainment.Value);
    }

    [Fact]
    public void AddForecasting_Twice_TheLastOptionsWin()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddForecasting().AddForecasting(a => a.CutoffOffset = Period.FromDays(3));
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        Assert.Equal(Period.FromDays(3), provider.GetRequiredService<ForecastAccuracyCalculator>().CutoffOffset);
        Assert.Single(services, d => d.ServiceType == typeof(ForecastAccuracyCalculator));
    }
}
