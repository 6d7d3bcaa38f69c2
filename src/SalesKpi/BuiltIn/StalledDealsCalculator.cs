using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using NodaTime;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>Options of <see cref="StalledDealsCalculator"/>.</summary>
public sealed class StalledDealsOptions
{
    /// <summary>Gets or sets the KPI's id.</summary>
    /// <value>The default value is <c>stalled-deals</c>.</value>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Id { get; set => field = Preconditions.CheckSetNotNull(value); } = KpiIds.StalledDeals;

    /// <summary>Gets or sets how many days an open opportunity must go untouched to be stalled; greater than 0.</summary>
    /// <value>The default value is 30.</value>
    public int Days { get; set; } = 30;

    /// <summary>Gets or sets a value indicating whether the KPI is the share of the open opportunities that are stalled (<c>stalled-deal-rate</c>) rather than their count.</summary>
    /// <value>The default value is false: the count, with the total amount.</value>
    public bool Rate { get; set; }
}

/// <summary>
/// <c>stalled-deals</c> and <c>stalled-deal-rate</c>: the opportunities open at the end of the period that were not
/// touched in the last <see cref="StalledDealsOptions.Days"/> days before it — their count and total amount, or their
/// share of the opportunities open at the end.
/// </summary>
/// <remarks>
/// <para>An opportunity is open at the end of the period by the rule of <see cref="QualifiedPipelineCalculator"/>. Its
/// touches are its creation, its stage entries and the activities that name it
/// (<see cref="Activities.SalesActivity.Opportunity"/>), each before the period's end. It is stalled when the whole
/// days, in the report's time zone, from the date of its latest touch to the period's last day are at least
/// <see cref="StalledDealsOptions.Days"/>. The activities are looked up in the whole snapshot, whatever the grouping;
/// so, as for <see cref="KpiGrouping.BySource"/>, partitions accumulated apart (<c>KpiEvaluator.Accumulate</c>) merge
/// exactly only when each opportunity's activities are in its partition.
/// The rate is undefined when no opportunity is open at the period's end; the count is then 0.</para>
/// </remarks>
/// <example>
/// <code>
/// var stalled = new StalledDealsCalculator(new StalledDealsOptions { Id = "stalled-14", Days = 14 });
/// KpiValue value = stalled.Evaluate(data, march); // value.Value: count; value.Amount: total
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class StalledDealsCalculator : AggregateKpiCalculator
{
    private static readonly ConditionalWeakTable<SalesData, FrozenDictionary<OpportunityId, Instant[]>> ActivityTimes = new();

    /// <summary>Initializes the calculator.</summary>
    /// <param name="options">The options; the defaults when null.</param>
    /// <exception cref="ArgumentException">The id is not kebab-case.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The days are not greater than 0.</exception>
    public StalledDealsCalculator(StalledDealsOptions? options = null)
        : base((options ??= new StalledDealsOptions()).Id)
    {
        Preconditions.CheckRange(options.Days > 0, options.Days, "An opportunity is stalled after at least one day untouched; give Days > 0.", "options.Days");
        Days = options.Days;
        Rate = options.Rate;
    }

    /// <summary>Gets how many days an open opportunity must go untouched to be stalled.</summary>
    public int Days { get; }

    /// <summary>Gets a value indicating whether the KPI is the share stalled rather than the count.</summary>
    public bool Rate { get; }

    /// <inheritdoc />
    public override KpiUnit Unit => Rate ? KpiUnit.Ratio : KpiUnit.Count;

    /// <inheritdoc />
    public override KpiDirection Direction => KpiDirection.LowerIsBetter;

    /// <inheritdoc />
    public override string Description => Rate
        ? $"share of the opportunities open at period end with no stage change or activity in {Days} days"
        : $"opportunities open at period end with no stage change or activity in {Days} days (count and total amount)";

    /// <inheritdoc />
    /// <remarks><para>The activities are declared so that a source loads them (SalesKpi.Sql reads the tables of a KPI's
    /// inputs); none is added to an accumulator, which looks up an opportunity's activities in the snapshot.</para></remarks>
    public override IReadOnlyList<KpiInput> Inputs { get; } =
        [KpiInput.OpportunitiesAlive(), KpiInput.Activities(static _ => null, "the opportunity they name (looked up, not counted)")];

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        var times = ActivityTimes.GetValue(context.Data, static data => data.Activities
            .Where(a => a.Opportunity is not null)
            .GroupBy(a => a.Opportunity!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.Select(a => a.OccurredAt).Order().ToArray()));
        return new Accumulator(this, context.Settings, times, context.CreateMoneyTotal());
    }

    /// <summary>Returns the latest touch of an opportunity before an instant: its creation, a stage entry or an activity naming it.</summary>
    private static Instant LatestTouch(Opportunity opportunity, Instant end, FrozenDictionary<OpportunityId, Instant[]> activities)
    {
        var latest = opportunity.CreatedAt;
        foreach (var entry in opportunity.StageHistory)
        {
            if (entry.EnteredAt < end && entry.EnteredAt > latest)
            {
                latest = entry.EnteredAt;
            }
        }

        if (activities.TryGetValue(opportunity.Id, out var times))
        {
            // The last activity before the end: binary search for the first at or after it.
            int lo = 0, hi = times.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (times[mid] < end)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            if (lo > 0 && times[lo - 1] > latest)
            {
                latest = times[lo - 1];
            }
        }

        return latest;
    }

    private sealed class Accumulator(StalledDealsCalculator owner, KpiSettings settings, FrozenDictionary<OpportunityId, Instant[]> activities, MoneyTotal total) : KpiAccumulator
    {
        private long _open;
        private long _stalled;

        public override void Add(Opportunity opportunity, KpiPeriod period)
        {
            Preconditions.CheckNotNull(opportunity);
            Preconditions.CheckNotNull(period);
            if (!opportunity.IsOpenAt(period.End))
            {
                return;
            }

            _open++;
            var touched = settings.LocalDateOf(LatestTouch(opportunity, period.End, activities));
            if (Period.DaysBetween(touched, period.Dates.End) >= owner.Days)
            {
                _stalled++;
                total.Add(opportunity.Amount, period.Dates.End);
            }
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            var o = (Accumulator)other;
            _open += o._open;
            _stalled += o._stalled;
            total.Merge(o.Total);
        }

        public override KpiValue GetValue() => owner.Rate
            ? KpiValue.Ratio(_stalled, _open, "no opportunities open at the end of the period")
            : KpiValue.Count(_stalled, total.Currency is null ? null : total.ToMoney(), total.UnpricedCount);

        private MoneyTotal Total => total;
    }
}
