using System.Collections.Immutable;
using System.Data.Common;
using NodaTime;
using SalesKpi.Cli.Output;
using SalesKpi.Csv;
using SalesKpi.Reporting;
using SalesKpi.Sql;
using Spectre.Console;

namespace SalesKpi.Cli;

/// <summary>Runs a checked <c>report</c> command: imports the data, evaluates the KPIs and writes the report.</summary>
/// <remarks>
/// Rejected rows are written to stderr as soon as the import ends, so that a run that fails afterwards (no dated record
/// left, amounts in several currencies) still shows every one of them; with <c>--format json</c> such a failure is
/// also a JSON document on stdout holding the error and the import.
/// </remarks>
internal sealed class ReportRunner(CliConsole console)
{
    public int Run(ReportRequest request)
    {
        CsvMapping? mapping = null;
        if (request.MappingPath is { } path)
        {
            try
            {
                mapping = CsvMapping.Load(path);
            }
            catch (FormatException e)
            {
                return Fail(ExitCodes.BadUsage, $"--mapping: {e.Message}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(ExitCodes.BadData, $"--mapping: {e.Message}");
            }
        }

        if (request.DataDirectory is { } dataDirectory && Unreadable(dataDirectory) is { } reason)
        {
            return Fail(ExitCodes.BadData, $"cannot read {dataDirectory}: {reason}");
        }

        if (request.Engine != "memory")
        {
            return RunInDatabase(request, mapping);
        }

        ReportSource source;
        if (request.Connection is { } connection)
        {
            if (DatabaseReportSource.Parse(connection, out var connectionError) is not { } database)
            {
                return Fail(ExitCodes.BadUsage, connectionError!);
            }

            source = database;
        }
        else if (request.DataDirectory is { } parquet && ParquetReportSource.Applies(parquet, mapping))
        {
            source = new ParquetReportSource(parquet);
        }
        else
        {
            source = new CsvReportSource(request.DataDirectory is { } directory ? CsvSource.FromDirectory(directory) : EmbeddedSample.Instance);
        }

        string? nothing;
        try
        {
            nothing = source.Nothing(mapping, console.Cancellation);
        }
        catch (CsvImportException e)
        {
            return Fail(ExitCodes.BadData, e.Message);
        }

        if (nothing is not null)
        {
            return Fail(ExitCodes.BadUsage, nothing);
        }

        CsvImportResult imported;
        try
        {
            imported = ImportProgressDisplay.Import(console, source, request.OnError, request.Zone, mapping);
        }
        catch (CsvImportException e)
        {
            WriteRejections(e.RejectedBefore);
            var hint = e.IsRowRejection
                ? "Run with --on-error report to import the good rows and list every bad one."
                : null;
            if (request.Format == OutputFormat.Json)
            {
                JsonReportWriter.WriteFailure(e.RejectedBefore, ExitCodes.BadData, ValueText.Printable(e.Message), console.Out);
            }

            return Fail(ExitCodes.BadData, e.Message, hint);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.BadData, e.Message);
        }

        WriteRejections(imported.Rejections);
        var range = Range(request, imported.Data.LatestInstant, source.Description, out var rangeError);
        if (range is null)
        {
            return Failed(request, imported, rangeError!.Value.Code, rangeError.Value.Message);
        }

        var query = new KpiQuery(range, request.Kpis, request.Grouping, request.Per, includeAllKnownGroups: request.By is "rep" or "team");
        // With one currency in the data, money KPIs are in it even where nothing was summed (a zero revenue is 0 USD).
        var currencies = Currencies(imported.Data);
        var settings = KpiSettings.Default.WithZone(request.Zone).WithReportingCurrency(currencies.Count == 1 ? new Currency(currencies.Single()) : null);
        var evaluator = new KpiEvaluator(settings);
        KpiReportReader rows;
        try
        {
            if (currencies.Count > 1)
            {
                // Amounts in several currencies fail the KPIs that sum them, possibly only when their values are finished:
                // finish the whole report once first, so that the failure comes before any output.
                _ = evaluator.Evaluate(imported.Data, query);
            }

            rows = evaluator.EvaluateRows(imported.Data, query);
        }
        catch (InvalidOperationException e) when (currencies.Count > 1)
        {
            // Amounts in several currencies with no way to convert them: the data, not the command line, is at fault.
            return Failed(request, imported, ExitCodes.BadData, $"{e.Message} The data has amounts in {string.Join(", ", currencies.Order())}; saleskpi does not convert currencies: report each currency's records separately, or use the SalesKpi library with an IExchangeRateProvider.");
        }

        using var report = rows;
        return Write(new ReportOutput(request, report, imported, source.Description, mapping?.Name, RecordCounts.Of(imported.Data)));
    }

    /// <summary>
    /// Computes the report inside a database (<c>--engine duckdb|sqlite|postgres</c>): what the default range and the
    /// reporting currency need is asked of the database (<see cref="SqlDataSummary"/>), the KPIs are computed there, and
    /// the report is written as from an import of the same tables.
    /// </summary>
    private int RunInDatabase(ReportRequest request, CsvMapping? mapping)
    {
        SqlReportSource? database;
        string? error;
        try
        {
            database = SqlReportSource.Create(request.Engine, request.DataDirectory, request.Connection, mapping, request.Zone, out error);
        }
        catch (CsvImportException e)
        {
            return Fail(ExitCodes.BadData, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.BadData, e.Message);
        }

        if (database is null)
        {
            return Fail(ExitCodes.BadUsage, error!, "Run 'saleskpi report --help' for the options.");
        }

        using (database)
        {
            try
            {
                return RunInDatabase(request, database, mapping?.Name);
            }
            catch (Exception e) when (e is SqlKpiException or DbException or CsvImportException)
            {
                // The database's own message (a missing table of a mapping, a file that is not a database, a refused
                // login) says what is wrong; ours name the table and column.
                var message = e is DbException ? $"{database.Description} ({database.Engine}): {e.Message}" : e.Message;
                if (request.Format == OutputFormat.Json)
                {
                    JsonReportWriter.WriteFailure([], ExitCodes.BadData, ValueText.Printable(message), console.Out);
                }

                return Fail(ExitCodes.BadData, message);
            }
        }
    }

    private int RunInDatabase(ReportRequest request, SqlReportSource database, string? mappingName)
    {
        var cancellation = console.Cancellation;
        // A timestamp stored without a zone is UTC inside a database, whatever --zone says, and so is it in the tables
        // read into memory beside the SQL (SqlKpiSource refuses any other zone).
        var source = database.SourceWith(CsvImportOptions.Default);
        var summary = WithStatus($"Reading {database.Description} ({database.Engine})…", () => SqlDataSummary.ReadAsync(source, cancellation).GetAwaiter().GetResult());
        if (summary.Rows.IsEmpty)
        {
            return Fail(ExitCodes.BadUsage, request.DataDirectory is { } directory
                ? $"--data: '{directory}' has none of the SalesKpi files ({string.Join(", ", CsvFiles.All)}), nor Parquet files of the same names."
                : $"--connection: '{database.Description}' has none of the SalesKpi tables ({string.Join(", ", DataReaderSource.TableNames)}).");
        }

        // What the writers read of an import: the roster, and a file for each table, all of whose rows are records (a
        // bad value fails the evaluation).
        var files = summary.Rows.Select(r => new CsvFileReport(database.Describe(r.Key), SqlReportSource.FileOf(r.Key), r.Value, r.Value, 0, 0, [])).ToImmutableArray();
        var imported = new CsvImportResult(SalesData.Create(roster: summary.Roster), [], files);
        var counts = new RecordCounts(summary.Roster.Reps.Length, summary.RowsOf("leads"), summary.RowsOf("opportunities"), summary.RowsOf("stage_changes"), summary.RowsOf("deals"), summary.RowsOf("activities"), summary.RowsOf("spend"));
        var range = Range(request, summary.LatestInstant, database.Description, out var rangeError);
        if (range is null)
        {
            return Failed(request, imported, counts, rangeError!.Value.Code, rangeError.Value.Message);
        }

        var query = new KpiQuery(range, request.Kpis, request.Grouping, request.Per, includeAllKnownGroups: request.By is "rep" or "team");
        var currencies = summary.Currencies;
        var settings = KpiSettings.Default.WithZone(request.Zone).WithReportingCurrency(currencies.Length == 1 ? currencies[0] : null);
        var evaluator = new KpiEvaluator(settings);
        KpiAccumulation accumulation;
        try
        {
            accumulation = WithStatus($"Computing the KPIs in {database.Engine}…", () =>
            {
                if (currencies.Length > 1)
                {
                    // As in memory: a failure to sum several currencies comes before any output.
                    _ = evaluator.EvaluateAsync(source, query, cancellation).GetAwaiter().GetResult();
                }

                return evaluator.AccumulateAsync(source, query, cancellation).GetAwaiter().GetResult();
            });
        }
        catch (InvalidOperationException e) when (currencies.Length > 1)
        {
            return Failed(request, imported, counts, ExitCodes.BadData, $"{e.Message} The data has amounts in {string.Join(", ", currencies.Select(c => c.Code))}; saleskpi does not convert currencies: report each currency's records separately, or use the SalesKpi library with an IExchangeRateProvider.");
        }

        using var report = accumulation.ToReader();
        return Write(new ReportOutput(request, report, imported, database.Description, mappingName, counts));
    }

    /// <summary>Runs work with a spinner and a line saying what it does on stderr when a person watches; silently otherwise.</summary>
    private T WithStatus<T>(string status, Func<T> work)
    {
        if (!console.IsInteractive)
        {
            return work();
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        return terminal.Status().Start(Markup.Escape(ValueText.Printable(status)), _ => work());
    }

    /// <summary>Writes a report in the format asked.</summary>
    private int Write(ReportOutput output)
    {
        var request = output.Request;
        console.Cancellation.ThrowIfCancellationRequested();
        try
        {
            switch (request.Format)
            {
                case OutputFormat.Json:
                    JsonReportWriter.Write(output, console.Out, console.Cancellation);
                    break;
                case OutputFormat.Csv:
                    CsvReportWriter.Write(output, console.Out, console.Cancellation);
                    break;
                default:
                    TableReportWriter.Write(output, console.Out, console.Width);
                    break;
            }
        }
        catch (OperationCanceledException) when (console.Cancellation.IsCancellationRequested)
        {
            console.Error.WriteLine("saleskpi: interrupted; the output is incomplete.");
            return console.InterruptedExitCode;
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Returns the range asked for, or the default: the calendar year (in the report's zone) of the latest event of the
    /// data set; with only one of --from and --to, the year that starts or ends there. Null, with the error, when there
    /// is no default or the range runs past the dates a report can cover.
    /// </summary>
    internal static DateInterval? Range(ReportRequest request, Instant? latestInstant, string description, out (int Code, string Message)? error)
    {
        error = null;
        DateInterval range;
        switch (request.From, request.To)
        {
            case ({ } from, { } to):
                range = new DateInterval(from, to);
                break;
            case ({ } from, null):
                range = ReportRange.YearFrom(from);
                if (!ReportRange.IsSupported(range))
                {
                    error = (ExitCodes.BadUsage, $"--from {ReportRange.Iso(from)}: the year that starts there runs to {ReportRange.Iso(range.End)}, past {ReportRange.Iso(ReportRange.Last)}, the last date a report can cover (reports cover {ReportRange.Supported}); give --to as well.");
                    return null;
                }

                break;
            case (null, { } to):
                range = ReportRange.YearTo(to);
                if (!ReportRange.IsSupported(range))
                {
                    error = (ExitCodes.BadUsage, $"--to {ReportRange.Iso(to)}: the year that ends there starts on {ReportRange.Iso(range.Start)}, before {ReportRange.Iso(ReportRange.First)}, the first date a report can cover (reports cover {ReportRange.Supported}); give --from as well.");
                    return null;
                }

                break;
            default:
                if (LatestEvent(latestInstant, request.Zone) is not { } latest)
                {
                    error = (ExitCodes.BadData, $"{description} holds no dated records, so there is no default range; give --from and --to.");
                    return null;
                }

                range = new DateInterval(new LocalDate(latest.Year, 1, 1), new LocalDate(latest.Year, 12, 31));
                if (!ReportRange.IsSupported(range))
                {
                    error = (ExitCodes.BadData, $"the latest event in the data is on {ReportRange.Iso(latest)}, so the default range would be its year, which reports cannot cover (they cover {ReportRange.Supported}); give --from and --to.");
                    return null;
                }

                break;
        }

        return range;
    }

    /// <summary>Returns the local date of the latest event: lead creation, qualification or conversion, opportunity creation or close, deal close, activity.</summary>
    private static LocalDate? LatestEvent(Instant? latest, DateTimeZone zone)
    {
        // LocalDateOf never throws, even for an instant whose local date would lie past the end of the calendar.
        return latest is { } l ? KpiSettings.Default.WithZone(zone).LocalDateOf(l) : null;
    }

    private static HashSet<string> Currencies(SalesData data)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        codes.UnionWith(data.Opportunities.Select(o => o.Amount.Currency.Code));
        codes.UnionWith(data.Deals.Select(d => d.Value.Currency.Code));
        codes.UnionWith(data.Spend.Select(s => s.Amount.Currency.Code));
        return codes;
    }

    /// <summary>Returns why the data directory cannot be listed (so that every file in it would look absent), or null.</summary>
    private static string? Unreadable(string directory)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(directory).GetEnumerator();
            _ = entries.MoveNext();
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }

    /// <summary>Lists the rejected rows on stderr, and how many there were.</summary>
    private void WriteRejections(System.Collections.Immutable.ImmutableArray<CsvRejection> rejections)
    {
        foreach (var rejection in rejections)
        {
            console.Error.WriteLine(ValueText.Printable(rejection.ToString()));
        }

        if (!rejections.IsEmpty)
        {
            var count = rejections.Length;
            console.Error.WriteLine($"{count} {(count == 1 ? "row" : "rows")} rejected and left out of the report.");
        }
    }

    /// <summary>Fails a run after the import: with --format json, the error and the import (its rejections) as a JSON document too.</summary>
    private int Failed(ReportRequest request, CsvImportResult imported, int code, string message) =>
        Failed(request, imported, RecordCounts.Of(imported.Data), code, message);

    /// <summary>Fails a run after the data was read, with the counts of records to report in JSON.</summary>
    private int Failed(ReportRequest request, CsvImportResult imported, RecordCounts counts, int code, string message)
    {
        if (request.Format == OutputFormat.Json)
        {
            JsonReportWriter.WriteFailure(imported, counts, code, ValueText.Printable(message), console.Out);
        }

        return Fail(code, message, code == ExitCodes.BadUsage ? "Run 'saleskpi report --help' for the options." : null);
    }

    /// <summary>Writes an error (its data-derived text made printable) and an optional hint, and returns the exit code.</summary>
    private int Fail(int code, string message, string? hint = null)
    {
        console.Error.WriteLine(ValueText.Printable($"saleskpi: {(code == ExitCodes.BadData ? "bad data" : "bad usage")}: {message}"));
        if (hint is not null)
        {
            console.Error.WriteLine(hint);
        }

        return code;
    }
}
