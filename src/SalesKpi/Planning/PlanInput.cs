using System.Globalization;
using NodaTime;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>Where an input of a plan came from.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PlanInputSource>))]
public enum PlanInputSource
{
    /// <summary>The caller gave the value (a goal, an assumed rate).</summary>
    Given = 0,

    /// <summary>The value is a KPI evaluated over a window of the data.</summary>
    FromData = 1,
}

/// <summary>
/// One input of a plan — a goal, an average deal size, a conversion rate — with where it came from: given by the caller,
/// or a KPI evaluated over a window of the data. Plans keep their inputs so that every result can be audited.
/// </summary>
/// <remarks>
/// <para>The value is a <see cref="KpiValue"/>, so an input from the data keeps everything the KPI reported: the
/// numerator and denominator of a rate, the unpriced amounts, or the reason it is undefined. Plans divide by a rate
/// through its numerator and denominator when it has them, so that 50 / (1/3) is exactly 150 and rounds up to 150,
/// not to 151.</para>
/// <para>Equality compares the value, the source, the KPI id and the window.</para>
/// </remarks>
/// <example>
/// <code>
/// PlanInput goal = PlanInput.Given(new Money(1_000_000m, Currency.USD));
/// PlanInput oneInThree = PlanInput.GivenRatio(1m, 3m);
/// PlanInput closeRate = PlanInput.FromData(KpiIds.CloseRate, window, Kpis.CloseRate.Evaluate(data, window));
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class PlanInput : IEquatable<PlanInput>
{
    private PlanInput(KpiValue value, PlanInputSource source, string? kpiId, DateInterval? window)
    {
        Value = value;
        Source = source;
        KpiId = kpiId;
        Window = window;
    }

    /// <summary>Gets the value, with its unit and, for an input from the data, the KPI's numerator, denominator or undefined reason.</summary>
    public KpiValue Value { get; }

    /// <summary>Gets a value indicating whether the input has a value.</summary>
    public bool IsDefined => Value.IsDefined;

    /// <summary>Gets where the value came from.</summary>
    public PlanInputSource Source { get; }

    /// <summary>Gets the id of the KPI the value was read from.</summary>
    /// <value>The KPI id for <see cref="PlanInputSource.FromData"/>; otherwise null.</value>
    public string? KpiId { get; }

    /// <summary>Gets the dates the KPI was evaluated over.</summary>
    /// <value>The window for <see cref="PlanInputSource.FromData"/>; otherwise null.</value>
    [System.Text.Json.Serialization.JsonConverter(typeof(Serialization.DateIntervalJsonConverter))]
    public DateInterval? Window { get; }

    /// <summary>Returns true when both inputs are equal, or both are null.</summary>
    /// <param name="left">The first input.</param>
    /// <param name="right">The second input.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(PlanInput? left, PlanInput? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null
            && left.Value == right.Value
            && left.Source == right.Source
            && string.Equals(left.KpiId, right.KpiId, StringComparison.Ordinal)
            && left.Window == right.Window);

    /// <summary>Returns true when the inputs differ.</summary>
    /// <param name="left">The first input.</param>
    /// <param name="right">The second input.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(PlanInput? left, PlanInput? right) => !(left == right);

    /// <summary>Returns a given amount of money, such as a revenue goal or an assumed average deal size.</summary>
    /// <param name="amount">The amount; not negative.</param>
    /// <returns>A given input of unit <see cref="KpiUnit.Money"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public static PlanInput Given(Money amount)
    {
        Preconditions.CheckRange(amount.Amount >= 0m, amount, "A plan's amount must not be negative.", nameof(amount));
        return new(KpiValue.FromMoney(amount), PlanInputSource.Given, null, null);
    }

    /// <summary>Returns a given count, such as a number of deals or of weeks.</summary>
    /// <param name="count">The count; not negative, and may have a fraction (52.5 weeks).</param>
    /// <returns>A given input of unit <see cref="KpiUnit.Number"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static PlanInput Given(decimal count)
    {
        Preconditions.CheckRange(count >= 0m, count, "A plan's count must not be negative.", nameof(count));
        return new(KpiValue.Number(count), PlanInputSource.Given, null, null);
    }

    /// <summary>Returns a given rate as a fraction, such as 0.15 for 15% of calls becoming meetings.</summary>
    /// <param name="ratio">The rate; not negative. Zero is allowed and makes the plan undefined.</param>
    /// <returns>A given input of unit <see cref="KpiUnit.Ratio"/>, with numerator <paramref name="ratio"/> and denominator 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ratio"/> is negative.</exception>
    public static PlanInput GivenRatio(decimal ratio) => GivenRatio(ratio, 1m);

    /// <summary>Returns a given rate as an exact fraction, such as one meeting in three closing (1 / 3).</summary>
    /// <param name="numerator">The numerator; not negative. Zero is allowed and makes the plan undefined.</param>
    /// <param name="denominator">The denominator; positive.</param>
    /// <returns>A given input of unit <see cref="KpiUnit.Ratio"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numerator"/> is negative or <paramref name="denominator"/> is not positive.</exception>
    public static PlanInput GivenRatio(decimal numerator, decimal denominator)
    {
        Preconditions.CheckRange(numerator >= 0m, numerator, "A rate must not be negative.", nameof(numerator));
        Preconditions.CheckRange(denominator > 0m, denominator, "A rate's denominator must be positive.", nameof(denominator));
        return new(KpiValue.Ratio(numerator, denominator), PlanInputSource.Given, null, null);
    }

    /// <summary>Returns an input read from the data: the value of a KPI over a window.</summary>
    /// <param name="kpiId">The KPI's id, such as <c>close-rate</c>.</param>
    /// <param name="window">The dates the KPI was evaluated over.</param>
    /// <param name="value">The KPI's value, defined or not.</param>
    /// <returns>An input from the data.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kpiId"/> is not a valid KPI id.</exception>
    public static PlanInput FromData(string kpiId, DateInterval window, KpiValue value)
    {
        KpiCalculator.CheckId(kpiId, nameof(kpiId));
        Preconditions.CheckNotNull(window);
        Preconditions.CheckNotNull(value);
        return new(value, PlanInputSource.FromData, kpiId, window);
    }

    /// <summary>Evaluates a KPI over a window of the data, ungrouped, and returns its value as an input from the data.</summary>
    /// <param name="kpi">The KPI, such as <see cref="Kpis.CallToMeetingRate"/>.</param>
    /// <param name="data">The snapshot.</param>
    /// <param name="window">The dates to evaluate it over.</param>
    /// <param name="settings">The settings; <see cref="KpiSettings.Default"/> when null.</param>
    /// <returns>An input from the data, defined or not.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/>, <paramref name="data"/> or <paramref name="window"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the settings.</exception>
    public static PlanInput FromData(KpiCalculator kpi, SalesData data, DateInterval window, KpiSettings? settings = null)
    {
        Preconditions.CheckNotNull(kpi);
        Preconditions.CheckNotNull(data);
        Preconditions.CheckNotNull(window);
        return new(kpi.Evaluate(data, window, settings), PlanInputSource.FromData, kpi.Id, window);
    }

    /// <summary>Returns a given input that is missing, such as the goal of a rep who has none.</summary>
    internal static PlanInput Missing(KpiUnit unit, string reason) => new(KpiValue.Undefined(unit, reason), PlanInputSource.Given, null, null);

    /// <summary>Returns true when <paramref name="other"/> is equal.</summary>
    /// <param name="other">The input to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(PlanInput? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PlanInput other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, Source, KpiId, Window);

    /// <summary>
    /// Returns a stable, culture-invariant description: <c>0.25 (1 / 4), given</c> or
    /// <c>10,000.00 USD, close-rate over [2025-01-06, 2025-04-06]</c>.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        Source == PlanInputSource.Given
            ? Value + ", given"
            : string.Create(CultureInfo.InvariantCulture, $"{Value}, {KpiId} over {Window}");

    /// <summary>Returns where the value came from, for a reason: <c>given</c> or <c>close-rate over [..]</c>.</summary>
    internal string Origin => Source == PlanInputSource.Given
        ? "given"
        : string.Create(CultureInfo.InvariantCulture, $"{KpiId} over {Window}");

    /// <summary>Returns <paramref name="dividend"/> / this value, through the numerator and denominator when they are known so that exact quotients stay exact.</summary>
    internal decimal Divide(decimal dividend)
    {
        var value = Value.Value!.Value;
        if (Value.Numerator is { } n && Value.Denominator is { } d && n != 0m && d != 0m)
        {
            try
            {
                return dividend * d / n;
            }
            catch (OverflowException)
            {
                // Fall through to the plain quotient.
            }
        }

        return dividend / value;
    }
}
