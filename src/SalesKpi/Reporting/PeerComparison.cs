using System.Globalization;

namespace SalesKpi.Reporting;

/// <summary>
/// How one group (a rep, usually) compares with its peers on one KPI in one period: "average revenue per sale 40%
/// below the peer average", "sales cycle 30% shorter than the peer group".
/// </summary>
/// <remarks>
/// <para>The peers are the other groups of the report with a defined value, excluding the group itself and
/// <see cref="KpiGrouping.NoKey"/>. <see cref="RelativeDifference"/> is (value − peer mean) / |peer mean|: −0.4 means 40%
/// below, and a value above a negative mean (a growth KPI) is positive. <see cref="Rank"/> is 1 for the best value in the KPI's <see cref="KpiDirection"/>; ties share a rank.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class PeerComparison
{
    private PeerComparison(string group, KpiValue value, KpiValue peerMean, KpiValue relativeDifference, int? rank, int peerCount)
    {
        Group = group;
        Value = value;
        PeerMean = peerMean;
        RelativeDifference = relativeDifference;
        Rank = rank;
        PeerCount = peerCount;
    }

    /// <summary>Gets the group compared.</summary>
    public string Group { get; }

    /// <summary>Gets the group's value.</summary>
    public KpiValue Value { get; }

    /// <summary>Gets the mean of the peers' values (a <see cref="KpiUnit.Number"/>), undefined when there are no peers.</summary>
    public KpiValue PeerMean { get; }

    /// <summary>Gets (value − peer mean) / |peer mean|, a <see cref="KpiUnit.Ratio"/>; undefined when the value or the peer mean is undefined or the mean is zero.</summary>
    public KpiValue RelativeDifference { get; }

    /// <summary>Gets the rank among the group and its peers, 1 being the best.</summary>
    /// <value>The rank, or null when the group's value is undefined.</value>
    public int? Rank { get; }

    /// <summary>Gets the number of peers with a defined value.</summary>
    public int PeerCount { get; }

    /// <summary>
    /// Returns a stable, culture-invariant description with the value and the peer mean both in the KPI's unit and the
    /// relative difference as a signed percentage: <c>ayse: 6,000.00 USD vs peer mean 10,000.00 USD (-40%), rank 3 of 3</c>,
    /// <c>olga: 28 days vs peer mean 40 days (-30%), rank 1 of 3</c>. Without peers it reads
    /// <c>ayse: 6,000.00 USD vs no peers, rank 1 of 1</c>; an undefined value reads
    /// <c>ayse: undefined (no deals won in the period) vs peer mean 10,000.00 USD, not ranked</c>; a relative difference
    /// that is undefined (a peer mean of zero) is left out. Numbers are rounded as <see cref="KpiValue.ToString"/> rounds them.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var value = Value.Value is { } v ? Value.FormatInUnit(v) : $"undefined ({Value.UndefinedReason})";
        var peers = PeerMean.Value is { } mean ? "peer mean " + Value.FormatInUnit(mean) : "no peers";
        var difference = RelativeDifference.Value is { } d ? $" ({Percent(d)})" : string.Empty;
        var rank = Rank is { } r ? string.Create(CultureInfo.InvariantCulture, $"rank {r} of {PeerCount + 1}") : "not ranked";
        return $"{Group}: {value} vs {peers}{difference}, {rank}";
    }

    private static string Percent(decimal ratio) =>
        decimal.Round(ratio * 100m, 2, MidpointRounding.AwayFromZero).ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) + "%";

    internal static PeerComparison Create(string group, KpiValue value, decimal[] peers, KpiDirection direction)
    {
        if (peers.Length == 0)
        {
            var none = KpiValue.Undefined(KpiUnit.Number, "there are no peers with a value");
            return new(group, value, none, KpiValue.Undefined(KpiUnit.Ratio, "there are no peers with a value"), value.IsDefined ? 1 : null, 0);
        }

        var mean = peers.Sum() / peers.Length;
        var peerMean = KpiValue.Number(mean);
        if (value.Value is not { } v)
        {
            return new(group, value, peerMean, KpiValue.Undefined(KpiUnit.Ratio, "the group's value is undefined: " + value.UndefinedReason), null, peers.Length);
        }

        var better = direction == KpiDirection.HigherIsBetter ? peers.Count(p => p > v) : peers.Count(p => p < v);
        return new(group, value, peerMean, KpiValue.Ratio(v - mean, Math.Abs(mean), "the peer mean is zero"), better + 1, peers.Length);
    }
}
