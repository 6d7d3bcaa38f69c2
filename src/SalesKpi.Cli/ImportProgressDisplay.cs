using System.Collections.Concurrent;
using SalesKpi.Csv;
using Spectre.Console;

namespace SalesKpi.Cli;

/// <summary>
/// Runs an import, with a progress bar per file on standard error when a person watches an interactive terminal and
/// the files are large; otherwise silently, so that redirected output holds only the report.
/// </summary>
internal static class ImportProgressDisplay
{
    public static CsvImportResult Import(CliConsole console, CsvSource source, CsvImportOptions options)
    {
        var importer = new CsvImporter(options);
        if (!console.IsInteractive || TotalBytes(source, options) < ReportRunner.ProgressThresholdBytes)
        {
            return importer.Import(source);
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        return terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var withProgress = new CsvImporter(new CsvImportOptions
                {
                    OnError = options.OnError,
                    Zone = options.Zone,
                    Mapping = options.Mapping,
                    Progress = new TaskProgress(context),
                });
                return withProgress.Import(source);
            });
    }

    private static long TotalBytes(CsvSource source, CsvImportOptions options)
    {
        var files = options.Mapping is null ? CsvFiles.All.AsEnumerable() : options.Mapping.SourceFiles;
        return files.Where(source.Exists).Sum(f => source.LengthOf(f) ?? 0);
    }

    /// <summary>Turns import reports into one progress task per file.</summary>
    private sealed class TaskProgress(ProgressContext context) : IProgress<CsvImportProgress>
    {
        private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

        public void Report(CsvImportProgress value)
        {
            var task = _tasks.GetOrAdd(value.File, f => context.AddTask(Markup.Escape(f), maxValue: Math.Max(1, value.TotalBytes ?? 1)));
            task.Value = value.Completed ? task.MaxValue : Math.Min(value.BytesRead, task.MaxValue);
            task.Description = Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value.File} ({value.Rows:N0} rows)"));
        }
    }
}
