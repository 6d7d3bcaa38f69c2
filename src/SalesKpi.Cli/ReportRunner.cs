using System.Collections.Immutable;
using System.Data.Common;
using SalesKpi.Cli.Output;
using SalesKpi.Csv;
using SalesKpi.Rendering;
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
        var loader = Loader(request);
        if (loader.Prepare(request.Data, out var mapping) is { } code)
        {
            return code;
        }

        if (request.Engine != "memory")
        {
            if (request.By is "lost-reason" or "forecast-category")
            {
                var what = request.By == "lost-reason" ? "lost reasons" : "forecast categories";
                return Fail(ExitCodes.BadUsage, $"--by {request.By} with --engine {request.Engine}: {what} are read by --engine memory (the default); a database engine groups by rep, team and source.", "Run 'saleskpi report --help' for the options.");
            }

            if (!ReportCommand.Groupings.Contains(request.By, StringComparer.Ordinal) || !request.Data.Where.IsEmpty)
            {
                return Fail(ExitCodes.BadUsage, $"{(request.Data.Where.IsEmpty ? $"--by {request.By}" : "--where")} with --engine {request.Engine}: dimensions are read by --engine memory (the default); a database engine groups by rep, team and source.", "Run 'saleskpi report --help' for the options.");
            }

            return RunInDatabase(request, mapping);
        }

        if (loader.Load(request.Data, mapping, defaultRange: null, out code) is not { } loaded)
        {
            return code;
        }

        if (CommandRun.Grouping(loaded.Data, request.By, ReportCommand.Groupings, out var byError) is not { } grouping)
        {
            return loader.Failed(loaded.Import, ExitCodes.BadUsage, byError!);
        }

        request = request with { Grouping = grouping };
        var (imported, range) = (loaded.Import, loaded.Range);
        var query = new KpiQuery(range, request.Kpis, request.Grouping, request.Per, includeAllKnownGroups: request.IncludeAllKnownGroups);
        // With one currency in the data, money KPIs are in it even where nothing was summed (a zero revenue is 0 USD).
        var currencies = loaded.Currencies;
        var settings = KpiSettings.Default.WithZone(request.Zone).WithFiscalYearStartMonth(request.FiscalYearStartMonth).WithReportingCurrency(loaded.SingleCurrency);
        var evaluator = new KpiEvaluator(settings);
        KpiReportReader? rows = null;
        KpiReport? full = null;
        try
        {
            if (currencies.Count > 1 || request.IsDocument)
            {
                // Tables need the whole report. Amounts in several currencies fail the KPIs that sum them, possibly only
                // when their values are finished: finish the whole report once first, so that the failure comes before
                // any output.
                full = evaluator.Evaluate(loaded.Data, query);
            }

            if (!request.IsDocument)
            {
                rows = evaluator.EvaluateRows(loaded.Data, query);
            }
        }
        catch (InvalidOperationException e) when (currencies.Count > 1)
        {
            // Amounts in several currencies with no way to convert them: the data, not the command line, is at fault.
            return Failed(request, imported, ExitCodes.BadData, $"{e.Message} The data has amounts in {string.Join(", ", currencies.Order())}; saleskpi does not convert currencies: report each currency's records separately, or use the SalesKpi library with an IExchangeRateProvider.");
        }

        using var report = rows;
        return Write(new ReportOutput(request, report, imported, loaded.Description, mapping?.Name, RecordCounts.Of(loaded.Data)) { Full = request.IsDocument ? full : null, Data = loaded.Data });
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
                    JsonReportWriter.WriteFailure([], ExitCodes.BadData, KpiValueText.Printable(message), console.Out);
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
                ? $"--data: '{directory}' has none of the SalesKpi files ({string.Join(", ", CsvFiles.All.Where(f => f != CsvFiles.Accounts))}), nor Parquet files of the same names."
                : $"--connection: '{database.Description}' has none of the SalesKpi tables ({string.Join(", ", SqlTableMapping.TableNames)}).");
        }

        // What the writers read of an import: the roster, and a file for each table, all of whose rows are records (a
        // bad value fails the evaluation).
        var files = summary.Rows.Select(r => new CsvFileReport(database.Describe(r.Key), SqlReportSource.FileOf(r.Key), r.Value, r.Value, 0, 0, [])).ToImmutableArray();
        var imported = new CsvImportResult(SalesData.Create(roster: summary.Roster), [], files);
        var counts = new RecordCounts(summary.Roster.Reps.Length, summary.RowsOf("leads"), summary.RowsOf("opportunities"), summary.RowsOf("stage_changes"), summary.RowsOf("deals"), summary.RowsOf("activities"), summary.RowsOf("spend"));
        var range = DataLoader.Range(request.Data, summary.LatestInstant, database.Description, defaultRange: null, out var rangeError);
        if (range is null)
        {
            return Failed(request, imported, counts, rangeError!.Value.Code, rangeError.Value.Message);
        }

        var query = new KpiQuery(range, request.Kpis, request.Grouping, request.Per, includeAllKnownGroups: request.IncludeAllKnownGroups);
        var currencies = summary.Currencies;
        var settings = KpiSettings.Default.WithZone(request.Zone).WithFiscalYearStartMonth(request.FiscalYearStartMonth).WithReportingCurrency(currencies.Length == 1 ? currencies[0] : null);
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

        if (request.IsDocument)
        {
            return Write(new ReportOutput(request, null, imported, database.Description, mappingName, counts) { Full = accumulation.ToReport() });
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

        var terminal = console.ErrorTerminal();
        return terminal.Status().Start(Markup.Escape(KpiValueText.Printable(status)), _ => work());
    }

    /// <summary>Writes a report in the format asked, to standard output or the <c>--output</c> file.</summary>
    private int Write(ReportOutput output)
    {
        var request = output.Request;
        console.Cancellation.ThrowIfCancellationRequested();
        if (request.OutputPath is not { } path)
        {
            return Write(output, console.Out, request.Width ?? console.Width);
        }

        try
        {
            using var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            return Write(output, file, request.Width ?? CliConsole.DefaultWidth);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.BadData, $"cannot write {path}: {e.Message}");
        }
    }

    private int Write(ReportOutput output, TextWriter writer, int width)
    {
        var request = output.Request;
        try
        {
            switch (request.Format)
            {
                case OutputFormat.Json:
                    JsonReportWriter.Write(output, writer, console.Cancellation);
                    break;
                case OutputFormat.Csv:
                    CsvReportWriter.Write(output, writer, console.Cancellation);
                    break;
                default:
                    DocumentReportWriter.Write(output, output.Full!, writer, request.Format switch
                    {
                        OutputFormat.Markdown => Rendering.RenderFormat.Markdown,
                        OutputFormat.Html => Rendering.RenderFormat.Html,
                        _ => Rendering.RenderFormat.Text,
                    }, width);
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

    /// <summary>Fails a run after the import: with --format json, the error and the import (its rejections) as a JSON document too.</summary>
    private int Failed(ReportRequest request, CsvImportResult imported, int code, string message) =>
        Loader(request).Failed(imported, code, message);

    /// <summary>Fails a run after the data was read, with the counts of records to report in JSON.</summary>
    private int Failed(ReportRequest request, CsvImportResult imported, RecordCounts counts, int code, string message) =>
        Loader(request).Failed(imported, counts, code, message);

    /// <summary>Writes an error (its data-derived text made printable) and an optional hint, and returns the exit code.</summary>
    private int Fail(int code, string message, string? hint = null) => new DataLoader(console, "report", jsonFailures: false).Fail(code, message, hint);

    /// <summary>Returns the loader of the report's data; its failures are JSON documents too with --format json.</summary>
    private DataLoader Loader(ReportRequest request) => new(console, "report", request.Format == OutputFormat.Json);
}
