using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;
using SalesKpi.Reporting;
using SalesKpi.Sql.Tests.Infrastructure;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>
/// SQLite's timestamps are ISO-8601 text with <c>Z</c> or an offset (docs/sql.md): the same instants written with the
/// offsets of New York and of Kolkata (<c>-05:00</c>, <c>-04:00</c>, <c>+05:30</c>), alternately, give the in-memory report.
/// </summary>
public sealed class SqliteOffsetConformanceTests
{
    private static readonly (string Table, string Column)[] Instants =
    [
        ("leads", "created_at"), ("leads", "qualified_at"), ("leads", "converted_at"), ("opportunities", "created_at"), ("opportunities", "closed_at"),
        ("stage_changes", "entered_at"), ("deals", "closed_at"), ("activities", "occurred_at"),
    ];

    private static readonly OffsetDateTimePattern Text = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFo<Z+HH:mm>");

    [Fact]
    public async Task EvaluateAsync_InstantsWrittenWithOffsets_EqualsInMemory()
    {
        var set = ConformanceDataSets.Get("generated_spring");
        await using var connection = SqlTestDatabase.OpenSqlite(set.Data);
        Rewrite(connection);

        Assert.Equal("-05:00", Suffix(connection, "SELECT min(created_at) FROM leads WHERE created_at LIKE '%-05:00'"));
        Assert.Equal("-04:00", Suffix(connection, "SELECT min(created_at) FROM leads WHERE created_at LIKE '%-04:00'"));
        Assert.Equal("+05:30", Suffix(connection, "SELECT min(created_at) FROM leads WHERE created_at LIKE '%+05:30'"));
        var source = new SqlKpiSource(connection, SqlDialect.Sqlite);
        foreach (var zone in new[] { ConformanceDataSets.Utc, ConformanceDataSets.NewYork })
        {
            var evaluator = new KpiEvaluator(set.Settings(zone));
            foreach (var query in new[]
            {
                new KpiQuery(set.Range, [.. Kpis.All, .. ConformanceQueries.Custom], KpiGrouping.ByRep, PeriodUnit.Week),
                new KpiQuery(set.Range, [.. Kpis.All, .. ConformanceQueries.Custom], KpiGrouping.BySource, PeriodUnit.Month),
            })
            {
                ReportComparison.AssertSame(evaluator.Evaluate(set.Data, query), await evaluator.EvaluateAsync(source, query), $"SQLite with offsets, in {zone}");
            }
        }
    }

    /// <summary>Writes every instant with the offset of New York (even rows) or Kolkata (odd rows) at that instant.</summary>
    private static void Rewrite(SqliteConnection connection)
    {
        DateTimeZone[] zones = [DateTimeZoneProviders.Tzdb[ConformanceDataSets.NewYork], DateTimeZoneProviders.Tzdb["Asia/Kolkata"]];
        using var transaction = connection.BeginTransaction();
        foreach (var (table, column) in Instants)
        {
            var rows = new List<(long RowId, string Text)>();
            using (var select = new SqliteCommand($"SELECT rowid, \"{column}\" FROM {table} WHERE \"{column}\" IS NOT NULL", connection, transaction))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            using var update = new SqliteCommand($"UPDATE {table} SET \"{column}\" = $text WHERE rowid = $row", connection, transaction);
            var text = update.Parameters.Add("$text", SqliteType.Text);
            var row = update.Parameters.Add("$row", SqliteType.Integer);
            foreach (var (rowId, utc) in rows)
            {
                var instant = InstantPattern.ExtendedIso.Parse(utc).Value;
                text.Value = Text.Format(instant.InZone(zones[rowId % 2]).ToOffsetDateTime());
                row.Value = rowId;
                update.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static string Suffix(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        var value = (string)command.ExecuteScalar()!;
        return value[^6..];
    }
}
