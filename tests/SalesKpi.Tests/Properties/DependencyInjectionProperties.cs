using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Properties;

/// <summary>
/// A KPI resolved from the container and evaluated by the container's evaluator equals the same KPI of <see cref="Kpis"/>
/// evaluated directly with the same settings, for every KPI of the catalog, any data, zone, grouping and period unit.
/// </summary>
public sealed class DependencyInjectionProperties
{
    [Property(MaxTest = 60, Arbitrary = [typeof(SalesDataArbitraries)])]
    public void Evaluate_EveryKpiResolvedByIdThroughDependencyInjection_EqualsTheKpiEvaluatedDirectly(Scenario s)
    {
        var services = new ServiceCollection();
        var builder = services.AddSalesKpi().ConfigureSettings(settings =>
        {
            settings.TimeZone = s.Zone.Id;
            settings.FirstDayOfWeek = s.FirstDayOfWeek;
            settings.FiscalYearStartMonth = s.FiscalYearStartMonth;
        });
        if (s.MixedCurrencies)
        {
            builder.UseExchangeRates(Currency.USD, PropertyExchangeRates.Instance);
        }

        using var provider = services.BuildServiceProvider();
        var evaluator = provider.GetRequiredService<KpiEvaluator>();
        var catalog = provider.GetRequiredService<IKpiCatalog>();
        KpiCalculator[] resolved = [.. Kpis.All.Select(k => provider.GetRequiredKeyedService<KpiCalculator>(k.Id))];

        var direct = new KpiEvaluator(s.Settings).Evaluate(s.Data, s.Query(Kpis.All));

        ReportAssert.Same(direct, evaluator.Evaluate(s.Data, s.Query(resolved)));
        ReportAssert.Same(direct, evaluator.Evaluate(s.Data, s.Query(Kpis.All.Select(k => catalog.Get(k.Id)))));
        Assert.Equal(Kpis.All.Select(k => k.Id), resolved.Select(k => k.Id));
    }
}
