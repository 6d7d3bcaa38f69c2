using System.CommandLine;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>The <c>report</c> command: its options, their checks, and the hand-over to <see cref="ReportRunner"/>.</summary>
/// <remarks>Every check of the command line is a parse error, so that all of them exit with <see cref="ExitCodes.BadUsage"/>.</remarks>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var dataOptions = new DataOptions();
        var (data, connection, mapping) = (dataOptions.Data, dataOptions.Connection, dataOptions.Mapping);

        var engine = new Option<string>("--engine")
        {
            Description = "Where the KPIs are computed: memory (the records read into the tool), or inside a database: duckdb (--data files read in place, a .duckdb file, or the embedded sample), sqlite (a .db file) or postgres (a connection string).",
            DefaultValueFactory = _ => "memory",
            HelpName = "ENGINE",
        };
        engine.Validators.Add(r =>
        {
            var name = r.GetValueOrDefault<string>();
            if (!Engines.Contains(name))
            {
                r.AddError($"--engine: unknown engine '{name}'{Suggestions.DidYouMean(name, Engines)} (the engines are {string.Join(", ", Engines)}).");
            }
        });

        var (from, to) = (dataOptions.From, dataOptions.To);

        var by = ChoiceOption.CreateOpen("--by", "Group by rep, team (through reps.csv), lead source, lost reason or forecast category (opportunities only), none, or a dimension of the data (a column of its own, such as office or product: docs/csv-format.md#dimensions-every-other-column); two as a hierarchy with a slash, such as office/rep.", "none", Groupings, "GROUPING");

        var periodOptions = new PeriodOptions();
        var (per, fiscalStart) = (periodOptions.Per, periodOptions.FiscalStart);

        var zone = dataOptions.Zone;

        var format = ChoiceOption.Create("--format", "table for a person, json (one document, docs/cli.md), csv (one row per group, period and KPI), markdown, or html (a page with charts; needs --output).", "format", "table", CommandOptions.Formats, FormatHints);

        var layout = ChoiceOption.Create("--layout", "How table, markdown and html lay the values out: wide (with --by and --per, one table per KPI with groups as rows and periods as columns) or long (one row per group, period and KPI).", "layout", "wide", ["wide", "long"]);

        var width = new Option<int?>("--width")
        {
            Description = "The width text tables are fitted to, in columns (a wider table is split). Default: the terminal's, else $COLUMNS, else 120.",
            HelpName = "N",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty;
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= MinWidth and <= MaxWidth)
                {
                    return n;
                }

                r.AddError($"--width: {ChoiceOption.Quote(text)} is not a width; write a number of columns from {MinWidth} to {MaxWidth}, such as 100.");
                return null;
            },
        };

        var output = new Option<string?>("--output")
        {
            Description = "Write the report to this file instead of standard output (required for --format html).",
            HelpName = "FILE",
        };
        output.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } file && Directory.Exists(file))
            {
                r.AddError($"--output: '{file}' is a directory; name a file, such as report.html.");
            }
        });

        var kpi = new Option<string[]>("--kpi")
        {
            Description = "A KPI id, such as close-rate; repeat the option (or separate ids with commas) for several. Default: every built-in KPI ('saleskpi kpis' lists them).",
            HelpName = "ID",
        };
        kpi.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && SplitIds(r.GetValueOrDefault<string[]>()).Count == 0)
            {
                r.AddError("--kpi: no KPI id given ('saleskpi kpis' lists every KPI; leave --kpi out for all of them).");
            }

            foreach (var id in SplitIds(r.GetValueOrDefault<string[]>()))
            {
                if (!Kpis.TryGet(id, out _))
                {
                    r.AddError($"--kpi: unknown KPI '{id}'{Suggestions.DidYouMean(id, Kpis.All.Select(k => k.Id))} ('saleskpi kpis' lists every KPI).");
                }
            }
        });

        var onError = dataOptions.OnError;
        var funnel = new FunnelOptions();

        var command = new Command("report", "Computes a KPI report from CSV or Parquet exports (--data) or a database (--connection), or from the embedded sample data set; in memory, or inside DuckDB, SQLite or PostgreSQL (--engine).")
        {
            data, connection, engine, mapping, dataOptions.Delimiter, from, to, by, dataOptions.Where, per, fiscalStart,
            periodOptions.Rolling, periodOptions.ToDate, periodOptions.Cumulative, periodOptions.Versus,
            funnel.Mode, funnel.Within, zone, format, layout, width, output, kpi, onError,
        };
        command.SetAction(parseResult =>
        {
            if ((dataOptions.Conflict(parseResult) ?? periodOptions.Conflict(parseResult)) is { } conflict)
            {
                return Usage(command, console, conflict);
            }

            var engineName = parseResult.GetValue(engine)!;
            if (engineName != "memory" && EngineUsage(engineName, parseResult.GetValue(data), parseResult.GetValue(connection), parseResult.GetValue(mapping), parseResult.GetValue(onError)) is { } engineError)
            {
                return Usage(command, console, engineError);
            }

            if (engineName != "memory" && parseResult.GetValue(dataOptions.Delimiter) is var delimiter && delimiter != ",")
            {
                return Usage(command, console, $"--delimiter '{delimiter}' needs --engine memory (the default): a database engine reads the files with commas.");
            }

            var formatName = parseResult.GetValue(format)!;
            if (formatName == "html" && parseResult.GetValue(output) is null)
            {
                return Usage(command, console, "--format html writes a page with charts to a file: give --output FILE, such as --output report.html.");
            }

            if (formatName is "json" or "csv" && parseResult.GetResult(layout) is { Implicit: false })
            {
                return Usage(command, console, $"--layout arranges the tables of table, markdown and html; --format {formatName} has one layout (leave --layout out).");
            }

            var ids = SplitIds(parseResult.GetValue(kpi));
            KpiCalculator[] asked = ids.Count == 0 ? [.. Kpis.All] : [.. ids.Distinct(StringComparer.Ordinal).Select(id => Kpis.TryGet(id, out var k) ? k : throw new InvalidOperationException(id))];
            if (funnel.Conflict(parseResult, asked) is { } funnelConflict)
            {
                return Usage(command, console, funnelConflict);
            }

            var request = new ReportRequest(
                dataOptions.Read(parseResult),
                parseResult.GetValue(by)!,
                periodOptions.Unit(parseResult),
                formatName switch
                {
                    "json" => OutputFormat.Json,
                    "csv" => OutputFormat.Csv,
                    "markdown" => OutputFormat.Markdown,
                    "html" => OutputFormat.Html,
                    _ => OutputFormat.Table,
                },
                periodOptions.ApplyWindows(parseResult, funnel.Apply(parseResult, asked)))
            {
                Engine = engineName,
                FiscalYearStartMonth = periodOptions.FiscalStartMonth(parseResult),
                Layout = parseResult.GetValue(layout) == "long" ? Rendering.ReportLayout.Long : Rendering.ReportLayout.Wide,
                Width = parseResult.GetValue(width),
                OutputPath = parseResult.GetValue(output),
            };
            return new ReportRunner(console).Run(request);
        });

        return command;
    }

    /// <summary>The narrowest <c>--width</c>.</summary>
    internal const int MinWidth = 40;

    /// <summary>The widest <c>--width</c>.</summary>
    internal const int MaxWidth = 10_000;

    /// <summary>Gets the groupings of <c>--by</c>.</summary>
    internal static string[] Groupings { get; } = ["rep", "team", "source", "lost-reason", "forecast-category", "none"];

    /// <summary>Gets what a person may write for <c>--by</c> that is no typo of a grouping, with what it means.</summary>
    internal static Dictionary<string, string> GroupingHints { get; } = new(StringComparer.Ordinal)
    {
        ["manager"] = "team", ["agent"] = "rep", ["owner"] = "rep", ["seller"] = "rep", ["salesperson"] = "rep", ["user"] = "rep",
        ["channel"] = "source", ["lead-source"] = "source", ["week"] = "--per week", ["month"] = "--per month", ["quarter"] = "--per quarter",
    };

    /// <summary>Gets what a person may write for <c>--format</c> that is no typo of a format, with what it means.</summary>
    internal static Dictionary<string, string> FormatHints { get; } = new(StringComparer.Ordinal)
    {
        ["text"] = "table", ["txt"] = "table", ["md"] = "markdown", ["htm"] = "html", ["tsv"] = "csv",
    };

    /// <summary>Gets the names of the engines of <c>--engine</c>.</summary>
    internal static string[] Engines { get; } = ["memory", "duckdb", "sqlite", "postgres"];

    /// <summary>Returns why options do not go with a database engine, or null.</summary>
    private static string? EngineUsage(string engine, string? data, string? connection, string? mapping, string? onError)
    {
        if (mapping is not null && (engine != "duckdb" || data is null))
        {
            return $"--mapping with --engine {engine}: a database engine reads a mapping of --data files with --engine duckdb only; a mapping of database tables is read by --engine memory (the default). Inside the database, give the tables the SalesKpi layout with views (CREATE VIEW leads AS SELECT …) instead.";
        }

        if (onError == "report")
        {
            return $"--on-error report needs --engine memory (the default): inside the database a bad value fails the report, it cannot be left out.";
        }

        if (engine != "duckdb" && data is not null)
        {
            return $"--engine {engine} reads a database, not --data: give --connection, or read the files in place with --engine duckdb.";
        }

        if (engine != "duckdb" && connection is null)
        {
            return engine == "sqlite"
                ? "--engine sqlite needs --connection: a SQLite database file (crm.db) or connection string."
                : "--engine postgres needs --connection: an Npgsql connection string, such as \"Host=localhost;Database=crm;Username=report\".";
        }

        return null;
    }

    private static int Usage(Command command, CliConsole console, string message) => DataOptions.Usage(command, console, message);

    /// <summary>Returns the KPI ids of repeated or comma-separated <c>--kpi</c> values.</summary>
    internal static List<string> SplitIds(string[]? values) =>
        values is null
            ? []
            : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
