using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Extensibility;

/// <summary>
/// A collection a KPI reads, with the rule that places each record in the periods of a report: either the
/// instant that decides the record's period (an event), or the span of dates the record covers (spend, contract
/// terms, open opportunities), in which case the record goes to every period it overlaps.
/// </summary>
/// <remarks>
/// <para>Create inputs with the static factories. A KPI reads each collection through at most one input.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public abstract class KpiInput
{
    private protected KpiInput(KpiRecordType recordType, string description)
    {
        RecordType = recordType;
        Description = description;
    }

    /// <summary>Gets the collection read.</summary>
    public KpiRecordType RecordType { get; }

    /// <summary>Gets what decides the period, such as <c>leads by created at</c>.</summary>
    public string Description { get; }

    /// <summary>Returns an input of leads, each in the period of the given instant.</summary>
    /// <param name="decidingInstant">The instant that decides the period; a lead for which it returns null is not counted.</param>
    /// <param name="description">What decides the period, such as <c>created at</c>.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static KpiInput<Lead> Leads(Func<Lead, Instant?> decidingInstant, string description) =>
        new(KpiRecordType.Leads, "leads by " + Preconditions.CheckNotNull(description), Preconditions.CheckNotNull(decidingInstant), null);

    /// <summary>Returns an input of opportunities, each in the period of the given instant.</summary>
    /// <param name="decidingInstant">The instant that decides the period; an opportunity for which it returns null is not counted.</param>
    /// <param name="description">What decides the period, such as <c>closed at</c>.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static KpiInput<Opportunity> Opportunities(Func<Opportunity, Instant?> decidingInstant, string description) =>
        new(KpiRecordType.Opportunities, "opportunities by " + Preconditions.CheckNotNull(description), Preconditions.CheckNotNull(decidingInstant), null);

    /// <summary>Returns an input of opportunities, each in the period of the given local date.</summary>
    /// <param name="decidingDate">The date that decides the period; an opportunity for which it returns null is not counted.</param>
    /// <param name="description">What decides the period, such as <c>expected close date</c>.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static KpiInput<Opportunity> OpportunitiesByDate(Func<Opportunity, LocalDate?> decidingDate, string description)
    {
        Preconditions.CheckNotNull(decidingDate);
        return new(
            KpiRecordType.Opportunities,
            "opportunities by " + Preconditions.CheckNotNull(description),
            null,
            (o, _) => decidingDate(o) is { } d ? (d, d) : null);
    }

    /// <summary>Returns an input of opportunities, each in every period from the date it was created to the date it closed (or to the end of the report while open).</summary>
    /// <returns>The input.</returns>
    public static KpiInput<Opportunity> OpportunitiesAlive() =>
        new(
            KpiRecordType.Opportunities,
            "opportunities from created to closed",
            null,
            static (o, s) => (s.LocalDateOf(o.CreatedAt), o.ClosedAt is { } c ? s.LocalDateOf(c) : null));

    /// <summary>Returns an input of deals, each in the period of the given instant.</summary>
    /// <param name="decidingInstant">The instant that decides the period; a deal for which it returns null is not counted.</param>
    /// <param name="description">What decides the period, such as <c>closed at</c>.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static KpiInput<Deal> Deals(Func<Deal, Instant?> decidingInstant, string description) =>
        new(KpiRecordType.Deals, "deals by " + Preconditions.CheckNotNull(description), Preconditions.CheckNotNull(decidingInstant), null);

    /// <summary>Returns an input of deals with a contract term, each in every period its term overlaps, including the day before and after the term (so that a period can see a term that ends or starts at its boundary). A term that reaches an end of the calendar, such as one ending on <see cref="LocalDate.MaxIsoValue"/> (the usual "no end date"), stays there.</summary>
    /// <returns>The input.</returns>
    public static KpiInput<Deal> DealTerms() =>
        new(
            KpiRecordType.Deals,
            "deals by contract term",
            null,
            static (d, _) => d.Term is { } t ? (DateMath.SaturatingPlusDays(t.Start, -1), DateMath.SaturatingPlusDays(t.End, 1)) : null);

    /// <summary>Returns an input of activities, each in the period of the given instant.</summary>
    /// <param name="decidingInstant">The instant that decides the period; an activity for which it returns null is not counted.</param>
    /// <param name="description">What decides the period, such as <c>occurred at</c>.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static KpiInput<SalesActivity> Activities(Func<SalesActivity, Instant?> decidingInstant, string description) =>
        new(KpiRecordType.Activities, "activities by " + Preconditions.CheckNotNull(description), Preconditions.CheckNotNull(decidingInstant), null);

    /// <summary>Returns an input of marketing spend, each record in every period its dates overlap.</summary>
    /// <returns>The input.</returns>
    public static KpiInput<MarketingSpend> Spend() =>
        new(KpiRecordType.Spend, "spend by its dates", null, static (s, _) => (s.Period.Start, s.Period.End));

    /// <summary>Returns the description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;
}

/// <summary>A collection of records of type <typeparamref name="TRecord"/> a KPI reads; see <see cref="KpiInput"/>.</summary>
/// <typeparam name="TRecord">The record type.</typeparam>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiInput<TRecord> : KpiInput
    where TRecord : class
{
    internal KpiInput(
        KpiRecordType recordType,
        string description,
        Func<TRecord, Instant?>? decidingInstant,
        Func<TRecord, KpiSettings, (LocalDate Start, LocalDate? End)?>? span)
        : base(recordType, description)
    {
        DecidingInstant = decidingInstant;
        Span = span;
    }

    internal Func<TRecord, Instant?>? DecidingInstant { get; }

    internal Func<TRecord, KpiSettings, (LocalDate Start, LocalDate? End)?>? Span { get; }
}
