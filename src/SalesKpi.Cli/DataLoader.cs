using System.Collections.Immutable;
using NodaTime;
using SalesKpi.Cli.Output;
using SalesKpi.Csv;
using SalesKpi.Rendering;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>The data a command computes from: the import, the dates it covers, and how the data set is named.</summary>
/// <param name="Import">The import: records, rejections, files.</param>
/// <param name="Range">The dates asked for, or the command's default range.</param>
/// <param name="Description">The data set: a directory, a database or "embedded sample".</param>
/// <param name="Mapping">The mapping, or null.</param>
internal sealed record LoadedData(CsvImportResult Import, DateInterval Range, string Description, CsvMapping? Mapping)
{
    /// <summary>Gets the records: those imported, or those of them that pass the <c>--where</c> filters.</summary>
    public SalesData Data { get; init; } = Import.Data;

    /// <summary>Gets the <c>--where</c> filters the records passed.</summary>
    public ImmutableArray<WhereClause> Where { get; init; } = [];

    /// <summary>Gets the currency codes of the amounts of the data (opportunities, deals, spend).</summary>
    public IReadOnlySet<string> Currencies => field ??= DataLoader.Currencies(Data);

    /// <summary>Gets the single currency of the data, or null with none or several.</summary>
    public Currency? SingleCurrency => Currencies.Count == 1 ? new Currency(Currencies.Single()) : null;

    /// <summary>Gets the local date of the latest event of the data in <paramref name="zone"/>, or null with no dated record.</summary>
    public LocalDate? LatestEvent(DateTimeZone zone) => DataLoader.LatestEvent(Data.LatestInstant, zone);
}

/// <summary>
/// Reads the data of a command in memory: loads the mapping, chooses the source (CSV or Parquet files of
/// <c>--data</c>, a database of <c>--connection</c>, or the embedded sample), imports it with progress on an interactive
/// terminal, lists the rejected rows on stderr, and works out the range. Every failure is written to stderr (and, for
/// JSON output, as a JSON document on stdout) and becomes an exit code.
/// </summary>
/// <param name="console">Where to write.</param>
/// <param name="commandName">The command, as named in hints (<c>report</c>, <c>plan</c>, …).</param>
/// <param name="jsonFailures">True to write a failure as a JSON document on stdout too (<c>--format json</c>).</param>
internal sealed class DataLoader(CliConsole console, string commandName, bool jsonFailures)
{
    /// <summary>Returns the default range from the latest event of the data, or null when it cannot be worked out.</summary>
    /// <param name="latest">The local date of the latest event.</param>
    /// <param name="error">Why there is no default range.</param>
    internal delegate DateInterval? DefaultRange(LocalDate latest, out string? error);

    /// <summary>Imports the data of a request and works out its range; null, with the exit code, when it fails.</summary>
    /// <param name="request">The request.</param>
    /// <param name="defaultRange">The range without --from and --to; null for the calendar year of the latest event (as <c>report</c>).</param>
    /// <param name="exitCode">The exit code of a failure.</param>
    public LoadedData? Load(DataRequest request, DefaultRange? defaultRange, out int exitCode)
    {
        if (Prepare(request, out var mapping) is { } code)
        {
            exitCode = code;
            return null;
        }

        return Load(request, mapping, defaultRange, out exitCode);
    }

    /// <summary>Loads the mapping and checks that the data directory can be listed; null, or the exit code of a failure.</summary>
    /// <param name="request">The request.</param>
    /// <param name="mapping">The mapping, or null.</param>
    public int? Prepare(DataRequest request, out CsvMapping? mapping)
    {
        mapping = null;
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

        return null;
    }

    /// <summary>Imports the data of a prepared request into memory and works out its range; null, with the exit code, when it fails.</summary>
    /// <param name="request">The request.</param>
    /// <param name="mapping">The mapping of <see cref="Prepare"/>.</param>
    /// <param name="defaultRange">The range without --from and --to; null for the calendar year of the latest event.</param>
    /// <param name="exitCode">The exit code of a failure.</param>
    public LoadedData? Load(DataRequest request, CsvMapping? mapping, DefaultRange? defaultRange, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(request);
        exitCode = ExitCodes.Success;
        ReportSource source;
        if (request.Connection is { } connection)
        {
            if (DatabaseReportSource.Parse(connection, out var connectionError) is not { } database)
            {
                exitCode = Fail(ExitCodes.BadUsage, connectionError!);
                return null;
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
            exitCode = Fail(ExitCodes.BadData, e.Message);
            return null;
        }

        if (nothing is not null)
        {
            exitCode = Fail(ExitCodes.BadUsage, nothing);
            return null;
        }

        CsvImportResult imported;
        try
        {
            imported = ImportProgressDisplay.Import(console, source, request.OnError, request.Zone, mapping, request.Delimiter);
        }
        catch (CsvImportException e)
        {
            WriteRejections(e.RejectedBefore);
            var hint = e.IsRowRejection
                ? "Run with --on-error report to import the good rows and list every bad one."
                : DelimiterHint.For(e.Rejection, request.Delimiter);
            if (jsonFailures)
            {
                JsonReportWriter.WriteFailure(e.RejectedBefore, ExitCodes.BadData, KpiValueText.Printable(e.Message), console.Out);
            }

            exitCode = Fail(ExitCodes.BadData, e.Message, hint);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            exitCode = Fail(ExitCodes.BadData, e.Message);
            return null;
        }

        WriteRejections(imported.Rejections);
        var range = Range(request, imported.Data.LatestInstant, source.Description, defaultRange, out var rangeError);
        if (range is null)
        {
            exitCode = Failed(imported, rangeError!.Value.Code, rangeError.Value.Message);
            return null;
        }

        if (CommandRun.Where(imported.Data, request.Where, out var whereError) is not { } kept)
        {
            exitCode = Failed(imported, ExitCodes.BadUsage, whereError!);
            return null;
        }

        return new LoadedData(imported, range, source.Description, mapping) { Data = kept, Where = request.Where };
    }

    /// <summary>
    /// Returns the range asked for, or the default: <paramref name="defaultRange"/> of the latest event of the data set
    /// (in the request's zone), by default its calendar year; with only one of --from and --to, the year that starts or
    /// ends there. Null, with the error, when there is no default or the range runs past the dates a report can cover.
    /// </summary>
    internal static DateInterval? Range(DataRequest request, Instant? latestInstant, string description, DefaultRange? defaultRange, out (int Code, string Message)? error)
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

                if (defaultRange is not null)
                {
                    if (defaultRange(latest, out var defaultError) is not { } chosen || !ReportRange.IsSupported(chosen))
                    {
                        error = (ExitCodes.BadData, defaultError ?? $"the latest event in the data is on {ReportRange.Iso(latest)}, so the default range would run past the dates reports can cover ({ReportRange.Supported}); give --from and --to.");
                        return null;
                    }

                    range = chosen;
                    break;
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
    internal static LocalDate? LatestEvent(Instant? latest, DateTimeZone zone)
    {
        // LocalDateOf never throws, even for an instant whose local date would lie past the end of the calendar.
        return latest is { } l ? KpiSettings.Default.WithZone(zone).LocalDateOf(l) : null;
    }

    /// <summary>Returns the currency codes of the amounts of a data set.</summary>
    internal static HashSet<string> Currencies(SalesData data)
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
    private void WriteRejections(ImmutableArray<CsvRejection> rejections)
    {
        foreach (var rejection in rejections)
        {
            console.Error.WriteLine(KpiValueText.Printable(rejection.ToString()));
        }

        if (!rejections.IsEmpty)
        {
            var count = rejections.Length;
            console.Error.WriteLine($"{count} {(count == 1 ? "row" : "rows")} rejected and left out of the report.");
        }
    }

    /// <summary>Fails a run after the import: with JSON failures, the error and the import (its rejections) as a JSON document too.</summary>
    public int Failed(CsvImportResult imported, int code, string message) =>
        Failed(imported, RecordCounts.Of(imported.Data), code, message);

    /// <summary>Fails a run after the data was read, with the counts of records to report in JSON.</summary>
    public int Failed(CsvImportResult imported, RecordCounts counts, int code, string message)
    {
        if (jsonFailures)
        {
            JsonReportWriter.WriteFailure(imported, counts, code, KpiValueText.Printable(message), console.Out);
        }

        return Fail(code, message, code == ExitCodes.BadUsage ? $"Run 'saleskpi {commandName} --help' for the options." : null);
    }

    /// <summary>Writes an error (its data-derived text made printable) and an optional hint, and returns the exit code.</summary>
    public int Fail(int code, string message, string? hint = null)
    {
        console.Error.WriteLine(KpiValueText.Printable($"saleskpi: {(code == ExitCodes.BadData ? "bad data" : "bad usage")}: {message}"));
        if (hint is not null)
        {
            console.Error.WriteLine(hint);
        }

        return code;
    }
}
