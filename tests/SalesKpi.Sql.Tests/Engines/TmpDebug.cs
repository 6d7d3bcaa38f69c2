using DuckDB.NET.Data;
using NodaTime;
using SalesKpi.Reporting;

namespace SalesKpi.Sql.Tests.Engines;

public sealed class TmpDebug
{
    [Fact]
    public async Task Dump()
    {
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        await using (var c = connection.CreateCommand()) { c.CommandText = "CREATE TABLE opportunities AS SELECT * FROM read_csv('" + Path.Combine(AppContext.BaseDirectory, "Sample", "opportunities.csv") + "', header = true, all_varchar = true); ALTER TABLE opportunities ALTER created_at TYPE TIMESTAMPTZ; ALTER TABLE opportunities ALTER closed_at TYPE TIMESTAMPTZ; ALTER TABLE opportunities ALTER amount TYPE DECIMAL(38,10);"; await c.ExecuteNonQueryAsync(); }
        var evaluator = new KpiEvaluator(KpiSettings.Default);
        var query = new KpiQuery(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31)), [Kpis.SalesCycleLength, Kpis.CloseRate], KpiGrouping.ByRep, PeriodUnit.Month);
        var plan = await evaluator.ExplainAsync(new SqlKpiSource(connection, SqlDialect.DuckDb), query);
        var text = plan.ToString() + "\n" + string.Join("\n", plan.Statements.SelectMany(s => s.Parameters.Select(p => p.Key + "=" + p.Value)));
        await using (var c = connection.CreateCommand()) { c.CommandText = plan.Statements[^1].Sql; foreach (var p in plan.Statements[^1].Parameters) SqlDialect.DuckDb.AddParameter(c, p.Key, p.Value); await using var r = await c.ExecuteReaderAsync(); var n = 0; while (await r.ReadAsync() && n++ < 5) { text += "\n" + string.Join(" | ", Enumerable.Range(0, r.FieldCount).Select(i => r.GetValue(i) + ":" + r.GetFieldType(i).Name)); } }
        File.WriteAllText("/tmp/plan.txt", text);
    }
}
