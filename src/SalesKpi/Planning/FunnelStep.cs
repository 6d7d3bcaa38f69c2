using System.Globalization;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>
/// One step of a sales funnel for an <see cref="ActivityPlan"/>: what is done (calls, meetings, proposals) and the share
/// of it that becomes the next step — or, for the last step, a deal.
/// </summary>
/// <remarks>
/// <para>Steps are listed from the top of the funnel down: calls (15% become meetings), meetings (one in three becomes a
/// deal). Equality compares the name (ordinal) and the rate.</para>
/// </remarks>
/// <example>
/// <code>
/// FunnelStep[] funnel = [new("calls", PlanInput.GivenRatio(0.15m)), new("meetings", PlanInput.GivenRatio(1m, 3m))];
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class FunnelStep : IEquatable<FunnelStep>
{
    /// <summary>Initializes a step.</summary>
    /// <param name="name">What is done at this step, such as <c>calls</c>.</param>
    /// <param name="conversionRate">The share of this step's volume that becomes the next step (a deal, for the last step), of unit <see cref="KpiUnit.Ratio"/>; given or from the data.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="conversionRate"/> is not a ratio.</exception>
    public FunnelStep(string name, PlanInput conversionRate)
    {
        Name = Preconditions.CheckNotBlank(name);
        ConversionRate = Preconditions.CheckNotNull(conversionRate);
        Preconditions.CheckArgument(
            conversionRate.Value.Unit == KpiUnit.Ratio,
            nameof(conversionRate),
            $"A conversion rate is a ratio, not {conversionRate.Value.Unit}.");
    }

    /// <summary>Gets what is done at this step.</summary>
    public string Name { get; }

    /// <summary>Gets the share of this step's volume that becomes the next step.</summary>
    public PlanInput ConversionRate { get; }

    /// <summary>Returns true when both steps are equal, or both are null.</summary>
    /// <param name="left">The first step.</param>
    /// <param name="right">The second step.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(FunnelStep? left, FunnelStep? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null
            && string.Equals(left.Name, right.Name, StringComparison.Ordinal)
            && left.ConversionRate == right.ConversionRate);

    /// <summary>Returns true when the steps differ.</summary>
    /// <param name="left">The first step.</param>
    /// <param name="right">The second step.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(FunnelStep? left, FunnelStep? right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> is equal.</summary>
    /// <param name="other">The step to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(FunnelStep? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FunnelStep other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, ConversionRate);

    /// <summary>Returns <c>name (rate)</c>, such as <c>calls (0.15 (0.15 / 1), given)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({ConversionRate})");
}
