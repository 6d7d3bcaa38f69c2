using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>The <c>report</c> command: its options, their checks, and the hand-over to <see cref="ReportRunner"/>.</summary>
/// <remarks>Every check of the command line is a parse error, so that all of them exit with <see cref="ExitCodes.BadUsage"/>.</remarks>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string?>("--data")
        {
            Description = "The directory of CSV files (reps.csv, leads.csv, opportunities.csv, stage-changes.csv, deals.csv, activities.csv, spend.csv; each optional), or of Parquet files with the same names (leads.parquet, or a directory leads/ of parts). Without it, the embedded sample data set.",
            HelpName = "DIR",
        };
        data.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } dir && !Directory.Exists(dir))
            {
                r.AddError($"--data: the directory '{dir}' does not exist.");
            }
        });

        var connection = new Option<string?>("--connection")
        {
            Description = "A database to read instead of CSV files: sqlite:PATH, duckdb:PATH, a path ending in .db, .sqlite, .sqlite3 or .duckdb, or sqlite:/duckdb: with a connection string; with --engine postgres, an Npgsql connection string. Its tables are named reps, leads, opportunities, stage_changes, deals, activities, spend; with --mapping (memory engine), any tables or queries.",
            HelpName = "DB",
        };

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

        var mapping = new Option<string?>("--mapping")
        {
            Description = "A JSON column mapping that reads another CRM's export (docs/csv-format.md): files of --data (also inside DuckDB, with --engine duckdb), or tables and queries of --connection (memory engine).",
            HelpName = "FILE",
        };
        mapping.Validators.Add(r =>
        {
            var file = r.GetValueOrDefault<string?>();
            if (file is not null && Directory.Exists(file))
            {
                r.AddError($"--mapping: '{file}' is a directory, not a mapping file.");
            }
            else if (file is not null && !File.Exists(file))
            {
                r.AddError($"--mapping: the file '{file}' does not exist.");
            }
        });

        var from = DateOption("--from", "The first date reported (YYYY-MM-DD). Default: January 1 of the year of the latest event in the data.");
        var to = DateOption("--to", "The last date reported, inclusive (YYYY-MM-DD). Default: December 31 of that year, or one year after --from.");

        var by = new Option<string>("--by")
        {
            Description = "Group by rep, team (through reps.csv), lead source, or none.",
            DefaultValueFactory = _ => "none",
        };
        by.AcceptOnlyFromAmong("rep", "team", "source", "none");

        var per = new Option<string>("--per")
        {
            Description = "Cut the range into weeks (ISO, Monday first), months, quarters, or not at all.",
            DefaultValueFactory = _ => "none",
        };
        per.AcceptOnlyFromAmong("week", "month", "quarter", "none");

        var zone = new Option<string>("--zone")
        {
            Description = "The IANA time zone that decides the date of every event, such as Europe/Istanbul.",
            DefaultValueFactory = _ => "UTC",
            HelpName = "TZ",
        };
        zone.Validators.Add(r =>
        {
            var id = r.GetValueOrDefault<string>();
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is null)
            {
                r.AddError($"--zone: '{id}' is not an IANA time zone{Suggestions.DidYouMean(id, DateTimeZoneProviders.Tzdb.Ids)} (examples: UTC, Europe/Istanbul, America/New_York).");
            }
        });

        var format = new Option<string>("--format")
        {
            Description = "table for a person, json (one document, docs/cli.md) or csv (one row per group, period and KPI).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv");

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

        var onError = new Option<string>("--on-error")
        {
            Description = "fail: stop at the first bad row (file:line:column on stderr). report: import the good rows and list every rejected one.",
            DefaultValueFactory = _ => "fail",
        };
        onError.AcceptOnlyFromAmong("fail", "report");

        var command = new Command("report", "Computes a KPI report from CSV or Parquet exports (--data) or a database (--connection), or from the embedded sample data set; in memory, or inside DuckDB, SQLite or PostgreSQL (--engine).")
        {
            data, connection, engine, mapping, from, to, by, per, zone, format, kpi, onError,
        };
        command.SetAction(parseResult =>
        {
            // Checks across options, made here because a validator cannot read an option that failed to parse.
            if (parseResult.GetValue(from) is { } f && parseResult.GetValue(to) is { } t && t < f)
            {
                return Usage(command, console, $"--to {LocalDatePattern.Iso.Format(t)} is before --from {LocalDatePattern.Iso.Format(f)}.");
            }

            if (parseResult.GetValue(data) is not null && parseResult.GetValue(connection) is not null)
            {
                return Usage(command, console, "--data and --connection both name the data: give one of them.");
            }

            if (parseResult.GetValue(mapping) is not null && parseResult.GetValue(data) is null && parseResult.GetValue(connection) is null)
            {
                return Usage(command, console, "--mapping needs --data or --connection: the export it maps.");
            }

            var engineName = parseResult.GetValue(engine)!;
            if (engineName != "memory" && EngineUsage(engineName, parseResult.GetValue(data), parseResult.GetValue(connection), parseResult.GetValue(mapping), parseResult.GetValue(onError)) is { } engineError)
            {
                return Usage(command, console, engineError);
            }

            var ids = SplitIds(parseResult.GetValue(kpi));
            var request = new ReportRequest(
                parseResult.GetValue(data),
                parseResult.GetValue(connection),
                parseResult.GetValue(mapping),
                parseResult.GetValue(from),
                parseResult.GetValue(to),
                parseResult.GetValue(by)!,
                parseResult.GetValue(per) switch
                {
                    "week" => PeriodUnit.Week,
                    "month" => PeriodUnit.Month,
                    "quarter" => PeriodUnit.Quarter,
                    _ => PeriodUnit.None,
                },
                DateTimeZoneProviders.Tzdb[parseResult.GetValue(zone)!],
                parseResult.GetValue(format) switch
                {
                    "json" => OutputFormat.Json,
                    "csv" => OutputFormat.Csv,
                    _ => OutputFormat.Table,
                },
                ids.Count == 0 ? Kpis.All : [.. ids.Distinct(StringComparer.Ordinal).Select(id => Kpis.TryGet(id, out var k) ? k : throw new InvalidOperationException(id))],
                parseResult.GetValue(onError) == "report" ? CsvErrorMode.Report : CsvErrorMode.Fail)
            {
                Engine = engineName,
            };
            return new ReportRunner(console).Run(request);
        });

        return command;
    }

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

    private static int Usage(Command command, CliConsole console, string message)
    {
        console.Error.WriteLine($"saleskpi: bad usage: {message}");
        CliApp.WriteHelpHint(command, console.Error);
        return ExitCodes.BadUsage;
    }

    private static Option<LocalDate?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DATE",
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty;
            var result = LocalDatePattern.Iso.Parse(text);
            if (result.Success && ReportRange.IsSupported(result.Value))
            {
                return result.Value;
            }

            if (result.Success)
            {
                r.AddError($"{name}: {text} is outside the dates a report can cover, {ReportRange.Supported}.");
                return null;
            }

            r.AddError($"{name}: '{text}' is not a date; write YYYY-MM-DD, such as 2025-01-31.");
            return null;
        },
    };

    private static List<string> SplitIds(string[]? values) =>
        values is null
            ? []
            : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
