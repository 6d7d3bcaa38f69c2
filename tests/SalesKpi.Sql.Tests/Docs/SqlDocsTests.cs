using System.Text.RegularExpressions;
using NodaTime;
using SalesKpi.Reporting;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Docs;

/// <summary>
/// docs/sql.md shows what the package does: its C# is test code (checked by the snippet tests of SalesKpi.Tests, which
/// read every test file), and its SQL and parameters are what <see cref="SqlKpiEvaluatorExtensions.ExplainAsync"/>
/// writes for the query of the page, checked here.
/// </summary>
public sealed partial class SqlDocsTests
{
    [Fact]
    public async Task SqlPage_TheGeneratedSql_IsWhatThePlanSays()
    {
        await using var connection = SqlTestDatabase.OpenDuckDb(SqlTestDatabase.Sample);
        var cancellationToken = CancellationToken.None;

        // <snippet:sql-explain>
        var evaluator = new KpiEvaluator(KpiSettings.Default.WithZone("America/New_York"));
        var query = new KpiQuery(
            new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 6, 30)),
            [Kpis.CloseRate, Kpis.Revenue],
            KpiGrouping.ByTeam,
            PeriodUnit.Quarter);
        var source = new SqlKpiSource(connection, SqlDialect.DuckDb);

        SqlKpiPlan plan = await evaluator.ExplainAsync(source, query, cancellationToken);
        Console.WriteLine(plan); // the statements, and which KPIs are computed where
        // </snippet:sql-explain>

        var page = File.ReadAllText(Path.Combine(Root(), "docs", "sql.md")).ReplaceLineEndings("\n");
        var shown = GeneratedBlock().Match(page);
        Assert.True(shown.Success, "docs/sql.md has no block tagged <!-- generated: explain -->.");
        var expected = plan.ToString();
        Assert.True(shown.Groups["sql"].Value == expected, "docs/sql.md: the generated SQL differs from the plan. Replace the block with:\n" + expected);
    }

    [Fact]
    public async Task SqlPage_Evaluate_GivesTheInMemoryReport()
    {
        var cancellationToken = CancellationToken.None;
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 6, 30)), [Kpis.CloseRate, Kpis.Revenue], KpiGrouping.ByTeam, PeriodUnit.Quarter);
        var settings = KpiSettings.Default.WithZone("America/New_York");
        var expected = new KpiEvaluator(settings).Evaluate(SqlTestDatabase.Sample, query);
        await using var connection = SqlTestDatabase.OpenDuckDb(SqlTestDatabase.Sample);

        // <snippet:sql-evaluate>
        var evaluator = new KpiEvaluator(settings);
        var source = new SqlKpiSource(connection, SqlDialect.DuckDb) { PushDown = SqlPushDown.Required };
        KpiReport report = await evaluator.EvaluateAsync(source, query, cancellationToken);
        // </snippet:sql-evaluate>

        Assert.Equal(expected.Rows.Select(r => (r.Group, r.Period.Label, r.KpiId, r.Value.Value)), report.Rows.Select(r => (r.Group, r.Period.Label, r.KpiId, r.Value.Value)));
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

    [GeneratedRegex(@"<!-- generated: explain -->\n```sql\n(?<sql>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex GeneratedBlock();
}
