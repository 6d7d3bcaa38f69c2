using System.Collections.Immutable;
using NodaTime;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>The output formats of <c>saleskpi report</c>.</summary>
internal enum OutputFormat
{
    /// <summary>Tables for a person (the default).</summary>
    Table,

    /// <summary>One JSON document (docs/cli.md).</summary>
    Json,

    /// <summary>One row per group, period and KPI.</summary>
    Csv,
}

/// <summary>A checked <c>saleskpi report</c> command line.</summary>
/// <param name="DataDirectory">The <c>--data</c> directory, or null for the embedded sample.</param>
/// <param name="Connection">The <c>--connection</c> database, or null.</param>
/// <param name="MappingPath">The <c>--mapping</c> file, or null.</param>
/// <param name="From">The first date reported, or null for the default range.</param>
/// <param name="To">The last date reported, or null for the default range.</param>
/// <param name="By">The <c>--by</c> value: rep, team, source or none.</param>
/// <param name="Per">The periods.</param>
/// <param name="Zone">The time zone.</param>
/// <param name="Format">The output format.</param>
/// <param name="Kpis">The KPIs, in the order asked (every built-in one by default).</param>
/// <param name="OnError">What the import does with a bad row.</param>
internal sealed record ReportRequest(
    string? DataDirectory,
    string? Connection,
    string? MappingPath,
    LocalDate? From,
    LocalDate? To,
    string By,
    PeriodUnit Per,
    DateTimeZone Zone,
    OutputFormat Format,
    ImmutableArray<KpiCalculator> Kpis,
    CsvErrorMode OnError)
{
    /// <summary>Gets where the KPIs are computed: <c>memory</c>, or the database engine <c>duckdb</c>, <c>sqlite</c> or <c>postgres</c>.</summary>
    public string Engine { get; init; } = "memory";

    /// <summary>Gets the grouping of <see cref="By"/>.</summary>
    public KpiGrouping Grouping => By switch
    {
        "rep" => KpiGrouping.ByRep,
        "team" => KpiGrouping.ByTeam,
        "source" => KpiGrouping.BySource,
        _ => KpiGrouping.None,
    };
}
