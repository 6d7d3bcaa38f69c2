using System.Globalization;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>
/// <c>activity-barometer</c>: the new opportunities a group actually creates per week, divided by its magic number.
/// Seed 004: it should be at 100% (1) or more; judge it with <see cref="CoachingThresholds.ActivityBarometer"/>.
/// </summary>
/// <remarks>
/// <para>The actual weekly rate is the actual count in the period (by default <c>new-opportunities</c>, by created at)
/// divided by the period's weeks, its days / 7: 39 opportunities over a 91-day window are 3 a week. The magic number is
/// evaluated over the same period. The value is a ratio whose numerator is the actual weekly rate and whose denominator
/// is the unrounded magic number; undefined when the magic number is undefined or zero.</para>
/// </remarks>
/// <example>
/// <code>
/// var barometer = new ActivityBarometerCalculator(magic); // magic: a MagicNumberCalculator
/// KpiReport report = new KpiEvaluator().Evaluate(data, new KpiQuery(window, [magic, barometer], KpiGrouping.ByRep));
/// var coaching = report.EvaluateTarget(CoachingThresholds.ActivityBarometer); // status Below under 100%
/// // Directly: 12 a week against a magic number of 16 is 0.75.
/// KpiValue value = ActivityBarometerCalculator.Calculate(12m, KpiValue.Number(16m));
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class ActivityBarometerCalculator : DerivedKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="magicNumber">The magic number the actual rate is compared with.</param>
    /// <param name="actual">The KPI that counts what the rep actually creates, of unit count; <see cref="Kpis.NewOpportunities"/> when null.</param>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="magicNumber"/> or <paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case, or <paramref name="actual"/> is not a count.</exception>
    public ActivityBarometerCalculator(MagicNumberCalculator magicNumber, KpiCalculator? actual = null, string id = KpiIds.ActivityBarometer)
        : base(id, [actual ?? Kpis.NewOpportunities, Preconditions.CheckNotNull(magicNumber)])
    {
        Actual = actual ?? Kpis.NewOpportunities;
        Preconditions.CheckArgument(Actual.Unit == KpiUnit.Count, nameof(actual), $"KPI '{Actual.Id}' is not a count.");
        MagicNumber = magicNumber;
    }

    /// <summary>Gets the KPI that counts what the rep actually creates.</summary>
    public KpiCalculator Actual { get; }

    /// <summary>Gets the magic number the actual rate is compared with.</summary>
    public MagicNumberCalculator MagicNumber { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description => $"{Actual.Id} per week / {MagicNumber.Id}";

    /// <summary>Returns the barometer: the actual weekly rate divided by the magic number.</summary>
    /// <param name="actualPerWeek">The actual weekly rate; not negative.</param>
    /// <param name="magicNumber">The magic number, defined or not.</param>
    /// <returns>actualPerWeek / magic number, a ratio with that numerator and denominator; undefined with the reason when the magic number is undefined or zero.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="magicNumber"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="actualPerWeek"/> is negative.</exception>
    public static KpiValue Calculate(decimal actualPerWeek, KpiValue magicNumber)
    {
        Preconditions.CheckRange(actualPerWeek >= 0m, actualPerWeek, "The actual weekly rate must not be negative.", nameof(actualPerWeek));
        Preconditions.CheckNotNull(magicNumber);
        return magicNumber.Value is { } magic
            ? KpiValue.Ratio(actualPerWeek, magic, "the magic number is zero: the goal needs no new opportunities")
            : KpiValue.Undefined(KpiUnit.Ratio, "the magic number is undefined: " + magicNumber.UndefinedReason);
    }

    /// <inheritdoc />
    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        var actual = values.Current(0);
        if (actual.Value is not { } count)
        {
            return KpiValue.Undefined(KpiUnit.Ratio, string.Create(CultureInfo.InvariantCulture, $"{Actual.Id} is undefined: {actual.UndefinedReason}"));
        }

        // Weeks = days / 7, so count / weeks = count × 7 / days, exact for whole weeks.
        var perWeek = count * 7m / values.Period.Dates.Length;
        return Calculate(perWeek, values.Current(1));
    }
}
