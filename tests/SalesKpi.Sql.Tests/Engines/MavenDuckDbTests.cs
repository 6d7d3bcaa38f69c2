using DuckDB.NET.Data;
using NodaTime;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Sql.Tests.Engines;

/// <summary>
/// The public Maven CRM data set, which nobody here shaped, read by DuckDB in place through its CSV mapping written as SQL:
/// every built-in KPI gives what the in-memory engine gives over the mapped import.
/// </summary>
public sealed class MavenDuckDbTests
{
    public static TheoryData<string, string> Queries => new() { { "rep", "quarter" }, { "team", "month" }, { "none", "week" } };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EveryBuiltInKpi_InDuckDbOverTheFiles_EqualsTheMappedImport(string groupBy, string per)
    {
        var root = Root();
        var directory = Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets", "maven-crm"));
        var mapping = CsvMapping.Load(Path.Combine(root, "docs", "examples", "maven-crm", "mapping.json"));
        var data = new CsvImporter(new CsvImportOptions { Mapping = mapping }).ImportDirectory(directory).Data;
        var evaluator = new KpiEvaluator(KpiSettings.Default);
        var query = new KpiQuery(
            new DateInterval(new LocalDate(2017, 1, 1), new LocalDate(2017, 12, 31)),
            [.. Kpis.All],
            groupBy switch { "rep" => KpiGrouping.ByRep, "team" => KpiGrouping.ByTeam, _ => KpiGrouping.None },
            per switch { "week" => PeriodUnit.Week, "month" => PeriodUnit.Month, _ => PeriodUnit.Quarter });
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        var source = new SqlKpiSource(connection, SqlDialect.DuckDb, DuckDbMappedFiles.Mapping(directory, mapping, DateTimeZone.Utc));

        var expected = evaluator.Evaluate(data, query);
        var actual = await evaluator.EvaluateAsync(source, query);
        var plan = await evaluator.ExplainAsync(source, query);

        Assert.Contains(KpiIds.CloseRate, plan.PushedDown);
        Assert.Contains(KpiIds.SalesCycleLength, plan.PushedDown);
        Assert.True(expected.Rows.Length > 100, $"Only {expected.Rows.Length} rows: the check would prove little.");
        Assert.Equal(DuckDbSampleTests.Lines(expected), DuckDbSampleTests.Lines(actual));
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesKpi.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SalesKpi.sln not found above " + AppContext.BaseDirectory);
    }
}
