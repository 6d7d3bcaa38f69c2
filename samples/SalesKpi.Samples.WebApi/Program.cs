using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;
using SalesKpi;
using SalesKpi.Csv;
using SalesKpi.Diagnostics;
using SalesKpi.Reporting;
using SalesKpi.Reps;

var builder = WebApplication.CreateBuilder(args);

// The built-in KPIs, the catalog and the evaluator, with the settings of appsettings.json's "SalesKpi" section
// (validated when the host starts), and the last report's values as the "saleskpi.kpi.value" gauges of the "SalesKpi"
// meter: export them with OpenTelemetry (AddMeter("SalesKpi")) to Prometheus, Grafana or any OTLP backend.
builder.Services.AddSalesKpi(builder.Configuration.GetSection("SalesKpi")).AddKpiMetrics();

// The CRM export the reports are computed on, imported once at start-up.
builder.Services.AddSingleton(services =>
{
    // Relative to the app's own folder, where the build copies Data/: dotnet run's content root is the project folder.
    var directory = Path.Combine(AppContext.BaseDirectory, builder.Configuration["Sample:DataDirectory"] ?? "Data");
    return new CsvImporter().ImportDirectory(directory).Data;
});
builder.Services.AddProblemDetails();

var app = builder.Build();

// Every KPI the service knows: id, unit, direction and description.
app.MapGet("/kpis", (IKpiCatalog catalog) =>
    catalog.All.Select(k => new KpiInfo(k.Id, k.Unit.ToString(), k.Direction.ToString(), k.Description)));

// A report as the documented JSON document: /report?from=2025-01-01&to=2025-12-31&by=team&per=quarter&kpi=close-rate
app.MapGet("/report", Results<Ok<KpiReport>, ProblemHttpResult> (
    string? from, string? to, string? by, string? per, string[]? kpi, SalesData data, IKpiCatalog catalog, KpiEvaluator evaluator, KpiMetrics metrics, CancellationToken cancellationToken) =>
{
    var (query, problem) = Requests.Parse(from, to, by, per, kpi, catalog);
    if (query is null)
    {
        return problem!;
    }

    var report = evaluator.Evaluate(data, query, cancellationToken);
    metrics.Publish(report);
    return TypedResults.Ok(report);
});

// A report on CRM files uploaded as multipart/form-data (reps.csv, deals.csv, …), imported asynchronously.
app.MapPost("/report", async Task<Results<Ok<KpiReport>, ProblemHttpResult>> (
    HttpRequest request, string? from, string? to, string? by, string? per, [FromQuery] string[]? kpi, IKpiCatalog catalog, KpiEvaluator evaluator, CancellationToken cancellationToken) =>
{
    var (query, problem) = Requests.Parse(from, to, by, per, kpi, catalog);
    if (query is null)
    {
        return problem!;
    }

    if (!request.HasFormContentType)
    {
        return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Upload the CSV files as multipart/form-data, one part per file (reps.csv, deals.csv, …).");
    }

    var form = await request.ReadFormAsync(cancellationToken);
    var streams = form.Files.ToDictionary(f => f.FileName, f => f.OpenReadStream(), StringComparer.OrdinalIgnoreCase);
    try
    {
        var imported = await new CsvImporter().ImportAsync(CsvSource.FromStreams(streams), cancellationToken);
        return TypedResults.Ok(evaluator.Evaluate(imported.Data, query, cancellationToken));
    }
    catch (CsvImportException e)
    {
        // The message names the file, line and column, and what to change.
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The CSV files cannot be imported.", detail: e.Message);
    }
    finally
    {
        foreach (var stream in streams.Values)
        {
            await stream.DisposeAsync();
        }
    }
});

// One rep's values over a range, the rep bound from the route (RepId is IParsable).
app.MapGet("/reps/{rep}/report", Results<Ok<RepReport>, ProblemHttpResult> (
    RepId rep, string? from, string? to, string[]? kpi, SalesData data, IKpiCatalog catalog, KpiEvaluator evaluator) =>
{
    if (!data.Roster.TryGetRep(rep, out var known))
    {
        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No rep '{rep}' in the data.");
    }

    var (query, problem) = Requests.Parse(from, to, "rep", "none", kpi, catalog);
    if (query is null)
    {
        return problem!;
    }

    var report = evaluator.Evaluate(data, query);
    var values = query.Kpis.ToDictionary(
        k => k.Id,
        k => report.HasGroup(rep.Value) ? report.Get(k.Id, rep.Value) : KpiValue.Undefined(k.Unit, "the rep has no records in the range"));
    return TypedResults.Ok(new RepReport(rep, known.Name, known.Team, values));
});

app.Run();

/// <summary>A KPI of the catalog, as GET /kpis lists it.</summary>
internal sealed record KpiInfo(string Id, string Unit, string Direction, string Description);

/// <summary>A rep's values, as GET /reps/{rep}/report returns them.</summary>
internal sealed record RepReport(RepId Rep, string Name, TeamId Team, IReadOnlyDictionary<string, KpiValue> Values);

/// <summary>The query of a request, or the problem that names what is wrong with it.</summary>
internal static class Requests
{
    private static readonly string[] Groupings = ["none", "rep", "team", "source"];
    private static readonly string[] Units = ["none", "week", "month", "quarter"];

    /// <summary>Returns the query, or, when a parameter is wrong, the problem that names each one.</summary>
    public static (KpiQuery? Query, ProblemHttpResult? Problem) Parse(string? from, string? to, string? by, string? per, string[]? kpi, IKpiCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var start = Date(from);
        var end = Date(to);
        if (start is null)
        {
            errors["from"] = [$"'{from}' is not a date (yyyy-MM-dd)."];
        }

        if (end is null)
        {
            errors["to"] = [$"'{to}' is not a date (yyyy-MM-dd)."];
        }
        else if (start is { } s && end < s)
        {
            errors["to"] = [$"'{to}' is before 'from' ({from})."];
        }

        if (by is not null && !Groupings.Contains(by))
        {
            errors["by"] = [$"'{by}' is not one of {string.Join(", ", Groupings)}."];
        }

        if (per is not null && !Units.Contains(per))
        {
            errors["per"] = [$"'{per}' is not one of {string.Join(", ", Units)}."];
        }

        var unknown = (kpi ?? []).Where(id => !catalog.TryGet(id, out _)).ToArray();
        if (unknown.Length > 0)
        {
            errors["kpi"] = [.. unknown.Select(id => $"'{id}' is not a KPI id; GET /kpis lists them.")];
        }

        if (errors.Count > 0)
        {
            return (null, TypedResults.Problem(new HttpValidationProblemDetails(errors) { Title = "The report's query is not valid." }));
        }

        var query = new KpiQuery(
            new DateInterval(start!.Value, end!.Value),
            kpi is { Length: > 0 } ids ? ids.Select(catalog.Get) : [Kpis.Calls, Kpis.CloseRate, Kpis.AverageDealSize],
            by switch { "rep" => KpiGrouping.ByRep, "team" => KpiGrouping.ByTeam, "source" => KpiGrouping.BySource, _ => KpiGrouping.None },
            per switch { "week" => PeriodUnit.Week, "month" => PeriodUnit.Month, "quarter" => PeriodUnit.Quarter, _ => PeriodUnit.None });
        return (query, null);
    }

    private static LocalDate? Date(string? text) =>
        text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } result ? result.Value : null;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
