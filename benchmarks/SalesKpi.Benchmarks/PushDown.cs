using System.Data.Common;
using DuckDB.NET.Data;
using SalesKpi.Csv;
using SalesKpi.Reporting;
using SalesKpi.Sql;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The reference report computed inside the database by SalesKpi.Sql, and the way it is computed without it: every row
/// of the layout tables selected and imported (<see cref="DataReaderImporter"/>), then evaluated in memory. Used by
/// <see cref="PushDownPostgresBenchmarks"/> and <see cref="PushDownDuckDbBenchmarks"/>, and checked against the
/// in-memory report by the benchmark tests.
/// </summary>
public static class PushDown
{
    /// <summary>
    /// Gets the mapping of <see cref="DuckDbReport"/>'s tables onto the SalesKpi layout: the owner is <c>rep</c>, a
    /// deal's amount is <c>value</c>, and the amounts, which those tables keep without a currency, are in USD (as
    /// <see cref="ReferenceData"/> generates them). Outcomes are the flags as an integer, which the push-down reads as such.
    /// </summary>
    public static SqlTableMapping DuckDbReportTables { get; } = SqlTableMapping.Default
        .MapColumn("activities", "owner", "rep")
        .MapColumn("leads", "owner", "rep")
        .MapColumn("opportunities", "owner", "rep")
        .MapColumn("opportunities", "currency", "'USD'")
        .MapColumn("deals", "owner", "rep")
        .MapColumn("deals", "amount", "value")
        .MapColumn("deals", "currency", "'USD'");

    /// <summary>
    /// Adds the roster to <see cref="DuckDbReport"/>'s tables as a <c>reps</c> table in the layout (the push-down reads
    /// the roster into memory; without the table it would be empty).
    /// </summary>
    /// <param name="report">The loaded DuckDB tables.</param>
    /// <param name="data">The snapshot they were loaded from.</param>
    public static void AddRoster(DuckDbReport report, SalesData data)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(data);
        using (var create = report.Connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE reps (id VARCHAR NOT NULL, name VARCHAR NOT NULL, team VARCHAR NOT NULL)";
            create.ExecuteNonQuery();
        }

        using var appender = report.Connection.CreateAppender("reps");
        foreach (var rep in data.Roster.Reps)
        {
            appender.CreateRow().AppendValue(rep.Id.Value).AppendValue(rep.Name).AppendValue(rep.Team.Value).EndRow();
        }
    }

    /// <summary>Sets the number of threads of a DuckDB connection.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="threads">The number of threads.</param>
    public static void SetThreads(DuckDBConnection connection, int threads)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = $"SET threads = {threads}";
        command.ExecuteNonQuery();
    }

    /// <summary>The reference report computed inside the database.</summary>
    /// <param name="evaluator">The evaluator (its settings decide the zone).</param>
    /// <param name="source">The database.</param>
    /// <returns>The report.</returns>
    public static Task<KpiReport> EvaluateAsync(KpiEvaluator evaluator, SqlKpiSource source) =>
        evaluator.EvaluateAsync(source, ReferenceReport.Query);

    /// <summary>The reference report without push-down: every row of the layout tables selected and imported, then evaluated in memory.</summary>
    /// <param name="evaluator">The evaluator (its settings decide the zone).</param>
    /// <param name="connection">The database, its tables in the SalesKpi layout.</param>
    /// <returns>The report.</returns>
    public static async Task<KpiReport> SelectThenEvaluateAsync(KpiEvaluator evaluator, DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        var imported = await new DataReaderImporter().ImportAsync(DataReaderSource.FromConnection(connection)).ConfigureAwait(false);
        return evaluator.Evaluate(imported.Data, ReferenceReport.Query);
    }
}
