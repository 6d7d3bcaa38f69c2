using System.Globalization;
using SalesKpi.BuiltIn;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Planning;

/// <summary>Options of <see cref="QuotaAttainmentCalculator"/>.</summary>
/// <remarks>
/// <para>Set <see cref="Quota"/> when <see cref="Measure"/> is money (revenue), and <see cref="CountQuota"/> when it is a
/// count (deals won, calls, meetings): the quota is in the measure's unit, and the calculator refuses the other one.</para>
/// </remarks>
public sealed class QuotaAttainmentOptions
{
    /// <summary>Gets or sets the KPI's id.</summary>
    /// <value>The default value is <c>quota-attainment</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Id { get; set => field = Preconditions.CheckSetNotNull(value); } = KpiIds.QuotaAttainment;

    /// <summary>Gets or sets what is measured against the quota: a KPI of unit money, count or number.</summary>
    /// <value>The default value is <see cref="Kpis.Revenue"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public KpiCalculator Measure { get; set => field = Preconditions.CheckSetNotNull(value); } = Kpis.Revenue;

    /// <summary>Gets or sets the quota in money of a group (such as a rep or team id) in a period; null when it has none.</summary>
    /// <value>The default value is null. Required when <see cref="Measure"/> is money.</value>
    public Func<string, KpiPeriod, Money?>? Quota { get; set; }

    /// <summary>Gets or sets the quota as a count (deals, calls) of a group in a period; null when it has none.</summary>
    /// <value>The default value is null. Required when <see cref="Measure"/> is a count or a number.</value>
    public Func<string, KpiPeriod, decimal?>? CountQuota { get; set; }
}

/// <summary>
/// <c>quota-attainment</c>: what a rep, team or the company achieved in the period — revenue by default, or deals, or
/// activities — divided by its quota for that period.
/// </summary>
/// <remarks>
/// <para>The quota comes from the options per group and period, so monthly quotas go with a report bucketed by month
/// and quarterly quotas with one bucketed by quarter. The value is a ratio with the achievement as numerator and the
/// quota as denominator; 1 or more means the quota is met. It is undefined with the reason when the group has no quota
/// in the period, the quota is zero, or the measure is undefined. For the pace towards the quota part-way through a
/// period, see <see cref="QuotaPacingCalculator"/>.</para>
/// </remarks>
/// <example>
/// <code>
/// var quotas = new Dictionary&lt;string, Money&gt; { ["ayse"] = new(300_000m, Currency.USD) };
/// var attainment = new QuotaAttainmentCalculator(new QuotaAttainmentOptions
/// {
///     Quota = (rep, month) => quotas.TryGetValue(rep, out var q) ? q : null,
/// });
/// // 120,000 USD won of 300,000: 0.4.
/// KpiReport report = attainment.Evaluate(data, april, KpiGrouping.ByRep, PeriodUnit.Month);
/// var deals = new QuotaAttainmentCalculator(new QuotaAttainmentOptions
/// {
///     Id = "deal-quota-attainment", Measure = Kpis.DealsWon, CountQuota = (rep, month) => 10m,
/// });
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads, provided the quota delegate is.</threadsafety>
public sealed class QuotaAttainmentCalculator : DerivedKpiCalculator
{
    private readonly Func<string, KpiPeriod, Money?>? _quota;
    private readonly Func<string, KpiPeriod, decimal?>? _countQuota;

    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or its measure is null, or the quota that the measure's unit needs is null.</exception>
    /// <exception cref="ArgumentException">The id is not kebab-case; the measure is not money, a count or a number; or a quota of the other kind is set.</exception>
    public QuotaAttainmentCalculator(QuotaAttainmentOptions options)
        : base(Preconditions.CheckNotNull(options).Id, [Preconditions.CheckNotNull(options.Measure, "options.Measure")])
    {
        Measure = options.Measure;
        Preconditions.CheckArgument(
            Measure.Unit is KpiUnit.Money or KpiUnit.Count or KpiUnit.Number,
            "options.Measure",
            $"KPI '{Measure.Id}' is of unit {Measure.Unit}; a quota measures money, a count or a number.");
        if (Measure.Unit == KpiUnit.Money)
        {
            _quota = Preconditions.CheckNotNull(options.Quota, "options.Quota");
            Preconditions.CheckArgument(options.CountQuota is null, "options.CountQuota", $"KPI '{Measure.Id}' is money: set Quota, not CountQuota.");
        }
        else
        {
            _countQuota = Preconditions.CheckNotNull(options.CountQuota, "options.CountQuota");
            Preconditions.CheckArgument(options.Quota is null, "options.Quota", $"KPI '{Measure.Id}' is a {Measure.Unit.ToString().ToLowerInvariant()}: set CountQuota, not Quota.");
        }
    }

    /// <summary>Gets what is measured against the quota.</summary>
    public KpiCalculator Measure { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Ratio;

    /// <inheritdoc />
    public override string Description => $"{Measure.Id} / quota";

    /// <summary>Returns the attainment: achieved / quota.</summary>
    /// <param name="achieved">What was achieved; not negative.</param>
    /// <param name="quota">The quota; not negative.</param>
    /// <returns>A ratio; undefined when the quota is zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative.</exception>
    public static KpiValue Calculate(decimal achieved, decimal quota)
    {
        Preconditions.CheckRange(achieved >= 0m, achieved, "What was achieved must not be negative.", nameof(achieved));
        Preconditions.CheckRange(quota >= 0m, quota, "The quota must not be negative.", nameof(quota));
        return KpiValue.Ratio(achieved, quota, "the quota is zero");
    }

    /// <summary>Returns the attainment of a money quota: achieved / quota.</summary>
    /// <param name="achieved">The revenue achieved; not negative.</param>
    /// <param name="quota">The quota, in the same currency; not negative.</param>
    /// <returns>A ratio; undefined when the quota is zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    /// <exception cref="ArgumentException">The amounts are in different currencies.</exception>
    public static KpiValue Calculate(Money achieved, Money quota)
    {
        Preconditions.CheckArgument(achieved.Currency == quota.Currency, nameof(quota), $"The quota is in {quota.Currency} but what was achieved is in {achieved.Currency}.");
        return Calculate(achieved.Amount, quota.Amount);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A money quota is in another currency than the measure.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A quota is negative.</exception>
    public override KpiValue Combine(KpiCombination values)
    {
        Preconditions.CheckNotNull(values);
        var measured = values.Current(0);
        if (!measured.IsDefined)
        {
            return KpiValue.Undefined(Unit, $"{Measure.Id} is undefined: {measured.UndefinedReason}");
        }

        var noQuota = string.Create(CultureInfo.InvariantCulture, $"no quota is set for group '{values.Group}' in {values.Period.Label}");
        if (_quota is not null)
        {
            return _quota(values.Group, values.Period) is { } quota
                ? Calculate(ComponentMoney.In(measured, quota.Currency, Measure.Id), quota).WithUnpriced(measured.UnpricedCount)
                : KpiValue.Undefined(Unit, noQuota);
        }

        return _countQuota!(values.Group, values.Period) is { } count
            ? Calculate(measured.Value!.Value, count).WithUnpriced(measured.UnpricedCount)
            : KpiValue.Undefined(Unit, noQuota);
    }
}
