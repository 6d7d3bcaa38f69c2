using System.Collections.Concurrent;
using NodaTime;
using SalesKpi.Csv;
using SalesKpi.Rendering;
using Spectre.Console;

namespace SalesKpi.Cli;

/// <summary>
/// Runs an import, with a progress bar per file on standard error when a person watches an interactive terminal and
/// the files are large; otherwise silently, so that redirected output holds only the report.
/// </summary>
internal static class ImportProgressDisplay
{
    /// <summary>Imports bigger than this (all files together) show progress on an interactive terminal.</summary>
    internal const long ThresholdBytes = 8 * 1024 * 1024;

    public static CsvImportResult Import(CliConsole console, ReportSource source, CsvErrorMode onError, DateTimeZone zone, CsvMapping? mapping, char delimiter = ',')
    {
        CsvImportResult Run(IProgress<CsvImportProgress>? progress) =>
            source.Import(new CsvImportOptions { OnError = onError, Zone = zone, Mapping = mapping, Progress = progress, Delimiter = delimiter }, console.Cancellation);

        // A database does not say how much it holds: its progress (rows read) is shown whenever a person watches.
        if (!console.IsInteractive || source.TotalBytes(mapping) < ThresholdBytes)
        {
            return Run(null);
        }

        var terminal = console.ErrorTerminal();
        return terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => Run(new TaskProgress(context)));
    }

    /// <summary>Turns import reports into one progress task per file.</summary>
    private sealed class TaskProgress(ProgressContext context) : IProgress<CsvImportProgress>
    {
        private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

        public void Report(CsvImportProgress value)
        {
            var task = _tasks.GetOrAdd(value.File, f => context.AddTask(Markup.Escape(KpiValueText.Printable(Path.GetFileName(f))), maxValue: Math.Max(1, value.TotalBytes ?? 1)));
            task.Value = value.Completed ? task.MaxValue : Math.Min(value.BytesRead, task.MaxValue);
            // The file's name, not its path: a terminal's line holds the bar, and a long path would leave only "…" of it.
            task.Description = Markup.Escape(KpiValueText.Printable(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Path.GetFileName(value.File)} ({value.Rows:N0} rows)")));
        }
    }
}
