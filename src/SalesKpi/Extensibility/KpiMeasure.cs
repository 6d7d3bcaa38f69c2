using SalesKpi.Engine;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Extensibility;

/// <summary>
/// What an aggregate KPI accumulates, described as data — a count, a total, a share, a ratio or a sample of cycle days
/// of some <see cref="KpiRecords"/> — so that the engine can evaluate it in its fused, columnar scan: one pass per
/// collection for every KPI of a report, with no virtual call, delegate or dictionary look-up per record.
/// </summary>
/// <remarks>
/// <para>Most built-in KPIs are measures (<c>calls</c>, the email rates, <c>new-leads</c>, <c>close-rate</c>,
/// <c>revenue</c>, <c>sales-cycle-length</c>, …). A custom metric that fits one of the shapes gets the same speed: wrap it
/// in a <see cref="MeasureKpiCalculator"/>, or return it from <see cref="AggregateKpiCalculator.Measure"/>. It then
/// groups, buckets, filters and composes like any KPI.</para>
/// <para>A measure also runs on the general engine, record by record, through <see cref="Inputs"/> and
/// <see cref="CreateAccumulator"/>: the engine falls back to it when a report groups by a custom key or by a link
/// between collections (by source for opportunities), when a filter has predicates of its own, and when amounts must be
/// converted between currencies. Both paths give identical values.</para>
/// <para>Money is summed with the currency rules of <see cref="KpiSettings"/>, exactly as <see cref="MoneyTotal"/>
/// does; amounts are an opportunity's <see cref="Opportunities.Opportunity.Amount"/> and a deal's
/// <see cref="Deals.Deal.Value"/>.</para>
/// </remarks>
/// <example>
/// <code>
/// var demos = new MeasureKpiCalculator("demos", KpiMeasure.Count(KpiRecords.Activities.OfKind(new SalesActivityKind("demo"))));
/// var renewalShare = new MeasureKpiCalculator("renewal-share",
///     KpiMeasure.Share(KpiRecords.Deals, KpiRecords.Deals.OfKind(DealKind.Renewal), "no deals won", byAmount: true));
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiMeasure
{
    private KpiMeasure(MeasureShape shape, KpiUnit unit, string description, string emptyReason, string? otherReason, params MeasureComponent[] components)
    {
        Shape = shape;
        Unit = unit;
        Description = description;
        EmptyReason = emptyReason;
        OtherReason = otherReason;
        Components = components;
        var streams = new List<KpiStream>();
        foreach (var component in components)
        {
            var stream = component.Records.Stream;
            if (streams.Contains(stream))
            {
                continue;
            }

            System.Diagnostics.Debug.Assert(!streams.Exists(s => KpiStreams.RecordType(s) == KpiStreams.RecordType(stream)), "One stream per collection.");
            streams.Add(stream);
        }

        Streams = [.. streams];
        Inputs = [.. streams.Select(KpiStreams.Input)];
        CountSlots = components.Count(c => c.Kind == MeasureComponentKind.Count);
        SumSlots = components.Count(c => c.Kind == MeasureComponentKind.Sum);
        DaySlots = components.Count(c => c.Kind == MeasureComponentKind.Days);
    }

    /// <summary>Gets the unit of the measure's values.</summary>
    public KpiUnit Unit { get; }

    /// <summary>Gets a description, such as <c>count of activities by occurred at of kind call</c>.</summary>
    public string Description { get; }

    /// <summary>Gets the collections the measure reads, one input per collection, for the general engine.</summary>
    public IReadOnlyList<KpiInput> Inputs { get; }

    internal MeasureShape Shape { get; }

    internal string EmptyReason { get; }

    internal string? OtherReason { get; }

    internal MeasureComponent[] Components { get; }

    internal KpiStream[] Streams { get; }

    internal int CountSlots { get; }

    internal int SumSlots { get; }

    internal int DaySlots { get; }

    /// <summary>Returns the number of records: a <see cref="KpiUnit.Count"/>.</summary>
    /// <param name="records">The records counted.</param>
    /// <returns>The measure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    public static KpiMeasure Count(KpiRecords records)
    {
        Preconditions.CheckNotNull(records);
        return new(MeasureShape.Count, KpiUnit.Count, "count of " + records.Description, string.Empty, null, new MeasureComponent(MeasureComponentKind.Count, 0, records));
    }

    /// <summary>Returns the number of opportunities or deals with their total amount (<see cref="KpiValue.Amount"/>), such as <c>new-opportunities</c>.</summary>
    /// <param name="records">Opportunities or deals.</param>
    /// <returns>The measure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="records"/> are neither opportunities nor deals.</exception>
    public static KpiMeasure CountWithAmount(KpiRecords records)
    {
        CheckHasAmount(records);
        return new(MeasureShape.CountWithAmount, KpiUnit.Count, "count and amount of " + records.Description, string.Empty, null, new MeasureComponent(MeasureComponentKind.Sum, 0, records));
    }

    /// <summary>Returns the total amount of opportunities or deals: <see cref="KpiUnit.Money"/>, such as <c>revenue</c>.</summary>
    /// <param name="records">Opportunities or deals.</param>
    /// <returns>The measure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="records"/> are neither opportunities nor deals.</exception>
    public static KpiMeasure Total(KpiRecords records)
    {
        CheckHasAmount(records);
        return new(MeasureShape.Total, KpiUnit.Money, "total amount of " + records.Description, string.Empty, null, new MeasureComponent(MeasureComponentKind.Sum, 0, records));
    }

    /// <summary>Returns the mean amount of opportunities or deals, such as <c>average-deal-size</c>; amounts that cannot be priced are left out of the mean and counted in <see cref="KpiValue.UnpricedCount"/>.</summary>
    /// <param name="records">Opportunities or deals.</param>
    /// <param name="emptyReason">Why the value is undefined when there are no records.</param>
    /// <param name="unpricedReason">Why the value is undefined when no amount could be priced in the reporting currency.</param>
    /// <returns>The measure.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="records"/> are neither opportunities nor deals, or a reason is empty.</exception>
    public static KpiMeasure Average(KpiRecords records, string emptyReason, string unpricedReason = "no amount in the period could be priced in the reporting currency")
    {
        CheckHasAmount(records);
        Preconditions.CheckNotBlank(emptyReason);
        Preconditions.CheckNotBlank(unpricedReason);
        return new(MeasureShape.Average, KpiUnit.Money, "mean amount of " + records.Description, emptyReason, unpricedReason, new MeasureComponent(MeasureComponentKind.Sum, 0, records));
    }

    /// <summary>
    /// Returns the share of a population's records that are also in a subset: subset / population, a
    /// <see cref="KpiUnit.Ratio"/> within [0, 1], by count or by amount — such as <c>close-rate</c> or <c>email-open-rate</c>.
    /// </summary>
    /// <param name="population">The denominator's records.</param>
    /// <param name="subset">The numerator's records: a narrowing of <paramref name="population"/> (records of the same collection and timestamp; a record counts only when it is in both).</param>
    /// <param name="emptyReason">Why the value is undefined when the population is empty.</param>
    /// <param name="byAmount">True to weigh records by their amount (opportunities and deals only); by count when false.</param>
    /// <returns>The measure.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The sets read different collections or timestamps, the reason is empty, or
    /// <paramref name="byAmount"/> is true for records with no amount.</exception>
    public static KpiMeasure Share(KpiRecords population, KpiRecords subset, string emptyReason, bool byAmount = false)
    {
        Preconditions.CheckNotNull(population);
        Preconditions.CheckNotNull(subset);
        Preconditions.CheckNotBlank(emptyReason);
        Preconditions.CheckArgument(
            population.SameStream(subset),
            nameof(subset),
            $"The subset ({subset.Description}) must read the population's records ({population.Description}).");
        var both = population.And(subset);
        var description = $"share of {population.Description} that are {subset.Description}";
        if (byAmount)
        {
            CheckHasAmount(population, nameof(byAmount));
            return new(
                MeasureShape.ShareByAmount,
                KpiUnit.Ratio,
                description + " (by amount)",
                emptyReason,
                null,
                new MeasureComponent(MeasureComponentKind.Sum, 0, population),
                new MeasureComponent(MeasureComponentKind.Sum, 1, both));
        }

        return new(
            MeasureShape.Share,
            KpiUnit.Ratio,
            description,
            emptyReason,
            null,
            new MeasureComponent(MeasureComponentKind.Count, 0, population),
            new MeasureComponent(MeasureComponentKind.Count, 1, both));
    }

    /// <summary>
    /// Returns the number of one set's records per record of another, counted independently in the same group and period:
    /// a <see cref="KpiUnit.Ratio"/> that can exceed 1, such as <c>meeting-to-deal-rate</c> (won deals / meetings).
    /// </summary>
    /// <param name="numerator">The records counted above the line.</param>
    /// <param name="denominator">The records counted below the line; of another collection, or of the same collection and timestamp.</param>
    /// <param name="emptyReason">Why the value is undefined when the denominator is zero.</param>
    /// <returns>The measure.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The sets read one collection by different timestamps, or the reason is empty.</exception>
    public static KpiMeasure Ratio(KpiRecords numerator, KpiRecords denominator, string emptyReason)
    {
        Preconditions.CheckNotNull(numerator);
        Preconditions.CheckNotNull(denominator);
        Preconditions.CheckNotBlank(emptyReason);
        Preconditions.CheckArgument(
            numerator.RecordType != denominator.RecordType || numerator.SameStream(denominator),
            nameof(denominator),
            $"A measure reads each collection by one timestamp; {numerator.Description} and {denominator.Description} are placed by different ones.");
        return new(
            MeasureShape.Ratio,
            KpiUnit.Ratio,
            $"{numerator.Description} per {denominator.Description}",
            emptyReason,
            null,
            new MeasureComponent(MeasureComponentKind.Count, 0, numerator),
            new MeasureComponent(MeasureComponentKind.Count, 1, denominator));
    }

    /// <summary>
    /// Returns the calendar days from creation to close of closed opportunities, as a sample: mean (the value), median,
    /// 25th, 75th and 90th percentiles and sample size, such as <c>sales-cycle-length</c>. Days are counted between the
    /// local dates in the configured zone; an open opportunity is left out.
    /// </summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="emptyReason">Why the value is undefined when the sample is empty.</param>
    /// <returns>The measure.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="opportunities"/> are not opportunities, or the reason is empty.</exception>
    public static KpiMeasure CycleDays(KpiRecords opportunities, string emptyReason)
    {
        Preconditions.CheckNotNull(opportunities);
        Preconditions.CheckNotBlank(emptyReason);
        Preconditions.CheckArgument(
            opportunities.RecordType == KpiRecordType.Opportunities,
            nameof(opportunities),
            $"Cycle days are measured on opportunities, not on {opportunities.Description}.");
        return new(MeasureShape.CycleDays, KpiUnit.Days, "days from created to closed of " + opportunities.Description, emptyReason, null, new MeasureComponent(MeasureComponentKind.Days, 0, opportunities));
    }

    /// <summary>Creates the empty state of one group and period, for the general engine.</summary>
    /// <param name="context">The evaluation's settings, data and services.</param>
    /// <returns>A new accumulator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new MeasureAccumulator(this, context.Settings);
    }

    /// <summary>Returns the description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;

    private static void CheckHasAmount(KpiRecords records, string paramName = "records")
    {
        Preconditions.CheckNotNull(records);
        Preconditions.CheckArgument(
            records.RecordType is KpiRecordType.Opportunities or KpiRecordType.Deals,
            paramName,
            $"{records.Description} have no amount; amounts are measured on opportunities and deals.");
    }
}

/// <summary>The shape of a <see cref="KpiMeasure"/>: which components it has and how their state becomes a value.</summary>
internal enum MeasureShape
{
    Count,
    CountWithAmount,
    Total,
    Average,
    Share,
    ShareByAmount,
    Ratio,
    CycleDays,
}

/// <summary>What a measure component accumulates per group and period.</summary>
internal enum MeasureComponentKind
{
    /// <summary>A number of records.</summary>
    Count,

    /// <summary>A <see cref="MoneyTotal"/> of the records' amounts (with their number).</summary>
    Sum,

    /// <summary>A histogram of the records' cycle days.</summary>
    Days,
}

/// <summary>One part of a measure: a kind of state over a set of records, in its slot of that kind.</summary>
internal sealed class MeasureComponent(MeasureComponentKind kind, int slot, KpiRecords records)
{
    public MeasureComponentKind Kind { get; } = kind;

    public int Slot { get; } = slot;

    public KpiRecords Records { get; } = records;
}
