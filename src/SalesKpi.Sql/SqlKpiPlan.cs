using System.Collections.Immutable;
using System.Globalization;

namespace SalesKpi.Sql;

/// <summary>
/// What an evaluation over a <see cref="SqlKpiSource"/> does: the statements the database runs, the KPIs computed there,
/// and the KPIs computed in memory with the reason for each — from <see cref="SqlKpiEvaluatorExtensions.ExplainAsync"/>.
/// </summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class SqlKpiPlan
{
    internal SqlKpiPlan(ImmutableArray<SqlKpiStatement> statements, ImmutableArray<string> pushedDown, ImmutableArray<KeyValuePair<string, string>> inMemory, ImmutableArray<string> fetched)
    {
        Statements = statements;
        PushedDown = pushedDown;
        InMemory = inMemory;
        FetchedTables = fetched;
    }

    /// <summary>Gets the aggregate statements, one per table and timestamp column.</summary>
    public ImmutableArray<SqlKpiStatement> Statements { get; }

    /// <summary>Gets the ids of the KPIs (those that read records; a KPI made of others follows its parts, a filtered KPI is under its own id) computed in the database.</summary>
    public ImmutableArray<string> PushedDown { get; }

    /// <summary>Gets the ids of the KPIs computed in memory, each with why it cannot be computed in the database.</summary>
    public ImmutableArray<KeyValuePair<string, string>> InMemory { get; }

    /// <summary>Gets the layout tables read into memory: the roster, and the tables of the KPIs computed in memory.</summary>
    public ImmutableArray<string> FetchedTables { get; }

    /// <summary>Returns the statements and the KPIs, for a log.</summary>
    /// <returns>The plan as text.</returns>
    public override string ToString()
    {
        var lines = new List<string>();
        foreach (var statement in Statements)
        {
            lines.Add($"-- {statement.Table}");
            lines.Add(statement.Sql + ";");
            foreach (var (name, value) in statement.Parameters)
            {
                lines.Add(value is long units
                    ? string.Create(CultureInfo.InvariantCulture, $"--   {name} = {units} ({statement.InstantOf(units)})")
                    : string.Create(CultureInfo.InvariantCulture, $"--   {name} = {value}"));
            }
        }

        lines.Add("-- computed in the database: " + (PushedDown.IsEmpty ? "none" : string.Join(", ", PushedDown)));
        foreach (var (kpi, reason) in InMemory)
        {
            lines.Add($"-- computed in memory: {kpi}: {reason}");
        }

        return string.Join('\n', lines);
    }
}

/// <summary>One statement of a <see cref="SqlKpiPlan"/>: its SQL text and its parameters (instants as whole epoch units).</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class SqlKpiStatement
{
    private readonly long _unitsPerSecond;

    internal SqlKpiStatement(string table, string sql, ImmutableArray<KeyValuePair<string, object>> parameters, long unitsPerSecond)
    {
        Table = table;
        Sql = sql;
        Parameters = parameters;
        _unitsPerSecond = unitsPerSecond;
    }

    /// <summary>Gets the layout table the statement reads, such as <c>opportunities</c>.</summary>
    public string Table { get; }

    /// <summary>Gets the SQL text.</summary>
    public string Sql { get; }

    /// <summary>Gets the parameters by name (<c>p0</c>, …): period boundaries and zone transitions as whole epoch units
    /// (<see cref="long"/>), or as instants (<see cref="NodaTime.Instant"/>) where the dialect compares the timestamp
    /// column itself (<see cref="SqlDialect.ComparableInstant"/>).</summary>
    public ImmutableArray<KeyValuePair<string, object>> Parameters { get; }

    /// <summary>Returns the SQL text.</summary>
    /// <returns>The SQL.</returns>
    public override string ToString() => Sql;

    /// <summary>Returns the instant a parameter's value stands for, in ISO-8601.</summary>
    internal string InstantOf(long value) =>
        NodaTime.Text.InstantPattern.General.Format(NodaTime.Instant.FromUnixTimeTicks(value / _unitsPerSecond * NodaTime.NodaConstants.TicksPerSecond));
}
