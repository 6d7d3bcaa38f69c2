using System.Collections.Immutable;
using System.CommandLine;
using NodaTime;
using SalesKpi.BuiltIn;
using SalesKpi.Reporting;

namespace SalesKpi.Cli;

/// <summary>
/// The options of <c>stage-conversion</c> — <c>--funnel any|ordered</c> and <c>--converted-within LENGTH</c> — and the
/// KPI they make of it (<see cref="StageConversionOptions.Mode"/>, <see cref="StageConversionOptions.Window"/>).
/// </summary>
internal sealed class FunnelOptions
{
    /// <summary>Creates the options.</summary>
    public FunnelOptions()
    {
        Mode = ChoiceOption.Create(
            "--funnel",
            "How stage-conversion counts a stage skipped on the way: any (an opportunity that reached the later stage converted, skipped stages included; the default) or ordered (it converted only through every stage in order, as HubSpot's ordered funnel).",
            "funnel mode",
            "any",
            ["any", "ordered"],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["strict"] = "ordered", ["in-order"] = "ordered", ["all"] = "any", ["reached"] = "any" });

        Within = new Option<Period?>("--converted-within")
        {
            Description = "Count a stage-conversion only when the later stage was entered within this long of the first (calendar days in --zone): a number and d, w, m or y, such as 30d.",
            HelpName = "LENGTH",
            CustomParser = r => PeriodOptions.ParseLength(r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty, out var error, "--converted-within") is { } length
                ? length
                : Fail(r, error!),
        };
    }

    /// <summary>Gets <c>--funnel</c>.</summary>
    public Option<string> Mode { get; }

    /// <summary>Gets <c>--converted-within</c>.</summary>
    public Option<Period?> Within { get; }

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Mode);
        command.Options.Add(Within);
    }

    /// <summary>Returns the KPIs with the built-in <c>stage-conversion</c> in the mode and window asked for (the others as they are).</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="kpis">The KPIs asked for.</param>
    public ImmutableArray<KpiCalculator> Apply(ParseResult parseResult, IEnumerable<KpiCalculator> kpis)
    {
        var ordered = parseResult.GetValue(Mode) == "ordered";
        var within = parseResult.GetValue(Within);
        if (!ordered && within is null)
        {
            return [.. kpis];
        }

        var configured = new StageConversionCalculator(new StageConversionOptions
        {
            Mode = ordered ? StageConversionMode.Ordered : StageConversionMode.AnyStageReached,
            Window = within,
        });
        return [.. kpis.Select(k => ReferenceEquals(k, Kpis.StageConversion) ? configured : k)];
    }

    /// <summary>Returns why <c>--funnel</c> or <c>--converted-within</c> is given for KPIs without stage-conversion, or null.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="kpis">The KPIs asked for.</param>
    public string? Conflict(ParseResult parseResult, IEnumerable<KpiCalculator> kpis)
    {
        var given = parseResult.GetResult(Mode) is { Implicit: false } ? "--funnel" : parseResult.GetResult(Within) is { Implicit: false } ? "--converted-within" : null;
        return given is not null && !kpis.Any(k => ReferenceEquals(k, Kpis.StageConversion))
            ? $"{given} sets how stage-conversion is counted, and the KPIs asked for do not include it: add --kpi stage-conversion, or leave {given} out."
            : null;
    }

    private static Period? Fail(System.CommandLine.Parsing.ArgumentResult result, string error)
    {
        result.AddError(error);
        return null;
    }
}
