using System.Collections.Immutable;
using System.Data;
using System.Data.Common;
using SalesKpi.Csv;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Sql;

/// <summary>
/// Evaluates KPIs over records that stay in a database: the measures of the query (counts, sums per currency, samples of
/// cycle days) are computed there as partial aggregates by group and period, and finished in .NET by the same
/// accumulators as the in-memory engine, so the report is the one <see cref="KpiEvaluator.Evaluate(SalesData, KpiQuery)"/>
/// gives over the same records.
/// </summary>
/// <remarks>
/// <para>A KPI the SQL cannot express — one with its own accumulator over whole records, a predicate of its own, a
/// grouping that follows links between records — is computed in memory over only the tables it reads (read with every
/// check of an import), or refused before any query runs when the source says <see cref="SqlPushDown.Required"/>.</para>
/// <para>Periods and local dates are computed here and passed to the database as numbers: no time-zone function of the
/// database is used, so a report is the same on every engine and across daylight-saving changes.</para>
/// </remarks>
public static class SqlKpiEvaluatorExtensions
{
    /// <summary>Evaluates a query over a database.</summary>
    /// <param name="evaluator">The evaluator: its settings, clock and services.</param>
    /// <param name="source">The database.</param>
    /// <param name="query">The KPIs, range, grouping and periods.</param>
    /// <param name="cancellationToken">Cancels the queries, the import of what is computed in memory, and the finishing of the report.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="SqlKpiException">A KPI cannot be computed in the database under <see cref="SqlPushDown.Required"/>,
    /// a table lacks a required column, or the database holds a value SalesKpi cannot read.</exception>
    /// <exception cref="CsvImportException">A table read into memory has a bad row (see <see cref="SqlKpiSource.ImportOptions"/>).</exception>
    /// <exception cref="DbException">The database refused a query (the provider's message).</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the settings.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<KpiReport> EvaluateAsync(this KpiEvaluator evaluator, SqlKpiSource source, KpiQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(query);
        return EvaluateCoreAsync(evaluator, source, query, cancellationToken);
    }

    /// <summary>Accumulates a query over a database without finishing it, so that it can be merged with the accumulation of another part of the data.</summary>
    /// <param name="evaluator">The evaluator: its settings, clock and services.</param>
    /// <param name="source">The database.</param>
    /// <param name="query">The KPIs, range, grouping and periods.</param>
    /// <param name="cancellationToken">Cancels the queries and the import of what is computed in memory.</param>
    /// <returns>The accumulation.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="SqlKpiException">A KPI cannot be computed in the database under <see cref="SqlPushDown.Required"/>,
    /// a table lacks a required column, or the database holds a value SalesKpi cannot read.</exception>
    /// <exception cref="CsvImportException">A table read into memory has a bad row.</exception>
    /// <exception cref="DbException">The database refused a query.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<KpiAccumulation> AccumulateAsync(this KpiEvaluator evaluator, SqlKpiSource source, KpiQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(query);
        return AccumulateCoreAsync(evaluator, source, query, cancellationToken);
    }

    /// <summary>Returns what an evaluation would do — the SQL it runs and where each KPI is computed — without running the aggregates.</summary>
    /// <param name="evaluator">The evaluator: its settings decide the periods and the zone.</param>
    /// <param name="source">The database; asked only which tables and columns it has.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the questions about the tables.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="SqlKpiException">A KPI cannot be computed in the database under <see cref="SqlPushDown.Required"/>, or a table lacks a required column.</exception>
    /// <exception cref="DbException">The database refused a question about its tables.</exception>
    public static Task<SqlKpiPlan> ExplainAsync(this KpiEvaluator evaluator, SqlKpiSource source, KpiQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(query);
        return ExplainCoreAsync(evaluator, source, query, cancellationToken);
    }

    private static async Task<KpiReport> EvaluateCoreAsync(KpiEvaluator evaluator, SqlKpiSource source, KpiQuery query, CancellationToken cancellationToken) =>
        (await AccumulateCoreAsync(evaluator, source, query, cancellationToken).ConfigureAwait(false)).ToReport(cancellationToken);

    private static async Task<KpiAccumulation> AccumulateCoreAsync(KpiEvaluator evaluator, SqlKpiSource source, KpiQuery query, CancellationToken cancellationToken)
    {
        var planned = Plan(evaluator, source, query);
        var opened = await OpenAsync(source.Connection, cancellationToken).ConfigureAwait(false);
        try
        {
            var tables = await planned.FindTablesAsync(source, cancellationToken).ConfigureAwait(false);
            var results = new List<SqlRowSet>();
            foreach (var statement in await planned.StatementsAsync(source, tables, cancellationToken).ConfigureAwait(false))
            {
                results.Add(await SqlExecutor.ReadAsync(statement, tables[statement.Unit.Table]!, source, cancellationToken).ConfigureAwait(false));
            }

            var fetched = new SqlImportSource(source, planned.Fetched.Where(t => tables[t] is not null).ToDictionary(t => t, t => tables[t]!));
            var data = (await new DataReaderImporter(source.ImportOptions).ImportAsync(fetched, cancellationToken).ConfigureAwait(false)).Data;
            return evaluator.Accumulate(data, planned.Compiled, context => new SqlExecutor(planned.Compiled, context, results, planned.Pushed, planned.Mode), cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await source.Connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<SqlKpiPlan> ExplainCoreAsync(KpiEvaluator evaluator, SqlKpiSource source, KpiQuery query, CancellationToken cancellationToken)
    {
        var planned = Plan(evaluator, source, query);
        var opened = await OpenAsync(source.Connection, cancellationToken).ConfigureAwait(false);
        try
        {
            var tables = await planned.FindTablesAsync(source, cancellationToken).ConfigureAwait(false);
            return new SqlKpiPlan(
                [.. (await planned.StatementsAsync(source, tables, cancellationToken).ConfigureAwait(false)).Select(s => new SqlKpiStatement(s.Unit.Table, s.Text, [.. s.Parameters], source.Dialect.EpochUnitsPerSecond))],
                [.. planned.Compiled.Leaves.Where(l => planned.Pushed[l.Index]).Select(l => planned.Names[l.Index])],
                [.. planned.Reasons],
                [.. planned.Fetched.Where(t => tables[t] is not null)]);
        }
        finally
        {
            if (opened)
            {
                await source.Connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    private static PlannedQuery Plan(KpiEvaluator evaluator, SqlKpiSource source, KpiQuery query)
    {
        var compiled = CompiledQuery.Compile(query, evaluator.Settings);
        var names = LeafNames(compiled);
        var mode = FastPlan.ModeOf(query.GroupBy);
        var pushed = new bool[compiled.Leaves.Length];
        var reasons = new List<KeyValuePair<string, string>>();
        var inMemory = new List<CompiledQuery.LeafNode>();
        foreach (var leaf in compiled.Leaves)
        {
            if (leaf.UnsupportedReason is not null)
            {
                continue; // Undefined whatever the records (spend by rep): neither the database nor memory reads anything for it.
            }

            if (SqlPlanner.WhyNot(leaf, mode, query.GroupBy) is { } reason)
            {
                if (source.PushDown == SqlPushDown.Required)
                {
                    throw new SqlKpiException($"KPI '{names[leaf.Index]}' cannot be computed in the database ({source.Dialect.Name}): {reason}. Evaluate it in memory (SqlPushDown.WhenPossible) or leave it out of the query.")
                    {
                        KpiId = names[leaf.Index],
                    };
                }

                reasons.Add(new(names[leaf.Index], reason));
                inMemory.Add(leaf);
            }
            else
            {
                pushed[leaf.Index] = true;
            }
        }

        // A time-window KPI's windows are queries of their own, evaluated in memory: what their KPIs read is fetched.
        foreach (var window in compiled.Windows)
        {
            var reason = "time windows (rolling, to-date, cumulative, last year) are evaluated in memory";
            if (source.PushDown == SqlPushDown.Required)
            {
                throw new SqlKpiException($"KPI '{window.Calculator.Id}' cannot be computed in the database ({source.Dialect.Name}): {reason}. Evaluate it in memory (SqlPushDown.WhenPossible) or leave it out of the query.")
                {
                    KpiId = window.Calculator.Id,
                };
            }

            reasons.Add(new(window.Calculator.Id, reason));
            inMemory.AddRange(window.Batches.SelectMany(b => b.AllLeaves()).Where(l => l.UnsupportedReason is null));
        }

        var units = SqlPlanner.Units(compiled, l => pushed[l.Index]);
        return new PlannedQuery(compiled, names, mode, pushed, units, [.. reasons], Fetched(inMemory, mode));
    }

    /// <summary>
    /// Names each leaf by the KPI of the query it answers: a filtered KPI by its own id (<c>renewal-revenue</c>, not the
    /// <c>revenue</c> it filters, which may be in the query too), any other leaf by its aggregate's id.
    /// </summary>
    private static string[] LeafNames(CompiledQuery compiled)
    {
        var names = new string?[compiled.Leaves.Length];
        void Visit(CompiledQuery.Node node, KpiCalculator kpi, string? filtered)
        {
            switch (kpi)
            {
                case FilteredKpiCalculator filter:
                    // The outermost filter is the query's KPI; CompiledQuery flattens filters into the leaves below.
                    Visit(node, filter.Inner, filtered ?? filter.Id);
                    break;
                case DerivedKpiCalculator derived when node is CompiledQuery.DerivedNode parts:
                    for (var i = 0; i < parts.Children.Length; i++)
                    {
                        Visit(parts.Children[i], derived.Components[i], filtered);
                    }

                    break;
                default:
                    if (node is CompiledQuery.LeafNode leaf)
                    {
                        names[leaf.Index] ??= filtered ?? leaf.Aggregate.Id;
                    }

                    break;
            }
        }

        for (var i = 0; i < compiled.Roots.Length; i++)
        {
            Visit(compiled.Roots[i], compiled.Query.Kpis[i], null);
        }

        return [.. names.Select((name, i) => name ?? compiled.Leaves[i].Aggregate.Id)];
    }

    /// <summary>The layout tables read into memory: the roster always, and what the in-memory KPIs read, with the stage and field histories of opportunities and the links to a lead's source.</summary>
    private static List<string> Fetched(List<CompiledQuery.LeafNode> inMemory, FastPlan.GroupMode mode)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal) { "reps" };
        foreach (var leaf in inMemory)
        {
            foreach (var input in leaf.Measure?.Inputs ?? leaf.Aggregate.Inputs ?? [])
            {
                switch (input.RecordType)
                {
                    case KpiRecordType.Leads: tables.Add("leads"); break;
                    case KpiRecordType.Opportunities: tables.Add("opportunities"); tables.Add("stage_changes"); tables.Add("opportunity_history"); break;
                    case KpiRecordType.Deals: tables.Add("deals"); break;
                    case KpiRecordType.Activities: tables.Add("activities"); break;
                    default: tables.Add("spend"); break;
                }
            }

            if (leaf.Filter is not null || mode is FastPlan.GroupMode.Source or FastPlan.GroupMode.Unsupported)
            {
                tables.Add("leads");
                tables.Add("opportunities");
                tables.Add("stage_changes");
                tables.Add("opportunity_history");
            }
        }

        return [.. SqlTableMapping.TableNames.Where(tables.Contains)];
    }

    private static async Task<bool> OpenAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection.State != ConnectionState.Closed)
        {
            return false;
        }

        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private sealed record PlannedQuery(CompiledQuery Compiled, string[] Names, FastPlan.GroupMode Mode, bool[] Pushed, List<SqlUnit> Units, ImmutableArray<KeyValuePair<string, string>> Reasons, List<string> Fetched)
    {
        public async Task<Dictionary<string, SqlTableColumns?>> FindTablesAsync(SqlKpiSource source, CancellationToken cancellationToken)
        {
            var tables = new Dictionary<string, SqlTableColumns?>(StringComparer.Ordinal);
            foreach (var table in Units.Select(u => u.Table).Concat(Fetched))
            {
                if (!tables.ContainsKey(table))
                {
                    tables.Add(table, await SqlTableColumns.FindAsync(source, table, cancellationToken).ConfigureAwait(false));
                }
            }

            return tables;
        }

        /// <summary>Returns the statements of the units whose table the database has; a missing table has no records, as a missing file.</summary>
        public async Task<List<SqlUnitStatement>> StatementsAsync(SqlKpiSource source, Dictionary<string, SqlTableColumns?> tables, CancellationToken cancellationToken)
        {
            var statements = new List<SqlUnitStatement>();
            foreach (var unit in Units)
            {
                if (tables[unit.Table] is { } columns)
                {
                    var oldest = await SqlPlanner.OldestCreatedAsync(unit, columns, source, Compiled, cancellationToken).ConfigureAwait(false);
                    statements.Add(SqlPlanner.Write(unit, columns, source.Dialect, Compiled, Mode, oldest));
                }
            }

            return statements;
        }
    }
}
