using DuckDB.NET.Data;
using NodaTime;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Sql.Tests.Engines;

/// <summary>The embedded sample as DuckDB reads it from its CSV files: every built-in KPI pushed down gives the in-memory report.</summary>
public sealed class DuckDbSampleTests
{
    private static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "Sample");

    public static TheoryData<string, string, string> Queries => new()
    {
        { "UTC", "rep", "week" },
        { "Europe/Istanbul", "team", "month" },
        { "America/New_York", "source", "quarter" },
        { "America/New_York", "deal-kind", "month" },
        { "Europe/Berlin", "none", "week" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EveryBuiltInKpi_PushedDown_EqualsInMemory(string zone, string groupBy, string per)
    {
        var data = new CsvImporter().ImportDirectory(SampleDirectory).Data;
        var settings = KpiSettings.Default.WithZone(zone);
        var evaluator = new KpiEvaluator(settings);
        var query = new KpiQuery(
            new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)),
            [.. Kpis.All],
            groupBy switch { "rep" => KpiGrouping.ByRep, "team" => KpiGrouping.ByTeam, "source" => KpiGrouping.BySource, "deal-kind" => KpiGrouping.ByDealKind, _ => KpiGrouping.None },
            per switch { "week" => PeriodUnit.Week, "month" => PeriodUnit.Month, _ => PeriodUnit.Quarter });

        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        foreach (var (table, file) in new[] { ("reps", "reps"), ("leads", "leads"), ("opportunities", "opportunities"), ("stage_changes", "stage-changes"), ("deals", "deals"), ("activities", "activities"), ("spend", "spend") })
        {
            await using var create = connection.CreateCommand();
            create.CommandText = $"CREATE TABLE {table} AS SELECT * FROM read_csv('{Path.Combine(SampleDirectory, file + ".csv")}', header = true, all_varchar = true)";
            await create.ExecuteNonQueryAsync();
        }

        foreach (var (table, column, type) in new[]
        {
            ("leads", "created_at", "TIMESTAMPTZ"), ("leads", "qualified_at", "TIMESTAMPTZ"), ("leads", "converted_at", "TIMESTAMPTZ"),
            ("opportunities", "created_at", "TIMESTAMPTZ"), ("opportunities", "closed_at", "TIMESTAMPTZ"), ("opportunities", "amount", "DECIMAL(38, 10)"), ("opportunities", "expected_close", "DATE"),
            ("deals", "closed_at", "TIMESTAMPTZ"), ("deals", "amount", "DECIMAL(38, 10)"), ("deals", "term_start", "DATE"), ("deals", "term_end", "DATE"), ("deals", "recurring_monthly", "DECIMAL(38, 10)"),
            ("activities", "occurred_at", "TIMESTAMPTZ"), ("stage_changes", "entered_at", "TIMESTAMPTZ"),
            ("spend", "start", "DATE"), ("spend", "end", "DATE"), ("spend", "amount", "DECIMAL(38, 10)"),
        })
        {
            await using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE {table} ALTER \"{column}\" TYPE {type}";
            await alter.ExecuteNonQueryAsync();
        }

        var expected = evaluator.Evaluate(data, query);
        var source = new SqlKpiSource(connection, SqlDialect.DuckDb);
        var plan = await evaluator.ExplainAsync(source, query);
        var actual = await evaluator.EvaluateAsync(source, query);

        Assert.NotEmpty(plan.PushedDown);
        var e = Lines(expected);
        var a = Lines(actual);
        Assert.Equal(e.Count, a.Count);
        Assert.Equal(e, a);
    }

    // Decimals compared by value: DuckDB hands 45000.00 back as 45000.
    private static string? N(decimal? value) => value?.ToString("G29", System.Globalization.CultureInfo.InvariantCulture);

    internal static List<string> Lines(KpiReport report) =>
        [.. report.Rows.Select(r => $"{r.Group} | {r.Period.Label} | {r.KpiId} | {N(r.Value.Value)} | {N(r.Value.Numerator)} / {N(r.Value.Denominator)} | {r.Value.Currency} | {r.Value.Amount?.Amount.ToString("G29", System.Globalization.CultureInfo.InvariantCulture)} | {r.Value.SampleSize} | {N(r.Value.Median)} | {r.Value.UnpricedCount} | {r.Value.UndefinedReason}")];
}
