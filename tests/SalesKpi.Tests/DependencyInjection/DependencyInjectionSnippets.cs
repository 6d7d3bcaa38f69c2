using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SalesKpi.Activities;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Tests.DependencyInjection;

// The code docs/dependency-injection.md and README.md show: the code between the snippet markers is what the pages
// show, and DocsSnippetTests fails when the two differ.

// <snippet:kpi-endpoint>
/// <summary>Your application's source of the current CRM snapshot (a database, a nightly export, …).</summary>
public interface ISalesDataSource
{
    SalesData Current { get; }
}

/// <summary>The latest snapshot, which a background job replaces when a new export arrives.</summary>
public sealed class LatestSnapshotDataSource : ISalesDataSource
{
    private SalesData _current = SalesData.Create();

    public SalesData Current => Volatile.Read(ref _current);

    public void Replace(SalesData snapshot) => Volatile.Write(ref _current, snapshot ?? throw new ArgumentNullException(nameof(snapshot)));
}

/// <summary>The JSON body of <c>GET /kpis/{id}</c>.</summary>
public sealed record KpiResponse(string Id, string Description, string Unit, string Period, decimal? Value, string? UndefinedReason, string Display);

public static class KpiEndpoint
{
    /// <summary>Returns a KPI's value for the current month, or null when no KPI has the id.</summary>
    public static KpiResponse? Get(IServiceProvider services, string id)
    {
        var catalog = services.GetRequiredService<IKpiCatalog>();
        if (!catalog.TryGet(id, out var kpi))
        {
            return null;
        }

        var evaluator = services.GetRequiredService<KpiEvaluator>();
        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        var today = evaluator.Settings.LocalDateOf(now);
        var month = new DateInterval(today.With(DateAdjusters.StartOfMonth), today.With(DateAdjusters.EndOfMonth));
        var value = evaluator.Evaluate(kpi, services.GetRequiredService<ISalesDataSource>().Current, month);
        return new KpiResponse(kpi.Id, kpi.Description, kpi.Unit.ToString(), month.ToString(), value.Value, value.UndefinedReason, value.ToString());
    }
}
// </snippet:kpi-endpoint>

public static class KpiWebApp
{
    /// <summary>The ASP.NET Core minimal API of docs/dependency-injection.md; the page's Program.cs ends with app.Run().</summary>
    public static WebApplication Create(string[] args)
    {
        // <snippet:kpi-endpoint-program>
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSalesKpi().ConfigureSettings(s => s.TimeZone = "Europe/Istanbul");
        builder.Services.AddSingleton<ISalesDataSource, LatestSnapshotDataSource>();
        var app = builder.Build();

        app.MapGet("/kpis/{id}", (string id, HttpContext http) =>
            KpiEndpoint.Get(http.RequestServices, id) is { } body ? Results.Json(body) : Results.NotFound());
        // </snippet:kpi-endpoint-program>
        return app;
    }
}

public static class DependencyInjectionRegistrations
{
    public static IServiceCollection Readme(IServiceCollection services)
    {
        // <snippet:readme-registration>
        services.AddSalesKpi()                                      // the built-in KPIs, catalog, evaluator, settings, clock
            .ConfigureSettings(s => s.TimeZone = "Europe/Istanbul") // validated here, not at first use
            .AddKpi<DemosCalculator>();                             // your own KPI, first-class
        // </snippet:readme-registration>
        return services;
    }

    public static IServiceCollection Full(IServiceCollection services)
    {
        // <snippet:di-registration>
        services.AddSalesKpi()
            .ConfigureSettings(settings =>
            {
                settings.TimeZone = "Europe/Istanbul";
                settings.FirstDayOfWeek = IsoDayOfWeek.Monday;
                settings.FiscalYearStartMonth = 4;
                settings.ReportingCurrency = "EUR";
            })
            .AddKpi<DemosCalculator>()
            .AddRatioKpi("demos-per-won-deal", "demos", KpiIds.DealsWon, KpiDirection.LowerIsBetter);
        // </snippet:di-registration>
        return services;
    }
}

public sealed class DependencyInjectionSnippetsTests
{
    private static readonly Instant January20 = Instant.FromUtc(2025, 1, 20, 12, 0);

    /// <summary>The options ASP.NET Core's <c>Results.Json</c> serializes with by default.</summary>
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Readme_Registration_ResolvesABuiltInAndTheCustomKpi()
    {
        var services = DependencyInjectionRegistrations.Readme(new ServiceCollection());
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        // <snippet:di-resolve>
        var catalog = provider.GetRequiredService<IKpiCatalog>();                      // every KPI, built-in and your own
        var closeRate = provider.GetRequiredKeyedService<KpiCalculator>("close-rate"); // one KPI by id
        var evaluator = provider.GetRequiredService<KpiEvaluator>();                   // with the settings and the clock
        // </snippet:di-resolve>

        Assert.Same(closeRate, catalog.Get(KpiIds.CloseRate));
        Assert.Equal("demos", catalog.All[^1].Id);
        Assert.Equal("Europe/Istanbul", evaluator.Settings.Zone.Id);
    }

    [Fact]
    public void Full_Registration_AppliesEverySetting()
    {
        using var provider = DependencyInjectionRegistrations.Full(new ServiceCollection()).BuildServiceProvider(SampleData.Strict);

        var settings = provider.GetRequiredService<KpiSettings>();

        Assert.Equal(4, settings.FiscalYearStartMonth);
        Assert.Equal(Currency.EUR, settings.ReportingCurrency);
        Assert.NotNull(provider.GetRequiredService<IKpiCatalog>().Get("demos-per-won-deal"));
    }

    [Fact]
    public void KpiEndpoint_KnownId_ReturnsTheValueOfTheCurrentMonthAsJson()
    {
        using var provider = BuildApp();
        using var scope = provider.CreateScope();

        var body = KpiEndpoint.Get(scope.ServiceProvider, "calls");
        var json = JsonSerializer.Serialize(body, WebJson);

        Assert.Equal(
            """{"id":"calls","description":"activities of kind call","unit":"Count","period":"[2025-01-01, 2025-01-31]","value":5,"undefinedReason":null,"display":"5"}""",
            json);
    }

    [Fact]
    public void KpiEndpoint_CustomKpi_IsServedLikeABuiltIn()
    {
        using var provider = BuildApp();

        var body = KpiEndpoint.Get(provider, "demos-per-won-deal");

        Assert.NotNull(body);
        Assert.Equal(1.5m, body.Value);
        Assert.Equal("Ratio", body.Unit);
    }

    [Fact]
    public void KpiEndpoint_UnknownId_ReturnsNull()
    {
        using var provider = BuildApp();

        Assert.Null(KpiEndpoint.Get(provider, "close-rat"));
    }

    [Fact]
    public void KpiEndpoint_UndefinedValue_CarriesTheReason()
    {
        using var provider = BuildApp();

        var body = KpiEndpoint.Get(provider, KpiIds.CloseRate);

        Assert.NotNull(body);
        Assert.Null(body.Value);
        Assert.False(string.IsNullOrEmpty(body.UndefinedReason));
    }

    [Fact]
    public void FakeClock_Snippet_MovesTheEndpointsMonth()
    {
        // <snippet:di-fake-clock>
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 20, 12, 0));
        var services = new ServiceCollection();
        services.AddSalesKpi().UseClock(clock);
        // </snippet:di-fake-clock>
        services.AddSingleton<ISalesDataSource>(new FixedSource(SampleData.Create()));
        using var provider = services.BuildServiceProvider(SampleData.Strict);

        Assert.Equal(5m, KpiEndpoint.Get(provider, "calls")!.Value);
        clock.AdvanceDays(20);
        Assert.Equal(6m, KpiEndpoint.Get(provider, "calls")!.Value);
    }

    [Fact]
    public async Task KpiWebApp_ServesAKpiAsJsonOverHttp_AndAnUnknownIdAsNotFound()
    {
        await using var app = KpiWebApp.Create([]);
        app.Urls.Add("http://127.0.0.1:0");
        var now = app.Services.GetRequiredService<IClock>().GetCurrentInstant();
        var source = Assert.IsType<LatestSnapshotDataSource>(app.Services.GetRequiredService<ISalesDataSource>());
        source.Replace(SalesData.Create(activities:
        [
            new(new ActivityId("a1"), SalesActivityKind.Call, new RepId("ayse"), now),
            new(new ActivityId("a2"), SalesActivityKind.Call, new RepId("ayse"), now),
        ]));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };

        using var calls = await http.GetAsync(new Uri("/kpis/calls", UriKind.Relative));
        using var unknown = await http.GetAsync(new Uri("/kpis/close-rat", UriKind.Relative));
        using var json = JsonDocument.Parse(await calls.Content.ReadAsStringAsync());
        await app.StopAsync();

        // Two calls, both now, so both in the current month.
        Assert.Equal(System.Net.HttpStatusCode.OK, calls.StatusCode);
        Assert.Equal("calls", json.RootElement.GetProperty("id").GetString());
        Assert.Equal(2m, json.RootElement.GetProperty("value").GetDecimal());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static ServiceProvider BuildApp()
    {
        var services = new ServiceCollection();
        DependencyInjectionRegistrations.Full(services).AddSalesKpi().UseClock(new FakeClock(January20)).ConfigureSettings(s => s.ReportingCurrency = "USD");
        services.AddSingleton<ISalesDataSource>(new FixedSource(SampleData.Create()));
        return services.BuildServiceProvider(SampleData.Strict);
    }

    private sealed class FixedSource(SalesData data) : ISalesDataSource
    {
        public SalesData Current { get; } = data;
    }
}
