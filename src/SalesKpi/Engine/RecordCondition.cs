using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;

namespace SalesKpi.Engine;

/// <summary>
/// A condition on the traits of a record — an activity's kind and outcomes, a lead's source and whether it was
/// qualified and converted, an opportunity's status, a deal's kind — with no per-record code beyond those traits.
/// </summary>
/// <remarks>
/// <para>Because it depends on the traits only, the fast engine decides it once per distinct combination of traits
/// (a table over the snapshot's interned codes) instead of once per record; the general engine calls it per record.
/// A null predicate keeps every record of its collection.</para>
/// <para>A condition may also hold a predicate of the whole record (<see cref="Record"/>, from
/// <see cref="Extensibility.KpiRecords.Where{TRecord}"/>): that one needs the record itself, so a measure with it is
/// evaluated record by record (<see cref="ReadsRecords"/>).</para>
/// </remarks>
internal sealed class RecordCondition
{
    private RecordCondition(
        Func<SalesActivityKind, ActivityOutcomes, bool>? activity,
        Func<string, bool, bool, bool>? lead,
        Func<OpportunityStatus, bool>? opportunity,
        Func<DealKind, bool>? deal,
        Func<object, bool>? record = null)
    {
        Activity = activity;
        Lead = lead;
        Opportunity = opportunity;
        Deal = deal;
        Record = record;
    }

    /// <summary>Gets the condition that keeps every record.</summary>
    public static RecordCondition All { get; } = new(null, null, null, null);

    /// <summary>Gets the predicate over an activity's kind and (recorded) outcomes, or null.</summary>
    public Func<SalesActivityKind, ActivityOutcomes, bool>? Activity { get; }

    /// <summary>Gets the predicate over a lead's source, whether it was qualified and whether it was converted, or null.</summary>
    public Func<string, bool, bool, bool>? Lead { get; }

    /// <summary>Gets the predicate over an opportunity's status, or null.</summary>
    public Func<OpportunityStatus, bool>? Opportunity { get; }

    /// <summary>Gets the predicate over a deal's kind, or null.</summary>
    public Func<DealKind, bool>? Deal { get; }

    /// <summary>Gets the predicate over the whole record (of the collection it was created for), or null.</summary>
    public Func<object, bool>? Record { get; }

    /// <summary>Gets whether the condition needs the record itself, not only its traits: the columnar scan cannot decide it.</summary>
    public bool ReadsRecords => Record is not null;

    public static RecordCondition OfActivities(Func<SalesActivityKind, ActivityOutcomes, bool> predicate) => new(predicate, null, null, null);

    public static RecordCondition OfLeads(Func<string, bool, bool, bool> predicate) => new(null, predicate, null, null);

    public static RecordCondition OfOpportunities(Func<OpportunityStatus, bool> predicate) => new(null, null, predicate, null);

    public static RecordCondition OfDeals(Func<DealKind, bool> predicate) => new(null, null, null, predicate);

    /// <summary>Returns a condition on whole records of type <typeparamref name="TRecord"/>; the caller checks that the collection holds them.</summary>
    public static RecordCondition OfRecords<TRecord>(Func<TRecord, bool> predicate)
        where TRecord : class => new(null, null, null, null, r => predicate((TRecord)r));

    /// <summary>Returns true when the condition keeps every record of the collection.</summary>
    public bool KeepsAll(KpiRecordType type) => Record is null && type switch
    {
        KpiRecordType.Activities => Activity is null,
        KpiRecordType.Leads => Lead is null,
        KpiRecordType.Opportunities => Opportunity is null,
        KpiRecordType.Deals => Deal is null,
        _ => true,
    };

    public RecordCondition And(RecordCondition other)
    {
        if (ReferenceEquals(this, All) || ReferenceEquals(this, other))
        {
            return other;
        }

        if (ReferenceEquals(other, All))
        {
            return this;
        }

        return new(Both(Activity, other.Activity), Both(Lead, other.Lead), Both(Opportunity, other.Opportunity), Both(Deal, other.Deal), Both(Record, other.Record));
    }

    public bool Matches(SalesActivity activity) => (Activity?.Invoke(activity.Kind, activity.Outcomes) ?? true) && (Record?.Invoke(activity) ?? true);

    public bool Matches(Lead lead) =>
        (Lead?.Invoke(lead.Source, lead.QualifiedAt.HasValue, lead.ConvertedAt.HasValue) ?? true) && (Record?.Invoke(lead) ?? true);

    public bool Matches(Opportunity opportunity) => (Opportunity?.Invoke(opportunity.Status) ?? true) && (Record?.Invoke(opportunity) ?? true);

    public bool Matches(Deal deal) => (Deal?.Invoke(deal.Kind) ?? true) && (Record?.Invoke(deal) ?? true);

    private static Func<SalesActivityKind, ActivityOutcomes, bool>? Both(Func<SalesActivityKind, ActivityOutcomes, bool>? a, Func<SalesActivityKind, ActivityOutcomes, bool>? b) =>
        a is null ? b : b is null ? a : (k, o) => a(k, o) && b(k, o);

    private static Func<string, bool, bool, bool>? Both(Func<string, bool, bool, bool>? a, Func<string, bool, bool, bool>? b) =>
        a is null ? b : b is null ? a : (s, q, c) => a(s, q, c) && b(s, q, c);

    private static Func<T, bool>? Both<T>(Func<T, bool>? a, Func<T, bool>? b) =>
        a is null ? b : b is null ? a : x => a(x) && b(x);
}
