using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using SalesKpi.Diagnostics;
using SalesKpi.Reporting;

namespace SalesKpi.Samples.WebApi.Tests;

/// <summary>
/// The web sample through the real HTTP pipeline: routing, binding (a route-bound RepId), System.Text.Json and problem
/// details, on a data set of three deals written here so that every expected value can be worked out by hand.
/// </summary>
public sealed class WebApiTests : IClassFixture<WebApiTests.Api>, IDisposable
{
    private readonly HttpClient _client;

    public WebApiTests(Api api)
    {
        ArgumentNullException.ThrowIfNull(api);
        _client = api.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Kpis_ListsTheCatalog()
    {
        using var kpis = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/kpis", UriKind.Relative)));

        var ids = kpis.RootElement.EnumerateArray().Select(k => k.GetProperty("id").GetString()).ToList();
        Assert.Equal(Kpis.All.Length, ids.Count);
        Assert.Contains("close-rate", ids);
    }

    [Fact]
    public async Task Report_IsTheDocumentedDocument_AndReadsBack()
    {
        var json = await _client.GetStringAsync(new Uri("/report?from=2025-01-01&to=2025-12-31&by=team&per=quarter&kpi=average-deal-size&kpi=deals-won", UriKind.Relative));

        using var document = JsonDocument.Parse(json);
        Assert.Equal(1, document.RootElement.GetProperty("formatVersion").GetInt32());
        Assert.Equal("Europe/Istanbul", document.RootElement.GetProperty("settings").GetProperty("zone").GetString());

        var report = JsonSerializer.Deserialize<KpiReport>(json)!;
        Assert.Equal(["team-east", "team-west"], report.Groups.ToArray());

        // Q2 (period 1): team-east (6,000 + 4,000) / 2 deals = 5,000 USD; team-west 10,000 / 1 = 10,000 USD.
        Assert.Equal(5_000m, report.Get("average-deal-size", "team-east", 1).Value);
        Assert.Equal(10_000m, report.Get("average-deal-size", "team-west", 1).Value);
        Assert.Equal(2m, report.Get("deals-won", "team-east", 1).Value);

        // Q1 has no deal: undefined with a reason, never 0.
        Assert.Null(report.Get("average-deal-size", "team-east", 0).Value);
    }

    [Fact]
    public async Task RepReport_BindsTheRepFromTheRoute()
    {
        using var rep = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/reps/r1/report?from=2025-01-01&to=2025-12-31&kpi=average-deal-size", UriKind.Relative)));

        Assert.Equal("r1", rep.RootElement.GetProperty("rep").GetString());
        Assert.Equal("team-east", rep.RootElement.GetProperty("team").GetString());

        // r1: (6,000 + 4,000) / 2 deals = 5,000 USD.
        var value = rep.RootElement.GetProperty("values").GetProperty("average-deal-size");
        Assert.Equal(5_000m, value.GetProperty("value").GetDecimal());
        Assert.Equal("USD", value.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task UnknownRep_Is404_NamingIt()
    {
        using var response = await _client.GetAsync(new Uri("/reps/r9/report?from=2025-01-01&to=2025-12-31", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("'r9'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadQuery_Is400_NamingEachParameter()
    {
        using var response = await _client.GetAsync(new Uri("/report?from=2025-13-01&to=2025-12-31&by=manager&kpi=close-rat", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("'2025-13-01' is not a date", errors.GetProperty("from")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'manager'", errors.GetProperty("by")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'close-rat'", errors.GetProperty("kpi")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ImportsTheFilesAsynchronously()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("id,name,team\nr1,Ayşe Demir,team-east\n"), "files", "reps.csv" },
            {
                new StringContent("id,opportunity_id,account,owner,closed_at,amount,currency,kind,term_start,term_end,recurring_monthly\n"
                    + "d1,,acc-1,r1,2025-02-03T09:00:00Z,900.00,USD,new-business,,,\n"
                    + "d2,,acc-2,r1,2025-02-04T09:00:00Z,300.00,USD,new-business,,,\n"),
                "files",
                "deals.csv"
            },
        };

        using var response = await _client.PostAsync(new Uri("/report?from=2025-01-01&to=2025-12-31&kpi=average-deal-size", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonSerializer.Deserialize<KpiReport>(await response.Content.ReadAsStringAsync())!;

        // (900 + 300) / 2 deals = 600 USD.
        Assert.Equal(600m, report.Get("average-deal-size").Value);
    }

    [Fact]
    public async Task Upload_OfABadFile_Is400_NamingTheFileLineAndColumn()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("id,name,team\nr1,Ayşe Demir,team-east\n"), "files", "reps.csv" },
            {
                new StringContent("id,opportunity_id,account,owner,closed_at,amount,currency,kind,term_start,term_end,recurring_monthly\n"
                    + "d1,,acc-1,r1,yesterday,900.00,USD,new-business,,,\n"),
                "files",
                "deals.csv"
            },
        };

        using var response = await _client.PostAsync(new Uri("/report?from=2025-01-01&to=2025-12-31", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        // Line 2 (after the header); "d1,,acc-1,r1," is 13 characters, so closed_at starts in column 14.
        Assert.StartsWith("deals.csv:2:14: closed_at: 'yesterday'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_PublishesItsValuesAsGauges()
    {
        var exported = new List<Metric>();
        using (var meters = Sdk.CreateMeterProviderBuilder().AddMeter(SalesKpiTelemetry.SourceName).AddInMemoryExporter(exported).Build())
        {
            using var response = await _client.GetAsync(new Uri("/report?from=2025-01-01&to=2025-12-31&by=team&kpi=average-deal-size", UriKind.Relative));
            response.EnsureSuccessStatusCode();
            meters.ForceFlush();
        }

        var gauge = exported.Last(m => m.Name == "saleskpi.kpi.value");
        var points = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (ref readonly var point in gauge.GetMetricPoints())
        {
            var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            if ((string?)tags["kpi"] == "average-deal-size")
            {
                points[(string)tags["group"]!] = point.GetGaugeLastValueDouble();
            }
        }

        // team-east (6,000 + 4,000) / 2 = 5,000 USD; team-west 10,000 / 1 = 10,000 USD.
        Assert.Equal(5_000d, points["team-east"]);
        Assert.Equal(10_000d, points["team-west"]);
    }

    [Fact]
    public void ABadSetting_StopsTheStart_NamingTheKey()
    {
        using var api = new Api().WithWebHostBuilder(b => b.UseSetting("SalesKpi:TimeZone", "Europe/Istanbl"));

        var e = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("SalesKpi:TimeZone", e.Message, StringComparison.Ordinal);
        Assert.Contains("Europe/Istanbul", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The app on a data directory of two reps and three deals in May 2025.</summary>
    public sealed class Api : WebApplicationFactory<Program>
    {
        private readonly string _data = Directory.CreateTempSubdirectory("saleskpi-webapi-").FullName;

        public Api()
        {
            File.WriteAllText(Path.Combine(_data, "reps.csv"), "id,name,team\nr1,Ayşe Demir,team-east\nr2,Budi Santoso,team-west\n");
            File.WriteAllText(
                Path.Combine(_data, "deals.csv"),
                "id,opportunity_id,account,owner,closed_at,amount,currency,kind,term_start,term_end,recurring_monthly\n"
                + "d1,,acc-1,r1,2025-05-05T09:00:00Z,6000.00,USD,new-business,,,\n"
                + "d2,,acc-2,r1,2025-05-06T09:00:00Z,4000.00,USD,new-business,,,\n"
                + "d3,,acc-3,r2,2025-05-07T09:00:00Z,10000.00,USD,new-business,,,\n");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("Sample:DataDirectory", _data);

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);

            // The factory is disposed both synchronously and asynchronously; the folder goes once.
            if (Directory.Exists(_data))
            {
                Directory.Delete(_data, recursive: true);
            }
        }
    }
}
