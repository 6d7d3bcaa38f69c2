using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Pipeline;

/// <summary>
/// The pipeline waterfall of one group in one period: the pipeline at the period's start, each flow that changed it,
/// and the pipeline at its end, in counts and in amounts per currency.
/// </summary>
/// <remarks>
/// <para>Per currency, and in counts (but for the changes of <see cref="Increased"/> and <see cref="Decreased"/>, counted
/// apart), opening + created + increased − decreased + pulled in − slipped out − won − lost = closing
/// (<see cref="Reconciles"/>). The definitions and the rules at the boundaries are in docs/pipeline.md.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class PipelineWaterfall
{
    private readonly ImmutableArray<PipelineFlow> _flows;

    internal PipelineWaterfall(KpiPeriod period, string group, DateInterval? window, ImmutableArray<PipelineFlow> flows)
    {
        Period = period;
        Group = group;
        Window = window;
        _flows = flows;
    }

    /// <summary>Gets the flow period: the pipeline opens at its start and closes at its end.</summary>
    public KpiPeriod Period { get; }

    /// <summary>Gets the group, such as a rep id; <see cref="KpiGrouping.AllKey"/> when ungrouped.</summary>
    public string Group { get; }

    /// <summary>Gets the close window of this period: the expected close dates that put an open opportunity in the pipeline.</summary>
    /// <value>The dates, inclusive, or null when the window is unbounded (<see cref="PipelineWindow.All"/>).</value>
    [JsonConverter(typeof(Serialization.DateIntervalJsonConverter))]
    public DateInterval? Window { get; }

    /// <summary>Gets the pipeline at the period's start.</summary>
    public PipelineFlow Opening => _flows[(int)PipelineFlowKind.Opening];

    /// <summary>Gets the opportunities created in the period into the pipeline.</summary>
    public PipelineFlow Created => _flows[(int)PipelineFlowKind.Created];

    /// <summary>Gets the amount increases while in the pipeline.</summary>
    public PipelineFlow Increased => _flows[(int)PipelineFlowKind.Increased];

    /// <summary>Gets the amount decreases while in the pipeline, as positive magnitudes.</summary>
    public PipelineFlow Decreased => _flows[(int)PipelineFlowKind.Decreased];

    /// <summary>Gets the open opportunities whose expected close moved into the window.</summary>
    public PipelineFlow PulledIn => _flows[(int)PipelineFlowKind.PulledIn];

    /// <summary>Gets the open opportunities whose expected close moved out of the window.</summary>
    public PipelineFlow SlippedOut => _flows[(int)PipelineFlowKind.SlippedOut];

    /// <summary>Gets the opportunities won in the period from the pipeline.</summary>
    public PipelineFlow Won => _flows[(int)PipelineFlowKind.Won];

    /// <summary>Gets the opportunities lost in the period from the pipeline.</summary>
    public PipelineFlow Lost => _flows[(int)PipelineFlowKind.Lost];

    /// <summary>Gets the pipeline at the period's end.</summary>
    public PipelineFlow Closing => _flows[(int)PipelineFlowKind.Closing];

    /// <summary>Gets every currency of any line, in the order of their codes.</summary>
    [JsonIgnore]
    public ImmutableArray<Currency> Currencies =>
        [.. _flows.SelectMany(f => f.Amounts).Select(a => a.Currency).Distinct().OrderBy(c => c.Code, StringComparer.Ordinal)];

    /// <summary>Returns one line of the waterfall.</summary>
    /// <param name="kind">The line.</param>
    /// <returns>The flow or stock.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public PipelineFlow Flow(PipelineFlowKind kind)
    {
        Preconditions.CheckRange(Enum.IsDefined(kind), kind, "Unknown pipeline flow.", nameof(kind));
        return _flows[(int)kind];
    }

    /// <summary>Returns true when the waterfall adds up: in counts, and in each currency, opening + created + increased −
    /// decreased + pulled in − slipped out − won − lost = closing (the counts of increased and decreased are left out:
    /// a change of amount neither adds nor removes an opportunity).</summary>
    /// <returns>True when every identity holds.</returns>
    public bool Reconciles() => Discrepancies().IsEmpty;

    /// <summary>Returns what does not add up, one line per count or currency that differs, such as
    /// <c>USD: opening + flows = 1,500.00, closing = 1,000.00</c>; empty when the waterfall reconciles.</summary>
    /// <returns>The discrepancies.</returns>
    public ImmutableArray<string> Discrepancies()
    {
        var found = ImmutableArray.CreateBuilder<string>();
        var count = Opening.Count + Created.Count + PulledIn.Count - SlippedOut.Count - Won.Count - Lost.Count;
        if (count != Closing.Count)
        {
            found.Add(string.Create(CultureInfo.InvariantCulture, $"count: opening + flows = {count}, closing = {Closing.Count}"));
        }

        foreach (var currency in Currencies)
        {
            var sum = Opening.AmountIn(currency) + Created.AmountIn(currency) + Increased.AmountIn(currency) - Decreased.AmountIn(currency)
                + PulledIn.AmountIn(currency) - SlippedOut.AmountIn(currency) - Won.AmountIn(currency) - Lost.AmountIn(currency);
            var closing = Closing.AmountIn(currency);
            if (sum != closing)
            {
                found.Add(string.Create(CultureInfo.InvariantCulture, $"{currency.Code}: opening + flows = {sum.Amount:N2}, closing = {closing.Amount:N2}"));
            }
        }

        return found.ToImmutable();
    }

    /// <summary>Returns the period, the group and the lines, such as <c>2025-04 all: opening 2: 3,000.00 USD, …</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Period.Label} {Group}: " + string.Join(", ", Enum.GetValues<PipelineFlowKind>().Select(k => $"{k.ToString().ToLowerInvariant()} {_flows[(int)k]}"));
}
