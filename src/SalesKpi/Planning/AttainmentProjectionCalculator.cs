using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;
using SalesKpi.BuiltIn;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>Options of <see cref="AttainmentProjectionCalculator"/>.</summary>
public sealed class AttainmentProjectionOptions
{
    /// <summary>Gets or sets the quota in money of a group (such as a rep or team id) in a period; null when it has none.</summary>
    /// <value>The default value is null: the projections are computed, the attainments undefined.</value>
    public Func<string, DateInterval, Money?>? Quota { get; set; }

    /// <summary>Gets or sets what has been won so far: a KPI of unit money.</summary>
    /// <value>The default value is <see cref="Kpis.Revenue"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public KpiCalculator Won { get; set => field = Preconditions.CheckSetNotNull(value); } = Kpis.Revenue;

    /// <summary>Gets or sets the weighted pipeline whose stage probabilities weigh the open opportunities.</summary>
    /// <value>The default value is <see cref="Kpis.WeightedPipeline"/> (Prospecting 0.1 … Negotiation 0.7).</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public WeightedPipelineCalculator WeightedPipeline { get; set => field = Preconditions.CheckSetNotNull(value); } = (WeightedPipelineCalculator)Kpis.WeightedPipeline;
}

/// <summary>
/// The projection of a period's attainment part-way through it: what has been won so far plus the weighted pipeline
/// expected to close in the rest of the period, and the run rate — each against the group's quota.
/// </summary>
/// <remarks>
/// <para>At an instant <c>t</c> inside a period, in the zone of the evaluator's settings: the <b>elapsed days</b> are the
/// period's days that have begun before <c>t</c> (the day <c>t</c> falls in counted whole, so the end of 10 April is 10
/// days into April) and the <b>rest of the period</b> the days after them. Everything is read from the data as it stood
/// before <c>t</c> (<see cref="SalesData.AsOf"/>):</para>
/// <list type="bullet">
/// <item><description><b>won so far</b> = <see cref="AttainmentProjectionOptions.Won"/> (revenue) over the elapsed days;</description></item>
/// <item><description><b>weighted pipeline</b> = the <see cref="WeightedPipelineCalculator"/> over the rest of the period:
/// the opportunities open at <c>t</c> expected to close on a day not yet begun, each weighed by its stage's probability
/// (one expected earlier, overdue or due on the current day, is left out);</description></item>
/// <item><description><b>projected</b> = won so far + weighted pipeline;</description></item>
/// <item><description><b>run rate</b> = won so far × period days / elapsed days (undefined before the period starts);</description></item>
/// <item><description><b>projected attainment</b> = projected / quota and <b>run-rate attainment</b> = run rate / quota
/// (undefined with the reason when the group has no quota or it is zero).</description></item>
/// </list>
/// <para>At or after the period's end nothing remains: the projection and the run rate are what was won. Not a KPI of
/// the catalog: it reads the data at an instant and two ranges of dates, and needs a quota.</para>
/// </remarks>
/// <example>
/// <code>
/// var projection = new AttainmentProjectionCalculator(new AttainmentProjectionOptions { Quota = (rep, period) => new Money(90_000m, Currency.USD) });
/// // 30,000 USD won in the first 10 days of April, 20,000 of proposals (0.5) expected later in April:
/// // projected 40,000, attainment 0.444; run rate 30,000 × 30 / 10 = 90,000, attainment 1.
/// var rows = projection.Evaluate(evaluator, data, april, KpiGrouping.ByRep, endOfApril10);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads, provided the quota delegate is.</threadsafety>
public sealed class AttainmentProjectionCalculator
{
    private readonly Func<string, DateInterval, Money?>? _quota;

    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options; the defaults when null.</param>
    /// <exception cref="ArgumentException">The measure of what is won is not of unit money.</exception>
    public AttainmentProjectionCalculator(AttainmentProjectionOptions? options = null)
    {
        options ??= new AttainmentProjectionOptions();
        Won = options.Won;
        Preconditions.CheckArgument(Won.Unit == KpiUnit.Money, "options.Won", $"KPI '{Won.Id}' is of unit {Won.Unit}; what is won is an amount, a KPI of unit money.");
        WeightedPipeline = options.WeightedPipeline;
        _quota = options.Quota;
    }

    /// <summary>Gets what has been won so far.</summary>
    public KpiCalculator Won { get; }

    /// <summary>Gets the weighted pipeline of the rest of the period.</summary>
    public WeightedPipelineCalculator WeightedPipeline { get; }

    /// <summary>Returns the run-rate projection: won × period days / elapsed days.</summary>
    /// <param name="won">What was won so far.</param>
    /// <param name="elapsedDays">The days of the period that have begun; 0 to the period's length.</param>
    /// <param name="periodDays">The period's length in days; at least 1.</param>
    /// <returns>The projection in the currency of <paramref name="won"/>; undefined when no day has elapsed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count of days is out of range.</exception>
    public static KpiValue RunRate(Money won, int elapsedDays, int periodDays)
    {
        Preconditions.CheckRange(periodDays >= 1, periodDays, "A period has at least one day.", nameof(periodDays));
        Preconditions.CheckRange(elapsedDays >= 0 && elapsedDays <= periodDays, elapsedDays, "The elapsed days must be between 0 and the period's days.", nameof(elapsedDays));
        return elapsedDays == 0
            ? KpiValue.Undefined(KpiUnit.Money, "the period has not started: no day has elapsed")
            : KpiValue.FromMoney(new Money(won.Amount * periodDays / elapsedDays, won.Currency));
    }

    /// <summary>Projects the attainment of each group in a period at an instant.</summary>
    /// <param name="evaluator">The evaluator; its settings decide the zone and the currency.</param>
    /// <param name="data">The snapshot; it is read as it stood before <paramref name="asOf"/>.</param>
    /// <param name="period">The period's dates.</param>
    /// <param name="grouping">The groups: <see cref="KpiGrouping.None"/>, by rep, by team, or any grouping that supports deals and opportunities.</param>
    /// <param name="asOf">The instant to project from.</param>
    /// <returns>One projection per group of the report (every known group of the grouping, in report order).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">Amounts in different currencies cannot be summed, or a quota is in another currency than the amounts.</exception>
    public ImmutableArray<AttainmentProjection> Evaluate(KpiEvaluator evaluator, SalesData data, DateInterval period, KpiGrouping grouping, Instant asOf)
    {
        Preconditions.CheckNotNull(evaluator);
        Preconditions.CheckNotNull(data);
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(grouping);
        var settings = evaluator.Settings;
        var start = settings.SaturatingStartOf(period.Start);
        var periodDays = period.Length;
        var today = settings.LocalDateOf(asOf - Duration.Epsilon);
        var elapsed = asOf <= start ? 0 : today > period.End ? periodDays : Period.DaysBetween(period.Start, today) + 1;
        var then = data.AsOf(asOf);
        var all = grouping != KpiGrouping.None;
        KpiReport? won = elapsed == 0 ? null
            : evaluator.Evaluate(then, new KpiQuery(new DateInterval(period.Start, period.Start.PlusDays(elapsed - 1)), [Won], grouping, includeAllKnownGroups: all));
        KpiReport? pipeline = elapsed == periodDays ? null
            : evaluator.Evaluate(then, new KpiQuery(new DateInterval(period.Start.PlusDays(elapsed), period.End), [WeightedPipeline], grouping, includeAllKnownGroups: all));
        var groups = (won?.Groups ?? []).Concat(pipeline?.Groups ?? []).Distinct(StringComparer.Ordinal).Order(grouping.KeyOrder).ToList();
        var zero = settings.ReportingCurrency;
        var result = ImmutableArray.CreateBuilder<AttainmentProjection>(groups.Count);
        foreach (var group in groups)
        {
            var w = won is not null && won.HasGroup(group) ? won.Get(Won.Id, group) : Nothing(zero);
            var p = pipeline is not null && pipeline.HasGroup(group) ? pipeline.Get(WeightedPipeline.Id, group) : Nothing(zero);
            result.Add(Project(group, period, asOf, elapsed, periodDays, w, p));
        }

        return result.MoveToImmutable();
    }

    private static KpiValue Nothing(Currency? currency) => KpiValue.FromMoney(new Money(0m, currency ?? Currency.None));

    private AttainmentProjection Project(string group, DateInterval period, Instant asOf, int elapsed, int periodDays, KpiValue won, KpiValue pipeline)
    {
        var quota = _quota?.Invoke(group, period);
        var noQuota = string.Create(CultureInfo.InvariantCulture, $"no quota is set for group '{group}' in {period.Start:uuuu-MM-dd}..{period.End:uuuu-MM-dd}");
        var undefined = ComponentMoney.FirstUndefined([Won, WeightedPipeline], won, pipeline);
        if (undefined is not null)
        {
            var projectedUndefined = KpiValue.Undefined(KpiUnit.Money, undefined);
            var attainmentUndefined = KpiValue.Undefined(KpiUnit.Ratio, undefined);
            var runRateOnly = won.IsDefined ? RunRate(AsMoney(won), elapsed, periodDays) : projectedUndefined;
            return new AttainmentProjection(group, period, asOf, elapsed, periodDays, won, pipeline, projectedUndefined, runRateOnly, quota, attainmentUndefined, Attain(runRateOnly, quota, noQuota));
        }

        // One currency for the sums: the quota's, else the first known of the two amounts.
        var currency = quota?.Currency ?? Known(won.Currency) ?? Known(pipeline.Currency) ?? Currency.None;
        var w = ComponentMoney.In(won, currency, Won.Id);
        var p = ComponentMoney.In(pipeline, currency, WeightedPipeline.Id);
        var projected = KpiValue.FromMoney(new Money(w.Amount + p.Amount, currency), won.UnpricedCount + pipeline.UnpricedCount);
        var runRate = RunRate(w, elapsed, periodDays);
        return new AttainmentProjection(group, period, asOf, elapsed, periodDays, won, pipeline, projected, runRate, quota, Attain(projected, quota, noQuota), Attain(runRate, quota, noQuota));
    }

    private static Currency? Known(Currency? currency) => currency is { } c && c != Currency.None ? c : null;

    private static Money AsMoney(KpiValue value) => new(value.Value ?? 0m, value.Currency ?? Currency.None);

    private static KpiValue Attain(KpiValue amount, Money? quota, string noQuota)
    {
        if (quota is not { } q)
        {
            return KpiValue.Undefined(KpiUnit.Ratio, noQuota);
        }

        if (amount.Value is not { } value)
        {
            return KpiValue.Undefined(KpiUnit.Ratio, "the projection is undefined: " + amount.UndefinedReason);
        }

        return KpiValue.Ratio(ComponentMoney.In(amount, q.Currency, "projection").Amount, q.Amount, "the quota is zero").WithUnpriced(amount.UnpricedCount);
    }
}

/// <summary>One group's projected attainment of a period at an instant (<see cref="AttainmentProjectionCalculator"/>).</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class AttainmentProjection
{
    internal AttainmentProjection(
        string group,
        DateInterval period,
        Instant asOf,
        int elapsedDays,
        int periodDays,
        KpiValue wonSoFar,
        KpiValue weightedPipeline,
        KpiValue projected,
        KpiValue runRate,
        Money? quota,
        KpiValue projectedAttainment,
        KpiValue runRateAttainment)
    {
        Group = group;
        Period = period;
        AsOf = asOf;
        ElapsedDays = elapsedDays;
        PeriodDays = periodDays;
        WonSoFar = wonSoFar;
        WeightedPipeline = weightedPipeline;
        Projected = projected;
        RunRate = runRate;
        Quota = quota;
        ProjectedAttainment = projectedAttainment;
        RunRateAttainment = runRateAttainment;
    }

    /// <summary>Gets the group key.</summary>
    public string Group { get; }

    /// <summary>Gets the period's dates.</summary>
    [JsonConverter(typeof(Serialization.DateIntervalJsonConverter))]
    public DateInterval Period { get; }

    /// <summary>Gets the instant projected from.</summary>
    [JsonConverter(typeof(Serialization.InstantJsonConverter))]
    public Instant AsOf { get; }

    /// <summary>Gets the period's days that had begun before <see cref="AsOf"/>.</summary>
    public int ElapsedDays { get; }

    /// <summary>Gets the period's length in days.</summary>
    public int PeriodDays { get; }

    /// <summary>Gets what was won in the elapsed days.</summary>
    public KpiValue WonSoFar { get; }

    /// <summary>Gets the weighted pipeline expected to close in the rest of the period.</summary>
    public KpiValue WeightedPipeline { get; }

    /// <summary>Gets won so far + weighted pipeline.</summary>
    public KpiValue Projected { get; }

    /// <summary>Gets won so far × period days / elapsed days.</summary>
    public KpiValue RunRate { get; }

    /// <summary>Gets the group's quota for the period.</summary>
    /// <value>The quota, or null when the group has none.</value>
    public Money? Quota { get; }

    /// <summary>Gets projected / quota.</summary>
    public KpiValue ProjectedAttainment { get; }

    /// <summary>Gets run rate / quota.</summary>
    public KpiValue RunRateAttainment { get; }
}
