using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>
/// Seed 004's magic number: how many new opportunities (first appointments) a rep must create each week to reach a
/// revenue goal — from given inputs, or from a trailing window of the data per rep.
/// </summary>
/// <remarks>
/// <para>magic number = revenue goal / average revenue per sale / close ratio / first-appointment-to-proposal ratio /
/// weeks. Every input is a <see cref="PlanInput"/> that records whether it was given or read from a KPI over a window;
/// the result keeps them all (<see cref="MagicNumberResult"/>).</para>
/// <para>An input that is undefined (no deals won in the window) or a divisor that is zero (a close ratio of 0) gives an
/// undefined result with the reason, never an exception. A goal of zero gives a magic number of zero.</para>
/// <para>The same calculation is the <c>magic-number</c> KPI (<see cref="MagicNumberCalculator"/>), evaluated by the
/// engine with the report's period as the window; <see cref="FromData"/> runs that KPI's components over one window
/// and returns the full working per group.</para>
/// </remarks>
/// <example>
/// <code>
/// // 1,000,000 USD over 50 weeks at 10,000 USD a sale, 25% close, 50% first appointment to proposal:
/// // 100 sales, 400 proposals, 800 first appointments, 16 a week.
/// MagicNumberResult magic = MagicNumber.Calculate(
///     PlanInput.Given(new Money(1_000_000m, Currency.USD)), PlanInput.Given(new Money(10_000m, Currency.USD)),
///     PlanInput.GivenRatio(0.25m), PlanInput.GivenRatio(0.5m), weeks: 50m);
/// </code>
/// </example>
/// <threadsafety>This type is safe to use from several threads.</threadsafety>
public static class MagicNumber
{
    /// <summary>Computes the magic number from its inputs.</summary>
    /// <param name="revenueGoal">The revenue goal over <paramref name="weeks"/>, of unit <see cref="KpiUnit.Money"/>.</param>
    /// <param name="averageRevenuePerSale">The average revenue per sale, of unit <see cref="KpiUnit.Money"/>, in the goal's currency.</param>
    /// <param name="closeRatio">The share of proposals that become sales, of unit <see cref="KpiUnit.Ratio"/>.</param>
    /// <param name="firstAppointmentToProposal">The share of first appointments that reach a proposal, of unit <see cref="KpiUnit.Ratio"/>.</param>
    /// <param name="weeks">The weeks to reach the goal in; positive.</param>
    /// <returns>The result with every input; undefined with the reason when an input is undefined or a divisor is zero.</returns>
    /// <exception cref="ArgumentNullException">An input is null.</exception>
    /// <exception cref="ArgumentException">An input has the wrong unit, or the goal and the average revenue per sale are in different currencies.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weeks"/> is not positive.</exception>
    public static MagicNumberResult Calculate(
        PlanInput revenueGoal,
        PlanInput averageRevenuePerSale,
        PlanInput closeRatio,
        PlanInput firstAppointmentToProposal,
        decimal weeks)
    {
        Preconditions.CheckRange(weeks > 0m, weeks, "The number of weeks must be positive.", nameof(weeks));
        return Calculate(KpiGrouping.AllKey, revenueGoal, averageRevenuePerSale, closeRatio, firstAppointmentToProposal, PlanInput.Given(weeks));
    }

    /// <summary>
    /// Computes the magic number of every group from a window of the data: the KPIs of
    /// <paramref name="options"/> are evaluated over <paramref name="window"/> per group, in one pass, and each becomes a
    /// <see cref="PlanInput"/> from the data unless the options give its value.
    /// </summary>
    /// <param name="evaluator">The evaluator (its settings decide time zone and currency).</param>
    /// <param name="data">The snapshot.</param>
    /// <param name="window">The dates the rates and the average deal size are taken over, such as <see cref="TrailingWeeks"/>.</param>
    /// <param name="options">The goal per group, the weeks, and which KPIs (or given values) supply the inputs.</param>
    /// <param name="groupBy">The grouping; <see cref="KpiGrouping.ByRep"/> when null.</param>
    /// <returns>One result per group, in report order; every rep of the roster is included.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null, or the options have no goal.</exception>
    /// <exception cref="ArgumentException">The options are inconsistent (see <see cref="MagicNumberCalculator"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options' weeks are not positive, or a given value is negative.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed under the evaluator's settings, or a goal and the data's average revenue per sale are in different currencies.</exception>
    public static ImmutableArray<MagicNumberResult> FromData(
        KpiEvaluator evaluator,
        SalesData data,
        DateInterval window,
        MagicNumberOptions options,
        KpiGrouping? groupBy = null)
    {
        Preconditions.CheckNotNull(evaluator);
        Preconditions.CheckNotNull(data);
        Preconditions.CheckNotNull(window);
        var calculator = new MagicNumberCalculator(options);
        var report = evaluator.Evaluate(data, new KpiQuery(window, calculator.Components, groupBy ?? KpiGrouping.ByRep, includeAllKnownGroups: true));
        var ids = calculator.Components.Select(c => c.Id).ToArray();
        return
        [
            .. report.Groups.Select(g => calculator.Plan(g, window, report.Get(ids[0], g), report.Get(ids[1], g), report.Get(ids[2], g))),
        ];
    }

    /// <summary>Returns the trailing window of whole weeks that ends on a date: <paramref name="weeks"/> × 7 days, <paramref name="asOf"/> included.</summary>
    /// <param name="asOf">The last date of the window.</param>
    /// <param name="weeks">The number of weeks; positive.</param>
    /// <returns>The dates, inclusive.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weeks"/> is not positive, or so large that the window would start before the calendar's first date (<see cref="LocalDate.MinIsoValue"/>).</exception>
    public static DateInterval TrailingWeeks(LocalDate asOf, int weeks)
    {
        Preconditions.CheckRange(weeks > 0, weeks, "The number of weeks must be positive.", nameof(weeks));
        var back = (weeks * 7L) - 1;
        Preconditions.CheckRange(
            back <= Period.DaysBetween(LocalDate.MinIsoValue, asOf),
            weeks,
            string.Create(CultureInfo.InvariantCulture, $"{weeks} weeks up to {asOf:uuuu-MM-dd} would start before the calendar's first date, {LocalDate.MinIsoValue:uuuu-MM-dd}."),
            nameof(weeks));
        return new DateInterval(asOf.PlusDays((int)-back), asOf);
    }

    internal static MagicNumberResult Calculate(
        string group,
        PlanInput revenueGoal,
        PlanInput averageRevenuePerSale,
        PlanInput closeRatio,
        PlanInput firstAppointmentToProposal,
        PlanInput weeks)
    {
        Preconditions.CheckNotNull(revenueGoal);
        Preconditions.CheckNotNull(averageRevenuePerSale);
        Preconditions.CheckNotNull(closeRatio);
        Preconditions.CheckNotNull(firstAppointmentToProposal);
        CheckUnit(revenueGoal, KpiUnit.Money, nameof(revenueGoal));
        CheckUnit(averageRevenuePerSale, KpiUnit.Money, nameof(averageRevenuePerSale));
        CheckUnit(closeRatio, KpiUnit.Ratio, nameof(closeRatio));
        CheckUnit(firstAppointmentToProposal, KpiUnit.Ratio, nameof(firstAppointmentToProposal));
        if (revenueGoal.IsDefined && averageRevenuePerSale.IsDefined)
        {
            Preconditions.CheckArgument(
                revenueGoal.Value.Currency == averageRevenuePerSale.Value.Currency,
                nameof(averageRevenuePerSale),
                $"The revenue goal is in {revenueGoal.Value.Currency} but the average revenue per sale is in {averageRevenuePerSale.Value.Currency}; set a reporting currency.");
        }

        MagicNumberResult Undefined(string reason) =>
            new(group, revenueGoal, averageRevenuePerSale, closeRatio, firstAppointmentToProposal, weeks, null, null, null, KpiValue.Undefined(KpiUnit.Number, reason));

        foreach (var (input, name) in new[]
        {
            (revenueGoal, "the revenue goal"),
            (averageRevenuePerSale, "the average revenue per sale"),
            (closeRatio, "the close ratio"),
            (firstAppointmentToProposal, "the first-appointment-to-proposal ratio"),
        })
        {
            if (!input.IsDefined)
            {
                return Undefined(string.Create(CultureInfo.InvariantCulture, $"{name} ({input.Origin}) is undefined: {input.Value.UndefinedReason}"));
            }

            if (!ReferenceEquals(input, revenueGoal) && input.Value.Value == 0m)
            {
                return Undefined(string.Create(CultureInfo.InvariantCulture, $"{name} ({input.Origin}) is zero"));
            }
        }

        var sales = averageRevenuePerSale.Divide(revenueGoal.Value.Value!.Value);
        var proposals = closeRatio.Divide(sales);
        var firstAppointments = firstAppointmentToProposal.Divide(proposals);
        var perWeek = firstAppointments / weeks.Value.Value!.Value;
        return new(group, revenueGoal, averageRevenuePerSale, closeRatio, firstAppointmentToProposal, weeks, sales, proposals, firstAppointments, KpiValue.Number(perWeek));
    }

    private static void CheckUnit(PlanInput input, KpiUnit unit, string paramName) =>
        Preconditions.CheckArgument(
            input.Value.Unit == unit,
            paramName,
            $"The input must be of unit {unit}, not {input.Value.Unit}.");
}
