// A user's first program: System.Diagnostics beside every public namespace of SalesKpi and SalesKpi.Csv (none of
// their type names may clash, CS0104), an evaluation, and the report through JsonSerializer and back.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesKpi;
using SalesKpi.Activities;
using SalesKpi.BuiltIn;
using SalesKpi.Csv;
using SalesKpi.Deals;
using SalesKpi.Diagnostics;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Rendering;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Serialization;
using SalesKpi.Sql;
using Microsoft.Data.Sqlite;

// System.Diagnostics.Activity and SalesKpi.Activities.SalesActivity side by side.
Activity? current = Activity.Current;

// The packages carry no sample data (the CLI's embedded sample is not in a library package), so a small data set
// in code: rep ayse, May 2025.
var may = Instant.FromUtc(2025, 5, 5, 12, 0);
var ayse = new RepId("ayse");
SalesActivity[] activities =
[
    new(new ActivityId("a1"), SalesActivityKind.Call, ayse, may),
    new(new ActivityId("a2"), SalesActivityKind.Call, ayse, may + Duration.FromHours(1)),
    new(new ActivityId("a3"), SalesActivityKind.Meeting, ayse, may + Duration.FromDays(1)),
];
Deal[] deals =
[
    new(new DealId("d1"), new AccountId("acme"), ayse, may, new Money(6_000m, Currency.USD)),
    new(new DealId("d2"), new AccountId("initech"), ayse, may, new Money(4_000m, Currency.USD)),
];
var data = SalesData.Create(deals: deals, activities: activities);

var year = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));
var query = new KpiQuery(year, [Kpis.Calls, Kpis.Meetings, Kpis.Revenue, Kpis.AverageDealSize]);
KpiReport report = new KpiEvaluator().Evaluate(data, query);

var json = JsonSerializer.Serialize(report);
var back = JsonSerializer.Deserialize<KpiReport>(json)!;

string Show(string kpiId)
{
    KpiValue value = back.Get(kpiId);
    string number = value.Value!.Value.ToString("0.####", CultureInfo.InvariantCulture);
    return value.Currency is { } currency ? $"{kpiId}={number} {currency.Code}" : $"{kpiId}={number}";
}

Console.WriteLine(Show(Kpis.Calls.Id));           // a1, a2 = 2 calls
Console.WriteLine(Show(Kpis.Meetings.Id));        // a3 = 1 meeting
Console.WriteLine(Show(Kpis.Revenue.Id));         // 6,000 + 4,000 = 10,000 USD
Console.WriteLine(Show(Kpis.AverageDealSize.Id)); // (6,000 + 4,000) / 2 deals = 5,000 USD
Console.WriteLine($"formatVersion={JsonDocument.Parse(json).RootElement.GetProperty("formatVersion").GetInt32()}");
Console.WriteLine($"KpiReportJson.FormatVersion={KpiReportJson.FormatVersion}");
Console.WriteLine($"groups={string.Join(',', back.Groups)}");
Console.WriteLine($"activity={(current is null ? "none" : current.OperationName)}"); // no listener, no ambient activity
Console.WriteLine($"evaluate-activity={SalesKpiTelemetry.EvaluateActivityName}");

// The same deals in a SQLite database, reported inside it: every KPI of the query is pushed down, or it fails.
await using (var connection = new SqliteConnection("Data Source=:memory:"))
{
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = """
        CREATE TABLE deals (id TEXT, account TEXT, owner TEXT, closed_at TEXT, amount TEXT, currency TEXT, kind TEXT);
        INSERT INTO deals VALUES ('d1', 'acme', 'ayse', '2025-05-05T12:00:00Z', '6000.00', 'USD', 'new-business'),
                                 ('d2', 'initech', 'ayse', '2025-05-05T12:00:00Z', '4000.00', 'USD', 'new-business');
        """;
    await command.ExecuteNonQueryAsync();
    var source = new SqlKpiSource(connection, SqlDialect.Sqlite) { PushDown = SqlPushDown.Required };
    KpiReport inside = await new KpiEvaluator().EvaluateAsync(source, new KpiQuery(year, [Kpis.Revenue, Kpis.DealsWon]));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sqlite revenue={inside.Get(Kpis.Revenue.Id).Value:0.##}")); // 6,000 + 4,000 = 10,000
    Console.WriteLine($"sqlite deals-won={inside.Get(Kpis.DealsWon.Id).Value}");    // d1, d2 = 2

    // The same report as a Markdown table (SalesKpi.Rendering), which only needs SalesKpi beside it.
    Console.Write(DocumentRenderer.Render(KpiDocuments.Report(inside), RenderFormat.Markdown));
}

// One type from each remaining namespace, so that each using is needed and compiles beside System.Diagnostics.
Type[] types =
[
    typeof(ISalesKpiBuilder), typeof(AverageDealSizeCalculator), typeof(CsvImporter), typeof(KpiCalculatorContext),
    typeof(Lead), typeof(MarketingSpend), typeof(Opportunity), typeof(MagicNumberOptions),
];
Console.WriteLine($"types={types.Length}");
