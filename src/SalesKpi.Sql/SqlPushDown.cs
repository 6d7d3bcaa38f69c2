namespace SalesKpi.Sql;

/// <summary>What to do with a KPI that cannot be computed inside the database.</summary>
public enum SqlPushDown
{
    /// <summary>
    /// Compute every KPI that can be computed inside the database there, and the others in memory: only the tables
    /// those KPIs read are fetched, with every check of an import.
    /// </summary>
    WhenPossible,

    /// <summary>
    /// Compute every KPI inside the database, or fail before any query runs with a <see cref="SqlKpiException"/> that
    /// names the first KPI that cannot be and why: for tables too large to fetch.
    /// </summary>
    Required,
}
