#pragma warning disable IDE0005 // The snippet shows every using an application outside the SalesKpi namespace needs.
// <snippet:extending-usings>
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesKpi;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Reps;
// </snippet:extending-usings>
#pragma warning restore IDE0005

namespace SalesKpi.Tests.DependencyInjection;

// The worked example of docs/extending.md: the code between the snippet markers is what the page shows, and
// DocsSnippetTests fails when the two differ.

// <snippet:demos-calculator>
/// <summary>Counts demos: activities of the CRM's own kind <c>demo</c>, in the period they occurred.</summary>
public sealed class DemosCalculator : AggregateKpiCalculator, IKpiDefinition
{
    private static readonly SalesActivityKind Demo = new("demo");

    public DemosCalculator()
        : base(KpiId)
    {
    }

    public static string KpiId => "demos";

    public override KpiUnit Unit => KpiUnit.Count;

    public override string Description => "product demos given";

    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Activities(a => a.OccurredAt, "occurred at")];

    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => new Counter();

    private sealed class Counter : KpiAccumulator
    {
        private long _count;

        public override void Add(SalesActivity activity, KpiPeriod period)
        {
            if (activity.Kind == Demo)
            {
                _count++;
            }
        }

        public override void Merge(KpiAccumulator other) => _count += ((Counter)other)._count;

        public override KpiValue GetValue() => KpiValue.Count(_count);
    }
}
// </snippet:demos-calculator>

// <snippet:demos-per-won-deal-calculator>
/// <summary>Demos per deal won: how many demos it takes to win a deal. Fewer is better.</summary>
public sealed class DemosPerWonDealCalculator : DerivedKpiCalculator, IKpiDefinition
{
    public DemosPerWonDealCalculator(
        [FromKeyedServices("demos")] KpiCalculator demos,
        [FromKeyedServices(KpiIds.DealsWon)] KpiCalculator dealsWon)
        : base(KpiId, [demos, dealsWon])
    {
    }

    public static string KpiId => "demos-per-won-deal";

    public override KpiUnit Unit => KpiUnit.Ratio;

    public override KpiDirection Direction => KpiDirection.LowerIsBetter;

    public override string Description => "demos given per deal won";

    public override KpiValue Combine(KpiCombination values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var demos = values.Current(0);
        var won = values.Current(1);
        return demos.Value is { } d && won.Value is { } w
            ? KpiValue.Ratio(d, w, "no deals won in the period")
            : KpiValue.Undefined(Unit, "demos or deals won are undefined");
    }
}
// </snippet:demos-per-won-deal-calculator>

public static class ExtendingRegistrations
{
    public static IServiceCollection ByType(IServiceCollection services)
    {
        // <snippet:demos-registration>
        services.AddSalesKpi()
            .AddKpi<DemosCalculator>()
            .AddKpi<DemosPerWonDealCalculator>();
        // </snippet:demos-registration>
        return services;
    }

    public static IServiceCollection ByComposition(IServiceCollection services)
    {
        // <snippet:demos-registration-ratio>
        services.AddSalesKpi()
            .AddKpi<DemosCalculator>()
            .AddRatioKpi("demos-per-won-deal", "demos", KpiIds.DealsWon, KpiDirection.LowerIsBetter);
        // </snippet:demos-registration-ratio>
        return services;
    }

    public static IServiceCollection ByDelegateAndInstance(IServiceCollection services)
    {
        // <snippet:demos-registration-other-forms>
        services.AddSalesKpi()
            .AddKpi("demos", _ => new DemosCalculator())
            .AddKpi(Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue"))
            .ReplaceKpi(KpiIds.Calls, _ => new MeasureKpiCalculator(
                KpiIds.Calls,
                KpiMeasure.Count(KpiRecords.Activities.OfKind(SalesActivityKind.Call).WithOutcomes(ActivityOutcomes.Connected)),
                "connected calls"));
        // </snippet:demos-registration-other-forms>
        return services;
    }
}

public sealed class ExtendingSnippetsTests
{
    // <snippet:demos-per-won-deal-test>
    [Fact]
    public void DemosPerWonDeal_ThreeDemosAndTwoDealsWon_IsOnePointFive()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi().AddKpi<DemosCalculator>().AddKpi<DemosPerWonDealCalculator>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var rep = new RepId("ayse");
        var monday = Instant.FromUtc(2025, 3, 3, 9, 0);
        var data = SalesData.Create(
            activities: Enumerable.Range(1, 3).Select(i => new SalesActivity(new ActivityId($"demo-{i}"), new SalesActivityKind("demo"), rep, monday + Duration.FromHours(i))),
            deals: Enumerable.Range(1, 2).Select(i => new Deal(new DealId($"deal-{i}"), new AccountId($"acme-{i}"), rep, monday + Duration.FromDays(i), new Money(1_000m, Currency.EUR))));
        var march = new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31));

        var kpi = provider.GetRequiredService<IKpiCatalog>().Get("demos-per-won-deal");
        var value = provider.GetRequiredService<KpiEvaluator>().Evaluate(kpi, data, march);

        Assert.Equal(1.5m, value.Value);
        Assert.Equal("1.5 (3 / 2)", value.ToString());
    }
    // </snippet:demos-per-won-deal-test>

    // <snippet:demos-per-won-deal-test-without-container>
    [Fact]
    public void DemosPerWonDeal_NoDealWon_IsUndefinedWithTheReason()
    {
        var kpi = new DemosPerWonDealCalculator(new DemosCalculator(), Kpis.DealsWon);
        var demo = new SalesActivity(new ActivityId("demo-1"), new SalesActivityKind("demo"), new RepId("ayse"), Instant.FromUtc(2025, 3, 3, 9, 0));
        var march = new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31));

        var value = kpi.Evaluate([demo], march);

        Assert.False(value.IsDefined);
        Assert.Equal("no deals won in the period", value.UndefinedReason);
    }
    // </snippet:demos-per-won-deal-test-without-container>

    [Fact]
    public void Registrations_ByTypeAndByComposition_GiveTheSameValues()
    {
        using var byType = ExtendingRegistrations.ByType(new ServiceCollection()).BuildServiceProvider(SampleData.Strict);
        using var byComposition = ExtendingRegistrations.ByComposition(new ServiceCollection()).BuildServiceProvider(SampleData.Strict);
        var data = SampleData.Create();

        var a = byType.GetRequiredService<KpiEvaluator>().Evaluate(byType.GetRequiredService<IKpiCatalog>().Get("demos-per-won-deal"), data, SampleData.JanuaryToFebruary);
        var b = byComposition.GetRequiredService<KpiEvaluator>().Evaluate(byComposition.GetRequiredService<IKpiCatalog>().Get("demos-per-won-deal"), data, SampleData.JanuaryToFebruary);

        Assert.Equal(4m / 3m, a.Value); // 4 demos, 3 deals won
        Assert.Equal(a.Value, b.Value);
        Assert.Equal(KpiDirection.LowerIsBetter, byComposition.GetRequiredService<IKpiCatalog>().Get("demos-per-won-deal").Direction);
    }

    [Fact]
    public void Registrations_DelegateAndInstanceForms_Resolve()
    {
        using var provider = ExtendingRegistrations.ByDelegateAndInstance(new ServiceCollection()).BuildServiceProvider(SampleData.Strict);
        var catalog = provider.GetRequiredService<IKpiCatalog>();

        Assert.Equal(3m, catalog.Get("demos").Evaluate(SampleData.Create(), SampleData.January).Value);
        Assert.Equal(3m, catalog.Get(KpiIds.Calls).Evaluate(SampleData.Create(), SampleData.January).Value);
        Assert.IsType<FilteredKpiCalculator>(catalog.Get("renewal-revenue"));
    }
}
