using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Engine;

/// <summary>
/// The state of a <see cref="KpiMeasure"/> for one group and period: counts, money totals and day samples, one slot per
/// component. The general engine fills it record by record; the fast engine fills it from its per-cell tables. Either
/// way the value comes from <see cref="GetValue"/>, so the two paths cannot disagree on how a value is finished.
/// </summary>
internal sealed class MeasureAccumulator : KpiAccumulator
{
    // A report has one accumulator per group, period and KPI, so the slots are fields, not arrays: a measure has at most
    // two counts, two totals and one sample (see KpiMeasure's shapes).
    private readonly KpiMeasure _measure;
    private readonly KpiSettings _settings;
    private long _count0;
    private long _count1;
    private MoneyTotal? _total0;
    private MoneyTotal? _total1;
    private DayHistogram? _days;

    public MeasureAccumulator(KpiMeasure measure, KpiSettings settings)
    {
        System.Diagnostics.Debug.Assert(measure.CountSlots <= 2 && measure.SumSlots <= 2 && measure.DaySlots <= 1, "The slots fit the fields.");
        _measure = measure;
        _settings = settings;
    }

    /// <summary>Gets the sample of days (slot 0), or null while empty.</summary>
    public DayHistogram? Days => _days;

    /// <summary>Returns the count of a slot, to add to.</summary>
    public ref long Count(int slot) => ref slot == 0 ? ref _count0 : ref _count1;

    /// <summary>Returns the total of a slot, or null while nothing was added to it.</summary>
    public MoneyTotal? TotalOrNull(int slot) => slot == 0 ? _total0 : _total1;

    /// <summary>Adds a sample of days, taking it over when this one has none (the caller does not use it again).</summary>
    public void AddDays(DayHistogram sample)
    {
        if (_days is null)
        {
            _days = sample;
        }
        else
        {
            _days.Merge(sample);
        }
    }

    public override void Add(Lead lead, KpiPeriod period)
    {
        Preconditions.CheckNotNull(lead);
        Preconditions.CheckNotNull(period);
        foreach (var component in _measure.Components)
        {
            if (KpiStreams.RecordType(component.Records.Stream) == KpiRecordType.Leads && component.Records.Condition.Matches(lead))
            {
                Count(component.Slot)++;
            }
        }
    }

    public override void Add(SalesActivity activity, KpiPeriod period)
    {
        Preconditions.CheckNotNull(activity);
        Preconditions.CheckNotNull(period);
        foreach (var component in _measure.Components)
        {
            if (component.Records.Stream == KpiStream.Activities && component.Records.Condition.Matches(activity))
            {
                Count(component.Slot)++;
            }
        }
    }

    public override void Add(Opportunity opportunity, KpiPeriod period)
    {
        Preconditions.CheckNotNull(opportunity);
        Preconditions.CheckNotNull(period);
        if (_measure.Shape == MeasureShape.ShareByAmount)
        {
            AddShareByAmount(opportunity.Amount, KpiStreams.InstantOf(_measure.Components[0].Records.Stream, opportunity)!.Value, opportunity.Matches);
            return;
        }

        foreach (var component in _measure.Components)
        {
            var stream = component.Records.Stream;
            if (KpiStreams.RecordType(stream) != KpiRecordType.Opportunities || !component.Records.Condition.Matches(opportunity))
            {
                continue;
            }

            switch (component.Kind)
            {
                case MeasureComponentKind.Count:
                    Count(component.Slot)++;
                    break;
                case MeasureComponentKind.Sum:
                    Total(component.Slot).Add(opportunity.Amount, _settings.LocalDateOf(KpiStreams.InstantOf(stream, opportunity)!.Value));
                    break;
                default:
                    if (opportunity.ClosedAt is { } closed)
                    {
                        (_days ??= new DayHistogram()).Add(Period.DaysBetween(_settings.LocalDateOf(opportunity.CreatedAt), _settings.LocalDateOf(closed)));
                    }

                    break;
            }
        }
    }

    public override void Add(Deal deal, KpiPeriod period)
    {
        Preconditions.CheckNotNull(deal);
        Preconditions.CheckNotNull(period);
        if (_measure.Shape == MeasureShape.ShareByAmount)
        {
            AddShareByAmount(deal.Value, deal.ClosedAt, deal.Matches);
            return;
        }

        foreach (var component in _measure.Components)
        {
            if (component.Records.Stream != KpiStream.Deals || !component.Records.Condition.Matches(deal))
            {
                continue;
            }

            if (component.Kind == MeasureComponentKind.Count)
            {
                Count(component.Slot)++;
            }
            else
            {
                Total(component.Slot).Add(deal.Value, _settings.LocalDateOf(deal.ClosedAt));
            }
        }
    }

    public override void Merge(KpiAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        var o = (MeasureAccumulator)other;
        _count0 += o._count0;
        _count1 += o._count1;
        if (o._total0 is { } total0)
        {
            Total(0).Merge(total0);
        }

        if (o._total1 is { } total1)
        {
            Total(1).Merge(total1);
        }

        if (o._days is { } days)
        {
            (_days ??= new DayHistogram()).Merge(days);
        }
    }

    public override KpiValue GetValue() =>
        Finish(
            _measure,
            _count0,
            _count1,
            MoneyView.Of(_total0, _settings),
            MoneyView.Of(_total1, _settings),
            _days is { } days ? new DaySample(days) : default);

    /// <summary>
    /// Returns the value of a measure's state: the one place a measure's value is made, whether the state is an
    /// accumulator's or a cell of the columnar scan's counters.
    /// </summary>
    public static KpiValue Finish(KpiMeasure measure, long count0, long count1, MoneyView total0, MoneyView total1, DaySample days)
    {
        var reason = measure.EmptyReason;
        switch (measure.Shape)
        {
            case MeasureShape.Count:
                return KpiValue.Count(count0);
            case MeasureShape.CountWithAmount:
                return KpiValue.Count(total0.Count, total0.Currency is null ? null : total0.ToMoney(), total0.UnpricedCount);
            case MeasureShape.Total:
                return KpiValue.FromMoney(total0.ToMoney(), total0.UnpricedCount);
            case MeasureShape.Average:
                return KpiValue.MoneyRatio(
                    total0.ToMoney(),
                    total0.Count - total0.UnpricedCount,
                    total0.Count == 0 ? reason : measure.OtherReason!,
                    unpricedCount: total0.UnpricedCount);
            case MeasureShape.Share:
                return KpiValue.Ratio(count1, count0, reason);
            case MeasureShape.ShareByAmount:
            {
                // As RecordRatioCalculator by weight: undefined for no records, for no priced amount, or for a zero sum.
                var zeroReason = total0.Count == 0 ? reason
                    : total0.UnpricedCount == total0.Count ? "no amount in the denominator could be priced in the reporting currency"
                    : "the amounts in the denominator add up to zero";
                return KpiValue.Ratio(total1.Amount, total0.Amount, zeroReason).WithUnpriced(total0.UnpricedCount);
            }

            case MeasureShape.Ratio:
                return KpiValue.Ratio(count0, count1, reason);
            default:
                return KpiValue.Durations(days, reason);
        }
    }

    /// <summary>Returns the total of a slot, created (empty, in the reporting currency) on first use.</summary>
    public MoneyTotal Total(int slot) => slot == 0 ? _total0 ??= new MoneyTotal(_settings) : _total1 ??= new MoneyTotal(_settings);

    private void AddShareByAmount(Money amount, Instant decidingInstant, Func<RecordCondition, bool> matches)
    {
        // As RecordRatioCalculator by weight: an amount is in the numerator only when it could be priced in the denominator.
        if (!matches(_measure.Components[0].Records.Condition))
        {
            return;
        }

        var date = _settings.LocalDateOf(decidingInstant);
        var denominator = Total(0);
        var unpricedBefore = denominator.UnpricedCount;
        denominator.Add(amount, date);
        if (denominator.UnpricedCount == unpricedBefore && matches(_measure.Components[1].Records.Condition))
        {
            Total(1).Add(amount, date);
        }
    }
}

/// <summary>Extension helpers so a record can be matched against a condition in a delegate.</summary>
internal static class RecordConditionMatching
{
    public static bool Matches(this Opportunity opportunity, RecordCondition condition) => condition.Matches(opportunity);

    public static bool Matches(this Deal deal, RecordCondition condition) => condition.Matches(deal);
}

/// <summary>What a measure's value needs of a <see cref="MoneyTotal"/>: its amount, currency, number of amounts and unpriced ones.</summary>
internal readonly record struct MoneyView(decimal Amount, Currency? Currency, long Count, int UnpricedCount)
{
    /// <summary>Returns the view of a total, or of an empty one (in the reporting currency, if any) when null.</summary>
    public static MoneyView Of(MoneyTotal? total, KpiSettings settings) =>
        total is null ? new(0m, settings.ReportingCurrency, 0, 0) : new(total.Amount, total.Currency, total.Count, total.UnpricedCount);

    /// <summary>Returns the sum as money, as <see cref="MoneyTotal.ToMoney"/> does.</summary>
    public Money ToMoney() => new(Amount, Currency ?? default);
}
