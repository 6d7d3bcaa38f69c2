using NodaTime;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>
/// <c>magic-number</c>: the weekly number of new opportunities (first appointments) a group must create to reach its
/// revenue goal, with the average revenue per sale, the close ratio and the first-appointment-to-proposal ratio taken
/// from the data of the period being evaluated (or given).
/// </summary>
/// <remarks>
/// <para>It combines three KPIs evaluated in the same pass — by default <c>average-deal-size</c>, <c>close-rate</c>
/// and <c>stage-conversion</c> — so the window the rates come from is the report's period: to take them over the
/// trailing 13 weeks, evaluate over <see cref="MagicNumber.TrailingWeeks"/>(asOf, 13) with no bucketing, or call
/// <see cref="MagicNumber.FromData"/>, which returns every input with its source as well. The goal of each group comes
/// from <see cref="MagicNumberOptions.Goal"/> and the weeks from <see cref="MagicNumberOptions.Weeks"/>.</para>
/// <para>The value is unrounded (unit <see cref="KpiUnit.Number"/>); <see cref="MagicNumberResult.RequiredPerWeek"/>
/// rounds it up. It is undefined with the reason when the group has no goal, an input is undefined, or a divisor is
/// zero. A lower magic number is better: fewer appointments reach the same goal.</para>
/// </remarks>
/// <example>
/// <code>
/// var goals = new Dictionary&lt;string, Money&gt; { ["ayse"] = new(1_000_000m, Currency.USD) };
/// var magic = new MagicNumberCalculator(new MagicNumberOptions
/// {
///     Goal = rep => goals.TryGetValue(rep, out var goal) ? goal : null,
///     Weeks = 50m,
/// });
/// var window = MagicNumber.TrailingWeeks(new LocalDate(2025, 3, 30), 13);
/// KpiReport report = magic.Evaluate(data, window, KpiGrouping.ByRep);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads, provided the goal delegate is.</threadsafety>
public sealed class MagicNumberCalculator : DerivedKpiCalculator
{
    private readonly Func<string, Money?> _goal;
    private readonly PlanInput _weeks;
    private readonly PlanInput? _givenAverage;
    private readonly PlanInput? _givenClose;
    private readonly PlanInput? _givenFirstAppointment;

    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/>, its goal or one of its KPIs is null.</exception>
    /// <exception cref="ArgumentException">The id is not kebab-case, a KPI has the wrong unit, or two KPIs have the same id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The weeks are not positive, or a given value is negative.</exception>
    public MagicNumberCalculator(MagicNumberOptions options)
        : base(Preconditions.CheckNotNull(options).Id, ComponentsOf(options))
    {
        _goal = Preconditions.CheckNotNull(options.Goal, "options.Goal");
        Preconditions.CheckRange(options.Weeks > 0m, options.Weeks, "The number of weeks must be positive.", "options.Weeks");
        _weeks = PlanInput.Given(options.Weeks);
        if (options.GivenAverageRevenuePerSale is { } average)
        {
            Preconditions.CheckRange(average.Amount >= 0m, average, "The average revenue per sale must not be negative.", "options.GivenAverageRevenuePerSale");
            _givenAverage = PlanInput.Given(average);
        }

        if (options.GivenCloseRatio is { } close)
        {
            Preconditions.CheckRange(close >= 0m, close, "The close ratio must not be negative.", "options.GivenCloseRatio");
            _givenClose = PlanInput.GivenRatio(close);
        }

        if (options.GivenFirstAppointmentToProposal is { } firstAppointment)
        {
            Preconditions.CheckRange(firstAppointment >= 0m, firstAppointment, "The ratio must not be negative.", "options.GivenFirstAppointmentToProposal");
            _givenFirstAppointment = PlanInput.GivenRatio(firstAppointment);
        }
    }

    /// <summary>Gets the number of weeks to reach the goal in.</summary>
    public decimal Weeks => _weeks.Value.Value!.Value;

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Number;

    /// <inheritdoc />
    public override KpiDirection Direction => KpiDirection.LowerIsBetter;

    /// <inheritdoc />
    public override string Description => "first appointments a week to reach the revenue goal: goal / average revenue per sale / close ratio / first-appointment-to-proposal ratio / weeks";

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A group's goal and its average revenue per sale are in different currencies.</exception>
    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        return Plan(values.Group, values.Period.Dates, values.Current(0), values.Current(1), values.Current(2)).Value;
    }

    /// <summary>Returns the magic number of one group from its components' values over a window.</summary>
    internal MagicNumberResult Plan(string group, DateInterval window, KpiValue average, KpiValue close, KpiValue firstAppointment)
    {
        var goal = _goal(group) is { } g
            ? PlanInput.Given(g)
            : PlanInput.Missing(KpiUnit.Money, $"no revenue goal is set for group '{group}'");
        var averageInput = _givenAverage ?? PlanInput.FromData(Components[0].Id, window, average);
        Preconditions.CheckState(
            !goal.IsDefined || !averageInput.IsDefined || goal.Value.Currency == averageInput.Value.Currency,
            $"The revenue goal of group '{group}' is in {goal.Value.Currency} but the average revenue per sale is in {averageInput.Value.Currency}; set a reporting currency in KpiSettings.");
        return MagicNumber.Calculate(
            group,
            goal,
            averageInput,
            _givenClose ?? PlanInput.FromData(Components[1].Id, window, close),
            _givenFirstAppointment ?? PlanInput.FromData(Components[2].Id, window, firstAppointment),
            _weeks);
    }

    private static KpiCalculator[] ComponentsOf(MagicNumberOptions options)
    {
        var average = Preconditions.CheckNotNull(options.AverageRevenuePerSaleKpi, "options.AverageRevenuePerSaleKpi");
        var close = Preconditions.CheckNotNull(options.CloseRatioKpi, "options.CloseRatioKpi");
        var firstAppointment = Preconditions.CheckNotNull(options.FirstAppointmentToProposalKpi, "options.FirstAppointmentToProposalKpi");
        Preconditions.CheckArgument(average.Unit == KpiUnit.Money, "options.AverageRevenuePerSaleKpi", $"KPI '{average.Id}' is not in money.");
        Preconditions.CheckArgument(close.Unit == KpiUnit.Ratio, "options.CloseRatioKpi", $"KPI '{close.Id}' is not a ratio.");
        Preconditions.CheckArgument(firstAppointment.Unit == KpiUnit.Ratio, "options.FirstAppointmentToProposalKpi", $"KPI '{firstAppointment.Id}' is not a ratio.");
        Preconditions.CheckArgument(
            average.Id != close.Id && average.Id != firstAppointment.Id && close.Id != firstAppointment.Id,
            "options.FirstAppointmentToProposalKpi",
            "The three KPIs of a magic number need different ids.");
        return [average, close, firstAppointment];
    }
}
