using NodaTime;
using SalesKpi.Calculators;
using SalesKpi.Cli.Output;
using SalesKpi.Csv;

namespace SalesKpi.Cli;

/// <summary>Runs a checked <c>report</c> command: imports the data, evaluates the KPIs and writes the report.</summary>
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
        }

        var source = request.DataDirectory is { } directory ? CsvSource.FromDirectory(directory) : EmbeddedSample.Instance;
        if (mapping is null && !CsvFiles.All.Any(source.Exists))
        {
            return Fail(ExitCodes.BadUsage, $"--data: '{source.Description}' has none of the SalesKpi files ({string.Join(", ", CsvFiles.All)}); to read another CRM's export, give a --mapping.");
        }

        CsvImportResult imported;
        try
        {
            imported = ImportProgressDisplay.Import(console, source, request.OnError, request.Zone, mapping);
        }
        catch (CsvImportException e)
        {
            var hint = e.Rejection is not null && request.OnError == CsvErrorMode.Fail && !IsFileLevel(e.Rejection)
                ? "Run with --on-error report to import the good rows and list every bad one."
                : null;
            return Fail(ExitCodes.BadData, e.Message, hint);
        }
        catch (IOException e)
        {
            return Fail(ExitCodes.BadData, e.Message);
        }

        var range = Range(request, imported.Data);
        if (range is null)
        {
            return Fail(ExitCodes.BadData, $"{source.Description} holds no dated records, so there is no default range; give --from and --to.");
        }

        var query = new KpiQuery(range, request.Kpis, request.Grouping, request.Per, includeAllKnownGroups: request.By is "rep" or "team");
        // With one currency in the data, money KPIs are in it even where nothing was summed (a zero revenue is 0 USD).
        var currencies = Currencies(imported.Data);
        var settings = KpiSettings.Default.WithZone(request.Zone).WithReportingCurrency(currencies.Count == 1 ? new Currency(currencies.Single()) : null);
        KpiReport report;
        try
        {
            report = new KpiEvaluator(settings).Evaluate(imported.Data, query);
        }
        catch (InvalidOperationException e)
        {
            // Amounts in several currencies with no way to convert them: the data, not the command line, is at fault.
            return Fail(ExitCodes.BadData, $"{e.Message} The data has amounts in {string.Join(", ", currencies.Order())}; saleskpi does not convert currencies: report each currency's records separately, or use the SalesKpi library with an IExchangeRateProvider.");
        }

        var output = new ReportOutput(request, report, imported, source.Description, mapping?.Name);
        foreach (var rejection in imported.Rejections)
        {
            console.Error.WriteLine(ValueText.Printable(rejection.ToString()));
        }

        if (!imported.Rejections.IsEmpty)
        {
            var count = imported.Rejections.Length;
            console.Error.WriteLine($"{count} {(count == 1 ? "row" : "rows")} rejected and left out of the report.");
        }

        switch (request.Format)
        {
            case OutputFormat.Json:
                JsonReportWriter.Write(output, console.Out);
                break;
            case OutputFormat.Csv:
                CsvReportWriter.Write(output, console.Out);
                break;
            default:
                TableReportWriter.Write(output, console.Out, console.Width);
                break;
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Returns the range asked for, or the default: the calendar year (in the report's zone) of the latest event of the
    /// data set; with only one of --from and --to, the year that starts or ends there.
    /// </summary>
    internal static DateInterval? Range(ReportRequest request, SalesData data)
    {
        switch (request.From, request.To)
        {
            case ({ } from, { } to):
                return new DateInterval(from, to);
            case ({ } from, null):
                return new DateInterval(from, from.PlusYears(1).PlusDays(-1));
            case (null, { } to):
                return new DateInterval(to.PlusYears(-1).PlusDays(1), to);
        }

        if (LatestEvent(data) is not { } latest)
        {
            return null;
        }

        var year = latest.InZone(request.Zone).Year;
        return new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
    }

    private static Instant? LatestEvent(SalesData data)
    {
        Instant? latest = null;
        void See(Instant? instant)
        {
            if (instant is { } i && (latest is null || i > latest))
            {
                latest = i;
            }
        }

        foreach (var lead in data.Leads)
        {
            See(lead.CreatedAt);
            See(lead.QualifiedAt);
            See(lead.ConvertedAt);
        }

        foreach (var opportunity in data.Opportunities)
        {
            See(opportunity.CreatedAt);
            See(opportunity.ClosedAt);
        }

        foreach (var deal in data.Deals)
        {
            See(deal.ClosedAt);
        }

        foreach (var activity in data.Activities)
        {
            See(activity.OccurredAt);
        }

        return latest;
    }

    private static HashSet<string> Currencies(SalesData data)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        codes.UnionWith(data.Opportunities.Select(o => o.Amount.Currency.Code));
        codes.UnionWith(data.Deals.Select(d => d.Value.Currency.Code));
        codes.UnionWith(data.Spend.Select(s => s.Amount.Currency.Code));
        return codes;
    }

    /// <summary>Returns true for a problem with a whole file (its header is line 1), which --on-error report does not get past.</summary>
    private static bool IsFileLevel(CsvRejection rejection) => rejection.Line == 1;

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
