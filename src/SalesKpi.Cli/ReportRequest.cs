using System.Collections.Immutable;
using NodaTime;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>The output formats of the commands (<c>report</c> has table, json and csv).</summary>
internal enum OutputFormat
{
    /// <summary>Tables for a person (the default).</summary>
    Table,

    /// <summary>One JSON document (docs/cli.md).</summary>
    Json,

    /// <summary>One row per group, period and KPI.</summary>
    Csv,

    /// <summary>Markdown: headings and pipe tables.</summary>
    Markdown,

    /// <summary>A self-contained HTML page, with charts.</summary>
    Html,
}

/// <summary>A checked <c>saleskpi report</c> command line.</summary>
/// <param name="Data">The data options: where the data is, the dates, the zone, what a bad row does.</param>
/// <param name="By">The <c>--by</c> value: rep, team, source or none.</param>
/// <param name="Per">The periods.</param>
/// <param name="Format">The output format.</param>
/// <param name="Kpis">The KPIs, in the order asked (every built-in one by default).</param>
internal sealed record ReportRequest(
    DataRequest Data,
    string By,
    PeriodUnit Per,
    OutputFormat Format,
    ImmutableArray<KpiCalculator> Kpis)
{
    /// <summary>Gets where the KPIs are computed: <c>memory</c>, or the database engine <c>duckdb</c>, <c>sqlite</c> or <c>postgres</c>.</summary>
    public string Engine { get; init; } = "memory";

    /// <summary>Gets how tables lay the values out (<c>--layout</c>).</summary>
    public SalesKpi.Rendering.ReportLayout Layout { get; init; }

    /// <summary>Gets the width text tables are fitted to (<c>--width</c>), or null for the terminal's.</summary>
    public int? Width { get; init; }

    /// <summary>Gets the file the report is written to (<c>--output</c>), or null for standard output.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Gets a value indicating whether the format is one a person reads, whose tables need the whole report.</summary>
    public bool IsDocument => Format is OutputFormat.Table or OutputFormat.Markdown or OutputFormat.Html;

    /// <summary>Gets the day at whose end the records are taken as they stood (<c>--as-of</c>), or null for as they are.</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>Gets the month fiscal quarters and years start in (<c>--fiscal-start</c>), 1 to 12.</summary>
    public int FiscalYearStartMonth { get; init; } = 1;

    /// <summary>Gets the <c>--data</c> directory, or null for the embedded sample.</summary>
    public string? DataDirectory => Data.DataDirectory;

    /// <summary>Gets the <c>--connection</c> database, or null.</summary>
    public string? Connection => Data.Connection;

    /// <summary>Gets the <c>--mapping</c> file, or null.</summary>
    public string? MappingPath => Data.MappingPath;

    /// <summary>Gets the time zone.</summary>
    public DateTimeZone Zone => Data.Zone;

    /// <summary>Gets what the import does with a bad row.</summary>
    public CsvErrorMode OnError => Data.OnError;

    /// <summary>Gets the grouping of <see cref="By"/>: a built-in one, or once the data is read, a dimension or a hierarchy (<see cref="CommandRun.Grouping"/>).</summary>
    public KpiGrouping Grouping { get; init; } = CommandOptions.GroupingOf(By);

    /// <summary>Gets a value indicating whether every rep or team of the roster is reported, even one with no records: with <c>--by rep</c> or <c>--by team</c> and no <c>--where</c>, which would leave the others empty.</summary>
    public bool IncludeAllKnownGroups => By is "rep" or "team" && Data.Where.IsEmpty;
}
