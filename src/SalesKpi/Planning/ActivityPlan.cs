using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>
/// Seed 000's plan, worked back from a goal: the volume each funnel step needs over a horizon, and per working day, to
/// reach a target number of deals or amount of revenue.
/// </summary>
/// <remarks>
/// <para><b>Formula.</b> The deals needed are the target (or revenue / average deal size). Going up the funnel, each
/// step needs the <em>required</em> volume of the step below divided by its conversion rate.</para>
/// <para><b>Rounding.</b> Required counts round up, always with <see cref="decimal.Ceiling"/>:</para>
/// <list type="number">
/// <item><description>each step's <see cref="ActivityPlanStep.Unrounded"/> volume is rounded up to
/// <see cref="ActivityPlanStep.Required"/>, and that whole number — not the unrounded one — feeds the next step up, so
/// every step's required volume, converted at its rate, reaches the required volume below it;</description></item>
/// <item><description>the per-working-day figure is the rounded-up horizon volume divided by the working days, rounded
/// up again.</description></item>
/// </list>
/// <para>Seed 000: 50 deals, one meeting in three closing and 15% of calls becoming meetings: 50 / (1/3) = 150
/// meetings, 150 / 0.15 = 1,000 calls; over 21 working days, 1,000 / 21 = 47.6, so 48 calls a day. A rate given as an
/// exact fraction (<see cref="PlanInput.GivenRatio(decimal, decimal)"/>) or read from the data (with its numerator and
/// denominator) divides exactly, so 50 / (1/3) is 150, not 150.000…1 rounded up to 151.</para>
/// <para><b>Undefined.</b> A step whose rate is undefined or zero is undefined with the reason, and so is every step
/// above it; the steps below stay defined. With no working day in the horizon, the per-day figures are undefined.</para>
/// </remarks>
/// <example>
/// <code>
/// var march = new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)); // 21 working days
/// ActivityPlan plan = ActivityPlan.ForDeals(50m, march,
///     [new FunnelStep("calls", PlanInput.GivenRatio(0.15m)), new FunnelStep("meetings", PlanInput.GivenRatio(1m, 3m))],
///     WorkingDayCalendar.MondayToFriday);
/// // calls 1,000 (48 a working day), meetings 150 (8 a working day), deals 50 (3 a working day)
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class ActivityPlan
{
    /// <summary>The name of the last row of every plan: <c>deals</c>.</summary>
    public const string DealsStepName = "deals";

    private ActivityPlan(PlanInput target, PlanInput? averageDealSize, DateInterval horizon, WorkingDayCalendar calendar, int workingDays, ImmutableArray<ActivityPlanStep> steps)
    {
        Target = target;
        AverageDealSize = averageDealSize;
        Horizon = horizon;
        Calendar = calendar;
        WorkingDays = workingDays;
        Steps = steps;
    }

    /// <summary>Gets the target: a number of deals (unit number) or an amount of revenue (unit money).</summary>
    public PlanInput Target { get; }

    /// <summary>Gets the average deal size that turns a revenue target into deals.</summary>
    /// <value>The average deal size, or null for a target in deals.</value>
    public PlanInput? AverageDealSize { get; }

    /// <summary>Gets the dates the target is to be reached in.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Serialization.DateIntervalJsonConverter))]
    public DateInterval Horizon { get; }

    /// <summary>Gets the calendar that decides the working days.</summary>
    public WorkingDayCalendar Calendar { get; }

    /// <summary>Gets the number of working days in <see cref="Horizon"/>.</summary>
    public int WorkingDays { get; }

    /// <summary>Gets the required volume of every step, from the top of the funnel down, with the deals last.</summary>
    public ImmutableArray<ActivityPlanStep> Steps { get; }

    /// <summary>Gets the last row: the deals.</summary>
    public ActivityPlanStep Deals => Steps[^1];

    /// <summary>Gets a value indicating whether every step's required volume is defined.</summary>
    public bool IsDefined => Steps.All(s => s.IsDefined);

    /// <summary>Returns the plan for a number of deals.</summary>
    /// <param name="deals">The deals to win over the horizon; not negative (a fraction rounds up).</param>
    /// <param name="horizon">The dates to win them in.</param>
    /// <param name="steps">The funnel steps from the top down, each with its conversion rate to the next; may be empty.</param>
    /// <param name="calendar">The working days.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException">A reference argument or a step is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deals"/> is negative.</exception>
    /// <exception cref="ArgumentException">Two steps have the same name, or a step is named <c>deals</c>.</exception>
    public static ActivityPlan ForDeals(decimal deals, DateInterval horizon, IEnumerable<FunnelStep> steps, WorkingDayCalendar calendar)
    {
        Preconditions.CheckRange(deals >= 0m, deals, "The deals to win must not be negative.", nameof(deals));
        var target = PlanInput.Given(deals);
        return Create(target, null, target.Value.Value!.Value, null, horizon, steps, calendar);
    }

    /// <summary>Returns the plan for an amount of revenue: the deals needed are revenue / average deal size.</summary>
    /// <param name="revenue">The revenue to win over the horizon; not negative.</param>
    /// <param name="averageDealSize">The average deal size, of unit money in the revenue's currency; given or from the data.</param>
    /// <param name="horizon">The dates to win it in.</param>
    /// <param name="steps">The funnel steps from the top down, each with its conversion rate to the next; may be empty.</param>
    /// <param name="calendar">The working days.</param>
    /// <returns>The plan; undefined at every step when the average deal size is undefined or zero.</returns>
    /// <exception cref="ArgumentNullException">A reference argument or a step is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revenue"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="averageDealSize"/> is not money or is in another currency; two steps have the same name, or a step is named <c>deals</c>.</exception>
    public static ActivityPlan ForRevenue(Money revenue, PlanInput averageDealSize, DateInterval horizon, IEnumerable<FunnelStep> steps, WorkingDayCalendar calendar)
    {
        Preconditions.CheckRange(revenue.Amount >= 0m, revenue, "The revenue to win must not be negative.", nameof(revenue));
        var target = PlanInput.Given(revenue);
        Preconditions.CheckNotNull(averageDealSize);
        Preconditions.CheckArgument(averageDealSize.Value.Unit == KpiUnit.Money, nameof(averageDealSize), $"The average deal size must be money, not {averageDealSize.Value.Unit}.");
        Preconditions.CheckArgument(
            !averageDealSize.IsDefined || averageDealSize.Value.Currency == revenue.Currency,
            nameof(averageDealSize),
            $"The revenue target is in {revenue.Currency} but the average deal size is in {averageDealSize.Value.Currency}.");
        string? reason = null;
        decimal deals = 0m;
        if (!averageDealSize.IsDefined)
        {
            reason = $"the average deal size ({averageDealSize.Origin}) is undefined: {averageDealSize.Value.UndefinedReason}";
        }
        else if (averageDealSize.Value.Value == 0m)
        {
            reason = $"the average deal size ({averageDealSize.Origin}) is zero";
        }
        else
        {
            deals = averageDealSize.Divide(revenue.Amount);
        }

        return Create(target, averageDealSize, deals, reason, horizon, steps, calendar);
    }

    /// <summary>
    /// Returns a stable, culture-invariant description, such as
    /// <c>calls 1000 (48 a working day) → meetings 150 (8 a working day) → deals 50 (3 a working day); [2025-03-01, 2025-03-31], 21 working days</c>.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{string.Join(" → ", Steps)}; {Horizon}, {WorkingDays} working days");

    private static ActivityPlan Create(
        PlanInput target,
        PlanInput? averageDealSize,
        decimal deals,
        string? dealsUndefinedReason,
        DateInterval horizon,
        IEnumerable<FunnelStep> steps,
        WorkingDayCalendar calendar)
    {
        Preconditions.CheckNotNull(horizon);
        Preconditions.CheckNotNull(steps);
        Preconditions.CheckNotNull(calendar);
        var funnel = steps.ToImmutableArray();
        var names = new HashSet<string>(StringComparer.Ordinal) { DealsStepName };
        for (var i = 0; i < funnel.Length; i++)
        {
            var step = funnel[i] ?? throw new ArgumentNullException(nameof(steps), $"Step {i} is null.");
            Preconditions.CheckArgument(names.Add(step.Name), nameof(steps), $"Step name '{step.Name}' appears twice (or is the reserved name '{DealsStepName}').");
        }

        var workingDays = calendar.CountWorkingDays(horizon);
        var rows = new ActivityPlanStep[funnel.Length + 1];
        rows[^1] = dealsUndefinedReason is null
            ? ActivityPlanStep.Defined(DealsStepName, null, deals, workingDays)
            : ActivityPlanStep.Undefined(DealsStepName, null, dealsUndefinedReason);

        // Work back up the funnel: each step needs the rounded-up volume of the step below / its rate.
        for (var i = funnel.Length - 1; i >= 0; i--)
        {
            var step = funnel[i];
            var below = rows[i + 1];
            var rate = step.ConversionRate;
            rows[i] = below.Required.Value is not { } needed
                ? ActivityPlanStep.Undefined(step.Name, rate, below.Required.UndefinedReason!)
                : !rate.IsDefined
                    ? ActivityPlanStep.Undefined(step.Name, rate, $"the conversion rate of {step.Name} ({rate.Origin}) is undefined: {rate.Value.UndefinedReason}")
                    : rate.Value.Value == 0m
                        ? ActivityPlanStep.Undefined(step.Name, rate, $"the conversion rate of {step.Name} ({rate.Origin}) is zero")
                        : ActivityPlanStep.Defined(step.Name, rate, rate.Divide(needed), workingDays);
        }

        return new ActivityPlan(target, averageDealSize, horizon, calendar, workingDays, [.. rows]);
    }
}

/// <summary>One row of an <see cref="ActivityPlan"/>: the volume a step needs over the horizon and per working day.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class ActivityPlanStep
{
    private ActivityPlanStep(string name, PlanInput? conversionRate, decimal? unrounded, KpiValue required, KpiValue requiredPerWorkingDay)
    {
        Name = name;
        ConversionRate = conversionRate;
        Unrounded = unrounded;
        Required = required;
        RequiredPerWorkingDay = requiredPerWorkingDay;
    }

    /// <summary>Gets the step's name; <see cref="ActivityPlan.DealsStepName"/> for the last row.</summary>
    public string Name { get; }

    /// <summary>Gets the share of this step's volume that becomes the next step.</summary>
    /// <value>The rate, or null for the deals row.</value>
    public PlanInput? ConversionRate { get; }

    /// <summary>Gets the volume before rounding: the required volume of the step below / the rate (for the deals row, the target deals, or revenue / average deal size).</summary>
    /// <value>The unrounded volume, or null when undefined.</value>
    public decimal? Unrounded { get; }

    /// <summary>Gets the whole volume required over the horizon: <see cref="Unrounded"/> rounded up. Unit <see cref="KpiUnit.Count"/>, or undefined with the reason.</summary>
    public KpiValue Required { get; }

    /// <summary>Gets the whole volume required per working day: <see cref="Required"/> / working days, rounded up. Unit <see cref="KpiUnit.Count"/>, or undefined with the reason (also when the horizon has no working day).</summary>
    public KpiValue RequiredPerWorkingDay { get; }

    /// <summary>Gets a value indicating whether the required volume is defined.</summary>
    public bool IsDefined => Required.IsDefined;

    /// <summary>Returns <c>name required (per day a working day)</c>, such as <c>calls 1000 (48 a working day)</c>, or <c>name undefined: reason</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        !Required.IsDefined
            ? $"{Name} {Required}"
            : RequiredPerWorkingDay.IsDefined
                ? $"{Name} {Required} ({RequiredPerWorkingDay} a working day)"
                : $"{Name} {Required} (no working day)";

    internal static ActivityPlanStep Defined(string name, PlanInput? rate, decimal unrounded, int workingDays)
    {
        var required = decimal.Ceiling(unrounded);
        var perDay = workingDays > 0
            ? KpiValue.Number(decimal.Ceiling(required / workingDays), KpiUnit.Count)
            : KpiValue.Undefined(KpiUnit.Count, "the horizon has no working days");
        return new(name, rate, unrounded, KpiValue.Number(required, KpiUnit.Count), perDay);
    }

    internal static ActivityPlanStep Undefined(string name, PlanInput? rate, string reason)
    {
        var value = KpiValue.Undefined(KpiUnit.Count, reason);
        return new(name, rate, null, value, value);
    }
}
