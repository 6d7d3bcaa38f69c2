using System.Globalization;
using SalesKpi.Reporting;

namespace SalesKpi.Planning;

/// <summary>
/// A magic number with the working behind it: every input with its source, the sales, proposals and first
/// appointments the goal needs, and the weekly number of first appointments — or why it is undefined.
/// </summary>
/// <remarks>
/// <para>The chain is seed 004's formula, evaluated left to right without rounding:
/// sales = goal / average revenue per sale; proposals = sales / close ratio; first appointments = proposals /
/// first-appointment-to-proposal ratio; <see cref="Value"/> = first appointments / weeks. Only
/// <see cref="RequiredPerWeek"/> is rounded (up), because a rep books whole appointments; the barometer divides by the
/// unrounded value so that rounding does not distort it.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class MagicNumberResult
{
    internal MagicNumberResult(
        string group,
        PlanInput revenueGoal,
        PlanInput averageRevenuePerSale,
        PlanInput closeRatio,
        PlanInput firstAppointmentToProposal,
        PlanInput weeks,
        decimal? sales,
        decimal? proposals,
        decimal? firstAppointments,
        KpiValue value)
    {
        Group = group;
        RevenueGoal = revenueGoal;
        AverageRevenuePerSale = averageRevenuePerSale;
        CloseRatio = closeRatio;
        FirstAppointmentToProposal = firstAppointmentToProposal;
        Weeks = weeks;
        Sales = sales;
        Proposals = proposals;
        FirstAppointments = firstAppointments;
        Value = value;
    }

    /// <summary>Gets the group the magic number is for, such as a rep id.</summary>
    /// <value>The group key; <see cref="KpiGrouping.AllKey"/> when computed from given inputs alone.</value>
    public string Group { get; }

    /// <summary>Gets the revenue goal over the weeks.</summary>
    public PlanInput RevenueGoal { get; }

    /// <summary>Gets the average revenue per sale.</summary>
    public PlanInput AverageRevenuePerSale { get; }

    /// <summary>Gets the close ratio: the share of proposals that become sales.</summary>
    public PlanInput CloseRatio { get; }

    /// <summary>Gets the first-appointment-to-proposal ratio.</summary>
    public PlanInput FirstAppointmentToProposal { get; }

    /// <summary>Gets the number of weeks to reach the goal in.</summary>
    public PlanInput Weeks { get; }

    /// <summary>Gets the sales the goal needs: goal / average revenue per sale.</summary>
    /// <value>The unrounded number, or null when undefined.</value>
    public decimal? Sales { get; }

    /// <summary>Gets the proposals the sales need: sales / close ratio.</summary>
    /// <value>The unrounded number, or null when undefined.</value>
    public decimal? Proposals { get; }

    /// <summary>Gets the first appointments the proposals need: proposals / first-appointment-to-proposal ratio.</summary>
    /// <value>The unrounded number, or null when undefined.</value>
    public decimal? FirstAppointments { get; }

    /// <summary>Gets the magic number: first appointments a week, unrounded, of unit <see cref="KpiUnit.Number"/>; or undefined with the reason.</summary>
    public KpiValue Value { get; }

    /// <summary>Gets a value indicating whether the magic number could be computed.</summary>
    public bool IsDefined => Value.IsDefined;

    /// <summary>Gets the whole number of first appointments to book each week: <see cref="Value"/> rounded up.</summary>
    /// <value>The rounded-up number, or null when undefined.</value>
    public decimal? RequiredPerWeek => Value.Value is { } v ? decimal.Ceiling(v) : null;

    /// <summary>Returns the activity barometer of a rep who creates <paramref name="actualPerWeek"/> new opportunities a week: actual / magic number.</summary>
    /// <param name="actualPerWeek">The actual weekly rate; not negative.</param>
    /// <returns>A ratio (1 is 100%); undefined when the magic number is undefined or zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="actualPerWeek"/> is negative.</exception>
    public KpiValue Barometer(decimal actualPerWeek) => ActivityBarometerCalculator.Calculate(actualPerWeek, Value);

    /// <summary>
    /// Returns a stable, culture-invariant description, such as
    /// <c>16 first appointments a week = 1,000,000.00 USD / 10,000.00 USD / 0.25 / 0.5 / 50 weeks</c>.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        Value.Value is { } v
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{KpiValue.Format(v)} first appointments a week = {Plain(RevenueGoal)} / {Plain(AverageRevenuePerSale)} / {Plain(CloseRatio)} / {Plain(FirstAppointmentToProposal)} / {Plain(Weeks)} weeks")
            : Value.ToString();

    private static string Plain(PlanInput input) => input.Value.Unit == KpiUnit.Money
        ? new Money(input.Value.Value!.Value, input.Value.Currency ?? default).ToString()
        : KpiValue.Format(input.Value.Value!.Value);
}
