using System.Collections.Immutable;
using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>A checked choice of data: where it is, how it is mapped and imported, and the dates asked for.</summary>
/// <param name="DataDirectory">The <c>--data</c> directory, or null for the embedded sample.</param>
/// <param name="Connection">The <c>--connection</c> database, or null.</param>
/// <param name="MappingPath">The <c>--mapping</c> file, or null.</param>
/// <param name="From">The first date asked for, or null for the default range.</param>
/// <param name="To">The last date asked for, or null for the default range.</param>
/// <param name="Zone">The time zone.</param>
/// <param name="OnError">What the import does with a bad row.</param>
internal sealed record DataRequest(
    string? DataDirectory,
    string? Connection,
    string? MappingPath,
    LocalDate? From,
    LocalDate? To,
    DateTimeZone Zone,
    CsvErrorMode OnError)
{
    /// <summary>Gets the character between the fields of the CSV files (<c>--delimiter</c>).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Gets the <c>--where</c> filters, each on a dimension; a record is kept when it passes every one.</summary>
    public ImmutableArray<WhereClause> Where { get; init; } = [];
}

/// <summary>One <c>--where NAME=VALUE[,VALUE…]</c>: the records whose dimension has one of the values.</summary>
/// <param name="Name">The dimension.</param>
/// <param name="Values">The values, any of which passes.</param>
internal sealed record WhereClause(string Name, ImmutableArray<string> Values)
{
    /// <summary>Reads a <c>--where</c> value; null, with the message, when it is not NAME=VALUE.</summary>
    /// <param name="text">The value.</param>
    /// <param name="error">Why it cannot be read.</param>
    public static WhereClause? Parse(string text, out string? error)
    {
        error = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? string.Empty : text[..equals].Trim();
        var values = equals < 0 ? [] : text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (name.Length == 0 || values.Length == 0)
        {
            error = $"--where: {ChoiceOption.Quote(text)} is not a filter; write NAME=VALUE, such as --where office=West, or NAME=VALUE,VALUE for any of several values.";
            return null;
        }

        return new WhereClause(name, [.. values]);
    }

    /// <summary>Gets the filter of the library that keeps the same records.</summary>
    public KpiFilter Filter => KpiFilter.Dimension(Name, Values);

    /// <summary>Returns the clause as written, such as <c>office=West</c>.</summary>
    public override string ToString() => $"{Name}={string.Join(',', Values)}";
}

/// <summary>
/// The options every command that reads data shares — <c>--data</c>, <c>--connection</c>, <c>--mapping</c>,
/// <c>--delimiter</c>, <c>--from</c>, <c>--to</c>, <c>--zone</c>, <c>--on-error</c> — their checks, and the checks across them.
/// </summary>
/// <remarks>
/// The descriptions of <c>--from</c> and <c>--to</c> differ between commands (what the default range is), so a command
/// may give its own.
/// </remarks>
internal sealed class DataOptions
{
    /// <summary>The description of <c>--from</c> in <c>report</c>.</summary>
    public const string ReportFromDescription = "The first date reported (YYYY-MM-DD). Default: January 1 of the year of the latest event in the data.";

    /// <summary>The description of <c>--to</c> in <c>report</c>.</summary>
    public const string ReportToDescription = "The last date reported, inclusive (YYYY-MM-DD). Default: December 31 of that year, or one year after --from.";

    /// <summary>Creates the options.</summary>
    /// <param name="fromDescription">The help of <c>--from</c>.</param>
    /// <param name="toDescription">The help of <c>--to</c>.</param>
    /// <param name="range">False for a command with no <c>--from</c> and <c>--to</c> (its dates come from elsewhere).</param>
    public DataOptions(string fromDescription = ReportFromDescription, string toDescription = ReportToDescription, bool range = true)
    {
        HasRange = range;
        Data = new Option<string?>("--data")
        {
            Description = "The directory of CSV files (reps.csv, accounts.csv, leads.csv, opportunities.csv, stage-changes.csv, opportunity-history.csv, deals.csv, activities.csv, spend.csv; each optional), or of Parquet files with the same names (leads.parquet, or a directory leads/ of parts). Without it, the embedded sample data set.",
            HelpName = "DIR",
        };
        Data.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } dir && !Directory.Exists(dir))
            {
                r.AddError($"--data: the directory '{dir}' does not exist.");
            }
        });

        Connection = new Option<string?>("--connection")
        {
            Description = "A database to read instead of CSV files: sqlite:PATH, duckdb:PATH, a path ending in .db, .sqlite, .sqlite3 or .duckdb, or sqlite:/duckdb: with a connection string; with --engine postgres, an Npgsql connection string. Its tables are named reps, leads, opportunities, stage_changes, opportunity_history, deals, activities, spend; with --mapping (memory engine), any tables or queries.",
            HelpName = "DB",
        };

        Mapping = new Option<string?>("--mapping")
        {
            Description = "A JSON column mapping that reads another CRM's export (docs/csv-format.md): files of --data (also inside DuckDB, with --engine duckdb), or tables and queries of --connection (memory engine).",
            HelpName = "FILE",
        };
        Mapping.Validators.Add(r =>
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

        Delimiter = ChoiceOption.Create(
            "--delimiter",
            "The character between the fields of the CSV files: , (the default), ; (Excel's CSV where the comma is the decimal separator), tab, or |.",
            "delimiter",
            ",",
            [.. Delimiters.Keys],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["comma"] = ",", ["semicolon"] = ";", ["\t"] = "tab", ["\\t"] = "tab", ["tsv"] = "tab", ["pipe"] = "|" },
            "CHAR");

        From = DateOption("--from", fromDescription);
        To = DateOption("--to", toDescription);

        Zone = new Option<string>("--zone")
        {
            Description = "The IANA time zone that decides the date of every event, such as Europe/Istanbul.",
            DefaultValueFactory = _ => "UTC",
            HelpName = "TZ",
        };
        Zone.Validators.Add(r =>
        {
            var id = r.GetValueOrDefault<string>();
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is null)
            {
                r.AddError($"--zone: '{id}' is not an IANA time zone{Suggestions.DidYouMean(id, DateTimeZoneProviders.Tzdb.Ids)} (examples: UTC, Europe/Istanbul, America/New_York).");
            }
        });

        Where = new Option<string[]>("--where")
        {
            Description = "Keep only the records whose dimension has a value, such as --where office=West or --where product=\"GTX Pro,GTX Basic\" (any of them); repeat it to keep the records that pass every one. A rep's dimensions apply to the records the rep owns, an account's to its opportunities and deals.",
            HelpName = "NAME=VALUE",
        };
        Where.Validators.Add(r =>
        {
            foreach (var text in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (WhereClause.Parse(text, out var error) is null)
                {
                    r.AddError(error!);
                }
            }
        });

        OnError = ChoiceOption.Create(
            "--on-error",
            "fail: stop at the first bad row (file:line:column on stderr). report: import the good rows and list every rejected one.",
            "error mode",
            "fail",
            ["fail", "report"],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["skip"] = "report", ["ignore"] = "report", ["continue"] = "report", ["stop"] = "fail" });
    }

    /// <summary>Gets <c>--delimiter</c>.</summary>
    public Option<string> Delimiter { get; }

    /// <summary>Gets <c>--where</c>.</summary>
    public Option<string[]> Where { get; }

    /// <summary>Gets the values of <c>--delimiter</c> with the characters they stand for.</summary>
    internal static IReadOnlyDictionary<string, char> Delimiters { get; } = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        [","] = ',', [";"] = ';', ["tab"] = '\t', ["|"] = '|',
    };

    /// <summary>Gets a value indicating whether the command has <c>--from</c> and <c>--to</c>.</summary>
    public bool HasRange { get; }

    /// <summary>Gets <c>--data</c>.</summary>
    public Option<string?> Data { get; }

    /// <summary>Gets <c>--connection</c>.</summary>
    public Option<string?> Connection { get; }

    /// <summary>Gets <c>--mapping</c>.</summary>
    public Option<string?> Mapping { get; }

    /// <summary>Gets <c>--from</c>.</summary>
    public Option<LocalDate?> From { get; }

    /// <summary>Gets <c>--to</c>.</summary>
    public Option<LocalDate?> To { get; }

    /// <summary>Gets <c>--zone</c>.</summary>
    public Option<string> Zone { get; }

    /// <summary>Gets <c>--on-error</c>.</summary>
    public Option<string> OnError { get; }

    /// <summary>Adds the options to a command, in the order of its help: data, connection, mapping, delimiter, from, to, zone, on-error.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        foreach (var option in HasRange ? new Option[] { Data, Connection, Mapping, Delimiter, From, To, Zone, Where, OnError } : [Data, Connection, Mapping, Delimiter, Zone, Where, OnError])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Returns why the options do not go together — <c>--to</c> before <c>--from</c>, both <c>--data</c> and
    /// <c>--connection</c>, a <c>--mapping</c> of nothing — or null.
    /// </summary>
    /// <remarks>Made after parsing, because a validator cannot read an option that failed to parse.</remarks>
    public string? Conflict(ParseResult parseResult)
    {
        if (HasRange && parseResult.GetValue(From) is { } f && parseResult.GetValue(To) is { } t && t < f)
        {
            return $"--to {LocalDatePattern.Iso.Format(t)} is before --from {LocalDatePattern.Iso.Format(f)}.";
        }

        if (parseResult.GetValue(Data) is not null && parseResult.GetValue(Connection) is not null)
        {
            return "--data and --connection both name the data: give one of them.";
        }

        if (parseResult.GetValue(Delimiter) != "," && parseResult.GetValue(Connection) is not null)
        {
            return $"--delimiter is how CSV files are read: a --connection database has no delimiter (leave --delimiter out, or read files with --data).";
        }

        if (parseResult.GetValue(Mapping) is not null && parseResult.GetValue(Data) is null && parseResult.GetValue(Connection) is null)
        {
            return "--mapping needs --data or --connection: the export it maps.";
        }

        return null;
    }

    /// <summary>Returns the request of a parsed command line whose <see cref="Conflict"/> is null.</summary>
    public DataRequest Read(ParseResult parseResult) => new(
        parseResult.GetValue(Data),
        parseResult.GetValue(Connection),
        parseResult.GetValue(Mapping),
        HasRange ? parseResult.GetValue(From) : null,
        HasRange ? parseResult.GetValue(To) : null,
        DateTimeZoneProviders.Tzdb[parseResult.GetValue(Zone)!],
        parseResult.GetValue(OnError) == "report" ? CsvErrorMode.Report : CsvErrorMode.Fail)
    {
        Delimiter = Delimiters[parseResult.GetValue(Delimiter)!],
        Where = [.. (parseResult.GetValue(Where) ?? []).Select(w => WhereClause.Parse(w, out _)!)],
    };

    /// <summary>Writes a bad-usage error of a command and where to find its options, and returns <see cref="ExitCodes.BadUsage"/>.</summary>
    internal static int Usage(Command command, CliConsole console, string message)
    {
        console.Error.WriteLine($"saleskpi: bad usage: {message}");
        CliApp.WriteHelpHint(command, console.Error);
        return ExitCodes.BadUsage;
    }

    /// <summary>Returns an option of a date (YYYY-MM-DD) within the dates a report can cover.</summary>
    internal static Option<LocalDate?> DateOption(string name, string description) => new(name)
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
}
