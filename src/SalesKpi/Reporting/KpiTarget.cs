using System.Globalization;
using SalesKpi.Utility;

namespace SalesKpi.Reporting;

/// <summary>Whether a target is a floor or a ceiling.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TargetComparison>))]
public enum TargetComparison
{
    /// <summary>The value should be at least the threshold (close rate at least 65%).</summary>
    AtLeast = 0,

    /// <summary>The value should be at most the threshold (cost per lead at most 50 USD).</summary>
    AtMost = 1,
}

/// <summary>Whether a value meets its target.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<KpiTargetStatus>))]
public enum KpiTargetStatus
{
    /// <summary>The value is undefined, so the target cannot be judged.</summary>
    Undefined = 0,

    /// <summary>The value falls short of the target (below a floor, or above a ceiling).</summary>
    Below = 1,

    /// <summary>The value meets the target.</summary>
    Met = 2,
}

/// <summary>
/// A goal or threshold for a KPI, such as "close rate at least 65%" or "activity barometer at least 100%", evaluated
/// into an attainment and a status.
/// </summary>
/// <remarks>
/// <para>Attainment is value / threshold for <see cref="TargetComparison.AtLeast"/> and threshold / value for
/// <see cref="TargetComparison.AtMost"/>, so 1 or more always means met; it is undefined when the value is undefined or
/// the divisor is zero. Ratios are compared as fractions: 65% is <c>0.65m</c>.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiTarget
{
    /// <summary>Initializes a target.</summary>
    /// <param name="kpiId">The KPI's id.</param>
    /// <param name="threshold">The threshold, in the KPI's unit (a fraction for ratios).</param>
    /// <param name="comparison">Whether the value should be at least or at most the threshold.</param>
    /// <exception cref="ArgumentNullException"><paramref name="kpiId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kpiId"/> is not a valid KPI id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="comparison"/> is not a defined value.</exception>
    public KpiTarget(string kpiId, decimal threshold, TargetComparison comparison = TargetComparison.AtLeast)
    {
        KpiCalculator.CheckId(kpiId, nameof(kpiId));
        Preconditions.CheckRange(Enum.IsDefined(comparison), comparison, "Unknown comparison.", nameof(comparison));
        KpiId = kpiId;
        Threshold = threshold;
        Comparison = comparison;
    }

    /// <summary>Gets the KPI's id.</summary>
    public string KpiId { get; }

    /// <summary>Gets the threshold.</summary>
    public decimal Threshold { get; }

    /// <summary>Gets whether the value should be at least or at most the threshold.</summary>
    public TargetComparison Comparison { get; }

    /// <summary>Evaluates a value against the target.</summary>
    /// <param name="value">The KPI's value.</param>
    /// <param name="group">The group the value belongs to, for the result.</param>
    /// <returns>The attainment and status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> or <paramref name="group"/> is null.</exception>
    public KpiTargetResult Evaluate(KpiValue value, string group = KpiGrouping.AllKey)
    {
        Preconditions.CheckNotNull(value);
        Preconditions.CheckNotNull(group);
        if (value.Value is not { } v)
        {
            return new KpiTargetResult(this, group, value, KpiValue.Undefined(KpiUnit.Ratio, "the value is undefined: " + value.UndefinedReason), KpiTargetStatus.Undefined);
        }

        var met = Comparison == TargetComparison.AtLeast ? v >= Threshold : v <= Threshold;
        var attainment = Comparison == TargetComparison.AtLeast
            ? KpiValue.Ratio(v, Threshold, "the threshold is zero")
            : KpiValue.Ratio(Threshold, v, "the value is zero");
        return new KpiTargetResult(this, group, value, attainment, met ? KpiTargetStatus.Met : KpiTargetStatus.Below);
    }

    /// <summary>Returns <c>kpi at least threshold</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{KpiId} {(Comparison == TargetComparison.AtLeast ? "at least" : "at most")} {KpiValue.Format(Threshold)}");
}

/// <summary>A value judged against a <see cref="KpiTarget"/>.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiTargetResult
{
    internal KpiTargetResult(KpiTarget target, string group, KpiValue value, KpiValue attainment, KpiTargetStatus status)
    {
        Target = target;
        Group = group;
        Value = value;
        Attainment = attainment;
        Status = status;
    }

    /// <summary>Gets the target.</summary>
    public KpiTarget Target { get; }

    /// <summary>Gets the group judged.</summary>
    public string Group { get; }

    /// <summary>Gets the value judged.</summary>
    public KpiValue Value { get; }

    /// <summary>Gets the attainment: 1 or more means met.</summary>
    public KpiValue Attainment { get; }

    /// <summary>Gets whether the target is met.</summary>
    public KpiTargetStatus Status { get; }

    /// <summary>Returns <c>group: kpi value (target): status</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Group}: {Target.KpiId} {Value} ({Target}): {Status.ToString().ToLowerInvariant()}";
}
