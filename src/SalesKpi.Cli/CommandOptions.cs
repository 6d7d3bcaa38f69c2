using System.CommandLine;
using System.Collections.Immutable;
using SalesKpi.Csv;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>
/// The output options of <c>plan</c>, <c>targets</c>, <c>compare</c> and <c>trend</c> — <c>--format
/// table|json|csv|markdown|html</c> and <c>--output FILE</c> — and their <c>--kpi</c> option.
/// </summary>
internal sealed class CommandOptions
{
    /// <summary>The <c>--format</c> values.</summary>
    public static readonly string[] Formats = ["table", "json", "csv", "markdown", "html"];

    /// <summary>Creates the options.</summary>
    public CommandOptions()
    {
        Format = ChoiceOption.Create(
            "--format",
            "table for a person, json (one document, docs/cli.md), csv (one row per line item), markdown, or html (a page with charts; needs --output).",
            "format",
            "table",
            Formats,
            ReportCommand.FormatHints);

        Output = new Option<string?>("--output")
        {
            Description = "Write to this file instead of standard output (required for --format html).",
            HelpName = "FILE",
        };
        Output.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } file && Directory.Exists(file))
            {
                r.AddError($"--output: '{file}' is a directory; name a file, such as report.html.");
            }
        });
    }

    /// <summary>Gets <c>--format</c>.</summary>
    public Option<string> Format { get; }

    /// <summary>Gets <c>--output</c>.</summary>
    public Option<string?> Output { get; }

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Output);
    }

    /// <summary>Returns the format of a parsed command line.</summary>
    public OutputFormat FormatOf(ParseResult parseResult) => parseResult.GetValue(Format) switch
    {
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        "markdown" => OutputFormat.Markdown,
        "html" => OutputFormat.Html,
        _ => OutputFormat.Table,
    };

    /// <summary>Returns why the output options do not go together (html with no file), or null.</summary>
    public string? Conflict(ParseResult parseResult) =>
        FormatOf(parseResult) == OutputFormat.Html && parseResult.GetValue(Output) is null
            ? "--format html writes a page with charts to a file: give --output FILE, such as --output report.html."
            : null;

    /// <summary>Returns a <c>--kpi</c> option: ids repeated or separated by commas, each checked against the built-in KPIs.</summary>
    /// <param name="description">The help.</param>
    public static Option<string[]> KpiOption(string description)
    {
        var kpi = new Option<string[]>("--kpi")
        {
            Description = description,
            HelpName = "ID",
        };
        kpi.Validators.Add(r =>
        {
            var ids = ReportCommand.SplitIds(r.GetValueOrDefault<string[]>());
            if (r.Tokens.Count > 0 && ids.Count == 0)
            {
                r.AddError("--kpi: no KPI id given ('saleskpi kpis' lists every KPI).");
            }

            foreach (var id in ids)
            {
                if (!Kpis.TryGet(id, out _))
                {
                    r.AddError($"--kpi: unknown KPI '{id}'{Suggestions.DidYouMean(id, Kpis.All.Select(k => k.Id))} ('saleskpi kpis' lists every KPI).");
                }
            }
        });
        return kpi;
    }

    /// <summary>Returns the KPIs of a parsed <c>--kpi</c>, in the order given, or <paramref name="defaults"/> when it is absent.</summary>
    public static ImmutableArray<KpiCalculator> KpisOf(ParseResult parseResult, Option<string[]> option, IEnumerable<KpiCalculator> defaults)
    {
        var ids = ReportCommand.SplitIds(parseResult.GetValue(option));
        return ids.Count == 0
            ? [.. defaults]
            : [.. ids.Distinct(StringComparer.Ordinal).Select(id => Kpis.TryGet(id, out var k) ? k : throw new InvalidOperationException(id))];
    }

    /// <summary>Returns the <c>--by</c> option of a command, with its values.</summary>
    public static Option<string> ByOption(string description, string defaultValue, params string[] values)
    {
        return ChoiceOption.Create("--by", description, "grouping", defaultValue, values, ReportCommand.GroupingHints);
    }

    /// <summary>Returns the <c>--by</c> option of a command that also groups by the data's dimensions (<see cref="CommandRun.Grouping"/> checks the value once the data is read).</summary>
    public static Option<string> OpenByOption(string description, string defaultValue, params string[] values) =>
        ChoiceOption.CreateOpen("--by", description + " Or a dimension of the data, such as office or product, or two as a hierarchy (office/rep).", defaultValue, values, "GROUPING");

    /// <summary>Returns the grouping of a <c>--by</c> value.</summary>
    public static KpiGrouping GroupingOf(string by) => by switch
    {
        "rep" => KpiGrouping.ByRep,
        "team" => KpiGrouping.ByTeam,
        "source" => KpiGrouping.BySource,
        _ => KpiGrouping.None,
    };
}
